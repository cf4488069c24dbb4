/**
 * `seq [-w] [-s SEP] [-f FORMAT] [FIRST [INCREMENT]] LAST` (GNU coreutils 9.1). The numbers go out
 * in chunks, one chunk per virtual millisecond, so `seq 1 1000000 | head -n 3` ends as in bash: head
 * exits and seq dies of SIGPIPE at its next write.
 */
import type { ProcessContext, Tool } from '../../runtime/types';
import { coreutilsFooter, helpVersionLines } from './gnu/footer';
import type { GetoptSpec } from './gnu/getopt';
import { optionNames, parseArgs, quote, usageError } from './gnu/program';
import type { GnuProgram } from './gnu/program';
import { formatFloat } from './printfNumbers';
import type { Spec } from './printfNumbers';

const program: GnuProgram = {
  name: 'seq',
  pkg: 'coreutils',
  authors: ['Ulrich Drepper'],
  usageStatus: 1,
  help:
    'Usage: seq [OPTION]... LAST\n' +
    '  or:  seq [OPTION]... FIRST LAST\n' +
    '  or:  seq [OPTION]... FIRST INCREMENT LAST\n' +
    'Print numbers from FIRST to LAST, in steps of INCREMENT.\n\n' +
    'Mandatory arguments to long options are mandatory for short options too.\n' +
    '  -f, --format=FORMAT      use printf style floating-point FORMAT\n' +
    '  -s, --separator=STRING   use STRING to separate numbers (default: \\n)\n' +
    '  -w, --equal-width        equalize width by padding with leading zeroes\n' +
    helpVersionLines +
    '\nIf FIRST or INCREMENT is omitted, it defaults to 1.  That is, an\n' +
    'omitted INCREMENT defaults to 1 even when LAST is smaller than FIRST.\n' +
    'The sequence of numbers ends when the sum of the current number and\n' +
    'INCREMENT would become greater than LAST.\n' +
    'FIRST, INCREMENT, and LAST are interpreted as floating point values.\n' +
    'INCREMENT is usually positive if FIRST is smaller than LAST, and\n' +
    'INCREMENT is usually negative if FIRST is greater than LAST.\n' +
    'INCREMENT must not be 0; none of FIRST, INCREMENT and LAST may be NaN.\n' +
    "FORMAT must be suitable for printing one argument of type 'double';\n" +
    'it defaults to %.PRECf if FIRST, INCREMENT, and LAST are all fixed point\n' +
    'decimal numbers with maximum precision PREC, and to %g otherwise.\n' +
    coreutilsFooter('seq'),
};

const spec: GetoptSpec = {
  short: 'f:s:w',
  stopAtOperand: true,
  long: [
    { name: 'format', arg: 'required', key: 'f' },
    { name: 'separator', arg: 'required', key: 's' },
    { name: 'equal-width', arg: 'none', key: 'w' },
  ],
};

/** Numbers written per chunk; a chunk per virtual millisecond. */
export const SEQ_CHUNK = 1024;

/** An operand: its value, and the precision and width it was written with (seq.c scan_arg). */
interface Operand {
  value: number;
  /** Digits after the point; undefined when it cannot tell (hex, inf). */
  precision: number | undefined;
  width: number;
}

const numberPattern =
  /^\s*[+-]?(?:inf(?:inity)?|nan|0x[0-9a-f]+(?:\.[0-9a-f]*)?(?:p[+-]?\d+)?|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)$/i;

function scanOperand(arg: string): Operand | { error: string } {
  if (!numberPattern.test(arg)) return { error: `invalid floating point argument: ${quote(arg)}` };
  const text = arg.trim().replace(/^\+/, '');
  const lower = text.toLowerCase();
  let value: number;
  if (lower.replace(/^-/, '').startsWith('inf'))
    value = lower.startsWith('-') ? -Infinity : Infinity;
  else if (lower.includes('nan'))
    return { error: `invalid 'not-a-number' argument: ${quote(arg)}` };
  else if (lower.includes('0x')) {
    const neg = lower.startsWith('-');
    const m = /0x([0-9a-f]+)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?/.exec(lower)!;
    value = Number.parseInt(m[1]!, 16);
    [...(m[2] ?? '')].forEach((d, i) => (value += Number.parseInt(d, 16) / 16 ** (i + 1)));
    value *= 2 ** Number(m[3] ?? 0);
    if (neg) value = -value;
    return { value, precision: undefined, width: text.length };
  } else value = Number(text);
  if (!Number.isFinite(value)) return { value, precision: undefined, width: text.length };
  let width = text.length;
  let precision = 0;
  const point = text.indexOf('.');
  const e = text.search(/[eE]/);
  if (point >= 0) {
    const fraction = (e < 0 ? text.slice(point + 1) : text.slice(point + 1, e)).length;
    precision = fraction;
    if (fraction === 0) width -= 1;
    else if (point === 0 || !/\d/.test(text[point - 1]!)) width += 1;
  }
  if (e >= 0) {
    const exponent = Number(text.slice(e + 1));
    precision += exponent < 0 ? -exponent : -Math.min(precision, exponent);
    width -= text.length - e;
    if (exponent < 0) {
      if (point < 0) width++;
      else if (e === point + 1) width++;
    } else if (point >= 0 && precision === 0) width--;
    width += Math.abs(exponent);
  }
  return { value, precision, width };
}

/** A `-f` FORMAT: text before and after its one floating point directive. */
interface Format {
  before: string;
  spec: Spec | undefined;
  after: string;
}

