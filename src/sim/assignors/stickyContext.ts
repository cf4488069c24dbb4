import type { TopicPartitionPool } from './topicPartitions';
import type { AssignorMember, TopicPartitionRef } from './types';

/**
 * Kafka's `AbstractStickyAssignor.DEFAULT_GENERATION`: the generation of a member that has none.
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignor.java
 */
export const DEFAULT_GENERATION = -1;

/**
 * Kafka's `AbstractStickyAssignor.MemberData`: what a member reports it owned, and in which
 * generation (absent when the member's protocol version carries none).
 */
export interface MemberData {
  partitions: TopicPartitionRef[];
  generation?: number;
}

/** What both sticky assignment builders read: one run's input, prepared as Kafka prepares it. */
export interface StickyContext {
  pool: TopicPartitionPool;
  /** Subscribed topics with their partition counts. */
  partitionsPerTopic: Map<string, number>;
  /** Members by id. */
  subscriptions: Map<string, AssignorMember>;
  /** Member ids in the order Java iterates the `subscriptions` HashMap. */
  memberOrder: string[];
  /** Each member's {@link MemberData}, with canonical partitions. */
  memberData: Map<string, MemberData>;
  /** Highest generation any member reported ({@link DEFAULT_GENERATION} if none). */
  maxGeneration: number;
}
