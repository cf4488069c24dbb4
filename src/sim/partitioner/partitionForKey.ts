import { murmur2, toPositive, utf8 } from './murmur2';

/**
 * The partition the Java producer picks for a keyed record:
 * `toPositive(murmur2(keyBytes)) % numPartitions`, over ALL partitions of the topic (available or
 * not), as `BuiltInPartitioner.partitionForKey` does in Kafka 3.3+.
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/producer/internals/BuiltInPartitioner.java
 *
 * @param key the serialized key bytes, or a string key (encoded as UTF-8, as `StringSerializer` does)
 * @param numPartitions the topic's partition count (≥ 1)
 * @returns a partition number in [0, numPartitions)
 */
export function partitionForKey(key: Uint8Array | string, numPartitions: number): number {
  if (!Number.isInteger(numPartitions) || numPartitions < 1) {
    throw new RangeError(`numPartitions must be a positive integer, got ${numPartitions}`);
  }
  const keyBytes = typeof key === 'string' ? utf8(key) : key;
  return toPositive(murmur2(keyBytes)) % numPartitions;
}
