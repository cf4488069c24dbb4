import { partitionForKey } from './partitionForKey';
import type { Partitioner, PartitionerCluster, PartitionerRng } from './types';

/** Options of the built-in partitioner, named after the producer configs they stand for. */
export interface BuiltInPartitionerOptions {
  /** `batch.size` in bytes (default 16384): how much to produce to a partition before switching. */
  batchSizeBytes?: number;
  /** `partitioner.ignore.keys` (default false): partition keyed records as if they had no key. */
  ignoreKeys?: boolean;
  /** `partitioner.adaptive.partitioning.enable` (default true): weight the switch by queue sizes. */
  adaptivePartitioning?: boolean;
}

/** Kafka's default `batch.size`, in bytes. */
export const DEFAULT_BATCH_SIZE_BYTES = 16384;

interface StickyPartitionInfo {
  partition: number;
  /** Bytes produced to `partition` since it was chosen. */
  producedBytes: number;
}

interface PartitionLoadStats {
  /** Cumulative frequency table: running sum of (maxQueueSize + 1 - queueSize). */
  cumulativeFrequencyTable: number[];
  partitionIds: number[];
}

/**
 * The producer's default partitioner since Kafka 3.3 (KIP-794), used when `partitioner.class` is
 * not set. Keyed records go to {@link partitionForKey} over all partitions. Records without a key
 * stick to one partition until `batch.size` bytes have been produced to it, then switch: uniformly
 * among partitions with a leader, or — with adaptive partitioning and unequal queue sizes reported
 * through {@link BuiltInPartitioner.updatePartitionLoadStats} — weighted towards shorter queues.
 *
 * The switch happens after the record that reaches `batch.size`, so that record still goes to the
 * old partition. Kafka may delay a switch until the current batch is full (up to 2 × `batch.size`);
 * the simulator does not model batch readiness here and always switches at `batch.size`.
 * https://cwiki.apache.org/confluence/display/KAFKA/KIP-794%3A+Strictly+Uniform+Sticky+Partitioner
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/producer/internals/BuiltInPartitioner.java
 */
export class BuiltInPartitioner implements Partitioner {
  readonly name = 'org.apache.kafka.clients.producer.internals.BuiltInPartitioner';
  private readonly batchSizeBytes: number;
  private readonly ignoreKeys: boolean;
  private readonly adaptivePartitioning: boolean;
  private readonly sticky = new Map<string, StickyPartitionInfo>();
  private readonly loadStats = new Map<string, PartitionLoadStats>();

  /**
   * @param rng the producer's random stream; one draw per partition switch
   * @param options producer configs, see {@link BuiltInPartitionerOptions}
   */
  constructor(
    private readonly rng: PartitionerRng,
    options: BuiltInPartitionerOptions = {},
  ) {
    this.batchSizeBytes = options.batchSizeBytes ?? DEFAULT_BATCH_SIZE_BYTES;
    if (!(this.batchSizeBytes >= 1)) {
      throw new RangeError(`stickyBatchSize must be >= 1 but got ${this.batchSizeBytes}`);
    }
    this.ignoreKeys = options.ignoreKeys ?? false;
    this.adaptivePartitioning = options.adaptivePartitioning ?? true;
  }

  /** {@inheritDoc Partitioner.partition} */
  partition(
    topic: string,
    keyBytes: Uint8Array | null,
    valueSizeBytes: number,
    cluster: PartitionerCluster,
  ): number {
    if (keyBytes !== null && !this.ignoreKeys) {
      return partitionForKey(keyBytes, cluster.partitionCount);
    }
    let info = this.sticky.get(topic);
    if (info === undefined) {
      info = { partition: this.nextPartition(topic, cluster), producedBytes: 0 };
      this.sticky.set(topic, info);
    }
    const partition = info.partition;
    info.producedBytes += valueSizeBytes;
    if (info.producedBytes >= this.batchSizeBytes) {
      this.sticky.set(topic, { partition: this.nextPartition(topic, cluster), producedBytes: 0 });
    }
    return partition;
  }

  /**
   * The partition records without a key currently stick to for `topic`, if one was chosen.
   *
   * @returns a partition number, or `undefined` before the first record without a key
   */
  currentPartition(topic: string): number | undefined {
    return this.sticky.get(topic)?.partition;
  }

  /**
   * Kafka's `updatePartitionLoadStats`: the record accumulator reports the number of batches queued
   * per partition (partitions without a leader left out). Equal queue sizes — or fewer than two
   * partitions — clear the stats, and the next switch is uniform again.
   *
   * @param topic the topic
   * @param queueSizes queued batches per partition, or `null` to clear
   * @param partitionIds the partition of each entry of `queueSizes`
   * @param partitionCount all partitions of the topic, leaderless ones included
   */
  updatePartitionLoadStats(
    topic: string,
    queueSizes: readonly number[] | null,
    partitionIds: readonly number[],
    partitionCount: number = queueSizes?.length ?? 0,
  ): void {
    const length = queueSizes?.length ?? 0;
    if (queueSizes === null || length < 1 || partitionCount < 2) {
      this.loadStats.delete(topic);
      return;
    }
    let maxSizePlus1 = queueSizes[0]!;
    let allEqual = true;
    for (let i = 1; i < length; i++) {
      if (queueSizes[i] !== maxSizePlus1) allEqual = false;
      if (queueSizes[i]! > maxSizePlus1) maxSizePlus1 = queueSizes[i]!;
    }
    maxSizePlus1++;
    if (allEqual && length === partitionCount) {
      this.loadStats.delete(topic);
      return;
    }
    const cumulativeFrequencyTable: number[] = [];
    let sum = 0;
    for (let i = 0; i < length; i++) {
      sum += maxSizePlus1 - queueSizes[i]!;
      cumulativeFrequencyTable.push(sum);
    }
    this.loadStats.set(topic, { cumulativeFrequencyTable, partitionIds: [...partitionIds] });
  }

  private nextPartition(topic: string, cluster: PartitionerCluster): number {
    const stats = this.adaptivePartitioning ? this.loadStats.get(topic) : undefined;
    if (stats === undefined) {
      const available = cluster.availablePartitions;
      if (available.length > 0) return available[this.rng.int(available.length)]!;
      if (cluster.partitionCount < 1) {
        throw new RangeError(`topic ${topic} has no partitions`);
      }
      return this.rng.int(cluster.partitionCount);
    }
    const table = stats.cumulativeFrequencyTable;
    const weightedRandom = this.rng.int(table[table.length - 1]!);
    // The first entry strictly greater than the draw, as Kafka's binary search finds it.
    let index = 0;
    while (table[index]! <= weightedRandom) index++;
    return stats.partitionIds[index]!;
  }
}
