/**
 * The znodes a Kafka 3.9 cluster in ZooKeeper mode keeps, with their JSON exactly as Kafka writes
 * it (field set, value types and — through {@link scalaHashMapOrder} — the field order of the
 * Scala 2.13 build), so `zookeeper-shell get` in the simulation prints what a real cluster shows.
 *
 * Source: core/src/main/scala/kafka/zk/ZkData.scala (Kafka 3.9)
 * https://github.com/apache/kafka/blob/3.9/core/src/main/scala/kafka/zk/ZkData.scala
 */
import type { JsonValue } from './jvmMapOrder';
import {
  javaPropertiesOrder,
  orderedObject,
  scalaHashMapOrder,
  stringifyOrdered,
} from './jvmMapOrder';

/** Fixed znode paths (ZkData.scala `*ZNode.path`). */
export const zkPaths = {
  /** Ephemeral; the active controller's registration (`ControllerZNode`). */
  controller: '/controller',
  /** Persistent; the controller epoch as a decimal string (`ControllerEpochZNode`). */
  controllerEpoch: '/controller_epoch',
  brokers: '/brokers',
  /** Parent of the brokers' ephemeral registrations (`BrokerIdsZNode`). */
  brokerIds: '/brokers/ids',
  /** Sequence node for generated broker ids (`BrokerSequenceIdZNode`). */
  brokerSeqId: '/brokers/seqid',
  /** Parent of topic assignments (`TopicsZNode`). */
  topics: '/brokers/topics',
  config: '/config',
  /** Parent of `config_change_` sequential notifications (`ConfigEntityChangeNotificationZNode`). */
  configChanges: '/config/changes',
  admin: '/admin',
  /** Parent of topics marked for deletion (`DeleteTopicsZNode`). */
  deleteTopics: '/admin/delete_topics',
  /** Legacy reassignment request, deprecated since 2.4 (`ReassignPartitionsZNode`). */
  reassignPartitions: '/admin/reassign_partitions',
  preferredReplicaElection: '/admin/preferred_replica_election',
  /** Parent of `isr_change_` sequential notifications (`IsrChangeNotificationZNode`). */
  isrChangeNotification: '/isr_change_notification',
  logDirEventNotification: '/log_dir_event_notification',
  cluster: '/cluster',
  /** The cluster id (`ClusterIdZNode`). */
  clusterId: '/cluster/id',
  latestProducerIdBlock: '/latest_producer_id_block',
  /** Finalized features (KIP-584, `FeatureZNode`). */
  feature: '/feature',
  /** Old consumer path, still created on startup (`ConsumerPathZNode`). */
  consumers: '/consumers',
} as const;

/** Config entity types stored under /config in ZooKeeper mode (`ConfigType.ALL`). */
export const configEntityTypes = ['topics', 'clients', 'users', 'brokers', 'ips'] as const;

/** A config entity type, e.g. `topics`. */
export type ConfigEntityType = (typeof configEntityTypes)[number];

/** Persistent paths every broker creates on startup (`ZkData.PersistentZkPaths`), in that order. */
export const persistentZkPaths: readonly string[] = [
  zkPaths.consumers,
  zkPaths.brokerIds,
  zkPaths.topics,
  zkPaths.configChanges,
  zkPaths.deleteTopics,
  zkPaths.brokerSeqId,
  zkPaths.isrChangeNotification,
  zkPaths.latestProducerIdBlock,
  zkPaths.logDirEventNotification,
  ...configEntityTypes.map((t) => configEntityTypePath(t)),
];

/** Prefix of sequential ISR change notifications (`IsrChangeNotificationSequenceZNode`). */
export const ISR_CHANGE_SEQUENCE_PREFIX = 'isr_change_';
/** Prefix of sequential config change notifications (`ConfigEntityChangeNotificationSequenceZNode`). */
export const CONFIG_CHANGE_SEQUENCE_PREFIX = 'config_change_';

/** `/brokers/ids/{id}`: a broker's ephemeral registration. */
export function brokerIdPath(brokerId: number): string {
  return `${zkPaths.brokerIds}/${brokerId}`;
}

/** `/brokers/topics/{topic}`: a topic's replica assignment. */
export function topicPath(topic: string): string {
  return `${zkPaths.topics}/${topic}`;
}

/** `/brokers/topics/{topic}/partitions`. */
export function topicPartitionsPath(topic: string): string {
  return `${topicPath(topic)}/partitions`;
}

/** `/brokers/topics/{topic}/partitions/{partition}`. */
export function topicPartitionPath(topic: string, partition: number): string {
  return `${topicPartitionsPath(topic)}/${partition}`;
}

