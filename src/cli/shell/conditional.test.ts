import { describe, expect, it } from 'vitest';
import { VirtualFs } from '../host/virtualFs';
import { evaluateConditional, runTest } from './conditional';

const fs = new VirtualFs();
fs.mkdir('/opt/kafka/config');
fs.write('/opt/kafka/config/server.properties', 'broker.id=1\n');
fs.write('/opt/kafka/empty', '');
const env = { fs, cwd: '/opt/kafka' };

const test = (...args: string[]) => {
  const r = runTest('test', args, env);
  return 'error' in r ? r.error : r.value;
};
const bracket = (...args: string[]) => {
  const r = runTest('[', args, env);
  return 'error' in r ? r.error : r.value;
};

// Messages were checked against GNU bash 5.2's builtins.
describe('test and [ (test.c)', () => {
  it('string, integer and file operators', () => {
    expect(test('-z', '')).toBe(true);
    expect(test('-n', '')).toBe(false);
    expect(test('abc')).toBe(true);
    expect(test('')).toBe(false);
    expect(test('a', '=', 'a')).toBe(true);
    expect(test('a', '!=', 'a')).toBe(false);
    expect(test('10', '-gt', '9')).toBe(true);
    expect(test(' 3', '-le', '3')).toBe(true);
    expect(test('-f', 'config/server.properties')).toBe(true);
    expect(test('-d', 'config')).toBe(true);
    expect(test('-f', 'config')).toBe(false);
    expect(test('-e', 'nope')).toBe(false);
    expect(test('-s', 'empty')).toBe(false);
    expect(test('-s', 'config/server.properties')).toBe(true);
  });

  it('!, -a, -o and parentheses, with POSIX rules by argument count', () => {
    expect(test('!', '-f', 'nope')).toBe(true);
    expect(test('-n', 'a', '-a', '-z', '')).toBe(true);
    expect(test('-z', 'a', '-o', '1', '-eq', '2')).toBe(false);
    expect(test('(', 'a', '=', 'b', ')', '-o', 'x')).toBe(true);
    expect(test('!', '=', 'x')).toBe(false);
    expect(test('-z')).toBe(true);
  });

  it("bash's messages", () => {
    expect(bracket('a', '=')).toBe("[: missing `]'");
    expect(bracket('a', '=', 'b', ']')).toBe(false);
    expect(test('abc', '-eq', '1')).toBe('test: abc: integer expression expected');
    expect(test('a', 'b')).toBe('test: a: unary operator expected');
    expect(test('a', 'b', 'c')).toBe('test: b: binary operator expected');
    expect(test('a', 'b', 'c', 'd', 'e')).toBe('test: too many arguments');
  });
});

describe('[[ … ]]', () => {
  it('&&, || and ! with arithmetic operands and string ordering', () => {
    const vars = { get: (n: string) => (n === 'x' ? '4' : undefined), set: () => {} };
    const cond = (...words: string[]) => {
      const r = evaluateConditional(words, { ...env, arithmetic: vars });
      return 'error' in r ? r.error : r.value;
    };
    expect(cond('x+1', '-eq', '5')).toBe(true);
    expect(cond('-n', 'a', '&&', '!', '-z', 'b')).toBe(true);
    expect(cond('a', '<', 'b', '||', '(', '1', '-gt', '2', ')')).toBe(true);
    expect(cond('abc', '=~', '^a.c$')).toBe(true);
    expect(cond('a', '&&')).toBe('syntax error in conditional expression');
  });
});
