/**
 * One terminal tab's behaviour between an xterm.js `Terminal` and the worker's shell: the line
 * editor (local echo, prompt, history, completion), the keys a tty turns into signals (Ctrl-C,
 * Ctrl-D) and the output batches. The shell itself runs in the worker (DESIGN §5); this class only
 * draws and forwards.
 */
import type { Terminal } from '@xterm/xterm';
import type { TerminalState, WorkbenchBatch, WorkbenchRemote } from '../../worker/client';
import {
  advanceColumn,
  applyCompletion,
  drawLine,
  editLine,
  eraseLine,
  formatColumns,
  historyCursor,
  layout,
  mergeHistory,
  moveHistory,
  parseKeys,
  toTerminalText,
} from './lineEditor';
import type { DrawnLine, HistoryCursor, Key, LineState } from './lineEditor';
import { loadHistory, saveHistory } from './terminalHistory';

const emptyLine: LineState = { text: '', cursor: 0 };

/** How long the answer to a line waits for the batch with its output before showing the prompt. */
const batchGraceMs = 250;

export class TerminalController {
  /** The backend's id for this tab, once `openTerminal` has answered. */
  terminalId: number | undefined;
  /** Latest state the backend reported for this tab. */
  state: TerminalState = {
    terminalId: 0,
    prompt: '',
    busy: true,
    readingInput: false,
    keystrokes: 0,
  };
  private line: LineState = emptyLine;
  /** The prompt at the start of the line being edited (`''` while a command runs). */
  private prompt = '';
  /** A line was sent (or Ctrl-C pressed): the next prompt the shell reports starts a new line. */
  private awaitingPrompt = true;
  private interrupted = false;
  /** What is on screen of the line being edited; undefined when nothing is. */
  private drawn: DrawnLine | undefined;
  /** Column of xterm's cursor when nothing of the line is drawn. */
  private column = 0;
  /**
   * Lines, Ctrl-C and Ctrl-D sent to the tab. A state counting fewer predates the last of them
   * (batches and call answers travel on different ports and may arrive out of order).
   */
  private sent = 0;
  private promptTimer: ReturnType<typeof setTimeout> | undefined;
  /** Keys pasted after a line sent to the shell, waiting for it (see {@link feed}). */
  private deferred: Key[] = [];
  private readonly stored: string[];
  private entries: string[];
  private history: HistoryCursor;
  private disposed = false;

  constructor(
    private readonly term: Terminal,
    private readonly remote: WorkbenchRemote,
    /** Position of the tab (0 = first): whose stored history it continues. */
    private readonly slot: number,
    private readonly onState: (state: TerminalState) => void = () => {},
  ) {
    this.stored = loadHistory(slot);
    this.entries = [...this.stored];
    this.history = historyCursor(this.entries);
  }

  /** Opens the tab's shell in the worker and shows its prompt. */
  async start(): Promise<number | undefined> {
    const id = await this.remote.openTerminal();
    if (this.disposed) {
      void this.remote.closeTerminal(id);
      return undefined;
    }
    this.terminalId = id;
    this.term.onData((data) => this.onData(data));
    const prompt = (await this.remote.prompt(id)) ?? '$ ';
    this.applyState({
      terminalId: id,
      prompt,
      busy: prompt === '',
      readingInput: false,
      keystrokes: 0,
    });
    void this.refreshHistory();
    return id;
  }

  /**
   * Puts `command` on the line, replacing what was typed, without running it (the sandbox's
   * example commands); Enter runs it. Line breaks become spaces.
   */
  putCommand(command: string): void {
    const text = command.replace(/\r?\n/g, ' ').trim();
    this.history = historyCursor(this.entries);
    this.setLine({ text, cursor: text.length });
    this.term.focus();
  }

