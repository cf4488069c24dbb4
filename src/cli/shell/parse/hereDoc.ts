/**
 * Here-documents (bash manual §3.6.6): the delimiter word, and the body read from the lines after
 * the command, up to a line that is exactly the delimiter.
 */
import type { Redirection, ShellDiagnostic, Word } from './ast';
import { hereDocAtEof, IncompleteInput } from './diagnostics';
import { WordScanner } from './scanner';
import { SourceText } from './source';

/**
 * The delimiter of `<<word`: quote removal only, no expansion (`<<'EOF'`, `<<"EOF"`, `<<E\OF` all
 * mean `EOF`); any quoting makes the body literal.
 */
export function hereDocDelimiter(word: Word): { delimiter: string; quoted: boolean } {
  const raw = word.raw;
  let delimiter = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] ?? '';
    if (c === '\\' && i + 1 < raw.length) {
      quoted = true;
      if (raw[i + 1] !== '\n') delimiter += raw[i + 1];
      i++;
    } else if (c === "'") {
      quoted = true;
      const close = raw.indexOf("'", i + 1);
      delimiter += raw.slice(i + 1, close);
      i = close;
    } else if (c === '"') {
      quoted = true;
      for (i++; i < raw.length && raw[i] !== '"'; i++) {
        const next = raw[i + 1] ?? '';
        if (raw[i] === '\\' && next !== '' && '$`"\\\n'.includes(next)) {
          if (next !== '\n') delimiter += next;
          i++;
        } else {
          delimiter += raw[i];
        }
      }
    } else {
      delimiter += c;
    }
  }
  return { delimiter, quoted };
}

/**
 * Reads the here-document bodies of `redirections`, in order, from `pos` (the start of the line after the command).
 * @returns the position after the last delimiter line
 * @throws IncompleteInput when `interactive` and input ends before a delimiter (bash shows PS2)
 */
export function readHereDocBodies(
  source: SourceText,
  pos: number,
  redirections: Redirection[],
  interactive: boolean,
  warnings: ShellDiagnostic[],
): number {
  const text = source.text;
  let p = pos;
  for (const redirection of redirections) {
    const doc = redirection.hereDoc;
    if (doc === undefined) continue;
    const stripTabs = doc.stripTabs;
    const bodyLine =
      p >= text.length && !text.endsWith('\n') ? source.lastLine + 1 : source.lineAt(p);
    const strip = (line: string) => (stripTabs ? line.replace(/^\t+/, '') : line);
    let body = '';
    let terminated = false;
    while (p < text.length) {
      let [line, next] = lineFrom(text, p);
      let logical = line;
      // An unquoted body joins `\`-newline before comparing with the delimiter, as bash reads it.
      while (!doc.quoted && /(^|[^\\])(\\\\)*\\$/.test(logical) && next < text.length) {
        const [more, after] = lineFrom(text, next);
        logical = logical.slice(0, -1) + more;
        line += '\n' + more;
        next = after;
      }
      p = next;
      if (strip(logical) === doc.delimiter) {
        terminated = true;
        break;
      }
      body += strip(line) + '\n';
    }
    if (!terminated) {
      if (interactive) throw new IncompleteInput(null, redirection.line);
      warnings.push(hereDocAtEof(doc.delimiter, bodyLine, source.lastLine));
    }
    doc.text = body;
    doc.terminatedByEof = !terminated;
    doc.body = doc.quoted ? literalBody(body) : expandableBody(body);
  }
  return p;
}

function lineFrom(text: string, p: number): [string, number] {
  const nl = text.indexOf('\n', p);
  return nl < 0 ? [text.slice(p), text.length] : [text.slice(p, nl), nl + 1];
}

function literalBody(body: string): Word {
  return { parts: [{ kind: 'literal', text: body, quoted: true }], raw: body };
}

function expandableBody(body: string): Word {
  try {
    return new WordScanner(new SourceText(body)).readHereDocBody();
  } catch (e) {
    // An unclosed `${` or `$(` in a body: keep the text as typed rather than lose the command.
    if (e instanceof IncompleteInput) return literalBody(body);
    throw e;
  }
}
