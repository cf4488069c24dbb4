import { describe, expect, it } from 'vitest';
import { formatDate, strftime } from './date';
import { TestShell } from './gnu/testShell';

/** 2025-01-01 00:00:05.123 UTC, a Wednesday. */
const at = Date.UTC(2025, 0, 1, 0, 0, 5, 123);

describe('date formats (GNU date, C locale, UTC)', () => {
  it('prints the default format', () => {
    expect(formatDate(at)).toBe('Wed Jan  1 00:00:05 UTC 2025');
  });

  it('converts +FORMAT', () => {
    expect(strftime('%s', at)).toBe('1735689605');
    expect(strftime('%s%3N', at)).toBe('1735689605123');
    expect(strftime('%Y-%m-%d %H:%M:%S', at)).toBe('2025-01-01 00:00:05');
    expect(strftime('%F %T %Z %z', at)).toBe('2025-01-01 00:00:05 UTC +0000');
    expect(strftime('%A %B %j %e|%k|%I %p %%', at)).toBe('Wednesday January 001  1| 0|12 AM %');
    expect(strftime('%N', at)).toBe('123000000');
    expect(strftime('%Q stays', at)).toBe('%Q stays');
  });
});

describe('the date tool', () => {
  const t = new TestShell();

  it('reads the virtual clock, -d @SECONDS and ISO dates', () => {
    expect(t.run('date -u +%F').stdout).toMatch(/^\d{4}-\d{2}-\d{2}\n$/);
    expect(t.run('date -d @86400 "+%F %T"').stdout).toBe('1970-01-02 00:00:00\n');
    expect(t.run('date --date="2025-03-04 05:06" +%s').stdout).toBe('1741064760\n');
  });

  it('fails as GNU date does on bad options and dates', () => {
    expect(t.run('date -x')).toEqual({
      stdout: '',
      stderr: "date: invalid option -- 'x'\nTry 'date --help' for more information.\n",
      status: 1,
    });
    expect(t.run('date --bogus').stderr).toBe(
      "date: unrecognized option '--bogus'\nTry 'date --help' for more information.\n",
    );
    expect(t.run('date -d yesterday')).toEqual({
      stdout: '',
      stderr: 'date: invalid date ‘yesterday’\n',
      status: 1,
    });
  });
});
