/**
 * Metadata records: the only way the metadata image changes (KIP-631 record types, simplified).
 * `applyRecord` is pure and shared by the controller, the KRaft followers and every broker, so all
 * nodes that applied the same records hold the same image.
 */
import type { BrokerRegistration, MetadataImage, PartitionRegistration } from './image';

export type MetadataRecord =
  | { type: 'RegisterBroker'; broker: BrokerRegistration }
  | { type: 'UnregisterBroker'; brokerId: number }
  | { type: 'FenceBroker'; brokerId: number }
  | { type: 'UnfenceBroker'; brokerId: number }
  | { type: 'BrokerControlledShutdown'; brokerId: number }
  | { type: 'Topic'; name: string; topicId: string }
  | { type: 'Partition'; topic: string; partition: number; registration: PartitionRegistration }
  | {
      type: 'PartitionChange';
      topic: string;
      partition: number;
      /** New leader, when it changes (bumps the leader epoch). */
      leader?: number;
      isr?: number[];
      replicas?: number[];
      addingReplicas?: number[];
      removingReplicas?: number[];
    }
  | { type: 'RemoveTopic'; name: string }
  | {
      type: 'Config';
      resource: 'topic' | 'broker' | 'group';
      name: string;
      key: string;
      /** null deletes the override. */
      value: string | null;
    };

/** Applies one record to the image in place. Unknown topics/brokers are ignored (idempotent replay). */
export function applyRecord(image: MetadataImage, record: MetadataRecord): void {
  switch (record.type) {
    case 'RegisterBroker':
      image.brokers.set(record.broker.id, { ...record.broker });
      return;
    case 'UnregisterBroker':
      image.brokers.delete(record.brokerId);
      return;
    case 'FenceBroker':
    case 'UnfenceBroker': {
      const b = image.brokers.get(record.brokerId);
      if (b) {
        b.fenced = record.type === 'FenceBroker';
        if (!b.fenced) b.inControlledShutdown = false;
      }
      return;
    }
    case 'BrokerControlledShutdown': {
      const b = image.brokers.get(record.brokerId);
      if (b) b.inControlledShutdown = true;
      return;
    }
    case 'Topic':
      image.topics.set(record.name, {
        name: record.name,
        topicId: record.topicId,
        partitions: [],
        configs: {},
      });
      return;
    case 'Partition': {
      const t = image.topics.get(record.topic);
      if (t) t.partitions[record.partition] = clonePartition(record.registration);
      return;
    }
    case 'PartitionChange': {
      const p = image.topics.get(record.topic)?.partitions[record.partition];
      if (!p) return;
      if (record.leader !== undefined && record.leader !== p.leader) {
        p.leader = record.leader;
        p.leaderEpoch += 1;
      }
      if (record.isr) p.isr = record.isr.slice();
      if (record.replicas) p.replicas = record.replicas.slice();
      if (record.addingReplicas) p.addingReplicas = record.addingReplicas.slice();
      if (record.removingReplicas) p.removingReplicas = record.removingReplicas.slice();
      p.partitionEpoch += 1;
      return;
    }
    case 'RemoveTopic':
      image.topics.delete(record.name);
      return;
    case 'Config': {
      if (record.resource === 'topic') {
        const t = image.topics.get(record.name);
        if (!t) return;
        if (record.value === null) delete t.configs[record.key];
        else t.configs[record.key] = record.value;
        return;
      }
      const map = record.resource === 'broker' ? image.brokerConfigs : image.groupConfigs;
      const entry = map.get(record.name) ?? {};
      if (record.value === null) delete entry[record.key];
      else entry[record.key] = record.value;
      if (Object.keys(entry).length === 0) map.delete(record.name);
      else map.set(record.name, entry);
      return;
    }
  }
}

export function clonePartition(p: PartitionRegistration): PartitionRegistration {
  return {
    ...p,
    replicas: p.replicas.slice(),
    isr: p.isr.slice(),
    addingReplicas: p.addingReplicas.slice(),
    removingReplicas: p.removingReplicas.slice(),
  };
}

/** A deep copy of an image (for snapshots and for a controller that loads state). */
export function cloneImage(image: MetadataImage): MetadataImage {
  return {
    clusterId: image.clusterId,
    brokers: new Map([...image.brokers].map(([id, b]) => [id, { ...b }])),
    topics: new Map(
      [...image.topics].map(([name, t]) => [
        name,
        { ...t, partitions: t.partitions.map(clonePartition), configs: { ...t.configs } },
      ]),
    ),
    brokerConfigs: new Map([...image.brokerConfigs].map(([k, v]) => [k, { ...v }])),
    groupConfigs: new Map([...image.groupConfigs].map(([k, v]) => [k, { ...v }])),
  };
}
