/**
 * The consumer-group assignor contract (DESIGN §3), the simulator's counterpart of Kafka's
 * `ConsumerPartitionAssignor`: the group leader turns every member's subscription into an
 * assignment. https://kafka.apache.org/39/javadoc/org/apache/kafka/clients/consumer/ConsumerPartitionAssignor.html
 */

/** A topic partition, Kafka's `TopicPartition`. */
export interface TopicPartitionRef {
  topic: string;
  partition: number;
}

/** One member's `Subscription` as the group leader receives it in the JoinGroup response. */
export interface AssignorMember {
  /** `member.id` given by the group coordinator. */
  memberId: string;
  /** `group.instance.id` of a static member (KIP-345); absent for a dynamic member. */
  groupInstanceId?: string;
  /** Subscribed topics. */
  topics: string[];
  /** Partitions the member owned before this rebalance (sticky userData / `ownedPartitions`). */
  ownedPartitions?: TopicPartitionRef[];
  /** Generation in which the member owned them (KIP-792 `generationId`); absent if unknown. */
  generation?: number;
}

/** Everything an assignor sees: partition counts from metadata and the members' subscriptions. */
export interface AssignorInput {
  /** Partition count per topic, from the leader's metadata. */
  partitionsPerTopic: Record<string, number>;
  members: AssignorMember[];
}

/** A partition assignment strategy (`partition.assignment.strategy`). */
export interface Assignor {
  /** The protocol name Kafka uses: `range`, `roundrobin`, `sticky`, `cooperative-sticky`. */
  name: string;
  /** Assign partitions; keyed by memberId, every member present (possibly with an empty list). */
  assign(input: AssignorInput): Record<string, TopicPartitionRef[]>;
}
