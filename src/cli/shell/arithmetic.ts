/**
 * Shell arithmetic (bash manual §6.5, expr.c): 64-bit integers that wrap, C's operators and
 * precedence, `**`, assignment operators, `++`/`--`, `?:`, `,`, and variables with or without `$`
 * (a variable holding an expression is evaluated in turn). `$((…))` and `((…))` both use it; the
 * text has already been through parameter expansion and command substitution.
 */

/** A failed evaluation; `message` is bash's without `bash: `, e.g. `1/0: division by 0 (error token is "0")`. */
export class ArithmeticError extends Error {
  readonly code = 'ARITHMETIC';
  constructor(message: string) {
    super(message);
    this.name = 'ArithmeticError';
  }
}

/** The variables an expression reads and assigns. */
export interface ArithmeticVariables {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

/** Evaluates `expression`; throws {@link ArithmeticError} with bash's message. */
export function evaluateArithmetic(expression: string, vars: ArithmeticVariables): bigint {
  return new Evaluator(expression, vars, 0).run();
}

type Token = { kind: 'number' | 'name' | 'op' | 'eof'; text: string; start: number };

const operators = [
  '<<=',
  '>>=',
  '**',
  '++',
  '--',
  '<<',
  '>>',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '^=',
  '|=',
  ...'+-*/%<>=!~&^|?:,()',
];

const wrap = (n: bigint) => BigInt.asIntN(64, n);
const truth = (b: boolean) => (b ? 1n : 0n);

/** Depth at which a variable holding an expression that names itself gives up, as bash's limit. */
const maxRecursion = 1024;

class Evaluator {
  private pos = 0;
  private token: Token;
  private previous: Token;
  /** Inside the branch `&&`, `||` or `?:` skips: nothing is assigned and no error is raised. */
  private skipping = 0;
  private readonly text: string;

  constructor(
    expression: string,
    private readonly vars: ArithmeticVariables,
    private readonly depth: number,
  ) {
    this.text = expression.replace(/^[ \t\n]+/, '');
    this.token = this.lex();
    this.previous = this.token;
  }

  run(): bigint {
    if (this.atEnd()) return 0n;
    const value = this.comma();
    if (!this.atEnd()) this.fail('syntax error in expression', this.token);
    return value;
  }

  private atEnd(): boolean {
    return this.token.kind === 'eof';
  }

  private fail(message: string, at: Token = this.previous): never {
    const rest = this.text.slice(at.start);
    throw new ArithmeticError(`${this.text}: ${message} (error token is "${rest}")`);
  }

  private lex(): Token {
    while (/[ \t\n]/.test(this.text[this.pos] ?? '')) this.pos++;
    const start = this.pos;
    const rest = this.text.slice(start);
    if (rest === '') return { kind: 'eof', text: '', start };
    const number = /^[0-9][0-9A-Za-z@_#]*/.exec(rest)?.[0];
    if (number !== undefined) return this.advance('number', number, start);
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest)?.[0];
    if (name !== undefined) return this.advance('name', name, start);
    const op = operators.find((o) => rest.startsWith(o));
    if (op !== undefined) return this.advance('op', op, start);
    this.previous = { kind: 'op', text: rest[0]!, start };
    this.fail('syntax error: operand expected', this.previous);
  }

  private advance(kind: Token['kind'], text: string, start: number): Token {
    this.pos = start + text.length;
    return { kind, text, start };
  }

  private next(): Token {
    this.previous = this.token;
    this.token = this.lex();
    return this.previous;
  }

  private isOp(...ops: string[]): boolean {
    return this.token.kind === 'op' && ops.includes(this.token.text);
  }

  private comma(): bigint {
    let value = this.assignment();
    while (this.isOp(',')) {
      this.next();
      value = this.assignment();
    }
    return value;
  }

  private assignment(): bigint {
    const ops = ['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|='];
    if (this.token.kind === 'name') {
      const save = { pos: this.pos, token: this.token, previous: this.previous };
      const name = this.next().text;
      if (this.isOp(...ops)) {
        const op = this.next().text;
        const right = this.assignment();
        const value = op === '=' ? right : this.binary(op.slice(0, -1), this.variable(name), right);
        return this.assign(name, value);
      }
      Object.assign(this, save);
    }
    return this.conditional();
  }

  private conditional(): bigint {
    const condition = this.logicalOr();
    if (!this.isOp('?')) return condition;
    this.next();
    if (condition === 0n) this.skipping++;
    const whenTrue = this.comma();
    if (condition === 0n) this.skipping--;
    if (!this.isOp(':')) this.fail("`:' expected for conditional expression", this.token);
    this.next();
    if (condition !== 0n) this.skipping++;
    const whenFalse = this.conditional();
    if (condition !== 0n) this.skipping--;
    return condition !== 0n ? whenTrue : whenFalse;
  }

  private logicalOr(): bigint {
    let value = this.logicalAnd();
    while (this.isOp('||')) {
      this.next();
      if (value !== 0n) this.skipping++;
      const right = this.logicalAnd();
      if (value !== 0n) this.skipping--;
      value = truth(value !== 0n || right !== 0n);
    }
    return value;
  }

  private logicalAnd(): bigint {
    let value = this.binaryLevel(0);
    while (this.isOp('&&')) {
      this.next();
      if (value === 0n) this.skipping++;
      const right = this.binaryLevel(0);
      if (value === 0n) this.skipping--;
      value = truth(value !== 0n && right !== 0n);
    }
    return value;
  }

