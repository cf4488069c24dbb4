/**
 * Kafka's 32-bit murmur2 hash, byte for byte as `org.apache.kafka.common.utils.Utils.murmur2`
 * (clients/src/main/java/org/apache/kafka/common/utils/Utils.java), which the Java producer uses to
 * map record keys to partitions.
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/common/utils/Utils.java
 */

const SEED = 0x9747b28c;
const M = 0x5bd1e995;
const R = 24;

/**
 * Murmur2 of `data`, exactly as Kafka's `Utils.murmur2(byte[])`.
 *
 * @param data the bytes to hash (for a string key: its UTF-8 bytes, see {@link utf8})
 * @returns the hash as a signed 32-bit integer (Java `int`), e.g. `murmur2(utf8('foobar')) === -790332482`
 */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let h = SEED ^ length;
  const length4 = length >>> 2;

  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    let k = data[i4]! | (data[i4 + 1]! << 8) | (data[i4 + 2]! << 16) | (data[i4 + 3]! << 24);
    k = Math.imul(k, M);
    k ^= k >>> R;
    k = Math.imul(k, M);
    h = Math.imul(h, M);
    h ^= k;
  }

  // The last 1-3 bytes, as Java's fall-through switch on length % 4 handles them.
  const tail = length & ~3;
  const rest = length % 4;
  if (rest >= 3) h ^= data[tail + 2]! << 16;
  if (rest >= 2) h ^= data[tail + 1]! << 8;
  if (rest >= 1) {
    h ^= data[tail]!;
    h = Math.imul(h, M);
  }

  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/**
 * Kafka's `Utils.toPositive`: clears the sign bit (`n & 0x7fffffff`). Not `Math.abs` — a negative
 * hash maps to a different positive number than its absolute value, exactly as in the Java client.
 *
 * @param n a signed 32-bit integer
 * @returns an integer in [0, 2^31 - 1]
 */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

/**
 * The UTF-8 bytes of `s`, as Kafka's `StringSerializer` produces them (`String.getBytes(UTF_8)`):
 * an unpaired surrogate becomes `?` (0x3f), as Java's encoder replaces it, where `TextEncoder`
 * would write U+FFFD.
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/common/serialization/StringSerializer.java
 *
 * @param s any JavaScript string (UTF-16)
 * @returns its UTF-8 encoding
 */
export function utf8(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        out.push(0x3f);
        continue;
      }
    }
    if (c < 0x80) {
      out.push(c);
    } else if (c < 0x800) {
      out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
      out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    } else {
      out.push(
        0xf0 | (c >> 18),
        0x80 | ((c >> 12) & 0x3f),
        0x80 | ((c >> 6) & 0x3f),
        0x80 | (c & 0x3f),
      );
    }
  }
  return Uint8Array.from(out);
}
