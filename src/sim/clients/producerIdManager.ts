/**
 * The idempotent producer's identity (the non-transactional part of Kafka's `TransactionManager`):
 * a producer id and epoch from InitProducerId before the first send, and a new one — with
 * sequence numbers restarting at 0 — after a batch whose sequence may or may not have reached the
 * broker failed (KIP-360 epoch bump).
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/producer/internals/TransactionManager.java
 */
import type { InitProducerIdRequest } from '../protocol/messages';
import type { ExponentialBackoff } from './backoff';
import type { ClientMetadata } from './clientMetadata';
import type { NetworkClient } from './networkClient';
import type { RecordAccumulator } from './recordAccumulator';

/** Gets and renews the producer id. */
export class ProducerIdManager {
  /** -1 until InitProducerId answered. */
  producerId = -1;
  producerEpoch = -1;
  /** Virtual time of the next InitProducerId attempt after a failure, ms. */
  retryAtMs = 0;
  private inFlight = false;
  private attempts = 0;
  private bumpPending = false;

  /**
   * @param onReady called when a producer id arrived (the sender wakes up)
   * @param onRetry called with the time of the next attempt after a failure
   */
  constructor(
    private readonly net: NetworkClient,
    private readonly metadata: ClientMetadata,
    private readonly accumulator: RecordAccumulator,
    private readonly requestTimeoutMs: number,
    private readonly backoff: ExponentialBackoff,
    private readonly onReady: () => void,
    private readonly onRetry: (at: number) => void,
  ) {}

  /** A sequenced batch failed: get a new producer id once nothing is in flight. */
  requestEpochBump(): void {
    this.bumpPending = true;
  }

  /**
   * Starts InitProducerId when needed.
   * @returns true when a producer id is ready for sending
   */
  ensure(now: number): boolean {
    if (this.bumpPending) {
      for (const q of this.accumulator.queues) if (q.inFlight.length > 0) return false;
      this.bumpPending = false;
      this.producerId = -1;
      for (const q of this.accumulator.queues) {
        q.nextSequence = 0;
        q.lastAckedSequence = -1;
        for (const b of q.batches) b.baseSequence = -1;
      }
    }
    if (this.producerId >= 0) return true;
    if (this.inFlight || now < this.retryAtMs) return false;
    const brokers = this.metadata.brokers();
    const nodes = brokers.length > 0 ? brokers : this.net.transport.bootstrapBrokers();
    if (nodes.length === 0) {
      this.failed(now);
      return false;
    }
    let node = nodes[this.attempts % nodes.length]!;
    for (const n of nodes) {
      if (this.net.inFlightRequests(n) < this.net.inFlightRequests(node)) node = n;
    }
    this.inFlight = true;
    const request: InitProducerIdRequest = {
      kind: 'InitProducerId',
      clientId: this.net.transport.clientId,
    };
    this.net.send(
      node,
      request,
      this.requestTimeoutMs,
      (response) => {
        this.inFlight = false;
        if (response.error !== 'NONE') {
          this.failed(this.net.now());
          return;
        }
        this.producerId = response.producerId;
        this.producerEpoch = response.producerEpoch;
        this.attempts = 0;
        this.net.transport.emit('producer.id.assigned', {
          clientId: this.net.transport.clientId,
          producerId: response.producerId,
          producerEpoch: response.producerEpoch,
        });
        this.onReady();
      },
      () => {
        this.inFlight = false;
        this.failed(this.net.now());
      },
    );
    return false;
  }

  private failed(now: number): void {
    this.retryAtMs = now + this.backoff.backoff(this.attempts);
    this.attempts++;
    this.onRetry(this.retryAtMs);
  }
}
