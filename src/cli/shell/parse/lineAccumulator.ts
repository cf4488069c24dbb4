/**
 * Collects the lines typed at an interactive terminal until they form complete commands, the way
 * bash decides between running the input and prompting with PS2 (`> `).
 */
import { needsMoreInput } from './parseScript';

/** bash's default secondary prompt. */
export const PS2 = '> ';

/** What `LineAccumulator.push` decided. */
export type AccumulatedInput =
  { complete: true; input: string } | { complete: false; prompt: 'PS2' };

/**
 * One per terminal session: `push` each line the user enters; run `input` when it is complete,
 * otherwise show PS2.
 */
export class LineAccumulator {
  private lines: string[] = [];

  /**
   * Adds one line as typed (without its newline).
   * @returns the whole input (lines joined with `\n`) once it is complete, for `parseScript`; or
   *   that the terminal should show PS2 and read another line
   */
  push(line: string): AccumulatedInput {
    this.lines.push(line);
    const input = this.lines.join('\n');
    if (needsMoreInput(input + '\n')) return { complete: false, prompt: 'PS2' };
    this.lines = [];
    return { complete: true, input };
  }

  /** True while lines are held back waiting for the rest of a command. */
  get pending(): boolean {
    return this.lines.length > 0;
  }

  /**
   * Ctrl-D at the PS2 prompt: returns the lines so far, to be parsed as ending there (bash then
   * reports `unexpected EOF while looking for matching …`), or null if nothing was pending.
   */
  end(): string | null {
    if (this.lines.length === 0) return null;
    const input = this.lines.join('\n') + '\n';
    this.lines = [];
    return input;
  }

  /** Ctrl-C: forget the pending lines. */
  reset(): void {
    this.lines = [];
  }
}