/** `/brokers/topics/{topic}/partitions/{partition}/state`: leader, ISR and epochs. */
export function topicPartitionStatePath(topic: string, partition: number): string {
  return `${topicPartitionPath(topic, partition)}/state`;
}

/** `/config/{entityType}`. */
export function configEntityTypePath(entityType: ConfigEntityType): string {
  return `${zkPaths.config}/${entityType}`;
}

/** `/config/{entityType}/{entityName}`: dynamic config overrides of one entity. */
export function configEntityPath(entityType: ConfigEntityType, entityName: string): string {
  return `${configEntityTypePath(entityType)}/${entityName}`;
}

/** `/config/topics/{topic}`: a topic's config overrides. */
export function topicConfigPath(topic: string): string {
  return configEntityPath('topics', topic);
}

/** `/admin/delete_topics/{topic}`: marks a topic for deletion; its data is null. */
export function deleteTopicPath(topic: string): string {
  return `${zkPaths.deleteTopics}/${topic}`;
}

/** Path to create (PERSISTENT_SEQUENTIAL) for an ISR change notification. */
export function isrChangeSequencePath(): string {
  return `${zkPaths.isrChangeNotification}/${ISR_CHANGE_SEQUENCE_PREFIX}`;
}

/** Path to create (PERSISTENT_SEQUENTIAL) for a config change notification. */
export function configChangeSequencePath(): string {
  return `${zkPaths.configChanges}/${CONFIG_CHANGE_SEQUENCE_PREFIX}`;
}

/** The sequence number of a sequential znode, e.g. `0000000003` of `.../isr_change_0000000003`. */
export function sequenceNumberOf(path: string, prefix: string): string {
  return path.slice(path.lastIndexOf(prefix) + prefix.length);
}

/** One advertised listener of a broker (`kafka.cluster.EndPoint`). */
export interface BrokerEndpoint {
  listenerName: string;
  securityProtocol: string;
  host: string;
  port: number;
}

/** What a broker registers under /brokers/ids/{id} (`BrokerInfo`, JSON version 5). */
export interface BrokerRegistration {
  brokerId: number;
  endpoints: BrokerEndpoint[];
  rack: string | null;
  /** `jmx_port`; -1 when JMX is off. */
  jmxPort: number;
  /** Supported feature ranges (KIP-584), e.g. `{"metadata.version":{"min_version":1,"max_version":21}}`. */
  features: Record<string, { min_version: number; max_version: number }>;
  /** Registration time, epoch ms (written as a decimal string). */
  timestampMs: number;
  /** JSON schema version: 5 since IBP 2.7. */
  version: number;
}

/** `EndPoint.connectionString`: `NAME://host:port`, IPv6 hosts in brackets. */
export function endpointConnectionString(e: BrokerEndpoint): string {
  const host = e.host.includes(':') ? `[${e.host}]` : e.host;
  return `${e.listenerName}://${host}:${e.port}`;
}

/**
 * `BrokerIdZNode.encode`: top-level `host`/`port` are the first PLAINTEXT endpoint's (null/-1
 * without one), for old clients.
 */
export function encodeBrokerRegistration(
  reg: Omit<BrokerRegistration, 'rack' | 'jmxPort' | 'features' | 'version'> &
    Partial<Pick<BrokerRegistration, 'rack' | 'jmxPort' | 'features' | 'version'>>,
): string {
  const version = reg.version ?? 5;
  const plaintext = reg.endpoints.find((e) => e.securityProtocol === 'PLAINTEXT');
  const fields: Record<string, JsonValue> = {
    version,
    host: plaintext?.host ?? null,
    port: plaintext?.port ?? -1,
    endpoints: reg.endpoints.map(endpointConnectionString),
    jmx_port: reg.jmxPort ?? -1,
    timestamp: String(reg.timestampMs),
  };
  if (reg.rack != null && version >= 3) fields.rack = reg.rack;
  if (version >= 4) {
    fields.listener_security_protocol_map = orderedObject(
      reg.endpoints.map((e) => [e.listenerName, e.securityProtocol] as const),
    );
  }
  if (version >= 5) fields.features = reg.features ?? {};
  // mutable.Map(version, host, port, endpoints, jmx_port, timestamp), then += the rest.
  return stringifyOrdered(orderedObject(fields, (keys) => scalaHashMapOrder(keys, 6)));
}

