/**
 * `ProducerPerformance.start`'s send loop in virtual time (tools/src/main/java/org/apache/kafka/
 * tools/ProducerPerformance.java, Kafka 3.9): for each record, take `sendStartMs`, `send` with a
 * `PerfCallback`, commit the transaction when it is old enough, and let the throttler sleep;
 * then `close()` (or `flush()` with `--print-metrics`) and print the total line.
 *
 * The Java loop runs as fast as one thread can call `send()`; here each call costs
 * {@link SEND_COST_NS} of virtual time, so an unthrottled run offers at most 1,000 records per
 * virtual ms. `send()` blocks as Kafka's does: on the topic's metadata (`max.block.ms`), and
 * when the records waiting in the producer take `buffer.memory` bytes (counted here with each
 * record's encoded size; Kafka counts whole `batch.size` buffers). Latencies and throughput thus
 * come from the simulated network and brokers: acks=all waits for the followers' fetches.
 */
import type { Producer } from '../../../../sim/index';
import { recordSizeInBytes, sizeOfVarint, utf8Length } from '../../../../sim/log/recordSize';
import type { Prng } from '../../../../sim/random/prng';
import type { ProcessContext } from '../../../runtime/types';
import type { ProducerPerfConfig } from './producerPerformanceOptions';
import { UncaughtJavaException } from './producerPerformanceOptions';
import { ProducerStats } from './producerStats';
import { ThroughputThrottler } from './throughputThrottler';

/** Virtual CPU time of one `send()` call in the loop, ns. */
export const SEND_COST_NS = 1000;

const NS_PER_MS = 1_000_000;

/** How long to wait before looking again at a blocked `send()`, virtual ms. */
const BLOCKED_POLL_MS = 1;

/** Random payloads generated for `--record-size` (the loop picks among them), at most. */
const PAYLOAD_POOL = 64;

/** Random letters a `--record-size` payload repeats: longer payloads are this block over again. */
const PAYLOAD_BLOCK = 4096;

/**
 * `-Xmx512M`, the heap kafka-producer-perf-test.sh gives the JVM: `new byte[recordSize]` of this
 * size fails with OutOfMemoryError (approximately: the heap also holds the producer's buffers).
 */
const HEAP_BYTES = 512 * 1024 * 1024;

/** Encoded size of a record with a null key, no headers and a value of `length` bytes. */
function encodedSize(length: number): number {
  return recordSizeInBytes(0, 0, null, null, null) - 1 + sizeOfVarint(length) + length;
}

/**
 * A payload and its length in bytes (UTF-8); `value` is null for one too large to send, which
 * fails before anything reads it.
 */
interface Payload {
  readonly value: string | null;
  readonly bytes: number;
}

/** Counts for `--print-metrics`, kept by the producer's transport. */
export interface ProducerCounts {
  recordsSent: number;
  requests: number;
  recordsFailed: number;
  recordsRetried: number;
}

/** One run of the send loop, from the first `send()` to the total line. */
export class ProducerPerfRun {
  private readonly stats: ProducerStats;
  private readonly throttler: ThroughputThrottler;
  private readonly bufferMemory: number;
  private readonly pool: string[] = [];
  /** UTF-8 lengths of the `--payload-file` payloads. */
  private readonly fileBytes: number[];
  /** The loop's own clock: virtual ns, never behind the cluster's. */
  private clockNs: number;
  private i = 0;
  private outstandingBytes = 0;
  /** A record whose `send()` waits for buffer space: its payload, size and start time. */
  private blocked: { payload: string; bytes: number; size: number; sendStartMs: number } | null =
    null;
  /** The record whose `send()` waits for the topic's metadata, until its callback or the metadata. */
  private waitingForMetadata: { done: boolean } | null = null;
  private flushing = false;
  /** `--throughput 0`: the throttler waits until the process is stopped. */
  private stalled = false;
  /** `sendStartMs` of the record being sent. */
  private sendStartMs = 0;
  private currentTransactionSize = 0;
  private transactionStartTime = 0;
  private finished = false;

  constructor(
    private readonly ctx: ProcessContext,
    private readonly config: ProducerPerfConfig,
    private readonly producer: Producer,
    private readonly rng: Prng,
    bufferMemory: number,
    private readonly metrics: () => string,
  ) {
    const now = ctx.clock.now();
    this.stats = new ProducerStats(config.numRecords, now, (line) => ctx.stdout(line));
    this.throttler = new ThroughputThrottler(config.throughput, now);
    this.clockNs = now * NS_PER_MS;
    this.bufferMemory = bufferMemory;
    this.fileBytes = config.payloadByteList.map(utf8Length);
  }

