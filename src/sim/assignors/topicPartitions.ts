import type { TopicPartitionRef } from './types';

/**
 * Canonical `TopicPartition` objects for one assignment run, so that partitions compare by
 * identity — `Set`, `Map` and `indexOf` then behave like Java's `equals`-based collections.
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/common/TopicPartition.java
 */
export class TopicPartitionPool {
  private readonly byTopic = new Map<string, Map<number, TopicPartitionRef>>();

  /** The one object standing for `topic`-`partition` in this pool. */
  get(topic: string, partition: number): TopicPartitionRef {
    let partitions = this.byTopic.get(topic);
    if (partitions === undefined) {
      partitions = new Map();
      this.byTopic.set(topic, partitions);
    }
    let tp = partitions.get(partition);
    if (tp === undefined) {
      tp = { topic, partition };
      partitions.set(partition, tp);
    }
    return tp;
  }

  /** The canonical object for `tp`. */
  of(tp: TopicPartitionRef): TopicPartitionRef {
    return this.get(tp.topic, tp.partition);
  }
}

/** Partitions `topic`-0 … `topic`-(count-1), as `AbstractPartitionAssignor.partitions` lists them. */
export function topicPartitions(
  pool: TopicPartitionPool,
  topic: string,
  count: number,
): TopicPartitionRef[] {
  return Array.from({ length: count }, (_, i) => pool.get(topic, i));
}

/** `TopicPartition.toString()`: `topic-partition`. */
export function formatTopicPartition(tp: TopicPartitionRef): string {
  return `${tp.topic}-${tp.partition}`;
}