/** `BrokerIdZNode.decode`. */
export function decodeBrokerRegistration(brokerId: number, json: string): BrokerRegistration {
  const js = JSON.parse(json) as Record<string, unknown>;
  const protocols = (js.listener_security_protocol_map ?? {}) as Record<string, string>;
  const version = js.version as number;
  const endpoints =
    version === 1
      ? [
          {
            listenerName: 'PLAINTEXT',
            securityProtocol: 'PLAINTEXT',
            host: js.host as string,
            port: js.port as number,
          },
        ]
      : (js.endpoints as string[]).map((s) => parseEndpoint(s, protocols));
  return {
    brokerId,
    endpoints,
    rack: (js.rack as string | undefined) ?? null,
    jmxPort: js.jmx_port as number,
    features: (js.features ?? {}) as BrokerRegistration['features'],
    timestampMs: Number(js.timestamp),
    version,
  };
}

function parseEndpoint(s: string, protocols: Record<string, string>): BrokerEndpoint {
  const m = /^(.*):\/\/\[?([^\]]*?)\]?:(-?\d+)$/.exec(s);
  if (!m) throw new Error(`Unable to parse ${s} to a broker endpoint`);
  const listenerName = m[1]!;
  return {
    listenerName,
    securityProtocol: protocols[listenerName] ?? listenerName,
    host: m[2]!,
    port: Number(m[3]),
  };
}

/** The /controller registration (`ControllerZNode`, version 2). */
export interface ControllerRegistration {
  brokerId: number;
  /** Election time, epoch ms (written as a decimal string). */
  timestampMs: number;
  /** Epoch of a KRaft controller during ZK migration (KIP-866); -1 for a ZooKeeper controller. */
  kraftControllerEpoch: number;
}

/** `ControllerZNode.encode`: `{"version":2,"brokerid":1,"timestamp":"…","kraftControllerEpoch":-1}`. */
export function encodeController(
  brokerId: number,
  timestampMs: number,
  kraftControllerEpoch = -1,
): string {
  return stringifyOrdered(
    orderedObject([
      ['version', 2],
      ['brokerid', brokerId],
      ['timestamp', String(timestampMs)],
      ['kraftControllerEpoch', kraftControllerEpoch],
    ]),
  );
}

/** `ControllerZNode.decodeController` (accepts version 1, which has no kraftControllerEpoch). */
export function decodeController(json: string): ControllerRegistration {
  const js = JSON.parse(json) as Record<string, unknown>;
  return {
    brokerId: js.brokerid as number,
    timestampMs: Number(js.timestamp),
    kraftControllerEpoch: (js.kraftControllerEpoch as number | undefined) ?? -1,
  };
}

/** `ControllerEpochZNode.encode`: the epoch as a decimal string. */
export function encodeControllerEpoch(epoch: number): string {
  return String(epoch);
}

/** `ControllerEpochZNode.decode`. */
export function decodeControllerEpoch(data: string): number {
  return Number.parseInt(data, 10);
}

/** A topic's replica assignment: replica broker ids per partition (`TopicZNode`, version 3). */
export interface TopicAssignment {
  /** Topic id (KIP-516), base64url UUID; absent for topics created before 2.8. */
  topicId: string | null;
  /** Replicas of each partition, preferred leader first. */
  partitions: Record<number, number[]>;
  /** Replicas being added by a reassignment (KIP-455), by partition. */
  addingReplicas: Record<number, number[]>;
  /** Replicas being removed by a reassignment (KIP-455), by partition. */
  removingReplicas: Record<number, number[]>;
}

/** `TopicZNode.encode`. */
export function encodeTopicAssignment(
  a: Pick<TopicAssignment, 'partitions'> & Partial<TopicAssignment>,
): string {
  const byPartition = (m: Record<number, number[]> | undefined) =>
    orderedObject(Object.entries(m ?? {}), (keys) => scalaHashMapOrder(keys));
  const fields: Record<string, JsonValue> = {
    version: 3,
    partitions: byPartition(a.partitions),
    adding_replicas: byPartition(a.addingReplicas),
    removing_replicas: byPartition(a.removingReplicas),
  };
  if (a.topicId != null) fields.topic_id = a.topicId;
  // mutable.Map(version, partitions, adding_replicas, removing_replicas), then += topic_id.
  return stringifyOrdered(orderedObject(fields, (keys) => scalaHashMapOrder(keys, 4)));
}

