import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Terminal } from '@xterm/xterm';
import type { TerminalState, WorkbenchBatch, WorkbenchRemote } from '../../worker/client';
import { TerminalController } from './terminalController';

/**
 * The parts of xterm.js the controller uses, over a small screen model: printable text with
 * wrapping, CR, LF, and the cursor moves and erases the line editor writes.
 */
class FakeTerminal {
  cols = 40;
  written = '';
  private rows: string[][] = [[]];
  private row = 0;
  private col = 0;
  private listener: ((data: string) => void) | undefined;

  write(data: string) {
    this.written += data;
    for (let i = 0; i < data.length; i++) {
      const ch = data[i]!;
      if (ch === '\x1b' && data[i + 1] === '[') {
        let j = i + 2;
        while (!/[A-Za-z]/.test(data[j]!)) j++;
        const n = Number(data.slice(i + 2, j)) || 1;
        const op = data[j];
        if (op === 'A') this.row = Math.max(0, this.row - n);
        else if (op === 'C') this.col = Math.min(this.cols - 1, this.col + n);
        else if (op === 'J') {
          this.rows[this.row]!.length = Math.min(this.rows[this.row]!.length, this.col);
          this.rows.length = this.row + 1;
        } else if (op === 'H') [this.row, this.col] = [0, 0];
        i = j;
      } else if (ch === '\r') this.col = 0;
      else if (ch === '\n') {
        this.row++;
        this.rows[this.row] ??= [];
      } else {
        if (this.col >= this.cols) {
          this.row++;
          this.col = 0;
          this.rows[this.row] ??= [];
        }
        const line = this.rows[this.row]!;
        while (line.length < this.col) line.push(' ');
        line[this.col++] = ch;
      }
    }
  }
  onData(listener: (data: string) => void) {
    this.listener = listener;
  }
  focus() {}
  type(data: string) {
    this.listener!(data);
  }
  /** The screen's rows joined with newlines. */
  get text() {
    return this.rows.map((r) => r.join('')).join('\n');
  }
}

const state = (prompt: string, keystrokes: number, readingInput = false): TerminalState => ({
  terminalId: 1,
  prompt,
  busy: prompt === '',
  readingInput,
  keystrokes,
});

let seq = 0;
const batch = (s: TerminalState, text = ''): WorkbenchBatch => ({
  seq: ++seq,
  terminalOutput: text ? [{ terminalId: 1, stream: 'stdout', text }] : [],
  events: [],
  droppedEvents: 0,
  clock: { playing: true, speed: 1, now: 0, seed: 1, generation: 1 },
  terminals: [s],
});

/** A backend whose answers the test gives, one call at a time. */
function fakeRemote() {
  const answers: ((s: TerminalState) => void)[] = [];
  const inputs: string[] = [];
  const remote = {
    openTerminal: async () => 1,
    closeTerminal: async () => true,
    prompt: async () => '$ ',
    // The shell's history: every line it was sent (the fakes never send lines to a process).
    history: async () => [...inputs],
    input: (_id: number, line: string) => {
      inputs.push(line);
      return new Promise<TerminalState>((resolve) => answers.push(resolve));
    },
    interrupt: () => new Promise<TerminalState>((resolve) => answers.push(resolve)),
    endOfInput: () => new Promise<TerminalState>((resolve) => answers.push(resolve)),
  };
  return {
    remote: remote as unknown as WorkbenchRemote,
    inputs,
    answer: async (s: TerminalState) => {
      answers.shift()!(s);
      await vi.advanceTimersByTimeAsync(0);
    },
  };
}

let term: FakeTerminal;
let backend: ReturnType<typeof fakeRemote>;
let controller: TerminalController;

beforeEach(async () => {
  vi.useFakeTimers();
  term = new FakeTerminal();
  backend = fakeRemote();
  controller = new TerminalController(term as unknown as Terminal, backend.remote, 0);
  await controller.start();
  await vi.advanceTimersByTimeAsync(0);
});
afterEach(() => {
  controller.dispose();
  vi.useRealTimers();
});

