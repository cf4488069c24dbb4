/**
 * `sort [OPTION]… [FILE]…` (GNU coreutils 9.1): sorts the lines of all inputs together — by whole
 * line or by `-k` keys, `-t` separated, numerically (`-n`, `-g`, `-h`), by month, version or hash,
 * reversed, unique (`-u`), stable (`-s`) — or checks their order (`-c`, `-C`). It reads all input
 * before printing, so `… | sort` prints when the command before it ends. Status 2 on errors.
 */
import { VirtualFs } from '../../host/virtualFs';
import type { ProcessContext, Tool } from '../../runtime/types';
import { coreutilsFooter, helpVersionLines } from './gnu/footer';
import type { GetoptSpec } from './gnu/getopt';
import { eachInputLine, eachInTurn, eachTextLine } from './gnu/lines';
import { argmatchError, openFile, optionNames, parseArgs, quote, usageError } from './gnu/program';
import type { GnuProgram } from './gnu/program';
import {
  applyOrdering,
  compareKeyText,
  compareText,
  emptyOrdering,
  incompatible,
  isPlain,
  keyText,
  orderingLetters,
  parseKey,
} from './sortKeys';
import type { Key, Ordering } from './sortKeys';

const program: GnuProgram = {
  name: 'sort',
  pkg: 'coreutils',
  authors: ['Mike Haertel', 'Paul Eggert'],
  usageStatus: 2,
  help:
    'Usage: sort [OPTION]... [FILE]...\n' +
    'Write sorted concatenation of all FILE(s) to standard output.\n\n' +
    'With no FILE, or when FILE is -, read standard input.\n\n' +
    'Mandatory arguments to long options are mandatory for short options too.\n' +
    'Ordering options:\n\n' +
    '  -b, --ignore-leading-blanks  ignore leading blanks\n' +
    '  -d, --dictionary-order      consider only blanks and alphanumeric characters\n' +
    '  -f, --ignore-case           fold lower case to upper case characters\n' +
    '  -g, --general-numeric-sort  compare according to general numerical value\n' +
    '  -i, --ignore-nonprinting    consider only printable characters\n' +
    "  -M, --month-sort            compare (unknown) < 'JAN' < ... < 'DEC'\n" +
    '  -h, --human-numeric-sort    compare human readable numbers (e.g., 2K 1G)\n' +
    '  -n, --numeric-sort          compare according to string numerical value\n' +
    '  -R, --random-sort           shuffle, but group identical keys\n' +
    '  -r, --reverse               reverse the result of comparisons\n' +
    '      --sort=WORD             sort according to WORD:\n' +
    '                                general-numeric -g, human-numeric -h, month -M,\n' +
    '                                numeric -n, random -R, version -V\n' +
    '  -V, --version-sort          natural sort of (version) numbers within text\n\n' +
    'Other options:\n\n' +
    '  -c, --check, --check=diagnose-first  check for sorted input; do not sort\n' +
    '  -C, --check=quiet, --check=silent  like -c, but do not report first bad line\n' +
    '  -k, --key=KEYDEF          sort via a key; KEYDEF gives location and type\n' +
    '  -m, --merge               merge already sorted files; do not sort\n' +
    '  -o, --output=FILE         write result to FILE instead of standard output\n' +
    '  -s, --stable              stabilize sort by disabling last-resort comparison\n' +
    '  -t, --field-separator=SEP  use SEP instead of non-blank to blank transition\n' +
    '  -u, --unique              with -c, check for strict ordering;\n' +
    '                              without -c, output only the first of an equal run\n' +
    helpVersionLines +
    '\nKEYDEF is F[.C][OPTS][,F[.C][OPTS]] for start and stop position, where F is a\n' +
    'field number and C a character position in the field; both are origin 1, and\n' +
    "the stop position defaults to the line's end.  If neither -t nor -b is in\n" +
    'effect, characters in a field are counted from the beginning of the preceding\n' +
    'whitespace.  OPTS is one or more single-letter ordering options [bdfgiMhnRrV],\n' +
    'which override global ordering options for that key.  If no key is given, use\n' +
    'the entire line as the key.\n' +
    coreutilsFooter('sort'),
};

