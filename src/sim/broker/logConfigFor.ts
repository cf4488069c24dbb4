/**
 * The effective `LogConfig` of a partition: topic overrides over the broker's synonyms over Kafka's
 * defaults (LogConfig.java / ServerTopicConfigSynonyms.java).
 */
import type { BrokerConfig } from '../config/brokerDefaults';
import { topicConfigValue } from '../config/topicConfigs';
import type { LogConfig } from '../log/logConfig';

export function logConfigFor(overrides: Record<string, string>, broker: BrokerConfig): LogConfig {
  const v = (name: string) => topicConfigValue(name, overrides, broker);
  return {
    segmentBytes: Number(v('segment.bytes')),
    segmentMs: Number(v('segment.ms')),
    retentionMs: Number(v('retention.ms')),
    retentionBytes: Number(v('retention.bytes')),
    cleanupPolicy: v('cleanup.policy')
      .split(',')
      .map((s) => s.trim())
      .filter((s): s is 'delete' | 'compact' => s === 'delete' || s === 'compact'),
    deleteRetentionMs: Number(v('delete.retention.ms')),
    minCompactionLagMs: Number(v('min.compaction.lag.ms')),
    minCleanableDirtyRatio: Number(v('min.cleanable.dirty.ratio')),
    maxMessageBytes: Number(v('max.message.bytes')),
    messageTimestampType: v('message.timestamp.type') as 'CreateTime' | 'LogAppendTime',
  };
}
