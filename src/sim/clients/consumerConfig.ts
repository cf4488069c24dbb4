/**
 * Consumer configs the simulated consumer honours, parsed from Kafka property names with Kafka 3.9
 * defaults and validation.
 * https://kafka.apache.org/39/documentation.html#consumerconfigs
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/consumer/ConsumerConfig.java
 */
import type { AssignorName } from '../assignors';
import { ConfigException, ConfigReader } from './configReader';

/** `auto.offset.reset`. */
export type OffsetResetStrategy = 'earliest' | 'latest' | 'none';

/** A consumer's effective configuration. */
export interface ConsumerConfig {
  /** `group.id` (default none: no group management, no commits). */
  groupId: string | null;
  /** `group.instance.id` (KIP-345 static membership). */
  groupInstanceId: string | null;
  /** `auto.offset.reset` (default latest). */
  autoOffsetReset: OffsetResetStrategy;
  /** `enable.auto.commit` (default true with a group.id, false without). */
  enableAutoCommit: boolean;
  /** `auto.commit.interval.ms` (default 5000), ms. */
  autoCommitIntervalMs: number;
  /** `fetch.min.bytes` (default 1). */
  fetchMinBytes: number;
  /** `fetch.max.wait.ms` (default 500): the broker's long-poll budget, ms. */
  fetchMaxWaitMs: number;
  /** `max.partition.fetch.bytes` (default 1048576). */
  maxPartitionFetchBytes: number;
  /** `fetch.max.bytes` (default 52428800). */
  fetchMaxBytes: number;
  /** `max.poll.records` (default 500). */
  maxPollRecords: number;
  /** `partition.assignment.strategy` as protocol names (default [range, cooperative-sticky]). */
  partitionAssignmentStrategy: AssignorName[];
  /** `isolation.level` (default read_uncommitted). */
  isolationLevel: 'read_uncommitted' | 'read_committed';
  /** `session.timeout.ms` (default 45000), ms. */
  sessionTimeoutMs: number;
  /** `heartbeat.interval.ms` (default 3000), ms. */
  heartbeatIntervalMs: number;
  /** `max.poll.interval.ms` (default 300000), ms. */
  maxPollIntervalMs: number;
  /** `request.timeout.ms` (default 30000), ms. */
  requestTimeoutMs: number;
  /** `default.api.timeout.ms` (default 60000): bound of commitSync retries, ms. */
  defaultApiTimeoutMs: number;
  /** `retry.backoff.ms` (default 100), ms. */
  retryBackoffMs: number;
  /** `retry.backoff.max.ms` (default 1000), ms. */
  retryBackoffMaxMs: number;
  /** `metadata.max.age.ms` (default 300000), ms. */
  metadataMaxAgeMs: number;
  /** `allow.auto.create.topics` (default true; the broker decides). */
  allowAutoCreateTopics: boolean;
}

const ASSIGNOR_CLASSES: Record<string, AssignorName> = {
  'org.apache.kafka.clients.consumer.RangeAssignor': 'range',
  'org.apache.kafka.clients.consumer.RoundRobinAssignor': 'roundrobin',
  'org.apache.kafka.clients.consumer.StickyAssignor': 'sticky',
  'org.apache.kafka.clients.consumer.CooperativeStickyAssignor': 'cooperative-sticky',
  RangeAssignor: 'range',
  RoundRobinAssignor: 'roundrobin',
  StickyAssignor: 'sticky',
  CooperativeStickyAssignor: 'cooperative-sticky',
  range: 'range',
  roundrobin: 'roundrobin',
  sticky: 'sticky',
  'cooperative-sticky': 'cooperative-sticky',
};

/**
 * Reads consumer properties.
 * @throws ConfigException with Kafka's message for invalid values
 */
export function parseConsumerConfig(props: Readonly<Record<string, string>>): ConsumerConfig {
  const c = new ConfigReader(props);
  const groupIdRaw = c.has('group.id') ? props['group.id']! : null;
  const groupId = groupIdRaw === null || groupIdRaw === '' ? null : groupIdRaw;
  const strategies = c.list('partition.assignment.strategy', [
    'org.apache.kafka.clients.consumer.RangeAssignor',
    'org.apache.kafka.clients.consumer.CooperativeStickyAssignor',
  ]);
  const partitionAssignmentStrategy = strategies.map((s) => {
    const name = ASSIGNOR_CLASSES[s];
    if (name === undefined) {
      throw new ConfigException(
        `Invalid value ${s} for configuration partition.assignment.strategy: Class ${s} cannot be found`,
      );
    }
    return name;
  });
  if (groupId === null && c.bool('enable.auto.commit', false)) {
    throw new ConfigException(
      'enable.auto.commit cannot be set to true when default group id (null) is used.',
    );
  }
  const groupInstanceId = c.has('group.instance.id') ? props['group.instance.id']!.trim() : '';
  return {
    groupId,
    groupInstanceId: groupInstanceId === '' ? null : groupInstanceId,
    autoOffsetReset: c.oneOf('auto.offset.reset', 'latest', ['earliest', 'latest', 'none']),
    enableAutoCommit: c.bool('enable.auto.commit', groupId !== null),
    autoCommitIntervalMs: c.int('auto.commit.interval.ms', 5000, 0),
    fetchMinBytes: c.int('fetch.min.bytes', 1, 0),
    fetchMaxWaitMs: c.int('fetch.max.wait.ms', 500, 0),
    maxPartitionFetchBytes: c.int('max.partition.fetch.bytes', 1048576, 0),
    fetchMaxBytes: c.int('fetch.max.bytes', 52428800, 0),
    maxPollRecords: c.int('max.poll.records', 500, 1),
    partitionAssignmentStrategy,
    isolationLevel: c.oneOf('isolation.level', 'read_uncommitted', [
      'read_uncommitted',
      'read_committed',
    ]),
    sessionTimeoutMs: c.int('session.timeout.ms', 45000),
    heartbeatIntervalMs: c.int('heartbeat.interval.ms', 3000),
    maxPollIntervalMs: c.int('max.poll.interval.ms', 300000, 1),
    requestTimeoutMs: c.int('request.timeout.ms', 30000, 0),
    defaultApiTimeoutMs: c.int('default.api.timeout.ms', 60000, 0),
    retryBackoffMs: c.int('retry.backoff.ms', 100, 0, 'LONG'),
    retryBackoffMaxMs: c.int('retry.backoff.max.ms', 1000, 0, 'LONG'),
    metadataMaxAgeMs: c.int('metadata.max.age.ms', 300000, 0, 'LONG'),
    allowAutoCreateTopics: c.bool('allow.auto.create.topics', true),
  };
}
