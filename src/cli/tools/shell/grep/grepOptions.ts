/**
 * GNU grep 3.8's command line: its option table (in grep.c's order, which its ambiguity messages
 * follow), `--help`, and the checks it makes before reading anything, with its messages.
 */
import type { ProcessContext } from '../../../runtime/types';
import type { GetoptSpec, LongOption } from '../gnu/getopt';
import { argmatchError, openFile, parseArgs, showVersion, usageError } from '../gnu/program';
import type { GnuProgram } from '../gnu/program';
import type { PatternSyntax } from './matcher';

export const grepProgram: GnuProgram = {
  name: 'grep',
  pkg: 'grep',
  authors: [],
  usageStatus: 2,
  usageLine: 'Usage: grep [OPTION]... PATTERNS [FILE]...',
  help:
    'Usage: grep [OPTION]... PATTERNS [FILE]...\n' +
    'Search for PATTERNS in each FILE.\n' +
    "Example: grep -i 'hello world' menu.h main.c\n" +
    'PATTERNS can contain multiple patterns separated by newlines.\n\n' +
    'Pattern selection and interpretation:\n' +
    '  -E, --extended-regexp     PATTERNS are extended regular expressions\n' +
    '  -F, --fixed-strings       PATTERNS are strings\n' +
    '  -G, --basic-regexp        PATTERNS are basic regular expressions\n' +
    '  -P, --perl-regexp         PATTERNS are Perl regular expressions\n' +
    '  -e, --regexp=PATTERNS     use PATTERNS for matching\n' +
    '  -f, --file=FILE           take PATTERNS from FILE\n' +
    '  -i, --ignore-case         ignore case distinctions in patterns and data\n' +
    '      --no-ignore-case      do not ignore case distinctions (default)\n' +
    '  -w, --word-regexp         match only whole words\n' +
    '  -x, --line-regexp         match only whole lines\n\n' +
    'Miscellaneous:\n' +
    '  -s, --no-messages         suppress error messages\n' +
    '  -v, --invert-match        select non-matching lines\n' +
    '  -V, --version             display version information and exit\n' +
    '      --help                display this help text and exit\n\n' +
    'Output control:\n' +
    '  -m, --max-count=NUM       stop after NUM selected lines\n' +
    '  -b, --byte-offset         print the byte offset with output lines\n' +
    '  -n, --line-number         print line number with output lines\n' +
    '      --line-buffered       flush output on every line\n' +
    '  -H, --with-filename       print file name with output lines\n' +
    '  -h, --no-filename         suppress the file name prefix on output\n' +
    '      --label=LABEL         use LABEL as the standard input file name prefix\n' +
    '  -o, --only-matching       show only nonempty parts of lines that match\n' +
    '  -q, --quiet, --silent     suppress all normal output\n' +
    '  -r, --recursive           search the files below each directory\n' +
    '  -L, --files-without-match  print only names of FILEs with no selected lines\n' +
    '  -l, --files-with-matches  print only names of FILEs with selected lines\n' +
    '  -c, --count               print only a count of selected lines per FILE\n\n' +
    'Context control:\n' +
    '  -B, --before-context=NUM  print NUM lines of leading context\n' +
    '  -A, --after-context=NUM   print NUM lines of trailing context\n' +
    '  -C, --context=NUM         print NUM lines of output context\n' +
    '  -NUM                      same as --context=NUM\n' +
    '      --group-separator=SEP  print SEP on line between matches with context\n' +
    '      --no-group-separator  do not print separator for matches with context\n' +
    '      --color[=WHEN],\n' +
    '      --colour[=WHEN]       use markers to highlight the matching strings;\n' +
    "                            WHEN is 'always', 'never', or 'auto'\n\n" +
    "When FILE is '-', read standard input.  With no FILE, read '.' if\n" +
    "recursive, '-' otherwise.  With fewer than two FILEs, assume -h.\n" +
    'Exit status is 0 if any line is selected, 1 otherwise;\n' +
    'if any error occurs and -q is not given, the exit status is 2.\n\n' +
    'Report bugs to: bug-grep@gnu.org\n' +
    'GNU grep home page: <https://www.gnu.org/software/grep/>\n' +
    'General help using GNU software: <https://www.gnu.org/gethelp/>\n',
};

const long = (name: string, arg: LongOption['arg'], key: string): LongOption => ({
  name,
  arg,
  key,
});

