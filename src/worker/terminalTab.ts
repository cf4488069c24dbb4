/**
 * One terminal tab: an interactive bash-like {@link ShellSession} plus what a tty and readline do
 * around it — collecting continuation lines (PS2 `> `), printing syntax errors as an interactive
 * bash does, passing typed lines to a foreground process that reads them, holding lines typed
 * ahead while a command runs, Ctrl-C and Ctrl-D.
 */
import type { ClusterHost } from '../cli/host/clusterHost';
import type { ToolRegistry } from '../cli/runtime/registry';
import { ShellSession } from '../cli/runtime/session';
import { LineQueue } from '../cli/runtime/streams';
import type { Defer } from '../cli/runtime/streams';
import { formatDiagnostic, LineAccumulator, parseScript, PS2 } from '../cli/shell/parse/index';
import type { TerminalState } from './protocol';

/** bash's default PS1 for the workbench: just `$ `. */
export const PS1 = '$ ';

/** The status bash gives `$?` after a syntax error, and after Ctrl-C at the prompt. */
const syntaxErrorStatus = 2;
const interruptedStatus = 130;

/** Where a tab's shell writes, and whom it tells when a command line has finished. */
export interface TerminalWiring {
  write(stream: 'stdout' | 'stderr', text: string): void;
  commandFinished(): void;
}

/**
 * The terminal's stdin as the foreground process sees it; calls `onRead` whenever a reader starts
 * waiting, so lines typed ahead reach it in the same virtual millisecond.
 */
class TerminalInput extends LineQueue {
  constructor(
    defer: Defer,
    private readonly onRead: () => void,
  ) {
    super(defer, true);
  }

  override readLine(onLine: (line: string | null) => void): void {
    super.readLine(onLine);
    this.onRead();
  }
}

export class TerminalTab {
  session: ShellSession;
  private readonly accumulator = new LineAccumulator();
  /**
   * Lines typed while a command runs and nobody reads the terminal: the tty's input buffer
   * (`null` is a Ctrl-D typed after them).
   */
  private typeAhead: (string | null)[] = [];
  /** Lines read so far, for the line numbers bash prints in here-document warnings. */
  private linesRead = 0;
  private closed = false;
  /** Calls of input, interrupt and endOfInput so far (see `TerminalState.keystrokes`). */
  private keystrokes = 0;

  constructor(
    readonly id: number,
    private host: ClusterHost,
    private readonly registry: ToolRegistry,
    private readonly wiring: TerminalWiring,
  ) {
    this.session = this.createSession([]);
  }

  /** Moves the tab to a new cluster (reset): a fresh shell that keeps the command history. */
  attach(host: ClusterHost): void {
    this.host = host;
    this.accumulator.reset();
    this.typeAhead = [];
    this.session = this.createSession(this.session.history);
  }

  /** The prompt to show now: PS1, PS2 or nothing while a command runs. */
  get prompt(): string {
    if (this.session.busy) return '';
    return this.accumulator.pending ? PS2 : PS1;
  }

  state(): TerminalState {
    return {
      terminalId: this.id,
      prompt: this.prompt,
      busy: this.session.busy,
      readingInput: this.session.busy && this.session.readingTerminal,
      keystrokes: this.keystrokes,
    };
  }

  /** A line the user entered (without its newline). */
  input(line: string): void {
    this.keystrokes++;
    if (!this.session.busy) return this.feedShell(line);
    if (this.session.readingTerminal && this.typeAhead.length === 0) this.session.typeLine(line);
    else this.typeAhead.push(line);
  }

  /** Ctrl-C: SIGINT to the foreground command, or drop the pending lines at the prompt. */
  interrupt(): void {
    this.keystrokes++;
    // The tty discards its input buffer on SIGINT.
    this.typeAhead = [];
    if (this.session.busy) {
      this.session.interrupt();
      return;
    }
    this.accumulator.reset();
    this.session.lastStatus = interruptedStatus;
  }

