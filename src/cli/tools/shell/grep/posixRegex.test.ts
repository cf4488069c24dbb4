import { describe, expect, it } from 'vitest';
import { RegexSyntaxError, translateRegex } from './posixRegex';

const matches = (pattern: string, syntax: 'basic' | 'extended', line: string) =>
  new RegExp(translateRegex(pattern, syntax).source, 'u').test(line);

const error = (pattern: string, syntax: 'basic' | 'extended' = 'basic') => {
  try {
    translateRegex(pattern, syntax);
    return undefined;
  } catch (e) {
    if (e instanceof RegexSyntaxError) return e.message;
    throw e;
  }
};

describe('POSIX regular expressions in JavaScript', () => {
  it('BRE: + ? | ( ) { } are literal; \\+ \\? \\| \\( \\) \\{ \\} are operators', () => {
    expect(matches('a+b', 'basic', 'a+b')).toBe(true);
    expect(matches('a+b', 'basic', 'aab')).toBe(false);
    expect(matches('a\\+b', 'basic', 'aab')).toBe(true);
    expect(matches('x\\|y', 'basic', 'y')).toBe(true);
    expect(matches('\\(ab\\)\\{2\\}', 'basic', 'abab')).toBe(true);
    expect(matches('(a)', 'basic', '(a)')).toBe(true);
  });

  it('ERE: the same characters the other way round', () => {
    expect(matches('a+b', 'extended', 'aab')).toBe(true);
    expect(matches('(ab){2}', 'extended', 'abab')).toBe(true);
    expect(matches('a\\|b', 'extended', 'a|b')).toBe(true);
    expect(matches('a{1', 'extended', 'a{1')).toBe(true);
  });

  it('BRE: * is literal first; ^ and $ anchor only at the ends of an expression', () => {
    expect(matches('*a', 'basic', '*a')).toBe(true);
    expect(matches('a^b', 'basic', 'a^b')).toBe(true);
    expect(matches('a$b', 'basic', 'a$b')).toBe(true);
    expect(matches('\\(^a\\)', 'basic', 'ab')).toBe(true);
    expect(matches('\\(^a\\)', 'basic', 'ba')).toBe(false);
  });

  it('ERE: a leading * is dropped with grep’s warning', () => {
    expect(translateRegex('*a', 'extended').warnings).toEqual([
      'warning: * at start of expression',
    ]);
  });

  it('brackets: classes, ] first, a trailing -, backslash literal', () => {
    expect(matches('^[[:digit:]]+$', 'extended', '123')).toBe(true);
    expect(matches('[]a]', 'basic', ']')).toBe(true);
    expect(matches('[a-]', 'basic', '-')).toBe(true);
    expect(matches('[\\]', 'basic', '\\')).toBe(true);
    expect(matches('[^[:space:]]', 'basic', ' ')).toBe(false);
  });

  it('back-references are renumbered after the groups of earlier patterns', () => {
    const t = translateRegex('\\(b\\)\\1', 'basic', 2);
    expect(t.source).toBe('(b)\\3');
  });

  it('word boundaries \\< \\> \\b and \\w', () => {
    expect(matches('\\<foo\\>', 'basic', 'a foo b')).toBe(true);
    expect(matches('\\<foo\\>', 'basic', 'afoo')).toBe(false);
    expect(matches('\\bfoo', 'basic', 'x foo')).toBe(true);
    expect(matches('^\\w+$', 'extended', 'héllo_1')).toBe(true);
  });

  it("refuses bad patterns with glibc's messages", () => {
    expect(error('\\(')).toBe('Unmatched ( or \\(');
    expect(error('(', 'extended')).toBe('Unmatched ( or \\(');
    expect(error('\\)')).toBe('Unmatched ) or \\)');
    expect(error('a[b')).toBe('Unmatched [, [^, [:, [., or [=');
    expect(error('[')).toBe('Invalid regular expression');
    expect(error('[[:nope:]]')).toBe('Invalid character class name');
    expect(error('[:space:]')).toBe('character class syntax is [[:space:]], not [:space:]');
    expect(error('[z-a]')).toBe('Invalid range end');
    expect(error('a\\{1')).toBe('Unmatched \\{');
    expect(error('a\\{2,1\\}')).toBe('Invalid content of \\{\\}');
    expect(error('a\\{40000\\}')).toBe('Regular expression too big');
    expect(error('\\1')).toBe('Invalid back reference');
    expect(error('a\\')).toBe('Trailing backslash');
  });

  it('every translation of random text is a valid RegExp or a grep error', () => {
    const alphabet = [
      'a',
      '\\',
      '(',
      ')',
      '[',
      ']',
      '{',
      '}',
      '*',
      '+',
      '?',
      '|',
      '^',
      '$',
      '.',
      ':',
      '-',
      '1',
      ',',
    ];
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let i = 0; i < 3000; i++) {
      const p = Array.from({ length: rand(8) }, () => alphabet[rand(alphabet.length)]).join('');
      for (const syntax of ['basic', 'extended'] as const) {
        try {
          new RegExp(translateRegex(p, syntax).source, 'u');
        } catch (e) {
          expect(e, `${syntax} ${p}`).toBeInstanceOf(RegexSyntaxError);
        }
      }
    }
  });
});
