/**
 * Public entry points of the simulation engine (DESIGN §3), used by the CLI, the worker, tests and
 * teachers' scripts.
 */
export { Cluster, createCluster, epochBaseMs } from './cluster/cluster';
export type { ClusterOptions } from './cluster/cluster';
export type {
  ClusterSnapshot,
  TopicSnapshot,
  PartitionSnapshot,
  BrokerSnapshot,
  ReplicaSnapshot,
} from './cluster/snapshot';
export { Future } from './cluster/future';
export type { SimEvent, EventListener } from './events/bus';
export { KafkaError, kafkaErrors } from './protocol/errors';
export type { KafkaErrorName } from './protocol/errors';