/** `TopicZNode.decode`. */
export function decodeTopicAssignment(json: string): TopicAssignment {
  const js = JSON.parse(json) as Record<string, unknown>;
  const numeric = (m: unknown) =>
    Object.fromEntries(
      Object.entries((m ?? {}) as Record<string, number[]>).map(([p, r]) => [Number(p), r]),
    );
  return {
    topicId: (js.topic_id as string | undefined) ?? null,
    partitions: numeric(js.partitions),
    addingReplicas: numeric(js.adding_replicas),
    removingReplicas: numeric(js.removing_replicas),
  };
}

/** A partition's leader and ISR as the controller writes them (`TopicPartitionStateZNode`). */
export interface PartitionState {
  leader: number;
  leaderEpoch: number;
  isr: number[];
  /** Epoch of the controller that wrote this state. */
  controllerEpoch: number;
  /** KIP-704: 0 = RECOVERED (omitted from the JSON), 1 = RECOVERING after an unclean election. */
  leaderRecoveryState: number;
}

/**
 * `TopicPartitionStateZNode.encode`:
 * `{"controller_epoch":1,"leader":1,"version":1,"leader_epoch":0,"isr":[1,2,3]}`. The znode's
 * stat `version` is the partition epoch the controller compares on update.
 */
export function encodePartitionState(
  s: Omit<PartitionState, 'leaderRecoveryState'> &
    Partial<Pick<PartitionState, 'leaderRecoveryState'>>,
): string {
  const entries: [string, JsonValue][] = [
    ['controller_epoch', s.controllerEpoch],
    ['leader', s.leader],
    ['version', 1],
    ['leader_epoch', s.leaderEpoch],
    ['isr', s.isr],
  ];
  if (s.leaderRecoveryState) entries.push(['leader_recovery_state', s.leaderRecoveryState]);
  return stringifyOrdered(orderedObject(entries));
}

/** `TopicPartitionStateZNode.decode`. */
export function decodePartitionState(json: string): PartitionState {
  const js = JSON.parse(json) as Record<string, unknown>;
  return {
    leader: js.leader as number,
    leaderEpoch: js.leader_epoch as number,
    isr: js.isr as number[],
    controllerEpoch: js.controller_epoch as number,
    leaderRecoveryState: (js.leader_recovery_state as number | undefined) ?? 0,
  };
}

/** `ConfigEntityZNode.encode`: `{"version":1,"config":{"retention.ms":"60000"}}`. */
export function encodeEntityConfig(config: Record<string, string>): string {
  return stringifyOrdered(
    orderedObject([
      ['version', 1],
      ['config', orderedObject(config, javaPropertiesOrder)],
    ]),
  );
}

/** `ConfigEntityZNode.decode`: the config overrides (empty for null data). */
export function decodeEntityConfig(json: string | null): Record<string, string> {
  if (json === null) return {};
  const js = JSON.parse(json) as { config?: Record<string, unknown> };
  return Object.fromEntries(Object.entries(js.config ?? {}).map(([k, v]) => [k, String(v)]));
}

/** `ConfigEntityChangeNotificationSequenceZNode.encode`: `{"version":2,"entity_path":"topics/foo"}`. */
export function encodeConfigChangeNotification(entityPath: string): string {
  return stringifyOrdered(
    orderedObject([
      ['version', 2],
      ['entity_path', entityPath],
    ]),
  );
}

/** `ClusterIdZNode.toJson`: `{"version":"1","id":"…"}` (the version is a string here). */
export function encodeClusterId(clusterId: string): string {
  return stringifyOrdered(
    orderedObject([
      ['version', '1'],
      ['id', clusterId],
    ]),
  );
}

/** `ClusterIdZNode.fromJson`. */
export function decodeClusterId(json: string): string {
  return (JSON.parse(json) as { id: string }).id;
}

/** A topic-partition in notification JSON. */
export interface TopicPartitionRef {
  topic: string;
  partition: number;
}

/** `IsrChangeNotificationSequenceZNode.encode`: `{"version":1,"partitions":[{"topic":"t","partition":0}]}`. */
export function encodeIsrChangeNotification(partitions: readonly TopicPartitionRef[]): string {
  return stringifyOrdered(
    orderedObject([
      ['version', 1],
      [
        'partitions',
        partitions.map((p) =>
          orderedObject([
            ['topic', p.topic],
            ['partition', p.partition],
          ]),
        ),
      ],
    ]),
  );
}

/** `IsrChangeNotificationSequenceZNode.decode`. */
export function decodeIsrChangeNotification(json: string): TopicPartitionRef[] {
  const js = JSON.parse(json) as { partitions?: TopicPartitionRef[] };
  return (js.partitions ?? []).map((p) => ({ topic: p.topic, partition: p.partition }));
}
