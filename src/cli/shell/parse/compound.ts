/**
 * Compound commands (bash manual §3.2.5, parse.y): `for`, `while`, `until`, `if`, `case`, `{ …; }`,
 * `( … )`, `(( … ))`, `[[ … ]]` and function definitions. A reserved word is recognised only where a command
 * starts and only unquoted (`"for"` is an ordinary command name). Input that ends inside one asks
 * an interactive shell for more (PS2); a script gets `syntax error: unexpected end of file`.
 */
import type {
  CaseCommand,
  CompoundCommand,
  ConditionalCommand,
  FunctionDefinition,
  IfCommand,
  ListItem,
  LoopCommand,
  Word,
} from './ast';
import { findClosingParen } from './balanced';
import { quotedTextWord } from './expand';
import { IncompleteInput } from './diagnostics';
import type { Token } from './lexer';
import type { Parser } from './parser';

/** A compound command before its trailing redirections and source are added. */
type Bare = CompoundCommand extends infer C
  ? C extends CompoundCommand
    ? Omit<C, 'redirections' | 'source'>
    : never
  : never;

const doneEnd = new Set(['done']);
const doEnd = new Set(['do']);
const thenEnd = new Set(['then']);
const ifBodyEnd = new Set(['elif', 'else', 'fi']);
const fiEnd = new Set(['fi']);
const braceEnd = new Set(['}']);
const parenEnd = new Set([')']);
const caseBodyEnd = new Set(['esac', ';;', ';&', ';;&']);

/** The compound command starting at the next token, or null when a simple command starts there. */
export function parseCompound(p: Parser): CompoundCommand | null {
  const t = p.peek();
  if (t.type === 'control' && t.op === '(' && p.text.startsWith('((', t.start)) {
    return parseArithmetic(p, t);
  }
  if (t.type === 'control' && t.op === '(') {
    p.take();
    const items = body(p, parenEnd, t);
    const close = p.take();
    if (close.type !== 'control' || close.op !== ')') throw p.unexpected(close);
    const source = p.sourceFrom(t.start);
    const line = p.line(t);
    return {
      kind: 'subshell',
      body: items,
      line,
      source,
      redirections: p.parseTrailingRedirections(),
    };
  }
  if (t.type !== 'word') return null;
  let command: Bare;
  switch (t.word.raw) {
    case 'for':
      command = parseFor(p, t);
      break;
    case 'while':
    case 'until':
      command = parseLoop(p, t, t.word.raw);
      break;
    case 'if':
      command = parseIf(p, t);
      break;
    case '{':
      p.take();
      command = { kind: 'group', body: body(p, braceEnd, t), line: p.line(t) };
      p.expectWord('}', p.line(t));
      break;
    case '[[':
      command = parseConditional(p, t);
      break;
    case 'case':
      command = parseCase(p, t);
      break;
    case 'function':
      return parseFunctionKeyword(p, t);
    default:
      return null;
  }
  const source = p.sourceFrom(t.start);
  return { ...command, source, redirections: p.parseTrailingRedirections() } as CompoundCommand;
}

/**
 * The body of `NAME ()`, already read: a compound command (`f() { …; }`); anything else is a syntax
 * error at its first token, as in bash (`f() echo hi` → near unexpected token `echo').
 */
export function parseFunctionBody(
  p: Parser,
  name: string,
  line: number,
  start: number,
): FunctionDefinition {
  p.skipNewlines(line);
  const body = parseCompound(p);
  if (body === null) throw p.unexpected(p.peek());
  return { kind: 'function', name, body, line, source: p.sourceFrom(start), redirections: [] };
}

function body(p: Parser, end: ReadonlySet<string>, opener: Token, allowEmpty = false): ListItem[] {
  return p.parseCompoundList(end, p.line(opener), allowEmpty);
}

