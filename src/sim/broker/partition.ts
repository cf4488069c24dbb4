/**
 * One partition replica hosted by a broker, as Kafka's `kafka.cluster.Partition`: the log, the
 * leader's view of its followers, the high watermark and the ISR. The leader advances the high
 * watermark to the smallest log-end offset in the ISR once followers have fetched; it shrinks the
 * ISR when a follower has not caught up for `replica.lag.time.max.ms` and expands it again once the
 * follower reaches the high watermark (KIP-497 AlterPartition to the controller).
 * https://kafka.apache.org/39/documentation.html#replication
 */
import type { PartitionLog } from '../log/partitionLog';
import type { RecordBatch } from '../log/record';
import type { PartitionRegistration } from '../metadata/image';

/** The leader's record of one follower (`kafka.cluster.Replica` / `ReplicaState`). */
export interface FollowerState {
  brokerId: number;
  /** The follower's log-end offset as of its last fetch (its fetch offset). */
  logEndOffset: number;
  /** Last time the follower was fully caught up with the leader, virtual ms. */
  lastCaughtUpTimeMs: number;
  /** Leader's LEO when the follower last fetched. */
  lastFetchLeaderLogEndOffset: number;
  lastFetchTimeMs: number;
}

/** A produce waiting for the ISR (acks=all, Kafka's `DelayedProduce`). */
export interface DelayedProduce {
  /** Offset the high watermark must pass: the batch's last offset + 1. */
  requiredOffset: number;
  complete(
    error:
      'NONE' | 'NOT_ENOUGH_REPLICAS_AFTER_APPEND' | 'REQUEST_TIMED_OUT' | 'NOT_LEADER_OR_FOLLOWER',
  ): void;
  timer: number;
}

/** Last batches of an idempotent producer on this partition (KIP-98, kept 5 deep like Kafka). */
export interface ProducerStateEntry {
  producerEpoch: number;
  batches: { firstSeq: number; lastSeq: number; baseOffset: number }[];
}

export class Partition {
  /** Broker id of the current leader, -1 when none. */
  leaderId = -1;
  leaderEpoch = -1;
  partitionEpoch = -1;
  replicas: number[] = [];
  /** The committed ISR (from the controller). */
  isr: number[] = [];
  /** An ISR change sent to the controller and not yet committed (KIP-497 "maximal ISR"). */
  pendingIsr: number[] | undefined;
  highWatermark = 0;
  /** LEO when this broker became leader: followers must pass it to rejoin the ISR. */
  leaderEpochStartOffset = 0;
  readonly followers = new Map<number, FollowerState>();
  delayedProduces: DelayedProduce[] = [];
  readonly producers = new Map<number, ProducerStateEntry>();

  constructor(
    readonly brokerId: number,
    readonly topic: string,
    readonly partition: number,
    readonly topicId: string,
    readonly log: PartitionLog,
  ) {}

  get isLeader(): boolean {
    return this.leaderId === this.brokerId;
  }

  get logEndOffset(): number {
    return this.log.logEndOffset;
  }

  /** ISR used for the high watermark and acks=all: the committed ISR plus pending additions. */
  get maximalIsr(): number[] {
    if (!this.pendingIsr) return this.isr;
    return [...new Set([...this.isr, ...this.pendingIsr])];
  }

  /** Applies the controller's registration. Returns what changed for this broker's role. */
  applyRegistration(
    reg: PartitionRegistration,
    now: number,
  ): 'became-leader' | 'became-follower' | 'updated' {
    const wasLeader = this.isLeader;
    const epochChanged = reg.leaderEpoch !== this.leaderEpoch;
    this.replicas = reg.replicas.slice();
    this.isr = reg.isr.slice();
    this.partitionEpoch = reg.partitionEpoch;
    this.pendingIsr = undefined;
    if (!epochChanged && reg.leader === this.leaderId) {
      // A replica set change without a new leader epoch (a reassignment adding replicas, KIP-455):
      // the leader tracks the new followers and forgets removed ones (`Partition.makeLeader` →
      // `updateAssignmentAndIsr`).
      if (this.isLeader) {
        for (const r of this.replicas)
          if (r !== this.brokerId && !this.followers.has(r))
            this.followers.set(r, {
              brokerId: r,
              logEndOffset: -1,
              lastCaughtUpTimeMs: 0,
              lastFetchLeaderLogEndOffset: -1,
              lastFetchTimeMs: 0,
            });
        for (const id of [...this.followers.keys()])
          if (!this.replicas.includes(id)) this.followers.delete(id);
      }
      return 'updated';
    }
    this.leaderId = reg.leader;
    this.leaderEpoch = reg.leaderEpoch;
    if (this.isLeader) {
      this.leaderEpochStartOffset = this.log.logEndOffset;
      this.followers.clear();
      for (const r of this.replicas)
        if (r !== this.brokerId)
          this.followers.set(r, {
            brokerId: r,
            logEndOffset: -1,
            lastCaughtUpTimeMs: this.isr.includes(r) ? now : 0,
            lastFetchLeaderLogEndOffset: -1,
            lastFetchTimeMs: 0,
          });
      return wasLeader ? 'updated' : 'became-leader';
    }
    this.followers.clear();
    return 'became-follower';
  }

