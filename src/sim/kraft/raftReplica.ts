/**
 * The local state of a KRaft replica, below the protocol: the persisted log and quorum-state file,
 * the current epoch state (Kafka's `EpochState`), the timers tied to that state, and handing
 * committed records to the host in order. {@link RaftReplication} and {@link RaftNode} add the
 * protocol on top.
 *
 * Source: raft/src/main/java/org/apache/kafka/raft/QuorumState.java, ElectionState.java and the
 * listener bookkeeping of KafkaRaftClient.java (Kafka 3.9).
 */
import type { LeaderState } from './leaderState';
import { resolveRaftConfig } from './raftConfig';
import type { RaftConfig } from './raftConfig';
import type { CandidateState } from './raftElection';
import { RaftLog } from './raftLog';
import type { RaftEntry } from './raftLog';
import { NO_LEADER } from './raftMessages';
import type { FetchRequest, RaftErrorName } from './raftMessages';
import type { CommittedEntry, RaftContext, RaftRole } from './raftTypes';

/** The state of one epoch, per role; `unattached.votedFor` is Kafka's "Voted" state. */
export type EpochState =
  | { role: 'unattached'; epoch: number; votedFor: number | undefined }
  | { role: 'follower'; epoch: number; leaderId: number }
  | { role: 'candidate'; epoch: number; election: CandidateState }
  | { role: 'leader'; epoch: number; leader: LeaderState }
  | { role: 'resigned'; epoch: number };

/** Why a leader stopped leading (the `reason` of `kraft.resigned`). */
export type ResignReason = 'check-quorum' | 'higher-epoch';

/** A replica's state and bookkeeping; subclasses implement the transitions and the RPCs. */
export abstract class RaftReplica<T> {
  /** Timing in use (Kafka 3.9 defaults unless overridden), ms. */
  readonly config: RaftConfig;
  /** True when `nodeId` is one of the voters; observers only ever fetch. */
  readonly isVoter: boolean;
  /** Voter ids, ascending. */
  protected readonly voters: readonly number[];

  // "On disk": the log, the quorum-state file and the listener's position survive a stop.
  protected readonly raftLog = new RaftLog<T>();
  protected store: { epoch: number; votedFor?: number; leaderId?: number } = { epoch: 0 };
  private applied = 0;
  private hw = 0;

  // In memory only. Every timer belongs to the current epoch state and dies with it.
  protected state: EpochState | undefined;
  protected isRunning = false;
  private generation = 0;
  private readonly timers = new Set<number>();
  private roleTimer: number | undefined;
  private roleDeadline: number | undefined;
  /** The Fetch this follower/observer awaits an answer to. */
  protected inflight: { to: number; timer: number } | undefined;
  /** Pending delayed fetch send (retry backoff). */
  protected fetchTimer: number | undefined;
  /** Fetches the leader holds until new data or their max wait (Kafka's fetch purgatory). */
  protected readonly parked = new Map<number, { request: FetchRequest; timer: number }>();
  private leaderNotified = false;
  private delivering = false;

  constructor(protected readonly ctx: RaftContext<T>) {
    this.config = resolveRaftConfig(ctx.config);
    this.voters = [...new Set(ctx.voters)].sort((a, b) => a - b);
    this.isVoter = this.voters.includes(ctx.nodeId);
  }

  /** This replica's node id. */
  get nodeId(): number {
    return this.ctx.nodeId;
  }
  /** Current role; after a stop, the role the node had when it stopped. */
  get role(): RaftRole {
    return this.state?.role ?? 'unattached';
  }
  /** Current epoch (persisted). */
  get epoch(): number {
    return this.state?.epoch ?? this.store.epoch;
  }
  /** The leader this node follows, itself when leader, undefined otherwise (also when resigned). */
  get leaderId(): number | undefined {
    const st = this.state;
    return st?.role === 'follower' ? st.leaderId : st?.role === 'leader' ? this.nodeId : undefined;
  }
  /** Whom this node voted for in the current epoch (persisted); itself as candidate or leader. */
  get votedFor(): number | undefined {
    return this.store.votedFor;
  }
  /**
   * Exclusive high watermark as this node knows it: offsets below it are committed. Kept across a
   * restart, as the position the host already applied.
   */
  get highWatermark(): number {
    return this.hw;
  }
  /** Log end offset: the offset of the next entry. */
  get logEndOffset(): number {
    return this.raftLog.endOffset;
  }
  /** The log (persisted); offset `i` at index `i`. */
  get log(): readonly RaftEntry<T>[] {
    return this.raftLog.entries;
  }
  /** False before `start()` and after `stop()`. */
  get running(): boolean {
    return this.isRunning;
  }

  /** Answers a Fetch (leader) or refuses it with this node's view of epoch and leader. */
  protected abstract onFetchRequest(from: number, req: FetchRequest, completing: boolean): void;
  protected abstract becomeFollower(epoch: number, leaderId: number): void;
  protected abstract becomeUnattached(epoch: number, votedFor?: number): void;

  /** Marks the node running or crashed; a crash cancels every timer and drops in-memory state. */
  protected setRunning(running: boolean): void {
    this.isRunning = running;
    this.generation++;
    for (const id of this.timers) this.ctx.cancel(id);
    this.timers.clear();
    this.roleTimer = this.roleDeadline = this.fetchTimer = this.inflight = undefined;
    this.parked.clear();
    if (running) this.state = undefined;
    else if (this.leaderNotified) {
      this.leaderNotified = false;
      this.ctx.onResign();
    }
  }

