/**
 * GNU grep's regular expressions (grep 3.8 with glibc's regex and gnulib's dfa) translated into
 * JavaScript RegExp source with the `u` flag.
 *
 * Basic (BRE, `grep`): `\(…\)` groups, `\{m,n\}` intervals, `\|` alternation and `\+`, `\?` (GNU
 * extensions); `+ ? | ( ) { }` are literal; `*` is literal at the start of an expression; `^` and
 * `$` anchor only at the start and end of an expression. Extended (ERE, `grep -E`): `( ) | + ? {}`
 * are operators, a `{` that starts no valid interval is literal, a leading `*`, `+`, `?` or interval
 * is ignored with a warning. Both: bracket expressions with classes (`[[:digit:]]`), equivalence
 * classes and collating symbols, backslash literal inside brackets; back-references `\1`–`\9`;
 * `\< \> \b \B \w \W \s \S`. Errors carry glibc's messages (`Unmatched ( or \(`).
 *
 * Not reproduced: POSIX leftmost-longest matching — JavaScript takes the first alternative that
 * matches, which changes only what `-o` and `--color` show for `a|ab`.
 */

export type RegexSyntax = 'basic' | 'extended';

/** A pattern grep rejects; the message is grep's, after `grep: `. */
export class RegexSyntaxError extends Error {}

export interface TranslatedRegex {
  source: string;
  /** Capturing groups it opens (the next pattern's back-references are shifted past them). */
  groups: number;
  /** `warning: * at start of expression` and the like, after `grep: `. */
  warnings: string[];
}

/** Letters, digits and underscore: what `\w`, `\<`, `\>` and `-w` count as a word character. */
export const WORD = '[\\p{L}\\p{N}_]';
const NOT_WORD = '[^\\p{L}\\p{N}_]';

/** The POSIX classes in the C.UTF-8 locale, as class-body fragments. */
const classes: Record<string, string> = {
  alpha: '\\p{L}',
  digit: '0-9',
  alnum: '\\p{L}\\p{N}',
  upper: '\\p{Lu}',
  lower: '\\p{Ll}',
  space: '\\s',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  print: ' -~\\u00a0-\\u{10ffff}',
  graph: '!-~\\u00a1-\\u{10ffff}',
  cntrl: '\\u0000-\\u001f\\u007f',
  xdigit: '0-9A-Fa-f',
};

/** Characters that must be escaped to stand for themselves in `u`-mode RegExp source. */
const specials = new Set([...'\\^$.|?*+()[]{}/']);

/** `c` as a literal in RegExp source. */
export function literal(c: string): string {
  return specials.has(c) ? `\\${c}` : c;
}

/** `c` as a literal inside a RegExp character class. */
function classLiteral(c: string): string {
  return '\\]['.includes(c) || c === '^' || c === '-' ? `\\${c}` : c;
}

/** Most repetitions an interval may ask for (glibc's RE_DUP_MAX). */
const DUP_MAX = 0x7fff;

/**
 * Translates one pattern. `groupOffset` is the number of groups of the patterns before it in the
 * same alternation, so its `\1` becomes `\(1 + offset)`.
 */
export function translateRegex(
  pattern: string,
  syntax: RegexSyntax,
  groupOffset = 0,
): TranslatedRegex {
  return new Translator([...pattern], syntax, groupOffset).run();
}

class Translator {
  private i = 0;
  private out = '';
  /** Groups opened so far, and the stack of those still open. */
  private groups = 0;
  private readonly open: number[] = [];
  private readonly closed = new Set<number>();
  /** At the start of an expression: nothing to repeat yet (start, after `(` or `|`, after `^`). */
  private atStart = true;
  private readonly warnings: string[] = [];

  constructor(
    private readonly p: string[],
    private readonly syntax: RegexSyntax,
    private readonly offset: number,
  ) {}

  run(): TranslatedRegex {
    const { p } = this;
    while (this.i < p.length) {
      const c = p[this.i++]!;
      if (c === '\\') this.escape();
      else if (c === '[') this.emitAtom(this.bracket());
      else if (c === '.') this.emitAtom('[^\\n]');
      else if (c === '*') this.star();
      else if (c === '^') this.caret();
      else if (c === '$') this.dollar();
      else if (this.syntax === 'extended' && this.extendedOperator(c)) continue;
      else this.emitAtom(literal(c));
    }
    if (this.open.length > 0) throw new RegexSyntaxError('Unmatched ( or \\(');
    return { source: this.out, groups: this.groups, warnings: this.warnings };
  }

