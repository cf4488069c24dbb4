/**
 * The conversions jopt's `ofType(Integer.class | Long.class | Double.class)` performs: it calls the
 * type's static `valueOf(String)` (joptsimple/internal/Reflection.java), so the accepted syntax is
 * Java's `Integer.parseInt`, `Long.parseLong` and `Double.valueOf`. Each returns `undefined` where
 * Java throws NumberFormatException (jopt then reports `Cannot parse argument '…' of option …`).
 */

/**
 * `Character.digit(ch, 10)` for one UTF-16 unit: ASCII and every other Unicode decimal digit
 * (general category Nd), whose values run 0–9 in consecutive code points.
 */
function decimalDigit(unit: number): number {
  if (unit >= 0x30 && unit <= 0x39) return unit - 0x30;
  const isNd = (cp: number) =>
    cp < 0xd800 || cp > 0xdfff ? /\p{Nd}/u.test(String.fromCharCode(cp)) : false;
  if (!isNd(unit)) return -1;
  let zero = unit;
  while (zero > 0 && isNd(zero - 1)) zero -= 1;
  return (unit - zero) % 10;
}

/** `Long.parseLong`/`Integer.parseInt` in radix 10, as a BigInt, range-checked against [min, max]. */
function parseJavaIntegral(s: string, min: bigint, max: bigint): bigint | undefined {
  if (s.length === 0) return undefined;
  let i = 0;
  let negative = false;
  const first = s.charCodeAt(0);
  if (first < 0x30) {
    if (s[0] === '-') negative = true;
    else if (s[0] !== '+') return undefined;
    if (s.length === 1) return undefined;
    i = 1;
  }
  let value = 0n;
  for (; i < s.length; i++) {
    const digit = decimalDigit(s.charCodeAt(i));
    if (digit < 0) return undefined;
    value = value * 10n + BigInt(digit);
    if (value > max + 1n) return undefined;
  }
  const signed = negative ? -value : value;
  return signed < min || signed > max ? undefined : signed;
}

/** `Integer.valueOf(String)`: optional `+`/`-`, decimal digits, within 32-bit range. */
export function parseJavaInteger(s: string): number | undefined {
  const v = parseJavaIntegral(s, -(2n ** 31n), 2n ** 31n - 1n);
  return v === undefined ? undefined : Number(v);
}

/** `Long.valueOf(String)`: optional `+`/`-`, decimal digits, within 64-bit range. */
export function parseJavaLong(s: string): bigint | undefined {
  return parseJavaIntegral(s, -(2n ** 63n), 2n ** 63n - 1n);
}

/** `String.trim()`: strips characters ≤ U+0020 (spaces and ASCII controls) from both ends. */
export function javaTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) start += 1;
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end -= 1;
  return s.slice(start, end);
}

const DECIMAL_FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?$/;
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)[fFdD]?$/;
const SPECIAL = /^([+-]?)(NaN|Infinity)$/;

/**
 * `Double.valueOf(String)` (`FloatingDecimal.readJavaFormatString`): trimmed, then `NaN`,
 * `Infinity`, decimal (`1`, `1.`, `.5`, `1e3`) or hexadecimal (`0x1.8p1`) with an optional
 * `f`/`F`/`d`/`D` suffix.
 */
export function parseJavaDouble(input: string): number | undefined {
  const s = javaTrim(input);
  const special = SPECIAL.exec(s);
  if (special) {
    if (special[2] === 'NaN') return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  if (DECIMAL_FLOAT.test(s)) return Number(s.replace(/[fFdD]$/, ''));
  const hex = HEX_FLOAT.exec(s);
  if (hex) {
    const [, sign, whole = '', fraction = '', exponent = '0'] = hex;
    if (whole.length + fraction.length === 0) return undefined;
    const mantissa = parseInt(whole + fraction || '0', 16);
    const value = mantissa * 2 ** (Number(exponent) - 4 * fraction.length);
    return sign === '-' ? -value : value;
  }
  return undefined;
}
