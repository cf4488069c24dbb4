/**
 * Reads words: quoting (bash manual §3.1.2), and the expansions a word may contain, recorded as
 * parts for later (`$VAR`, `${…}`, `$(…)`, `` `…` ``, `~`).
 */
import type { Word } from './ast';
import { decodeAnsiC } from './ansiC';
import { findClosingParen } from './balanced';
import { readBraceParameter } from './braceParameter';
import { IncompleteInput } from './diagnostics';
import { PartsBuilder } from './partsBuilder';
import type { SourceText } from './source';

/**
 * Where text is being read: an ordinary `word`; the text of a double-quoted string (`double`); the
 * word after `${NAME:-` outside or inside double quotes (`argument`, `quotedArgument`); or an
 * unquoted here-document body (`hereDoc`), where only `$`, `` ` `` and `\` are special.
 */
export type ScanContext = 'word' | 'double' | 'argument' | 'quotedArgument' | 'hereDoc';

/** bash's metacharacters: they end an unquoted word. */
export function isMetachar(c: string | undefined): boolean {
  return c !== undefined && ' \t\n|&;()<>'.includes(c);
}

/** A valid shell variable name (bash: `legal_identifier`). */
export function isName(s: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);
}

const backslashSpecial: Record<ScanContext, string> = {
  word: '',
  argument: '',
  double: '$`"\\',
  quotedArgument: '$`"\\}',
  hereDoc: '$`\\',
};

/** A cursor over the source text that reads words and their parts. */
export class WordScanner {
  pos = 0;

  /**
   * @param continuationAtEofIsIncomplete a `\`-newline that ends the input asks for more (an
   *   interactive line); in a script it is simply removed
   */
  constructor(
    readonly source: SourceText,
    readonly continuationAtEofIsIncomplete = false,
  ) {}

  get text(): string {
    return this.source.text;
  }