function parseFor(p: Parser, t: Token): Bare {
  const line = p.line(t);
  p.take();
  const nameToken = p.peek();
  if (
    nameToken.type === 'control' &&
    nameToken.op === '(' &&
    p.text.startsWith('((', nameToken.start)
  )
    return parseArithmeticFor(p, t, nameToken);
  if (nameToken.type === 'eof') throw new IncompleteInput(null, line);
  if (nameToken.type !== 'word') throw p.unexpected(nameToken);
  p.take();
  p.skipNewlines(line);
  let words: Word[] | null = null;
  const next = p.peek();
  if (next.type === 'word' && next.word.raw === 'in') {
    p.take();
    words = [];
    for (let w = p.peek(); w.type === 'word'; w = p.peek()) {
      p.take();
      words.push(w.word);
    }
    endOfWords(p, line);
  } else if (next.type === 'control' && next.op === ';') {
    p.take();
  }
  p.skipNewlines(line);
  p.expectWord('do', line);
  const loopBody = body(p, doneEnd, t);
  p.expectWord('done', line);
  return { kind: 'for', name: nameToken.word.raw, words, body: loopBody, line } as Bare;
}

/** `for (( init; test; update ))` then `do LIST; done`. */
function parseArithmeticFor(p: Parser, t: Token, open: Token): Bare {
  const line = p.line(t);
  const close = findClosingParen(p.text, open.start + 1);
  if (close < 0) throw new IncompleteInput(')', line);
  const inner = p.text.slice(open.start + 2, close - 1);
  const parts = inner.split(';');
  if (p.text[close - 1] !== ')' || parts.length !== 3) throw p.unexpected(open);
  p.seek(close + 1);
  const after = p.peek();
  if (after.type === 'control' && after.op === ';') p.take();
  p.skipNewlines(line);
  p.expectWord('do', line);
  const loopBody = body(p, doneEnd, t);
  p.expectWord('done', line);
  const [init = '', test = '', update = ''] = parts;
  return { kind: 'arithmeticFor', init, test, update, body: loopBody, line };
}

/** After `for NAME in WORDS`: a `;` or a newline. */
function endOfWords(p: Parser, line: number): void {
  const t = p.peek();
  if (t.type === 'eof') throw new IncompleteInput(null, line);
  if (t.type === 'newline' || (t.type === 'control' && t.op === ';')) {
    p.take();
    return;
  }
  throw p.unexpected(t);
}

function parseLoop(
  p: Parser,
  t: Token,
  kind: 'while' | 'until',
): Omit<LoopCommand, 'redirections' | 'source'> {
  const line = p.line(t);
  p.take();
  const condition = body(p, doEnd, t);
  p.expectWord('do', line);
  const loopBody = body(p, doneEnd, t);
  p.expectWord('done', line);
  return { kind, condition, body: loopBody, line };
}

function parseIf(p: Parser, t: Token): Omit<IfCommand, 'redirections' | 'source'> {
  const line = p.line(t);
  p.take();
  const clauses: IfCommand['clauses'] = [];
  let elseBody: ListItem[] | null = null;
  for (;;) {
    const condition = body(p, thenEnd, t);
    p.expectWord('then', line);
    clauses.push({ condition, body: body(p, ifBodyEnd, t) });
    const closer = p.take();
    const word = closer.type === 'word' ? closer.word.raw : '';
    if (word === 'elif') continue;
    if (word === 'else') {
      elseBody = body(p, fiEnd, t);
      p.expectWord('fi', line);
    }
    return { kind: 'if', clauses, elseBody, line };
  }
}

/** `((…))`: the text up to the matching `))`; `((a)(b))` is not arithmetic and is an error here. */
function parseArithmetic(p: Parser, t: Token): CompoundCommand {
  const line = p.line(t);
  const close = findClosingParen(p.text, t.start + 1);
  if (close < 0) throw new IncompleteInput(')', line);
  if (p.text[close - 1] !== ')' || findClosingParen(p.text, t.start + 2) !== close - 1) {
    throw p.unexpected(t);
  }
  const expression = p.text.slice(t.start + 2, close - 1);
  p.seek(close + 1);
  const source = p.sourceFrom(t.start);
  return {
    kind: 'arithmetic',
    expression,
    line,
    source,
    redirections: p.parseTrailingRedirections(),
  };
}

/**
 * `[[ … ]]`: its words up to `]]`. The operators bash reads inside it (`&&`, `||`, `(`, `)`, `<`,
 * `>`) come from the lexer as operators and are kept as literal words.
 */
