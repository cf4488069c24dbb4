/**
 * The cluster metadata every node agrees on: registered brokers, topics, partition leadership and
 * ISR, and config overrides. The controller changes it only through {@link MetadataRecord}s, which
 * KRaft appends to its metadata log and ZooKeeper mode writes to znodes and sends to brokers
 * (LeaderAndIsr / UpdateMetadata). Names follow KRaft's metadata records (KIP-631).
 */

/** A broker as the controller knows it (`RegisterBrokerRecord`). */
export interface BrokerRegistration {
  id: number;
  host: string;
  port: number;
  rack: string | null;
  /** Broker epoch: bumps each time the broker registers again (KIP-380). */
  epoch: number;
  /** Fenced brokers are not eligible for leadership or the ISR (KRaft) / not alive (ZooKeeper). */
  fenced: boolean;
  inControlledShutdown: boolean;
}

/** One partition's replica set and leadership (`PartitionRecord`). */
export interface PartitionRegistration {
  replicas: number[];
  isr: number[];
  /** -1 when the partition has no leader (offline). */
  leader: number;
  leaderEpoch: number;
  partitionEpoch: number;
  addingReplicas: number[];
  removingReplicas: number[];
}

export interface TopicImage {
  name: string;
  /** Kafka `Uuid` in its 22-character base64 form. */
  topicId: string;
  partitions: PartitionRegistration[];
  /** Topic-level config overrides (`kafka-topics --config`, `kafka-configs --alter`). */
  configs: Record<string, string>;
}

/** The whole metadata image. Plain data: cheap to copy into snapshots. */
export interface MetadataImage {
  clusterId: string;
  brokers: Map<number, BrokerRegistration>;
  topics: Map<string, TopicImage>;
  /** Dynamic broker config overrides; key '' = cluster-wide default (`--entity-default`). */
  brokerConfigs: Map<string, Record<string, string>>;
  /** Dynamic consumer group config overrides (KIP-848 group configs, `kafka-configs --entity-type groups`). */
  groupConfigs: Map<string, Record<string, string>>;
}

export function emptyImage(clusterId: string): MetadataImage {
  return {
    clusterId,
    brokers: new Map(),
    topics: new Map(),
    brokerConfigs: new Map(),
    groupConfigs: new Map(),
  };
}

/** Brokers that can lead or be in the ISR: registered, not fenced, not shutting down. */
export function isUsableBroker(image: MetadataImage, id: number): boolean {
  const b = image.brokers.get(id);
  return !!b && !b.fenced && !b.inControlledShutdown;
}
