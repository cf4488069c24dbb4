/**
 * What a partitioner needs to know about the topic it partitions, from the producer's metadata
 * (`Cluster.partitionsForTopic` / `Cluster.availablePartitionsForTopic`).
 */
export interface PartitionerCluster {
  /** Number of partitions of the topic (all of them, with or without a leader). */
  partitionCount: number;
  /** Partitions that currently have a leader, in ascending partition order. */
  availablePartitions: readonly number[];
}

/**
 * The source of randomness a partitioner draws from — in the engine, the producer's sub-stream of
 * the cluster's seeded PRNG (`Prng.fork(...)`), so that runs are reproducible.
 */
export interface PartitionerRng {
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

/**
 * A producer-side partitioner, the counterpart of Kafka's
 * `org.apache.kafka.clients.producer.Partitioner` (selected with `partitioner.class`).
 * https://kafka.apache.org/39/javadoc/org/apache/kafka/clients/producer/Partitioner.html
 */
export interface Partitioner {
  /** The class name Kafka knows this partitioner by. */
  readonly name: string;
  /**
   * Choose the partition of one record (called once per record, in send order).
   *
   * @param topic the record's topic
   * @param keyBytes the serialized key, or `null` for a record without a key
   * @param valueSizeBytes bytes the record adds to its batch (counts toward `batch.size`)
   * @param cluster the topic's partitions as the producer's metadata sees them
   * @returns a partition number in [0, cluster.partitionCount)
   */
  partition(
    topic: string,
    keyBytes: Uint8Array | null,
    valueSizeBytes: number,
    cluster: PartitionerCluster,
  ): number;
  /**
   * Kafka's `Partitioner.onNewBatch` hook, called when the record accumulator had to open a new
   * batch for `prevPartition`. Neither built-in partitioner needs it.
   */
  onNewBatch?(topic: string, cluster: PartitionerCluster, prevPartition: number): void;
}
