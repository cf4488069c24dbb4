/**
 * The producer's record accumulator: a deque of batches per topic partition, where `send()`
 * appends to the last batch until `batch.size` bytes, then opens a new one. The sender drains it.
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/producer/internals/RecordAccumulator.java
 */
import type { RecordHeader } from '../log/record';
import { ProducerBatch } from './producerBatch';
import type { SendCallback } from './producerBatch';

/** Everything the producer tracks for one topic partition. */
export class PartitionQueue {
  /** Batches waiting to be sent (new ones at the end, retries re-inserted in sequence order). */
  readonly batches: ProducerBatch[] = [];
  /** Batches sent and not answered yet, in send order. */
  readonly inFlight: ProducerBatch[] = [];
  /** Idempotence: the sequence number of the next record to drain (KIP-98). */
  nextSequence = 0;
  /** Idempotence: the last sequence number the broker acknowledged, -1 for none. */
  lastAckedSequence = -1;

  constructor(
    readonly topic: string,
    readonly partition: number,
  ) {}
}

/** Per-partition batch queues. */
export class RecordAccumulator {
  /** Every partition queue, in creation order (the sender's drain order). */
  readonly queues: PartitionQueue[] = [];
  /** Batches not complete yet (queued or in flight), in creation order. */
  readonly incomplete = new Set<ProducerBatch>();
  private readonly byTopic = new Map<string, PartitionQueue[]>();

  /** @param batchSize `batch.size`, bytes */
  constructor(private readonly batchSize: number) {}

  /** The queue of a partition, created on first use. */
  queue(topic: string, partition: number): PartitionQueue {
    let partitions = this.byTopic.get(topic);
    if (partitions === undefined) {
      partitions = [];
      this.byTopic.set(topic, partitions);
    }
    let q = partitions[partition];
    if (q === undefined) {
      q = new PartitionQueue(topic, partition);
      partitions[partition] = q;
      this.queues.push(q);
    }
    return q;
  }

  /**
   * Appends one record (`RecordAccumulator.append`): to the open last batch if it has room,
   * else to a new batch (closing the previous one). A record larger than `batch.size` gets a
   * batch of its own.
   * @param sizeBytes the record's estimated encoded size
   * @returns the batch the record went to
   */
  append(
    topic: string,
    partition: number,
    key: string | null,
    value: string | null,
    timestamp: number,
    headers: RecordHeader[] | null,
    sizeBytes: number,
    callback: SendCallback | undefined,
    nowMs: number,
  ): ProducerBatch {
    const q = this.queue(topic, partition);
    let batch = q.batches[q.batches.length - 1];
    if (batch === undefined || batch.closed || batch.sizeBytes + sizeBytes > this.batchSize) {
      if (batch !== undefined) batch.closed = true;
      batch = new ProducerBatch(topic, partition, nowMs);
      q.batches.push(batch);
      this.incomplete.add(batch);
    }
    batch.append(key, value, timestamp, headers, sizeBytes, callback);
    if (batch.sizeBytes >= this.batchSize) batch.closed = true;
    return batch;
  }

  /**
   * Puts a batch back for a retry (`RecordAccumulator.reenqueue`): with sequence numbers, in
   * sequence order among the batches that have one; otherwise at the front.
   */
  reenqueue(q: PartitionQueue, batch: ProducerBatch): void {
    const batches = q.batches;
    let i = 0;
    if (batch.baseSequence >= 0) {
      while (
        i < batches.length &&
        batches[i]!.baseSequence >= 0 &&
        batches[i]!.baseSequence < batch.baseSequence
      ) {
        i++;
      }
    }
    batches.splice(i, 0, batch);
  }

  /** True when no batch is queued or in flight. */
  get isEmpty(): boolean {
    return this.incomplete.size === 0;
  }
}
