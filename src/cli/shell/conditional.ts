/**
 * Conditional expressions (bash manual §6.4): the `test` / `[` builtins (test.c, with POSIX's
 * rules by argument count) and the `[[ … ]]` compound command, which adds `&&`, `||`, pattern
 * matching with `==` / `!=`, `=~` and string ordering with `<` / `>`.
 */
import { VirtualFs } from '../host/virtualFs';
import { ArithmeticError, evaluateArithmetic } from './arithmetic';
import type { ArithmeticVariables } from './arithmetic';

/** What file tests and `[[`'s arithmetic operands read. */
export interface ConditionalEnv {
  fs: VirtualFs;
  cwd: string;
  /** `[[ a -eq b ]]` evaluates its operands as arithmetic; `test` needs plain integers. */
  arithmetic?: ArithmeticVariables;
}

/** The outcome: a truth value, or bash's message without the `bash: ` prefix. */
export type ConditionalResult = { value: boolean } | { error: string };

const unaryOperators = new Set([
  '-z',
  '-n',
  '-e',
  '-a',
  '-f',
  '-d',
  '-s',
  '-r',
  '-w',
  '-x',
  '-L',
  '-h',
  '-p',
  '-S',
  '-b',
  '-c',
  '-t',
  '-v',
]);
const integerOperators = new Set(['-eq', '-ne', '-lt', '-le', '-gt', '-ge']);
const testBinaryOperators = new Set([
  '=',
  '==',
  '!=',
  '<',
  '>',
  '-nt',
  '-ot',
  '-ef',
  ...integerOperators,
]);

class TestError extends Error {}

/**
 * `test ARGS` or `[ ARGS ]` (`name` `[` checks and drops the closing `]`). Status 0 true, 1 false,
 * 2 with a message such as `[: missing `]'` or `[: a: unary operator expected`.
 */
export function runTest(
  name: 'test' | '[',
  args: readonly string[],
  env: ConditionalEnv,
): ConditionalResult {
  let list = [...args];
  if (name === '[') {
    if (list[list.length - 1] !== ']') return { error: "[: missing `]'" };
    list = list.slice(0, -1);
  }
  try {
    return { value: new TestParser(list, env).evaluate() };
  } catch (e) {
    if (e instanceof TestError) return { error: `${name}: ${e.message}` };
    throw e;
  }
}

/** The test parser: POSIX's cases by argument count, then bash's recursive descent. */
class TestParser {
  private pos = 0;

  constructor(
    private readonly args: string[],
    private readonly env: ConditionalEnv,
  ) {}

  evaluate(): boolean {
    const a = this.args;
    switch (a.length) {
      case 0:
        return false;
      case 1:
        return a[0] !== '';
      case 2:
        return this.two(0);
      case 3:
        return this.three(0);
      case 4:
        if (a[0] === '!') return !this.three(1);
        if (a[0] === '(' && a[3] === ')') return this.two(1);
        break;
    }
    const value = this.or();
    if (this.pos < a.length) throw new TestError('too many arguments');
    return value;
  }

  private two(i: number): boolean {
    const [op = '', arg = ''] = this.args.slice(i);
    if (op === '!') return arg === '';
    if (unaryOperators.has(op)) return unary(op, arg, this.env);
    throw new TestError(`${op}: unary operator expected`);
  }

  private three(i: number): boolean {
    const [left = '', op = '', right = ''] = this.args.slice(i);
    if (testBinaryOperators.has(op)) return binary(op, left, right, this.env, false);
    if (op === '-a') return left !== '' && right !== '';
    if (op === '-o') return left !== '' || right !== '';
    if (left === '!') return !this.two(i + 1);
    if (left === '(' && right === ')') return op !== '';
    throw new TestError(`${op}: binary operator expected`);
  }

  private or(): boolean {
    let value = this.and();
    while (this.args[this.pos] === '-o') {
      this.pos++;
      value = this.and() || value;
    }
    return value;
  }

  private and(): boolean {
    let value = this.term();
    while (this.args[this.pos] === '-a') {
      this.pos++;
      value = this.term() && value;
    }
    return value;
  }

  private term(): boolean {
    const a = this.args;
    const t = a[this.pos];
    if (t === undefined) throw new TestError('argument expected');
    if (t === '!') {
      this.pos++;
      return !this.term();
    }
    if (t === '(') {
      this.pos++;
      const value = this.or();
      if (a[this.pos] !== ')') throw new TestError("`)' expected");
      this.pos++;
      return value;
    }
    const op = a[this.pos + 1];
    if (op !== undefined && testBinaryOperators.has(op) && this.pos + 2 < a.length) {
      this.pos += 3;
      return binary(op, t, a[this.pos - 1]!, this.env, false);
    }
    if (unaryOperators.has(t) && this.pos + 1 < a.length) {
      this.pos += 2;
      return unary(t, a[this.pos - 1]!, this.env);
    }
    this.pos++;
    return t !== '';
  }
}