/** Checks `-f FORMAT` as seq.c long_double_format does; an error is seq's message. */
function parseFormat(fmt: string): Format | { error: string } {
  const unescape = (s: string) => s.replace(/%%/g, '%');
  const directives = [...fmt.matchAll(/%(%|[-+ #0']*\d*(?:\.\d*)?[lLhjzt]*(.?))/g)].filter(
    (m) => m[1] !== '%',
  );
  if (directives.length === 0) return { error: `format ${quote(fmt)} has no % directive` };
  if (directives.length > 1) return { error: `format ${quote(fmt)} has too many % directives` };
  const d = directives[0]!;
  const conv = d[2]!;
  if (!/^[aAeEfFgG]$/.test(conv)) {
    if (conv === '') return { error: `format ${quote(fmt)} ends in %` };
    return { error: `format ${quote(fmt)} has unknown %${conv} directive` };
  }
  const m = /^%([-+ #0']*)(\d*)(?:\.(\d*))?/.exec(d[0])!;
  return {
    before: unescape(fmt.slice(0, d.index)),
    spec: {
      flags: m[1]!,
      width: m[2] ? Number(m[2]) : undefined,
      precision: m[3] !== undefined ? Number(m[3] || '0') : undefined,
      conversion: conv,
    },
    after: unescape(fmt.slice(d.index! + d[0].length)),
  };
}

function run(ctx: ProcessContext): void {
  const args = ctx.argv.slice(1);
  // seq.c: an argument like `-1` or `-.5` is a (negative) number, and ends the options.
  const firstNumber = args.findIndex((a) => /^-[.\d]/.test(a));
  const optionArgs = firstNumber < 0 ? args : args.slice(0, firstNumber);
  const parsed = parseArgs(ctx, program, spec, optionArgs);
  if (!parsed) return;
  const operands = [...parsed.operands, ...(firstNumber < 0 ? [] : args.slice(firstNumber))];
  let format: string | undefined;
  let separator = '\n';
  let equalWidth = false;
  for (const o of parsed.options) {
    if (o.key === 'f') format = o.value;
    else if (o.key === 's') separator = o.value ?? '';
    else if (o.key === 'w') equalWidth = true;
  }
  if (operands.length === 0) return usageError(ctx, program, 'missing operand');
  if (operands.length > 3) return usageError(ctx, program, `extra operand ${quote(operands[3]!)}`);
  const scanned: Operand[] = [];
  for (const arg of operands) {
    const op = scanOperand(arg);
    if ('error' in op) return usageError(ctx, program, op.error);
    scanned.push(op);
  }
  const one: Operand = { value: 1, precision: 0, width: 1 };
  const [first, step, last] =
    scanned.length === 1
      ? [one, one, scanned[0]!]
      : scanned.length === 2
        ? [scanned[0]!, one, scanned[1]!]
        : [scanned[0]!, scanned[1]!, scanned[2]!];
  if (step.value === 0)
    return usageError(ctx, program, `invalid Zero increment value: ${quote(operands[1]!)}`);
  if (format !== undefined && equalWidth)
    return usageError(
      ctx,
      program,
      'format string may not be specified when printing equal width strings',
    );
  let fmt: Format;
  if (format !== undefined) {
    const f = parseFormat(format);
    if ('error' in f) {
      ctx.stderr(`seq: ${f.error}\n`);
      return ctx.exit(1);
    }
    fmt = f;
  } else fmt = defaultFormat(first, step, last, equalWidth);
  const show = (x: number) =>
    fmt.spec ? fmt.before + formatFloat(fmt.spec, x) + fmt.after : String(x);
  const outOfRange = (x: number) => (step.value < 0 ? x < last.value : last.value < x);
  if (outOfRange(first.value)) return ctx.exit(0);
  let i = 0;
  let previous = '';
  const chunk = () => {
    let out = '';
    for (let n = 0; n < SEQ_CHUNK; n++) {
      const x = i === 0 ? first.value : first.value + i * step.value;
      let text = show(x);
      if (i > 0 && outOfRange(x)) {
        // seq.c: a number just past LAST that prints as LAST (and not as the one before) is printed.
        if (text !== show(last.value) || text === previous) {
          ctx.stdout(`${out}\n`);
          return ctx.exit(0);
        }
        ctx.stdout(`${out}${separator}${text}\n`);
        return ctx.exit(0);
      }
      if (i > 0) text = separator + text;
      out += text;
      previous = show(x);
      i++;
    }
    ctx.stdout(out);
    ctx.clock.schedule(1, chunk);
  };
  chunk();
}

/** seq.c get_default_format: `%.PRECf`, `%0W.PRECf` for `-w`, or `%g`. */
function defaultFormat(first: Operand, step: Operand, last: Operand, equalWidth: boolean): Format {
  const prec =
    first.precision === undefined || step.precision === undefined
      ? undefined
      : Math.max(first.precision, step.precision);
  if (prec === undefined || last.precision === undefined)
    return {
      before: '',
      after: '',
      spec: { flags: '', width: undefined, precision: undefined, conversion: 'g' },
    };
  let width: number | undefined;
  if (equalWidth) {
    const firstWidth = first.width + (prec - first.precision!);
    let lastWidth = last.width + (prec - last.precision);
    if (last.precision && prec === 0) lastWidth -= 1 + last.precision;
    width = Math.max(firstWidth, lastWidth);
  }
  return {
    before: '',
    after: '',
    spec: { flags: equalWidth ? '0' : '', width, precision: prec, conversion: 'f' },
  };
}

export const seqTool: Tool = {
  name: 'seq',
  summary: 'Print a sequence of numbers.',
  optionNames: optionNames(spec),
  run,
};
