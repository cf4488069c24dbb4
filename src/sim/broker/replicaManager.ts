/**
 * The broker's replica manager (Kafka `ReplicaManager`): hosts partition replicas, answers Produce,
 * Fetch and ListOffsets as a leader, keeps follower fetch sessions, completes acks=all produces when
 * the high watermark passes them, and shrinks/expands the ISR through the controller.
 */
import type { EventBus } from '../events/bus';
import type { BrokerConfig } from '../config/brokerDefaults';
import { topicConfigValue } from '../config/topicConfigs';
import { KafkaError } from '../protocol/errors';
import type { KafkaErrorName } from '../protocol/errors';
import type {
  FetchPartitionResponse,
  FetchRequest,
  FetchResponse,
  ListOffsetsRequest,
  ListOffsetsResponse,
  ProducePartitionResponse,
  ProduceRequest,
  ProduceResponse,
} from '../protocol/messages';
import { InvalidRecordError } from '../log/logErrors';
import type { RecordBatch } from '../log/record';
import type { Scheduler } from '../time/scheduler';
import type { Partition } from './partition';
import { FetchSessions, tpKey } from './fetchSessions';

export interface ReplicaManagerContext {
  brokerId: number;
  scheduler: Scheduler;
  bus: EventBus;
  config(): BrokerConfig;
  /** Wall-clock epoch ms of virtual time 0 (logs keep epoch-ms timestamps). */
  epochBaseMs: number;
  /** Topic-level overrides of `topic`. */
  topicOverrides(topic: string): Record<string, string>;
  /** Sends AlterPartition to the controller; `done` runs with the outcome (KIP-497). */
  alterPartition(p: Partition, newIsr: number[], done: (error: string) => void): void;
}

export class ReplicaManager {
  readonly partitions = new Map<string, Partition>();
  readonly sessions: FetchSessions;
  /** Led partitions where some follower is behind the leader's log end (ISR-shrink candidates). */
  private readonly lagging = new Set<Partition>();
  /** Brokers that follow some partition this broker leads; recomputed after leadership changes. */
  private followerIds: Set<number> | undefined;

  /** Called when this broker becomes leader of `p` or leadership moves: its followers start behind. */
  leadershipChanged(p: Partition): void {
    this.followerIds = undefined;
    if (p.isLeader && p.followers.size > 0) this.lagging.add(p);
  }
  /** Consumer long-polls waiting for the high watermark of a partition to move. */
  private readonly consumerWaiters = new Map<string, Set<() => void>>();

  constructor(private readonly ctx: ReplicaManagerContext) {
    this.sessions = new FetchSessions((fn) => ctx.scheduler.schedule(0, fn));
  }

  get(topic: string, partition: number): Partition | undefined {
    return this.partitions.get(tpKey(topic, partition));
  }

  /** Minimum in-sync replicas for acks=all on `topic`. */
  minIsr(topic: string): number {
    return Number(
      topicConfigValue('min.insync.replicas', this.ctx.topicOverrides(topic), this.ctx.config()),
    );
  }

  // ---- Produce ---------------------------------------------------------------------------------

