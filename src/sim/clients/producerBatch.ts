/**
 * One batch of records for one partition, built column by column (`ProducerBatch` +
 * `MemoryRecordsBuilder`): appending a record is a few array pushes, with no per-record object.
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/producer/internals/ProducerBatch.java
 */
import type { KafkaErrorName } from '../protocol/errors';
import type { RecordHeader } from '../log/record';
import { RECORD_BATCH_OVERHEAD } from '../log/recordSize';

/** Kafka's `RecordMetadata`: where a record landed. On error offset and timestamp are -1. */
export interface RecordMetadata {
  topic: string;
  partition: number;
  /** -1 with acks=0, on error, or for a duplicate whose offset the broker no longer knows. */
  offset: number;
  /** LogAppendTime when the topic uses it, else the record's CreateTime; epoch ms. */
  timestamp: number;
}

/**
 * Kafka's `Callback.onCompletion`: `error` is null on success. `message` is the Java exception's
 * `toString()` on failure, e.g. `org.apache.kafka.common.errors.TimeoutException: Expiring 1
 * record(s) for t-0:120000 ms has passed since batch creation`.
 */
export type SendCallback = (
  error: KafkaErrorName | null,
  metadata: RecordMetadata,
  message?: string,
) => void;

/** Something waiting for a set of batches to complete (a flush). */
export interface BatchWaiter {
  remaining: number;
  onDone: () => void;
}

/** A batch for one topic partition, appended to until it is closed (full or drained). */
export class ProducerBatch {
  readonly keys: (string | null)[] = [];
  readonly values: (string | null)[] = [];
  /** CreateTime of each record, epoch ms. */
  readonly timestamps: number[] = [];
  /** null until a record with headers is appended. */
  headers: (RecordHeader[] | null)[] | null = null;
  /** Callbacks, and the index of the record each belongs to (records without one take no slot). */
  callbacks: SendCallback[] | null = null;
  callbackIndexes: number[] | null = null;
  /** Estimated encoded size, bytes (`estimatedSizeInBytes`). */
  sizeBytes = RECORD_BATCH_OVERHEAD;
  /** No more records may be appended: full, or drained at least once. */
  closed = false;
  done = false;
  /** Produce requests that carried this batch. */
  attempts = 0;
  /** Sequence number of the first record (KIP-98); -1 until first drained by an idempotent producer. */
  baseSequence = -1;
  /** Earliest virtual time of the next attempt (retry backoff), ms. */
  retryAtMs = 0;
  waiters: BatchWaiter[] | null = null;

  /** @param createdMs virtual time the batch was opened, ms (starts `linger.ms` and `delivery.timeout.ms`) */
  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly createdMs: number,
  ) {}

  /** Number of records. */
  get count(): number {
    return this.keys.length;
  }

  append(
    key: string | null,
    value: string | null,
    timestamp: number,
    headers: RecordHeader[] | null,
    sizeBytes: number,
    callback: SendCallback | undefined,
  ): void {
    const index = this.keys.length;
    this.keys.push(key);
    this.values.push(value);
    this.timestamps.push(timestamp);
    if (headers !== null || this.headers !== null) {
      if (this.headers === null) this.headers = new Array<RecordHeader[] | null>(index).fill(null);
      this.headers.push(headers);
    }
    if (callback !== undefined) {
      if (this.callbacks === null) {
        this.callbacks = [];
        this.callbackIndexes = [];
      }
      this.callbacks.push(callback);
      this.callbackIndexes!.push(index);
    }
    this.sizeBytes += sizeBytes;
  }

  /**
   * Completes the batch once (`ProducerBatch.done`): fires every callback, then the waiters.
   * @returns false when the batch was already complete
   */
  complete(
    error: KafkaErrorName | null,
    baseOffset: number,
    logAppendTimeMs: number,
    message?: string,
  ): boolean {
    if (this.done) return false;
    this.done = true;
    const callbacks = this.callbacks;
    if (callbacks !== null) {
      const indexes = this.callbackIndexes!;
      for (let i = 0; i < callbacks.length; i++) {
        const index = indexes[i]!;
        const ok = error === null;
        const metadata: RecordMetadata = {
          topic: this.topic,
          partition: this.partition,
          offset: ok && baseOffset >= 0 ? baseOffset + index : -1,
          timestamp: !ok ? -1 : logAppendTimeMs >= 0 ? logAppendTimeMs : this.timestamps[index]!,
        };
        if (ok) callbacks[i]!(null, metadata);
        else callbacks[i]!(error, metadata, message);
      }
    }
    const waiters = this.waiters;
    if (waiters !== null) {
      for (const w of waiters) if (--w.remaining === 0) w.onDone();
    }
    return true;
  }
}
