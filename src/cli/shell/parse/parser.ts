/**
 * The grammar (bash manual §3.2): lists of and-or lists of pipelines of simple and compound
 * commands (`compound.ts`), with redirections. Subshells and `select` are reported as unsupported.
 */
import type {
  Command,
  ListItem,
  ParsedList,
  Pipeline,
  Redirection,
  ShellDiagnostic,
  SimpleCommand,
} from './ast';
import { IncompleteInput, ShellSyntaxError, unexpectedToken, unsupported } from './diagnostics';
import { parseCompound, parseFunctionBody } from './compound';
import { hereDocDelimiter } from './hereDoc';
import type { Lexer, Token } from './lexer';
import type { SourceText } from './source';

/** Reserved words that can only close a compound command: a syntax error where a command starts. */
const closingReservedWords = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);

/** Reserved words that open a compound command this shell does not run. */
const unsupportedReservedWords = new Set(['select']);

/** Words of a list that may end it: the reserved words closing the construct it is in, or `;;`. */
export type ListEnd = ReadonlySet<string>;

/** Recursive-descent parser over a `Lexer`, one complete command at a time. */
export class Parser {
  private lookahead: Token | null = null;
  private lastEnd = 0;
  private reportedWarnings = 0;

  constructor(
    private readonly lexer: Lexer,
    private readonly source: SourceText,
  ) {}

  /**
   * The next complete command (a list ended by a newline or the end of input), or null at the end.
   * @throws ShellSyntaxError for malformed input, IncompleteInput when input ends inside a command
   */
  parseCompleteCommand(): ParsedList | null {
    while (this.peek().type === 'newline') this.take();
    const first = this.peek();
    if (first.type === 'eof') return null;
    const items = this.parseList();
    this.take();
    const warnings = this.unreportedWarnings();
    this.reportedWarnings += warnings.length;
    const line = this.source.lineAt(first.start);
    const endLine = Math.max(line, this.source.lineAt(Math.max(this.lexer.pos - 1, 0)));
    return {
      items,
      line,
      endLine,
      source: this.source.lines(line, endLine),
      warnings,
    };
  }

  /** Here-document warnings raised since the last complete command (e.g. before a syntax error). */
  unreportedWarnings(): ShellDiagnostic[] {
    return this.lexer.warnings.slice(this.reportedWarnings);
  }

  /** The next token, not consumed. */
  peek(): Token {
    this.lookahead ??= this.lexer.next();
    return this.lookahead;
  }

  /** Consumes the next token. */
  take(): Token {
    const token = this.peek();
    this.lookahead = null;
    if (token.type !== 'newline' && token.type !== 'eof') this.lastEnd = token.end;
    return token;
  }

  /** and-or lists separated by `;` or `&`, up to (not including) the newline or end of input. */
  private parseList(): ListItem[] {
    const items: ListItem[] = [];
    for (;;) {
      const start = this.peek().start;
      const pipeline = this.parsePipeline();
      const item: ListItem = {
        pipeline,
        connector: null,
        line: this.source.lineAt(start),
        source: this.source.text.slice(start, this.lastEnd),
      };
      items.push(item);
      const t = this.peek();
      if (t.type === 'newline' || t.type === 'eof') return items;
      if (t.type !== 'control') throw this.unexpected(t);
      if (t.op === ';' || t.op === '&') {
        this.take();
        item.connector = t.op;
        const after = this.peek().type;
        if (after === 'newline' || after === 'eof') return items;
      } else if (t.op === '&&' || t.op === '||') {
        this.take();
        item.connector = t.op;
        this.skipNewlinesBeforeMore(t);
      } else {
        throw this.unexpected(t);
      }
    }
  }

  /** `[!] command [| command]…`; newlines may follow `|`. */
  private parsePipeline(): Pipeline {
    let negated = false;
    let bangs = 0;
    for (let t = this.peek(); t.type === 'word' && t.word.raw === '!'; t = this.peek()) {
      this.take();
      negated = !negated;
      bangs++;
    }
    // bash's grammar allows `!` before a list terminator: `BANG list_terminator` (parse.y).
    const after = this.peek();
    const terminator =
      after.type === 'newline' ||
      after.type === 'eof' ||
      (after.type === 'control' && after.op === ';');
    if (bangs > 0 && terminator) {
      const line = this.line(after);
      return {
        commands: [{ kind: 'simple', assignments: [], words: [], redirections: [], line }],
        negated,
      };
    }
    const commands = [this.parseCommand()];
    for (
      let t = this.peek();
      t.type === 'control' && (t.op === '|' || t.op === '|&');
      t = this.peek()
    ) {
      this.take();
      const left = commands[commands.length - 1];
      if (t.op === '|&') left?.redirections.push(stderrToStdout(this.line(t)));
      this.skipNewlinesBeforeMore(t);
      commands.push(this.parseCommand());
    }
    return { commands, negated };
  }

