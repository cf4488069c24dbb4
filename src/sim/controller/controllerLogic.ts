/**
 * The controller's decisions, independent of how they are made durable: each operation reads the
 * committed {@link MetadataImage} and returns the {@link MetadataRecord}s to commit (KRaft appends
 * them to the metadata log; ZooKeeper mode writes them to znodes). Rules follow Kafka 3.9's
 * `ReplicationControlManager` (KRaft) and `KafkaController` (ZooKeeper mode).
 */
import { KafkaError } from '../protocol/errors';
import type { MetadataImage, PartitionRegistration } from '../metadata/image';
import { isUsableBroker } from '../metadata/image';
import type { MetadataRecord } from '../metadata/records';
import type { Prng } from '../random/prng';
import { assignReplicasToBrokers } from './replicaPlacement';
import { electForShutdown, electOffline, electPreferred } from './partitionElection';
import { validateTopicName } from './topicName';
import {
  cancelReassignment,
  isReassignmentInProgress,
  isrChangeWithReassignment,
  listReassignments,
  startReassignment,
} from './reassignment';
import type { OngoingReassignment } from './reassignment';
import { topicConfigValue, validateTopicConfig } from '../config/topicConfigs';
import type { BrokerConfig } from '../config/brokerDefaults';

/** Controller mode: the error texts differ between them. */
export type ControllerMode = 'kraft' | 'zookeeper';

export interface CreateTopicRequest {
  name: string;
  /** -1 = broker default `num.partitions`. */
  numPartitions: number;
  /** -1 = broker default `default.replication.factor`. */
  replicationFactor: number;
  configs: Record<string, string>;
  /** Explicit assignment (`--replica-assignment`), partition → broker ids. */
  assignments?: number[][];
}

/** AlterPartition from a partition leader (KIP-497): the ISR it wants, at its epochs. */
export interface AlterPartitionRequest {
  topic: string;
  partition: number;
  leaderId: number;
  leaderEpoch: number;
  partitionEpoch: number;
  newIsr: number[];
}

/** A record batch plus what it did, for events and the CLI. */
export interface ControllerResult {
  records: MetadataRecord[];
}

/** Names of Kafka's internal topics. */
export const internalTopics = new Set(['__consumer_offsets', '__transaction_state']);

export class ControllerLogic {
  constructor(
    readonly mode: ControllerMode,
    private readonly rng: Prng,
    private readonly config: () => BrokerConfig,
  ) {}

  /** Topic creation (CreateTopics). Throws a KafkaError with Kafka's message on failure. */
  createTopic(image: MetadataImage, req: CreateTopicRequest, topicId: string): MetadataRecord[] {
    validateTopicName(req.name);
    if (image.topics.has(req.name))
      throw new KafkaError('TOPIC_ALREADY_EXISTS', `Topic '${req.name}' already exists.`);
    const collision = [...image.topics.keys()].find(
      (t) => t !== req.name && t.replace(/\./g, '_') === req.name.replace(/\./g, '_'),
    );
    if (collision !== undefined)
      throw new KafkaError(
        'INVALID_TOPIC_EXCEPTION',
        `Topic '${req.name}' collides with existing topic: ${collision}`,
      );
    for (const [key, value] of Object.entries(req.configs)) {
      const problem = validateTopicConfig(key, value);
      if (problem) throw new KafkaError('INVALID_CONFIG', problem);
    }
    const cfg = this.config();
    let assignments = req.assignments;
    if (!assignments) {
      const partitions = req.numPartitions === -1 ? cfg.int('num.partitions') : req.numPartitions;
      const rf =
        req.replicationFactor === -1
          ? cfg.int('default.replication.factor')
          : req.replicationFactor;
      if (partitions <= 0)
        throw new KafkaError(
          'INVALID_PARTITIONS',
          'Number of partitions was set to an invalid non-positive value.',
        );
      if (rf <= 0)
        throw new KafkaError(
          'INVALID_REPLICATION_FACTOR',
          'Replication factor must be larger than 0, or -1 to use the default value.',
        );
      assignments = this.place(image, partitions, rf);
    } else {
      this.checkAssignment(image, assignments);
    }
    const records: MetadataRecord[] = [{ type: 'Topic', name: req.name, topicId }];
    assignments.forEach((replicas, partition) => {
      const isr = replicas.filter((r) => isUsableBroker(image, r));
      records.push({
        type: 'Partition',
        topic: req.name,
        partition,
        registration: {
          replicas,
          isr,
          leader: isr[0] ?? -1,
          leaderEpoch: 0,
          partitionEpoch: 0,
          addingReplicas: [],
          removingReplicas: [],
        },
      });
    });
    for (const [key, value] of Object.entries(req.configs))
      records.push({ type: 'Config', resource: 'topic', name: req.name, key, value });
    return records;
  }