  /** Produce as the leader: validate, append, then answer per `acks`. */
  handleProduce(req: ProduceRequest, respond: (res: ProduceResponse) => void): void {
    const now = this.ctx.scheduler.now + this.ctx.epochBaseMs;
    const results: ProducePartitionResponse[] = [];
    const waiting: { result: ProducePartitionResponse; p: Partition; required: number }[] = [];
    for (const { topic, partition, batch } of req.batches) {
      const result: ProducePartitionResponse = {
        topic,
        partition,
        error: 'NONE',
        baseOffset: -1,
        logAppendTimeMs: -1,
        logStartOffset: -1,
      };
      results.push(result);
      const p = this.get(topic, partition);
      if (!p) {
        result.error = 'UNKNOWN_TOPIC_OR_PARTITION';
        continue;
      }
      if (!p.isLeader) {
        result.error = 'NOT_LEADER_OR_FOLLOWER';
        continue;
      }
      if (req.acks === -1 && p.isr.length < this.minIsr(topic)) {
        result.error = 'NOT_ENOUGH_REPLICAS';
        this.ctx.bus.emit('produce.rejected', {
          broker: this.ctx.brokerId,
          topic,
          partition,
          error: 'NOT_ENOUGH_REPLICAS',
          isr: p.isr.slice(),
          minInsyncReplicas: this.minIsr(topic),
        });
        continue;
      }
      const duplicate = this.checkSequence(
        p,
        batch.producerId,
        batch.producerEpoch,
        batch.baseSequence,
        batch.values.length,
      );
      if (typeof duplicate === 'string') {
        result.error = duplicate;
        continue;
      }
      if (typeof duplicate === 'number') {
        result.baseOffset = duplicate;
        result.logStartOffset = p.log.logStartOffset;
        continue;
      }
      let appended: RecordBatch;
      try {
        appended = p.log.appendAsLeader(batch, p.leaderEpoch, now);
      } catch (e) {
        // A batch over max.message.bytes (RecordTooLargeException at the producer), or a record
        // without a key for a compacted topic (InvalidRecordException), fails its partition; the
        // rest of the request goes on.
        if (e instanceof KafkaError) result.error = e.errorName;
        else if (e instanceof InvalidRecordError) result.error = 'INVALID_RECORD';
        else throw e;
        continue;
      }
      p.recordProducerBatch(appended);
      result.baseOffset = appended.baseOffset;
      result.logStartOffset = p.log.logStartOffset;
      if (this.ctx.bus.active)
        this.ctx.bus.emit('record.appended', {
          broker: this.ctx.brokerId,
          topic,
          partition,
          baseOffset: appended.baseOffset,
          count: appended.values.length,
          leaderEpoch: p.leaderEpoch,
          logEndOffset: p.logEndOffset,
        });
      this.sessions.markDirty(tpKey(topic, partition), p.followers.keys());
      if (p.followers.size > 0) this.lagging.add(p);
      this.maybeAdvanceHighWatermark(p);
      if (req.acks === -1) waiting.push({ result, p, required: appended.lastOffset + 1 });
    }
    if (req.acks === 0) return;
    if (waiting.length === 0) {
      respond({ kind: 'Produce', responses: results });
      return;
    }
    this.delayProduce(req.timeoutMs, waiting, () =>
      respond({ kind: 'Produce', responses: results }),
    );
  }

  private delayProduce(
    timeoutMs: number,
    waiting: { result: ProducePartitionResponse; p: Partition; required: number }[],
    done: () => void,
  ): void {
    let remaining = waiting.length;
    const timers: number[] = [];
    for (const w of waiting) {
      const entry = {
        requiredOffset: w.required,
        timer: 0,
        complete: (error: KafkaErrorName) => {
          this.ctx.scheduler.cancel(entry.timer);
          w.p.delayedProduces = w.p.delayedProduces.filter((d) => d !== entry);
          if (error !== 'NONE') w.result.error = error;
          if (--remaining === 0) done();
        },
      };
      entry.timer = this.ctx.scheduler.schedule(timeoutMs, () =>
        entry.complete('REQUEST_TIMED_OUT'),
      );
      timers.push(entry.timer);
      w.p.delayedProduces.push(entry);
    }
    for (const w of waiting) this.completeDelayedProduces(w.p);
  }