  /** Runs the loop until every record is sent; then closes and prints. */
  start(): void {
    const size = this.config.recordSize;
    if (size !== null && size >= HEAP_BYTES) {
      // payload = new byte[config.recordSize]
      this.producer.abort();
      this.finished = true;
      this.ctx.stderr(
        new UncaughtJavaException('java.lang.OutOfMemoryError', 'Java heap space', [
          'org.apache.kafka.tools.ProducerPerformance.start(ProducerPerformance.java:71)',
          'org.apache.kafka.tools.ProducerPerformance.main(ProducerPerformance.java:56)',
        ]).trace(),
      );
      return this.ctx.exit(1);
    }
    this.loop();
  }

  private get nowMs(): number {
    return this.ctx.clock.now();
  }

  private resumeIn(ms: number): void {
    this.ctx.clock.schedule(Math.max(0, ms), () => this.loop());
  }

  private loop(): void {
    if (this.finished) return;
    const now = this.nowMs;
    if (this.clockNs < now * NS_PER_MS) this.clockNs = now * NS_PER_MS;
    if (this.waitingForMetadata !== null) {
      const w = this.waitingForMetadata;
      if (!w.done && this.producer.metadata.topic(this.config.topicName) === undefined)
        return this.resumeIn(BLOCKED_POLL_MS);
      this.waitingForMetadata = null;
      this.afterSend();
    }
    if (this.blocked !== null) {
      if (this.outstandingBytes + this.blocked.size > this.bufferMemory)
        return this.resumeIn(BLOCKED_POLL_MS);
      const { payload, bytes, size, sendStartMs } = this.blocked;
      this.blocked = null;
      this.send(payload, bytes, size, sendStartMs);
      this.afterSend();
    }
    if (this.flushing || this.stalled) return;
    const { config } = this;
    while (this.i < config.numRecords) {
      if (this.finished || this.flushing || this.stalled || this.blocked !== null) return;
      if (this.waitingForMetadata !== null) return this.resumeIn(BLOCKED_POLL_MS);
      const ms = Math.floor(this.clockNs / NS_PER_MS);
      if (ms > this.nowMs) return this.resumeIn(ms - this.nowMs);
      let payload: Payload;
      try {
        payload = this.payload(this.i);
      } catch (e) {
        if (!(e instanceof UncaughtJavaException)) throw e;
        this.producer.abort();
        this.ctx.stderr(e.trace());
        this.finished = true;
        return this.ctx.exit(1);
      }
      if (config.transactionsEnabled && this.currentTransactionSize === 0)
        this.transactionStartTime = ms; // beginTransaction()
      const sendStartMs = ms;
      const { value, bytes } = payload;
      const size = encodedSize(bytes);
      if (value === null) {
        // KafkaProducer.doSend waits for the topic's metadata, then ensureValidRecordSize throws
        // and the callback gets the exception at once.
        this.sendStartMs = sendStartMs;
        const done = this.tooLarge(size);
        if (!done.done) {
          this.waitingForMetadata = done;
          return this.resumeIn(BLOCKED_POLL_MS);
        }
        this.afterSend();
        continue;
      }
      if (this.outstandingBytes + size > this.bufferMemory) {
        // BufferPool.allocate blocks until earlier batches are acknowledged.
        this.blocked = { payload: value, bytes, size, sendStartMs };
        return this.resumeIn(BLOCKED_POLL_MS);
      }
      const knownTopic = this.producer.metadata.topic(config.topicName) !== undefined;
      const done = this.send(value, bytes, size, sendStartMs);
      if (!knownTopic && !done.done) {
        // waitOnMetadata: send() blocks until the topic's metadata arrives (or max.block.ms).
        this.waitingForMetadata = done;
        return this.resumeIn(BLOCKED_POLL_MS);
      }
      this.afterSend();
    }
    if (this.flushing || this.stalled || this.finished) return;
    this.finish();
  }

  /**
   * A record larger than `max.request.size`: once the topic's metadata is known (fetched as for
   * any send, so the topic is auto-created), its callback prints the RecordTooLargeException.
   */
  private tooLarge(size: number): { done: boolean } {
    const { producer, config } = this;
    const state = { done: false };
    const fail = () => {
      state.done = true;
      this.ctx.stderr(
        `org.apache.kafka.common.errors.RecordTooLargeException: The message is ${size} bytes when serialized which is larger than ${producer.config.maxRequestSize}, which is the value of the max.request.size configuration.\n`,
      );
    };
    if (producer.metadata.topic(config.topicName) !== undefined) {
      fail();
      return state;
    }
    producer.metadata.addTopic(config.topicName);
    producer.metadata.requestUpdate();
    const unsubscribe = producer.metadata.onUpdate(() => {
      if (state.done || producer.metadata.topic(config.topicName) === undefined) return;
      unsubscribe();
      fail();
    });
    const maxBlockMs = producer.config.maxBlockMs;
    this.ctx.clock.schedule(maxBlockMs, () => {
      if (state.done) return;
      unsubscribe();
      state.done = true;
      this.ctx.stderr(
        `org.apache.kafka.common.errors.TimeoutException: Topic ${config.topicName} not present in metadata after ${maxBlockMs} ms.\n`,
      );
    });
    return state;
  }

