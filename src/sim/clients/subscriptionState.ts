/**
 * What a consumer consumes and where it is: the subscription (topics, group-managed) or the
 * user's manual assignment, and per assigned partition the fetch position, the high watermark
 * last seen, pause state and pending offset resets.
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/consumer/internals/SubscriptionState.java
 */
import type { TopicPartitionRef } from '../groups/protocol';
import type { OffsetResetStrategy } from './consumerConfig';

/** The state of one assigned partition. */
export interface TopicPartitionState {
  readonly topic: string;
  readonly partition: number;
  /** Offset of the next record to return; null until resolved (committed offset or reset). */
  position: number | null;
  /** Leader epoch of the last returned record (KIP-320), -1 when none. */
  positionEpoch: number;
  /** High watermark from the last fetch response, null before one. */
  highWatermark: number | null;
  logStartOffset: number | null;
  paused: boolean;
  /** A reset to this strategy is due (`auto.offset.reset` or seekToBeginning/End). */
  resetStrategy: 'earliest' | 'latest' | null;
  /** Not fetched before this virtual time (backoff after an error), ms. */
  backoffUntilMs: number;
}

/** Kafka's `SubscriptionType`. */
export type SubscriptionType = 'NONE' | 'AUTO_TOPICS' | 'USER_ASSIGNED';

/** `${topic}-${partition}`, as Kafka prints a TopicPartition. */
export function tpKey(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}

/** Subscription, assignment and positions of one consumer. */
export class SubscriptionState {
  type: SubscriptionType = 'NONE';
  private topics: string[] = [];
  private readonly assigned = new Map<string, TopicPartitionState>();

  constructor(readonly defaultResetStrategy: OffsetResetStrategy) {}

  /** Subscribed topics (empty for a manual assignment). */
  subscription(): string[] {
    return [...this.topics];
  }

  /** `subscribe(topics)`: group-managed; the assignment comes from the group. */
  subscribe(topics: readonly string[]): void {
    if (this.type === 'USER_ASSIGNED') {
      throw new Error('Subscription to topics, partitions and pattern are mutually exclusive');
    }
    this.type = 'AUTO_TOPICS';
    this.topics = [...new Set(topics)].sort();
  }

  /** `assign(partitions)`: manual assignment; positions of partitions kept are kept. */
  assignFromUser(partitions: readonly TopicPartitionRef[]): void {
    if (this.type === 'AUTO_TOPICS') {
      throw new Error('Subscription to topics, partitions and pattern are mutually exclusive');
    }
    this.type = partitions.length > 0 ? 'USER_ASSIGNED' : 'NONE';
    this.setAssignment(partitions);
  }

  /** The group's assignment changed (`assignFromSubscribed`). */
  assignFromSubscribed(partitions: readonly TopicPartitionRef[]): void {
    this.setAssignment(partitions);
  }

  /** `unsubscribe()`: no topics, no partitions. */
  unsubscribe(): void {
    this.type = 'NONE';
    this.topics = [];
    this.assigned.clear();
  }

  /** The state of an assigned partition, undefined when not assigned. */
  state(topic: string, partition: number): TopicPartitionState | undefined {
    return this.assigned.get(tpKey(topic, partition));
  }

  /** Assigned partitions' states, in assignment order. */
  states(): IterableIterator<TopicPartitionState> {
    return this.assigned.values();
  }

  /** Assigned partitions. */
  assignment(): TopicPartitionRef[] {
    return [...this.assigned.values()].map((s) => ({ topic: s.topic, partition: s.partition }));
  }

  /** Topics of the assigned partitions and of the subscription. */
  topicsOfInterest(): string[] {
    const out = new Set(this.topics);
    for (const s of this.assigned.values()) out.add(s.topic);
    return [...out].sort();
  }

  /** Sets the position, cancelling a pending reset (`seek`). */
  seek(state: TopicPartitionState, offset: number, epoch = -1): void {
    state.position = offset;
    state.positionEpoch = epoch;
    state.resetStrategy = null;
  }

  /** Asks for a reset; `strategy` defaults to `auto.offset.reset` (must not be `none`). */
  requestReset(state: TopicPartitionState, strategy: 'earliest' | 'latest'): void {
    state.resetStrategy = strategy;
    state.position = null;
  }

  /** `allConsumed()`: the positions to commit, for partitions with a position. */
  allConsumed(): { topic: string; partition: number; offset: number }[] {
    const out: { topic: string; partition: number; offset: number }[] = [];
    for (const s of this.assigned.values()) {
      if (s.position !== null)
        out.push({ topic: s.topic, partition: s.partition, offset: s.position });
    }
    return out;
  }

  private setAssignment(partitions: readonly TopicPartitionRef[]): void {
    const keep = new Map<string, TopicPartitionState>();
    for (const tp of partitions) {
      const key = tpKey(tp.topic, tp.partition);
      keep.set(
        key,
        this.assigned.get(key) ?? {
          topic: tp.topic,
          partition: tp.partition,
          position: null,
          positionEpoch: -1,
          highWatermark: null,
          logStartOffset: null,
          paused: false,
          resetStrategy: null,
          backoffUntilMs: 0,
        },
      );
    }
    this.assigned.clear();
    for (const [k, v] of keep) this.assigned.set(k, v);
  }
}
