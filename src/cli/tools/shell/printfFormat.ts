/**
 * The printf formatting bash's builtin does (bash 5.1 printf.def over C's printf): conversions
 * `%d %i %o %u %x %X %f %F %e %E %g %G %a %A %c %s %b %q %%` with flags `-+ #0`, width and precision
 * (`*` from the arguments), backslash escapes in the format, and the format reused until the
 * arguments run out. Numbers take C's forms (`0x1F`, `010`, `'A` for a character's code).
 */
import { bashEscapes } from '../../shell/parse/ansiC';
import { utf8Slice } from './gnu/numbers';
import { formatFloat, formatInteger, pad } from './printfNumbers';
import type { Spec } from './printfNumbers';

/** Where formatted text and bash's diagnostics (after `bash: printf: `) go, in their order. */
export interface PrintfOutput {
  out(text: string): void;
  error(message: string): void;
}

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

const simpleEscapes = bashEscapes;

/**
 * Expands the backslash escapes at `s[i]` (after the backslash): returns the text and the index
 * after it; `stop` for `\c` in `%b`. `inFormat`: octal `\NNN` (the format) or `\0NNN` (`%b`).
 */
function escapeAt(
  s: string,
  i: number,
  inFormat: boolean,
): { text: string; next: number; stop?: boolean } {
  const c = s[i];
  if (c === undefined) return { text: '\\', next: i };
  if (simpleEscapes[c] !== undefined) return { text: simpleEscapes[c], next: i + 1 };
  if (inFormat && (c === '"' || c === "'" || c === '?')) return { text: c, next: i + 1 };
  if (!inFormat && c === 'c') return { text: '', next: i + 1, stop: true };
  if (/[0-7]/.test(c)) {
    const start = !inFormat && c === '0' ? i + 1 : i;
    const m = /^[0-7]{1,3}/.exec(s.slice(start));
    if (!m) return { text: '\0', next: i + 1 };
    return {
      text: String.fromCharCode(Number.parseInt(m[0], 8) & 0xff),
      next: start + m[0].length,
    };
  }
  if (c === 'x' || c === 'u' || c === 'U') {
    const max = c === 'x' ? 2 : c === 'u' ? 4 : 8;
    const m = new RegExp(`^[0-9a-fA-F]{1,${max}}`).exec(s.slice(i + 1));
    if (!m) return { text: `\\${c}`, next: i + 1 };
    const code = Number.parseInt(m[0], 16);
    const text = code > 0x10ffff ? '\ufffd' : String.fromCodePoint(code);
    return { text, next: i + 1 + m[0].length };
  }
  return { text: `\\${c}`, next: i + 1 };
}

/** `%b`'s argument with its escapes expanded; `stop` after `\c`. */
function expandB(arg: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < arg.length;) {
    if (arg[i] !== '\\') {
      out += arg[i++];
      continue;
    }
    const e = escapeAt(arg, i + 1, false);
    out += e.text;
    i = e.next;
    if (e.stop) return { text: out, stop: true };
  }
  return { text: out, stop: false };
}

const isControl = (code: number) => code < 0x20 || code === 0x7f;

/** bash's `%q`: the argument quoted so the shell reads it back unchanged. */
export function shellQuote(arg: string): string {
  if (arg === '') return "''";
  if ([...arg].some((c) => isControl(c.codePointAt(0)!))) {
    const named: Record<string, string> = { '\n': 'n', '\t': 't', '\r': 'r', '\x1b': 'E' };
    const body = [...arg]
      .map((c) => {
        const code = c.codePointAt(0)!;
        if (c === "'" || c === '\\') return `\\${c}`;
        if (named[c]) return `\\${named[c]}`;
        return isControl(code) ? `\\${code.toString(8).padStart(3, '0')}` : c;
      })
      .join('');
    return `$'${body}'`;
  }
  return arg.replace(/[^\w@%+=:,./-]/gu, (c) => (/[\p{L}\p{N}]/u.test(c) ? c : `\\${c}`));
}