  /** Switches to `next`: cancels the old state's timers, persists, emits, answers held fetches. */
  protected become(next: EpochState, resignReason: ResignReason = 'higher-epoch'): void {
    const prev = this.state;
    const held = [...this.parked];
    for (const id of this.timers) this.ctx.cancel(id);
    this.timers.clear();
    this.roleTimer = this.roleDeadline = this.fetchTimer = this.inflight = undefined;
    this.parked.clear();
    this.state = next;
    this.persist(next);
    if (prev?.role === 'leader') {
      this.ctx.emit('kraft.resigned', {
        nodeId: this.nodeId,
        epoch: prev.epoch,
        reason: resignReason,
      });
      if (this.leaderNotified) {
        this.leaderNotified = false;
        this.ctx.onResign();
      }
    }
    this.ctx.emit('kraft.state.changed', {
      nodeId: this.nodeId,
      role: next.role,
      epoch: next.epoch,
      leaderId: this.leaderId ?? null,
      votedFor: this.store.votedFor ?? null,
    });
    // Held fetches are answered from the new state: an error naming the new epoch and leader.
    for (const [from, p] of held) this.onFetchRequest(from, p.request, true);
  }

  /** Writes the quorum-state "file" (Kafka's `ElectionState`: epoch, voted id, leader id). */
  private persist(next: EpochState): void {
    let votedFor: number | undefined = this.nodeId;
    if (next.role === 'unattached') votedFor = next.votedFor;
    else if (next.role === 'follower') {
      votedFor = this.store.epoch === next.epoch ? this.store.votedFor : undefined;
    }
    let leaderId: number | undefined;
    if (next.role === 'follower') leaderId = next.leaderId;
    else if (next.role === 'leader' || next.role === 'resigned') leaderId = this.nodeId;
    this.store = { epoch: next.epoch, votedFor, leaderId };
  }

  /**
   * Applies the epoch and leader a peer reported (KafkaRaftClient `maybeHandleCommonResponse`):
   * a higher epoch makes this node a follower of the named leader (or unattached); learning the
   * leader of its own epoch ends an election.
   * @returns true when the response needs no further handling.
   */
  protected handleResponseEpoch(error: RaftErrorName, epoch: number, leaderId: number): boolean {
    const st = this.state!;
    if (epoch < st.epoch || error === 'UNKNOWN_LEADER_EPOCH') return true;
    const knownLeader = leaderId !== NO_LEADER && leaderId !== this.nodeId;
    if (epoch > st.epoch) {
      if (knownLeader) this.becomeFollower(epoch, leaderId);
      else this.becomeUnattached(epoch);
      return true;
    }
    if (knownLeader && (st.role === 'unattached' || st.role === 'candidate')) {
      this.becomeFollower(epoch, leaderId);
      return true;
    }
    return error === 'FENCED_LEADER_EPOCH' || error === 'NOT_LEADER_OR_FOLLOWER';
  }

  /** Raises the known high watermark (never lowers it) and delivers what became committed. */
  protected advanceHighWatermark(highWatermark: number): void {
    if (highWatermark > this.hw) {
      this.hw = highWatermark;
      this.ctx.emit('kraft.committed', {
        nodeId: this.nodeId,
        epoch: this.epoch,
        offset: highWatermark - 1,
        highWatermark,
      });
    }
    this.deliverCommitted();
  }

  /**
   * Hands committed data records to `onCommit`, once each. A new leader's `onBecomeLeader` comes
   * after every record before its epoch start and before any record of its own epoch.
   */
  private deliverCommitted(): void {
    if (this.delivering) return; // re-entered from a callback: the outer loop continues
    this.delivering = true;
    try {
      while (this.isRunning) {
        const st = this.state;
        const start =
          st?.role === 'leader' && !this.leaderNotified ? st.leader.epochStartOffset : -1;
        if (start >= 0 && this.applied >= start && this.hw > start) {
          this.leaderNotified = true;
          this.ctx.onBecomeLeader(st!.epoch);
          continue;
        }
        const limit = start >= 0 && this.applied < start ? Math.min(this.hw, start) : this.hw;
        if (this.applied >= limit) break;
        const batch: CommittedEntry<T>[] = [];
        for (const e of this.raftLog.entries.slice(this.applied, limit)) {
          if (e.kind === 'data') batch.push({ offset: e.offset, epoch: e.epoch, record: e.record });
        }
        this.applied = limit;
        if (batch.length > 0) this.ctx.onCommit(batch);
      }
    } finally {
      this.delivering = false;
    }
  }

  /** Replaces the state's single main timer (election, fetch, backoff or check-quorum timeout). */
  protected setRoleTimer(delayMs: number, fn: () => void): void {
    this.clear(this.roleTimer);
    this.roleDeadline = this.ctx.now() + delayMs;
    this.roleTimer = this.after(delayMs, () => {
      this.roleTimer = this.roleDeadline = undefined;
      fn();
    });
  }

  /** Ms left on the main timer, undefined when none runs. */
  protected remainingRoleTimeMs(): number | undefined {
    if (this.roleTimer === undefined || this.roleDeadline === undefined) return undefined;
    return Math.max(0, this.roleDeadline - this.ctx.now());
  }

  /** Schedules `fn` in virtual time; it is dropped if the state changes or the node stops first. */
  protected after(delayMs: number, fn: () => void): number {
    const generation = this.generation;
    const id = this.ctx.schedule(delayMs, () => {
      this.timers.delete(id);
      if (generation === this.generation && this.isRunning) fn();
    });
    this.timers.add(id);
    return id;
  }

  /** Cancels a timer from {@link after}. */
  protected clear(id: number | undefined): void {
    if (id === undefined) return;
    this.ctx.cancel(id);
    this.timers.delete(id);
  }
}
