/**
 * Resolving fetch positions: a partition without a position takes the group's committed offset
 * (OffsetFetch to the coordinator), else `auto.offset.reset`; a pending reset is resolved with a
 * ListOffsets request to the partition's leader (timestamp -2 = earliest, -1 = latest).
 * `auto.offset.reset=none` without a committed offset makes poll() throw `NoOffsetForPartitionException`.
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/consumer/internals/OffsetFetcher.java
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/consumer/internals/ConsumerCoordinator.java (refreshCommittedOffsetsIfNeeded)
 */
import type { OffsetFetchResponse, TopicPartitionRef } from '../groups/protocol';
import type { ListOffsetsRequest, ListOffsetsResponse } from '../protocol/messages';
import type { ClientMetadata } from './clientMetadata';
import { INVALID_METADATA_ERRORS } from './clientLog';
import type { ConsumerConfig } from './consumerConfig';
import type { NetworkClient } from './networkClient';
import type { SubscriptionState, TopicPartitionState } from './subscriptionState';
import { tpKey } from './subscriptionState';

/** `ListOffsetsRequest.EARLIEST_TIMESTAMP` / `LATEST_TIMESTAMP`. */
const TIMESTAMP = { earliest: -2, latest: -1 } as const;

/** Fetches committed offsets for the group; undefined without a group. */
export type CommittedFetcher = (
  partitions: TopicPartitionRef[],
  cb: (response: OffsetFetchResponse) => void,
) => void;

/** Gives every assigned partition a position. */
export class OffsetFetcher {
  private readonly awaitingCommitted = new Set<TopicPartitionState>();
  private readonly resetting = new Set<TopicPartitionState>();
  /** Partitions with no committed offset under `auto.offset.reset=none`. */
  private readonly noOffset = new Set<TopicPartitionState>();
  private retryTimer: number | undefined;
  private closed = false;

  /**
   * @param fetchCommitted OffsetFetch through the group coordinator, or null without `group.id`
   * @param onResolved called when positions changed (the fetcher can fetch)
   */
  constructor(
    private readonly net: NetworkClient,
    private readonly metadata: ClientMetadata,
    private readonly subscriptions: SubscriptionState,
    private readonly config: ConsumerConfig,
    private readonly fetchCommitted: CommittedFetcher | null,
    private readonly onResolved: () => void,
  ) {}

  /**
   * Starts OffsetFetch / ListOffsets for partitions that need a position.
   * @returns partitions (`t-0`) with no position and no reset policy (`auto.offset.reset=none`):
   *   poll() throws NoOffsetForPartitionException for them
   */
  resolve(): string[] {
    if (this.closed) return [];
    const now = this.net.now();
    const needCommitted: TopicPartitionState[] = [];
    const undefinedNoReset: string[] = [];
    const byNode = new Map<number, TopicPartitionState[]>();
    let retryAt = Infinity;
    for (const s of this.subscriptions.states()) {
      if (s.position !== null) {
        this.noOffset.delete(s);
        continue;
      }
      if (s.resetStrategy === null) {
        if (this.noOffset.has(s)) {
          undefinedNoReset.push(tpKey(s.topic, s.partition));
          continue;
        }
        if (this.awaitingCommitted.has(s)) continue;
        if (this.fetchCommitted !== null) {
          needCommitted.push(s);
          continue;
        }
        if (!this.defaultReset(s)) undefinedNoReset.push(tpKey(s.topic, s.partition));
        if (s.resetStrategy === null) continue;
      }
      if (this.resetting.has(s)) continue;
      if (s.backoffUntilMs > now) {
        retryAt = Math.min(retryAt, s.backoffUntilMs);
        continue;
      }
      const leader = this.metadata.leader(s.topic, s.partition);
      if (leader < 0) {
        this.metadata.requestUpdate();
        continue;
      }
      let list = byNode.get(leader);
      if (list === undefined) byNode.set(leader, (list = []));
      list.push(s);
    }
    if (needCommitted.length > 0) this.refreshCommitted(needCommitted);
    for (const [node, states] of byNode) this.listOffsets(node, states);
    if (retryAt < Infinity && this.retryTimer === undefined) {
      this.retryTimer = this.net.transport.schedule(retryAt - now, () => {
        this.retryTimer = undefined;
        this.resolve();
      });
    }
    return undefinedNoReset;
  }

  /** Stops; responses still in flight are ignored. */
  close(): void {
    this.closed = true;
    if (this.retryTimer !== undefined) this.net.transport.cancel(this.retryTimer);
  }

