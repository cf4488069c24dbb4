/**
 * The consumer's fetcher: keeps one Fetch request in flight per partition leader for the assigned
 * partitions that have a position and no buffered data (a long poll of `fetch.max.wait.ms`),
 * buffers the returned batches, and hands records out on `poll()` up to `max.poll.records`,
 * skipping records below the position and never past the high watermark.
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/consumer/internals/AbstractFetch.java
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/consumer/internals/FetchCollector.java
 */
import { indexOfOffset, offsetAt } from '../log/batches';
import type { LogRecord, RecordBatch, RecordHeader } from '../log/record';
import type { FetchPartitionRequest, FetchRequest, FetchResponse } from '../protocol/messages';
import type { ClientMetadata } from './clientMetadata';
import { INVALID_METADATA_ERRORS } from './clientLog';
import type { ConsumerConfig } from './consumerConfig';
import { OffsetOutOfRangeException } from './consumerErrors';
import type { NetworkClient } from './networkClient';
import type { SubscriptionState, TopicPartitionState } from './subscriptionState';
import { tpKey } from './subscriptionState';

const NO_HEADERS: RecordHeader[] = Object.freeze([]) as unknown as RecordHeader[];

/** One partition's data from one fetch response, consumed across polls. */
interface CompletedFetch {
  state: TopicPartitionState;
  batches: readonly RecordBatch[];
  batchIndex: number;
  /** Next record index in the current batch; -1 = find it from the position. */
  recordIndex: number;
  /** The position this data continues from; a seek in between invalidates it. */
  nextOffset: number;
  highWatermark: number;
}

/** Fetches and buffers records for one consumer. */
export class Fetcher {
  private readonly inFlight = new Set<number>();
  private readonly fetching = new Set<TopicPartitionState>();
  private readonly buffered = new Set<TopicPartitionState>();
  private buffer: CompletedFetch[] = [];
  private retryTimer: number | undefined;
  private closed = false;

  /**
   * @param onProgress called after each fetch response (the consumer sends the next fetches)
   * @param raise reports an error for the next poll() to throw
   */
  constructor(
    private readonly net: NetworkClient,
    private readonly metadata: ClientMetadata,
    private readonly subscriptions: SubscriptionState,
    private readonly config: ConsumerConfig,
    private readonly onProgress: () => void,
    private readonly raise: (error: Error) => void,
  ) {}

  /** True when some partition has records waiting for poll(). */
  get hasBufferedRecords(): boolean {
    return this.buffer.length > 0;
  }

  /** Sends a Fetch to every leader with fetchable partitions and no fetch in flight. */
  sendFetches(): void {
    if (this.closed) return;
    const now = this.net.now();
    const byNode = new Map<
      number,
      { states: TopicPartitionState[]; parts: FetchPartitionRequest[] }
    >();
    let retryAt = Infinity;
    for (const s of this.subscriptions.states()) {
      if (s.position === null || s.paused || s.resetStrategy !== null) continue;
      if (this.buffered.has(s) || this.fetching.has(s)) continue;
      if (s.backoffUntilMs > now) {
        retryAt = Math.min(retryAt, s.backoffUntilMs);
        continue;
      }
      const leader = this.metadata.leader(s.topic, s.partition);
      if (leader < 0) {
        this.metadata.requestUpdate();
        continue;
      }
      if (this.inFlight.has(leader)) continue;
      let entry = byNode.get(leader);
      if (entry === undefined) byNode.set(leader, (entry = { states: [], parts: [] }));
      entry.states.push(s);
      entry.parts.push({
        topic: s.topic,
        partition: s.partition,
        fetchOffset: s.position,
        currentLeaderEpoch: this.metadata.leaderEpoch(s.topic, s.partition),
        lastFetchedEpoch: -1,
        partitionMaxBytes: this.config.maxPartitionFetchBytes,
      });
    }
    for (const [node, entry] of byNode) this.send(node, entry.states, entry.parts, now);
    if (retryAt < Infinity && this.retryTimer === undefined) {
      this.retryTimer = this.net.transport.schedule(retryAt - now, () => {
        this.retryTimer = undefined;
        this.sendFetches();
      });
    }
  }

