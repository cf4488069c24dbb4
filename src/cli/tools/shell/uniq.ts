/**
 * `uniq [-c] [-d | -D | -u] [-i] [-f N] [-s N] [-w N] [INPUT [OUTPUT]]` (GNU coreutils 9.1): merges
 * adjacent equal lines. It prints each group when the next one starts, so it streams.
 */
import { VirtualFs } from '../../host/virtualFs';
import type { ProcessContext, Tool } from '../../runtime/types';
import { coreutilsFooter, helpVersionLines } from './gnu/footer';
import type { GetoptSpec } from './gnu/getopt';
import { eachInputLine, eachTextLine } from './gnu/lines';
import type { LineHandler } from './gnu/lines';
import {
  argmatchError,
  openFile,
  optionNames,
  parseArgs,
  quote,
  quoteIfNeeded,
  usageError,
} from './gnu/program';
import type { GnuProgram } from './gnu/program';

const program: GnuProgram = {
  name: 'uniq',
  pkg: 'coreutils',
  authors: ['Richard M. Stallman', 'David MacKenzie'],
  usageStatus: 1,
  help:
    'Usage: uniq [OPTION]... [INPUT [OUTPUT]]\n' +
    'Filter adjacent matching lines from INPUT (or standard input),\n' +
    'writing to OUTPUT (or standard output).\n\n' +
    'With no options, matching lines are merged to the first occurrence.\n\n' +
    'Mandatory arguments to long options are mandatory for short options too.\n' +
    '  -c, --count           prefix lines by the number of occurrences\n' +
    '  -d, --repeated        only print duplicate lines, one for each group\n' +
    '  -D                    print all duplicate lines\n' +
    '      --all-repeated[=METHOD]  like -D, but allow separating groups\n' +
    '                                 with an empty line;\n' +
    '                                 METHOD={none(default),prepend,separate}\n' +
    '  -f, --skip-fields=N   avoid comparing the first N fields\n' +
    '      --group[=METHOD]  show all items, separating groups with an empty line;\n' +
    '                          METHOD={separate(default),prepend,append,both}\n' +
    '  -i, --ignore-case     ignore differences in case when comparing\n' +
    '  -s, --skip-chars=N    avoid comparing the first N characters\n' +
    '  -u, --unique          only print unique lines\n' +
    '  -w, --check-chars=N   compare no more than N characters in lines\n' +
    helpVersionLines +
    '\nA field is a run of blanks (usually spaces and/or TABs), then non-blank\n' +
    'characters.  Fields are skipped before chars.\n\n' +
    "Note: 'uniq' does not detect repeated lines unless they are adjacent.\n" +
    "You may want to sort the input first, or use 'sort -u' without 'uniq'.\n" +
    coreutilsFooter('uniq'),
};

const spec: GetoptSpec = {
  short: 'cdDf:is:uw:',
  long: [
    { name: 'count', arg: 'none', key: 'c' },
    { name: 'repeated', arg: 'none', key: 'd' },
    { name: 'all-repeated', arg: 'optional', key: 'all-repeated' },
    { name: 'group', arg: 'optional', key: 'group' },
    { name: 'ignore-case', arg: 'none', key: 'i' },
    { name: 'unique', arg: 'none', key: 'u' },
    { name: 'skip-fields', arg: 'required', key: 'f' },
    { name: 'skip-chars', arg: 'required', key: 's' },
    { name: 'check-chars', arg: 'required', key: 'w' },
  ],
};

type Delimit = 'none' | 'prepend' | 'separate' | 'append' | 'both';

interface UniqConfig {
  count: boolean;
  /** Print the groups of one line (`-d` off) and of several (`-u` off). */
  single: boolean;
  repeated: boolean;
  /** `-D`/`--all-repeated`: every line of a repeated group, groups delimited so. */
  allRepeated: Delimit | undefined;
  /** `--group`: every line, groups delimited so. */
  group: Delimit | undefined;
  ignoreCase: boolean;
  skipFields: number;
  skipChars: number;
  checkChars: number;
}

/** A method word by unique prefix (argmatch), or undefined. */
function method(value: string | undefined, words: readonly Delimit[], dflt: Delimit) {
  if (value === undefined) return dflt;
  const exact = words.find((w) => w === value);
  if (exact) return exact;
  const match = words.filter((w) => value !== '' && w.startsWith(value));
  return match.length === 1 ? match[0] : undefined;
}