  /** Closes the shell (its commands and jobs are stopped). */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.promptTimer);
    if (this.terminalId !== undefined) void this.remote.closeTerminal(this.terminalId);
  }

  /** A batch from the worker: this tab's output, then its prompt. */
  onBatch(batch: WorkbenchBatch): void {
    const id = this.terminalId;
    if (id === undefined || this.disposed) return;
    let text = '';
    for (const out of batch.terminalOutput) if (out.terminalId === id) text += out.text;
    if (text !== '') this.writeOutput(text);
    const state = batch.terminals.find((t) => t.terminalId === id);
    if (state && state.keystrokes === this.sent) {
      clearTimeout(this.promptTimer);
      this.applyState(state);
    }
  }

  /** The terminal was resized: xterm reflowed the drawn line; recount its rows. */
  resized(): void {
    if (!this.drawn) return;
    const { anchorCol, prompt, text } = this.drawn;
    const placed = layout(anchorCol, prompt + text, this.term.cols);
    this.drawn = { ...this.drawn, cursorRow: placed.at(prompt.length + this.line.cursor).row };
  }

  // ---- Keys -----------------------------------------------------------------------------------

  private onData(data: string): void {
    const keys = parseKeys(data);
    if (this.deferred.length > 0) {
      // Ctrl-C flushes what was typed ahead, as a tty does on SIGINT.
      const interrupt = keys.findIndex((k) => k.kind === 'interrupt');
      if (interrupt < 0) {
        this.deferred.push(...keys);
        return;
      }
      this.deferred = [];
      keys.splice(0, interrupt);
    }
    this.feed(keys);
  }

  /**
   * Handles keys in order. After a line goes to the shell the rest waits in {@link deferred}:
   * bash reads a pasted second line only once the first has run, and echoes it after the next
   * prompt (or a process that starts reading the terminal gets it).
   */
  private feed(keys: Key[]): void {
    for (let i = 0; i < keys.length; i++) {
      const toShell = keys[i]!.kind === 'enter' && this.prompt !== '';
      this.onKey(keys[i]!);
      if (toShell && i < keys.length - 1) {
        this.deferred = keys.slice(i + 1);
        return;
      }
    }
  }

  /** Lets keys typed ahead of the shell in once it prompts again or a process reads them. */
  private replayDeferred(): void {
    if (this.deferred.length === 0) return;
    const keys = this.deferred;
    this.deferred = [];
    this.feed(keys);
  }

  private onKey(key: Key): void {
    switch (key.kind) {
      case 'enter':
        return this.enter();
      case 'interrupt':
        return this.interrupt();
      case 'endOfInput':
        if (this.line.text === '') return this.send((id) => this.remote.endOfInput(id));
        return this.setLine(editLine(this.line, { kind: 'delete' }));
      case 'tab':
        return void this.complete();
      case 'up':
      case 'down':
        return this.walkHistory(key.kind === 'up' ? -1 : 1);
      case 'clearScreen':
        this.write('\x1b[H\x1b[2J');
        this.drawn = undefined;
        this.column = 0;
        return this.render();
      default:
        return this.setLine(editLine(this.line, key));
    }
  }

  private enter(): void {
    const text = this.line.text;
    const atShellPrompt = this.prompt !== '';
    this.commitLine();
    if (atShellPrompt && text.trim() !== '') {
      this.entries = [...this.entries, text];
    }
    this.history = historyCursor(this.entries);
    this.send((id) => this.remote.input(id, text));
  }

  /** Ctrl-C: `^C` after the line; the shell drops it, a running command gets SIGINT. */
  private interrupt(): void {
    const atShellPrompt = this.prompt !== '';
    this.line = { text: this.line.text, cursor: this.line.text.length };
    this.render();
    this.commitLine(atShellPrompt ? '^C\r\n' : '^C');
    this.interrupted = !atShellPrompt;
    this.history = historyCursor(this.entries);
    this.send((id) => this.remote.interrupt(id));
  }

  private async complete(): Promise<void> {
    const id = this.terminalId;
    if (id === undefined || this.prompt === '' || this.state.readingInput) return;
    const before = this.line;
    const completion = await this.remote.complete(id, before.text, before.cursor);
    if (this.line !== before || this.disposed) return;
    const { state, listing } = applyCompletion(before, completion);
    if (listing) {
      // bash lists the candidates below the line, then shows the prompt and the line again.
      const prompt = this.prompt;
      const rows = formatColumns(listing, this.term.cols);
      this.commitLine(`\r\n${rows.join('\r\n')}\r\n`);
      this.prompt = prompt;
      this.awaitingPrompt = false;
      this.line = before;
      this.render();
      return;
    }
    this.setLine(state);
  }

  private walkHistory(direction: -1 | 1): void {
    const moved = moveHistory(this.history, direction, this.line.text);
    if (!moved) return;
    this.history = moved.cursor;
    this.setLine({ text: moved.text, cursor: moved.text.length });
  }

  // ---- Backend --------------------------------------------------------------------------------

  /** Sends a line, Ctrl-C or Ctrl-D; the tab's state in the answer decides the prompt. */
  private send(call: (id: number) => Promise<TerminalState | undefined>): void {
    const id = this.terminalId;
    if (id === undefined) return;
    this.sent++;
    void call(id).then((state) => {
      if (!state || state.keystrokes !== this.sent || this.disposed) return;
      if (state.prompt === '') return this.applyState(state);
      // The prompt is back, but the command's output may still be in a batch on its way (it
      // travels on another port): the batch brings the prompt after it. Without one, use this.
      clearTimeout(this.promptTimer);
      this.promptTimer = setTimeout(() => {
        if (state.keystrokes === this.sent && !this.disposed) this.applyState(state);
      }, batchGraceMs);
    });
  }

  private applyState(state: TerminalState): void {
    this.state = state;
    this.onState(state);
    if (state.prompt === '') {
      if (state.readingInput) this.replayDeferred();
      return;
    }
    if (this.awaitingPrompt) {
      this.awaitingPrompt = false;
      if (this.interrupted && (this.column !== 0 || this.drawn)) {
        // A command killed by SIGINT: bash starts the prompt on a new line.
        this.undraw();
        if (this.column !== 0) this.write('\r\n');
        this.column = 0;
      }
      this.interrupted = false;
      this.prompt = state.prompt;
      this.render();
      void this.refreshHistory();
      this.replayDeferred();
    } else if (this.prompt !== state.prompt) {
      this.prompt = state.prompt;
      this.render();
    }
  }

  private async refreshHistory(): Promise<void> {
    const id = this.terminalId;
    if (id === undefined) return;
    const remote = await this.remote.history(id);
    if (this.disposed) return;
    const walking = this.history.index !== this.entries.length;
    this.entries = mergeHistory(this.stored, remote);
    saveHistory(this.slot, this.entries);
    if (!walking) this.history = historyCursor(this.entries);
  }

  // ---- Screen ---------------------------------------------------------------------------------

  private write(data: string): void {
    if (!this.disposed) this.term.write(data);
  }

  private setLine(line: LineState): void {
    if (line === this.line) return;
    this.line = line;
    this.render();
  }

  /** Draws the prompt and the line as they are now. */
  private render(): void {
    if (!this.drawn && this.prompt === '' && this.line.text === '') return;
    if (!this.drawn && this.column >= this.term.cols) {
      this.write('\r\n');
      this.column = 0;
    }
    const { data, drawn } = drawLine(
      this.drawn,
      this.column,
      this.prompt,
      this.line,
      this.term.cols,
    );
    this.write(data);
    this.drawn = drawn;
  }

  /** Takes the drawn line off the screen, leaving the cursor where it started. */
  private undraw(): void {
    if (!this.drawn) return;
    this.write(eraseLine(this.drawn));
    this.column = this.drawn.anchorCol;
    this.drawn = undefined;
  }

  /** Leaves the line on screen as typed, writes `suffix` after it, and starts a fresh line. */
  private commitLine(suffix = '\r\n'): void {
    if (this.drawn) {
      this.line = { text: this.line.text, cursor: this.line.text.length };
      this.render();
      const placed = layout(
        this.drawn.anchorCol,
        this.drawn.prompt + this.drawn.text,
        this.term.cols,
      );
      const wrappedAlready = placed.end.col === 0 && placed.end.row > 0;
      this.column = wrappedAlready ? 0 : placed.end.col;
      if (wrappedAlready && suffix.startsWith('\r\n')) suffix = suffix.slice(2);
    }
    this.write(suffix);
    this.column = advanceColumn(this.column, suffix, this.term.cols);
    this.drawn = undefined;
    this.line = emptyLine;
    this.prompt = '';
    this.awaitingPrompt = true;
  }

  /** Output of the shell or a command: printed above the line being edited, which is redrawn. */
  private writeOutput(text: string): void {
    this.undraw();
    this.write(toTerminalText(text));
    this.column = advanceColumn(this.column, text, this.term.cols);
    this.render();
  }
}