function unary(op: string, arg: string, env: ConditionalEnv): boolean {
  const path = VirtualFs.resolve(env.cwd, arg);
  const fs = env.fs;
  switch (op) {
    case '-z':
      return arg === '';
    case '-n':
      return arg !== '';
    case '-e':
    case '-a':
    case '-r':
    case '-w':
      return arg !== '' && (fs.exists(path) || fs.isDir(path));
    case '-f':
      return arg !== '' && fs.exists(path) && !fs.isDir(path);
    case '-d':
      return arg !== '' && fs.isDir(path);
    case '-s':
      return arg !== '' && (fs.read(path) ?? '') !== '';
    case '-x':
      return arg !== '' && (fs.isDir(path) || /\.sh$/.test(path) || path.includes('/bin/'));
    case '-v':
      return env.arithmetic?.get(arg) !== undefined;
    default:
      return false;
  }
}

function binary(
  op: string,
  left: string,
  right: string,
  env: ConditionalEnv,
  arithmetic: boolean,
): boolean {
  switch (op) {
    case '=':
    case '==':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return left < right;
    case '>':
      return left > right;
    case '-nt':
    case '-ot':
    case '-ef':
      return false;
  }
  const a = integer(left, env, arithmetic);
  const b = integer(right, env, arithmetic);
  switch (op) {
    case '-eq':
      return a === b;
    case '-ne':
      return a !== b;
    case '-lt':
      return a < b;
    case '-le':
      return a <= b;
    case '-gt':
      return a > b;
    default:
      return a >= b;
  }
}

/** An integer operand: `test` accepts only digits (blanks around allowed), `[[` any arithmetic. */
function integer(text: string, env: ConditionalEnv, arithmetic: boolean): bigint {
  if (arithmetic && env.arithmetic) return evaluateArithmetic(text, env.arithmetic);
  const trimmed = text.trim();
  if (!/^[-+]?[0-9]+$/.test(trimmed)) throw new TestError(`${text}: integer expression expected`);
  return BigInt(trimmed);
}

/**
 * `[[ WORDS ]]` after expansion. `matches(i, subject)` matches `subject` against word `i` as a
 * pattern (its quoted parts literally), for the right side of `==` and `!=`.
 */
export function evaluateConditional(
  words: readonly string[],
  env: ConditionalEnv,
  matches: (index: number, subject: string) => boolean = (i, s) => words[i] === s,
): ConditionalResult {
  let pos = 0;
  const fail = (): never => {
    throw new TestError('syntax error in conditional expression');
  };
  const or = (): boolean => {
    let value = and();
    while (words[pos] === '||') {
      pos++;
      const right = and();
      value = value || right;
    }
    return value;
  };
  const and = (): boolean => {
    let value = term();
    while (words[pos] === '&&') {
      pos++;
      const right = term();
      value = value && right;
    }
    return value;
  };
  const term = (): boolean => {
    const t = words[pos];
    if (t === undefined) return fail();
    if (t === '!') {
      pos++;
      return !term();
    }
    if (t === '(') {
      pos++;
      const value = or();
      if (words[pos] !== ')') fail();
      pos++;
      return value;
    }
    const op = words[pos + 1];
    if (
      op !== undefined &&
      pos + 2 < words.length &&
      (testBinaryOperators.has(op) || op === '=~')
    ) {
      const rightIndex = pos + 2;
      pos += 3;
      const right = words[rightIndex]!;
      if (op === '==' || op === '=') return matches(rightIndex, t);
      if (op === '!=') return !matches(rightIndex, t);
      if (op === '=~') return regexMatch(t, right);
      return binary(op, t, right, env, true);
    }
    if (unaryOperators.has(t) && pos + 1 < words.length) {
      pos += 2;
      return unary(t, words[pos - 1]!, env);
    }
    pos++;
    return t !== '';
  };
  try {
    const value = or();
    if (pos < words.length) fail();
    return { value };
  } catch (e) {
    if (e instanceof TestError) return { error: e.message };
    if (e instanceof ArithmeticError) return { error: e.message };
    throw e;
  }
}

/** `=~`: POSIX extended regular expressions, read as JavaScript ones (close enough here). */
function regexMatch(subject: string, pattern: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(subject);
  } catch {
    return false;
  }
}