  /**
   * Returns up to `maxRecords` buffered records and advances the positions (`FetchCollector`).
   * Data of partitions that were revoked or seeked since the fetch is dropped; paused partitions
   * keep theirs.
   */
  collect(maxRecords: number): LogRecord[] {
    const out: LogRecord[] = [];
    let i = 0;
    while (out.length < maxRecords && i < this.buffer.length) {
      const cf = this.buffer[i]!;
      const s = cf.state;
      if (this.subscriptions.state(s.topic, s.partition) !== s || s.position !== cf.nextOffset) {
        this.drop(i);
        continue;
      }
      if (s.paused) {
        i++;
        continue;
      }
      if (this.drain(cf, out, maxRecords)) this.drop(i);
      else i++;
    }
    return out;
  }

  /**
   * Drops buffered data of partitions no longer assigned (after a rebalance or `assign`) or whose
   * position moved (seek, reset), so that they are fetched again.
   */
  dropStale(): void {
    for (let i = 0; i < this.buffer.length;) {
      const cf = this.buffer[i]!;
      const s = cf.state;
      if (this.subscriptions.state(s.topic, s.partition) !== s || s.position !== cf.nextOffset) {
        this.drop(i);
      } else {
        i++;
      }
    }
  }

  /** Stops fetching; responses still in flight are ignored. */
  close(): void {
    this.closed = true;
    if (this.retryTimer !== undefined) this.net.transport.cancel(this.retryTimer);
    this.buffer = [];
    this.buffered.clear();
  }

  private drop(i: number): void {
    this.buffered.delete(this.buffer[i]!.state);
    this.buffer.splice(i, 1);
  }

  /** Moves records of `cf` into `out`. @returns true when `cf` is exhausted */
  private drain(cf: CompletedFetch, out: LogRecord[], maxRecords: number): boolean {
    const s = cf.state;
    const hw = cf.highWatermark;
    const { topic, partition } = s;
    let position = s.position!;
    while (cf.batchIndex < cf.batches.length) {
      const b = cf.batches[cf.batchIndex]!;
      const n = b.keys.length;
      let ri = cf.recordIndex < 0 ? indexOfOffset(b, position) : cf.recordIndex;
      const headers = b.headers;
      const epoch = b.partitionLeaderEpoch;
      for (; ri < n; ri++) {
        const offset = offsetAt(b, ri);
        if (offset >= hw) {
          s.position = cf.nextOffset = position;
          return true;
        }
        if (out.length >= maxRecords) {
          cf.recordIndex = ri;
          s.position = cf.nextOffset = position;
          return false;
        }
        out.push({
          topic,
          partition,
          offset,
          timestamp: b.timestamps[ri]!,
          key: b.keys[ri] as string | null,
          value: b.values[ri] as string | null,
          headers: (headers === null ? null : headers[ri]) ?? NO_HEADERS,
          leaderEpoch: epoch,
        });
        position = offset + 1;
        s.positionEpoch = epoch;
      }
      // Past the batch: skip offsets the cleaner removed from its end (`nextFetchOffset`).
      if (b.lastOffset + 1 > position && b.lastOffset + 1 <= hw) position = b.lastOffset + 1;
      cf.batchIndex++;
      cf.recordIndex = -1;
    }
    s.position = cf.nextOffset = position;
    return true;
  }