  /** Requests the `auto.offset.reset` reset. @returns false for `none` */
  private defaultReset(s: TopicPartitionState): boolean {
    const strategy = this.subscriptions.defaultResetStrategy;
    if (strategy === 'none') {
      this.noOffset.add(s);
      return false;
    }
    this.subscriptions.requestReset(s, strategy);
    return true;
  }

  private refreshCommitted(states: TopicPartitionState[]): void {
    for (const s of states) this.awaitingCommitted.add(s);
    const partitions = states.map((s) => ({ topic: s.topic, partition: s.partition }));
    this.fetchCommitted!(partitions, (response) => {
      for (const s of states) this.awaitingCommitted.delete(s);
      if (this.closed) return;
      if (response.error !== 'NONE') {
        // Coordinator moving or loading: try again after the backoff.
        const until = this.net.now() + this.config.retryBackoffMs;
        for (const s of states) s.backoffUntilMs = until;
        this.scheduleRetry(until);
        return;
      }
      for (const s of states) {
        if (this.subscriptions.state(s.topic, s.partition) !== s || s.position !== null) continue;
        if (s.resetStrategy !== null) continue;
        const committed = response.partitions.find(
          (p) => p.topic === s.topic && p.partition === s.partition,
        );
        if (committed !== undefined && committed.error === 'NONE' && committed.offset >= 0) {
          this.subscriptions.seek(s, committed.offset);
          this.emitReset(s, 'committed', committed.offset);
        } else {
          this.defaultReset(s);
        }
      }
      this.resolve();
      this.onResolved();
    });
  }

  private listOffsets(node: number, states: TopicPartitionState[]): void {
    const transport = this.net.transport;
    const strategies = states.map((s) => s.resetStrategy!);
    const request: ListOffsetsRequest = {
      kind: 'ListOffsets',
      clientId: transport.clientId,
      isolationLevel: this.config.isolationLevel,
      partitions: states.map((s, i) => ({
        topic: s.topic,
        partition: s.partition,
        timestamp: TIMESTAMP[strategies[i]!],
        currentLeaderEpoch: this.metadata.leaderEpoch(s.topic, s.partition),
      })),
    };
    for (const s of states) this.resetting.add(s);
    this.net.send(
      node,
      request,
      this.config.requestTimeoutMs,
      (response) => this.handleListOffsets(states, strategies, response),
      () => {
        for (const s of states) this.resetting.delete(s);
        if (this.closed) return;
        this.metadata.requestUpdate();
        const until = this.net.now() + this.config.retryBackoffMs;
        for (const s of states) s.backoffUntilMs = until;
        this.scheduleRetry(until);
      },
    );
  }

  private handleListOffsets(
    states: TopicPartitionState[],
    strategies: ('earliest' | 'latest')[],
    response: ListOffsetsResponse,
  ): void {
    for (const s of states) this.resetting.delete(s);
    if (this.closed) return;
    const now = this.net.now();
    let retryAt = Infinity;
    states.forEach((s, i) => {
      // Ignore answers for partitions revoked, seeked or re-reset meanwhile.
      if (this.subscriptions.state(s.topic, s.partition) !== s) return;
      if (s.resetStrategy !== strategies[i]) return;
      const r = response.partitions.find((p) => p.topic === s.topic && p.partition === s.partition);
      if (r !== undefined && r.error === 'NONE' && r.offset >= 0) {
        this.subscriptions.seek(s, r.offset);
        this.emitReset(s, strategies[i]!, r.offset);
        return;
      }
      if (r === undefined || INVALID_METADATA_ERRORS.has(r.error)) this.metadata.requestUpdate();
      s.backoffUntilMs = now + this.config.retryBackoffMs;
      retryAt = Math.min(retryAt, s.backoffUntilMs);
    });
    if (retryAt < Infinity) this.scheduleRetry(retryAt);
    this.onResolved();
  }

  private scheduleRetry(at: number): void {
    if (this.retryTimer !== undefined || this.closed) return;
    this.retryTimer = this.net.transport.schedule(at - this.net.now(), () => {
      this.retryTimer = undefined;
      this.resolve();
    });
  }

  private emitReset(s: TopicPartitionState, from: string, offset: number): void {
    const transport = this.net.transport;
    transport.emit('consumer.position.reset', {
      clientId: transport.clientId,
      topic: s.topic,
      partition: s.partition,
      strategy: from,
      offset,
    });
  }
}
