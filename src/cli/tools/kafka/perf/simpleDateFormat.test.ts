import { describe, expect, it } from 'vitest';
import { JavaException } from '../admin/javaException';
import { simpleDateFormat } from './simpleDateFormat';

const t = Date.UTC(2025, 0, 5, 13, 4, 5, 7); // Sunday 5 January 2025, 13:04:05.007 UTC

describe('simpleDateFormat (java.text.SimpleDateFormat, UTC, US names)', () => {
  it("formats ConsumerPerformance's default pattern", () => {
    expect(simpleDateFormat('yyyy-MM-dd HH:mm:ss:SSS')(t)).toBe('2025-01-05 13:04:05:007');
  });

  it('pads numbers to the letter count and spells names from four letters', () => {
    expect(simpleDateFormat('yy/M/d h:m:s.S a')(t)).toBe('25/1/5 1:4:5.7 PM');
    expect(simpleDateFormat('EEE, MMM d yyyy')(t)).toBe('Sun, Jan 5 2025');
    expect(simpleDateFormat('EEEE MMMM dd')(t)).toBe('Sunday January 05');
    expect(simpleDateFormat('D u k K z Z X')(t)).toBe('5 7 13 1 UTC +0000 Z');
  });

  it("copies quoted text and '' as a quote", () => {
    expect(simpleDateFormat("HH 'o''clock' ''")(t)).toBe("13 o'clock '");
    expect(simpleDateFormat("yyyy-MM-dd'T'HH:mm")(t)).toBe('2025-01-05T13:04');
  });

  it("throws Java's IllegalArgumentException for a bad pattern", () => {
    expect(() => simpleDateFormat('yyyy-qq')).toThrow("Illegal pattern character 'q'");
    expect(() => simpleDateFormat("'open")).toThrow('Unterminated quote');
    expect(() => simpleDateFormat('b')).toThrow(JavaException);
  });
});