  /** Replica lists for `partitions` new partitions, or Kafka's error when there are too few brokers. */
  place(image: MetadataImage, partitions: number, rf: number, startPartitionId = -1): number[][] {
    const usable = [...image.brokers.values()].filter((b) => !b.fenced).map((b) => b.id);
    if (this.mode === 'kraft') {
      if (usable.length === 0 && image.brokers.size > 0)
        throw new KafkaError(
          'INVALID_REPLICATION_FACTOR',
          `Unable to replicate the partition ${rf} time(s): All brokers are currently fenced.`,
        );
      if (rf > usable.length)
        throw new KafkaError(
          'INVALID_REPLICATION_FACTOR',
          `Unable to replicate the partition ${rf} time(s): The target replication factor of ${rf} cannot be reached because only ${usable.length} broker(s) are registered.`,
        );
    } else if (rf > usable.length) {
      throw new KafkaError(
        'INVALID_REPLICATION_FACTOR',
        `Replication factor: ${rf} larger than available brokers: ${usable.length}.`,
      );
    }
    return assignReplicasToBrokers(partitions, rf, usable, this.rng, -1, startPartitionId);
  }

  private checkAssignment(image: MetadataImage, assignments: number[][]): void {
    const rf = assignments[0]?.length ?? 0;
    for (const [p, replicas] of assignments.entries()) {
      if (replicas.length !== rf)
        throw new KafkaError(
          'INVALID_REPLICA_ASSIGNMENT',
          'All partitions should have the same number of replicas',
        );
      if (new Set(replicas).size !== replicas.length)
        throw new KafkaError(
          'INVALID_REPLICA_ASSIGNMENT',
          `Duplicate replica assignment for partition ${p}: ${replicas.join(', ')}`,
        );
      const unknown = replicas.find((r) => !image.brokers.has(r));
      if (unknown !== undefined)
        throw new KafkaError(
          'INVALID_REPLICA_ASSIGNMENT',
          `The manual partition assignment includes broker ${unknown}, but no such broker is registered.`,
        );
    }
  }

  /** Topic deletion: one RemoveTopic record per topic. */
  deleteTopic(image: MetadataImage, name: string): MetadataRecord[] {
    if (!image.topics.has(name))
      throw new KafkaError(
        'UNKNOWN_TOPIC_OR_PARTITION',
        'This server does not host this topic-partition.',
      );
    return [{ type: 'RemoveTopic', name }];
  }