  /**
   * Records a follower fetch at `fetchOffset` (Kafka `ReplicaState.updateFetchStateOrThrow`).
   * Returns the follower's state, or undefined when it is not a replica.
   */
  updateFollowerFetch(
    followerId: number,
    fetchOffset: number,
    now: number,
  ): FollowerState | undefined {
    const f = this.followers.get(followerId);
    if (!f) return undefined;
    const leaderEnd = this.log.logEndOffset;
    if (fetchOffset >= leaderEnd) f.lastCaughtUpTimeMs = Math.max(f.lastCaughtUpTimeMs, now);
    else if (fetchOffset >= f.lastFetchLeaderLogEndOffset)
      f.lastCaughtUpTimeMs = Math.max(f.lastCaughtUpTimeMs, f.lastFetchTimeMs);
    f.logEndOffset = fetchOffset;
    f.lastFetchLeaderLogEndOffset = leaderEnd;
    f.lastFetchTimeMs = now;
    return f;
  }

  /**
   * Leader: raises the high watermark to the smallest LEO in the maximal ISR. Returns true when it
   * moved. The high watermark never goes backwards on a leader.
   */
  maybeIncrementHighWatermark(): boolean {
    let min = this.log.logEndOffset;
    for (const id of this.maximalIsr) {
      if (id === this.brokerId) continue;
      const f = this.followers.get(id);
      if (!f) continue;
      if (f.logEndOffset < min) min = f.logEndOffset;
    }
    if (min > this.highWatermark) {
      this.highWatermark = min;
      return true;
    }
    return false;
  }

  /** Followers in the ISR that have not caught up within `maxLagMs` (Kafka `getOutOfSyncReplicas`). */
  outOfSyncReplicas(
    now: number,
    maxLagMs: number,
    sessionFetchTimeMs: (followerId: number) => number,
  ): number[] {
    const out: number[] = [];
    for (const id of this.isr) {
      if (id === this.brokerId) continue;
      const f = this.followers.get(id);
      if (!f) continue;
      // With incremental fetch sessions (KIP-227) an idle follower omits unchanged partitions, so a
      // follower at the leader's LEO counts as caught up as of its session's latest fetch.
      const caughtUp =
        f.logEndOffset >= this.log.logEndOffset
          ? Math.max(f.lastCaughtUpTimeMs, sessionFetchTimeMs(id))
          : f.lastCaughtUpTimeMs;
      if (now - caughtUp > maxLagMs) out.push(id);
    }
    return out;
  }

  /**
   * Remembers an idempotent producer's batch (KIP-98), the last 5 per producer, on the leader and
   * on every follower that replicates it (`ProducerStateManager`, updated by `appendAsLeader` and
   * `appendAsFollower` alike), so a new leader still recognises a retried batch as a duplicate.
   */
  recordProducerBatch(batch: RecordBatch): void {
    if (batch.producerId < 0) return;
    let entry = this.producers.get(batch.producerId);
    if (!entry || entry.producerEpoch !== batch.producerEpoch) {
      entry = { producerEpoch: batch.producerEpoch, batches: [] };
      this.producers.set(batch.producerId, entry);
    }
    entry.batches.push({
      firstSeq: batch.baseSequence,
      lastSeq: batch.baseSequence + batch.values.length - 1,
      baseOffset: batch.baseOffset,
    });
    if (entry.batches.length > 5) entry.batches.shift();
  }

  /** Forgets producer batches at or after `offset`, after the log was truncated there. */
  truncateProducerState(offset: number): void {
    for (const [id, entry] of this.producers) {
      entry.batches = entry.batches.filter((b) => b.baseOffset < offset);
      if (entry.batches.length === 0) this.producers.delete(id);
    }
  }

  /** A follower outside the ISR that may rejoin it (Kafka `isFollowerInSync`). */
  canExpandIsrWith(followerId: number): boolean {
    const f = this.followers.get(followerId);
    if (!f || this.isr.includes(followerId)) return false;
    return f.logEndOffset >= this.highWatermark && f.logEndOffset >= this.leaderEpochStartOffset;
  }
}
