/** Line bookkeeping for the text being parsed: bash reports physical line numbers. */
export class SourceText {
  private readonly lineStarts: number[] = [0];

  /**
   * @param text the input; `\n` separates lines (`\r` is an ordinary character, as in bash)
   * @param firstLine the number of the text's first line (an interactive shell keeps counting)
   */
  constructor(
    readonly text: string,
    readonly firstLine = 1,
  ) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }

  /** The line number of the character at `pos`. */
  lineAt(pos: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + this.firstLine;
  }

  /** The text of physical line `line`, without its newline. */
  lineText(line: number): string {
    const start = this.lineStarts[line - this.firstLine] ?? this.text.length;
    const end = this.text.indexOf('\n', start);
    return this.text.slice(start, end < 0 ? undefined : end);
  }

  /** Lines `from`..`to` inclusive, joined with `\n`. */
  lines(from: number, to: number): string {
    const out: string[] = [];
    for (let l = from; l <= to; l++) out.push(this.lineText(l));
    return out.join('\n');
  }

  /** The number of the last line read: a final line without `\n` counts, an empty one after `\n` does not. */
  get lastLine(): number {
    const complete = this.lineStarts.length - 1;
    const trailing = this.text.length > (this.lineStarts[complete] ?? 0) ? 1 : 0;
    return Math.max(this.firstLine, this.firstLine - 1 + complete + trailing);
  }

  /** The line bash blames for "unexpected end of file": the one after the last line read. */
  get eofLine(): number {
    return this.lastLine + 1;
  }
}