  private emitAtom(source: string): void {
    this.out += source;
    this.atStart = false;
  }

  /** `*`: literal at the start of a BRE; ignored there in an ERE (with grep's warning). */
  private star(): void {
    if (!this.atStart) return void (this.out += '*');
    if (this.syntax === 'basic') return this.emitAtom('\\*');
    this.warnings.push('warning: * at start of expression');
  }

  private caret(): void {
    // BRE: an anchor only where an expression starts; ERE: always.
    if (this.syntax === 'extended' || this.atStart) {
      this.out += '^';
      return;
    }
    this.emitAtom('\\^');
  }

  private dollar(): void {
    const rest = this.p.slice(this.i, this.i + 2).join('');
    const atEnd =
      this.i >= this.p.length ||
      (this.syntax === 'basic' && (rest === '\\)' || rest === '\\|')) ||
      (this.syntax === 'extended' && (this.p[this.i] === ')' || this.p[this.i] === '|'));
    if (this.syntax === 'extended' || atEnd) {
      this.out += '$';
      this.atStart = false;
      return;
    }
    this.emitAtom('\\$');
  }

  /** ERE's `( ) | + ? {`; false when `c` is an ordinary character here. */
  private extendedOperator(c: string): boolean {
    switch (c) {
      case '(':
        this.openGroup();
        return true;
      case ')':
        if (this.open.length === 0) return false; // a lone `)` is literal in GNU's ERE
        this.closeGroup();
        return true;
      case '|':
        this.alternate();
        return true;
      case '+':
      case '?':
        if (this.atStart) this.warnings.push(`warning: ${c} at start of expression`);
        else this.out += c;
        return true;
      case '{': {
        const interval = this.interval('}');
        if (interval === undefined) return false; // `a{` and `a{x`: a literal brace
        if (this.atStart) this.warnings.push('warning: {...} at start of expression');
        else this.out += interval;
        return true;
      }
      default:
        return false;
    }
  }

  private openGroup(): void {
    this.groups++;
    this.open.push(this.groups);
    this.out += '(';
    this.atStart = true;
  }

  private closeGroup(): void {
    this.closed.add(this.open.pop()!);
    this.out += ')';
    this.atStart = false;
  }

  private alternate(): void {
    this.out += '|';
    this.atStart = true;
  }

  private escape(): void {
    const c = this.p[this.i++];
    if (c === undefined) throw new RegexSyntaxError('Trailing backslash');
    const basic = this.syntax === 'basic';
    if (basic && c === '(') return this.openGroup();
    if (basic && c === ')') {
      if (this.open.length === 0) throw new RegexSyntaxError('Unmatched ) or \\)');
      return this.closeGroup();
    }
    if (basic && c === '|') return this.alternate();
    if (basic && (c === '+' || c === '?')) {
      if (this.atStart) return this.emitAtom(literal(c));
      this.out += c;
      return;
    }
    if (basic && c === '{') {
      if (this.atStart) return this.emitAtom('\\{');
      const interval = this.interval('\\}');
      if (interval === undefined) throw new RegexSyntaxError('Unmatched \\{');
      this.out += interval;
      return;
    }
    if (c >= '1' && c <= '9') {
      const n = Number(c);
      if (!this.closed.has(n)) throw new RegexSyntaxError('Invalid back reference');
      return this.emitAtom(`\\${n + this.offset}`);
    }
    const special: Record<string, string> = {
      '<': `(?<!${WORD})(?=${WORD})`,
      '>': `(?<=${WORD})(?!${WORD})`,
      b: `(?:(?<!${WORD})(?=${WORD})|(?<=${WORD})(?!${WORD}))`,
      B: `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`,
      '`': '^',
      "'": '$',
    };
    if (special[c] !== undefined) {
      this.out += special[c];
      return;
    }
    const atoms: Record<string, string> = { w: WORD, W: NOT_WORD, s: '\\s', S: '\\S' };
    this.emitAtom(atoms[c] ?? literal(c));
  }

