/**
 * `wc [-clmwL] [FILE]…` (GNU coreutils 9.1): newline, word, character, byte and longest-line counts,
 * right-aligned in columns as wc aligns them (the width of the largest file size, at least 7 when
 * one input is standard input or a directory), with a `total` line for several files.
 */
import { VirtualFs } from '../../host/virtualFs';
import type { ProcessContext, Tool } from '../../runtime/types';
import { coreutilsFooter, helpVersionLines } from './gnu/footer';
import type { GetoptSpec } from './gnu/getopt';
import { eachInputLine, eachInTurn } from './gnu/lines';
import { utf8Length } from './gnu/numbers';
import { openFile, optionNames, parseArgs, quoteIfNeeded } from './gnu/program';
import type { GnuProgram } from './gnu/program';

const program: GnuProgram = {
  name: 'wc',
  pkg: 'coreutils',
  authors: ['Paul Rubin', 'David MacKenzie'],
  usageStatus: 1,
  help:
    'Usage: wc [OPTION]... [FILE]...\n' +
    'Print newline, word, and byte counts for each FILE, and a total line if\n' +
    'more than one FILE is specified.  A word is a non-zero-length sequence of\n' +
    'printable characters delimited by white space.\n\n' +
    'With no FILE, or when FILE is -, read standard input.\n\n' +
    'The options below may be used to select which counts are printed, always in\n' +
    'the following order: newline, word, character, byte, maximum line length.\n' +
    '  -c, --bytes            print the byte counts\n' +
    '  -m, --chars            print the character counts\n' +
    '  -l, --lines            print the newline counts\n' +
    '  -L, --max-line-length  print the maximum display width\n' +
    '  -w, --words            print the word counts\n' +
    helpVersionLines +
    coreutilsFooter('wc'),
};

const spec: GetoptSpec = {
  short: 'clLmw',
  long: [
    { name: 'bytes', arg: 'none', key: 'c' },
    { name: 'chars', arg: 'none', key: 'm' },
    { name: 'lines', arg: 'none', key: 'l' },
    { name: 'words', arg: 'none', key: 'w' },
    { name: 'max-line-length', arg: 'none', key: 'L' },
  ],
};

/** The counts of one input, in wc's column order. */
export interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  maxLineLength: number;
}

const columns = ['lines', 'words', 'chars', 'bytes', 'maxLineLength'] as const;
const flagOf: Record<string, (typeof columns)[number]> = {
  l: 'lines',
  w: 'words',
  m: 'chars',
  c: 'bytes',
  L: 'maxLineLength',
};

/** Counts text fed to it piece by piece; words and line widths carry across pieces. */
export class Counter {
  readonly counts: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLineLength: 0 };
  private inWord = false;
  private column = 0;

  add(text: string): void {
    const c = this.counts;
    c.bytes += utf8Length(text);
    for (const ch of text) {
      c.chars++;
      const code = ch.codePointAt(0)!;
      if (ch === '\n' || ch === '\r' || ch === '\f') {
        if (ch === '\n') c.lines++;
        c.maxLineLength = Math.max(c.maxLineLength, this.column);
        this.column = 0;
        this.inWord = false;
      } else if (ch === '\t') {
        this.column += 8 - (this.column % 8);
        this.inWord = false;
      } else if (ch === ' ' || ch === '\v' || /\s/u.test(ch)) {
        if (ch !== '\v') this.column++;
        this.inWord = false;
      } else if (code >= 0x20 && code !== 0x7f) {
        this.column += isWide(code) ? 2 : 1;
        if (!this.inWord) c.words++;
        this.inWord = true;
      }
    }
    c.maxLineLength = Math.max(c.maxLineLength, this.column);
  }
}

/** East Asian wide characters, which take two terminal columns (`wcwidth`). */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

interface Row {
  counts: Counts;
  /** Undefined for standard input given no name. */
  name: string | undefined;
}

function run(ctx: ProcessContext): void {
  const parsed = parseArgs(ctx, program, spec);
  if (!parsed) return;
  const chosen = new Set(parsed.options.map((o) => flagOf[o.key]!));
  const shown =
    chosen.size === 0
      ? (['lines', 'words', 'bytes'] as const)
      : columns.filter((c) => chosen.has(c));
  const operands = parsed.operands;
  const inputs = operands.length > 0 ? operands : [undefined];
  const rows: Row[] = [];
  let status = 0;
  // wc.c compute_number_width: the digits of the regular files' total size; 7 at least when an
  // input is no regular file; 1 when one input is asked for one count, or the first cannot be read.
  let regularBytes = 0;
  let minWidth = 1;
  let firstFailed = false;
  let index = 0;
  eachInTurn(
    inputs,
    (name, next) => {
      const first = index++ === 0;
      if (name === undefined || name === '-') {
        minWidth = 7;
        const counter = new Counter();
        return eachInputLine(
          ctx.stdin,
          (line, newline) => counter.add(newline ? `${line}\n` : line),
          () => {
            rows.push({ counts: counter.counts, name });
            next();
          },
        );
      }
      const file = openFile(ctx, name);
      const counter = new Counter();
      if ('text' in file) {
        counter.add(file.text);
        if (VirtualFs.resolve(ctx.cwd, name) === '/dev/null') minWidth = 7;
        else regularBytes += counter.counts.bytes;
        rows.push({ counts: counter.counts, name });
      } else {
        ctx.stderr(`wc: ${quoteIfNeeded(name)}: ${file.error}\n`);
        status = 1;
        if (file.error === 'Is a directory') {
          minWidth = 7;
          rows.push({ counts: counter.counts, name });
        } else if (first) firstFailed = true;
      }
      next();
    },
    () => {
      let width = String(regularBytes).length;
      if (firstFailed || (inputs.length === 1 && shown.length === 1)) width = 1;
      else width = Math.max(width, minWidth);
      if (inputs.length > 1) {
        const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLineLength: 0 };
        for (const r of rows)
          for (const c of columns)
            total[c] =
              c === 'maxLineLength' ? Math.max(total[c], r.counts[c]) : total[c] + r.counts[c];
        rows.push({ counts: total, name: 'total' });
      }
      for (const r of rows) {
        const cells = shown.map((c) => String(r.counts[c]).padStart(width));
        ctx.stdout(`${cells.join(' ')}${r.name === undefined ? '' : ` ${r.name}`}\n`);
      }
      ctx.exit(status);
    },
  );
}

export const wcTool: Tool = {
  name: 'wc',
  summary: 'Print newline, word, and byte counts for each file.',
  optionNames: optionNames(spec),
  run,
};
