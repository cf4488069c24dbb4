/**
 * `xargs [OPTION]… [COMMAND [INITIAL-ARGS]…]` (GNU findutils 4.9.0): builds command lines from its
 * input — blank-separated items with quotes and backslashes, or `-d`/`-0` delimited, `-I R` one
 * line at a time with R replaced, `-n`/`-L` per command — and runs them one after another as
 * registered tools (`echo` by default). It reads lazily, so `consumer | xargs -I{} …` runs a
 * command per record as it arrives. Exit status: 123 when a command failed, 124 when one exited 255,
 * 125 when one was killed, 127 when the command does not exist.
 */
import { signalNumbers } from '../../runtime/process';
import { EmptyInput } from '../../runtime/streams';
import type { ChildProcess, InputSource, ProcessContext, Signal, Tool } from '../../runtime/types';
import { eachTextLine } from './gnu/lines';
import { openFile, optionNames, quote } from './gnu/program';
import { parseXargsArgs, xargsSpec } from './xargsOptions';
import type { XargsConfig } from './xargsOptions';

/** Input lines from standard input or `-a FILE`: those already there, or a wait for the next. */
interface LineSource {
  /** The next line if it is there now (`null`: end of input); undefined when it must wait. */
  available(): { line: string | null; newline: boolean } | undefined;
  wait(onLine: (line: string | null, newline: boolean) => void): void;
}

function lineSource(ctx: ProcessContext, config: XargsConfig): LineSource | undefined {
  if (config.argFile === undefined) {
    const input = ctx.stdin;
    return {
      available: () => input.readAvailable?.(),
      wait: (onLine) => input.readLine((line, newline) => onLine(line, newline !== false)),
    };
  }
  const file = openFile(ctx, config.argFile);
  if ('error' in file) {
    ctx.stderr(`xargs: Cannot open input file ${quote(config.argFile)}: ${file.error}\n`);
    ctx.exit(1);
    return undefined;
  }
  const lines: { line: string | null; newline: boolean }[] = [];
  eachTextLine(file.text, (line, newline) => {
    lines.push({ line, newline });
  });
  let i = 0;
  return {
    available: () => lines[i++] ?? { line: null, newline: true },
    wait: () => {},
  };
}

/**
 * Splits one input line into items, quotes and backslashes as xargs reads them; with `whole`
 * (`-I`), blanks do not split: the line is one item.
 */
function blankItems(line: string, whole = false): { items: string[]; error?: 'single' | 'double' } {
  const items: string[] = [];
  let item = '';
  let inItem = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (!whole && (c === ' ' || c === '\t')) {
      if (inItem) items.push(item);
      item = '';
      inItem = false;
    } else if (c === '\\' && i + 1 < line.length) {
      item += line[++i];
      inItem = true;
    } else if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      if (end < 0) return { items, error: c === "'" ? 'single' : 'double' };
      item += line.slice(i + 1, end);
      inItem = true;
      i = end;
    } else {
      item += c;
      inItem = true;
    }
  }
  if (inItem) items.push(item);
  return { items };
}

function run(ctx: ProcessContext): void {
  const config = parseXargsArgs(ctx);
  if (!config) return;
  const source = lineSource(ctx, config);
  if (!source) return;
  new XargsRun(ctx, config, source).start();
}

class XargsRun {
  private status = 0;
  /** Items of the command being built, and the input lines they came from. */
  private items: string[] = [];
  private lines = 0;
  private ranAny = false;
  private sawItems = false;
  private ended = false;
  /** `-d`/`-0`: the text of the item being read. */
  private partial = '';
  private child: ChildProcess | undefined;

  constructor(
    private readonly ctx: ProcessContext,
    private readonly config: XargsConfig,
    private readonly source: LineSource,
  ) {}

  start(): void {
    // Ctrl-C reaches the whole foreground process group: the command running, then xargs.
    this.ctx.onSignal((signal: Signal) => {
      this.child?.signal(signal);
      this.ctx.exit(128 + signalNumbers[signal]);
    });
    this.read();
  }

  /** Reads lines while they are there; waits for more, or hands over to a command. */
  private read(): void {
    for (;;) {
      if (this.ended) return this.finish();
      const ready = this.source.available();
      if (ready === undefined) {
        this.source.wait((line, newline) => {
          if (this.take(line, newline)) this.read();
        });
        return;
      }
      if (!this.take(ready.line, ready.newline)) return;
    }
  }

  /** Takes one line; false when something else goes on from here (a command, the end). */
  private take(line: string | null, newline: boolean): boolean {
    if (line === null) {
      this.ended = true;
      if (this.config.delimiter !== undefined && this.partial !== '') this.add(this.partial);
      this.partial = '';
      this.finish();
      return false;
    }
    const error = this.takeLine(line, newline);
    if (error) {
      error();
      return false;
    }
    if (!this.commandFull()) return true;
    this.runCommand(() => this.runWhileFull());
    return false;
  }

  /** Runs commands while enough items are gathered for one, then reads on. */
  private runWhileFull(): void {
    if (this.commandFull()) return this.runCommand(() => this.runWhileFull());
    this.read();
  }

