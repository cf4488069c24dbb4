/**
 * `cut -f LIST [-d DELIM] [-s] | -c LIST | -b LIST [--complement] [--output-delimiter=S] [FILE]…`
 * (GNU coreutils 9.1), line by line as input arrives. As in GNU cut, `-c` counts bytes (UTF-8), the
 * same as `-b`.
 */
import type { ProcessContext, Tool } from '../../runtime/types';
import { coreutilsFooter, helpVersionLines } from './gnu/footer';
import type { GetoptSpec } from './gnu/getopt';
import { eachInputLine, eachInTurn, eachTextLine } from './gnu/lines';
import { utf8Length, utf8Slice } from './gnu/numbers';
import { openFile, optionNames, parseArgs, quote, quoteIfNeeded, usageError } from './gnu/program';
import type { GnuProgram } from './gnu/program';

const program: GnuProgram = {
  name: 'cut',
  pkg: 'coreutils',
  authors: ['David M. Ihnat', 'David MacKenzie', 'Jim Meyering'],
  usageStatus: 1,
  help:
    'Usage: cut OPTION... [FILE]...\n' +
    'Print selected parts of lines from each FILE to standard output.\n\n' +
    'With no FILE, or when FILE is -, read standard input.\n\n' +
    'Mandatory arguments to long options are mandatory for short options too.\n' +
    '  -b, --bytes=LIST        select only these bytes\n' +
    '  -c, --characters=LIST   select only these characters\n' +
    '  -d, --delimiter=DELIM   use DELIM instead of TAB for field delimiter\n' +
    '  -f, --fields=LIST       select only these fields;  also print any line\n' +
    '                            that contains no delimiter character, unless\n' +
    '                            the -s option is specified\n' +
    '  -n                      (ignored)\n' +
    '      --complement        complement the set of selected bytes, characters\n' +
    '                            or fields\n' +
    '  -s, --only-delimited    do not print lines not containing delimiters\n' +
    '      --output-delimiter=STRING  use STRING as the output delimiter\n' +
    '                            the default is to use the input delimiter\n' +
    helpVersionLines +
    '\nUse one, and only one of -b, -c or -f.  Each LIST is made up of one\n' +
    'range, or many ranges separated by commas.  Selected input is written\n' +
    'in the same order that it is read, and is written exactly once.\n' +
    'Each range is one of:\n\n' +
    "  N     N'th byte, character or field, counted from 1\n" +
    "  N-    from N'th byte, character or field, to end of line\n" +
    "  N-M   from N'th to M'th (included) byte, character or field\n" +
    "  -M    from first to M'th (included) byte, character or field\n" +
    coreutilsFooter('cut'),
};

const spec: GetoptSpec = {
  short: 'b:c:d:f:ns',
  long: [
    { name: 'bytes', arg: 'required', key: 'b' },
    { name: 'characters', arg: 'required', key: 'c' },
    { name: 'fields', arg: 'required', key: 'f' },
    { name: 'delimiter', arg: 'required', key: 'd' },
    { name: 'only-delimited', arg: 'none', key: 's' },
    { name: 'output-delimiter', arg: 'required', key: 'output-delimiter' },
    { name: 'complement', arg: 'none', key: 'complement' },
  ],
};

/** Inclusive 1-based ranges, sorted and merged. */
type Ranges = [number, number][];

