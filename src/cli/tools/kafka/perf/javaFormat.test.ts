import { describe, expect, it } from 'vitest';
import { javaFixed, padRight } from './javaFormat';

describe('javaFixed (java.util.Formatter %.nf)', () => {
  it('rounds the shortest decimal form HALF_UP, as Java does and toFixed does not', () => {
    expect(javaFixed(1.005, 2)).toBe('1.01');
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(javaFixed(0.125, 2)).toBe('0.13');
    expect(javaFixed(2.5, 0)).toBe('3');
    expect(javaFixed(99.95, 1)).toBe('100.0');
    expect(javaFixed(0.00049, 3)).toBe('0.000');
    expect(javaFixed(0.0005, 3)).toBe('0.001');
  });

  it('prints six digits for %f and pads with zeros', () => {
    expect(javaFixed(248015.873015873)).toBe('248015.873016');
    expect(javaFixed(100)).toBe('100.000000');
    expect(javaFixed(1e21, 1)).toBe('1000000000000000000000.0');
    expect(javaFixed(1.5e-7, 4)).toBe('0.0000');
  });

  it('prints NaN, Infinity and a negative zero as Java does', () => {
    expect(javaFixed(0 / 0, 2)).toBe('NaN');
    expect(javaFixed(1 / 0)).toBe('Infinity');
    expect(javaFixed(-1 / 0, 4)).toBe('-Infinity');
    expect(javaFixed(-0, 4)).toBe('-0.0000');
    expect(javaFixed(-0.00001, 4)).toBe('-0.0000');
  });

  it('pads %-Ns on the right', () => {
    expect(padRight('ab', 4)).toBe('ab  ');
    expect(padRight('abcde', 4)).toBe('abcde');
  });
});