  /**
   * Ctrl-D: end of input for the foreground command; at a PS2 prompt, the end of the pending
   * command (bash then reports the unexpected end of file). At an empty `$ ` prompt it does
   * nothing: the tab stays open.
   */
  endOfInput(): void {
    this.keystrokes++;
    this.endInput();
  }

  private endInput(): void {
    if (this.session.busy) {
      if (this.session.readingTerminal && this.typeAhead.length === 0) this.session.endOfInput();
      else this.typeAhead.push(null);
      return;
    }
    const pending = this.accumulator.end();
    if (pending !== null) this.run(pending);
  }

  /** Closing the tab hangs up: the foreground command and background jobs are told to stop. */
  close(): void {
    this.closed = true;
    this.typeAhead = [];
    this.session.interrupt();
    for (const job of [...this.session.jobs]) this.session.signalJob(job.id, 'SIGTERM');
  }

  private feedShell(line: string): void {
    const result = this.accumulator.push(line);
    if (!result.complete) return;
    this.run(`${result.input}\n`);
  }

  /** Parses complete input and runs its commands; a syntax error runs none of it, as bash does. */
  private run(text: string): void {
    const firstLine = this.linesRead + 1;
    this.linesRead += text.split('\n').length - 1;
    const parsed = parseScript(text, { firstLine });
    const err = (lines: string[]) => this.wiring.write('stderr', `${lines.join('\n')}\n`);
    if (parsed.errors.length > 0) {
      for (const d of parsed.errors) err(formatDiagnostic(d, { interactive: true }));
      this.session.lastStatus = syntaxErrorStatus;
      this.finished();
      return;
    }
    const lists = parsed.commands.filter((list) => {
      for (const w of list.warnings) err(formatDiagnostic(w, { interactive: true }));
      return list.items.length > 0;
    });
    if (lists.length === 0) return this.finished();
    const session = this.session;
    for (const list of lists)
      session.submit(list, () => {
        if (session === this.session && !session.busy) this.commandLineDone();
      });
  }

  private commandLineDone(): void {
    // A reader left waiting by a process that was interrupted must not swallow later lines, and
    // Ctrl-D ends input only for the command it was typed to: the next one gets a fresh tty.
    this.session.terminal = this.newTerminalInput();
    this.finished();
    // Lines typed ahead run once the shell reads again, after this callback has returned.
    if (this.typeAhead.length > 0) this.defer(() => this.drainTypeAhead());
  }

  /** The shell is back at its prompt: report finished jobs, as bash does before PS1. */
  private finished(): void {
    if (this.closed) return;
    for (const notice of this.session.takeJobNotices()) this.wiring.write('stderr', `${notice}\n`);
    this.wiring.commandFinished();
  }

  private drainTypeAhead(): void {
    while (this.typeAhead.length > 0 && !this.session.busy) {
      const line = this.typeAhead.shift()!;
      if (line === null) this.endInput();
      else this.feedShell(line);
    }
  }

  /** A foreground process started reading the terminal: give it the next line typed ahead. */
  private onTerminalRead(): void {
    if (this.typeAhead.length === 0 || !this.session.readingTerminal) return;
    const line = this.typeAhead.shift()!;
    if (line === null) this.session.endOfInput();
    else this.session.typeLine(line);
  }

  private get defer(): Defer {
    const scheduler = this.host.cluster.scheduler;
    return (fn) => scheduler.schedule(0, fn);
  }

  private newTerminalInput(): LineQueue {
    return new TerminalInput(this.defer, () => this.onTerminalRead());
  }

  private createSession(history: string[]): ShellSession {
    const session: ShellSession = new ShellSession({
      host: this.host,
      registry: this.registry,
      headless: false,
      interactive: true,
      write: (stream, text) => {
        if (!this.closed && session === this.session) this.wiring.write(stream, text);
      },
      terminalInput: this.newTerminalInput(),
    });
    session.history.push(...history);
    return session;
  }
}
