import { describe, expect, it } from 'vitest';
import { javaTrim, parseJavaDouble, parseJavaInteger, parseJavaLong } from './valueConverters';

// java.lang.Integer.parseInt, Long.parseLong, Double.valueOf (FloatingDecimal), String.trim.
describe('Java number parsing behind ofType(Integer/Long/Double)', () => {
  it('Integer.valueOf: optional sign, decimal digits, 32-bit range, no spaces', () => {
    expect(parseJavaInteger('42')).toBe(42);
    expect(parseJavaInteger('+7')).toBe(7);
    expect(parseJavaInteger('-2147483648')).toBe(-2147483648);
    expect(parseJavaInteger('0042')).toBe(42);
    expect(parseJavaInteger('\u0663')).toBe(3); // ARABIC-INDIC DIGIT THREE: Character.digit accepts it
    for (const bad of ['', '-', '+', ' 1', '1 ', '1.0', '0x10', '2147483648', 'abc', '1_000']) {
      expect(parseJavaInteger(bad)).toBeUndefined();
    }
  });

  it('Long.valueOf: 64-bit range', () => {
    expect(parseJavaLong('9223372036854775807')).toBe(9223372036854775807n);
    expect(parseJavaLong('-9223372036854775808')).toBe(-9223372036854775808n);
    expect(parseJavaLong('9223372036854775808')).toBeUndefined();
    expect(parseJavaLong('1L')).toBeUndefined();
  });

  it('Double.valueOf: trimmed; decimal, exponent, NaN/Infinity, hex, f/d suffix', () => {
    expect(parseJavaDouble(' 1.5 ')).toBe(1.5);
    expect(parseJavaDouble('1.')).toBe(1);
    expect(parseJavaDouble('.5')).toBe(0.5);
    expect(parseJavaDouble('1e3')).toBe(1000);
    expect(parseJavaDouble('2d')).toBe(2);
    expect(parseJavaDouble('-Infinity')).toBe(-Infinity);
    expect(parseJavaDouble('NaN')).toBeNaN();
    expect(parseJavaDouble('0x1.8p1')).toBe(3);
    for (const bad of ['', '.', 'e3', '1e', 'inf', '1,5', '0x1.8'])
      expect(parseJavaDouble(bad)).toBeUndefined();
  });

  it('String.trim strips only characters up to U+0020', () => {
    expect(javaTrim('\t\n x \u0001')).toBe('x');
    expect(javaTrim('\u00a0x')).toBe('\u00a0x');
  });
});