  /** CreatePartitions: grow a topic to `totalCount` partitions. */
  createPartitions(
    image: MetadataImage,
    name: string,
    totalCount: number,
    assignments?: number[][],
  ): MetadataRecord[] {
    const topic = image.topics.get(name);
    if (!topic)
      throw new KafkaError(
        'UNKNOWN_TOPIC_OR_PARTITION',
        'This server does not host this topic-partition.',
      );
    const current = topic.partitions.length;
    // KRaft: ReplicationControlManager.createPartitionsForTopic; ZooKeeper mode: the broker's
    // ZkAdminManager.createPartitions, which answers the Admin API before AdminZkClient is reached.
    if (totalCount === current)
      throw new KafkaError(
        'INVALID_PARTITIONS',
        this.mode === 'kraft'
          ? `Topic already has ${current} partition(s).`
          : `Topic already has ${current} partitions.`,
      );
    if (totalCount < current)
      throw new KafkaError(
        'INVALID_PARTITIONS',
        this.mode === 'kraft'
          ? `The topic ${name} currently has ${current} partition(s); ${totalCount} would not be an increase.`
          : `Topic currently has ${current} partitions, which is higher than the requested ${totalCount}.`,
      );
    const rf = topic.partitions[0]?.replicas.length ?? 1;
    const added = assignments ?? this.place(image, totalCount - current, rf, current);
    return added.map((replicas, i) => {
      const isr = replicas.filter((r) => isUsableBroker(image, r));
      return {
        type: 'Partition' as const,
        topic: name,
        partition: current + i,
        registration: {
          replicas,
          isr,
          leader: isr[0] ?? -1,
          leaderEpoch: 0,
          partitionEpoch: 0,
          addingReplicas: [],
          removingReplicas: [],
        },
      };
    });
  }

  /**
   * A broker became unavailable (ZooKeeper session expired / KRaft heartbeat timeout, or it was
   * fenced): it leaves every ISR (unless it is the last member) and loses its leaderships.
   */
  brokerFailed(
    image: MetadataImage,
    brokerId: number,
    isLive: (id: number) => boolean,
  ): MetadataRecord[] {
    const records: MetadataRecord[] = [];
    this.forEachPartition(image, (topic, partition, p) => {
      if (!p.replicas.includes(brokerId)) return;
      const live = (id: number) => id !== brokerId && isLive(id);
      if (p.leader === brokerId) {
        const result = electOffline(p, live, this.uncleanEnabled(image, topic));
        if (result)
          records.push(this.change(topic, partition, p, result.leader, result.isr, result.unclean));
        else
          records.push({
            type: 'PartitionChange',
            topic,
            partition,
            leader: -1,
            isr: p.isr.length > 1 ? p.isr.filter((r) => r !== brokerId) : p.isr,
          });
      } else {
        this.pushIsrRemoval(records, topic, partition, p, brokerId);
      }
    });
    return records;
  }

  /** Drops `brokerId` from a follower's ISR, unless it is the last member (Kafka keeps that one). */
  private pushIsrRemoval(
    records: MetadataRecord[],
    topic: string,
    partition: number,
    p: PartitionRegistration,
    brokerId: number,
  ): void {
    if (!p.isr.includes(brokerId) || p.isr.length <= 1) return;
    records.push({
      type: 'PartitionChange',
      topic,
      partition,
      isr: p.isr.filter((r) => r !== brokerId),
    });
  }

  /** A broker asked for a controlled shutdown: move its leaderships away first, then drop it from ISRs. */
  controlledShutdown(
    image: MetadataImage,
    brokerId: number,
    isLive: (id: number) => boolean,
  ): MetadataRecord[] {
    const records: MetadataRecord[] = [{ type: 'BrokerControlledShutdown', brokerId }];
    this.forEachPartition(image, (topic, partition, p) => {
      if (!p.replicas.includes(brokerId)) return;
      if (p.leader === brokerId) {
        const result = electForShutdown(p, isLive, (id) => id === brokerId);
        if (result)
          records.push(this.change(topic, partition, p, result.leader, result.isr, false));
      } else {
        this.pushIsrRemoval(records, topic, partition, p, brokerId);
      }
    });
    return records;
  }

  /** A broker is usable again: leaderless partitions it can lead get it as leader. */
  brokerRecovered(
    image: MetadataImage,
    brokerId: number,
    isLive: (id: number) => boolean,
  ): MetadataRecord[] {
    const records: MetadataRecord[] = [];
    this.forEachPartition(image, (topic, partition, p) => {
      if (p.leader !== -1 || !p.replicas.includes(brokerId)) return;
      const result = electOffline(p, isLive, this.uncleanEnabled(image, topic));
      if (result)
        records.push(this.change(topic, partition, p, result.leader, result.isr, result.unclean));
    });
    return records;
  }

