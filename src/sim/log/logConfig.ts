/**
 * Topic-level log configuration of one partition's log, with Kafka 3.9's defaults.
 * Source: storage/src/main/java/org/apache/kafka/storage/internals/log/LogConfig.java and
 * https://kafka.apache.org/documentation/#topicconfigs
 */

/** `cleanup.policy` values: delete old segments, compact by key, or both. */
export type CleanupPolicy = 'delete' | 'compact';

/** `message.timestamp.type`: keep the producer's timestamp, or stamp the broker's clock. */
export type MessageTimestampType = 'CreateTime' | 'LogAppendTime';

/** The log settings a {@link PartitionLog} obeys; every duration in ms, every size in bytes. */
export interface LogConfig {
  /** `segment.bytes`: the active segment rolls before it would grow past this (bytes). */
  readonly segmentBytes: number;
  /** `segment.ms`: the active segment rolls once its records span this long (ms). */
  readonly segmentMs: number;
  /** `retention.ms`: delete segments whose newest record is older than this (ms); -1 = forever. */
  readonly retentionMs: number;
  /** `retention.bytes`: delete the oldest segments while the log is bigger than this; -1 = no limit. */
  readonly retentionBytes: number;
  /** `cleanup.policy`: `delete` (retention), `compact` (keep the last value per key), or both. */
  readonly cleanupPolicy: readonly CleanupPolicy[];
  /** `delete.retention.ms`: how long the cleaner keeps a tombstone after first cleaning it (ms). */
  readonly deleteRetentionMs: number;
  /** `min.compaction.lag.ms`: a record stays uncompacted at least this long (ms). */
  readonly minCompactionLagMs: number;
  /** `min.cleanable.dirty.ratio`: the cleaner runs once dirty bytes / total bytes exceed this. */
  readonly minCleanableDirtyRatio: number;
  /** `max.message.bytes`: the largest record batch the leader accepts (bytes). */
  readonly maxMessageBytes: number;
  /** `message.timestamp.type`: `CreateTime` or `LogAppendTime`. */
  readonly messageTimestampType: MessageTimestampType;
}

/** Kafka 3.9's topic defaults (`LogConfig.DEFAULT_*`, `ServerLogConfigs`). */
export const defaultLogConfig: LogConfig = Object.freeze({
  segmentBytes: 1073741824,
  segmentMs: 604800000,
  retentionMs: 604800000,
  retentionBytes: -1,
  cleanupPolicy: Object.freeze(['delete'] as CleanupPolicy[]),
  deleteRetentionMs: 86400000,
  minCompactionLagMs: 0,
  minCleanableDirtyRatio: 0.5,
  maxMessageBytes: 1048588,
  messageTimestampType: 'CreateTime',
});
