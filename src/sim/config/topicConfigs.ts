/**
 * Topic-level configs, their defaults and the broker config each falls back to ("synonyms"), as
 * LogConfig.java and ServerTopicConfigSynonyms.java define them in Kafka 3.9.
 * https://kafka.apache.org/39/documentation.html#topicconfigs
 */
import type { BrokerConfig } from './brokerDefaults';

export interface TopicConfigDef {
  /** Broker configs that supply the default, most specific first. */
  synonyms: { name: string; toTopicValue?: (v: string) => string }[];
  /** Kafka's hard default when no broker synonym is set. */
  defaultValue: string;
  type: 'long' | 'int' | 'boolean' | 'string' | 'list' | 'double' | 'class';
  /** Allowed values for string/list configs. */
  validValues?: readonly string[];
  /** Smallest valid numeric value. */
  min?: number;
}

const hoursToMs = (v: string) => String(Number(v) * 3_600_000);
const minutesToMs = (v: string) => String(Number(v) * 60_000);

export const topicConfigDefs: Record<string, TopicConfigDef> = {
  'cleanup.policy': {
    synonyms: [{ name: 'log.cleanup.policy' }],
    defaultValue: 'delete',
    type: 'list',
    validValues: ['compact', 'delete'],
  },
  'compression.type': {
    synonyms: [{ name: 'compression.type' }],
    defaultValue: 'producer',
    type: 'string',
    validValues: ['uncompressed', 'zstd', 'lz4', 'snappy', 'gzip', 'producer'],
  },
  'delete.retention.ms': {
    synonyms: [{ name: 'log.cleaner.delete.retention.ms' }],
    defaultValue: '86400000',
    type: 'long',
    min: 0,
  },
  'file.delete.delay.ms': {
    synonyms: [{ name: 'log.segment.delete.delay.ms' }],
    defaultValue: '60000',
    type: 'long',
    min: 0,
  },
  'flush.messages': {
    synonyms: [{ name: 'log.flush.interval.messages' }],
    defaultValue: '9223372036854775807',
    type: 'long',
    min: 1,
  },
  'flush.ms': {
    synonyms: [{ name: 'log.flush.interval.ms' }],
    defaultValue: '9223372036854775807',
    type: 'long',
    min: 0,
  },
  'max.compaction.lag.ms': {
    synonyms: [{ name: 'log.cleaner.max.compaction.lag.ms' }],
    defaultValue: '9223372036854775807',
    type: 'long',
    min: 1,
  },
  'max.message.bytes': {
    synonyms: [{ name: 'message.max.bytes' }],
    defaultValue: '1048588',
    type: 'int',
    min: 0,
  },
  'message.timestamp.type': {
    synonyms: [{ name: 'log.message.timestamp.type' }],
    defaultValue: 'CreateTime',
    type: 'string',
    validValues: ['CreateTime', 'LogAppendTime'],
  },
  'min.cleanable.dirty.ratio': {
    synonyms: [{ name: 'log.cleaner.min.cleanable.ratio' }],
    defaultValue: '0.5',
    type: 'double',
    min: 0,
  },
  'min.compaction.lag.ms': {
    synonyms: [{ name: 'log.cleaner.min.compaction.lag.ms' }],
    defaultValue: '0',
    type: 'long',
    min: 0,
  },
  'min.insync.replicas': {
    synonyms: [{ name: 'min.insync.replicas' }],
    defaultValue: '1',
    type: 'int',
    min: 1,
  },
  preallocate: { synonyms: [{ name: 'log.preallocate' }], defaultValue: 'false', type: 'boolean' },
  'retention.bytes': {
    synonyms: [{ name: 'log.retention.bytes' }],
    defaultValue: '-1',
    type: 'long',
  },
  'retention.ms': {
    synonyms: [
      { name: 'log.retention.ms' },
      { name: 'log.retention.minutes', toTopicValue: minutesToMs },
      { name: 'log.retention.hours', toTopicValue: hoursToMs },
    ],
    defaultValue: '604800000',
    type: 'long',
    min: -1,
  },
  'segment.bytes': {
    synonyms: [{ name: 'log.segment.bytes' }],
    defaultValue: '1073741824',
    type: 'int',
    min: 14,
  },
  'segment.ms': {
    synonyms: [{ name: 'log.roll.ms' }, { name: 'log.roll.hours', toTopicValue: hoursToMs }],
    defaultValue: '604800000',
    type: 'long',
    min: 1,
  },
  'unclean.leader.election.enable': {
    synonyms: [{ name: 'unclean.leader.election.enable' }],
    defaultValue: 'false',
    type: 'boolean',
  },
};

