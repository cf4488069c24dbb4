/**
 * The simulated `KafkaProducer`: `send()` picks the partition (explicit, murmur2 of the key, or the
 * partitioner's choice for null keys), appends the record to the accumulator and returns at once;
 * the {@link Sender} delivers batches on virtual-time wakeups and fires the callbacks.
 * A record for a topic the metadata does not know yet waits (Kafka blocks in `send()`) until the
 * metadata has it, or fails after `max.block.ms`.
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/producer/KafkaProducer.java
 */
import type { RecordHeader } from '../log/record';
import { recordSizeInBytes } from '../log/recordSize';
import { BuiltInPartitioner } from '../partitioner/builtInPartitioner';
import { createPartitioner } from '../partitioner/createPartitioner';
import { utf8 } from '../partitioner/murmur2';
import type { Partitioner } from '../partitioner/types';
import { ClientMetadata } from './clientMetadata';
import type { TopicView } from './clientMetadata';
import { partitionForStringKey } from './keyHash';
import { NetworkClient } from './networkClient';
import type { BatchWaiter, SendCallback } from './producerBatch';
import { parseProducerConfig } from './producerConfig';
import type { ProducerConfig } from './producerConfig';
import { RecordAccumulator } from './recordAccumulator';
import { Sender } from './sender';
import type { ClientTransport } from './transport';

/** Kafka's `ProducerRecord` with String key and value (`StringSerializer`). */
export interface ProducerRecord {
  topic: string;
  key: string | null;
  value: string | null;
  headers?: RecordHeader[];
  /** Explicit partition; otherwise the partitioner chooses. */
  partition?: number;
  /** CreateTime, epoch ms; defaults to the producer's clock. */
  timestamp?: number;
}

interface ParkedRecord {
  record: ProducerRecord;
  callback: SendCallback | undefined;
  /** Virtual time at which `max.block.ms` runs out, ms. */
  deadline: number;
}

/** A producer client. Create one per `ClientTransport`. */
export class Producer {
  /** The effective configuration (Kafka defaults applied, idempotence resolved). */
  readonly config: ProducerConfig;
  /** The producer's metadata cache. */
  readonly metadata: ClientMetadata;
  private readonly net: NetworkClient;
  private readonly accumulator: RecordAccumulator;
  private readonly sender: Sender;
  private readonly partitioner: Partitioner;
  private readonly builtIn: boolean;
  private readonly parked = new Map<string, ParkedRecord[]>();
  private parkedCount = 0;
  private blockTimer: number | undefined;
  private blockTimerAt = Infinity;
  private afterParked: (() => void)[] = [];
  private closed = false;

  /**
   * @param props producer properties by Kafka name (`acks`, `linger.ms`, `batch.size`, …)
   * @throws ConfigException for invalid or conflicting values, with Kafka's message
   */
  constructor(
    private readonly transport: ClientTransport,
    props: Readonly<Record<string, string>> = {},
  ) {
    this.config = parseProducerConfig(props);
    const c = this.config;
    this.net = new NetworkClient(transport, `[Producer clientId=${transport.clientId}] `);
    this.metadata = new ClientMetadata(this.net, {
      allowAutoTopicCreation: true, // ProducerMetadata always allows it; the broker decides
      metadataMaxAgeMs: c.metadataMaxAgeMs,
      retryBackoffMs: c.retryBackoffMs,
      retryBackoffMaxMs: c.retryBackoffMaxMs,
      requestTimeoutMs: c.requestTimeoutMs,
    });
    this.accumulator = new RecordAccumulator(c.batchSize);
    this.sender = new Sender(this.net, this.metadata, this.accumulator, c);
    this.partitioner = createPartitioner(c.partitionerClass, transport.rng.fork('partitioner'), {
      batchSizeBytes: Math.max(1, c.batchSize),
      ignoreKeys: c.partitionerIgnoreKeys,
      adaptivePartitioning: c.partitionerAdaptivePartitioningEnable,
    });
    this.builtIn = this.partitioner instanceof BuiltInPartitioner;
    this.metadata.onUpdate(() => {
      this.sender.wakeup();
      if (this.parkedCount > 0) this.releaseParked();
    });
  }