  /** `producer.send(record, new PerfCallback(sendStartMs, payload.length, stats))`. */
  private send(
    payload: string,
    bytes: number,
    size: number,
    sendStartMs: number,
  ): { done: boolean } {
    const state = { done: false };
    this.sendStartMs = sendStartMs;
    this.outstandingBytes += size;
    this.producer.send(
      { topic: this.config.topicName, key: null, value: payload },
      (error, _metadata, message) => {
        state.done = true;
        this.outstandingBytes -= size;
        const now = this.nowMs;
        if (error === null) {
          this.stats.record(now - sendStartMs, bytes, now);
          this.stats.iteration++;
        } else {
          // ApiExceptions carry no stack trace (ApiException.fillInStackTrace).
          this.ctx.stderr(
            `${message ?? `org.apache.kafka.common.errors.ApiException: ${error}`}\n`,
          );
        }
      },
    );
    return state;
  }

  /** The rest of one iteration after `send()` returned: transaction, throttle, next record. */
  private afterSend(): void {
    const { config } = this;
    const sendStartMs = this.sendStartMs;
    this.clockNs += SEND_COST_NS;
    const index = this.i;
    this.i++;
    this.currentTransactionSize++;
    if (
      config.transactionsEnabled &&
      config.transactionDurationMs <= sendStartMs - this.transactionStartTime
    ) {
      this.commitTransaction(() => {
        this.currentTransactionSize = 0;
        this.throttle(index, sendStartMs);
        this.loop();
      });
      return;
    }
    this.throttle(index, sendStartMs);
  }

  private throttle(index: number, sendStartMs: number): void {
    if (!this.throttler.shouldThrottle(index, sendStartMs)) return;
    const action = this.throttler.throttle();
    if (action === 'forever') {
      // --throughput 0: Object.wait() until the JVM is stopped.
      this.stalled = true;
      return;
    }
    this.clockNs += action.sleepNs;
  }

  /** `commitTransaction()`: the simulation has no transaction coordinator; it flushes. */
  private commitTransaction(then: () => void): void {
    this.flushing = true;
    this.producer.flush(() => {
      this.flushing = false;
      then();
    });
  }

  private finish(): void {
    const { config } = this;
    if (config.transactionsEnabled && this.currentTransactionSize !== 0) {
      this.commitTransaction(() => {
        this.currentTransactionSize = 0;
        this.finish();
      });
      return;
    }
    this.finished = true;
    if (!config.shouldPrintMetrics) {
      this.producer.close(() => {
        this.stats.printTotal(this.nowMs);
        this.ctx.exit(0);
      });
      return;
    }
    this.producer.flush(() => {
      this.stats.printTotal(this.nowMs);
      this.ctx.stdout(this.metrics());
      this.producer.close(() => this.ctx.exit(0));
    });
  }

  /** Stops at once (Ctrl-C): ProducerPerformance registers no shutdown hook. */
  abort(): void {
    this.finished = true;
    this.producer.abort();
  }

  /**
   * `generateRandomPayload`: a payload from the file (chosen at random), `--record-size` random
   * capital letters, or the record's index.
   */
  private payload(i: number): Payload {
    const { config } = this;
    if (config.payloadByteList.length > 0) {
      const k = this.rng.int(config.payloadByteList.length);
      return { value: config.payloadByteList[k]!, bytes: this.fileBytes[k]! };
    }
    if (config.recordSize !== null) {
      const n = config.recordSize;
      if (encodedSize(n) > this.producer.config.maxRequestSize) return { value: null, bytes: n };
      if (this.pool.length < PAYLOAD_POOL && this.pool.length * n < 4 << 20) {
        let block = '';
        for (let j = 0; j < Math.min(n, PAYLOAD_BLOCK); j++)
          block += String.fromCharCode(65 + this.rng.int(26));
        const payload = block.repeat(Math.ceil(n / block.length)).slice(0, n);
        this.pool.push(payload);
        return { value: payload, bytes: n };
      }
      return { value: this.pool[this.rng.int(this.pool.length)]!, bytes: n };
    }
    if (config.payloadMonotonic) {
      const value = String(i);
      return { value, bytes: value.length };
    }
    throw new UncaughtJavaException(
      'java.lang.IllegalArgumentException',
      'no payload File Path or record Size or payload-monotonic option provided',
      [
        'org.apache.kafka.tools.ProducerPerformance.generateRandomPayload(ProducerPerformance.java:159)',
        'org.apache.kafka.tools.ProducerPerformance.start(ProducerPerformance.java:84)',
        'org.apache.kafka.tools.ProducerPerformance.main(ProducerPerformance.java:56)',
      ],
    );
  }
}