function parseConditional(
  p: Parser,
  t: Token,
): Omit<ConditionalCommand, 'redirections' | 'source'> {
  const line = p.line(t);
  p.take();
  const words: Word[] = [];
  for (;;) {
    const next = p.peek();
    if (next.type === 'eof') throw new IncompleteInput(null, line);
    if (next.type === 'word' && next.word.raw === ']]') {
      if (words.length === 0) throw p.unexpected(next);
      p.take();
      return { kind: 'conditional', words, line };
    }
    const last = words[words.length - 1]?.raw;
    if (next.type === 'newline' && (last === '&&' || last === '||' || last === '(')) {
      p.take();
      continue;
    }
    if (last === '=~' && next.type !== 'newline') {
      const regex = readRegex(p, next.start);
      if (regex !== null) {
        words.push(regex);
        continue;
      }
    }
    if (next.type === 'word') {
      words.push(next.word);
    } else if (
      (next.type === 'control' && ['&&', '||', '(', ')'].includes(next.op)) ||
      (next.type === 'redirect' && next.fd === null && (next.op === '<' || next.op === '>'))
    ) {
      const text = next.op;
      words.push({ parts: [{ kind: 'literal', text, quoted: false }], raw: text });
    } else {
      throw p.unexpected(next);
    }
    p.take();
  }
}

/**
 * The regular expression after `=~`: bash reads it up to a blank outside parentheses, so `(`, `)`
 * and `|` belong to it (`[[ $x =~ ^(a|b)$ ]]`). Null when it has quotes (the word is then read as
 * usual). Its `$…` expansions are kept; everything else is literal.
 */
function readRegex(p: Parser, start: number): Word | null {
  const text = p.text;
  let depth = 0;
  let i = start;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      i++;
    } else if (c === "'" || c === '"') {
      return null;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && ' \t\n;&'.includes(c)) {
      break;
    }
  }
  const raw = text.slice(start, i);
  if (raw === '' || raw === ']]') return null;
  p.seek(i);
  return { ...quotedTextWord(raw), raw };
}

function parseCase(p: Parser, t: Token): Omit<CaseCommand, 'redirections' | 'source'> {
  const line = p.line(t);
  p.take();
  const subject = p.peek();
  if (subject.type === 'eof') throw new IncompleteInput(null, line);
  if (subject.type !== 'word') throw p.unexpected(subject);
  p.take();
  p.skipNewlines(line);
  p.expectWord('in', line);
  const clauses: CaseCommand['clauses'] = [];
  for (;;) {
    p.skipNewlines(line);
    const next = p.peek();
    if (next.type === 'word' && next.word.raw === 'esac') {
      p.take();
      return { kind: 'case', word: subject.word, clauses, line };
    }
    if (next.type === 'control' && next.op === '(') p.take();
    const patterns: Word[] = [];
    for (;;) {
      const pattern = p.take();
      if (pattern.type === 'eof') throw new IncompleteInput(null, line);
      if (pattern.type !== 'word') throw p.unexpected(pattern);
      patterns.push(pattern.word);
      const after = p.take();
      if (after.type === 'eof') throw new IncompleteInput(null, line);
      if (after.type === 'control' && after.op === ')') break;
      if (after.type !== 'control' || after.op !== '|') throw p.unexpected(after);
    }
    const clauseBody = body(p, caseBodyEnd, t, true);
    const end = p.peek();
    if (end.type === 'control' && (end.op === ';;' || end.op === ';&' || end.op === ';;&')) {
      p.take();
      clauses.push({ patterns, body: clauseBody, terminator: end.op });
    } else {
      clauses.push({ patterns, body: clauseBody, terminator: ';;' });
    }
  }
}

/** `function NAME [()] COMPOUND`. */
function parseFunctionKeyword(p: Parser, t: Token): FunctionDefinition {
  const line = p.line(t);
  p.take();
  const name = p.peek();
  if (name.type === 'eof') throw new IncompleteInput(null, line);
  if (name.type !== 'word') throw p.unexpected(name);
  p.take();
  const open = p.peek();
  if (open.type === 'control' && open.op === '(') {
    p.take();
    const close = p.take();
    if (close.type === 'eof') throw new IncompleteInput(null, line);
    if (close.type !== 'control' || close.op !== ')') throw p.unexpected(close);
  }
  return parseFunctionBody(p, name.word.raw, line, t.start);
}
