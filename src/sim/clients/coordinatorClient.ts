/**
 * Finding and talking to a consumer group's coordinator: FindCoordinator (key type `group`) to the
 * least loaded broker, then every group request (JoinGroup, SyncGroup, Heartbeat, LeaveGroup,
 * OffsetCommit, OffsetFetch) to that broker. Requests made while the coordinator is unknown wait
 * for the discovery; NOT_COORDINATOR, COORDINATOR_NOT_AVAILABLE and lost connections mark it
 * unknown and start a rediscovery (`AbstractCoordinator.ensureCoordinatorReady`,
 * `markCoordinatorUnknown`).
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/consumer/internals/AbstractCoordinator.java
 */
import type { GroupRequest, GroupResponse, ResponseFor } from '../groups/protocol';
import { errorResponse } from '../groups/protocol';
import type { KafkaErrorName } from '../protocol/errors';
import type { FindCoordinatorRequest } from '../protocol/messages';
import { ExponentialBackoff } from './backoff';
import type { ClientMetadata } from './clientMetadata';
import type { NetworkClient } from './networkClient';

const COORDINATOR_ERRORS: ReadonlySet<KafkaErrorName> = new Set([
  'NOT_COORDINATOR',
  'COORDINATOR_NOT_AVAILABLE',
]);

interface Waiting {
  request: GroupRequest;
  onResponse: (response: GroupResponse) => void;
}

/** The coordinator of one group, as one consumer sees it. */
export class CoordinatorClient {
  /** Broker id of the coordinator, -1 while unknown. */
  coordinator = -1;
  /** Called after each successful (re)discovery. */
  onDiscovered: () => void = () => {};
  private finding = false;
  private attempts = 0;
  private retryTimer: number | undefined;
  private waiting: Waiting[] = [];
  private closed = false;
  private readonly backoff: ExponentialBackoff;

  constructor(
    private readonly net: NetworkClient,
    private readonly metadata: ClientMetadata,
    private readonly groupId: string,
    private readonly requestTimeoutMs: number,
    retryBackoffMs: number,
    retryBackoffMaxMs: number,
  ) {
    this.backoff = new ExponentialBackoff(retryBackoffMs, retryBackoffMaxMs, net.transport.rng);
  }

  /**
   * Sends a group request to the coordinator (after discovering it if needed). A network failure
   * comes back as an error response (`NETWORK_EXCEPTION` / `REQUEST_TIMED_OUT`), as GroupMember
   * expects.
   */
  send<R extends GroupRequest>(request: R, onResponse: (response: ResponseFor<R>) => void): void {
    if (this.closed) {
      this.net.transport.schedule(0, () => onResponse(errorResponse(request, 'NETWORK_EXCEPTION')));
      return;
    }
    if (this.coordinator < 0) {
      this.waiting.push({ request, onResponse: onResponse as (r: GroupResponse) => void });
      this.discover();
      return;
    }
    const node = this.coordinator;
    this.net.send(
      node,
      request as GroupRequest,
      this.requestTimeoutMs,
      (response) => {
        const error = 'error' in response ? response.error : undefined;
        if (error !== undefined && COORDINATOR_ERRORS.has(error)) this.markUnknown(node);
        onResponse(response as ResponseFor<R>);
      },
      (error) => {
        this.markUnknown(node);
        onResponse(errorResponse(request, error));
      },
    );
  }

  /** Forgets the coordinator (if it is still `node`) and rediscovers it. */
  markUnknown(node = this.coordinator): void {
    if (node !== this.coordinator || this.coordinator < 0) return;
    this.coordinator = -1;
    this.net.transport.emit('consumer.coordinator.lost', {
      clientId: this.net.transport.clientId,
      groupId: this.groupId,
      broker: node,
    });
    this.discover();
  }

  /** Starts a FindCoordinator unless one is running or the coordinator is known. */
  discover(): void {
    if (this.closed || this.finding || this.coordinator >= 0 || this.retryTimer !== undefined)
      return;
    const transport = this.net.transport;
    const brokers = this.metadata.brokers();
    const nodes = brokers.length > 0 ? brokers : transport.bootstrapBrokers();
    if (nodes.length === 0) {
      this.retryLater();
      return;
    }
    let node = nodes[this.attempts % nodes.length]!;
    for (const n of nodes)
      if (this.net.inFlightRequests(n) < this.net.inFlightRequests(node)) node = n;
    this.finding = true;
    const request: FindCoordinatorRequest = {
      kind: 'FindCoordinator',
      clientId: transport.clientId,
      keyType: 'group',
      key: this.groupId,
    };
    this.net.send(
      node,
      request,
      this.requestTimeoutMs,
      (response) => {
        this.finding = false;
        if (this.closed) return;
        if (response.error !== 'NONE' || response.nodeId < 0) {
          this.retryLater();
          return;
        }
        this.attempts = 0;
        this.coordinator = response.nodeId;
        transport.emit('consumer.coordinator.found', {
          clientId: transport.clientId,
          groupId: this.groupId,
          broker: response.nodeId,
        });
        const waiting = this.waiting;
        this.waiting = [];
        for (const w of waiting) this.send(w.request, w.onResponse);
        this.onDiscovered();
      },
      () => {
        this.finding = false;
        this.retryLater();
      },
    );
  }

  /** Stops discovering; waiting requests fail with NETWORK_EXCEPTION. */
  close(): void {
    this.closed = true;
    if (this.retryTimer !== undefined) this.net.transport.cancel(this.retryTimer);
    const waiting = this.waiting;
    this.waiting = [];
    for (const w of waiting) w.onResponse(errorResponse(w.request, 'NETWORK_EXCEPTION'));
  }

  private retryLater(): void {
    if (this.closed) return;
    const delay = this.backoff.backoff(this.attempts);
    this.attempts++;
    this.retryTimer = this.net.transport.schedule(delay, () => {
      this.retryTimer = undefined;
      this.discover();
    });
  }
}
