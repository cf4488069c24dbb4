/**
 * KRaft log replication: followers and observers pull with Fetch (KIP-595 is pull-based, unlike
 * Raft's AppendEntries). The leader validates the fetch position against its epoch history, answers
 * with records or a diverging epoch to truncate to, holds empty fetches as long polls, and moves
 * the high watermark as voters fetch. A follower whose fetches stop succeeding for
 * `controller.quorum.fetch.timeout.ms` starts an election.
 *
 * Source: raft/src/main/java/org/apache/kafka/raft/KafkaRaftClient.java (`handleFetchRequest`,
 * `tryCompleteFetchRequest`, `handleFetchResponse`, `pollFollowerAsVoter/AsObserver`), Kafka 3.9.
 */
import { MAX_FETCH_ENTRIES } from './raftConfig';
import type { OffsetAndEpoch } from './raftLog';
import { NO_LEADER } from './raftMessages';
import type { FetchRequest, FetchResponse, RaftErrorName } from './raftMessages';
import { RaftReplica } from './raftReplica';

/** Fetch on both sides; elections live in {@link RaftNode}. */
export abstract class RaftReplication<T> extends RaftReplica<T> {
  /** A voter whose leader went silent starts an election. */
  protected abstract onFetchTimeout(): void;
  /** A voter fetched: the leader's check-quorum timer restarts when a majority has. */
  protected abstract resetCheckQuorum(): void;

  // ---- Leader side ----

  /**
   * Answers a Fetch. On a non-leader, or for a stale or future epoch, the answer is an error with
   * this node's epoch and leader, which is how fetchers discover a new leader.
   * @param completing true when answering a held fetch: no bookkeeping, never held again.
   */
  protected onFetchRequest(from: number, req: FetchRequest, completing: boolean): void {
    const st = this.state!;
    let errorCode: RaftErrorName = 'NONE';
    if (
      req.fetchOffset < 0 ||
      req.lastFetchedEpoch < 0 ||
      req.lastFetchedEpoch > req.currentLeaderEpoch
    ) {
      errorCode = 'INVALID_REQUEST';
    } else if (req.currentLeaderEpoch < st.epoch) errorCode = 'FENCED_LEADER_EPOCH';
    else if (req.currentLeaderEpoch > st.epoch) errorCode = 'UNKNOWN_LEADER_EPOCH';
    else if (st.role !== 'leader') errorCode = 'NOT_LEADER_OR_FOLLOWER';
    const reply = (fields: Partial<FetchResponse<T>>) =>
      this.ctx.send(from, {
        type: 'FetchResponse',
        errorCode,
        leaderId: this.leaderId ?? NO_LEADER,
        leaderEpoch: st.epoch,
        fetchOffset: req.fetchOffset,
        highWatermark: -1,
        records: [],
        ...fields,
      });
    if (errorCode !== 'NONE' || st.role !== 'leader') return reply({});

    const { leader } = st;
    if (!completing && this.voters.includes(from) && leader.recordVoterFetch(from)) {
      this.resetCheckQuorum();
    }
    const highWatermark = () => leader.highWatermark ?? -1;
    const divergingEpoch = this.raftLog.divergingEpoch(req.fetchOffset, req.lastFetchedEpoch);
    if (divergingEpoch) return reply({ divergingEpoch, highWatermark: highWatermark() });

    const end = this.raftLog.endOffset;
    const hwMoved = !completing && leader.updateReplica(from, this.ctx.now(), req.fetchOffset, end);
    const records = this.raftLog.read(req.fetchOffset, MAX_FETCH_ENTRIES);
    if (records.length === 0 && !completing && !hwMoved && req.maxWaitMs > 0) {
      const old = this.parked.get(from);
      if (old) this.clear(old.timer);
      const timer = this.after(req.maxWaitMs, () => {
        this.parked.delete(from);
        this.onFetchRequest(from, req, true);
      });
      this.parked.set(from, { request: req, timer });
    } else {
      reply({ records, highWatermark: highWatermark() });
    }
    if (hwMoved) this.onLeaderHighWatermark();
  }