const spec: GetoptSpec = {
  short: 'bcCdfghik:mMno:rRsS:t:T:uVy:z',
  long: [
    { name: 'ignore-leading-blanks', arg: 'none', key: 'b' },
    { name: 'check', arg: 'optional', key: 'check' },
    { name: 'compress-program', arg: 'required', key: 'ignored' },
    { name: 'debug', arg: 'none', key: 'ignored' },
    { name: 'dictionary-order', arg: 'none', key: 'd' },
    { name: 'ignore-case', arg: 'none', key: 'f' },
    { name: 'files0-from', arg: 'required', key: 'ignored' },
    { name: 'general-numeric-sort', arg: 'none', key: 'g' },
    { name: 'ignore-nonprinting', arg: 'none', key: 'i' },
    { name: 'key', arg: 'required', key: 'k' },
    { name: 'merge', arg: 'none', key: 'm' },
    { name: 'month-sort', arg: 'none', key: 'M' },
    { name: 'numeric-sort', arg: 'none', key: 'n' },
    { name: 'human-numeric-sort', arg: 'none', key: 'h' },
    { name: 'version-sort', arg: 'none', key: 'V' },
    { name: 'random-sort', arg: 'none', key: 'R' },
    { name: 'random-source', arg: 'required', key: 'ignored' },
    { name: 'sort', arg: 'required', key: 'sort' },
    { name: 'output', arg: 'required', key: 'o' },
    { name: 'reverse', arg: 'none', key: 'r' },
    { name: 'stable', arg: 'none', key: 's' },
    { name: 'batch-size', arg: 'required', key: 'ignored' },
    { name: 'buffer-size', arg: 'required', key: 'S' },
    { name: 'field-separator', arg: 'required', key: 't' },
    { name: 'temporary-directory', arg: 'required', key: 'T' },
    { name: 'unique', arg: 'none', key: 'u' },
    { name: 'zero-terminated', arg: 'none', key: 'z' },
    { name: 'parallel', arg: 'required', key: 'ignored' },
    { name: 'help', arg: 'none', key: 'help' },
    { name: 'version', arg: 'none', key: 'version' },
  ],
};

const sortWords: Record<string, string> = {
  'general-numeric': 'g',
  'human-numeric': 'h',
  month: 'M',
  numeric: 'n',
  random: 'R',
  version: 'V',
};

interface SortConfig {
  global: Ordering;
  keys: Key[];
  tab: string | undefined;
  unique: boolean;
  stable: boolean;
  check: 'diagnose' | 'quiet' | undefined;
  output: string | undefined;
}

/** A line with what identifies it in `-c` messages. */
interface Line {
  text: string;
  file: string;
  lineNo: number;
}

function fail(ctx: ProcessContext, message: string): undefined {
  ctx.stderr(`sort: ${message}\n`);
  ctx.exit(2);
  return undefined;
}

function parseConfig(ctx: ProcessContext): { config: SortConfig; files: string[] } | undefined {
  const parsed = parseArgs(ctx, program, spec);
  if (!parsed) return undefined;
  const config: SortConfig = {
    global: emptyOrdering(),
    keys: [],
    tab: undefined,
    unique: false,
    stable: false,
    check: undefined,
    output: undefined,
  };
  for (const o of parsed.options) {
    const v = o.value ?? '';
    switch (o.key) {
      case 'k': {
        const key = parseKey(v);
        if ('error' in key) return fail(ctx, key.error);
        config.keys.push(key);
        break;
      }
      case 't':
        if (v === '') return fail(ctx, 'empty tab');
        if (v !== '\\0' && [...v].length > 1) return fail(ctx, `multi-character tab ${quote(v)}`);
        if (config.tab !== undefined && config.tab !== v) return fail(ctx, 'incompatible tabs');
        config.tab = v === '\\0' ? '\0' : v;
        break;
      case 'u':
        config.unique = true;
        break;
      case 's':
        config.stable = true;
        break;
      case 'c':
        config.check = 'diagnose';
        break;
      case 'C':
        config.check = 'quiet';
        break;
      case 'check': {
        const words: Record<string, 'diagnose' | 'quiet'> = {
          'diagnose-first': 'diagnose',
          quiet: 'quiet',
          silent: 'quiet',
        };
        const match = Object.keys(words).filter((w) => o.value === undefined || w.startsWith(v));
        if (o.value !== undefined && (v === '' || match.length !== 1)) {
          argmatchError(ctx, program, v, '--check', [['diagnose-first'], ['quiet', 'silent']]);
          return undefined;
        }
        config.check = o.value === undefined ? 'diagnose' : words[match[0]!];
        break;
      }
      case 'o':
        config.output = v;
        break;
      case 'sort': {
        const match = Object.keys(sortWords).filter((w) => w.startsWith(v) && v !== '');
        if (match.length !== 1) {
          argmatchError(
            ctx,
            program,
            v,
            '--sort',
            Object.keys(sortWords).map((w) => [w]),
          );
          return undefined;
        }
        applyOrdering(sortWords[match[0]!]!, config.global, 'both');
        break;
      }
      case 'S':
      case 'T':
      case 'm':
      case 'z':
      case 'y':
      case 'ignored':
        break;
      default:
        applyOrdering(o.key, config.global, 'both');
    }
  }
  // sort.c main: keys naming no ordering take the global options; no key at all sorts by the line.
  for (const key of config.keys) if (isPlain(key)) Object.assign(key, config.global);
  if (config.keys.length === 0 && !isPlain(config.global))
    config.keys.push({
      ...config.global,
      startField: 0,
      startChar: 0,
      endField: Infinity,
      endChar: 0,
    });
  for (const key of config.keys)
    if (incompatible(key))
      return fail(ctx, `options '-${orderingLetters(key, false)}' are incompatible`);
  if (config.check && parsed.operands.length > 1) {
    usageError(
      ctx,
      program,
      `extra operand ${quote(parsed.operands[1]!)} not allowed with -${config.check === 'quiet' ? 'C' : 'c'}`,
    );
    return undefined;
  }
  return { config, files: parsed.operands.length > 0 ? parsed.operands : ['-'] };
}

