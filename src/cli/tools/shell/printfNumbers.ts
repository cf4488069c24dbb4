/**
 * C's printf conversions of numbers, as glibc prints them for bash's printf and for `seq -f`:
 * `%d %i %o %u %x %X` from 64-bit integers, `%f %e %g %a` (either case) rounded from the double's
 * exact value, with the flags `-+ #0`, width and precision.
 */
import { utf8Length } from './gnu/numbers';

/** One conversion's flags, width and precision. */
export interface Spec {
  flags: string;
  width: number | undefined;
  precision: number | undefined;
  conversion: string;
}

/**
 * Pads `body` (with `sign` in front) to the width — counted in bytes, as C's printf counts —
 * zero-padding after the sign when asked.
 */
export function pad(spec: Spec, sign: string, body: string, zeroAllowed: boolean): string {
  const width = spec.width ?? 0;
  const len = sign.length + utf8Length(body);
  if (len >= width) return sign + body;
  if (spec.flags.includes('-')) return sign + body + ' '.repeat(width - len);
  if (zeroAllowed && spec.flags.includes('0')) return sign + '0'.repeat(width - len) + body;
  return ' '.repeat(width - len) + sign + body;
}

/**
 * `v` (finite, not negative) with `p` fraction digits, rounded as C rounds: from the double's exact
 * value, a tie to even (`%.0f` of 0.5 is 0, of 2.5 is 2, where JavaScript's toFixed gives 1 and 3).
 */
export function exactFixed(v: number, p: number): string {
  if (Number.isInteger(v) && v < 2 ** 53) return p === 0 ? String(v) : `${v}.${'0'.repeat(p)}`;
  // toFixed rounds the exact value too, and differs only on a tie (upwards): check for one.
  if (p <= 20 && v < 1e21 && Math.abs(((v * 10 ** p) % 1) - 0.5) > 1e-6) return v.toFixed(p);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & ((1n << 52n) - 1n);
  if (biased !== 0) mantissa |= 1n << 52n;
  const exp = (biased === 0 ? 1 : biased) - 1075;
  // v = mantissa × 2^exp = scaled / 10^k exactly.
  let scaled: bigint;
  let k: number;
  if (exp >= 0) {
    scaled = mantissa << BigInt(exp);
    k = 0;
  } else {
    k = -exp;
    scaled = mantissa * 5n ** BigInt(k);
  }
  let q: bigint;
  if (p >= k) q = scaled * 10n ** BigInt(p - k);
  else {
    const unit = 10n ** BigInt(k - p);
    q = scaled / unit;
    const r = scaled % unit;
    if (r * 2n > unit || (r * 2n === unit && q % 2n === 1n)) q += 1n;
  }
  const digits = q.toString().padStart(p + 1, '0');
  return p === 0 ? digits : `${digits.slice(0, -p)}.${digits.slice(-p)}`;
}

/** C's `%e` text for `v` with `p` fraction digits: `1.500000e+03`. */
function exponential(v: number, p: number): string {
  const [mant, exp] = v.toExponential(p).split('e');
  const e = Number(exp);
  return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** Drops a fraction's trailing zeros (and a bare `.`), in `1.500` or `1.500e+03`. */
function trimZeros(text: string): string {
  const [mant, exp] = text.split('e');
  const trimmed = mant!.includes('.') ? mant!.replace(/0+$/, '').replace(/\.$/, '') : mant!;
  return exp === undefined ? trimmed : `${trimmed}e${exp}`;
}

/** C's `%g`: `%e` or `%f` at `p` significant digits, whichever C picks, trailing zeros removed. */
function general(v: number, p: number, alt: boolean): string {
  const P = p === 0 ? 1 : p;
  if (v === 0) return alt ? `0.${'0'.repeat(P - 1)}` : '0';
  const x = Number(exponential(v, P - 1).split('e')[1]);
  const out = P > x && x >= -4 ? exactFixed(v, P - 1 - x) : exponential(v, P - 1);
  return alt ? out : trimZeros(out);
}

/**
 * C's `%a` for a positive finite `v`, as glibc prints bash's long double on x86: the leading hex
 * digit holds four bits, `0x8p-3` for 1, `0xfp-2` for 3.75.
 */
function hexFloat(v: number, p: number | undefined): string {
  if (v === 0) return `0x0${p ? `.${'0'.repeat(p)}` : ''}p+0`;
  let e = Math.floor(Math.log2(v));
  let f = v / 2 ** e;
  if (f >= 2) {
    f /= 2;
    e++;
  } else if (f < 1) {
    f *= 2;
    e--;
  }
  f *= 8;
  const lead = Math.floor(f);
  f -= lead;
  let digits = '';
  for (let i = 0; i < 16 && f > 0; i++) {
    f *= 16;
    const d = Math.floor(f);
    digits += d.toString(16);
    f -= d;
  }
  digits = p === undefined ? digits.replace(/0+$/, '') : digits.slice(0, p).padEnd(p, '0');
  const exp = e - 3;
  return `0x${lead.toString(16)}${digits ? `.${digits}` : ''}p${exp < 0 ? '-' : '+'}${Math.abs(exp)}`;
}

/** Formats a floating point value per `spec` (conversion e, f, g or a, either case). */
export function formatFloat(spec: Spec, v: number): string {
  const conv = spec.conversion;
  const upper = conv === conv.toUpperCase();
  const sign =
    v < 0 || Object.is(v, -0)
      ? '-'
      : spec.flags.includes('+')
        ? '+'
        : spec.flags.includes(' ')
          ? ' '
          : '';
  const a = Math.abs(v);
  let body: string;
  if (!Number.isFinite(a)) body = Number.isNaN(a) ? 'nan' : 'inf';
  else {
    const p = spec.precision ?? 6;
    const alt = spec.flags.includes('#');
    switch (conv.toLowerCase()) {
      case 'f':
        body = exactFixed(a, p);
        if (alt && p === 0) body += '.';
        break;
      case 'e':
        body = exponential(a, Math.min(p, 100));
        break;
      case 'g':
        body = general(a, Math.min(p, 100), alt);
        break;
      default:
        body = hexFloat(a, spec.precision);
    }
  }
  if (upper) body = body.toUpperCase();
  return pad(spec, sign, body, Number.isFinite(a));
}

/** Formats an integer per `spec` (d i o u x X). */
export function formatInteger(spec: Spec, v: bigint): string {
  const conv = spec.conversion;
  const signed = conv === 'd' || conv === 'i';
  let n = v;
  if (!signed && n < 0n) n += 2n ** 64n;
  const neg = signed && n < 0n;
  const abs = neg ? -n : n;
  let digits = abs.toString(conv === 'o' ? 8 : conv === 'x' || conv === 'X' ? 16 : 10);
  if (conv === 'X') digits = digits.toUpperCase();
  if (spec.precision !== undefined) {
    digits = spec.precision === 0 && abs === 0n ? '' : digits.padStart(spec.precision, '0');
  }
  let prefix = '';
  if (spec.flags.includes('#')) {
    if (conv === 'o' && !digits.startsWith('0')) digits = `0${digits}`;
    if ((conv === 'x' || conv === 'X') && abs !== 0n) prefix = conv === 'x' ? '0x' : '0X';
  }
  const sign = neg
    ? '-'
    : signed && spec.flags.includes('+')
      ? '+'
      : signed && spec.flags.includes(' ')
        ? ' '
        : '';
  return pad(spec, sign + prefix, digits, spec.precision === undefined);
}
