/**
 * A follower's fetcher for one leader broker (Kafka `ReplicaFetcherThread`): one Fetch in flight at
 * a time over an incremental fetch session, appending what the leader returns, truncating when the
 * leader reports a diverging epoch (KIP-595/KIP-320), and taking the leader's high watermark.
 */
import type { EventBus } from '../events/bus';
import type { FetchPartitionResponse, FetchRequest, FetchResponse } from '../protocol/messages';
import type { Scheduler } from '../time/scheduler';
import type { Partition } from './partition';
import { tpKey } from './fetchSessions';

export interface ReplicaFetcherContext {
  brokerId: number;
  leaderId: number;
  scheduler: Scheduler;
  bus: EventBus;
  /** Wall-clock epoch ms of virtual time 0. */
  epochBaseMs: number;
  /** `replica.fetch.wait.max.ms`, `replica.fetch.max.bytes`, `replica.fetch.backoff.ms`. */
  waitMaxMs: number;
  maxBytes: number;
  backoffMs: number;
  send(
    request: FetchRequest & { sessionEpoch: number; forgotten: string[] },
    onResponse: (res: FetchResponse) => void,
    onError: () => void,
  ): void;
  /** Called after records were appended to a follower replica (for events and waiters). */
  onAppended(p: Partition): void;
}

export class ReplicaFetcher {
  private readonly partitions = new Map<string, Partition>();
  /** Fetch offsets last sent to the leader, to send only changes (incremental session). */
  private readonly sentOffsets = new Map<string, number>();
  /** Partitions whose fetch offset may differ from what the leader last saw (incremental session). */
  private readonly changed = new Set<string>();
  private forgotten: string[] = [];
  private sessionEpoch = 0;
  private inFlight = false;
  private stopped = false;
  private timer: number | undefined;

  constructor(private readonly ctx: ReplicaFetcherContext) {}

  get size(): number {
    return this.partitions.size;
  }

  add(p: Partition): void {
    const key = tpKey(p.topic, p.partition);
    this.partitions.set(key, p);
    this.sentOffsets.delete(key);
    this.changed.add(key);
    this.kick();
  }

  remove(p: Partition): void {
    const key = tpKey(p.topic, p.partition);
    if (this.partitions.delete(key)) this.forgotten.push(key);
    this.sentOffsets.delete(key);
    this.changed.delete(key);
  }

  stop(): void {
    this.stopped = true;
    this.ctx.scheduler.cancel(this.timer);
  }

  /** Starts a fetch now unless one is in flight. */
  kick(): void {
    if (this.inFlight || this.stopped || this.partitions.size === 0) return;
    this.ctx.scheduler.cancel(this.timer);
    this.timer = this.ctx.scheduler.schedule(0, () => this.fetch());
  }

  private fetch(): void {
    this.timer = undefined;
    if (this.inFlight || this.stopped || this.partitions.size === 0) return;
    const full = this.sessionEpoch === 0;
    const request: FetchRequest & { sessionEpoch: number; forgotten: string[] } = {
      kind: 'Fetch',
      clientId: `broker-${this.ctx.brokerId}-fetcher-0`,
      replicaId: this.ctx.brokerId,
      maxWaitMs: this.ctx.waitMaxMs,
      minBytes: 1,
      maxBytes: this.ctx.maxBytes * 10,
      isolationLevel: 'read_uncommitted',
      partitions: [],
      sessionEpoch: this.sessionEpoch,
      forgotten: this.forgotten,
    };
    this.forgotten = [];
    const candidates = full ? this.partitions.keys() : this.changed.keys();
    for (const key of candidates) {
      const p = this.partitions.get(key);
      if (!p) continue;
      const offset = p.logEndOffset;
      if (!full && this.sentOffsets.get(key) === offset) continue;
      this.sentOffsets.set(key, offset);
      request.partitions.push({
        topic: p.topic,
        partition: p.partition,
        fetchOffset: offset,
        currentLeaderEpoch: p.leaderEpoch,
        lastFetchedEpoch: p.log.latestEpoch,
        partitionMaxBytes: this.ctx.maxBytes,
      });
    }
    this.changed.clear();
    this.inFlight = true;
    this.sessionEpoch += 1;
    this.ctx.send(
      request,
      (res) => {
        this.inFlight = false;
        if (this.stopped) return;
        const retry = this.handle(res);
        if (retry) this.backoff();
        else this.kick();
      },
      () => {
        this.inFlight = false;
        this.sessionEpoch = 0;
        if (!this.stopped) this.backoff();
      },
    );
  }

