/**
 * `head [-n [-]NUM | -c [-]NUM | -NUM] [-qv] [FILE]…` (GNU coreutils 9.1): the first lines or bytes
 * of each input, or all but the last. Standard input is read as it arrives, and head exits as soon
 * as it has printed its lines — so `kafka-console-consumer … | head -n 3` shows three records and the
 * consumer learns at its next write that nobody reads any more.
 */
import type { ProcessContext, Tool } from '../../runtime/types';
import { coreutilsFooter, helpVersionLines, multiplierHelp } from './gnu/footer';
import type { GetoptSpec } from './gnu/getopt';
import { eachInputLine, eachInTurn, eachTextLine, withNewline } from './gnu/lines';
import { parseCount, utf8Length, utf8Slice } from './gnu/numbers';
import { openFile, optionNames, parseArgs, quote, quoteAlways } from './gnu/program';
import type { GnuProgram } from './gnu/program';

const program: GnuProgram = {
  name: 'head',
  pkg: 'coreutils',
  authors: ['David MacKenzie', 'Jim Meyering'],
  usageStatus: 1,
  help:
    'Usage: head [OPTION]... [FILE]...\n' +
    'Print the first 10 lines of each FILE to standard output.\n' +
    'With more than one FILE, precede each with a header giving the file name.\n\n' +
    'With no FILE, or when FILE is -, read standard input.\n\n' +
    'Mandatory arguments to long options are mandatory for short options too.\n' +
    '  -c, --bytes=[-]NUM       print the first NUM bytes of each file;\n' +
    "                             with the leading '-', print all but the last\n" +
    '                             NUM bytes of each file\n' +
    '  -n, --lines=[-]NUM       print the first NUM lines instead of the first 10;\n' +
    "                             with the leading '-', print all but the last\n" +
    '                             NUM lines of each file\n' +
    '  -q, --quiet, --silent    never print headers giving file names\n' +
    '  -v, --verbose            always print headers giving file names\n' +
    helpVersionLines +
    multiplierHelp +
    coreutilsFooter('head'),
};

const spec: GetoptSpec = {
  short: 'c:n:qv',
  long: [
    { name: 'bytes', arg: 'required', key: 'c' },
    { name: 'lines', arg: 'required', key: 'n' },
    { name: 'quiet', arg: 'none', key: 'q' },
    { name: 'silent', arg: 'none', key: 'q' },
    { name: 'verbose', arg: 'none', key: 'v' },
  ],
};

/** What to print of each input. */
interface Amount {
  unit: 'lines' | 'bytes';
  count: number;
  /** `-n -NUM`: all but the last NUM. */
  allBut: boolean;
}

/** `head -5`, `head -2c`, `head -3v`: the obsolete first-argument form (head.c parse_obsolete_option). */
function obsoleteArgs(args: readonly string[]): string[] {
  const m = /^-(\d+)([bkm]?)([clqv]*)$/.exec(args[0] ?? '');
  if (!m) return [...args];
  const flags = m[3]!;
  const unit = flags.includes('c') ? '-c' : '-n';
  const extra = flags.replace(/[cl]/g, '');
  const suffix = m[2] === 'k' ? 'K' : m[2] === 'm' ? 'M' : m[2];
  return [`${unit}${m[1]}${suffix}`, ...(extra ? [`-${extra}`] : []), ...args.slice(1)];
}

function run(ctx: ProcessContext): void {
  const parsed = parseArgs(ctx, program, spec, obsoleteArgs(ctx.argv.slice(1)));
  if (!parsed) return;
  const amount: Amount = { unit: 'lines', count: 10, allBut: false };
  let headers: boolean | undefined;
  for (const o of parsed.options) {
    if (o.key === 'q') headers = false;
    else if (o.key === 'v') headers = true;
    else {
      const unit = o.key === 'c' ? 'bytes' : 'lines';
      let text = o.value!;
      const allBut = text.startsWith('-');
      if (allBut) text = text.slice(1);
      const count = parseCount(text);
      if (count === 'invalid') return usageFail(ctx, `invalid number of ${unit}: ${quote(text)}`);
      if (count === 'overflow')
        return usageFail(
          ctx,
          `invalid number of ${unit}: ${quote(text)}: Value too large for defined data type`,
        );
      Object.assign(amount, { unit, count, allBut });
    }
  }
  const files = parsed.operands.length > 0 ? parsed.operands : ['-'];
  const showHeaders = headers ?? files.length > 1;
  let status = 0;
  let first = true;
  const header = (name: string) => {
    if (!showHeaders) return;
    ctx.stdout(`${first ? '' : '\n'}==> ${name} <==\n`);
    first = false;
  };
  eachInTurn(
    files,
    (name, next) => {
      // `head -n 0` reads nothing.
      const nothing = !amount.allBut && amount.count === 0;
      if (name === '-') {
        header('standard input');
        if (nothing) return next();
        const take = taker(ctx, amount);
        return eachInputLine(ctx.stdin, take.line, () => {
          take.end();
          next();
        });
      }
      const file = openFile(ctx, name);
      if ('error' in file) {
        if (file.error === 'Is a directory') {
          header(name);
          ctx.stderr(`head: error reading ${quoteAlways(name)}: Is a directory\n`);
        } else ctx.stderr(`head: cannot open ${quoteAlways(name)} for reading: ${file.error}\n`);
        status = 1;
        return next();
      }
      header(name);
      const take = taker(ctx, amount);
      eachTextLine(file.text, take.line);
      take.end();
      next();
    },
    () => ctx.exit(status),
  );
}

/** An invalid count: `head: invalid number of lines: ‘x’`, status 1 (no usage hint). */
function usageFail(ctx: ProcessContext, message: string): void {
  ctx.stderr(`head: ${message}\n`);
  ctx.exit(1);
}

/** Takes lines of one input and prints what `amount` asks for, as soon as it can. */
function taker(ctx: ProcessContext, amount: Amount) {
  const { unit, count, allBut } = amount;
  let seen = 0;
  /** `allBut`: what may still turn out to be among the last `count` lines or bytes. */
  const held: string[] = [];
  return {
    line(line: string, newline: boolean): boolean {
      const chunk = withNewline(line, newline);
      if (allBut) {
        held.push(chunk);
        if (unit === 'lines' && held.length > count) ctx.stdout(held.shift()!);
        return true;
      }
      if (seen >= count) return false;
      if (unit === 'lines') {
        ctx.stdout(chunk);
        seen++;
      } else {
        const bytes = utf8Length(chunk);
        ctx.stdout(seen + bytes <= count ? chunk : utf8Slice(chunk, 0, count - seen));
        seen += bytes;
      }
      return seen < count;
    },
    end(): void {
      if (!allBut || unit === 'lines') return;
      const all = held.join('');
      const keep = utf8Length(all) - count;
      if (keep > 0) ctx.stdout(utf8Slice(all, 0, keep));
    },
  };
}

export const headTool: Tool = {
  name: 'head',
  summary: 'Output the first part of files.',
  optionNames: optionNames(spec),
  run,
};
