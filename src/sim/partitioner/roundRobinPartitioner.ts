import { toPositive } from './murmur2';
import type { Partitioner, PartitionerCluster } from './types';

/**
 * Kafka's `org.apache.kafka.clients.producer.RoundRobinPartitioner`: a per-topic counter walks the
 * partitions that have a leader (all partitions if none has), one record each, whatever the key —
 * keyed records are spread too, as in Kafka. Kafka's known quirk of skipping a partition when a
 * new batch is aborted (`onNewBatch`) is not reproduced.
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/producer/RoundRobinPartitioner.java
 */
export class RoundRobinPartitioner implements Partitioner {
  readonly name = 'org.apache.kafka.clients.producer.RoundRobinPartitioner';
  private readonly counters = new Map<string, number>();

  /** {@inheritDoc Partitioner.partition} */
  partition(
    topic: string,
    _keyBytes: Uint8Array | null,
    _valueSizeBytes: number,
    cluster: PartitionerCluster,
  ): number {
    const nextValue = this.counters.get(topic) ?? 0;
    this.counters.set(topic, (nextValue + 1) | 0);
    const available = cluster.availablePartitions;
    if (available.length > 0) return available[toPositive(nextValue) % available.length]!;
    if (cluster.partitionCount < 1) throw new RangeError(`topic ${topic} has no partitions`);
    return toPositive(nextValue) % cluster.partitionCount;
  }
}
