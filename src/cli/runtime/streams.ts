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

  constructor(
    text: string,
    private readonly defer: Defer,
  ) {
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    this.lines = lines;
  }

  readLine(onLine: (line: string | null) => void): void {
    const line = this.lines.length > 0 ? this.lines.shift()! : null;
    this.defer(() => onLine(line));
  }
}

/**
 * Lines that arrive over time: a pipe from another process, or the terminal. Readers wait until a
 * line is written or the writer closes.
 */
export class LineQueue implements InputSource {
  private readonly lines: string[] = [];
  private partial = '';
  private closed = false;
  private readers: ((line: string | null) => void)[] = [];

  constructor(
    private readonly defer: Defer,
    readonly isTTY = false,
  ) {}

  /** Appends output text; complete lines become readable. */
  write(text: string): void {
    if (this.closed) return;
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop()!;
    this.lines.push(...parts);
    this.deliver();
  }

  /** Ends input (the writer exited, or Ctrl-D on the terminal). */
  close(): void {
    if (this.closed) return;
    if (this.partial !== '') {
      this.lines.push(this.partial);
      this.partial = '';
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

  readLine(onLine: (line: string | null) => void): void {
    this.readers.push(onLine);
    this.deliver();
  }

  private deliver(): void {
    while (this.readers.length > 0 && (this.lines.length > 0 || this.closed)) {
      const reader = this.readers.shift()!;
      const line = this.lines.length > 0 ? this.lines.shift()! : null;
      this.defer(() => reader(line));
    }
  }
}

/** End of input at once (`< /dev/null`, background jobs). */
export class EmptyInput implements InputSource {
  readonly isTTY = false;
  constructor(private readonly defer: Defer) {}
  readLine(onLine: (line: string | null) => void): void {
    this.defer(() => onLine(null));
  }
}
