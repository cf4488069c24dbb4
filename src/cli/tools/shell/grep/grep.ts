/**
 * `grep [OPTION]… PATTERNS [FILE]…` (GNU grep 3.8): prints the lines that match. Standard input is
 * searched line by line as it arrives, so `kafka-console-consumer … | grep foo` shows each matching
 * record when it comes in; `-q`, `-l` and `-m` stop reading as soon as they know their answer.
 * Exit status: 0 when a line is selected, 1 when none is, 2 on an error (unless `-q` selected one).
 */
import { VirtualFs } from '../../../host/virtualFs';
import type { ProcessContext, Tool } from '../../../runtime/types';
import { eachInputLine, eachInTurn, eachTextLine } from '../gnu/lines';
import type { LineHandler } from '../gnu/lines';
import { utf8Length } from '../gnu/numbers';
import { openFile, optionNames } from '../gnu/program';
import { grepSpec, parseGrepArgs } from './grepOptions';
import type { GrepConfig } from './grepOptions';
import { compileMatcher } from './matcher';
import type { Matcher } from './matcher';

/** GNU grep's default GREP_COLORS: selected match, file name, line and byte numbers, separators. */
const sgr = { match: '01;31', file: '35', number: '32', separator: '36' };

/** One thing to search: a file of the virtual filesystem, or standard input. */
interface Input {
  /** As printed before lines and by `-l`. */
  name: string;
  /** Absolute path; undefined for standard input. */
  path?: string;
  /** A directory met without `-r`. */
  directory?: boolean;
}

function run(ctx: ProcessContext): void {
  const config = parseGrepArgs(ctx);
  if (!config) return;
  const compiled = compileMatcher(config.patterns, config);
  if ('error' in compiled) {
    ctx.stderr(`grep: ${compiled.error}\n`);
    return ctx.exit(2);
  }
  for (const w of compiled.warnings) ctx.stderr(`grep: ${w}\n`);
  new GrepRun(ctx, config, compiled.matcher).start();
}

class GrepRun {
  private anySuccess = false;
  private error = false;
  private finished = false;
  /** Something was printed with context on: the next group gets a separator before it. */
  private printedGroup = false;
  private readonly withFilename: boolean;
  private readonly outputLines: boolean;

  constructor(
    private readonly ctx: ProcessContext,
    private readonly config: GrepConfig,
    private readonly matcher: Matcher,
  ) {
    this.withFilename = config.withFilename ?? (config.files.length > 1 || config.recursive);
    this.outputLines = !config.quiet && !config.count && config.listFiles === undefined;
    if (config.onlyMatching) {
      config.before = -1;
      config.after = -1;
    }
  }

  start(): void {
    eachInTurn(
      this.inputs(),
      (input, next) => {
        if (this.finished) return next();
        this.search(input, next);
      },
      () => this.end(),
    );
  }

  /** The operands, with `-r` directories expanded into the files below them. */
  private inputs(): Input[] {
    const { ctx, config } = this;
    const out: Input[] = [];
    for (const name of config.files) {
      if (name === '-') {
        out.push({ name: config.label });
        continue;
      }
      const path = VirtualFs.resolve(ctx.cwd, name);
      if (path !== '/dev/null' && ctx.fs.isDir(path) && ctx.fs.read(path) === undefined) {
        if (config.skipDirectories) continue;
        if (!config.recursive) {
          out.push({ name, path, directory: true });
          continue;
        }
        // With no FILE, `-r` searches `.` and names files without the `./`.
        const walk = (dir: string, shown: string) => {
          for (const entry of ctx.fs.list(dir)) {
            const child = `${dir === '/' ? '' : dir}/${entry}`;
            const childName = shown === '' ? entry : `${shown.replace(/\/$/, '')}/${entry}`;
            if (ctx.fs.read(child) === undefined && ctx.fs.isDir(child)) walk(child, childName);
            else out.push({ name: childName, path: child });
          }
        };
        walk(path, config.implicitDot ? '' : name);
        continue;
      }
      out.push({ name, path });
    }
    return out;
  }

  private search(input: Input, next: () => void): void {
    const { ctx, config } = this;
    if (input.directory) {
      this.fail(`${input.name}: Is a directory`);
      return next();
    }
    const scan = new FileScan(this, input.name);
    if (input.path === undefined) {
      if (config.maxCount === 0) return this.fileDone(scan, next);
      return eachInputLine(ctx.stdin, scan.line, () => this.fileDone(scan, next));
    }
    const file = openFile(ctx, input.path);
    if ('error' in file) {
      this.fail(`${input.name}: ${file.error}`);
      return next();
    }
    if (config.maxCount > 0) eachTextLine(file.text, scan.line);
    this.fileDone(scan, next);
  }

  /** A file's summary lines (`-c`, `-L`), its share of the exit status. */
  private fileDone(scan: FileScan, next: () => void): void {
    if (this.finished) return next();
    const { config } = this;
    // grep 3.5 and later: 0 when a line was selected, `-L` included.
    if (scan.selected > 0) this.anySuccess = true;
    if (config.quiet) return next();
    if (config.listFiles === 'nonmatching' && scan.selected === 0) this.writeName(scan.name);
    else if (config.listFiles === undefined && config.count) {
      const prefix = this.withFilename ? this.filePrefix(scan.name, ':') : '';
      this.ctx.stdout(`${prefix}${scan.selected}\n`);
    }
    next();
  }

  private end(): void {
    if (this.finished) return;
    this.finished = true;
    const { config } = this;
    this.ctx.exit(this.error && !(config.quiet && this.anySuccess) ? 2 : this.anySuccess ? 0 : 1);
  }

