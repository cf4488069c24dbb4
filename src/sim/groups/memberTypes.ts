/**
 * Configuration and injected context of a {@link GroupMember}: the consumer configs of
 * ConsumerConfig that govern group membership, and what the member needs from its consumer
 * (ConsumerRebalanceListener callbacks, subscription, metadata) and from the simulation.
 * https://kafka.apache.org/39/documentation.html#consumerconfigs
 */
import type { Assignor } from '../assignors/types';
import type { KafkaErrorName } from '../protocol/errors';
import type { GroupRequest, ResponseFor, TopicPartitionRef } from './protocol';

/** Consumer configs of group membership (Kafka 3.9 defaults in brackets). */
export interface GroupMemberConfig {
  groupId: string;
  clientId: string;
  /** `group.instance.id`: makes the member static (KIP-345). */
  groupInstanceId?: string;
  /** `session.timeout.ms` [45000]. */
  sessionTimeoutMs: number;
  /** `heartbeat.interval.ms` [3000]. */
  heartbeatIntervalMs: number;
  /** `max.poll.interval.ms` [300000]; also sent as the rebalance timeout. */
  maxPollIntervalMs: number;
  /** `partition.assignment.strategy`, in preference order. */
  assignors: Assignor[];
  /** `retry.backoff.ms` [100]. */
  retryBackoffMs?: number;
}

/** What a member needs from its consumer and the simulation. */
export interface GroupMemberContext {
  /** Sends to the current coordinator; network failures come back as error responses (see `errorResponse`). */
  send<R extends GroupRequest>(request: R, onResponse: (response: ResponseFor<R>) => void): void;
  /** Virtual ms. */
  now(): number;
  schedule(delayMs: number, fn: () => void): number;
  cancel(id: number): void;
  emit(type: string, fields: Record<string, unknown>): void;
  /** ConsumerRebalanceListener callbacks. */
  onPartitionsAssigned(partitions: TopicPartitionRef[]): void;
  onPartitionsRevoked(partitions: TopicPartitionRef[]): void;
  onPartitionsLost(partitions: TopicPartitionRef[]): void;
  /** Currently subscribed topics. */
  getSubscription(): string[];
  /** Partition counts from the consumer's metadata. */
  partitionsPerTopic(): Record<string, number>;
  /** The coordinator is unknown: rediscover it (FindCoordinator), then call `coordinatorChanged()`. */
  onCoordinatorUnknown?(reason: string): void;
  /** A fatal error (e.g. FENCED_INSTANCE_ID): the consumer must be closed, as KafkaConsumer.poll throws. */
  onFatalError?(error: KafkaErrorName): void;
}

/** AbstractCoordinator.MemberState. */
export type MemberState = 'UNJOINED' | 'PREPARING_REBALANCE' | 'COMPLETING_REBALANCE' | 'STABLE';
