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
export { murmur2, toPositive, partitionForKey, createPartitioner } from './partitioner/index';
export type { Partitioner } from './partitioner/index';
export { assignors, assignorNames } from './assignors/index';
export type { Assignor, AssignorInput, AssignorMember, TopicPartitionRef } from './assignors/index';
export { Producer, Consumer } from './clients/index';
export type {
  ProducerRecord,
  RecordMetadata,
  ProducerConfig,
  ConsumerConfig,
} from './clients/index';
export type { LogRecord, RecordHeader } from './log/record';