  /** Left-associative binary levels, loosest first: `|`, `^`, `&`, equality, relational, shifts, `+ -`, `* / %`. */
  private static readonly levels = [
    ['|'],
    ['^'],
    ['&'],
    ['==', '!='],
    ['<', '>', '<=', '>='],
    ['<<', '>>'],
    ['+', '-'],
    ['*', '/', '%'],
  ];

  private binaryLevel(level: number): bigint {
    const ops = Evaluator.levels[level];
    if (ops === undefined) return this.power();
    let value = this.binaryLevel(level + 1);
    while (this.isOp(...ops)) {
      const op = this.next().text;
      value = this.binary(op, value, this.binaryLevel(level + 1));
    }
    return value;
  }

  private binary(op: string, a: bigint, b: bigint): bigint {
    switch (op) {
      case '|':
        return a | b;
      case '^':
        return a ^ b;
      case '&':
        return a & b;
      case '==':
        return truth(a === b);
      case '!=':
        return truth(a !== b);
      case '<':
        return truth(a < b);
      case '>':
        return truth(a > b);
      case '<=':
        return truth(a <= b);
      case '>=':
        return truth(a >= b);
      case '<<':
        return wrap(a << (b & 63n));
      case '>>':
        return a >> (b & 63n);
      case '+':
        return wrap(a + b);
      case '-':
        return wrap(a - b);
      case '*':
        return wrap(a * b);
      case '/':
      case '%':
        if (b === 0n) {
          if (this.skipping > 0) return 0n;
          this.fail('division by 0');
        }
        // INTMAX_MIN / -1 overflows in C; bash gives INTMAX_MIN and 0.
        if (b === -1n) return op === '/' ? wrap(-a) : 0n;
        return op === '/' ? a / b : a % b;
      default:
        return this.fail('syntax error in expression');
    }
  }

  private power(): bigint {
    const base = this.unary();
    if (!this.isOp('**')) return base;
    this.next();
    const exponent = this.power();
    if (exponent < 0n) {
      if (this.skipping > 0) return 0n;
      this.fail('exponent less than 0');
    }
    let result = 1n;
    for (let i = 0n; i < exponent && i < 64n; i++) result = wrap(result * base);
    return exponent >= 64n && base !== 0n && base !== 1n && base !== -1n ? 0n : result;
  }

  private unary(): bigint {
    if (this.isOp('+', '-', '!', '~')) {
      const op = this.next().text;
      const value = this.unary();
      if (op === '-') return wrap(-value);
      if (op === '!') return truth(value === 0n);
      if (op === '~') return ~value;
      return value;
    }
    if (this.isOp('++', '--')) {
      const op = this.next().text;
      if (this.token.kind !== 'name') this.fail('syntax error: operand expected', this.token);
      const name = this.next().text;
      const value = wrap(this.variable(name) + (op === '++' ? 1n : -1n));
      return this.assign(name, value);
    }
    return this.postfix();
  }

  private postfix(): bigint {
    const t = this.token;
    if (t.kind === 'name') {
      this.next();
      const value = this.variable(t.text);
      if (this.isOp('++', '--')) {
        const op = this.next().text;
        this.assign(t.text, wrap(value + (op === '++' ? 1n : -1n)));
      }
      return value;
    }
    if (t.kind === 'number') {
      this.next();
      return this.number(t);
    }
    if (this.isOp('(')) {
      this.next();
      const value = this.comma();
      if (!this.isOp(')')) this.fail("missing `)'", this.token);
      this.next();
      return value;
    }
    return this.fail('syntax error: operand expected', t.kind === 'eof' ? this.previous : t);
  }

  /** `10`, `0x1F`, `017`, `2#101`, `36#z` (bash's `strlong`). */
  private number(t: Token): bigint {
    const text = t.text;
    let base = 10;
    let digits = text;
    const hash = text.indexOf('#');
    if (hash > 0) {
      base = Number(text.slice(0, hash));
      digits = text.slice(hash + 1);
      if (!/^[0-9]+$/.test(text.slice(0, hash)) || base < 2 || base > 64) {
        this.fail('invalid arithmetic base', t);
      }
    } else if (/^0[xX]/.test(text)) {
      base = 16;
      digits = text.slice(2);
    } else if (text.startsWith('0') && text.length > 1) {
      base = 8;
      digits = text.slice(1);
    }
    let value = 0n;
    for (const c of digits) {
      const d = digitValue(c, base);
      if (d >= base) this.fail('value too great for base', t);
      value = wrap(value * BigInt(base) + BigInt(d));
    }
    return value;
  }

  private variable(name: string): bigint {
    const value = this.vars.get(name)?.trim() ?? '';
    if (value === '') return 0n;
    if (/^-?[0-9]+$/.test(value)) return wrap(BigInt(value));
    if (this.depth >= maxRecursion) this.fail('expression recursion level exceeded');
    return new Evaluator(value, this.vars, this.depth + 1).run();
  }

  private assign(name: string, value: bigint): bigint {
    if (this.skipping === 0) this.vars.set(name, String(value));
    return value;
  }
}

/** A digit's value in `base`: 0-9, a-z, A-Z (A-Z = a-z below base 37), `@`, `_`; 99 if none. */
function digitValue(c: string, base: number): number {
  if (/[0-9]/.test(c)) return Number(c);
  if (/[a-z]/.test(c)) return c.charCodeAt(0) - 87;
  if (/[A-Z]/.test(c)) return c.charCodeAt(0) - (base <= 36 ? 55 : 29);
  if (c === '@') return 62;
  if (c === '_') return 63;
  return 99;
}
