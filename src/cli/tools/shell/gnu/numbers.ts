/**
 * Counts as coreutils reads them (`head -n 1k`, `tail -c 2M`), and UTF-8 byte arithmetic for the
 * tools that count bytes (`head -c`, `wc -c`): the simulation's text is JavaScript strings.
 */

/** Largest count coreutils accepts (`uintmax_t`); beyond it: `Value too large for defined data type`. */
const UINTMAX = 2n ** 64n - 1n;

const powers: Record<string, number> = {
  k: 1,
  K: 1,
  m: 2,
  M: 2,
  G: 3,
  T: 4,
  P: 5,
  E: 6,
  Z: 7,
  Y: 8,
};

/**
 * A count with an optional multiplier suffix (`xstrtoumax` with "bkKmMGTPEZY0"): `b` 512, `K`
 * 1024, `KiB` 1024, `kB` 1000, `M` 1024², and so on. A count beyond 2^53 is Infinity: no input here
 * is that long.
 */
export function parseCount(text: string): number | 'invalid' | 'overflow' {
  const m = /^(\d+)(b|([kKmMGTPEZY])(iB|B)?)?$/.exec(text);
  if (!m) return 'invalid';
  let n = BigInt(m[1]!);
  if (m[2] === 'b') n *= 512n;
  else if (m[3]) n *= BigInt(m[4] === 'B' ? 1000 : 1024) ** BigInt(powers[m[3]]!);
  if (n > UINTMAX) return 'overflow';
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(n);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Bytes `text` takes in UTF-8. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes `start` to `end` of `text` in UTF-8, decoded again (a split character becomes U+FFFD). */
export function utf8Slice(text: string, start: number, end?: number): string {
  if (!/[\u0080-\uffff]/.test(text)) return text.slice(start, end);
  return decoder.decode(encoder.encode(text).slice(start, end));
}
