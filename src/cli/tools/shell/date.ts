/**
 * `date [-u] [-d @SECONDS | -d STRING] [+FORMAT]` (GNU coreutils 9.1, C locale, TZ=UTC) on the
 * simulation's wall clock: the default `Wed Jan  1 00:00:05 UTC 2025`, or a `+FORMAT` with the
 * conversions scripts use (`+%s` for timestamps, `+%Y-%m-%d %H:%M:%S`, `+%s%3N` for ms).
 */
import type { Tool } from '../../runtime/types';
import { dayNames, monthNames } from '../englishCalendar';

const pad = (n: number, width = 2, fill = '0') => String(n).padStart(width, fill);

/** `date`'s default format in the C locale, UTC: `Wed Jan  1 00:00:05 UTC 2025`. */
export function formatDate(ms: number): string {
  return strftime('%a %b %e %H:%M:%S %Z %Y', ms);
}

/** GNU `date +FORMAT` for UTC: the usual conversions, `%N` with an optional width (`%3N`). */
export function strftime(format: string, ms: number): string {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const startOfYear = Date.UTC(y, 0, 1);
  const conversions: Record<string, () => string> = {
    a: () => dayNames[d.getUTCDay()]!.slice(0, 3),
    A: () => dayNames[d.getUTCDay()]!,
    b: () => monthNames[d.getUTCMonth()]!.slice(0, 3),
    h: () => monthNames[d.getUTCMonth()]!.slice(0, 3),
    B: () => monthNames[d.getUTCMonth()]!,
    C: () => pad(Math.floor(y / 100)),
    d: () => pad(d.getUTCDate()),
    D: () => `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${pad(y % 100)}`,
    e: () => pad(d.getUTCDate(), 2, ' '),
    F: () => `${y}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    H: () => pad(d.getUTCHours()),
    I: () => pad(((d.getUTCHours() + 11) % 12) + 1),
    j: () => pad(Math.floor((ms - startOfYear) / 86_400_000) + 1, 3),
    k: () => pad(d.getUTCHours(), 2, ' '),
    l: () => pad(((d.getUTCHours() + 11) % 12) + 1, 2, ' '),
    m: () => pad(d.getUTCMonth() + 1),
    M: () => pad(d.getUTCMinutes()),
    n: () => '\n',
    p: () => (d.getUTCHours() < 12 ? 'AM' : 'PM'),
    R: () => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
    s: () => String(Math.floor(ms / 1000)),
    S: () => pad(d.getUTCSeconds()),
    t: () => '\t',
    T: () => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
    u: () => String(d.getUTCDay() === 0 ? 7 : d.getUTCDay()),
    w: () => String(d.getUTCDay()),
    y: () => pad(y % 100),
    Y: () => String(y),
    z: () => '+0000',
    Z: () => 'UTC',
    '%': () => '%',
  };
  return format.replace(/%(\d*)([a-zA-Z%])/g, (whole, width: string, c: string) => {
    if (c === 'N') {
      const nanos = pad((((ms % 1000) + 1000) % 1000) * 1_000_000, 9);
      return width ? nanos.slice(0, Number(width)) : nanos;
    }
    const convert = conversions[c];
    return convert ? convert() : whole;
  });
}

/** `-d @SECONDS` or a date string JavaScript reads as UTC; undefined when it can't. */
function parseDateArgument(text: string): number | undefined {
  if (/^@-?\d+(\.\d+)?$/.test(text)) return Math.round(Number(text.slice(1)) * 1000);
  const iso = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(text.trim())
    ? Date.parse(`${text.trim().replace(' ', 'T')}${text.includes(':') ? 'Z' : ''}`)
    : Number.NaN;
  return Number.isNaN(iso) ? undefined : iso;
}

const usage = `Usage: date [OPTION]... [+FORMAT]
Display the current time in the given FORMAT.

  -d, --date=STRING          display time described by STRING, not 'now'
                               (here: @SECONDS or YYYY-MM-DD[ HH:MM[:SS]])
  -u, --utc, --universal     print Coordinated Universal Time (UTC)
      --help        display this help and exit
      --version     output version information and exit

The time is the simulation's virtual wall clock, always in UTC.
FORMAT controls the output, e.g. +%s (seconds since 1970-01-01), +%F %T, +%s%3N (milliseconds).
`;

export const dateTool: Tool = {
  name: 'date',
  summary: 'Print the (virtual) date and time.',
  run(ctx) {
    const args = ctx.argv.slice(1);
    let at = ctx.clock.wallClockMs();
    let format: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (arg === '-u' || arg === '--utc' || arg === '--universal') continue;
      if (arg === '--help') {
        ctx.stdout(usage);
        return ctx.exit(0);
      }
      if (arg === '--version') {
        ctx.stdout('date (GNU coreutils) 9.1\n');
        return ctx.exit(0);
      }
      const dateValue =
        arg === '-d' || arg === '--date'
          ? args[++i]
          : arg.startsWith('--date=')
            ? arg.slice(7)
            : arg.startsWith('-d') && arg.length > 2
              ? arg.slice(2)
              : null;
      if (dateValue !== null) {
        if (dateValue === undefined) {
          ctx.stderr(
            `date: option requires an argument -- 'd'\nTry 'date --help' for more information.\n`,
          );
          return ctx.exit(1);
        }
        const parsed = parseDateArgument(dateValue);
        if (parsed === undefined) {
          ctx.stderr(`date: invalid date ‘${dateValue}’\n`);
          return ctx.exit(1);
        }
        at = parsed;
      } else if (arg.startsWith('+') && format === undefined) format = arg.slice(1);
      else if (arg.startsWith('-') && arg !== '-') {
        ctx.stderr(
          `${arg.startsWith('--') ? `date: unrecognized option '${arg}'` : `date: invalid option -- '${arg.slice(1, 2)}'`}\nTry 'date --help' for more information.\n`,
        );
        return ctx.exit(1);
      } else {
        ctx.stderr(`date: invalid date ‘${arg}’\n`);
        return ctx.exit(1);
      }
    }
    ctx.stdout(`${format === undefined ? formatDate(at) : strftime(format, at)}\n`);
    ctx.exit(0);
  },
};
