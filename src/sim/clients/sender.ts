/**
 * The producer's sender (Kafka's `Sender` I/O thread, run on virtual-time wakeups): finds the ready
 * batches, drains them per partition leader into ONE Produce request per broker (one batch per
 * partition, at most `max.request.size` bytes, at most `max.in.flight.requests.per.connection`
 * requests in flight per broker), retries retriable errors after `retry.backoff.ms` until
 * `delivery.timeout.ms`, refreshes metadata after invalid-metadata errors, and — with idempotence —
 * numbers records per partition (KIP-98) and treats DUPLICATE_SEQUENCE_NUMBER as success.
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/producer/internals/Sender.java
 */
import type { KafkaErrorName } from '../protocol/errors';
import { kafkaErrors } from '../protocol/errors';
import type {
  ProducePartitionResponse,
  ProduceRequest,
  ProduceResponse,
} from '../protocol/messages';
import { ExponentialBackoff } from './backoff';
import type { ClientMetadata } from './clientMetadata';
import { INVALID_METADATA_ERRORS, exceptionString, logWarn } from './clientLog';
import type { NetworkClient } from './networkClient';
import type { ProducerBatch } from './producerBatch';
import type { ProducerConfig } from './producerConfig';
import { ProducerIdManager } from './producerIdManager';
import type { PartitionQueue, RecordAccumulator } from './recordAccumulator';

const SENDER_LOGGER = 'org.apache.kafka.clients.producer.internals.Sender';

/** Drives the accumulator's batches to the brokers. */
export class Sender {
  /** Flushes in progress: while > 0 every batch is ready at once (`flushInProgress`). */
  flushing = 0;
  /** Set by close(): every batch is ready at once. */
  closing = false;
  private wakeupPending = false;
  private stopped = false;
  private timer: number | undefined;
  private timerAt = Infinity;
  private readonly ids: ProducerIdManager;
  private readonly backoff: ExponentialBackoff;
  private readonly idempotent: boolean;

  constructor(
    private readonly net: NetworkClient,
    private readonly metadata: ClientMetadata,
    private readonly accumulator: RecordAccumulator,
    private readonly config: ProducerConfig,
  ) {
    this.idempotent = config.enableIdempotence;
    this.backoff = new ExponentialBackoff(
      config.retryBackoffMs,
      config.retryBackoffMaxMs,
      net.transport.rng,
    );
    this.ids = new ProducerIdManager(
      net,
      metadata,
      accumulator,
      config.requestTimeoutMs,
      this.backoff,
      () => this.wakeup(),
      (at) => this.runAt(at),
    );
  }

  /** The producer id from InitProducerId, -1 before (or without idempotence). */
  get currentProducerId(): number {
    return this.ids.producerId;
  }

  /** Runs the sender later in the current virtual ms (coalesces: one run however many calls). */
  wakeup(): void {
    if (this.wakeupPending || this.stopped) return;
    this.wakeupPending = true;
    this.net.transport.schedule(0, () => this.run());
  }

  /** Called when `batch` was opened: ready at once with linger.ms=0 or behind a full batch. */
  batchCreated(batch: ProducerBatch, behindFullBatch: boolean): void {
    if (behindFullBatch || this.config.lingerMs === 0) this.wakeup();
    else this.runAt(batch.createdMs + this.config.lingerMs);
  }

