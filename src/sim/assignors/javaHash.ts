/**
 * Iteration order of `java.util.HashMap` / `HashSet`, which several of Kafka's assignors depend on
 * (which member keeps its quota first, which partition a sticky move picks). Java iterates buckets
 * in index order — bucket = `(h ^ (h >>> 16)) & (capacity - 1)` — and, within a bucket, entries in
 * insertion order; the table starts at 16 buckets and doubles past a 0.75 load factor. Tree bins
 * (8+ collisions in one bucket) are not modelled.
 * https://github.com/openjdk/jdk17u/blob/master/src/java.base/share/classes/java/util/HashMap.java
 */

/** Java's `String.hashCode()` over UTF-16 code units, as a signed 32-bit integer. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** Kafka's `TopicPartition.hashCode()`: `31 * (31 + partition) + topic.hashCode()`. */
export function javaTopicPartitionHash(topic: string, partition: number): number {
  return (Math.imul(31, (31 + partition) | 0) + javaStringHash(topic)) | 0;
}

/** Number of buckets of a default `HashMap` that has held `maxSize` entries. */
export function javaHashMapCapacity(maxSize: number): number {
  let capacity = 16;
  while (maxSize > capacity * 0.75) capacity *= 2;
  return capacity;
}

/** The bucket a key of hash `hash` falls in, in a table of `capacity` buckets. */
export function javaBucket(hash: number, capacity: number): number {
  return (hash ^ (hash >>> 16)) & (capacity - 1);
}

/**
 * The order a default `java.util.HashMap` iterates keys that were put in the order given.
 *
 * @param items keys, in insertion order
 * @param hashOf the key's Java `hashCode()`
 * @returns a new array in Java's iteration order
 */
export function javaHashOrder<T>(items: readonly T[], hashOf: (item: T) => number): T[] {
  const capacity = javaHashMapCapacity(items.length);
  return items
    .map((item, index) => ({ item, index, bucket: javaBucket(hashOf(item), capacity) }))
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map((entry) => entry.item);
}

/** Java's `String.compareTo`: lexicographic over UTF-16 code units. */
export function compareJavaStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
