/**
 * `org.apache.kafka.common.TopicPartition` as ConsumerGroupCommand handles it: `toString()` is
 * `topic-partition`, and the many `HashMap<TopicPartition, …>` / `HashSet<TopicPartition>` the tool
 * builds iterate in Java's hash order, which decides the order of the printed rows.
 */
import { JavaHashMapOrder, javaStringHash } from '../../../options/javaHash';
import type { TopicPartitionRef } from '../../../../sim/index';

/** `TopicPartition.toString()`: `orders-0`. */
export function tpString(tp: TopicPartitionRef): string {
  return `${tp.topic}-${tp.partition}`;
}

/** `TopicPartition.hashCode()`: `31 * (31 + partition) + topic.hashCode()`. */
export function tpHash(tp: TopicPartitionRef): number {
  return (Math.imul(31, 31 + tp.partition) + javaStringHash(tp.topic)) | 0;
}

/** A key usable in JS maps for a topic partition. */
export function tpKey(tp: TopicPartitionRef): string {
  return `${tp.partition}\u0000${tp.topic}`;
}

function distinct<T extends TopicPartitionRef>(items: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const tp of items) if (!seen.has(tpKey(tp))) seen.set(tpKey(tp), tp);
  return [...seen.values()];
}

/** Keys of `new HashMap<>()` after putting `items` in this order (Collectors.toMap, put loops). */
export function hashMapOrder<T extends TopicPartitionRef>(items: readonly T[]): T[] {
  const byKey = new Map<number, T>();
  const order = new JavaHashMapOrder<number>((i) => tpHash(byKey.get(i)!));
  distinct(items).forEach((tp, i) => {
    byKey.set(i, tp);
    order.put(i);
  });
  return order.keys().map((i) => byKey.get(i)!);
}

/** Iteration order of `new HashSet<>(collection)` over `items`. */
export function hashSetOrder<T extends TopicPartitionRef>(items: readonly T[]): T[] {
  const unique = distinct(items);
  return JavaHashMapOrder.ofCollection(
    (i: number) => tpHash(unique[i]!),
    unique.map((_, i) => i),
  )
    .keys()
    .map((i) => unique[i]!);
}

/** Iteration order of a `HashMap<String, …>` / `HashSet<String>` filled with `keys` in order. */
export function stringHashMapOrder(keys: readonly string[]): string[] {
  const order = new JavaHashMapOrder<string>(javaStringHash);
  for (const k of keys) order.put(k);
  return order.keys();
}
