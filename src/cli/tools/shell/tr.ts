/**
 * `tr [-cdst] SET1 [SET2]` (GNU coreutils 9.1): translates, deletes (`-d`) or squeezes (`-s`)
 * characters of standard input, as it arrives. Sets take ranges (`a-z`), classes (`[:upper:]`),
 * equivalence classes, repeats (`[x*]`, `[x*3]`) and backslash escapes. Classes are the C locale's
 * (ASCII); unlike GNU tr, which works on bytes, characters outside ASCII stay whole.
 */
import type { ProcessContext, Tool } from '../../runtime/types';
import { cEscapes } from '../../shell/parse/ansiC';
import { coreutilsFooter, helpVersionLines } from './gnu/footer';
import type { GetoptSpec } from './gnu/getopt';
import { eachInputLine, withNewline } from './gnu/lines';
import { optionNames, parseArgs, quote, usageError } from './gnu/program';
import type { GnuProgram } from './gnu/program';

const program: GnuProgram = {
  name: 'tr',
  pkg: 'coreutils',
  authors: ['Jim Meyering'],
  usageStatus: 1,
  help:
    'Usage: tr [OPTION]... STRING1 [STRING2]\n' +
    'Translate, squeeze, and/or delete characters from standard input,\n' +
    'writing to standard output.  STRING1 and STRING2 specify arrays of\n' +
    'characters ARRAY1 and ARRAY2 that control the action.\n\n' +
    '  -c, -C, --complement    use the complement of ARRAY1\n' +
    '  -d, --delete            delete characters in ARRAY1, do not translate\n' +
    '  -s, --squeeze-repeats   replace each sequence of a repeated character\n' +
    '                            that is listed in the last specified ARRAY,\n' +
    '                            with a single occurrence of that character\n' +
    '  -t, --truncate-set1     first truncate ARRAY1 to length of ARRAY2\n' +
    helpVersionLines +
    '\nARRAYs are specified as strings of characters.  Most represent themselves.\n' +
    'Interpreted sequences are:\n\n' +
    '  \\NNN            character with octal value NNN (1 to 3 octal digits)\n' +
    '  \\\\              backslash\n' +
    '  \\a              audible BEL\n' +
    '  \\b              backspace\n' +
    '  \\f              form feed\n' +
    '  \\n              new line\n' +
    '  \\r              return\n' +
    '  \\t              horizontal tab\n' +
    '  \\v              vertical tab\n' +
    '  CHAR1-CHAR2     all characters from CHAR1 to CHAR2 in ascending order\n' +
    '  [CHAR*]         in ARRAY2, copies of CHAR until length of ARRAY1\n' +
    '  [CHAR*REPEAT]   REPEAT copies of CHAR, REPEAT octal if starting with 0\n' +
    '  [:alnum:]       all letters and digits\n' +
    '  [:alpha:]       all letters\n' +
    '  [:blank:]       all horizontal whitespace\n' +
    '  [:cntrl:]       all control characters\n' +
    '  [:digit:]       all digits\n' +
    '  [:graph:]       all printable characters, not including space\n' +
    '  [:lower:]       all lower case letters\n' +
    '  [:print:]       all printable characters, including space\n' +
    '  [:punct:]       all punctuation characters\n' +
    '  [:space:]       all horizontal or vertical whitespace\n' +
    '  [:upper:]       all upper case letters\n' +
    '  [:xdigit:]      all hexadecimal digits\n' +
    '  [=CHAR=]        all characters which are equivalent to CHAR\n\n' +
    'Translation occurs if -d is not given and both STRING1 and STRING2 appear.\n' +
    '-t may be used only when translating.  ARRAY2 is extended to length of\n' +
    'ARRAY1 by repeating its last character as necessary.  Excess characters\n' +
    'of ARRAY2 are ignored.  Character classes expand in unspecified order;\n' +
    'while translating, [:lower:] and [:upper:] may be used in pairs to\n' +
    'specify case conversion.  Squeezing occurs after translation or deletion.\n' +
    coreutilsFooter('tr'),
};

const spec: GetoptSpec = {
  short: 'cCdst',
  long: [
    { name: 'complement', arg: 'none', key: 'c' },
    { name: 'delete', arg: 'none', key: 'd' },
    { name: 'squeeze-repeats', arg: 'none', key: 's' },
    { name: 'truncate-set1', arg: 'none', key: 't' },
  ],
};

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));
const ascii = range(0, 127);

