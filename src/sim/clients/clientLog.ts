/**
 * The client log lines a learner sees on stderr (the Java clients' WARN/ERROR lines), emitted as
 * `client.warning` events: `{ clientId, level, logger, message }`, where `message` is the exact
 * text log4j prints after the level, logger name included, e.g.
 * `[Producer clientId=console-producer] Error while fetching metadata with correlation id 1 :
 * {t=LEADER_NOT_AVAILABLE} (org.apache.kafka.clients.NetworkClient)`.
 */
import type { KafkaErrorName } from '../protocol/errors';
import { kafkaErrors } from '../protocol/errors';
import type { NetworkClient } from './networkClient';

/** Emits one WARN line of `logger` with the client's log prefix. */
export function logWarn(net: NetworkClient, logger: string, text: string): void {
  const transport = net.transport;
  transport.emit('client.warning', {
    clientId: transport.clientId,
    level: 'WARN',
    logger,
    message: `${net.logPrefix}${text} (${logger})`,
  });
}

/** Java exception classes of the errors a client reports (`Errors.exception()`). */
const exceptionClasses: Partial<Record<KafkaErrorName, string>> = {
  OFFSET_OUT_OF_RANGE: 'OffsetOutOfRangeException',
  UNKNOWN_TOPIC_OR_PARTITION: 'UnknownTopicOrPartitionException',
  LEADER_NOT_AVAILABLE: 'LeaderNotAvailableException',
  NOT_LEADER_OR_FOLLOWER: 'NotLeaderOrFollowerException',
  REQUEST_TIMED_OUT: 'TimeoutException',
  MESSAGE_TOO_LARGE: 'RecordTooLargeException',
  NETWORK_EXCEPTION: 'NetworkException',
  COORDINATOR_LOAD_IN_PROGRESS: 'CoordinatorLoadInProgressException',
  COORDINATOR_NOT_AVAILABLE: 'CoordinatorNotAvailableException',
  NOT_COORDINATOR: 'NotCoordinatorException',
  INVALID_TOPIC_EXCEPTION: 'InvalidTopicException',
  NOT_ENOUGH_REPLICAS: 'NotEnoughReplicasException',
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: 'NotEnoughReplicasAfterAppendException',
  OUT_OF_ORDER_SEQUENCE_NUMBER: 'OutOfOrderSequenceException',
  DUPLICATE_SEQUENCE_NUMBER: 'DuplicateSequenceException',
  INVALID_PRODUCER_EPOCH: 'InvalidProducerEpochException',
  KAFKA_STORAGE_ERROR: 'KafkaStorageException',
  FENCED_LEADER_EPOCH: 'FencedLeaderEpochException',
  UNKNOWN_LEADER_EPOCH: 'UnknownLeaderEpochException',
  UNKNOWN_TOPIC_ID: 'UnknownTopicIdException',
};

/** `Errors.exception().toString()`: `org.apache.kafka.common.errors.NotLeaderOrFollowerException: …`. */
export function exceptionString(error: KafkaErrorName, message?: string): string {
  // InvalidRecordException lives in org.apache.kafka.common, not in its errors package.
  if (error === 'INVALID_RECORD')
    return `org.apache.kafka.common.InvalidRecordException: ${message ?? kafkaErrors[error].message}`;
  const cls = exceptionClasses[error] ?? 'ApiException';
  return `org.apache.kafka.common.errors.${cls}: ${message ?? kafkaErrors[error].message}`;
}

/**
 * Errors after which the client refreshes its metadata: Kafka's `InvalidMetadataException`
 * subclasses (NetworkException is one: a lost connection may mean a moved leader).
 */
export const INVALID_METADATA_ERRORS: ReadonlySet<KafkaErrorName> = new Set([
  'UNKNOWN_TOPIC_OR_PARTITION',
  'LEADER_NOT_AVAILABLE',
  'NOT_LEADER_OR_FOLLOWER',
  'NETWORK_EXCEPTION',
  'KAFKA_STORAGE_ERROR',
  'FENCED_LEADER_EPOCH',
  'UNKNOWN_LEADER_EPOCH',
  'UNKNOWN_TOPIC_ID',
]);