  /** Stops all timers; in-flight responses are still handled. */
  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.net.transport.cancel(this.timer);
    this.timer = undefined;
  }

  private runAt(time: number): void {
    if (this.stopped || time >= this.timerAt) return;
    const transport = this.net.transport;
    if (this.timer !== undefined) transport.cancel(this.timer);
    this.timerAt = time;
    this.timer = transport.schedule(time - transport.now(), () => {
      this.timer = undefined;
      this.timerAt = Infinity;
      this.run();
    });
  }

  /** One pass of `Sender.runOnce`: expire, (init producer id), drain, send. */
  run(): void {
    this.wakeupPending = false;
    if (this.stopped) return;
    const now = this.net.now();
    let nextCheck = this.expireBatches(now);
    if (this.idempotent && !this.ids.ensure(now)) {
      if (this.ids.retryAtMs > now) nextCheck = Math.min(nextCheck, this.ids.retryAtMs);
      this.runAt(nextCheck);
      return;
    }
    const readyByNode = new Map<number, PartitionQueue[]>();
    let unknownLeader = false;
    for (const q of this.accumulator.queues) {
      const batch = q.batches[0];
      if (batch === undefined) continue;
      const readyAt = this.readyAt(q, batch);
      if (readyAt > now) {
        nextCheck = Math.min(nextCheck, readyAt);
        continue;
      }
      const leader = this.metadata.leader(q.topic, q.partition);
      if (leader < 0) {
        unknownLeader = true;
        continue;
      }
      let queues = readyByNode.get(leader);
      if (queues === undefined) readyByNode.set(leader, (queues = []));
      queues.push(q);
    }
    if (unknownLeader) this.metadata.requestUpdate();
    for (const [node, queues] of readyByNode) this.drainNode(node, queues, now);
    this.runAt(nextCheck);
  }

  /** Virtual time at which the first batch of `q` may be sent (`RecordAccumulator.ready`). */
  private readyAt(q: PartitionQueue, batch: ProducerBatch): number {
    const full = batch.closed || q.batches.length > 1;
    const sendable =
      full || this.flushing > 0 || this.closing
        ? batch.createdMs
        : batch.createdMs + this.config.lingerMs;
    return Math.max(sendable, batch.retryAtMs);
  }

  /** Whether the first batch of `q` may go out now (ordering rules included). */
  private drainable(q: PartitionQueue, now: number): boolean {
    const batch = q.batches[0];
    if (batch === undefined || this.readyAt(q, batch) > now) return false;
    if (q.inFlight.length > 0) {
      // max.in.flight=1 guarantees order by muting the partition; with idempotence a retried
      // batch waits until everything before it is answered, so sequences reach the broker in order.
      if (this.config.maxInFlightRequestsPerConnection === 1) return false;
      if (this.idempotent && batch.baseSequence >= 0) return false;
    }
    return true;
  }

  /** `RecordAccumulator.drain` for one broker: Produce requests while in-flight slots remain. */
  private drainNode(node: number, queues: PartitionQueue[], now: number): void {
    const maxInFlight = this.config.maxInFlightRequestsPerConnection;
    while (this.config.acks === 0 || this.net.inFlightRequests(node) < maxInFlight) {
      const drained: ProducerBatch[] = [];
      let size = 0;
      for (const q of queues) {
        if (!this.drainable(q, now)) continue;
        const batch = q.batches[0]!;
        if (drained.length > 0 && size + batch.sizeBytes > this.config.maxRequestSize) break;
        q.batches.shift();
        batch.closed = true;
        if (this.idempotent && batch.baseSequence < 0) {
          batch.baseSequence = q.nextSequence;
          q.nextSequence = (q.nextSequence + batch.count) | 0;
        }
        size += batch.sizeBytes;
        drained.push(batch);
      }
      if (drained.length === 0) return;
      this.sendProduceRequest(node, drained);
    }
  }

  private sendProduceRequest(node: number, batches: ProducerBatch[]): void {
    const transport = this.net.transport;
    const acks = this.config.acks;
    const request: ProduceRequest = {
      kind: 'Produce',
      clientId: transport.clientId,
      acks,
      timeoutMs: this.config.requestTimeoutMs,
      batches: batches.map((b) => ({
        topic: b.topic,
        partition: b.partition,
        batch: {
          producerId: this.ids.producerId,
          producerEpoch: this.ids.producerEpoch,
          baseSequence: b.baseSequence,
          keys: b.keys,
          values: b.values,
          timestamps: b.timestamps,
          headers: b.headers,
        },
      })),
    };
    let records = 0;
    for (const b of batches) {
      b.attempts++;
      records += b.count;
      if (acks !== 0) this.accumulator.queue(b.topic, b.partition).inFlight.push(b);
    }
    transport.emit('producer.batch.sent', {
      clientId: transport.clientId,
      broker: node,
      acks,
      count: records,
      partitions: batches.map((b) => ({
        topic: b.topic,
        partition: b.partition,
        count: b.count,
        baseSequence: b.baseSequence,
        attempt: b.attempts,
      })),
    });
    if (acks === 0) {
      // No response is expected: the batch is complete once it is on the wire (offset -1).
      this.net.sendOneWay(node, request, this.config.requestTimeoutMs);
      for (const b of batches) this.finish(b, null, -1, -1);
      return;
    }
    this.net.send(
      node,
      request,
      this.config.requestTimeoutMs,
      (response, correlationId) => this.handleResponse(batches, response, correlationId),
      (_error, correlationId) => {
        // A lost connection or a timed-out request: Kafka disconnects and fails every batch of
        // the request with NETWORK_EXCEPTION.
        for (const b of batches)
          this.handleBatchResult(b, 'NETWORK_EXCEPTION', -1, -1, correlationId);
        this.wakeup();
      },
    );
  }

  private handleResponse(
    batches: ProducerBatch[],
    response: ProduceResponse,
    correlationId: number,
  ): void {
    for (const b of batches) {
      let pr: ProducePartitionResponse | undefined;
      for (const r of response.responses) {
        if (r.partition === b.partition && r.topic === b.topic) {
          pr = r;
          break;
        }
      }
      if (pr === undefined) this.handleBatchResult(b, 'NETWORK_EXCEPTION', -1, -1, correlationId);
      else this.handleBatchResult(b, pr.error, pr.baseOffset, pr.logAppendTimeMs, correlationId);
    }
    this.wakeup();
  }

  /** `Sender.completeBatch`: success, retry, or failure of one batch. */
  private handleBatchResult(
    batch: ProducerBatch,
    error: KafkaErrorName,
    baseOffset: number,
    logAppendTimeMs: number,
    correlationId: number,
  ): void {
    const q = this.accumulator.queue(batch.topic, batch.partition);
    const i = q.inFlight.indexOf(batch);
    if (i >= 0) q.inFlight.splice(i, 1);
    if (batch.done) return; // expired while in flight
    const tp = `${batch.topic}-${batch.partition}`;
    if (error === 'NONE' || error === 'DUPLICATE_SEQUENCE_NUMBER') {
      // DUPLICATE_SEQUENCE_NUMBER: the broker already has this batch (an earlier attempt whose
      // response was lost); success, though the offset may be unknown (-1).
      if (batch.baseSequence >= 0) {
        q.lastAckedSequence = Math.max(q.lastAckedSequence, batch.baseSequence + batch.count - 1);
      }
      this.finish(batch, null, baseOffset, logAppendTimeMs);
      return;
    }
    const now = this.net.now();
    const retriesSoFar = batch.attempts - 1;
    const retriable =
      kafkaErrors[error].retriable ||
      // A later batch of a partition whose earlier batch failed is rejected out of order: retry it.
      (error === 'OUT_OF_ORDER_SEQUENCE_NUMBER' && batch.baseSequence > q.lastAckedSequence + 1);
    const canRetry =
      retriable &&
      retriesSoFar < this.config.retries &&
      now - batch.createdMs < this.config.deliveryTimeoutMs;
    const transport = this.net.transport;
    transport.emit('producer.error', {
      clientId: transport.clientId,
      topic: batch.topic,
      partition: batch.partition,
      count: batch.count,
      error,
      retriable: canRetry,
    });
    if (canRetry) {
      logWarn(
        this.net,
        SENDER_LOGGER,
        `Got error produce response with correlation id ${correlationId} on topic-partition ${tp}, retrying (${this.config.retries - retriesSoFar - 1} attempts left). Error: ${error}`,
      );
      batch.retryAtMs = now + this.backoff.backoff(retriesSoFar);
      this.accumulator.reenqueue(q, batch);
    } else {
      this.finish(batch, error, -1, -1, exceptionString(error));
    }
    if (INVALID_METADATA_ERRORS.has(error)) {
      logWarn(
        this.net,
        SENDER_LOGGER,
        error === 'UNKNOWN_TOPIC_OR_PARTITION'
          ? `Received unknown topic or partition error in produce request on partition ${tp}. The topic-partition may not exist or the user may not have Describe access to it`
          : `Received invalid metadata error in produce request on partition ${tp} due to ${exceptionString(error)}. Going to request metadata update now`,
      );
      this.metadata.requestUpdate();
    }
  }

  /** Completes a batch and forgets it; a failed batch that had a sequence forces an epoch bump. */
  private finish(
    batch: ProducerBatch,
    error: KafkaErrorName | null,
    baseOffset: number,
    logAppendTimeMs: number,
    message?: string,
  ): void {
    this.accumulator.incomplete.delete(batch);
    if (error !== null && this.idempotent && batch.baseSequence >= 0) {
      // Its sequence may or may not be on the broker: continuing would break the sequence, so
      // the producer takes a new producer id / epoch and restarts sequences at 0 (KIP-360).
      this.ids.requestEpochBump();
    }
    if (error === null && this.config.acks !== 0) {
      const transport = this.net.transport;
      transport.emit('producer.acked', {
        clientId: transport.clientId,
        topic: batch.topic,
        partition: batch.partition,
        offset: baseOffset,
        count: batch.count,
      });
    }
    batch.complete(error, baseOffset, logAppendTimeMs, message);
  }

  /**
   * Fails batches older than `delivery.timeout.ms`, queued or in flight
   * (`RecordAccumulator.expiredBatches`, `Sender.getExpiredInflightBatches`).
   * @returns the virtual time of the next expiry
   */
  private expireBatches(now: number): number {
    const timeout = this.config.deliveryTimeoutMs;
    let next = Infinity;
    for (const q of this.accumulator.queues) {
      for (let i = 0; i < q.inFlight.length;) {
        const b = q.inFlight[i]!;
        if (now - b.createdMs >= timeout) {
          q.inFlight.splice(i, 1);
          this.expire(b, now);
        } else {
          next = Math.min(next, b.createdMs + timeout);
          i++;
        }
      }
      while (q.batches.length > 0) {
        const b = q.batches[0]!;
        if (now - b.createdMs < timeout) {
          next = Math.min(next, b.createdMs + timeout);
          break;
        }
        q.batches.shift();
        this.expire(b, now);
      }
    }
    return next;
  }

  private expire(batch: ProducerBatch, now: number): void {
    const transport = this.net.transport;
    transport.emit('producer.error', {
      clientId: transport.clientId,
      topic: batch.topic,
      partition: batch.partition,
      count: batch.count,
      error: 'REQUEST_TIMED_OUT',
      retriable: false,
    });
    this.finish(
      batch,
      'REQUEST_TIMED_OUT',
      -1,
      -1,
      `org.apache.kafka.common.errors.TimeoutException: Expiring ${batch.count} record(s) for ${batch.topic}-${batch.partition}:${now - batch.createdMs} ms has passed since batch creation`,
    );
  }
}
