/**
 * The two time parsers `--reset-offsets` uses: Kafka's `Utils.getDateTime` (SimpleDateFormat
 * `yyyy-MM-dd'T'HH:mm:ss.SSSXXX`, then `…SSSX`, non-lenient, UTC unless a zone is given) for
 * `--to-datetime`, and `java.time.Duration.parse` (ISO-8601 `PnDTnHnMn.nS`) for `--by-duration`.
 */
import { JavaThrowable } from './javaThrowable';

function parseException(message: string): JavaThrowable {
  return new JavaThrowable('java.text.ParseException', message);
}

const DATE_TIME = /^(\d+)-(\d+)-(\d+)T(\d+):(\d+):(\d+)\.(\d+)(.*)$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The zone offset in minutes for pattern `XXX` (`Z`, `±hh:mm`) or `X` (`Z`, `±hh`, `±hhmm`). */
function zoneOffset(zone: string, extended: boolean): number | undefined {
  if (zone === 'Z') return 0;
  const m = extended ? /^([+-])(\d\d):(\d\d)$/.exec(zone) : /^([+-])(\d\d)(\d\d)?$/.exec(zone);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 23 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function parseStrict(text: string, extended: boolean): number | undefined {
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second, millis] = m.slice(1, 8).map(Number) as number[];
  const zone = zoneOffset(m[8]!, extended);
  if (zone === undefined) return undefined;
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysInMonth(year!, month!)) return undefined;
  if (hour! > 23 || minute! > 59 || second! > 59 || millis! > 999) return undefined;
  return Date.UTC(year!, month! - 1, day!, hour, minute, second, millis) - zone * 60_000;
}

/**
 * `Utils.getDateTime(timestamp)`: epoch ms, or the `java.text.ParseException` it throws
 * (`Unparseable date: "…"` quotes the text with the `Z` it appended).
 */
export function getDateTime(timestamp: string): number {
  const parts = timestamp.split('T');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length < 2)
    throw parseException(
      "Error parsing timestamp. It does not contain a 'T' according to ISO8601 format",
    );
  const second = parts[1]!;
  const text =
    second.includes('+') || second.includes('-') || second.includes('Z')
      ? timestamp
      : `${timestamp}Z`;
  const ms = parseStrict(text, true) ?? parseStrict(text, false);
  if (ms === undefined) throw parseException(`Unparseable date: "${text}"`);
  return ms;
}

const DURATION =
  /^([-+]?)P(?:([-+]?[0-9]+)D)?(T(?:([-+]?[0-9]+)H)?(?:([-+]?[0-9]+)M)?(?:([-+]?[0-9]+)(?:[.,]([0-9]{0,9}))?S)?)?$/i;

/**
 * `Duration.parse(text).toMillis()`; throws `java.time.format.DateTimeParseException: Text cannot
 * be parsed to a Duration` as Java does.
 */
export function parseDurationMs(text: string): number {
  const m = DURATION.exec(text);
  const fail = () =>
    new JavaThrowable(
      'java.time.format.DateTimeParseException',
      'Text cannot be parsed to a Duration',
    );
  if (!m || m[3] === 'T' || m[3] === 't') throw fail();
  const [, sign, days, t, hours, minutes, seconds, fraction] = m;
  if (days === undefined && t === undefined) throw fail();
  const num = (s: string | undefined) => (s === undefined ? 0 : Number(s));
  const secondsValue = num(seconds);
  const fractionMs = fraction ? Number(fraction.padEnd(9, '0').slice(0, 3)) : 0;
  const total =
    num(days) * 86_400_000 +
    num(hours) * 3_600_000 +
    num(minutes) * 60_000 +
    secondsValue * 1000 +
    (seconds?.startsWith('-') ? -fractionMs : fractionMs);
  return sign === '-' ? -total : total;
}
