/** Small helpers over lists of topic partitions, ordered as Kafka's `TopicPartition` comparator (topic, then partition). */
import type { TopicPartitionRef } from './protocol';

/** Compares by topic, then partition. */
export function compareTps(a: TopicPartitionRef, b: TopicPartitionRef): number {
  return a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition;
}

/** A sorted copy. */
export function sortTps(tps: readonly TopicPartitionRef[]): TopicPartitionRef[] {
  return tps.map((tp) => ({ topic: tp.topic, partition: tp.partition })).sort(compareTps);
}

/** `a` minus `b`, sorted. */
export function diff(
  a: readonly TopicPartitionRef[],
  b: readonly TopicPartitionRef[],
): TopicPartitionRef[] {
  const drop = new Set(b.map((tp) => `${tp.topic}:${tp.partition}`));
  return sortTps(a.filter((tp) => !drop.has(`${tp.topic}:${tp.partition}`)));
}

/** True when both lists name the same topics, whatever their order. */
export function sameTopics(a: readonly string[], b: readonly string[]): boolean {
  const x = [...new Set(a)].sort();
  const y = [...new Set(b)].sort();
  return x.length === y.length && x.every((t, i) => t === y[i]);
}