  /**
   * Sends a record asynchronously (`KafkaProducer.send`). The callback runs once: on the ack
   * (acks=1/all), when the batch is on the wire (acks=0, offset -1), or on failure.
   * @throws Error after close(), or for an explicit partition outside the topic's partitions
   */
  send(record: ProducerRecord, callback?: SendCallback): void {
    if (this.closed) throw new Error('Cannot perform operation after producer has been closed');
    const topic = this.metadata.topic(record.topic);
    if (
      topic === undefined ||
      (this.parkedCount > 0 && this.parked.has(record.topic)) ||
      (record.partition !== undefined && record.partition >= topic.partitionCount)
    ) {
      this.park(record, callback);
      return;
    }
    this.append(topic, record, callback);
  }

  /**
   * Makes every buffered record ready at once and calls `onDone` when all records sent before the
   * call are complete (`KafkaProducer.flush`).
   */
  flush(onDone: () => void = () => {}): void {
    if (this.parkedCount > 0) {
      this.afterParked.push(() => this.flush(onDone));
      return;
    }
    const batches = [...this.accumulator.incomplete];
    if (batches.length === 0) {
      this.transport.schedule(0, onDone);
      return;
    }
    this.sender.flushing++;
    const waiter: BatchWaiter = {
      remaining: batches.length,
      onDone: () => {
        this.sender.flushing--;
        onDone();
      },
    };
    for (const b of batches) (b.waiters ??= []).push(waiter);
    this.sender.wakeup();
  }

  /**
   * Sends everything buffered, then stops the producer (`KafkaProducer.close()`): no more sends;
   * `onDone` runs once every record is complete.
   */
  close(onDone: () => void = () => {}): void {
    if (this.closed) {
      this.transport.schedule(0, onDone);
      return;
    }
    this.closed = true;
    this.sender.closing = true;
    this.flush(() => {
      this.sender.stop();
      this.metadata.close();
      if (this.blockTimer !== undefined) this.transport.cancel(this.blockTimer);
      onDone();
    });
  }

  /**
   * Stops at once, as when the JVM running the producer dies (Ctrl-C on kafka-console-producer,
   * which registers no shutdown hook): buffered and waiting records are never sent and their
   * callbacks never run; a Produce request already on the wire still reaches its broker.
   */
  abort(): void {
    this.closed = true;
    this.sender.closing = true;
    this.sender.stop();
    this.metadata.close();
    if (this.blockTimer !== undefined) this.transport.cancel(this.blockTimer);
    this.blockTimer = undefined;
    this.parked.clear();
    this.parkedCount = 0;
    this.afterParked = [];
  }

  /** The producer id the broker assigned (idempotence), -1 before or without it. */
  get producerId(): number {
    return this.sender.currentProducerId;
  }

  /** The hot path: partition, size, append. No per-record allocation beyond the columns. */
  private append(topic: TopicView, record: ProducerRecord, callback?: SendCallback): void {
    const key = record.key;
    const value = record.value;
    const headers =
      record.headers !== undefined && record.headers.length > 0 ? record.headers : null;
    const size = recordSizeInBytes(0, 0, key, value, headers);
    if (size > this.config.maxRequestSize) {
      callback?.(
        'MESSAGE_TOO_LARGE',
        { topic: record.topic, partition: record.partition ?? -1, offset: -1, timestamp: -1 },
        `org.apache.kafka.common.errors.RecordTooLargeException: The message is ${size} bytes when serialized which is larger than ${this.config.maxRequestSize}, which is the value of the max.request.size configuration.`,
      );
      return;
    }
    let partition = record.partition;
    if (partition === undefined) {
      partition = this.choosePartition(topic, key, size);
    } else if (partition < 0) {
      throw new Error(
        `Invalid partition given with record: ${partition} is not in the range [0...${topic.partitionCount}].`,
      );
    }
    const now = this.transport.now();
    const q = this.accumulator.queue(record.topic, partition);
    const before = q.batches.length;
    const batch = this.accumulator.append(
      record.topic,
      partition,
      key,
      value,
      record.timestamp ?? this.transport.wallClockMs?.() ?? now,
      headers,
      size,
      callback,
      now,
    );
    if (batch.count === 1) this.sender.batchCreated(batch, before > 0);
    else if (batch.closed) this.sender.wakeup();
  }