/** Where an effective value came from, as `kafka-configs --describe --all` labels it. */
export type ConfigSource =
  | 'DYNAMIC_TOPIC_CONFIG'
  | 'DYNAMIC_BROKER_CONFIG'
  | 'DYNAMIC_DEFAULT_BROKER_CONFIG'
  | 'STATIC_BROKER_CONFIG'
  | 'DEFAULT_CONFIG';

export interface EffectiveConfigEntry {
  name: string;
  value: string;
  source: ConfigSource;
}

/**
 * The effective value of every topic config for a topic with `overrides`, falling back to the
 * broker's synonyms and then Kafka's defaults.
 * @param staticBrokerConfig values set in server.properties (not Kafka's built-in defaults).
 */
export function effectiveTopicConfig(
  overrides: Record<string, string>,
  staticBrokerConfig: Record<string, string>,
): EffectiveConfigEntry[] {
  return Object.entries(topicConfigDefs)
    .map(([name, def]) => {
      if (overrides[name] !== undefined)
        return { name, value: overrides[name]!, source: 'DYNAMIC_TOPIC_CONFIG' as const };
      for (const syn of def.synonyms) {
        const v = staticBrokerConfig[syn.name];
        if (v !== undefined)
          return {
            name,
            value: syn.toTopicValue ? syn.toTopicValue(v) : v,
            source: 'STATIC_BROKER_CONFIG' as const,
          };
      }
      return { name, value: def.defaultValue, source: 'DEFAULT_CONFIG' as const };
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** The effective value of one topic config given overrides and the broker's config. */
export function topicConfigValue(
  name: string,
  overrides: Record<string, string>,
  broker: BrokerConfig,
): string {
  const override = overrides[name];
  if (override !== undefined) return override;
  const def = topicConfigDefs[name];
  if (!def) throw new Error(`Unknown topic config name: ${name}`);
  for (const syn of def.synonyms) {
    const v = broker.get(syn.name);
    if (v !== undefined) return syn.toTopicValue ? syn.toTopicValue(v) : v;
  }
  return def.defaultValue;
}

/**
 * Validates a topic config override as the broker does (LogConfig.validate / ConfigDef parse);
 * returns Kafka's error message, or undefined when valid.
 */
export function validateTopicConfig(name: string, value: string): string | undefined {
  const def = topicConfigDefs[name];
  if (!def) return `Unknown topic config name: ${name}`;
  const invalid = (why: string) => `Invalid value ${value} for configuration ${name}: ${why}`;
  switch (def.type) {
    case 'long':
    case 'int':
      if (!/^-?\d+$/.test(value.trim()))
        return invalid(`Not a number of type ${def.type.toUpperCase()}`);
      if (def.min !== undefined && Number(value) < def.min)
        return invalid(`Value must be at least ${def.min}`);
      return undefined;
    case 'double':
      if (!Number.isFinite(Number(value))) return invalid('Not a number of type DOUBLE');
      return undefined;
    case 'boolean':
      if (!/^(true|false)$/i.test(value.trim()))
        return invalid('Expected value to be either true or false');
      return undefined;
    case 'list':
    case 'string': {
      const parts = def.type === 'list' ? value.split(',').map((s) => s.trim()) : [value.trim()];
      const bad = def.validValues && parts.find((p) => !def.validValues!.includes(p));
      if (bad !== undefined)
        return `Invalid value ${value} for configuration ${name}: String must be one of: ${def.validValues!.join(', ')}`;
      return undefined;
    }
    default:
      return undefined;
  }
}