/** coreutils set_fields: `1,3-5,7-`; an error is cut's message. */
function parseList(list: string, fields: boolean): Ranges | { error: string } {
  const zero = fields
    ? 'fields are numbered from 1'
    : 'byte/character positions are numbered from 1';
  const ranges: Ranges = [];
  for (const part of list.split(/[, \t]/)) {
    if (part === '-') return { error: 'invalid range with no endpoint: -' };
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m) {
      const what = fields ? 'invalid field value' : 'invalid byte/character position';
      return { error: `${what} ${quote(part.replace(/^[\d-]*/, '') || part)}` };
    }
    const [, lo, dash, hi] = m;
    for (const n of [lo, hi])
      if (n !== '' && !Number.isSafeInteger(Number(n)))
        return {
          error: `${fields ? 'field number' : 'byte/character offset'} ${quote(n!)} is too large`,
        };
    const start = lo === '' ? (dash ? 1 : 0) : Number(lo);
    const end = dash ? (hi === '' ? Infinity : Number(hi)) : start;
    if (start === 0 || end === 0) return { error: zero };
    if (end < start) return { error: 'invalid decreasing range' };
    ranges.push([start, end]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Ranges = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

const selected = (ranges: Ranges, n: number) => ranges.some(([a, b]) => n >= a && n <= b);

interface CutConfig {
  mode: 'fields' | 'bytes';
  ranges: Ranges;
  complement: boolean;
  delimiter: string;
  outputDelimiter: string | undefined;
  onlyDelimited: boolean;
}

/** The part of `line` cut keeps, or undefined when `-s` drops the line. */
function cutLine(line: string, c: CutConfig): string | undefined {
  const keep = (n: number) => selected(c.ranges, n) !== c.complement;
  if (c.mode === 'fields') {
    if (!line.includes(c.delimiter)) return c.onlyDelimited ? undefined : line;
    const parts = line.split(c.delimiter);
    return parts.filter((_, i) => keep(i + 1)).join(c.outputDelimiter ?? c.delimiter);
  }
  // Bytes: contiguous selected runs, joined by the output delimiter when one is given.
  const length = utf8Length(line);
  const runs: string[] = [];
  let start = -1;
  for (let b = 1; b <= length + 1; b++) {
    const inRun = b <= length && keep(b);
    if (inRun && start < 0) start = b;
    if (!inRun && start > 0) {
      runs.push(utf8Slice(line, start - 1, b - 1));
      start = -1;
    }
    // Past the last range nothing more is selected (unless complementing): stop early.
    if (!c.complement && start < 0 && b > c.ranges[c.ranges.length - 1]![1]) break;
  }
  return runs.join(c.outputDelimiter ?? '');
}

function parseConfig(ctx: ProcessContext): { config: CutConfig; files: string[] } | undefined {
  const parsed = parseArgs(ctx, program, spec);
  if (!parsed) return undefined;
  const usage = (message: string) => {
    usageError(ctx, program, message);
    return undefined;
  };
  let list: { mode: 'fields' | 'bytes'; text: string } | undefined;
  let delimiter: string | undefined;
  let outputDelimiter: string | undefined;
  let onlyDelimited = false;
  let complement = false;
  for (const o of parsed.options) {
    const v = o.value ?? '';
    if (o.key === 'b' || o.key === 'c' || o.key === 'f') {
      if (list) return usage('only one list may be specified');
      list = { mode: o.key === 'f' ? 'fields' : 'bytes', text: v };
    } else if (o.key === 'd') {
      if ([...v].length > 1) return usage('the delimiter must be a single character');
      delimiter = v === '' ? '\0' : v;
    } else if (o.key === 's') onlyDelimited = true;
    else if (o.key === 'output-delimiter') outputDelimiter = v;
    else if (o.key === 'complement') complement = true;
  }
  if (!list) return usage('you must specify a list of bytes, characters, or fields');
  if (list.mode === 'bytes' && delimiter !== undefined)
    return usage('an input delimiter may be specified only when operating on fields');
  if (list.mode === 'bytes' && onlyDelimited)
    return usage('suppressing non-delimited lines makes sense\n\tonly when operating on fields');
  const ranges = parseList(list.text, list.mode === 'fields');
  if ('error' in ranges) return usage(ranges.error);
  return {
    config: {
      mode: list.mode,
      ranges,
      complement,
      delimiter: delimiter ?? '\t',
      outputDelimiter,
      onlyDelimited,
    },
    files: parsed.operands.length > 0 ? parsed.operands : ['-'],
  };
}

function run(ctx: ProcessContext): void {
  const setup = parseConfig(ctx);
  if (!setup) return;
  const { config, files } = setup;
  let status = 0;
  const line = (text: string) => {
    const out = cutLine(text, config);
    if (out !== undefined) ctx.stdout(`${out}\n`);
  };
  eachInTurn(
    files,
    (name, next) => {
      if (name === '-') return eachInputLine(ctx.stdin, line, next);
      const file = openFile(ctx, name);
      if ('error' in file) {
        ctx.stderr(`cut: ${quoteIfNeeded(name)}: ${file.error}\n`);
        status = 1;
      } else eachTextLine(file.text, line);
      next();
    },
    () => ctx.exit(status),
  );
}

export const cutTool: Tool = {
  name: 'cut',
  summary: 'Remove sections from each line of files.',
  optionNames: optionNames(spec),
  run,
};