function parseConfig(ctx: ProcessContext): { config: UniqConfig; operands: string[] } | undefined {
  const parsed = parseArgs(ctx, program, spec);
  if (!parsed) return undefined;
  const config: UniqConfig = {
    count: false,
    single: true,
    repeated: true,
    allRepeated: undefined,
    group: undefined,
    ignoreCase: false,
    skipFields: 0,
    skipChars: 0,
    checkChars: Infinity,
  };
  const number = (v: string, what: string): number | undefined => {
    if (/^\d+$/.test(v)) return Number(v);
    ctx.stderr(`uniq: ${v}: ${what}\n`);
    ctx.exit(1);
    return undefined;
  };
  for (const o of parsed.options) {
    const v = o.value ?? '';
    switch (o.key) {
      case 'c':
        config.count = true;
        break;
      case 'd':
        config.single = false;
        break;
      case 'u':
        config.repeated = false;
        break;
      case 'D':
      case 'all-repeated': {
        const words: Delimit[] = ['none', 'prepend', 'separate'];
        const m = method(o.key === 'D' ? undefined : o.value, words, 'none');
        if (!m) {
          argmatchError(
            ctx,
            program,
            v,
            '--all-repeated',
            words.map((w) => [w]),
          );
          return undefined;
        }
        config.allRepeated = m;
        config.single = false;
        break;
      }
      case 'group': {
        const words: Delimit[] = ['prepend', 'append', 'separate', 'both'];
        const m = method(o.value, words, 'separate');
        if (!m) {
          argmatchError(
            ctx,
            program,
            v,
            '--group',
            words.map((w) => [w]),
          );
          return undefined;
        }
        config.group = m;
        break;
      }
      case 'i':
        config.ignoreCase = true;
        break;
      case 'f': {
        const n = number(v, 'invalid number of fields to skip');
        if (n === undefined) return undefined;
        config.skipFields = n;
        break;
      }
      case 's': {
        const n = number(v, 'invalid number of bytes to skip');
        if (n === undefined) return undefined;
        config.skipChars = n;
        break;
      }
      case 'w': {
        const n = number(v, 'invalid number of bytes to compare');
        if (n === undefined) return undefined;
        config.checkChars = n;
        break;
      }
    }
  }
  if (parsed.operands.length > 2) {
    usageError(ctx, program, `extra operand ${quote(parsed.operands[2]!)}`);
    return undefined;
  }
  if (config.group && (config.allRepeated || !config.single || !config.repeated || config.count)) {
    usageError(ctx, program, '--group is mutually exclusive with -c/-d/-D/-u');
    return undefined;
  }
  if (config.allRepeated && config.count) {
    usageError(ctx, program, 'printing all duplicated lines and repeat counts is meaningless');
    return undefined;
  }
  return { config, operands: parsed.operands };
}

/** The part of a line uniq compares (`-f`, `-s`, `-w`, `-i`). */
function compared(line: string, c: UniqConfig): string {
  let p = 0;
  for (let f = 0; f < c.skipFields && p < line.length; f++) {
    while (p < line.length && (line[p] === ' ' || line[p] === '\t')) p++;
    while (p < line.length && line[p] !== ' ' && line[p] !== '\t') p++;
  }
  let key = line.slice(Math.min(line.length, p + c.skipChars));
  if (c.checkChars !== Infinity) key = key.slice(0, c.checkChars);
  return c.ignoreCase ? key.toLowerCase() : key;
}

function run(ctx: ProcessContext): void {
  const setup = parseConfig(ctx);
  if (!setup) return;
  const { config, operands } = setup;
  const input = operands[0] ?? '-';
  let write = (text: string) => ctx.stdout(text);
  if (operands[1] !== undefined && operands[1] !== '-') {
    const path = VirtualFs.resolve(ctx.cwd, operands[1]);
    if (path !== '/dev/null') {
      ctx.fs.write(path, '');
      write = (text) => ctx.fs.append(path, text);
    } else write = () => {};
  }
  const out = new GroupWriter(config, write);
  if (input === '-') return eachInputLine(ctx.stdin, out.line, () => out.end(() => ctx.exit(0)));
  const file = openFile(ctx, input);
  if ('error' in file) {
    ctx.stderr(
      file.error === 'Is a directory'
        ? `uniq: error reading ${quote(input)}\n`
        : `uniq: ${quoteIfNeeded(input)}: ${file.error}\n`,
    );
    return ctx.exit(1);
  }
  eachTextLine(file.text, out.line);
  out.end(() => ctx.exit(0));
}

/** Collects a group of equal lines and prints it when the next group starts. */
class GroupWriter {
  private group: string[] = [];
  private key = '';
  private groupsPrinted = 0;

  constructor(
    private readonly c: UniqConfig,
    private readonly write: (text: string) => void,
  ) {}

  readonly line: LineHandler = (line) => {
    const key = compared(line, this.c);
    if (this.group.length > 0 && key !== this.key) this.flush();
    if (this.group.length === 0) this.key = key;
    this.group.push(line);
  };

  end(done: () => void): void {
    if (this.group.length > 0) this.flush();
    if (
      this.c.group &&
      this.groupsPrinted > 0 &&
      (this.c.group === 'append' || this.c.group === 'both')
    )
      this.write('\n');
    done();
  }

  private flush(): void {
    const { c, group } = this;
    this.group = [];
    const n = group.length;
    if (c.group) {
      const before = c.group === 'prepend' || c.group === 'both';
      if (before || (this.groupsPrinted > 0 && c.group !== 'append')) this.write('\n');
      else if (c.group === 'append' && this.groupsPrinted > 0) this.write('\n');
      this.groupsPrinted++;
      for (const l of group) this.write(`${l}\n`);
      return;
    }
    if ((n === 1 && !c.single) || (n > 1 && !c.repeated)) return;
    if (c.allRepeated) {
      if (c.allRepeated === 'prepend' || (c.allRepeated === 'separate' && this.groupsPrinted > 0))
        this.write('\n');
      this.groupsPrinted++;
      for (const l of group) this.write(`${l}\n`);
      return;
    }
    this.write(c.count ? `${String(n).padStart(7)} ${group[0]}\n` : `${group[0]}\n`);
  }
}

export const uniqTool: Tool = {
  name: 'uniq',
  summary: 'Report or omit repeated lines.',
  optionNames: optionNames(spec),
  run,
};
