/**
 * `date [-u] [-d @SECONDS | -d STRING] [+FORMAT]` (GNU coreutils 9.1, C locale, TZ=UTC) on the
 * simulation's wall clock: the default `Wed Jan  1 00:00:05 UTC 2025`, or a `+FORMAT` with the
 * conversions scripts use (`+%s` for timestamps, `+%Y-%m-%d %H:%M:%S`, `+%s%3N` for ms).
 */
import type { Tool } from '../../runtime/types';
import { coreutilsFooter, helpVersionLines } from './gnu/footer';
import type { GetoptSpec } from './gnu/getopt';
import { optionNames, parseArgs, quote, usageError } from './gnu/program';
import type { GnuProgram } from './gnu/program';
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

const program: GnuProgram = {
  name: 'date',
  pkg: 'coreutils',
  authors: ['David MacKenzie'],
  usageStatus: 1,
  help:
    'Usage: date [OPTION]... [+FORMAT]\n' +
    'Display the current time in the given FORMAT.\n\n' +
    'Mandatory arguments to long options are mandatory for short options too.\n' +
    "  -d, --date=STRING          display time described by STRING, not 'now'\n" +
    '                               (here: @SECONDS or YYYY-MM-DD[ HH:MM[:SS]])\n' +
    '  -u, --utc, --universal     print Coordinated Universal Time (UTC)\n' +
    helpVersionLines +
    "\nThe time is the simulation's virtual wall clock, always in UTC.\n" +
    'FORMAT controls the output, e.g. +%s (seconds since 1970-01-01), +%F %T,\n' +
    '+%s%3N (milliseconds).\n' +
    coreutilsFooter('date'),
};

const spec: GetoptSpec = {
  short: 'd:u',
  long: [
    { name: 'date', arg: 'required', key: 'd' },
    { name: 'universal', arg: 'none', key: 'u' },
    { name: 'utc', arg: 'none', key: 'u' },
  ],
};

export const dateTool: Tool = {
  name: 'date',
  summary: 'Print the (virtual) date and time.',
  optionNames: optionNames(spec),
  run(ctx) {
    const parsed = parseArgs(ctx, program, spec);
    if (!parsed) return;
    let at = ctx.clock.wallClockMs();
    for (const o of parsed.options) {
      if (o.key !== 'd') continue;
      const value = parseDateArgument(o.value ?? '');
      if (value === undefined) {
        ctx.stderr(`date: invalid date ${quote(o.value ?? '')}\n`);
        return ctx.exit(1);
      }
      at = value;
    }
    const [operand, extra] = parsed.operands;
    if (extra !== undefined) return usageError(ctx, program, `extra operand ${quote(extra)}`);
    if (operand !== undefined && !operand.startsWith('+')) {
      ctx.stderr(`date: invalid date ${quote(operand)}\n`);
      return ctx.exit(1);
    }
    ctx.stdout(`${operand === undefined ? formatDate(at) : strftime(operand.slice(1), at)}\n`);
    ctx.exit(0);
  },
};