  /** A compound command where its reserved word (or `((`) starts one, else a simple command. */
  private parseCommand(): Command {
    return parseCompound(this) ?? this.parseSimpleCommand();
  }

  /**
   * A list inside a compound command, up to one of the words in `end` at a command's start (not
   * consumed). Newlines separate and-or lists as `;` does.
   * @param line where the compound command began: input ending first asks for more
   * @param allowEmpty a `case` clause may be empty; a `do`, `then` or `{` body may not
   */
  parseCompoundList(end: ListEnd, line: number, allowEmpty = false): ListItem[] {
    const items: ListItem[] = [];
    for (;;) {
      while (this.peek().type === 'newline') this.take();
      const t = this.peek();
      if (t.type === 'eof') throw new IncompleteInput(null, line);
      if (this.atListEnd(t, end)) {
        if (items.length === 0 && !allowEmpty) throw this.unexpected(t);
        return items;
      }
      const start = t.start;
      const pipeline = this.parsePipeline();
      const item: ListItem = {
        pipeline,
        connector: null,
        line: this.source.lineAt(start),
        source: this.source.text.slice(start, this.lastEnd),
      };
      items.push(item);
      const next = this.peek();
      if (next.type === 'newline') continue;
      if (next.type === 'eof') throw new IncompleteInput(null, line);
      if (this.atListEnd(next, end)) return items;
      if (next.type !== 'control') throw this.unexpected(next);
      if (next.op === ';' || next.op === '&') {
        this.take();
        item.connector = next.op;
      } else if (next.op === '&&' || next.op === '||') {
        this.take();
        item.connector = next.op;
        this.skipNewlinesBeforeMore(next);
      } else {
        throw this.unexpected(next);
      }
    }
  }

  /** Whether `t` ends a compound list: a closing reserved word in `end`, or `;;`-style in a case. */
  private atListEnd(t: Token, end: ListEnd): boolean {
    if (t.type === 'word') return end.has(t.word.raw);
    return t.type === 'control' && end.has(t.op);
  }

  /** Redirections after a compound command's closing word (`done < file`). */
  parseTrailingRedirections(): Redirection[] {
    const redirections: Redirection[] = [];
    for (let t = this.peek(); t.type === 'redirect'; t = this.peek()) {
      this.take();
      redirections.push(this.parseRedirection(t));
    }
    return redirections;
  }

  /** Consumes the reserved word `word`; anything else is a syntax error, the end of input asks for more. */
  expectWord(word: string, line: number): void {
    const t = this.peek();
    if (t.type === 'eof') throw new IncompleteInput(null, line);
    if (t.type !== 'word' || t.word.raw !== word) throw this.unexpected(t);
    this.take();
  }

  /** Skips newlines; the end of input inside a compound command asks for more. */
  skipNewlines(line: number): void {
    while (this.peek().type === 'newline') this.take();
    if (this.peek().type === 'eof') throw new IncompleteInput(null, line);
  }

  /** The source text from `start` to the end of the last token taken. */
  sourceFrom(start: number): string {
    return this.source.text.slice(start, this.lastEnd);
  }

  /** Moves the lexer to `pos` (after text read without tokens, e.g. `((…))`). */
  seek(pos: number): void {
    this.lookahead = null;
    this.lexer.scanner.pos = pos;
    this.lastEnd = pos;
  }

  /** Physical line `line` of the input, for diagnostics. */
  lineText(line: number): string {
    return this.source.lineText(line);
  }

  /** The text being parsed. */
  get text(): string {
    return this.source.text;
  }

  private parseSimpleCommand(): Command {
    const first = this.peek();
    const cmd: SimpleCommand = {
      kind: 'simple',
      assignments: [],
      words: [],
      redirections: [],
      line: this.line(first),
    };
    for (;;) {
      const t = this.peek();
      const empty =
        cmd.words.length === 0 && cmd.assignments.length === 0 && cmd.redirections.length === 0;
      if (t.type === 'word') {
        if (empty) this.checkCommandWord(t);
        this.take();
        if (cmd.words.length === 0 && t.word.assignment !== undefined)
          cmd.assignments.push(t.word.assignment);
        else cmd.words.push(t.word);
      } else if (t.type === 'redirect') {
        this.take();
        cmd.redirections.push(this.parseRedirection(t));
      } else if (t.type === 'control' && t.op === '(') {
        const result = this.parenthesis(t, cmd, empty, first.start);
        if (result instanceof ShellSyntaxError) throw result;
        return result;
      } else {
        if (empty) {
          if (t.type === 'eof') throw new IncompleteInput(null, this.line(t));
          throw this.unexpected(t);
        }
        return cmd;
      }
    }
  }