/** grep.c's `long_options`, in its order. */
export const grepSpec: GetoptSpec = {
  short: '0123456789A:B:C:D:EFGHIPTUVX:abcd:e:f:hiLlm:noqRrsuvwxyZz',
  long: [
    long('basic-regexp', 'none', 'G'),
    long('extended-regexp', 'none', 'E'),
    long('fixed-regexp', 'none', 'F'),
    long('fixed-strings', 'none', 'F'),
    long('perl-regexp', 'none', 'P'),
    long('after-context', 'required', 'A'),
    long('before-context', 'required', 'B'),
    long('binary-files', 'required', 'binary-files'),
    long('byte-offset', 'none', 'b'),
    long('context', 'required', 'C'),
    long('color', 'optional', 'color'),
    long('colour', 'optional', 'color'),
    long('count', 'none', 'c'),
    long('devices', 'required', 'D'),
    long('directories', 'required', 'd'),
    long('dereference-recursive', 'none', 'R'),
    long('exclude', 'required', 'exclude'),
    long('exclude-from', 'required', 'exclude-from'),
    long('exclude-dir', 'required', 'exclude-dir'),
    long('file', 'required', 'f'),
    long('files-with-matches', 'none', 'l'),
    long('files-without-match', 'none', 'L'),
    long('group-separator', 'required', 'group-separator'),
    long('help', 'none', 'help'),
    long('include', 'required', 'include'),
    long('ignore-case', 'none', 'i'),
    long('no-ignore-case', 'none', 'no-ignore-case'),
    long('initial-tab', 'none', 'T'),
    long('label', 'required', 'label'),
    long('line-buffered', 'none', 'line-buffered'),
    long('line-number', 'none', 'n'),
    long('line-regexp', 'none', 'x'),
    long('max-count', 'required', 'm'),
    long('no-filename', 'none', 'h'),
    long('no-group-separator', 'none', 'no-group-separator'),
    long('no-messages', 'none', 's'),
    long('null', 'none', 'Z'),
    long('null-data', 'none', 'z'),
    long('only-matching', 'none', 'o'),
    long('quiet', 'none', 'q'),
    long('recursive', 'none', 'r'),
    long('regexp', 'required', 'e'),
    long('invert-match', 'none', 'v'),
    long('silent', 'none', 'q'),
    long('text', 'none', 'a'),
    long('binary', 'none', 'U'),
    long('unix-byte-offsets', 'none', 'u'),
    long('version', 'none', 'version'),
    long('with-filename', 'none', 'H'),
    long('word-regexp', 'none', 'w'),
  ],
};

/** What grep was asked to do. */
export interface GrepConfig {
  patterns: string[];
  syntax: PatternSyntax;
  ignoreCase: boolean;
  word: boolean;
  line: boolean;
  invert: boolean;
  count: boolean;
  /** `-l` / `-L`: only names of files with / without selected lines. */
  listFiles: 'matching' | 'nonmatching' | undefined;
  onlyMatching: boolean;
  quiet: boolean;
  noMessages: boolean;
  /** `-H` / `-h`; undefined: names when there are several files (or `-r`). */
  withFilename: boolean | undefined;
  lineNumber: boolean;
  byteOffset: boolean;
  label: string;
  maxCount: number;
  /** Context lines; -1 when no -A/-B/-C was given (0 still separates groups with `--`). */
  before: number;
  after: number;
  groupSeparator: string | undefined;
  color: boolean;
  recursive: boolean;
  /** `-d skip`: directories are passed over quietly. */
  skipDirectories: boolean;
  files: string[];
  /** `-r` with no FILE searches `.`, naming files without `./`. */
  implicitDot: boolean;
}

/** Options that take an argument grep.c validates with `context_length_arg`. */
function contextLength(value: string): number | undefined {
  return /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * Parses grep's command line. Undefined when grep has already ended (`--help`, a bad option or
 * argument, an unreadable `-f` file).
 */
