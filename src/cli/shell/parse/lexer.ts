/**
 * Splits input into tokens (bash manual §3.1.1, §2 "token", "operator"): words, control and
 * redirection operators, newlines. Blanks, comments and `\`-newline between tokens are skipped,
 * and after each newline token the bodies of here-documents opened on that line are read.
 */
import type { Redirection, ShellDiagnostic, Word } from './ast';
import { readHereDocBodies } from './hereDoc';
import { IncompleteInput } from './diagnostics';
import { WordScanner } from './scanner';
import type { SourceText } from './source';

/** Control operators (`;;`, `;&`, `;;&` are `case` syntax: always unexpected here). */
export type ControlOperator =
  '|' | '|&' | '||' | '&&' | '&' | ';' | ';;' | ';&' | ';;&' | '(' | ')';

/** Redirection operators as the lexer sees them (`>&` etc. before the target is known). */
export type RedirectOperator = Redirection['op'];

/** A token with its source offsets (`start` inclusive, `end` exclusive). `fd` is a redirection's IO number. */
export type Token =
  | { type: 'word'; word: Word; start: number; end: number }
  | { type: 'control'; op: ControlOperator; start: number; end: number }
  | { type: 'redirect'; op: RedirectOperator; fd: number | null; start: number; end: number }
  | { type: 'newline'; start: number; end: number }
  | { type: 'eof'; start: number; end: number };

/** Longest first, so that `<<-` wins over `<<` and `&&` over `&`. */
const operators = [
  ';;&',
  '<<-',
  '<<<',
  '&>>',
  ';;',
  ';&',
  '||',
  '&&',
  '|&',
  '>>',
  '>|',
  '<>',
  '<&',
  '>&',
  '&>',
  '<<',
  '|',
  '&',
  ';',
  '(',
  ')',
  '<',
  '>',
] as const;

const redirectOperators = new Set<string>([
  '<<-',
  '<<<',
  '&>>',
  '>>',
  '>|',
  '<>',
  '<&',
  '>&',
  '&>',
  '<<',
  '<',
  '>',
]);

/** Produces tokens on demand; the parser registers here-documents as it meets them. */
export class Lexer {
  readonly scanner: WordScanner;
  private readonly pending: Redirection[] = [];
  /** Warnings raised while reading here-document bodies, collected by the parser. */
  readonly warnings: ShellDiagnostic[] = [];

  /**
   * @param interactive input is a terminal's lines: a here-document or `\`-newline still open at
   *   the end means "read more" (PS2) rather than end of file
   */
  constructor(
    readonly source: SourceText,
    readonly interactive: boolean,
  ) {
    this.scanner = new WordScanner(source, interactive);
  }

  get pos(): number {
    return this.scanner.pos;
  }

  /** Queues a `<<` redirection; its here-document body is read after the next newline token. */
  addHereDoc(redirection: Redirection): void {
    this.pending.push(redirection);
  }

  next(): Token {
    this.skipBlanksAndComments();
    const s = this.scanner;
    const text = this.source.text;
    const start = s.pos;
    const c = text[start];
    if (c === undefined) {
      this.readPendingHereDocs();
      return { type: 'eof', start, end: start };
    }
    if (c === '\n') {
      s.pos++;
      this.readPendingHereDocs();
      return { type: 'newline', start, end: start + 1 };
    }
    const op = operators.find((o) => text.startsWith(o, start));
    if (op !== undefined) {
      s.pos += op.length;
      if (redirectOperators.has(op)) {
        return { type: 'redirect', op: op as RedirectOperator, fd: null, start, end: s.pos };
      }
      return { type: 'control', op: op as ControlOperator, start, end: s.pos };
    }
    const word = s.readWord();
    // An IO number: unquoted digits right before `<` or `>` (`2>&1`, `2>err`).
    const after = text[s.pos];
    if (/^[0-9]+$/.test(word.raw) && (after === '<' || after === '>')) {
      const redirect = operators.find((o) => redirectOperators.has(o) && text.startsWith(o, s.pos));
      if (redirect !== undefined) {
        s.pos += redirect.length;
        return {
          type: 'redirect',
          op: redirect as RedirectOperator,
          fd: Number(word.raw),
          start,
          end: s.pos,
        };
      }
    }
    return { type: 'word', word, start, end: s.pos };
  }

  private skipBlanksAndComments(): void {
    const s = this.scanner;
    const text = this.source.text;
    for (;;) {
      const c = text[s.pos];
      if (c === ' ' || c === '\t') {
        s.pos++;
      } else if (c === '\\' && text[s.pos + 1] === '\n') {
        if (this.interactive && s.pos + 2 >= text.length) {
          throw new IncompleteInput(null, this.source.lineAt(s.pos));
        }
        s.pos += 2;
      } else if (c === '#') {
        const nl = text.indexOf('\n', s.pos);
        s.pos = nl < 0 ? text.length : nl;
      } else {
        return;
      }
    }
  }

  private readPendingHereDocs(): void {
    if (this.pending.length === 0) return;
    const docs = this.pending.splice(0);
    this.scanner.pos = readHereDocBodies(
      this.source,
      this.scanner.pos,
      docs,
      this.interactive,
      this.warnings,
    );
  }
}
