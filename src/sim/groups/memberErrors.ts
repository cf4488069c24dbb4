/**
 * How the consumer reacts to a group-coordinator error, as AbstractCoordinator's response
 * handlers and joinGroupIfNeeded do (Kafka 3.9):
 * - `immediate`: rejoin at once (UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION, REBALANCE_IN_PROGRESS,
 *   MEMBER_ID_REQUIRED);
 * - `coordinator`: mark the coordinator unknown, rediscover it, then retry;
 * - `fatal`: KafkaConsumer.poll throws (FENCED_INSTANCE_ID, INCONSISTENT_GROUP_PROTOCOL, …);
 * - `backoff`: retry after `retry.backoff.ms`.
 */
import type { KafkaErrorName } from '../protocol/errors';

/** Reaction to an error; see the module comment. */
export type ErrorReaction = 'immediate' | 'coordinator' | 'fatal' | 'backoff';

const reactions: Partial<Record<KafkaErrorName, ErrorReaction>> = {
  UNKNOWN_MEMBER_ID: 'immediate',
  ILLEGAL_GENERATION: 'immediate',
  REBALANCE_IN_PROGRESS: 'immediate',
  MEMBER_ID_REQUIRED: 'immediate',
  NOT_COORDINATOR: 'coordinator',
  COORDINATOR_NOT_AVAILABLE: 'coordinator',
  NETWORK_EXCEPTION: 'coordinator',
  REQUEST_TIMED_OUT: 'coordinator',
  FENCED_INSTANCE_ID: 'fatal',
  INCONSISTENT_GROUP_PROTOCOL: 'fatal',
  INVALID_SESSION_TIMEOUT: 'fatal',
  INVALID_GROUP_ID: 'fatal',
};

/** The reaction to `error` in a JoinGroup/SyncGroup/OffsetCommit response. */
export function reactionTo(error: KafkaErrorName): ErrorReaction {
  return reactions[error] ?? 'backoff';
}