  parseRedirection(t: Token & { type: 'redirect' }): Redirection {
    const target = this.takeRedirectionTarget(t);
    if (target.type !== 'word')
      throw this.unexpected(target.type === 'eof' ? { ...target, type: 'newline' } : target);
    const redirection: Redirection = {
      op: t.op,
      fd: t.fd,
      target: target.word,
      line: this.line(t),
    };
    if (t.op === '<<' || t.op === '<<-') {
      const { delimiter, quoted } = hereDocDelimiter(target.word);
      const stripTabs = t.op === '<<-';
      const body = { parts: [], raw: '' };
      redirection.hereDoc = {
        delimiter,
        quoted,
        stripTabs,
        text: '',
        body,
        terminatedByEof: false,
      };
      this.lexer.addHereDoc(redirection);
    }
    return redirection;
  }

  /**
   * The token after a redirection operator. After `>&` and `<&` a descriptor number is the target
   * even when another operator follows at once: `2>&1>/dev/null` is `2>&1` then `>/dev/null`.
   */
  private takeRedirectionTarget(t: Token & { type: 'redirect' }): Token {
    const target = this.take();
    if ((t.op !== '>&' && t.op !== '<&') || target.type !== 'redirect' || target.fd === null) {
      return target;
    }
    const digits = String(target.fd).length;
    const fdEnd = target.start + digits;
    this.lookahead = { ...target, fd: null, start: fdEnd };
    const raw = this.source.text.slice(target.start, fdEnd);
    const word = { parts: [{ kind: 'literal' as const, text: raw, quoted: false }], raw };
    return { type: 'word', word, start: target.start, end: fdEnd };
  }

  /** A word where a command starts: `fi` is a syntax error there, `select` unsupported. */
  private checkCommandWord(t: Token & { type: 'word' }): void {
    const raw = t.word.raw;
    if (closingReservedWords.has(raw)) throw this.unexpected(t);
    if (raw === '!') throw this.unexpected(t);
    if (unsupportedReservedWords.has(raw)) {
      const line = this.line(t);
      const message = `${raw}: compound commands are not supported in this shell`;
      throw new ShellSyntaxError(unsupported(message, line, this.source.lineText(line)));
    }
  }

  /** `(` after a command's name starts a function definition; anywhere else in a command it is an error. */
  private parenthesis(
    t: Token,
    cmd: SimpleCommand,
    empty: boolean,
    start: number,
  ): ShellSyntaxError | Command {
    const line = this.line(t);
    const name = cmd.words[0];
    if (empty) return this.unexpected(t);
    if (
      name !== undefined &&
      cmd.words.length === 1 &&
      cmd.assignments.length === 0 &&
      cmd.redirections.length === 0
    ) {
      this.take();
      const next = this.peek();
      if (next.type === 'control' && next.op === ')') {
        this.take();
        return parseFunctionBody(this, name.raw, line, start);
      }
      return this.unexpected(next.type === 'eof' ? { ...next, type: 'newline' } : next);
    }
    return this.unexpected(t);
  }

  /** After `|`, `&&` or `||`: blank lines are skipped; the end of input means more was needed. */
  private skipNewlinesBeforeMore(operator: Token): void {
    while (this.peek().type === 'newline') this.take();
    if (this.peek().type === 'eof') throw new IncompleteInput(null, this.line(operator));
  }

  line(t: Token): number {
    return this.source.lineAt(t.start);
  }

  /**
   * A syntax error at `t`, echoing the line `t` is on. At a newline bash has already read the
   * here-document bodies after it, and counts their lines: `cat <<EOF >` followed by a two-line
   * body is blamed on line 3.
   */
  unexpected(t: Token): ShellSyntaxError {
    const tokenLine = this.line(t);
    const atLineEnd = t.type === 'newline' || t.type === 'eof';
    const line = atLineEnd
      ? Math.max(tokenLine, this.source.lineAt(Math.max(this.lexer.pos - 1, 0)))
      : tokenLine;
    const source = this.source.lineText(tokenLine);
    return new ShellSyntaxError(unexpectedToken(tokenText(t), line, source));
  }
}

/** The token as bash names it in `syntax error near unexpected token`. */
function tokenText(t: Token): string {
  switch (t.type) {
    case 'newline':
      return 'newline';
    case 'eof':
      return 'newline';
    case 'word':
      return t.word.raw;
    case 'control':
      return t.op;
    case 'redirect':
      // bash reads `2>` as the number 2 followed by `>`, and names the number.
      return t.fd === null ? t.op : String(t.fd);
  }
}

/** `|&` is shorthand for `2>&1 |`, applied after the command's own redirections. */
function stderrToStdout(line: number): Redirection {
  return {
    op: '>&',
    fd: 2,
    target: { parts: [{ kind: 'literal', text: '1', quoted: false }], raw: '1' },
    line,
  };
}
