/**
 * `java.util.Formatter` conversions the perf tools print with `printf`: `%.nf` (and `%f`, six
 * digits) and `%-Ns`. Java rounds the shortest decimal form of the double HALF_UP
 * (`FormattedFloatingDecimal.applyPrecision`), so `%.2f` of 1.005 is `1.01` where JavaScript's
 * `toFixed` gives `1.00`; NaN and the infinities print as words, and -0.0 keeps its sign.
 */

/** `String.format("%.<precision>f", value)`. */
export function javaFixed(value: number, precision = 6): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  const negative = value < 0 || Object.is(value, -0);
  // toExponential() without an argument gives the shortest digits that round-trip.
  const [mantissa, exponent] = Math.abs(value).toExponential().split('e') as [string, string];
  let digits = mantissa.replace('.', '');
  let point = Number(exponent) + 1; // digits before the decimal point
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  const keep = point + precision;
  if (digits.length < keep) digits = digits.padEnd(keep, '0');
  else if (digits.length > keep) {
    const roundUp = digits.charCodeAt(keep) >= 0x35; // '5'
    digits = digits.slice(0, keep);
    if (roundUp) {
      const incremented = incrementDecimal(digits);
      if (incremented.length > digits.length) point++;
      digits = incremented;
    }
  }
  const intPart = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const fraction = digits.slice(point);
  return `${negative ? '-' : ''}${intPart}${precision > 0 ? `.${fraction}` : ''}`;
}

/** Adds one to a string of decimal digits (`'199'` → `'200'`, `'99'` → `'100'`). */
function incrementDecimal(digits: string): string {
  const chars = digits.split('');
  for (let i = chars.length - 1; i >= 0; i--) {
    if (chars[i] === '9') chars[i] = '0';
    else {
      chars[i] = String.fromCharCode(chars[i]!.charCodeAt(0) + 1);
      return chars.join('');
    }
  }
  return `1${chars.join('')}`;
}

/** `String.format("%-<width>s", text)`: left-justified, padded with spaces to `width`. */
export function padRight(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}
