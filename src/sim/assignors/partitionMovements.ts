import { javaBucket, javaHashMapCapacity, javaTopicPartitionHash } from './javaHash';
import type { TopicPartitionRef } from './types';

/**
 * A `HashSet<TopicPartition>` reduced to what the sticky assignor uses, including which element
 * `iterator().next()` returns: the one in the lowest bucket, earliest inserted within a bucket.
 */
class TopicPartitionHashSet {
  private readonly entries = new Map<TopicPartitionRef, number>();
  private sequence = 0;
  private maxSize = 0;

  get size(): number {
    return this.entries.size;
  }

  add(tp: TopicPartitionRef): void {
    if (this.entries.has(tp)) return;
    this.entries.set(tp, this.sequence++);
    this.maxSize = Math.max(this.maxSize, this.entries.size);
  }

  delete(tp: TopicPartitionRef): void {
    this.entries.delete(tp);
  }

  /** What Java's `iterator().next()` returns. */
  first(): TopicPartitionRef {
    const capacity = javaHashMapCapacity(this.maxSize);
    let best: { tp: TopicPartitionRef; bucket: number; seq: number } | undefined;
    for (const [tp, seq] of this.entries) {
      const bucket = javaBucket(javaTopicPartitionHash(tp.topic, tp.partition), capacity);
      if (
        best === undefined ||
        bucket < best.bucket ||
        (bucket === best.bucket && seq < best.seq)
      ) {
        best = { tp, bucket, seq };
      }
    }
    if (best === undefined) throw new Error('NoSuchElementException: empty set');
    return best.tp;
  }
}

/** A move of partitions from `src` to `dst` (Kafka's `ConsumerPair`). */
interface ConsumerPair {
  src: string;
  dst: string;
}

const pairKey = (src: string, dst: string): string => JSON.stringify([src, dst]);

/**
 * Kafka's `AbstractStickyAssignor.PartitionMovements`: the partition moves made while balancing,
 * per topic and per (source, destination) member pair. It lets a move undo an earlier opposite
 * move of the same topic instead of swapping partitions between two members, and checks
 * stickiness afterwards.
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignor.java
 */
export class PartitionMovements {
  private readonly byTopic = new Map<
    string,
    Map<string, { pair: ConsumerPair; partitions: TopicPartitionHashSet }>
  >();
  private readonly movements = new Map<TopicPartitionRef, ConsumerPair>();

  private removeMovementRecordOfPartition(tp: TopicPartitionRef): ConsumerPair {
    const pair = this.movements.get(tp)!;
    this.movements.delete(tp);
    const forTopic = this.byTopic.get(tp.topic)!;
    const key = pairKey(pair.src, pair.dst);
    const entry = forTopic.get(key)!;
    entry.partitions.delete(tp);
    if (entry.partitions.size === 0) forTopic.delete(key);
    if (forTopic.size === 0) this.byTopic.delete(tp.topic);
    return pair;
  }

  private addPartitionMovementRecord(tp: TopicPartitionRef, pair: ConsumerPair): void {
    this.movements.set(tp, pair);
    let forTopic = this.byTopic.get(tp.topic);
    if (forTopic === undefined) {
      forTopic = new Map();
      this.byTopic.set(tp.topic, forTopic);
    }
    const key = pairKey(pair.src, pair.dst);
    let entry = forTopic.get(key);
    if (entry === undefined) {
      entry = { pair, partitions: new TopicPartitionHashSet() };
      forTopic.set(key, entry);
    }
    entry.partitions.add(tp);
  }

  /** Record that `tp` moves from `oldConsumer` to `newConsumer`. */
  movePartition(tp: TopicPartitionRef, oldConsumer: string, newConsumer: string): void {
    if (this.movements.has(tp)) {
      const existing = this.removeMovementRecordOfPartition(tp);
      if (existing.src !== newConsumer) {
        this.addPartitionMovementRecord(tp, { src: existing.src, dst: newConsumer });
      }
    } else {
      this.addPartitionMovementRecord(tp, { src: oldConsumer, dst: newConsumer });
    }
  }

  /**
   * The partition to move when `tp` should go from `oldConsumer` to `newConsumer`: if a partition
   * of the same topic already moved the opposite way, move that one back instead.
   */
  getTheActualPartitionToBeMoved(
    tp: TopicPartitionRef,
    oldConsumer: string,
    newConsumer: string,
  ): TopicPartitionRef {
    const forTopic = this.byTopic.get(tp.topic);
    if (forTopic === undefined) return tp;
    const previous = this.movements.get(tp);
    const origin = previous !== undefined ? previous.src : oldConsumer;
    const reverse = forTopic.get(pairKey(newConsumer, origin));
    if (reverse === undefined) return tp;
    return reverse.partitions.first();
  }

  /**
   * Kafka's `isSticky()`: false if, for some topic, partitions moved both from A to B and from B to
   * A (the cycles of length two Kafka's `hasCycles` reports; longer cycles are only logged there).
   */
  isSticky(): boolean {
    for (const forTopic of this.byTopic.values()) {
      for (const { pair } of forTopic.values()) {
        if (forTopic.has(pairKey(pair.dst, pair.src))) return false;
      }
    }
    return true;
  }
}