  /**
   * Elects a leader for every partition without a live leader (the controller's
   * `triggerOnlinePartitionStateChange`, run on failover and whenever brokers come back).
   */
  electLeaderless(image: MetadataImage, isLive: (id: number) => boolean): MetadataRecord[] {
    const records: MetadataRecord[] = [];
    this.forEachPartition(image, (topic, partition, p) => {
      if (p.leader !== -1 && isLive(p.leader)) return;
      const result = electOffline(p, isLive, this.uncleanEnabled(image, topic));
      if (result)
        records.push(this.change(topic, partition, p, result.leader, result.isr, result.unclean));
      else if (p.leader !== -1)
        records.push({ type: 'PartitionChange', topic, partition, leader: -1 });
    });
    return records;
  }

  /**
   * AlterPartition from a partition leader (KIP-497): a new ISR, valid only from the current leader at
   * the current leader epoch and partition epoch, and only with usable brokers.
   */
  alterPartition(
    image: MetadataImage,
    req: AlterPartitionRequest,
  ): {
    records: MetadataRecord[];
    error:
      | 'NONE'
      | 'FENCED_LEADER_EPOCH'
      | 'INVALID_UPDATE_VERSION'
      | 'UNKNOWN_TOPIC_OR_PARTITION'
      | 'INELIGIBLE_REPLICA'
      | 'NOT_LEADER_OR_FOLLOWER';
  } {
    const p = image.topics.get(req.topic)?.partitions[req.partition];
    if (!p) return { records: [], error: 'UNKNOWN_TOPIC_OR_PARTITION' };
    if (p.leader !== req.leaderId) return { records: [], error: 'NOT_LEADER_OR_FOLLOWER' };
    if (req.leaderEpoch !== p.leaderEpoch) return { records: [], error: 'FENCED_LEADER_EPOCH' };
    if (req.partitionEpoch !== p.partitionEpoch)
      return { records: [], error: 'INVALID_UPDATE_VERSION' };
    const added = req.newIsr.filter((r) => !p.isr.includes(r));
    if (added.some((r) => !isUsableBroker(image, r) || !p.replicas.includes(r)))
      return { records: [], error: 'INELIGIBLE_REPLICA' };
    // KIP-455: an ISR that now holds every target replica completes a reassignment.
    if (isReassignmentInProgress(p))
      return {
        records: [
          isrChangeWithReassignment(req.topic, req.partition, p, req.newIsr, (id) =>
            isUsableBroker(image, id),
          ),
        ],
        error: 'NONE',
      };
    return {
      records: [
        { type: 'PartitionChange', topic: req.topic, partition: req.partition, isr: req.newIsr },
      ],
      error: 'NONE',
    };
  }

  /**
   * AlterPartitionReassignments (KIP-455): per partition, the target replicas (null cancels the
   * reassignment under way). Returns per partition the Kafka error name and message, or NONE, and
   * the records of the successful ones (committed together, as KRaft's `atomicOf`).
   */
  alterPartitionReassignments(
    image: MetadataImage,
    reassignments: { topic: string; partition: number; replicas: number[] | null }[],
    isLive: (id: number) => boolean,
  ): {
    results: { topic: string; partition: number; error: string; message?: string }[];
    records: MetadataRecord[];
  } {
    const records: MetadataRecord[] = [];
    const results = reassignments.map(({ topic, partition, replicas }) => {
      try {
        const record =
          replicas === null
            ? cancelReassignment(image, topic, partition, isLive)
            : startReassignment(image, topic, partition, replicas, isLive);
        if (record) records.push(record);
        return { topic, partition, error: 'NONE' };
      } catch (e) {
        if (!(e instanceof KafkaError)) throw e;
        return { topic, partition, error: e.errorName, message: e.message };
      }
    });
    return { results, records };
  }

  /** ListPartitionReassignments for every partition with a reassignment under way. */
  listPartitionReassignments(image: MetadataImage): OngoingReassignment[] {
    return listReassignments(image);
  }

