/**
 * Producer partitioning as the Java client does it: murmur2 for keyed records, the KIP-794 sticky
 * partitioner for records without a key, and `RoundRobinPartitioner` on request.
 * https://kafka.apache.org/39/documentation.html#producerconfigs_partitioner.class
 */
export { murmur2, toPositive, utf8 } from './murmur2';
export { partitionForKey } from './partitionForKey';
export { BuiltInPartitioner, DEFAULT_BATCH_SIZE_BYTES } from './builtInPartitioner';
export type { BuiltInPartitionerOptions } from './builtInPartitioner';
export { RoundRobinPartitioner } from './roundRobinPartitioner';
export { createPartitioner } from './createPartitioner';
export type { Partitioner, PartitionerCluster, PartitionerRng } from './types';