  /** Takes one input line's items; a function to call instead of reading on, after an error. */
  private takeLine(line: string, newline: boolean): (() => void) | undefined {
    const { config } = this;
    if (config.delimiter !== undefined) {
      const parts = (this.partial + line + (newline ? '\n' : '')).split(config.delimiter);
      this.partial = parts.pop()!;
      for (const p of parts) this.add(p);
      return undefined;
    }
    if (config.replace !== undefined) {
      const trimmed = line.replace(/^[ \t]+/, '');
      if (trimmed === '') return undefined;
      if (config.eof !== undefined && trimmed === config.eof) {
        this.ended = true;
        return undefined;
      }
      const parsed = blankItems(trimmed, true);
      if (parsed.error) return () => this.quoteError(parsed.error!);
      this.add(parsed.items.join(''));
      this.lines++;
      return undefined;
    }
    const parsed = blankItems(line);
    for (const item of parsed.items) {
      if (config.eof !== undefined && item === config.eof) {
        this.ended = true;
        return undefined;
      }
      this.add(item);
    }
    if (parsed.error) return () => this.quoteError(parsed.error!);
    // -L: a non-blank line counts, unless it ends in a blank (it continues on the next).
    if (parsed.items.length > 0 && !/[ \t]$/.test(line)) this.lines++;
    return undefined;
  }

  private add(item: string): void {
    this.items.push(item);
    this.sawItems = true;
  }

  private commandFull(): boolean {
    const { config } = this;
    if (config.maxLines !== undefined) return this.lines >= config.maxLines;
    if (config.maxArgs !== undefined) return this.items.length >= config.maxArgs;
    return this.size(this.items) >= config.maxChars;
  }

  /** Bytes the command line takes: each word and its terminating NUL. */
  private size(items: readonly string[]): number {
    return [...this.config.command, ...items].reduce((n, w) => n + w.length + 1, 0);
  }

  private quoteError(kind: 'single' | 'double'): void {
    const done = () => {
      this.ctx.stderr(
        `xargs: unmatched ${kind} quote; by default quotes are special to xargs unless you use the -0 option\n`,
      );
      this.ctx.exit(1);
    };
    if (this.items.length > 0) this.runCommand(done);
    else done();
  }

  private finish(): void {
    const { config } = this;
    if (this.items.length > 0 || this.lines > 0) return this.runCommand(() => this.finish());
    if (!this.ranAny && !this.sawItems && !config.noRunIfEmpty && config.replace === undefined)
      return this.runCommand(() => this.ctx.exit(this.status), true);
    this.ctx.exit(this.status);
  }

  /**
   * Runs the command with the items gathered so far, then `next`. It starts in a later turn of
   * the same virtual millisecond, as a forked process would: the commands after xargs in a
   * pipeline run in between (a `| head` that has had enough exits before the next command writes).
   */
  private runCommand(next: () => void, empty = false): void {
    this.ctx.clock.schedule(0, () => this.startCommand(next, empty));
  }

  private startCommand(next: () => void, empty: boolean): void {
    const { ctx, config } = this;
    let items = this.items;
    let rest: string[] = [];
    if (config.maxArgs !== undefined && items.length > config.maxArgs) {
      rest = items.slice(config.maxArgs);
      items = items.slice(0, config.maxArgs);
    } else if (config.maxLines === undefined && config.maxArgs === undefined && !empty) {
      // Fill up to the size limit; what does not fit waits for the next command.
      let n = items.length;
      while (n > 0 && this.size(items.slice(0, n)) > config.maxChars) n--;
      if (n === 0) {
        ctx.stderr('xargs: argument line too long\n');
        return ctx.exit(1);
      }
      rest = items.slice(n);
      items = items.slice(0, n);
    }
    this.items = rest;
    this.lines = 0;
    if (items.length === 0 && !empty) return next();
    const argv =
      config.replace !== undefined
        ? config.command.map((a) => a.split(config.replace!).join(items.join(' ')))
        : [...config.command, ...items];
    if (config.verbose) ctx.stderr(`${argv.join(' ')}\n`);
    this.ranAny = true;
    const child = ctx.spawn(argv, { stdin: this.childStdin() }, (status) => {
      this.child = undefined;
      if (status === 255) {
        ctx.stderr(`xargs: ${argv[0]}: exited with status 255; aborting\n`);
        return ctx.exit(124);
      }
      if (status > 128) {
        ctx.stderr(`xargs: ${argv[0]}: terminated by signal ${status - 128}\n`);
        return ctx.exit(125);
      }
      if (status !== 0) this.status = 123;
      next();
    });
    if (!child) {
      ctx.stderr(`xargs: ${argv[0]}: No such file or directory\n`);
      return ctx.exit(127);
    }
    if (!child.exited) this.child = child;
  }

  /** The command's stdin: /dev/null while xargs reads its own; the same with `-a FILE`. */
  private childStdin(): InputSource {
    return this.config.argFile === undefined
      ? new EmptyInput((fn) => this.ctx.clock.schedule(0, fn))
      : this.ctx.stdin;
  }
}

export const xargsTool: Tool = {
  name: 'xargs',
  summary: 'Build and run command lines from standard input.',
  optionNames: optionNames(xargsSpec),
  run,
};
