/**
 * Line-by-line input for the text tools: a file's text at once, standard input as its lines
 * arrive — so `kafka-console-consumer … | grep foo` prints each match when its record comes in.
 */
import type { InputSource } from '../../../runtime/types';

/**
 * Gets each line without its newline; `newline` is false for a last line that had none. Returning
 * false stops the reading (`head -n 3` has its lines).
 */
export type LineHandler = (line: string, newline: boolean) => boolean | void;

/** Calls `onLine` for each line of `text`; false when `onLine` stopped it. */
export function eachTextLine(text: string, onLine: LineHandler): boolean {
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? onLine(text.slice(start), false) : onLine(text.slice(start, end), true);
    if (stop === false) return false;
    if (end < 0) break;
    start = end + 1;
  }
  return true;
}

/**
 * Reads `input` line by line as lines arrive, then calls `onEnd` — at end of input, or as soon as
 * `onLine` returns false (the rest stays unread, as in a pipe the reader closes). Lines already in
 * the pipe are taken at once, as a real `read()` takes what the pipe holds.
 */
export function eachInputLine(input: InputSource, onLine: LineHandler, onEnd: () => void): void {
  const next = (): void =>
    input.readLine((first, firstNewline) => {
      let line = first;
      let newline = firstNewline !== false;
      for (;;) {
        if (line === null) return onEnd();
        if (onLine(line, newline) === false) return onEnd();
        const more = input.readAvailable?.();
        if (more === undefined) break;
        ({ line, newline } = more);
      }
      next();
    });
  next();
}

/** A line as it was read: with its newline when it had one. */
export function withNewline(line: string, newline: boolean): string {
  return newline ? `${line}\n` : line;
}

/**
 * Runs `visit` for each item in turn — each calls `next` when done, at once for a file, later for
 * standard input — then `done`.
 */
export function eachInTurn<T>(
  items: readonly T[],
  visit: (item: T, next: () => void) => void,
  done: () => void,
): void {
  let i = 0;
  // A loop rather than recursion, so a thousand file operands do not deepen the stack.
  const step = (): void => {
    while (i < items.length) {
      const item = items[i++]!;
      let finished = false;
      let sync = true;
      visit(item, () => {
        finished = true;
        if (!sync) step();
      });
      sync = false;
      if (!finished) return;
    }
    done();
  };
  step();
}
