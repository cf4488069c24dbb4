/**
 * bash's parser messages, word for word, and how bash prints them. The wording follows bash 5.1
 * (parse.y `report_syntax_error`, `parse_matched_pair`; make_cmd.c `make_here_document`), the
 * release the notes' readers most often run.
 */
import type { ShellDiagnostic } from './ast';

/** `syntax error near unexpected token `|'`, with the physical line bash echoes after it. */
export function unexpectedToken(token: string, line: number, sourceLine: string): ShellDiagnostic {
  return {
    severity: 'error',
    kind: 'syntax',
    message: `syntax error near unexpected token \`${token}'`,
    line,
    sourceLine,
  };
}

/** `syntax error: unexpected end of file`: input ended after `|`, `&&`, `||` or inside a quote. */
export function unexpectedEndOfFile(line: number): ShellDiagnostic {
  return { severity: 'error', kind: 'eof', message: 'syntax error: unexpected end of file', line };
}

/** `unexpected EOF while looking for matching `"'`, blamed on the line where the quote opened. */
export function unmatched(close: string, line: number): ShellDiagnostic {
  return {
    severity: 'error',
    kind: 'eof',
    message: `unexpected EOF while looking for matching \`${close}'`,
    line,
  };
}

/**
 * A construct bash accepts but this shell cannot run (`select`);
 * `message` names it, e.g. `select: compound commands are not supported in this shell`.
 */
export function unsupported(message: string, line: number, sourceLine: string): ShellDiagnostic {
  return { severity: 'error', kind: 'unsupported', message, line, sourceLine };
}

/**
 * `warning: here-document at line M delimited by end-of-file (wanted `EOF')`; M is the line before
 * the body, `line` (the prefix bash prints) the last line read.
 */
export function hereDocAtEof(delimiter: string, bodyLine: number, line: number): ShellDiagnostic {
  return {
    severity: 'warning',
    kind: 'warning',
    message: `warning: here-document at line ${bodyLine - 1} delimited by end-of-file (wanted \`${delimiter}')`,
    line,
  };
}

/** How the shell reading the input presents itself. */
export interface DiagnosticStyle {
  /** An interactive shell prints no line numbers and does not echo the offending line. */
  interactive: boolean;
  /** The name before the colon: `bash`, or a script's path as given to `bash script.sh`. */
  name?: string;
}

/**
 * The stderr lines bash prints for a diagnostic, e.g. `bash: line 3: syntax error near unexpected
 * token `|'` then `bash: line 3: `echo a | | b'` (non-interactive), or just `bash: syntax error near
 * unexpected token `|'` (interactive).
 */
export function formatDiagnostic(d: ShellDiagnostic, style: DiagnosticStyle): string[] {
  const name = style.name ?? 'bash';
  const prefix = style.interactive ? `${name}: ` : `${name}: line ${d.line}: `;
  const out = [prefix + d.message];
  if (!style.interactive && d.sourceLine !== undefined) out.push(`${prefix}\`${d.sourceLine}'`);
  return out;
}

/** Thrown inside the parser: the input is malformed and bash stops reading it. */
export class ShellSyntaxError extends Error {
  constructor(readonly diagnostic: ShellDiagnostic) {
    super(diagnostic.message);
    this.name = 'ShellSyntaxError';
  }
}

/**
 * Thrown inside the parser when input ends inside a construct: an interactive shell shows the PS2
 * prompt and reads more; a script gets bash's end-of-file errors.
 */
export class IncompleteInput extends Error {
  /**
   * @param close the closing character bash was looking for (`"`, `'`, `` ` ``, `}`, `)`), or null
   *   after an operator that needs more (`|`, `&&`, `||`) or a pending here-document
   * @param line where the unclosed construct began
   */
  constructor(
    readonly close: string | null,
    readonly line: number,
  ) {
    super(close === null ? 'unexpected end of file' : `unexpected EOF looking for ${close}`);
    this.name = 'IncompleteInput';
  }
}