/** The C locale's classes, in ascending order. */
const classes: Record<string, string[]> = {
  alnum: ascii.filter((c) => /[A-Za-z0-9]/.test(c)),
  alpha: ascii.filter((c) => /[A-Za-z]/.test(c)),
  blank: [' ', '\t'].sort(),
  cntrl: [...range(0, 31), '\x7f'],
  digit: range(48, 57),
  graph: range(33, 126),
  lower: range(97, 122),
  print: range(32, 126),
  punct: range(33, 126).filter((c) => !/[A-Za-z0-9]/.test(c)),
  space: ['\t', '\n', '\v', '\f', '\r', ' '],
  upper: range(65, 90),
  xdigit: ascii.filter((c) => /[0-9A-Fa-f]/.test(c)),
};

const escapes = cEscapes;

/** One element of a parsed set. */
type Part =
  | { kind: 'chars'; chars: string[] }
  | { kind: 'class'; name: string; chars: string[] }
  | { kind: 'repeat'; char: string; count: number | undefined };

class SetError extends Error {}

/** Parses a SET operand into its parts (coreutils tr.c build_spec_list). */
function parseSet(text: string, warn: (m: string) => void): Part[] {
  const t = [...text];
  // First the escapes, remembering which characters were escaped (they are never syntax).
  const chars: { c: string; escaped: boolean }[] = [];
  for (let i = 0; i < t.length; i++) {
    if (t[i] !== '\\') {
      chars.push({ c: t[i]!, escaped: false });
      continue;
    }
    const n = t[i + 1];
    if (n === undefined) {
      warn('warning: an unescaped backslash at end of string is not portable');
      chars.push({ c: '\\', escaped: true });
    } else if (/[0-7]/.test(n)) {
      let digits = '';
      while (digits.length < 3 && /[0-7]/.test(t[i + 1 + digits.length] ?? ''))
        digits += t[i + 1 + digits.length];
      if (Number.parseInt(digits, 8) > 255) digits = digits.slice(0, 2);
      chars.push({ c: String.fromCharCode(Number.parseInt(digits, 8)), escaped: true });
      i += digits.length;
    } else {
      chars.push({ c: escapes[n] ?? n, escaped: true });
      i++;
    }
  }
  const parts: Part[] = [];
  const plain = (i: number, c: string) => chars[i]?.c === c && !chars[i]!.escaped;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!.c;
    if (plain(i, '[')) {
      // [:class:], [=c=], [c*n]
      if (plain(i + 1, ':') || plain(i + 1, '=')) {
        const delim = chars[i + 1]!.c;
        let j = i + 2;
        while (j < chars.length && !(plain(j, delim) && plain(j + 1, ']'))) j++;
        if (j < chars.length) {
          const name = chars
            .slice(i + 2, j)
            .map((x) => x.c)
            .join('');
          if (delim === ':') {
            const cls = classes[name];
            if (!cls) throw new SetError(`invalid character class ${quote(name)}`);
            parts.push({ kind: 'class', name, chars: cls });
          } else {
            if ([...name].length !== 1)
              throw new SetError(`${name}: equivalence class operand must be a single character`);
            parts.push({ kind: 'chars', chars: [name] });
          }
          i = j + 1;
          continue;
        }
      }
      if (i + 2 < chars.length && plain(i + 2, '*')) {
        let j = i + 3;
        let digits = '';
        while (j < chars.length && /\d/.test(chars[j]!.c) && !chars[j]!.escaped)
          digits += chars[j++]!.c;
        if (plain(j, ']')) {
          const count =
            digits === '' ? undefined : Number.parseInt(digits, digits.startsWith('0') ? 8 : 10);
          if (
            digits !== '' &&
            (Number.isNaN(count) || (/[89]/.test(digits) && digits.startsWith('0')))
          )
            throw new SetError(`invalid repeat count ${quote(digits)} in [c*n] construct`);
          parts.push({
            kind: 'repeat',
            char: chars[i + 1]!.c,
            count: count === 0 ? undefined : count,
          });
          i = j;
          continue;
        }
      }
    }
    if (plain(i + 1, '-') && i + 2 < chars.length) {
      const from = c.codePointAt(0)!;
      const to = chars[i + 2]!.c.codePointAt(0)!;
      if (to < from)
        throw new SetError(
          `range-endpoints of '${c}-${chars[i + 2]!.c}' are in reverse collating sequence order`,
        );
      parts.push({ kind: 'chars', chars: range(from, to) });
      i += 2;
      continue;
    }
    parts.push({ kind: 'chars', chars: [c] });
  }
  return parts;
}

