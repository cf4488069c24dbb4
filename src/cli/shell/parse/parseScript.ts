/**
 * Entry points: a whole script (or one interactive command) into complete commands, and the check
 * an interactive terminal makes before running what was typed.
 */
import type { ParseResult, ParsedList, ShellDiagnostic } from './ast';
import { IncompleteInput, ShellSyntaxError, unexpectedEndOfFile, unmatched } from './diagnostics';
import { Lexer } from './lexer';
import { Parser } from './parser';
import { SourceText } from './source';

/** Options for `parseScript`. */
export interface ParseOptions {
  /**
   * The number of the text's first line (default 1). An interactive shell numbers the lines it
   * reads across the session, which shows in here-document warnings.
   */
  firstLine?: number;
}

/**
 * Parses a script into complete commands, as bash reads it: command by command, stopping at the
 * first syntax error (a non-interactive bash prints it and exits with status 2 after running the
 * commands before it). Input that ends inside a command gives bash's end-of-file errors:
 * `unexpected EOF while looking for matching `"'` (blamed on the line the quote opened) then
 * `syntax error: unexpected end of file` (blamed on the line after the last).
 */
export function parseScript(text: string, options: ParseOptions = {}): ParseResult {
  const source = new SourceText(text, options.firstLine ?? 1);
  const parser = new Parser(new Lexer(source, false), source);
  const commands: ParsedList[] = [];
  try {
    for (let c = parser.parseCompleteCommand(); c !== null; c = parser.parseCompleteCommand()) {
      commands.push(c);
    }
    return { commands, errors: [] };
  } catch (e) {
    // bash reads pending here-documents on reaching the newline (or end of input) and warns
    // before reporting the error; after an unclosed quote it never gets that far.
    const unclosedQuote = e instanceof IncompleteInput && e.close !== null;
    const warnings = unclosedQuote ? [] : parser.unreportedWarnings();
    return { commands, errors: [...warnings, ...diagnosticsOf(e, source)] };
  }
}

/**
 * Whether `text` (an interactive terminal's lines so far, each ending in `\n`) stops inside a
 * command: an open quote, `${`, `$(` or backquote, a trailing `\`, `|`, `&&` or `||`, or a
 * here-document still waiting for its delimiter. bash then prints PS2 and reads another line.
 * Malformed input is not incomplete: bash reports it at once.
 */
export function needsMoreInput(text: string): boolean {
  const source = new SourceText(text);
  const parser = new Parser(new Lexer(source, true), source);
  try {
    while (parser.parseCompleteCommand() !== null);
    return false;
  } catch (e) {
    if (e instanceof IncompleteInput) return true;
    if (e instanceof ShellSyntaxError) return false;
    throw e;
  }
}

function diagnosticsOf(e: unknown, source: SourceText): ShellDiagnostic[] {
  if (e instanceof ShellSyntaxError) return [e.diagnostic];
  if (e instanceof IncompleteInput) {
    const eof = unexpectedEndOfFile(source.eofLine);
    return e.close === null ? [eof] : [unmatched(e.close, e.line), eof];
  }
  throw e;
}