  /** Reads the word starting at `pos` (not a metacharacter), up to the next unquoted metacharacter. */
  readWord(): Word {
    const start = this.pos;
    const b = new PartsBuilder();
    let assignment: { name: string; append: boolean; index: number; pos: number } | null = null;
    let plainName = true;
    let tildeAllowed = true;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos] ?? '';
      if (isMetachar(c)) break;
      if (tildeAllowed && c === '~' && this.readTilde(b, 'word')) {
        tildeAllowed = false;
        plainName = false;
        continue;
      }
      tildeAllowed = false;
      if (assignment === null && plainName) {
        const append = c === '+' && this.text[this.pos + 1] === '=';
        if ((c === '=' || append) && isName(this.text.slice(start, this.pos))) {
          const name = this.text.slice(start, this.pos);
          b.literal(append ? '+=' : '=', false);
          this.pos += append ? 2 : 1;
          assignment = { name, append, index: b.boundary(), pos: this.pos };
          tildeAllowed = true;
          continue;
        }
        plainName = /[A-Za-z0-9_]/.test(c);
      }
      if (assignment !== null && c === ':') {
        b.literal(':', false);
        this.pos++;
        tildeAllowed = true;
        continue;
      }
      this.readPart(b, 'word');
    }
    const raw = this.text.slice(start, this.pos);
    const word: Word = { parts: b.parts, raw };
    if (assignment !== null) {
      word.assignment = {
        name: assignment.name,
        append: assignment.append,
        value: {
          parts: b.parts.slice(assignment.index),
          raw: this.text.slice(assignment.pos, this.pos),
        },
        raw,
      };
    }
    return word;
  }

  /**
   * Reads the word after a `${NAME` operator up to (not including) the unquoted `}` closing it.
   * @param openLine where the `${` began, blamed if input ends first
   */
  readArgument(quoted: boolean, openLine: number): Word {
    const start = this.pos;
    const b = new PartsBuilder();
    const ctx: ScanContext = quoted ? 'quotedArgument' : 'argument';
    for (let first = true; ; first = false) {
      const c = this.text[this.pos];
      if (c === undefined) throw new IncompleteInput('}', openLine);
      if (c === '}') break;
      if (first && !quoted && c === '~' && this.readTilde(b, ctx)) continue;
      this.readPart(b, ctx);
    }
    return { parts: b.parts, raw: this.text.slice(start, this.pos) };
  }

  /** Reads all remaining text as an unquoted here-document body. */
  readHereDocBody(): Word {
    const b = new PartsBuilder();
    while (this.pos < this.text.length) this.readPart(b, 'hereDoc');
    return { parts: b.parts, raw: this.text };
  }

  /** Reads one character or one quoted/expanded construct at `pos`. */
  readPart(b: PartsBuilder, ctx: ScanContext): void {
    const c = this.text[this.pos];
    const unquoted = ctx === 'word' || ctx === 'argument';
    if (c === '\\') return this.readBackslash(b, ctx);
    if (c === '$') return this.readDollar(b, ctx);
    if (c === '`') return this.readBackquote(b, !unquoted);
    if (c === "'" && unquoted) return this.readSingleQuoted(b);
    if (c === '"' && ctx !== 'hereDoc' && ctx !== 'double') return this.readDoubleQuoted(b);
    // Plain text inside `"${X%…}"` stays unquoted so that it still works as a pattern.
    const ch = String.fromCodePoint(this.text.codePointAt(this.pos) ?? 0);
    b.literal(ch, ctx === 'double' || ctx === 'hereDoc');
    this.pos += ch.length;
  }

  private readBackslash(b: PartsBuilder, ctx: ScanContext): void {
    const next = this.text[this.pos + 1];
    if (next === undefined) {
      this.pos++;
      return;
    }
    if (next === '\n') {
      if (this.continuationAtEofIsIncomplete && this.pos + 2 >= this.text.length) {
        throw new IncompleteInput(null, this.source.lineAt(this.pos));
      }
      this.pos += 2;
      return;
    }
    if (ctx === 'word' || ctx === 'argument' || backslashSpecial[ctx].includes(next)) {
      const ch = String.fromCodePoint(this.text.codePointAt(this.pos + 1) ?? 0);
      b.literal(ch, true);
      this.pos += 1 + ch.length;
      return;
    }
    b.literal('\\', true);
    this.pos++;
  }

  private readSingleQuoted(b: PartsBuilder): void {
    const close = this.text.indexOf("'", this.pos + 1);
    if (close < 0) throw new IncompleteInput("'", this.source.lineAt(this.pos));
    b.literal(this.text.slice(this.pos + 1, close), true);
    this.pos = close + 1;
  }

  private readDoubleQuoted(b: PartsBuilder): void {
    const line = this.source.lineAt(this.pos);
    this.pos++;
    const partsBefore = b.parts.length;
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) throw new IncompleteInput('"', line);
      if (c === '"') {
        this.pos++;
        // `""` is still an (empty) argument; `"$@"` decides for itself when it expands.
        if (b.parts.length === partsBefore) b.literal('', true);
        return;
      }
      this.readPart(b, 'double');
    }
  }

  private readDollar(b: PartsBuilder, ctx: ScanContext): void {
    const quoted = !(ctx === 'word' || ctx === 'argument');
    const next = this.text[this.pos + 1] ?? '';
    if (next === '{') return b.push(readBraceParameter(this, quoted));
    if (next === '(') return this.readParenSubstitution(b, quoted);
    if (next === "'" && !quoted) {
      const decoded = decodeAnsiC(this.text, this.pos + 2);
      if (decoded === null) throw new IncompleteInput("'", this.source.lineAt(this.pos));
      b.literal(decoded.value, true);
      this.pos = decoded.end;
      return;
    }
    if (next === '"' && !quoted) {
      this.pos++;
      return this.readDoubleQuoted(b);
    }
    const name =
      /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos + 1, this.pos + 257))?.[0] ??
      (/[0-9?$!#@*-]/.test(next) ? next : '');
    if (name === '') {
      b.literal('$', quoted);
      this.pos++;
      return;
    }
    const source = '$' + name;
    b.push({
      kind: 'parameter',
      name,
      operator: null,
      argument: null,
      length: false,
      quoted,
      source,
    });
    this.pos += source.length;
  }

  private readParenSubstitution(b: PartsBuilder, quoted: boolean): void {
    const close = findClosingParen(this.text, this.pos + 2);
    if (close < 0) throw new IncompleteInput(')', this.source.lineAt(this.pos));
    const inner = this.text.slice(this.pos + 2, close);
    this.pos = close + 1;
    if (inner.startsWith('(') && inner.endsWith(')')) {
      b.push({ kind: 'arithmetic', source: inner.slice(1, -1), quoted });
    } else {
      b.push({ kind: 'command', source: inner, quoted });
    }
  }

  private readBackquote(b: PartsBuilder, quoted: boolean): void {
    const line = this.source.lineAt(this.pos);
    let source = '';
    for (let i = this.pos + 1; i < this.text.length; i++) {
      const c = this.text[i] ?? '';
      if (c === '`') {
        this.pos = i + 1;
        b.push({ kind: 'command', source, quoted });
        return;
      }
      const next = this.text[i + 1];
      if (c === '\\' && next !== undefined) {
        source += '$`\\'.includes(next) || (quoted && next === '"') ? next : c + next;
        i++;
      } else {
        source += c;
      }
    }
    throw new IncompleteInput('`', line);
  }

  /**
   * A tilde-prefix: `~` and the unquoted characters after it up to `/`, `:` or the word's end.
   * @returns false (nothing read) when quoting or an expansion comes first, as bash then leaves `~` alone
   */
  private readTilde(b: PartsBuilder, ctx: ScanContext): boolean {
    let j = this.pos + 1;
    for (; j < this.text.length; j++) {
      const c = this.text[j] ?? '';
      if (c === '/' || c === ':' || (ctx === 'word' ? isMetachar(c) : c === '}')) break;
      if ('\'"\\$`'.includes(c)) return false;
    }
    b.push({ kind: 'tilde', prefix: this.text.slice(this.pos + 1, j) });
    this.pos = j;
    return true;
  }
}
