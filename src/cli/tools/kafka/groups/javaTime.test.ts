import { describe, expect, it } from 'vitest';
import { getDateTime, parseDurationMs } from './javaTime';

describe('Utils.getDateTime (--to-datetime)', () => {
  it('reads yyyy-MM-ddTHH:mm:ss.SSS as UTC unless a zone is given', () => {
    expect(getDateTime('2025-01-01T00:00:30.000')).toBe(Date.UTC(2025, 0, 1, 0, 0, 30));
    expect(getDateTime('2025-01-01T09:00:00.000+09:00')).toBe(Date.UTC(2025, 0, 1, 0, 0, 0));
    expect(getDateTime('2025-01-01T00:00:00.250-0130')).toBe(Date.UTC(2025, 0, 1, 1, 30, 0, 250));
  });

  it('fails like SimpleDateFormat (non-lenient) with the Z it appended, or without a T', () => {
    expect(() => getDateTime('2025-01-01T10:00')).toThrow('Unparseable date: "2025-01-01T10:00Z"');
    expect(() => getDateTime('2025-02-30T00:00:00.000')).toThrow(
      'Unparseable date: "2025-02-30T00:00:00.000Z"',
    );
    expect(() => getDateTime('2025-01-01')).toThrow(
      "Error parsing timestamp. It does not contain a 'T' according to ISO8601 format",
    );
  });
});

describe('Duration.parse (--by-duration)', () => {
  it('reads PnDTnHnMn.nS, signs and lower case included', () => {
    expect(parseDurationMs('PT30S')).toBe(30_000);
    expect(parseDurationMs('P1DT2H3M4.5S')).toBe(86_400_000 + 7_200_000 + 180_000 + 4_500);
    expect(parseDurationMs('-PT1M')).toBe(-60_000);
    expect(parseDurationMs('pt10m')).toBe(600_000);
  });

  it('rejects what Java rejects: Text cannot be parsed to a Duration', () => {
    for (const bad of ['1d', 'P', 'PT', 'P1H', 'PT1D'])
      expect(() => parseDurationMs(bad), bad).toThrow('Text cannot be parsed to a Duration');
  });
});
