/**
 * GNU xargs 4.9.0's command line: its options, `--help`, and the checks it makes (with its
 * messages) before reading any input.
 */
import type { ProcessContext } from '../../runtime/types';
import { cEscapes } from '../../shell/parse/ansiC';
import type { GetoptSpec } from './gnu/getopt';
import { parseArgs, usageError } from './gnu/program';
import type { GnuProgram } from './gnu/program';

export const xargsProgram: GnuProgram = {
  name: 'xargs',
  pkg: 'findutils',
  authors: ['Eric B. Decker', 'James Youngman', 'Kevin Dalley'],
  usageStatus: 1,
  help:
    'Usage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\n' +
    'Run COMMAND with arguments INITIAL-ARGS and more arguments read from input.\n\n' +
    'Mandatory and optional arguments to long options are also\n' +
    'mandatory or optional for the corresponding short option.\n' +
    '  -0, --null                   items are separated by a null, not whitespace;\n' +
    '                                 disables quote and backslash processing and\n' +
    '                                 logical EOF processing\n' +
    '  -a, --arg-file=FILE          read arguments from FILE, not standard input\n' +
    '  -d, --delimiter=CHARACTER    items in input stream are separated by CHARACTER,\n' +
    '                                 not by whitespace; disables quote and backslash\n' +
    '                                 processing and logical EOF processing\n' +
    '  -E END                       set logical EOF string; if END occurs as a line\n' +
    '                                 of input, the rest of the input is ignored\n' +
    '                                 (ignored if -0 or -d was specified)\n' +
    '  -e, --eof[=END]              equivalent to -E END if END is specified;\n' +
    '                                 otherwise, there is no end-of-file string\n' +
    '  -I R                         same as --replace=R\n' +
    '  -i, --replace[=R]            replace R in INITIAL-ARGS with names read\n' +
    '                                 from standard input, split at newlines;\n' +
    '                                 if R is unspecified, assume {}\n' +
    '  -L, --max-lines=MAX-LINES    use at most MAX-LINES non-blank input lines per\n' +
    '                                 command line\n' +
    '  -l[MAX-LINES]                similar to -L but defaults to at most one non-\n' +
    '                                 blank input line if MAX-LINES is not specified\n' +
    '  -n, --max-args=MAX-ARGS      use at most MAX-ARGS arguments per command line\n' +
    '  -P, --max-procs=MAX-PROCS    run at most MAX-PROCS processes at a time\n' +
    '  -r, --no-run-if-empty        if there are no arguments, then do not run COMMAND;\n' +
    '                                 if this option is not given, COMMAND will be\n' +
    '                                 run at least once\n' +
    '  -s, --max-chars=MAX-CHARS    limit length of command line to MAX-CHARS\n' +
    '  -t, --verbose                print commands before executing them\n' +
    '  -x, --exit                   exit if the size (see -s) is exceeded\n' +
    '      --help                   display this help and exit\n' +
    '      --version                output version information and exit\n\n' +
    'Please see also the documentation at https://www.gnu.org/software/findutils/.\n' +
    'You can report (and track progress on fixing) bugs in the "xargs"\n' +
    'program via the GNU findutils bug-reporting page at\n' +
    'https://savannah.gnu.org/bugs/?group=findutils or, if\n' +
    'you have no web access, by sending email to <bug-findutils@gnu.org>.\n',
};

export const xargsSpec: GetoptSpec = {
  short: '0a:d:E:e::I:i::L:l::n:P:rs:tx',
  stopAtOperand: true,
  long: [
    { name: 'null', arg: 'none', key: '0' },
    { name: 'arg-file', arg: 'required', key: 'a' },
    { name: 'delimiter', arg: 'required', key: 'd' },
    { name: 'eof', arg: 'optional', key: 'e' },
    { name: 'replace', arg: 'optional', key: 'i' },
    { name: 'max-lines', arg: 'optional', key: 'l' },
    { name: 'max-args', arg: 'required', key: 'n' },
    { name: 'no-run-if-empty', arg: 'none', key: 'r' },
    { name: 'max-chars', arg: 'required', key: 's' },
    { name: 'verbose', arg: 'none', key: 't' },
    { name: 'show-limits', arg: 'none', key: 'show-limits' },
    { name: 'exit', arg: 'none', key: 'x' },
    { name: 'max-procs', arg: 'required', key: 'P' },
    { name: 'process-slot-var', arg: 'required', key: 'process-slot-var' },
    { name: 'version', arg: 'none', key: 'version' },
    { name: 'help', arg: 'none', key: 'help' },
  ],
};