  /** `KafkaProducer.partition`: murmur2 for keys with the built-in partitioner, else the partitioner. */
  private choosePartition(topic: TopicView, key: string | null, size: number): number {
    if (this.builtIn) {
      if (key !== null && !this.config.partitionerIgnoreKeys) {
        return partitionForStringKey(key, topic.partitionCount);
      }
      return this.partitioner.partition(topic.name, null, size, topic);
    }
    return this.partitioner.partition(topic.name, key === null ? null : utf8(key), size, topic);
  }

  /** Holds a record until its topic (and partition) is in the metadata (`waitOnMetadata`). */
  private park(record: ProducerRecord, callback: SendCallback | undefined): void {
    let list = this.parked.get(record.topic);
    if (list === undefined) this.parked.set(record.topic, (list = []));
    const deadline = this.transport.now() + this.config.maxBlockMs;
    list.push({ record, callback, deadline });
    this.parkedCount++;
    this.metadata.addTopic(record.topic);
    this.metadata.requestUpdate();
    this.armBlockTimer(deadline);
  }

  private releaseParked(): void {
    for (const [name, list] of [...this.parked]) {
      const topic = this.metadata.topic(name);
      const error = this.metadata.topicError(name);
      // Index through the list and drop the released prefix once: shifting one by one is
      // quadratic when many records waited for the topic's metadata.
      let released = 0;
      while (released < list.length) {
        const head = list[released]!;
        if (error === 'INVALID_TOPIC_EXCEPTION') {
          this.failParked(
            head,
            'INVALID_TOPIC_EXCEPTION',
            `org.apache.kafka.common.errors.InvalidTopicException: Invalid topics: [${name}]`,
          );
        } else if (
          topic !== undefined &&
          (head.record.partition === undefined || head.record.partition < topic.partitionCount)
        ) {
          this.append(topic, head.record, head.callback);
        } else {
          break;
        }
        released++;
        this.parkedCount--;
      }
      list.splice(0, released);
      if (list.length === 0) this.parked.delete(name);
      else this.metadata.requestUpdate();
    }
    this.afterParkedDrained();
  }

  private armBlockTimer(deadline: number): void {
    if (deadline >= this.blockTimerAt) return;
    if (this.blockTimer !== undefined) this.transport.cancel(this.blockTimer);
    this.blockTimerAt = deadline;
    this.blockTimer = this.transport.schedule(deadline - this.transport.now(), () => {
      this.blockTimer = undefined;
      this.blockTimerAt = Infinity;
      this.expireParked();
    });
  }

  /** Fails records that waited `max.block.ms` for metadata. */
  private expireParked(): void {
    const now = this.transport.now();
    let next = Infinity;
    for (const [name, list] of [...this.parked]) {
      while (list.length > 0 && list[0]!.deadline <= now) {
        const head = list.shift()!;
        this.parkedCount--;
        const topic = this.metadata.topic(name);
        const p = head.record.partition;
        this.failParked(
          head,
          'REQUEST_TIMED_OUT',
          topic !== undefined && p !== undefined
            ? `org.apache.kafka.common.errors.TimeoutException: Partition ${p} of topic ${name} with partition count ${topic.partitionCount} is not present in metadata after ${this.config.maxBlockMs} ms.`
            : `org.apache.kafka.common.errors.TimeoutException: Topic ${name} not present in metadata after ${this.config.maxBlockMs} ms.`,
        );
      }
      if (list.length === 0) this.parked.delete(name);
      else next = Math.min(next, list[0]!.deadline);
    }
    if (next < Infinity) this.armBlockTimer(next);
    this.afterParkedDrained();
  }

  private failParked(
    parked: ParkedRecord,
    error: 'REQUEST_TIMED_OUT' | 'INVALID_TOPIC_EXCEPTION',
    message: string,
  ): void {
    const r = parked.record;
    this.transport.emit('producer.error', {
      clientId: this.transport.clientId,
      topic: r.topic,
      partition: r.partition ?? -1,
      count: 1,
      error,
      retriable: false,
    });
    parked.callback?.(
      error,
      { topic: r.topic, partition: r.partition ?? -1, offset: -1, timestamp: -1 },
      message,
    );
  }

  private afterParkedDrained(): void {
    if (this.parkedCount > 0 || this.afterParked.length === 0) return;
    const pending = this.afterParked;
    this.afterParked = [];
    for (const fn of pending) fn();
  }
}