/** The characters of a set, with `[c*]` filled to `fillTo` characters. */
function expand(parts: Part[], fillTo = 0): string[] {
  const fixed = parts.reduce(
    (n, p) => n + (p.kind === 'repeat' ? (p.count ?? 0) : p.chars.length),
    0,
  );
  const out: string[] = [];
  for (const p of parts) {
    if (p.kind !== 'repeat') out.push(...p.chars);
    else out.push(...Array<string>(p.count ?? Math.max(0, fillTo - fixed)).fill(p.char));
  }
  return out;
}

function run(ctx: ProcessContext): void {
  const parsed = parseArgs(ctx, program, spec);
  if (!parsed) return;
  const flags = new Set(parsed.options.map((o) => (o.key === 'C' ? 'c' : o.key)));
  const complement = flags.has('c');
  const del = flags.has('d');
  const squeeze = flags.has('s');
  const ops = parsed.operands;
  const translating = !del && ops.length >= 2;
  const need = del && squeeze ? 2 : del || (squeeze && ops.length < 2) ? 1 : 2;
  if (ops.length === 0) return usageError(ctx, program, 'missing operand');
  if (ops.length < need) {
    const why =
      del && squeeze
        ? 'Two strings must be given when both deleting and squeezing repeats.'
        : 'Two strings must be given when translating.';
    return usageError(ctx, program, `missing operand after ${quote(ops[ops.length - 1]!)}\n${why}`);
  }
  if (ops.length > need) {
    const why =
      del && !squeeze
        ? '\nOnly one string may be given when deleting without squeezing repeats.'
        : '';
    return usageError(ctx, program, `extra operand ${quote(ops[need]!)}${why}`);
  }
  const warn = (m: string) => ctx.stderr(`tr: ${m}\n`);
  let set1: string[];
  let set2: string[] = [];
  try {
    const parts1 = parseSet(ops[0]!, warn);
    if (parts1.some((p) => p.kind === 'repeat'))
      throw new SetError('the [c*] repeat construct may not appear in string1');
    set1 = expand(parts1);
    if (ops[1] !== undefined) {
      const parts2 = parseSet(ops[1], warn);
      if (translating) {
        const caseClass = (p: Part) =>
          p.kind === 'class' && (p.name === 'upper' || p.name === 'lower');
        if (parts2.some((p) => p.kind === 'class' && !caseClass(p)))
          throw new SetError(
            "when translating, the only character classes that may appear in\nstring2 are 'upper' and 'lower'",
          );
      }
      set2 = expand(parts2, complement ? 0 : set1.length);
      if (translating && set2.length === 0 && !flags.has('t'))
        throw new SetError('when not truncating set1, string2 must be non-empty');
    }
  } catch (e) {
    if (!(e instanceof SetError)) throw e;
    ctx.stderr(`tr: ${e.message}\n`);
    return ctx.exit(1);
  }
  const inSet1 = new Set(set1);
  const member1 = (c: string) => inSet1.has(c) !== complement;
  let map: Map<string, string> | undefined;
  let mapRest: string | undefined;
  if (translating) {
    map = new Map();
    if (complement) {
      // The complement in ascending order, paired with SET2; beyond it, SET2's last character.
      const rest = range(0, 255).filter((c) => !inSet1.has(c));
      rest.forEach((c, i) => map!.set(c, set2[Math.min(i, set2.length - 1)]!));
      mapRest = set2[set2.length - 1];
    } else {
      const source = flags.has('t') ? set1.slice(0, set2.length) : set1;
      source.forEach((c, i) => map!.set(c, set2[Math.min(i, set2.length - 1)]!));
    }
  }
  // Squeezing uses the last set given: SET2 when there is one, else SET1.
  const squeezeSet = ops.length >= 2 && (translating || del) ? new Set(set2) : undefined;
  const squeezes = (c: string) => (squeezeSet ? squeezeSet.has(c) : member1(c));
  let last: string | undefined;
  eachInputLine(
    ctx.stdin,
    (line, newline) => {
      let out = '';
      for (const ch of withNewline(line, newline)) {
        let c: string | undefined = ch;
        if (del && member1(c)) continue;
        if (map) c = map.get(c) ?? (complement && !inSet1.has(c) ? mapRest : c) ?? c;
        if (squeeze && c === last && squeezes(c)) continue;
        last = c;
        out += c;
      }
      if (out !== '') ctx.stdout(out);
    },
    () => ctx.exit(0),
  );
}

export const trTool: Tool = {
  name: 'tr',
  summary: 'Translate or delete characters.',
  optionNames: optionNames(spec),
  run,
};
