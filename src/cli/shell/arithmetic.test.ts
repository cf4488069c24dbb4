import { describe, expect, it } from 'vitest';
import { evaluateArithmetic } from './arithmetic';

/** Evaluates `expression` with `vars`; returns the value as a string, or bash's message. */
function evaluate(expression: string, vars: Record<string, string> = {}): string {
  const store = new Map(Object.entries(vars));
  try {
    return String(
      evaluateArithmetic(expression, {
        get: (n) => store.get(n),
        set: (n, v) => void store.set(n, v),
      }),
    );
  } catch (e) {
    return (e as Error).message;
  }
}

// Expected values and messages were checked against GNU bash 5.2.
describe('shell arithmetic (bash §6.5)', () => {
  it('follows C precedence, with ** binding tighter than * and looser than unary minus', () => {
    expect(evaluate('1 + 2 * 3')).toBe('7');
    expect(evaluate('(1 + 2) * 3')).toBe('9');
    expect(evaluate('-2**2')).toBe('4');
    expect(evaluate('2**3**2')).toBe('512');
    expect(evaluate('7 / 2 + 7 % 2')).toBe('4');
    expect(evaluate('-7 / 2')).toBe('-3');
    expect(evaluate('7>>1<<2')).toBe('12');
    expect(evaluate('~5')).toBe('-6');
    expect(evaluate('3 < 2 || 4 == 4 && !0')).toBe('1');
    expect(evaluate('1 ? 2 : 3')).toBe('2');
  });

  it('reads numbers in bases 8, 16 and N#, and wraps at 64 bits', () => {
    expect(evaluate('0x1F + 010 + 2#101 + 36#z')).toBe('79');
    expect(evaluate('9223372036854775807 + 1')).toBe('-9223372036854775808');
    expect(evaluate('2**63')).toBe('-9223372036854775808');
  });

  it('reads variables with or without $, evaluating values that are expressions', () => {
    expect(evaluate('x * 2', { x: '21' })).toBe('42');
    expect(evaluate('y + 1', { x: '3', y: 'x+1' })).toBe('5');
    expect(evaluate('unset + 1')).toBe('1');
  });

  it('assigns with =, op= and ++/--, and skips the side effects of branches not taken', () => {
    expect(evaluate('x=5, x*=2, x')).toBe('10');
    expect(evaluate('i++ + i', { i: '3' })).toBe('7');
    expect(evaluate('++i', { i: '3' })).toBe('4');
    expect(evaluate('1 || (q=5), q')).toBe('0');
    expect(evaluate('0 && 1/0')).toBe('0');
  });

  it("gives bash's messages with the error token", () => {
    expect(evaluate('1/0')).toBe('1/0: division by 0 (error token is "0")');
    expect(evaluate('5 % 0')).toBe('5 % 0: division by 0 (error token is "0")');
    expect(evaluate(' 1 + ')).toBe('1 + : syntax error: operand expected (error token is "+ ")');
    expect(evaluate('a b')).toBe('a b: syntax error in expression (error token is "b")');
    expect(evaluate('08')).toBe('08: value too great for base (error token is "08")');
    expect(evaluate('2**-1')).toBe('2**-1: exponent less than 0 (error token is "1")');
  });
});