  /** Idempotent producer check (KIP-98): a number = duplicate of the batch at that offset. */
  private checkSequence(
    p: Partition,
    producerId: number,
    producerEpoch: number,
    firstSeq: number,
    count: number,
  ): KafkaErrorName | number | undefined {
    if (producerId < 0) return undefined;
    const entry = p.producers.get(producerId);
    if (!entry || producerEpoch > entry.producerEpoch)
      return firstSeq === 0 || !entry ? undefined : undefined;
    if (producerEpoch < entry.producerEpoch) return 'INVALID_PRODUCER_EPOCH';
    const lastSeq = firstSeq + count - 1;
    const dup = entry.batches.find((b) => b.firstSeq === firstSeq && b.lastSeq === lastSeq);
    if (dup) {
      this.ctx.bus.emit('producer.duplicate', {
        broker: this.ctx.brokerId,
        topic: p.topic,
        partition: p.partition,
        producerId,
        firstSeq,
        baseOffset: dup.baseOffset,
      });
      return dup.baseOffset;
    }
    const last = entry.batches[entry.batches.length - 1];
    if (last && firstSeq !== last.lastSeq + 1) return 'OUT_OF_ORDER_SEQUENCE_NUMBER';
    return undefined;
  }

  /** Completes acks=all produces whose records the whole ISR now holds. */
  completeDelayedProduces(p: Partition): void {
    if (p.delayedProduces.length === 0) return;
    const minIsr = this.minIsr(p.topic);
    for (const d of p.delayedProduces.slice()) {
      if (!p.isLeader) d.complete('NOT_LEADER_OR_FOLLOWER');
      else if (p.highWatermark >= d.requiredOffset)
        d.complete(p.isr.length < minIsr ? 'NOT_ENOUGH_REPLICAS_AFTER_APPEND' : 'NONE');
    }
  }

  /** Leader: recompute the high watermark and wake whoever waits for it. */
  maybeAdvanceHighWatermark(p: Partition): void {
    if (!p.maybeIncrementHighWatermark()) return;
    const key = tpKey(p.topic, p.partition);
    if (this.ctx.bus.active)
      this.ctx.bus.emit('hw.advanced', {
        broker: this.ctx.brokerId,
        topic: p.topic,
        partition: p.partition,
        highWatermark: p.highWatermark,
      });
    this.sessions.markDirty(key, p.followers.keys());
    this.completeDelayedProduces(p);
    this.wakeConsumers(key);
  }

  /** Wakes consumer long-polls on `key`. */
  wakeConsumers(key: string): void {
    const waiters = this.consumerWaiters.get(key);
    if (!waiters) return;
    this.consumerWaiters.delete(key);
    for (const wake of waiters) this.ctx.scheduler.schedule(0, wake);
  }

  // ---- Fetch -----------------------------------------------------------------------------------

  /** Fetch from a follower (replicaId ≥ 0) or a consumer (replicaId = -1). */
  handleFetch(
    req: FetchRequest & { sessionEpoch?: number; forgotten?: string[] },
    respond: (res: FetchResponse) => void,
  ): void {
    if (req.replicaId >= 0) this.handleFollowerFetch(req, respond);
    else this.handleConsumerFetch(req, respond);
  }

