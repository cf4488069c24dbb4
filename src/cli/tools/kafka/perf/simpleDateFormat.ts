/**
 * `new java.text.SimpleDateFormat(pattern).format(date)` for `--date-format` of
 * kafka-consumer-perf-test, in the JVM's time zone — UTC in the simulation (as the log lines) —
 * and the US locale's names. An unknown pattern letter or an open quote throws Java's
 * `IllegalArgumentException` (`Illegal pattern character 'q'`, `Unterminated quote`).
 */
import { JavaException } from '../admin/javaException';
import { dayNames, monthNames } from '../../englishCalendar';

/** Pattern letters SimpleDateFormat knows (`DateFormatSymbols.patternChars`). */
const PATTERN_CHARS = 'GyMdkHmsSEDFwWahKzZYuXL';

type Part = { literal: string } | { letter: string; count: number };

/** The frames under `new SimpleDateFormat(pattern)` in ConsumerPerformance (representative). */
const FRAMES = [
  'java.base/java.text.SimpleDateFormat.compile(SimpleDateFormat.java:845)',
  'java.base/java.text.SimpleDateFormat.initialize(SimpleDateFormat.java:653)',
  'java.base/java.text.SimpleDateFormat.<init>(SimpleDateFormat.java:624)',
  'java.base/java.text.SimpleDateFormat.<init>(SimpleDateFormat.java:599)',
  'org.apache.kafka.tools.ConsumerPerformance$ConsumerPerfOptions.dateFormat(ConsumerPerformance.java:360)',
  'org.apache.kafka.tools.ConsumerPerformance.consume(ConsumerPerformance.java:125)',
  'org.apache.kafka.tools.ConsumerPerformance.main(ConsumerPerformance.java:75)',
];

function illegal(message: string): JavaException {
  return new JavaException('java.lang.IllegalArgumentException', message, FRAMES);
}

/** `SimpleDateFormat.compile`: literal runs and letter runs. */
function compile(pattern: string): Part[] {
  const parts: Part[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        parts.push({ literal: "'" });
        i += 2;
        continue;
      }
      let text = '';
      i++;
      for (;;) {
        if (i >= pattern.length) throw illegal('Unterminated quote');
        if (pattern[i] === "'") {
          if (pattern[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += pattern[i++];
      }
      parts.push({ literal: text });
      continue;
    }
    if (/[a-zA-Z]/.test(c)) {
      if (!PATTERN_CHARS.includes(c)) throw illegal(`Illegal pattern character '${c}'`);
      let count = 1;
      while (pattern[i + count] === c) count++;
      parts.push({ letter: c, count });
      i += count;
      continue;
    }
    parts.push({ literal: c });
    i++;
  }
  return parts;
}

const pad = (n: number, count: number) => String(n).padStart(count, '0');

function field(letter: string, count: number, d: Date): string {
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  const day = d.getUTCDate();
  const hour = d.getUTCHours();
  const weekday = d.getUTCDay();
  const dayOfYear = Math.floor((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
  switch (letter) {
    case 'G':
      return 'AD';
    case 'y':
    case 'Y':
      return count === 2 ? pad(year % 100, 2) : pad(year, count);
    case 'M':
    case 'L':
      if (count >= 4) return monthNames[month]!;
      if (count === 3) return monthNames[month]!.slice(0, 3);
      return pad(month + 1, count);
    case 'd':
      return pad(day, count);
    case 'H':
      return pad(hour, count);
    case 'k':
      return pad(hour === 0 ? 24 : hour, count);
    case 'K':
      return pad(hour % 12, count);
    case 'h':
      return pad(hour % 12 === 0 ? 12 : hour % 12, count);
    case 'm':
      return pad(d.getUTCMinutes(), count);
    case 's':
      return pad(d.getUTCSeconds(), count);
    case 'S':
      return pad(d.getUTCMilliseconds(), count);
    case 'E':
      return count >= 4 ? dayNames[weekday]! : dayNames[weekday]!.slice(0, 3);
    case 'u':
      return pad(weekday === 0 ? 7 : weekday, count);
    case 'a':
      return hour < 12 ? 'AM' : 'PM';
    case 'D':
      return pad(dayOfYear, count);
    case 'F':
      return pad(Math.floor((day - 1) / 7) + 1, count);
    case 'w': {
      // US weeks: start on Sunday; week 1 holds January 1st.
      const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay();
      return pad(Math.floor((dayOfYear - 1 + jan1) / 7) + 1, count);
    }
    case 'W': {
      const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
      return pad(Math.floor((day - 1 + first) / 7) + 1, count);
    }
    case 'z':
      return count >= 4 ? 'Coordinated Universal Time' : 'UTC';
    case 'Z':
      return '+0000';
    case 'X':
      return 'Z';
    default:
      return '';
  }
}

/**
 * `new SimpleDateFormat(pattern)`: a formatter of epoch ms.
 * @throws JavaException `java.lang.IllegalArgumentException` for an invalid pattern
 */
export function simpleDateFormat(pattern: string): (epochMs: number) => string {
  const parts = compile(pattern);
  return (epochMs) => {
    const d = new Date(epochMs);
    return parts.map((p) => ('literal' in p ? p.literal : field(p.letter, p.count, d))).join('');
  };
}