  private fail(message: string): void {
    this.error = true;
    if (!this.config.noMessages) this.ctx.stderr(`grep: ${message}\n`);
  }

  // ---- What FileScan calls -----------------------------------------------------------------------

  get settings(): GrepConfig {
    return this.config;
  }

  get lineMatcher(): Matcher {
    return this.matcher;
  }

  get printsLines(): boolean {
    return this.outputLines;
  }

  /** `-q`: the first selected line settles it. */
  quitWithMatch(): void {
    this.anySuccess = true;
    this.finished = true;
    this.ctx.exit(0);
  }

  /** `-l`: the file's name, once its first line is selected. */
  writeName(name: string): void {
    this.ctx.stdout(`${this.color(sgr.file, name)}\n`);
  }

  /** The group separator before a line that does not follow the last one printed. */
  separate(adjacent: boolean): void {
    const { config } = this;
    // Any -A, -B or -C, even 0, separates groups (grep.c: `0 <= out_before || 0 <= out_after`).
    const context = config.before >= 0 || config.after >= 0;
    if (context && this.printedGroup && !adjacent && config.groupSeparator !== undefined)
      this.ctx.stdout(`${this.color(sgr.separator, config.groupSeparator)}\n`);
    this.printedGroup = true;
  }

  /** Writes one output line: `name:12:345:text` (`-` instead of `:` for a context line). */
  writeLine(name: string, sep: ':' | '-', lineNo: number, offset: number, body: string): void {
    const { config } = this;
    let prefix = this.withFilename ? this.filePrefix(name, sep) : '';
    if (config.lineNumber) prefix += this.color(sgr.number, String(lineNo)) + this.sep(sep);
    if (config.byteOffset) prefix += this.color(sgr.number, String(offset)) + this.sep(sep);
    this.ctx.stdout(`${prefix}${body}\n`);
  }

  /** `text` marked as a match when colouring. */
  highlight(text: string): string {
    return this.color(sgr.match, text);
  }

  get colored(): boolean {
    return this.config.color;
  }

  private filePrefix(name: string, sep: string): string {
    return this.color(sgr.file, name) + this.sep(sep);
  }

  private sep(sep: string): string {
    return this.color(sgr.separator, sep);
  }

  private color(code: string, text: string): string {
    return this.config.color ? `\x1b[${code}m\x1b[K${text}\x1b[m\x1b[K` : text;
  }
}

/** The search of one file: line numbers, context, the `-m` limit. */
class FileScan {
  selected = 0;
  private lineNo = 0;
  private offset = 0;
  private lastPrinted = 0;
  private afterLeft = 0;
  private readonly before: { text: string; lineNo: number; offset: number }[] = [];

  constructor(
    private readonly run: GrepRun,
    readonly name: string,
  ) {}

  /** Takes the next line; false once nothing more of this file is needed. */
  readonly line: LineHandler = (text, newline) => {
    const { run } = this;
    const config = run.settings;
    const lineNo = ++this.lineNo;
    const offset = this.offset;
    this.offset += utf8Length(text) + (newline ? 1 : 0);
    if (this.selected >= config.maxCount) {
      // After the last selected line `-m` allows: its trailing context only.
      if (this.afterLeft <= 0) return false;
      this.print('-', text, lineNo, offset);
      return --this.afterLeft > 0;
    }
    const selected = run.lineMatcher.test(text) !== config.invert;
    if (!selected) {
      if (!run.printsLines) return true;
      if (this.afterLeft > 0) {
        this.afterLeft--;
        this.print('-', text, lineNo, offset);
      } else if (config.before > 0) {
        this.before.push({ text, lineNo, offset });
        if (this.before.length > config.before) this.before.shift();
      }
      return true;
    }
    this.selected++;
    if (config.quiet) {
      run.quitWithMatch();
      return false;
    }
    if (config.listFiles === 'matching') {
      run.writeName(this.name);
      return false;
    }
    if (config.listFiles === 'nonmatching') return false;
    if (!run.printsLines) return this.selected < config.maxCount;
    for (const b of this.before.splice(0)) this.print('-', b.text, b.lineNo, b.offset);
    this.printSelected(text, lineNo, offset);
    this.afterLeft = config.after;
    return this.selected < config.maxCount || this.afterLeft > 0;
  };

  private print(sep: ':' | '-', text: string, lineNo: number, offset: number): void {
    this.run.separate(this.lastPrinted > 0 && lineNo === this.lastPrinted + 1);
    this.lastPrinted = lineNo;
    this.run.writeLine(this.name, sep, lineNo, offset, text);
  }

  private printSelected(text: string, lineNo: number, offset: number): void {
    const { run } = this;
    const config = run.settings;
    if (!config.onlyMatching) {
      if (!run.colored || config.invert) return this.print(':', text, lineNo, offset);
      let body = '';
      let at = 0;
      for (const m of run.lineMatcher.matches(text)) {
        body += text.slice(at, m.start) + run.highlight(text.slice(m.start, m.end));
        at = m.end;
      }
      return this.print(':', body + text.slice(at), lineNo, offset);
    }
    if (config.invert) return; // -o -v: the selected lines have no matches to show
    for (const m of run.lineMatcher.matches(text)) {
      const at = offset + utf8Length(text.slice(0, m.start));
      this.print(':', run.highlight(text.slice(m.start, m.end)), lineNo, at);
    }
  }
}

export const grepTool: Tool = {
  name: 'grep',
  summary: 'Print lines that match patterns.',
  optionNames: optionNames(grepSpec),
  run,
};
