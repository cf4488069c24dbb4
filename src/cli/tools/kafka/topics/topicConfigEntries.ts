/**
 * What DescribeConfigs answers for a topic, reduced to what kafka-topics prints: the value of each
 * topic config and whether it `isDefault()` (ConfigEntry source DEFAULT_CONFIG).
 *
 * Kafka 3.9's broker (core/src/main/scala/kafka/server/ConfigHelper.scala `createTopicConfigEntry`)
 * reports a config as non-default when the topic overrides it, or when its *primary* broker synonym
 * (`log.segment.bytes` for segment.bytes, `log.retention.ms` for retention.ms, …) is set in the
 * broker's dynamic or static configuration: the synonym list is cut at the primary name, so
 * `log.retention.hours=168` in server.properties leaves retention.ms a default.
 *
 * The admin client collects the entries into `new HashMap<>(entries.size())` (Config's
 * constructor), so `Configs:` lists them in Java HashMap order: bucket `(h ^ h>>>16) & 63` of the
 * name's String.hashCode for the 36 configs of 3.9, ties in the order the broker inserted them
 * (LogConfig's definition order; INFERRED).
 */
import { brokerDefaults } from '../../../../sim/config/brokerDefaults';
import { topicConfigDefs, topicConfigValue } from '../../../../sim/config/topicConfigs';
import type { Cluster } from '../../../../sim/index';
import type { ClusterHost } from '../../../host/clusterHost';
import { kafkaHome } from '../../../host/kafkaDistribution';
import type { VirtualFs } from '../../../host/virtualFs';
import { javaStringHash } from '../../../options/javaHash';
import { LOG_CONFIG_NAMES } from './topicCommandOptions';

/** One ConfigEntry of a topic. */
export interface TopicConfigEntry {
  readonly name: string;
  readonly value: string;
  readonly isDefault: boolean;
}

/** LogConfig's `define` order in 3.9 (the order the broker's config map was first filled in). */
const DEFINITION_ORDER = [
  'segment.bytes',
  'segment.ms',
  'segment.jitter.ms',
  'segment.index.bytes',
  'flush.messages',
  'flush.ms',
  'retention.bytes',
  'retention.ms',
  'max.message.bytes',
  'index.interval.bytes',
  'delete.retention.ms',
  'min.compaction.lag.ms',
  'max.compaction.lag.ms',
  'file.delete.delay.ms',
  'min.cleanable.dirty.ratio',
  'cleanup.policy',
  'unclean.leader.election.enable',
  'min.insync.replicas',
  'compression.type',
  'compression.gzip.level',
  'compression.lz4.level',
  'compression.zstd.level',
  'preallocate',
  'message.format.version',
  'message.timestamp.type',
  'message.timestamp.difference.max.ms',
  'message.timestamp.before.max.ms',
  'message.timestamp.after.max.ms',
  'leader.replication.throttled.replicas',
  'follower.replication.throttled.replicas',
  'message.downconversion.enable',
  'remote.storage.enable',
  'local.retention.ms',
  'local.retention.bytes',
  'remote.log.copy.disable',
  'remote.log.delete.on.disable',
];

/** `HashMap.tableSizeFor(n)`. */
function tableSizeFor(n: number): number {
  let size = 1;
  while (size < n) size *= 2;
  return size;
}

/** Orders config names as `Config.entries()` iterates them. */
export function configEntryOrder(
  names: readonly string[],
  entryCount = LOG_CONFIG_NAMES.length,
): string[] {
  const buckets = tableSizeFor(entryCount);
  const bucketOf = (name: string) => {
    const h = javaStringHash(name);
    return (h ^ (h >>> 16)) & (buckets - 1);
  };
  const rank = (name: string) => {
    const i = DEFINITION_ORDER.indexOf(name);
    return i < 0 ? DEFINITION_ORDER.length : i;
  };
  return [...names].sort(
    (a, b) => bucketOf(a) - bucketOf(b) || rank(a) - rank(b) || (a < b ? -1 : 1),
  );
}

/** `ConfigDef.convertToString(parse(value))` for the types the engine knows. */
function canonicalValue(name: string, value: string): string {
  const type = topicConfigDefs[name]?.type;
  const v = value.trim();
  if ((type === 'long' || type === 'int') && /^[+-]?\d+$/.test(v)) return BigInt(v).toString();
  if (type === 'boolean') return v.toLowerCase();
  if (type === 'list')
    return v
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .join(',');
  return v;
}

/**
 * Settings a broker started on this machine read from its server.properties. The host does not
 * keep the file a broker was started with, so this reads the distribution's file for the cluster's
 * mode (config/kraft/server.properties or config/server.properties) — what the quickstart uses.
 * INFERRED: a learner who started the broker from another file gets that file's defaults ignored.
 */
export function localServerPropertiesKeys(
  host: ClusterHost,
  fs: VirtualFs,
  brokerId: number,
): Set<string> {
  if (!host.localBrokers.has(brokerId)) return new Set();
  const file =
    host.mode === 'kraft' ? 'config/kraft/server.properties' : 'config/server.properties';
  const text = fs.read(`${kafkaHome}/${file}`) ?? '';
  const keys = new Set<string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const m = /^([^=:\s]+)\s*[=:]/.exec(line);
    if (m) keys.add(m[1] as string);
  }
  return keys;
}

/**
 * The config entries broker `brokerId` reports for `topic`, with the topic's overrides from that
 * broker's metadata cache; undefined when the broker does not know the topic.
 */
export function describeTopicConfig(
  cluster: Cluster,
  brokerId: number,
  topic: string,
  staticallySet: ReadonlySet<string> = new Set(),
): TopicConfigEntry[] | undefined {
  const broker = cluster.brokers.get(brokerId);
  const image = broker?.image ?? cluster.driver.latestImage();
  const overrides = image?.topics.get(topic)?.configs;
  if (!broker || !image || !overrides) return undefined;
  const dynamicLayers = [image.brokerConfigs.get(String(brokerId)), image.brokerConfigs.get('')];
  const isSet = (key: string) =>
    dynamicLayers.some((layer) => layer?.[key] !== undefined) ||
    staticallySet.has(key) ||
    cluster.baseConfig[key] !== undefined ||
    (broker.config.values[key] !== undefined &&
      broker.config.values[key] !== (brokerDefaults as Record<string, string>)[key]);
  const names = new Set([...LOG_CONFIG_NAMES, ...Object.keys(overrides)]);
  return configEntryOrder([...names], names.size).map((name) => {
    const override = overrides[name];
    if (override !== undefined)
      return { name, value: canonicalValue(name, override), isDefault: false };
    const def = topicConfigDefs[name];
    const primary = def?.synonyms[0]?.name;
    const value = def ? topicConfigValue(name, overrides, broker.config) : '';
    return { name, value, isDefault: primary === undefined || !isSet(primary) };
  });
}