export function parseGrepArgs(ctx: ProcessContext): GrepConfig | undefined {
  const parsed = parseArgs(ctx, grepProgram, grepSpec);
  if (!parsed) return undefined;
  const fail = (message: string) => {
    ctx.stderr(`grep: ${message}\n`);
    ctx.exit(2);
    return undefined;
  };
  const config: GrepConfig = {
    patterns: [],
    syntax: 'basic',
    ignoreCase: false,
    word: false,
    line: false,
    invert: false,
    count: false,
    listFiles: undefined,
    onlyMatching: false,
    quiet: false,
    noMessages: false,
    withFilename: undefined,
    lineNumber: false,
    byteOffset: false,
    label: '(standard input)',
    maxCount: Infinity,
    before: -1,
    after: -1,
    groupSeparator: '--',
    color: false,
    recursive: false,
    skipDirectories: false,
    files: [],
    implicitDot: false,
  };
  let context = -1;
  let digits = '';
  let digitsIndex = -1;
  let patternGiven = false;
  for (const o of parsed.options) {
    const v = o.value ?? '';
    if (o.key >= '0' && o.key <= '9' && o.key.length === 1) {
      // `-15` is context 15; a digit in a later argument starts a new number.
      digits = o.index === digitsIndex ? digits + o.key : o.key;
      digitsIndex = o.index;
      context = Number(digits);
      continue;
    }
    switch (o.key) {
      case 'E':
        config.syntax = 'extended';
        break;
      case 'F':
        config.syntax = 'fixed';
        break;
      case 'G':
        config.syntax = 'basic';
        break;
      case 'P':
        config.syntax = 'perl';
        break;
      case 'e':
        config.patterns.push(...v.split('\n'));
        patternGiven = true;
        break;
      case 'f': {
        const file = openFile(ctx, v);
        if ('error' in file) return fail(`${v}: ${file.error}`);
        const lines = file.text.split('\n');
        if (file.text.endsWith('\n')) lines.pop();
        if (file.text !== '') config.patterns.push(...lines);
        patternGiven = true;
        break;
      }
      case 'i':
      case 'y':
        config.ignoreCase = true;
        break;
      case 'no-ignore-case':
        config.ignoreCase = false;
        break;
      case 'w':
        config.word = true;
        break;
      case 'x':
        config.line = true;
        break;
      case 'v':
        config.invert = true;
        break;
      case 'c':
        config.count = true;
        break;
      case 'l':
        config.listFiles = 'matching';
        break;
      case 'L':
        config.listFiles = 'nonmatching';
        break;
      case 'o':
        config.onlyMatching = true;
        break;
      case 'q':
        config.quiet = true;
        break;
      case 's':
        config.noMessages = true;
        break;
      case 'H':
        config.withFilename = true;
        break;
      case 'h':
        config.withFilename = false;
        break;
      case 'n':
        config.lineNumber = true;
        break;
      case 'b':
        config.byteOffset = true;
        break;
      case 'label':
        config.label = v;
        break;
      case 'm':
        if (!/^-?\d+$/.test(v)) return fail('invalid max count');
        // A negative count means no limit (grep 3.8).
        config.maxCount = Number(v) < 0 ? Infinity : Number(v);
        break;
      case 'A':
      case 'B':
      case 'C': {
        const n = contextLength(v);
        if (n === undefined) return fail(`${v}: invalid context length argument`);
        if (o.key === 'A') config.after = n;
        else if (o.key === 'B') config.before = n;
        else context = n;
        break;
      }
      case 'group-separator':
        config.groupSeparator = v;
        break;
      case 'no-group-separator':
        config.groupSeparator = undefined;
        break;
      case 'color': {
        const when = o.value ?? 'auto';
        if (['always', 'yes', 'force'].includes(when)) config.color = true;
        else if (['never', 'no', 'none', 'auto', 'tty', 'if-tty'].includes(when))
          // `auto`: colour only on a terminal, and a tool here cannot tell that it writes to one.
          config.color = false;
        else {
          // grep.c: an unknown WHEN shows the help, and grep exits 0.
          ctx.stdout(grepProgram.help);
          ctx.exit(0);
          return undefined;
        }
        break;
      }
      case 'r':
      case 'R':
        config.recursive = true;
        break;
      case 'd':
        if (!['read', 'recurse', 'skip'].includes(v)) {
          argmatchError(ctx, grepProgram, v, '--directories', [['read'], ['recurse'], ['skip']]);
          return undefined;
        }
        config.recursive = v === 'recurse';
        config.skipDirectories = v === 'skip';
        break;
      case 'D':
        if (v !== 'read' && v !== 'skip') return fail('unknown devices method');
        break;
      case 'binary-files':
        if (!['binary', 'text', 'without-match'].includes(v))
          return fail('unknown binary-files type');
        break;
      case 'V':
        return showVersion(ctx, grepProgram);
      default:
        // -a -I -U -u -T -Z -z --line-buffered --include…: accepted; nothing here changes.
        break;
    }
  }
  const operands = parsed.operands;
  if (!patternGiven) {
    if (operands.length === 0) {
      usageError(ctx, grepProgram);
      return undefined;
    }
    config.patterns.push(...operands.shift()!.split('\n'));
  }
  if (context >= 0) {
    if (config.before < 0) config.before = context;
    if (config.after < 0) config.after = context;
  }
  config.files = operands.length > 0 ? operands : [config.recursive ? '.' : '-'];
  config.implicitDot = operands.length === 0 && config.recursive;
  return config;
}