  private handleConsumerFetch(req: FetchRequest, respond: (res: FetchResponse) => void): void {
    const answer = () => {
      const partitions = req.partitions.map((fp) =>
        this.readForConsumer(
          fp.topic,
          fp.partition,
          fp.fetchOffset,
          fp.currentLeaderEpoch,
          fp.partitionMaxBytes,
        ),
      );
      return partitions;
    };
    const first = answer();
    const hasData = first.some((r) => r.batches.length > 0 || r.error !== 'NONE');
    if (hasData || req.maxWaitMs <= 0) {
      respond({ kind: 'Fetch', error: 'NONE', partitions: first });
      return;
    }
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      this.ctx.scheduler.cancel(timer);
      for (const fp of req.partitions)
        this.consumerWaiters.get(tpKey(fp.topic, fp.partition))?.delete(finish);
      respond({ kind: 'Fetch', error: 'NONE', partitions: answer() });
    };
    const timer = this.ctx.scheduler.schedule(req.maxWaitMs, finish);
    for (const fp of req.partitions) {
      const key = tpKey(fp.topic, fp.partition);
      let set = this.consumerWaiters.get(key);
      if (!set) this.consumerWaiters.set(key, (set = new Set()));
      set.add(finish);
    }
  }

  private readForConsumer(
    topic: string,
    partition: number,
    fetchOffset: number,
    epoch: number,
    maxBytes: number,
  ): FetchPartitionResponse {
    const p = this.get(topic, partition);
    const base = {
      topic,
      partition,
      highWatermark: -1,
      lastStableOffset: -1,
      logStartOffset: -1,
      batches: [] as RecordBatch[],
    };
    if (!p) return { ...base, error: 'UNKNOWN_TOPIC_OR_PARTITION' };
    if (!p.isLeader) return { ...base, error: 'NOT_LEADER_OR_FOLLOWER' };
    if (epoch >= 0 && epoch < p.leaderEpoch) return { ...base, error: 'FENCED_LEADER_EPOCH' };
    if (epoch > p.leaderEpoch) return { ...base, error: 'UNKNOWN_LEADER_EPOCH' };
    const info = {
      highWatermark: p.highWatermark,
      lastStableOffset: p.highWatermark,
      logStartOffset: p.log.logStartOffset,
    };
    if (fetchOffset < p.log.logStartOffset || fetchOffset > p.logEndOffset)
      return { ...base, ...info, error: 'OFFSET_OUT_OF_RANGE' };
    if (fetchOffset >= p.highWatermark) return { ...base, ...info, error: 'NONE' };
    const read = p.log.read(fetchOffset, maxBytes, p.highWatermark);
    return { ...base, ...info, error: 'NONE', batches: Array.isArray(read) ? read : [] };
  }

  private handleFollowerFetch(
    req: FetchRequest & { sessionEpoch?: number; forgotten?: string[] },
    respond: (res: FetchResponse) => void,
  ): void {
    const now = this.ctx.scheduler.now;
    const session = this.sessions.get(req.replicaId);
    if (req.sessionEpoch === 0) {
      session.partitions.clear();
      session.dirty.clear();
    }
    session.lastFetchTimeMs = now;
    for (const key of req.forgotten ?? []) {
      session.partitions.delete(key);
      session.dirty.delete(key);
    }
    const errors: FetchPartitionResponse[] = [];
    for (const fp of req.partitions) {
      const key = tpKey(fp.topic, fp.partition);
      const previous = session.partitions.get(key);
      const entry = {
        topic: fp.topic,
        partition: fp.partition,
        fetchOffset: fp.fetchOffset,
        lastFetchedEpoch: fp.lastFetchedEpoch,
        currentLeaderEpoch: fp.currentLeaderEpoch,
        sentHighWatermark: previous?.sentHighWatermark ?? -1,
        sentLogStartOffset: previous?.sentLogStartOffset ?? -1,
      };
      session.partitions.set(key, entry);
      session.dirty.add(key);
      const p = this.get(fp.topic, fp.partition);
      if (!p || !p.isLeader) continue;
      if (fp.currentLeaderEpoch !== p.leaderEpoch) continue;
      const f = p.updateFollowerFetch(req.replicaId, fp.fetchOffset, now);
      if (!f) continue;
      if (f.logEndOffset >= p.logEndOffset && this.lagging.has(p) && this.allFollowersCaughtUp(p))
        this.lagging.delete(p);
      this.maybeExpandIsr(p, req.replicaId);
      this.maybeAdvanceHighWatermark(p);
    }
    const answer = () => this.collectSessionResponse(session, req.replicaId);
    const first = answer().concat(errors);
    if (first.length > 0 || req.maxWaitMs <= 0) {
      respond({ kind: 'Fetch', error: 'NONE', partitions: first });
      return;
    }
    const wake = () => {
      this.ctx.scheduler.cancel(timer);
      if (session.parked?.wake === wake) session.parked = undefined;
      respond({ kind: 'Fetch', error: 'NONE', partitions: answer() });
    };
    const timer = this.ctx.scheduler.schedule(req.maxWaitMs, wake);
    session.parked = { wake, timer };
  }

  /** What changed in a follower's session since the last response. */
  private collectSessionResponse(
    session: ReturnType<FetchSessions['get']>,
    followerId: number,
  ): FetchPartitionResponse[] {
    const out: FetchPartitionResponse[] = [];
    const maxBytes = this.ctx.config().int('replica.fetch.max.bytes');
    for (const key of session.dirty) {
      const entry = session.partitions.get(key);
      if (!entry) continue;
      const p = this.partitions.get(key);
      const base = {
        topic: entry.topic,
        partition: entry.partition,
        highWatermark: -1,
        lastStableOffset: -1,
        logStartOffset: -1,
        batches: [] as RecordBatch[],
      };
      if (!p) {
        out.push({ ...base, error: 'UNKNOWN_TOPIC_OR_PARTITION' });
        continue;
      }
      if (!p.isLeader) {
        out.push({ ...base, error: 'NOT_LEADER_OR_FOLLOWER' });
        continue;
      }
      if (entry.currentLeaderEpoch < p.leaderEpoch) {
        out.push({ ...base, error: 'FENCED_LEADER_EPOCH' });
        continue;
      }
      if (entry.currentLeaderEpoch > p.leaderEpoch) {
        out.push({ ...base, error: 'UNKNOWN_LEADER_EPOCH' });
        continue;
      }
      const f = p.followers.get(followerId);
      const fetchOffset = f ? f.logEndOffset : entry.fetchOffset;
      const info = {
        highWatermark: p.highWatermark,
        lastStableOffset: p.highWatermark,
        logStartOffset: p.log.logStartOffset,
      };
      if (entry.lastFetchedEpoch >= 0) {
        const end = p.log.endOffsetForEpoch(entry.lastFetchedEpoch);
        if (end.endOffset < fetchOffset || end.leaderEpoch < entry.lastFetchedEpoch) {
          out.push({
            ...base,
            ...info,
            error: 'NONE',
            divergingEpoch: { epoch: end.leaderEpoch, endOffset: end.endOffset },
          });
          entry.lastFetchedEpoch = -1;
          continue;
        }
      }
      if (fetchOffset < p.log.logStartOffset || fetchOffset > p.logEndOffset) {
        out.push({ ...base, ...info, error: 'OFFSET_OUT_OF_RANGE' });
        continue;
      }
      const read =
        fetchOffset < p.logEndOffset
          ? p.log.read(fetchOffset, maxBytes, p.logEndOffset)
          : undefined;
      const list = Array.isArray(read) ? read : [];
      if (
        list.length === 0 &&
        info.highWatermark === entry.sentHighWatermark &&
        info.logStartOffset === entry.sentLogStartOffset
      )
        continue;
      entry.sentHighWatermark = info.highWatermark;
      entry.sentLogStartOffset = info.logStartOffset;
      out.push({ ...base, ...info, error: 'NONE', batches: list });
    }
    session.dirty.clear();
    return out;
  }

  // ---- ISR -------------------------------------------------------------------------------------

  /**
   * After an ISR change lands, followers that caught up while it was in flight join the ISR
   * (Kafka retries on the follower's next fetch, which in an incremental fetch session covers
   * partitions the follower no longer lists; KIP-227).
   */
  retryIsrExpansion(p: Partition): void {
    for (const id of p.followers.keys()) this.maybeExpandIsr(p, id);
  }

  private maybeExpandIsr(p: Partition, followerId: number): void {
    if (p.pendingIsr || !p.canExpandIsrWith(followerId)) return;
    const newIsr = [...p.isr, followerId];
    this.sendIsrChange(p, newIsr, 'expand');
  }

  private allFollowersCaughtUp(p: Partition): boolean {
    for (const f of p.followers.values()) if (f.logEndOffset < p.logEndOffset) return false;
    return true;
  }

  /**
   * Periodic ISR shrink check (Kafka `maybeShrinkIsr`, every `replica.lag.time.max.ms` / 2). Kafka
   * scans every led partition; the result is the same when only partitions with a lagging follower,
   * or all of them once some follower's fetch session went quiet, are examined — which keeps an
   * idle, healthy cluster's cost independent of its partition count.
   */
  shrinkIsrs(): void {
    const now = this.ctx.scheduler.now;
    const maxLag = this.ctx.config().int('replica.lag.time.max.ms');
    if (!this.followerIds) {
      this.followerIds = new Set();
      for (const p of this.partitions.values())
        if (p.isLeader) for (const id of p.followers.keys()) this.followerIds.add(id);
    }
    let quietFollower = false;
    for (const id of this.followerIds)
      if (now - this.sessions.lastFetchTimeMs(id) > maxLag) quietFollower = true;
    const candidates = quietFollower ? [...this.partitions.values()] : [...this.lagging];
    this.lagging.clear();
    for (const p of candidates) {
      if (p.isLeader && !this.allFollowersCaughtUp(p)) this.lagging.add(p);
      if (!p.isLeader || p.pendingIsr || p.isr.length <= 1) continue;
      const out = p.outOfSyncReplicas(now, maxLag, (id) => this.sessions.lastFetchTimeMs(id));
      if (out.length === 0) continue;
      this.sendIsrChange(
        p,
        p.isr.filter((r) => !out.includes(r)),
        'shrink',
      );
    }
  }

  private sendIsrChange(p: Partition, newIsr: number[], direction: 'expand' | 'shrink'): void {
    p.pendingIsr = newIsr;
    this.ctx.bus.emit('isr.change.requested', {
      broker: this.ctx.brokerId,
      topic: p.topic,
      partition: p.partition,
      isr: p.isr.slice(),
      newIsr,
      direction,
    });
    this.ctx.alterPartition(p, newIsr, (error) => {
      if (error !== 'NONE' && p.pendingIsr === newIsr) p.pendingIsr = undefined;
    });
  }

  // ---- ListOffsets -----------------------------------------------------------------------------

  /** ListOffsets (KIP-79 timestamps, -1 latest = high watermark for consumers, -2 earliest). */
  handleListOffsets(req: ListOffsetsRequest, respond: (res: ListOffsetsResponse) => void): void {
    respond({
      kind: 'ListOffsets',
      partitions: req.partitions.map(({ topic, partition, timestamp }) => {
        const p = this.get(topic, partition);
        const base = { topic, partition, timestamp: -1, offset: -1, leaderEpoch: -1 };
        if (!p) return { ...base, error: 'UNKNOWN_TOPIC_OR_PARTITION' as const };
        if (!p.isLeader) return { ...base, error: 'NOT_LEADER_OR_FOLLOWER' as const };
        const leaderEpoch = p.leaderEpoch;
        if (timestamp === -2)
          return { ...base, error: 'NONE' as const, offset: p.log.logStartOffset, leaderEpoch };
        if (timestamp === -1)
          return { ...base, error: 'NONE' as const, offset: p.highWatermark, leaderEpoch };
        const offset = p.log.offsetForTimestamp(timestamp);
        const visible = offset !== undefined && offset < p.highWatermark ? offset : -1;
        return {
          ...base,
          error: 'NONE' as const,
          offset: visible,
          timestamp: visible >= 0 ? timestamp : -1,
          leaderEpoch,
        };
      }),
    });
  }

  /** Drops all in-memory state a crash loses (logs survive in `partitions`' logs). */
  resetVolatileState(): void {
    this.sessions.clear();
    this.consumerWaiters.clear();
    for (const p of this.partitions.values()) {
      for (const d of p.delayedProduces) this.ctx.scheduler.cancel(d.timer);
      p.delayedProduces = [];
      p.pendingIsr = undefined;
      p.followers.clear();
    }
  }
}
