/**
 * The keyed-record partition on the producer's hot path: `toPositive(murmur2(utf8(key))) % n`,
 * exactly {@link partitionForKey}, but encoding ASCII keys into a reused buffer instead of
 * allocating (keys with other characters take the exact `utf8` path).
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/producer/internals/BuiltInPartitioner.java
 */
import { murmur2, toPositive, utf8 } from '../partitioner/murmur2';

let scratch = new Uint8Array(256);

/** The UTF-8 bytes of `key`; for an ASCII key a view of a shared buffer, valid until the next call. */
export function keyBytes(key: string): Uint8Array {
  const n = key.length;
  if (n > scratch.length) scratch = new Uint8Array(Math.max(n, scratch.length * 2));
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    if (c >= 0x80) return utf8(key);
    scratch[i] = c;
  }
  return scratch.subarray(0, n);
}

/**
 * `BuiltInPartitioner.partitionForKey` of a string key.
 * @param numPartitions the topic's partition count (all partitions, with or without a leader)
 */
export function partitionForStringKey(key: string, numPartitions: number): number {
  return toPositive(murmur2(keyBytes(key))) % numPartitions;
}