function run(ctx: ProcessContext): void {
  const setup = parseConfig(ctx);
  if (!setup) return;
  const { config, files } = setup;
  const lines: Line[] = [];
  let failed = false;
  eachInTurn(
    files,
    (name, next) => {
      if (failed) return next();
      let lineNo = 0;
      const add = (text: string) => {
        lines.push({ text, file: name, lineNo: ++lineNo });
      };
      if (name === '-') return eachInputLine(ctx.stdin, add, next);
      const file = openFile(ctx, name);
      if ('error' in file) {
        failed = true;
        fail(
          ctx,
          file.error === 'Is a directory'
            ? `read failed: ${name}: Is a directory`
            : `cannot read: ${name}: ${file.error}`,
        );
        return next();
      }
      eachTextLine(file.text, add);
      next();
    },
    () => {
      if (failed) return;
      const compare = comparator(config, ctx.clock.now());
      if (config.check) return check(ctx, config, lines, compare);
      const sorted = [...lines].sort((a, b) => compare(a.text, b.text));
      const out: string[] = [];
      for (let i = 0; i < sorted.length; i++) {
        if (config.unique && i > 0 && compare(sorted[i - 1]!.text, sorted[i]!.text, true) === 0)
          continue;
        out.push(`${sorted[i]!.text}\n`);
      }
      if (config.output !== undefined) {
        const path = VirtualFs.resolve(ctx.cwd, config.output);
        if (path !== '/dev/null') ctx.fs.write(path, out.join(''));
      } else ctx.stdout(out.join(''));
      ctx.exit(0);
    },
  );
}

/**
 * sort.c `compare`: the keys in turn, then (unless `-s` or `-u`, or `keysOnly`) the whole lines,
 * reversed by a global `-r`.
 */
function comparator(config: SortConfig, salt: number) {
  return (a: string, b: string, keysOnly = false): number => {
    for (const key of config.keys) {
      const d = compareKeyText(keyText(a, key, config.tab), keyText(b, key, config.tab), key, salt);
      if (d !== 0) return key.reverse ? -d : d;
    }
    if (config.keys.length > 0 && (keysOnly || config.unique || config.stable)) return 0;
    const d = compareText(a, b);
    return config.global.reverse ? -d : d;
  };
}

/** `-c`/`-C`: the first line out of order (or equal to the one before, with `-u`). */
function check(
  ctx: ProcessContext,
  config: SortConfig,
  lines: Line[],
  compare: (a: string, b: string, keysOnly?: boolean) => number,
): void {
  for (let i = 1; i < lines.length; i++) {
    const d = compare(lines[i - 1]!.text, lines[i]!.text, config.unique);
    if (d > 0 || (config.unique && d === 0)) {
      const l = lines[i]!;
      if (config.check === 'diagnose')
        ctx.stderr(`sort: ${l.file}:${l.lineNo}: disorder: ${l.text}\n`);
      return ctx.exit(1);
    }
  }
  ctx.exit(0);
}

export const sortTool: Tool = {
  name: 'sort',
  summary: 'Sort lines of text files.',
  optionNames: optionNames(spec),
  run,
};