  private backoff(): void {
    this.sessionEpoch = 0;
    this.ctx.scheduler.cancel(this.timer);
    this.timer = this.ctx.scheduler.schedule(this.ctx.backoffMs, () => this.fetch());
  }

  /** Applies a response; returns true when the fetcher should back off. */
  private handle(res: FetchResponse): boolean {
    let backoff = false;
    for (const r of res.partitions) {
      const key = tpKey(r.topic, r.partition);
      const p = this.partitions.get(key);
      if (!p) continue;
      if (r.error !== 'NONE' && r.error !== 'OFFSET_OUT_OF_RANGE') {
        // NOT_LEADER_OR_FOLLOWER / FENCED_LEADER_EPOCH: wait for the controller's metadata.
        this.sentOffsets.delete(key);
        this.changed.add(key);
        backoff = true;
        continue;
      }
      // After truncating for a diverging epoch the fetch offset may be unchanged: send the
      // partition again anyway, so the leader's incremental session returns its records.
      if (r.divergingEpoch) this.sentOffsets.delete(key);
      this.apply(p, r);
      this.changed.add(key);
    }
    return backoff;
  }

  private apply(p: Partition, r: FetchPartitionResponse): void {
    const now = this.ctx.scheduler.now + this.ctx.epochBaseMs;
    if (r.divergingEpoch) {
      const before = p.logEndOffset;
      const to = Math.min(r.divergingEpoch.endOffset, before);
      p.log.truncateTo(to);
      p.truncateProducerState(to);
      this.ctx.bus.emit('log.truncated', {
        broker: this.ctx.brokerId,
        topic: p.topic,
        partition: p.partition,
        from: before,
        to,
        reason: 'diverging-epoch',
      });
      if (p.highWatermark > p.logEndOffset) p.highWatermark = p.logEndOffset;
      return;
    }
    if (r.error === 'OFFSET_OUT_OF_RANGE') {
      if (p.logEndOffset < r.logStartOffset) {
        p.log.truncateFullyAndStartAt(r.logStartOffset);
        p.producers.clear();
        this.ctx.bus.emit('log.truncated', {
          broker: this.ctx.brokerId,
          topic: p.topic,
          partition: p.partition,
          from: 0,
          to: r.logStartOffset,
          reason: 'behind-log-start',
        });
      }
      return;
    }
    let appended = 0;
    const from = p.logEndOffset;
    for (const batch of r.batches) {
      if (batch.lastOffset < p.logEndOffset) continue;
      if (batch.baseOffset !== p.logEndOffset) break;
      p.log.appendAsFollower(batch, now);
      p.recordProducerBatch(batch);
      appended += batch.values.length;
    }
    if (r.logStartOffset > p.log.logStartOffset && r.logStartOffset <= p.logEndOffset)
      p.log.deleteRecordsBefore(r.logStartOffset);
    const hw = Math.min(r.highWatermark, p.logEndOffset);
    const hwMoved = hw > p.highWatermark;
    if (hwMoved) p.highWatermark = hw;
    if (appended > 0 && this.ctx.bus.active)
      this.ctx.bus.emit('replica.fetched', {
        broker: this.ctx.brokerId,
        leader: this.ctx.leaderId,
        topic: p.topic,
        partition: p.partition,
        fromOffset: from,
        count: appended,
        logEndOffset: p.logEndOffset,
        highWatermark: p.highWatermark,
      });
    if (appended > 0 || hwMoved) this.ctx.onAppended(p);
  }
}