/** The command-line size xargs uses by default (`--show-limits`: 131072 bytes). */
const MAX_CHARS = 131072;

export interface XargsConfig {
  command: string[];
  /** Undefined: blank-separated items with quoting; else the one delimiter character. */
  delimiter: string | undefined;
  eof: string | undefined;
  replace: string | undefined;
  maxLines: number | undefined;
  maxArgs: number | undefined;
  maxChars: number;
  exitIfTooLong: boolean;
  noRunIfEmpty: boolean;
  verbose: boolean;
  argFile: string | undefined;
}

export function parseXargsArgs(ctx: ProcessContext): XargsConfig | undefined {
  const parsed = parseArgs(ctx, xargsProgram, xargsSpec);
  if (!parsed) return undefined;
  const config: XargsConfig = {
    command: parsed.operands.length > 0 ? parsed.operands : ['echo'],
    delimiter: undefined,
    eof: undefined,
    replace: undefined,
    maxLines: undefined,
    maxArgs: undefined,
    maxChars: MAX_CHARS,
    exitIfTooLong: false,
    noRunIfEmpty: false,
    verbose: false,
    argFile: undefined,
  };
  const count = (v: string, option: string, min: number): number | undefined => {
    if (!/^\d+$/.test(v)) {
      usageError(ctx, xargsProgram, `invalid number "${v}" for -${option} option`);
      return undefined;
    }
    if (Number(v) < min) {
      usageError(ctx, xargsProgram, `value ${v} for -${option} option should be >= ${min}`);
      return undefined;
    }
    return Number(v);
  };
  for (const o of parsed.options) {
    const v = o.value;
    switch (o.key) {
      case '0':
        config.delimiter = '\0';
        break;
      case 'd': {
        const d = delimiterArg(v!);
        if (d === undefined) {
          ctx.stderr(
            `xargs: invalid input delimiter specification ${v}: the delimiter must be either a single character or an escape sequence starting with \\.\n`,
          );
          ctx.exit(1);
          return undefined;
        }
        config.delimiter = d;
        break;
      }
      case 'a':
        config.argFile = v;
        break;
      case 'E':
      case 'e':
        config.eof = v === '' ? undefined : v;
        break;
      case 'I':
      case 'i':
        config.replace = v ?? '{}';
        config.maxLines = 1;
        config.maxArgs = undefined;
        break;
      case 'L':
      case 'l': {
        const n = v === undefined ? 1 : count(v, 'L', 1);
        if (n === undefined) return undefined;
        config.maxLines = n;
        config.maxArgs = undefined;
        config.replace = undefined;
        break;
      }
      case 'n': {
        const n = count(v!, 'n', 1);
        if (n === undefined) return undefined;
        config.maxArgs = n;
        if (config.replace === undefined) config.maxLines = undefined;
        break;
      }
      case 's': {
        const n = count(v!, 's', 1);
        if (n === undefined) return undefined;
        config.maxChars = n;
        break;
      }
      case 'P':
        if (count(v!, 'P', 0) === undefined) return undefined;
        break; // one command at a time here: the output comes out the same, in order
      case 'r':
        config.noRunIfEmpty = true;
        break;
      case 't':
        config.verbose = true;
        break;
      case 'x':
        config.exitIfTooLong = true;
        break;
      case 'show-limits':
        ctx.stderr(
          'Your environment variables take up 0 bytes\n' +
            'POSIX upper limit on argument length (this system): 2092096\n' +
            'POSIX smallest allowable upper limit on argument length (all systems): 4096\n' +
            'Maximum length of command we could actually use: 2092096\n' +
            `Size of command buffer we are actually using: ${MAX_CHARS}\n` +
            'Maximum parallelism (--max-procs must be no greater): 2147483647\n',
        );
        break;
    }
  }
  return config;
}

/** `-d` accepts one character or an escape (`\n`, `\t`, `\x2c`, `\054`). */
function delimiterArg(v: string): string | undefined {
  if ([...v].length === 1) return v;
  const named = /^\\([abfnrtv\\])$/.exec(v)?.[1];
  if (named) return named === '\\' ? '\\' : cEscapes[named];
  const hex = /^\\x([0-9a-fA-F]{1,2})$/.exec(v);
  if (hex) return String.fromCharCode(Number.parseInt(hex[1]!, 16));
  const oct = /^\\([0-7]{1,3})$/.exec(v);
  if (oct) return String.fromCharCode(Number.parseInt(oct[1]!, 8) & 0xff);
  return undefined;
}