  /**
   * An interval after its `{` (or `\{`), up to `close`: `{m}`, `{m,}`, `{,n}`, `{m,n}` as RegExp
   * source, or undefined when the text is no interval (end of pattern, or not digits and a comma).
   */
  private interval(close: '}' | '\\}'): string | undefined {
    const rest = this.p.slice(this.i).join('');
    const m = /^(\d*)(,?)(\d*)/.exec(rest)!;
    const after = rest.slice(m[0].length);
    if (!after.startsWith(close)) {
      if (close === '}') return undefined;
      if (after === '') throw new RegexSyntaxError('Unmatched \\{');
      throw new RegexSyntaxError('Invalid content of \\{\\}');
    }
    const [, lo, comma, hi] = m;
    if (lo === '' && comma === '') {
      if (close === '}') return undefined;
      throw new RegexSyntaxError('Invalid content of \\{\\}');
    }
    const min = lo === '' ? 0 : Number(lo);
    const max = comma === '' ? min : hi === '' ? Infinity : Number(hi);
    if (max < min) throw new RegexSyntaxError('Invalid content of \\{\\}');
    if (min > DUP_MAX || (max !== Infinity && max > DUP_MAX))
      throw new RegexSyntaxError('Regular expression too big');
    this.i += [...m[0]].length + [...close].length;
    return `{${min}${comma === '' ? '' : ','}${max === Infinity || comma === '' ? '' : max}}`;
  }

  /** A bracket expression after its `[`, as a RegExp class. */
  private bracket(): string {
    const { p } = this;
    const start = this.i;
    let negate = false;
    if (p[this.i] === '^') {
      negate = true;
      this.i++;
    }
    if (this.i >= p.length) throw new RegexSyntaxError('Invalid regular expression');
    let body = '';
    let first = true;
    for (;;) {
      const c = p[this.i];
      if (c === undefined) throw new RegexSyntaxError('Unmatched [, [^, [:, [., or [=');
      if (c === ']' && !first) break;
      first = false;
      this.i++;
      let item: string | undefined;
      let isClass = false;
      if (c === '[' && (p[this.i] === ':' || p[this.i] === '=' || p[this.i] === '.')) {
        const kind = p[this.i]!;
        const end = p.join('').indexOf(`${kind}]`, this.i + 1);
        if (end < 0) throw new RegexSyntaxError('Unmatched [, [^, [:, [., or [=');
        const name = p.slice(this.i + 1, end).join('');
        this.i = end + 2;
        if (kind === ':') {
          const cls = classes[name];
          if (cls === undefined) throw new RegexSyntaxError('Invalid character class name');
          body += cls;
          isClass = true;
        } else if ([...name].length !== 1) {
          throw new RegexSyntaxError('Invalid collation character');
        } else item = name;
      } else item = c;
      if (isClass) {
        if (p[this.i] === '-' && p[this.i + 1] !== ']')
          throw new RegexSyntaxError('Invalid range end');
        continue;
      }
      if (p[this.i] === '-' && p[this.i + 1] !== ']' && p[this.i + 1] !== undefined) {
        this.i++;
        let end = p[this.i++]!;
        if (end === '[' && (p[this.i] === '.' || p[this.i] === '=')) {
          const kind = p[this.i]!;
          const close = p.join('').indexOf(`${kind}]`, this.i + 1);
          if (close < 0) throw new RegexSyntaxError('Unmatched [, [^, [:, [., or [=');
          end = p.slice(this.i + 1, close).join('');
          this.i = close + 2;
        } else if (end === '[' && p[this.i] === ':')
          throw new RegexSyntaxError('Invalid range end');
        if (end.codePointAt(0)! < item!.codePointAt(0)!)
          throw new RegexSyntaxError('Invalid range end');
        body += `${classLiteral(item!)}-${classLiteral(end)}`;
        continue;
      }
      body += classLiteral(item!);
    }
    this.i++; // the closing `]`
    const text = p.slice(start, this.i - 1).join('');
    if (/^:.*:$/.test(text) && text.length > 1)
      throw new RegexSyntaxError(`character class syntax is [[${text}]], not [${text}]`);
    return `[${negate ? '^' : ''}${body}]`;
  }
}
