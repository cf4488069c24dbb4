/**
 * DescribeConfigs entries as a broker builds them: each config's value, source and synonyms
 * (KIP-226), for topics (`ConfigHelper.createTopicConfigEntry`) and brokers
 * (`ConfigHelper.createBrokerConfigEntry`, `DynamicBrokerConfig.brokerConfigSynonyms`).
 * Synonyms are listed by source — per-broker dynamic, cluster-default dynamic, static
 * (server.properties), Kafka's default — and, within a source, in synonym order.
 */
import { brokerDefaults } from '../../../../sim/config/brokerDefaults';
import { topicConfigDefs } from '../../../../sim/config/topicConfigs';

/** `ConfigEntry.ConfigSource` names. */
export type ConfigSource =
  | 'DYNAMIC_TOPIC_CONFIG'
  | 'DYNAMIC_BROKER_CONFIG'
  | 'DYNAMIC_DEFAULT_BROKER_CONFIG'
  | 'STATIC_BROKER_CONFIG'
  | 'DEFAULT_CONFIG';

export interface ConfigSynonym {
  name: string;
  value: string | null;
  source: ConfigSource;
}

export interface ConfigEntry {
  name: string;
  value: string | null;
  source: ConfigSource;
  sensitive: boolean;
  synonyms: ConfigSynonym[];
}

/** The layers a broker resolves a config from. */
export interface BrokerConfigLayers {
  /** Dynamic configs of this broker (`/config/brokers/<id>`, ConfigResource broker `<id>`). */
  perBroker: Record<string, string>;
  /** Cluster-wide dynamic defaults (`--entity-default`). */
  clusterDefault: Record<string, string>;
  /** server.properties as given to the broker. */
  staticConfig: Record<string, string>;
}

/**
 * Kafka's built-in defaults (`KafkaConfig` ConfigDef defaults) that the simulation knows: the
 * engine's table plus defaults of the broker synonyms of topic configs it does not model.
 */
const defaults: Record<string, string> = {
  ...brokerDefaults,
  'log.segment.delete.delay.ms': '60000',
  'log.flush.interval.messages': '9223372036854775807',
  'log.flush.scheduler.interval.ms': '9223372036854775807',
  'log.cleaner.max.compaction.lag.ms': '9223372036854775807',
  'log.preallocate': 'false',
  'log.cleaner.threads': '1',
  'num.io.threads': '8',
  'num.network.threads': '3',
  'num.replica.fetchers': '1',
  'background.threads': '10',
};

/** `DynamicBrokerConfig.brokerConfigSynonyms`: the names that may supply `name`'s value. */
export function brokerConfigSynonyms(name: string): string[] {
  for (const group of [
    ['log.retention.ms', 'log.retention.minutes', 'log.retention.hours'],
    ['log.roll.ms', 'log.roll.hours'],
    ['log.roll.jitter.ms', 'log.roll.jitter.hours'],
    ['log.flush.interval.ms', 'log.flush.scheduler.interval.ms'],
  ])
    if (group.includes(name)) return group;
  return [name];
}

/** `ConfigHelper.configSynonyms` without the final `dropWhile` (all sources, in order). */
function synonymsOf(names: string[], layers: BrokerConfigLayers): ConfigSynonym[] {
  const out: ConfigSynonym[] = [];
  const add = (map: Record<string, string>, source: ConfigSource) => {
    for (const n of names) if (map[n] !== undefined) out.push({ name: n, value: map[n]!, source });
  };
  add(layers.perBroker, 'DYNAMIC_BROKER_CONFIG');
  add(layers.clusterDefault, 'DYNAMIC_DEFAULT_BROKER_CONFIG');
  add(layers.staticConfig, 'STATIC_BROKER_CONFIG');
  add(defaults, 'DEFAULT_CONFIG');
  return out;
}

/** Every topic config of a topic with `overrides`, sorted by name. */
export function topicConfigEntries(
  overrides: Record<string, string>,
  layers: BrokerConfigLayers,
): ConfigEntry[] {
  return Object.keys(topicConfigDefs)
    .sort()
    .map((name) => {
      const def = topicConfigDefs[name]!;
      const names = [...new Set(def.synonyms.flatMap((s) => brokerConfigSynonyms(s.name)))];
      const brokerSynonyms = synonymsOf(names, layers);
      const synonyms: ConfigSynonym[] =
        overrides[name] !== undefined
          ? [{ name, value: overrides[name]!, source: 'DYNAMIC_TOPIC_CONFIG' }, ...brokerSynonyms]
          : brokerSynonyms;
      const first = synonyms[0];
      let value = def.defaultValue;
      if (first) {
        const syn = def.synonyms.find((s) => s.name === first.name);
        value = syn?.toTopicValue ? syn.toTopicValue(first.value!) : first.value!;
        if (first.name === 'log.retention.minutes') value = String(Number(first.value) * 60_000);
      }
      return {
        name,
        value,
        source: first?.source ?? 'DEFAULT_CONFIG',
        sensitive: false,
        synonyms,
      };
    });
}

/** The broker configs of a broker (or the cluster default when `perBroker` is empty), by name. */
export function brokerConfigEntries(layers: BrokerConfigLayers): ConfigEntry[] {
  const names = new Set([
    ...Object.keys(defaults),
    ...Object.keys(layers.staticConfig),
    ...Object.keys(layers.clusterDefault),
    ...Object.keys(layers.perBroker),
  ]);
  return [...names].sort().map((name) => {
    const all = synonymsOf(brokerConfigSynonyms(name), layers);
    const start = all.findIndex((s) => s.name === name);
    const synonyms = start < 0 ? [] : all.slice(start);
    const own = synonyms[0];
    return {
      name,
      value: own ? own.value : null,
      source: own?.source ?? 'DEFAULT_CONFIG',
      sensitive: false,
      synonyms,
    };
  });
}

/** One `--describe` line: `  name=value sensitive=false synonyms={SOURCE:name=value, ...}`. */
export function describeLine(e: ConfigEntry): string {
  const synonyms = e.synonyms.map((s) => `${s.source}:${s.name}=${s.value}`).join(', ');
  return `  ${e.name}=${e.value} sensitive=${e.sensitive} synonyms={${synonyms}}\n`;
}