/** An integer argument as bash reads it, with its diagnostic. */
function integerArg(arg: string | undefined): { value: bigint; error?: string } {
  if (arg === undefined || arg === '') return { value: 0n };
  if (/^['"]/.test(arg)) return { value: BigInt(arg.length > 1 ? arg.codePointAt(1)! : 0) };
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(arg);
  if (!m) return { value: 0n, error: `${arg}: invalid number` };
  const digits = m[2]!;
  let v = /^0[xX]/.test(digits)
    ? BigInt(digits)
    : digits.startsWith('0')
      ? BigInt(`0o${digits.slice(1) || '0'}`)
      : BigInt(digits);
  if (m[1] === '-') v = -v;
  let error: string | undefined;
  if (v > INT64_MAX || v < INT64_MIN) {
    error = `warning: ${arg}: Numerical result out of range`;
    v = v > INT64_MAX ? INT64_MAX : INT64_MIN;
  }
  if (m[0].length < arg.length && error === undefined) error = `${arg}: invalid number`;
  return { value: v, error };
}

/** A floating point argument (`strtold`), with its diagnostic. */
function floatArg(arg: string | undefined): { value: number; error?: string } {
  if (arg === undefined || arg === '') return { value: 0 };
  if (/^['"]/.test(arg)) return { value: arg.length > 1 ? arg.codePointAt(1)! : 0 };
  const m =
    /^\s*[+-]?(?:inf(?:inity)?|nan|0x[0-9a-f]+(?:\.[0-9a-f]*)?(?:p[+-]?\d+)?|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)/i.exec(
      arg,
    );
  if (!m) return { value: 0, error: `${arg}: invalid number` };
  const t = m[0].trim().toLowerCase();
  const neg = t.startsWith('-');
  const body = t.replace(/^[+-]/, '');
  let value: number;
  if (body.startsWith('inf')) value = Infinity;
  else if (body === 'nan') value = NaN;
  else if (body.startsWith('0x')) {
    const hm = /^0x([0-9a-f]+)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?$/.exec(body)!;
    value = Number.parseInt(hm[1]!, 16);
    [...(hm[2] ?? '')].forEach((d, i) => (value += Number.parseInt(d, 16) / 16 ** (i + 1)));
    value *= 2 ** Number(hm[3] ?? 0);
  } else value = Number(body);
  return {
    value: neg ? -value : value,
    error: m[0].length < arg.length ? `${arg}: invalid number` : undefined,
  };
}

/**
 * Formats `args` under `format` as bash's printf builtin does, writing as it goes (a diagnostic
 * comes before the text of its conversion); returns the exit status.
 */
export function formatPrintf(
  format: string,
  args: readonly string[],
  output: PrintfOutput,
): number {
  let status = 0;
  let text = '';
  const errors = {
    push(message: string) {
      output.out(text);
      text = '';
      output.error(message);
    },
  };
  const done = (code: number) => {
    output.out(text);
    return code;
  };
  let next = 0;
  const take = () => (next < args.length ? args[next++] : undefined);
  for (;;) {
    const before = next;
    let converted = false;
    for (let i = 0; i < format.length;) {
      const c = format[i]!;
      if (c === '\\') {
        const e = escapeAt(format, i + 1, true);
        text += e.text;
        i = e.next;
        continue;
      }
      if (c !== '%') {
        text += c;
        i++;
        continue;
      }
      if (format[i + 1] === '%') {
        text += '%';
        i += 2;
        continue;
      }
      const m = /^%([-+ #0']*)(\*|\d*)(?:\.(\*|\d*))?[hjlLtz]*(.?)/.exec(format.slice(i))!;
      const [whole, flags, width, precision, conversion] = m;
      i += whole.length;
      if (conversion === '') {
        errors.push(`\`${whole}': missing format character`);
        return done(1);
      }
      const star = (s: string | undefined): number | undefined => {
        if (s === undefined || s === '') return s === '' ? 0 : undefined;
        if (s !== '*') return Number(s);
        const r = integerArg(take());
        if (r.error) {
          errors.push(r.error);
          status = 1;
        }
        return Number(r.value);
      };
      const spec: Spec = {
        flags: flags!,
        width: undefined,
        precision: undefined,
        conversion: conversion!,
      };
      let w = star(width);
      if (w !== undefined && w < 0) {
        spec.flags += '-';
        w = -w;
      }
      spec.width = w;
      const p = star(precision);
      spec.precision = p !== undefined && p < 0 ? undefined : p;
      converted = true;
      switch (conversion) {
        case 'd':
        case 'i':
        case 'o':
        case 'u':
        case 'x':
        case 'X': {
          const r = integerArg(take());
          if (r.error) {
            errors.push(r.error);
            if (!r.error.startsWith('warning:')) status = 1;
          }
          text += formatInteger(spec, r.value);
          break;
        }
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G':
        case 'a':
        case 'A': {
          const r = floatArg(take());
          if (r.error) {
            errors.push(r.error);
            status = 1;
          }
          text += formatFloat(spec, r.value);
          break;
        }
        case 'c': {
          // An empty or missing argument gives its terminating NUL.
          const arg = take() ?? '';
          text += pad(spec, '', [...arg][0] ?? '\0', false);
          break;
        }
        case 's':
        case 'b':
        case 'q': {
          let arg = take() ?? '';
          if (conversion === 'b') {
            const b = expandB(arg);
            arg = b.text;
            if (b.stop) {
              text += pad(spec, '', arg, false);
              return done(status);
            }
          } else if (conversion === 'q') arg = shellQuote(arg);
          if (spec.precision !== undefined) arg = utf8Slice(arg, 0, spec.precision);
          text += pad(spec, '', arg, false);
          break;
        }
        default:
          errors.push(`\`${conversion}': invalid format character`);
          return done(1);
      }
    }
    // The format is used again while arguments remain and it consumed some.
    if (!converted || next >= args.length || next === before) break;
  }
  return done(status);
}