  private send(
    node: number,
    states: TopicPartitionState[],
    parts: FetchPartitionRequest[],
    sentAt: number,
  ): void {
    const transport = this.net.transport;
    const request: FetchRequest = {
      kind: 'Fetch',
      clientId: transport.clientId,
      replicaId: -1,
      maxWaitMs: this.config.fetchMaxWaitMs,
      minBytes: this.config.fetchMinBytes,
      maxBytes: this.config.fetchMaxBytes,
      isolationLevel: this.config.isolationLevel,
      partitions: parts,
    };
    this.inFlight.add(node);
    for (const s of states) this.fetching.add(s);
    const done = () => {
      this.inFlight.delete(node);
      for (const s of states) this.fetching.delete(s);
    };
    this.net.send(
      node,
      request,
      this.config.requestTimeoutMs + this.config.fetchMaxWaitMs,
      (response) => {
        done();
        if (this.closed) return;
        const empty = this.handleResponse(node, parts, response);
        // A broker that answers an empty fetch at once must not make the client spin in one ms.
        if (empty && this.net.now() === sentAt) {
          for (const s of states) s.backoffUntilMs = Math.max(s.backoffUntilMs, sentAt + 1);
        }
        this.onProgress();
      },
      () => {
        done();
        if (this.closed) return;
        this.metadata.requestUpdate();
        const until = this.net.now() + this.config.retryBackoffMs;
        for (const s of states) s.backoffUntilMs = until;
        this.onProgress();
      },
    );
  }

  /** @returns true when no records came back */
  private handleResponse(
    node: number,
    parts: FetchPartitionRequest[],
    response: FetchResponse,
  ): boolean {
    const now = this.net.now();
    const fetched: { topic: string; partition: number; count: number; highWatermark: number }[] =
      [];
    let total = 0;
    for (const pr of response.partitions) {
      const s = this.subscriptions.state(pr.topic, pr.partition);
      const req = parts.find((p) => p.topic === pr.topic && p.partition === pr.partition);
      if (s === undefined || req === undefined || s.position !== req.fetchOffset) continue;
      const error = response.error !== 'NONE' ? response.error : pr.error;
      if (error === 'NONE') {
        s.highWatermark = pr.highWatermark;
        s.logStartOffset = pr.logStartOffset;
        let count = 0;
        for (const b of pr.batches) {
          count += indexOfOffset(b, pr.highWatermark) - indexOfOffset(b, req.fetchOffset);
        }
        if (count > 0) {
          this.buffer.push({
            state: s,
            batches: pr.batches,
            batchIndex: 0,
            recordIndex: -1,
            nextOffset: req.fetchOffset,
            highWatermark: pr.highWatermark,
          });
          this.buffered.add(s);
          fetched.push({
            topic: s.topic,
            partition: s.partition,
            count,
            highWatermark: pr.highWatermark,
          });
          total += count;
        }
      } else if (error === 'OFFSET_OUT_OF_RANGE') {
        this.offsetOutOfRange(s, req.fetchOffset);
      } else {
        if (INVALID_METADATA_ERRORS.has(error)) this.metadata.requestUpdate();
        s.backoffUntilMs = now + this.config.retryBackoffMs;
      }
    }
    if (total > 0) {
      this.net.transport.emit('consumer.fetched', {
        clientId: this.net.transport.clientId,
        broker: node,
        partitions: fetched,
        count: total,
      });
    }
    return total === 0;
  }

  /** `FetchCollector.handleInitializeErrors` for OFFSET_OUT_OF_RANGE: reset, or raise with `none`. */
  private offsetOutOfRange(s: TopicPartitionState, fetchOffset: number): void {
    const strategy = this.subscriptions.defaultResetStrategy;
    this.net.transport.emit('consumer.offset.outOfRange', {
      clientId: this.net.transport.clientId,
      topic: s.topic,
      partition: s.partition,
      offset: fetchOffset,
      strategy,
    });
    if (strategy === 'none') {
      this.raise(new OffsetOutOfRangeException(tpKey(s.topic, s.partition), fetchOffset));
      s.backoffUntilMs = this.net.now() + this.config.retryBackoffMs;
    } else {
      this.subscriptions.requestReset(s, strategy);
    }
  }
}