  /** The leader appended: update its own end offset, maybe the high watermark, wake held fetches. */
  protected onLeaderLogGrew(): void {
    const st = this.state;
    if (st?.role !== 'leader') return;
    if (st.leader.updateLocal(this.raftLog.endOffset)) this.onLeaderHighWatermark();
    else this.completeHeldFetches();
  }

  private onLeaderHighWatermark(): void {
    const st = this.state;
    if (st?.role !== 'leader' || st.leader.highWatermark === undefined) return;
    this.advanceHighWatermark(st.leader.highWatermark);
    this.completeHeldFetches();
  }

  private completeHeldFetches(): void {
    const held = [...this.parked];
    this.parked.clear();
    for (const [from, p] of held) {
      this.clear(p.timer);
      this.onFetchRequest(from, p.request, true);
    }
  }

  // ---- Follower and observer side ----

  /**
   * Sends the next Fetch: to the leader when following, to a random voter when an observer is
   * looking for the leader. At most one is in flight; one unanswered for the request timeout is
   * sent again.
   */
  protected sendFetch(): void {
    const st = this.state;
    if (!st || this.inflight || this.fetchTimer !== undefined) return;
    let to: number;
    if (st.role === 'follower') to = st.leaderId;
    else if (st.role === 'unattached' && !this.isVoter && this.voters.length > 0) {
      to = this.voters[this.ctx.rng.int(this.voters.length)]!;
    } else return;
    const timer = this.after(this.config.requestTimeoutMs, () => {
      this.inflight = undefined;
      this.sendFetch();
    });
    this.inflight = { to, timer };
    this.ctx.send(to, {
      type: 'FetchRequest',
      replicaId: this.nodeId,
      currentLeaderEpoch: st.epoch,
      fetchOffset: this.raftLog.endOffset,
      lastFetchedEpoch: this.raftLog.lastFetchedEpoch,
      maxWaitMs: this.config.fetchIntervalMs,
    });
  }

  /** (Re)starts the fetch timeout of a follower. */
  protected resetFetchTimeout(): void {
    this.setRoleTimer(this.config.fetchTimeoutMs, () => this.onFetchTimeout());
  }

  private retryFetch(): void {
    if (this.inflight || this.fetchTimer !== undefined) return;
    this.fetchTimer = this.after(this.config.retryBackoffMs, () => {
      this.fetchTimer = undefined;
      this.sendFetch();
    });
  }

  /** Handles the leader's answer: truncate or append, learn the high watermark, fetch again. */
  protected onFetchResponse(from: number, res: FetchResponse<T>): void {
    if (this.inflight?.to !== from) return; // not the fetch this node waits for
    this.clear(this.inflight.timer);
    this.inflight = undefined;
    if (this.handleResponseEpoch(res.errorCode, res.leaderEpoch, res.leaderId)) {
      return this.retryFetch();
    }
    const st = this.state!;
    // Only an answer to a fetch from the current log end may touch the log.
    const current = res.fetchOffset === this.raftLog.endOffset;
    if (res.errorCode !== 'NONE' || st.role !== 'follower' || st.leaderId !== from || !current) {
      return this.retryFetch();
    }
    if (res.divergingEpoch) this.truncate(res.divergingEpoch, from);
    else {
      this.raftLog.appendAsFollower(res.records);
      // The log matches the leader's up to its end, so committed = min(leader's HW, own end).
      if (res.highWatermark >= 0) {
        this.advanceHighWatermark(Math.min(res.highWatermark, this.raftLog.endOffset));
      }
    }
    if (this.state !== st || !this.isRunning) return; // a commit callback changed things
    this.resetFetchTimeout();
    this.sendFetch();
  }

  private truncate(diverging: OffsetAndEpoch, leaderId: number): void {
    const fromOffset = this.raftLog.endOffset;
    const toOffset = this.raftLog.truncationOffset(diverging);
    if (toOffset < this.highWatermark) {
      throw new Error(
        `Node ${this.nodeId}: leader ${leaderId} requested truncation to offset ${toOffset}, below the high watermark ${this.highWatermark}`,
      );
    }
    this.raftLog.truncateTo(toOffset);
    if (toOffset < fromOffset) {
      this.ctx.emit('kraft.log.truncated', {
        nodeId: this.nodeId,
        epoch: this.epoch,
        leaderId,
        fromOffset,
        toOffset,
      });
    }
  }
}
