/**
 * Standard input sources: fixed text (a here-document, a file, `<<<`), a pipe fed by the previous
 * command of a pipeline, and the terminal (typed lines; Ctrl-D ends input). Lines are always
 * delivered through `defer` (the cluster clock at +0 ms), never synchronously inside `readLine`, so
 * a tool's read loop neither recurses nor depends on a JavaScript event loop turn.
 */
import type { InputSource } from './types';

/** Runs a function later in the same virtual millisecond. */
export type Defer = (fn: () => void) => void;

/** Lines of a fixed text, then end of input. */
export class TextInput implements InputSource {
  readonly isTTY = false;
  private readonly lines: string[];
  private next = 0;
  /** The text ended with a newline (or was empty). */
  private readonly lastNewline: boolean;

  constructor(
    text: string,
    private readonly defer: Defer,
  ) {
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    this.lines = lines;
    this.lastNewline = text === '' || text.endsWith('\n');
  }

  readLine(onLine: (line: string | null, newline?: boolean) => void): void {
    const next = this.take();
    this.defer(() => onLine(next.line, next.newline));
  }

  readAvailable(): { line: string | null; newline: boolean } {
    return this.take();
  }

  private take(): { line: string | null; newline: boolean } {
    const line = this.next < this.lines.length ? this.lines[this.next++]! : null;
    return { line, newline: line === null || this.next < this.lines.length || this.lastNewline };
  }
}

/**
 * Lines that arrive over time: a pipe from another process, or the terminal. Readers wait until a
 * line is written or the writer closes. Once the reading process has gone ({@link closeReader}),
 * writes fail: the writer gets SIGPIPE, as with a real pipe.
 */
export class LineQueue implements InputSource {
  /** Lines written and not yet read: `lines[head…]`. */
  private lines: string[] = [];
  private head = 0;
  private partial = '';
  private closed = false;
  /** The last line was a partial one, completed by {@link close}. */
  private unterminated = false;
  private readerGone = false;
  private readers: ((line: string | null, newline?: boolean) => void)[] = [];

  constructor(
    private readonly defer: Defer,
    readonly isTTY = false,
  ) {}

  /** Appends output text; complete lines become readable. False when the reader has gone (EPIPE). */
  write(text: string): boolean {
    if (this.readerGone) return false;
    if (this.closed) return true;
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop()!;
    for (const part of parts) this.lines.push(part);
    this.deliver();
    return true;
  }

  /**
   * The reading end is closed: its process exited. Unread lines are dropped and later writes fail,
   * so the writer dies of SIGPIPE at its next write (or, a JVM, sees the error).
   */
  closeReader(): void {
    this.readerGone = true;
    this.lines = [];
    this.head = 0;
    this.partial = '';
  }

  /** Ends input (the writer exited, or Ctrl-D on the terminal). */
  close(): void {
    if (this.closed) return;
    if (this.partial !== '') {
      this.lines.push(this.partial);
      this.partial = '';
      this.unterminated = true;
    }
    this.closed = true;
    this.deliver();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** True when a reader waits for a line (the terminal routes typed lines here). */
  get hasReader(): boolean {
    return this.readers.length > 0;
  }

  readLine(onLine: (line: string | null, newline?: boolean) => void): void {
    this.readers.push(onLine);
    this.deliver();
  }

  readAvailable(): { line: string | null; newline: boolean } | undefined {
    if (this.readers.length > 0 || (this.head >= this.lines.length && !this.closed))
      return undefined;
    const line = this.head < this.lines.length ? this.lines[this.head++]! : null;
    return { line, newline: line === null || this.head < this.lines.length || !this.unterminated };
  }

  private deliver(): void {
    while (this.readers.length > 0 && (this.head < this.lines.length || this.closed)) {
      const reader = this.readers.shift()!;
      const line = this.head < this.lines.length ? this.lines[this.head++]! : null;
      const newline = line === null || this.head < this.lines.length || !this.unterminated;
      this.defer(() => reader(line, newline));
    }
    // Drop what was read once it is most of the array (a long pipe stays linear).
    if (this.head > 1024 && this.head * 2 > this.lines.length) {
      this.lines = this.lines.slice(this.head);
      this.head = 0;
    }
  }
}

/** End of input at once (`< /dev/null`, background jobs). */
export class EmptyInput implements InputSource {
  readonly isTTY = false;
  constructor(private readonly defer: Defer) {}
  readLine(onLine: (line: string | null, newline?: boolean) => void): void {
    this.defer(() => onLine(null, true));
  }
}