describe('TerminalController', () => {
  it('echoes typed text after the prompt and sends the line on Enter', async () => {
    term.type('echo hi\r');
    expect(backend.inputs).toEqual(['echo hi']);
    expect(term.text).toBe('$ echo hi\n');
  });

  it('a batch made before the line was sent does not bring the prompt back early', async () => {
    term.type('sleep 1\r');
    await backend.answer(state('', 1));
    controller.onBatch(batch(state('$ ', 0))); // stale: arrived late on the batch port
    expect(term.text).toBe('$ sleep 1\n');
    controller.onBatch(batch(state('$ ', 1)));
    expect(term.text).toBe('$ sleep 1\n$ ');
  });

  it("prints a command's output before the next prompt even when the answer comes first", async () => {
    term.type('echo one\r');
    await backend.answer(state('$ ', 1)); // finished at once; its output is still on its way
    expect(term.text).toBe('$ echo one\n');
    controller.onBatch(batch(state('$ ', 1), 'one\n'));
    expect(term.text).toBe('$ echo one\none\n$ ');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(term.text).toBe('$ echo one\none\n$ ');
  });

  it('shows the prompt from the answer when no batch follows', async () => {
    term.type('\r');
    await backend.answer(state('$ ', 1));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(term.text).toBe('$ \n$ ');
  });

  it('holds a pasted second line until the shell prompts again, as bash reads it', async () => {
    term.type('echo a\recho b\r');
    expect(backend.inputs).toEqual(['echo a']);
    await backend.answer(state('$ ', 1));
    controller.onBatch(batch(state('$ ', 1), 'a\n'));
    expect(backend.inputs).toEqual(['echo a', 'echo b']);
    expect(term.text).toBe('$ echo a\na\n$ echo b\n');
  });

  it('sends lines typed while a process reads the terminal to it at once, without a prompt', async () => {
    term.type('kafka-console-producer.sh --topic t\r');
    await backend.answer(state('', 1, true));
    controller.onBatch(batch(state('', 1, true), '>'));
    term.type('hello\r');
    expect(backend.inputs.at(-1)).toBe('hello');
    expect(term.text).toBe('$ kafka-console-producer.sh --topic t\n>hello\n');
  });

  it('Ctrl-C at the prompt prints ^C and starts a new line; during a command, the prompt follows on a new line', async () => {
    term.type('abc\x03');
    await backend.answer(state('$ ', 1));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(term.text).toBe('$ abc^C\n$ ');
    term.type('sleep 9\r');
    await backend.answer(state('', 2));
    term.type('\x03');
    await backend.answer(state('$ ', 3));
    controller.onBatch(batch(state('$ ', 3)));
    expect(term.text).toBe('$ abc^C\n$ sleep 9\n^C\n$ ');
  });

  it('redraws the line being typed below output that arrives meanwhile', async () => {
    term.type('kafka-');
    controller.onBatch(batch(state('$ ', 0), '[1]+  Done  sleep 1\n'));
    expect(term.text).toBe('[1]+  Done  sleep 1\n$ kafka-');
  });

  it('edits a line wrapped over two rows, and ↑ brings back the line sent before', async () => {
    const long = `echo ${'x'.repeat(40)}`;
    term.type(long);
    expect(term.text).toBe(`$ echo ${'x'.repeat(33)}\n${'x'.repeat(7)}`);
    term.type('\x7f'.repeat(10));
    expect(term.text).toBe(`$ echo ${'x'.repeat(30)}`);
    term.type('\x1b[H#');
    expect(term.text).toBe(`$ #echo ${'x'.repeat(30)}`);
    term.type('\r');
    expect(backend.inputs).toEqual([`#echo ${'x'.repeat(30)}`]);
    await backend.answer(state('$ ', 1));
    await vi.advanceTimersByTimeAsync(1_000);
    term.type('\x1b[A');
    expect(term.text.split('\n').at(-1)).toBe(`$ #echo ${'x'.repeat(30)}`);
  });
});