  /**
   * ElectLeaders (KIP-460). Returns per partition the records or the Kafka error name:
   * ELECTION_NOT_NEEDED, PREFERRED_LEADER_NOT_AVAILABLE, ELIGIBLE_LEADERS_NOT_AVAILABLE.
   */
  electLeaders(
    image: MetadataImage,
    type: 'preferred' | 'unclean',
    partitions: { topic: string; partition: number }[],
    isLive: (id: number) => boolean,
  ): { topic: string; partition: number; error: string; records: MetadataRecord[] }[] {
    return partitions.map(({ topic, partition }) => {
      const p = image.topics.get(topic)?.partitions[partition];
      if (!p) return { topic, partition, error: 'UNKNOWN_TOPIC_OR_PARTITION', records: [] };
      if (type === 'preferred') {
        if (p.leader === p.replicas[0])
          return { topic, partition, error: 'ELECTION_NOT_NEEDED', records: [] };
        const result = electPreferred(p, isLive);
        if (!result)
          return { topic, partition, error: 'PREFERRED_LEADER_NOT_AVAILABLE', records: [] };
        return {
          topic,
          partition,
          error: 'NONE',
          records: [this.change(topic, partition, p, result.leader, result.isr, false)],
        };
      }
      if (p.leader !== -1 && isLive(p.leader))
        return { topic, partition, error: 'ELECTION_NOT_NEEDED', records: [] };
      const result = electOffline(p, isLive, true);
      if (!result)
        return { topic, partition, error: 'ELIGIBLE_LEADERS_NOT_AVAILABLE', records: [] };
      return {
        topic,
        partition,
        error: 'NONE',
        records: [this.change(topic, partition, p, result.leader, result.isr, result.unclean)],
      };
    });
  }

  /**
   * Automatic preferred-leader rebalance (`auto.leader.rebalance.enable`): for each broker whose
   * imbalance ratio (partitions it should lead but does not / partitions it should lead) exceeds
   * `leader.imbalance.per.broker.percentage`, elect the preferred leaders.
   */
  autoRebalance(image: MetadataImage, isLive: (id: number) => boolean): MetadataRecord[] {
    const pct = this.config().int('leader.imbalance.per.broker.percentage');
    const preferredCount = new Map<number, number>();
    const notLeading = new Map<number, { topic: string; partition: number }[]>();
    this.forEachPartition(image, (topic, partition, p) => {
      const preferred = p.replicas[0];
      if (preferred === undefined) return;
      preferredCount.set(preferred, (preferredCount.get(preferred) ?? 0) + 1);
      if (p.leader !== preferred) {
        const list = notLeading.get(preferred) ?? [];
        list.push({ topic, partition });
        notLeading.set(preferred, list);
      }
    });
    const records: MetadataRecord[] = [];
    for (const [broker, list] of notLeading) {
      const ratio = list.length / (preferredCount.get(broker) ?? 1);
      if (ratio * 100 <= pct || !isLive(broker)) continue;
      for (const r of this.electLeaders(image, 'preferred', list, isLive))
        records.push(...r.records);
    }
    return records;
  }

  /** Whether unclean election is allowed for `topic` (topic override, else broker config). */
  uncleanEnabled(image: MetadataImage, topic: string): boolean {
    const overrides = image.topics.get(topic)?.configs ?? {};
    return topicConfigValue('unclean.leader.election.enable', overrides, this.config()) === 'true';
  }

  private change(
    topic: string,
    partition: number,
    p: PartitionRegistration,
    leader: number,
    isr: number[],
    unclean: boolean,
  ): MetadataRecord & { unclean?: boolean } {
    return {
      type: 'PartitionChange',
      topic,
      partition,
      leader,
      isr: leader !== p.leader || !sameSet(isr, p.isr) ? isr : p.isr,
      ...(unclean ? { unclean: true } : {}),
    };
  }

  private forEachPartition(
    image: MetadataImage,
    fn: (topic: string, partition: number, p: PartitionRegistration) => void,
  ): void {
    for (const t of [...image.topics.values()].sort((a, b) => (a.name < b.name ? -1 : 1)))
      t.partitions.forEach((p, i) => fn(t.name, i, p));
  }
}

function sameSet(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
