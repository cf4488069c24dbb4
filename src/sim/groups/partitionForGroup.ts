/**
 * Which __consumer_offsets partition holds a group — and so which broker coordinates it (the
 * partition's leader). GroupMetadataManager.partitionFor:
 * `Utils.abs(groupId.hashCode) % groupMetadataTopicPartitionCount`.
 */

/** Java's `String.hashCode()`: `s[0]*31^(n-1) + … + s[n-1]` over UTF-16 code units, as a signed int32. */
export function javaStringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** Kafka's `Utils.abs`: like Math.abs, except that `abs(Integer.MIN_VALUE)` is 0, not negative. */
export function kafkaAbs(n: number): number {
  return n === -2147483648 ? 0 : Math.abs(n);
}

/**
 * The __consumer_offsets partition of `groupId`.
 * @param partitions `offsets.topic.num.partitions` (default 50).
 */
export function partitionForGroup(groupId: string, partitions = 50): number {
  return kafkaAbs(javaStringHashCode(groupId)) % partitions;
}
