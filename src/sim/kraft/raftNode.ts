/**
 * One replica of the KRaft metadata quorum: a voter (controller) or an observer (broker).
 * Elections follow KIP-595: a voter that hears nothing from a leader becomes a candidate in a new
 * epoch and asks for votes (granted at most once per epoch, only to a log at least as up to date);
 * the winner writes a LeaderChange record and announces itself with BeginQuorumEpoch; followers
 * then pull with Fetch ({@link RaftReplication}). A leader that stops hearing from a majority
 * resigns ("check quorum"). Pure and deterministic: time, timers, randomness and the network come
 * from {@link RaftContext}.
 *
 * Source: raft/src/main/java/org/apache/kafka/raft/KafkaRaftClient.java, QuorumState.java,
 * CandidateState.java, LeaderState.java, ResignedState.java (Kafka 3.9).
 * https://cwiki.apache.org/confluence/display/KAFKA/KIP-595%3A+A+Raft+Protocol+for+the+Metadata+Quorum
 */
import { LeaderState } from './leaderState';
import { CHECK_QUORUM_TIMEOUT_FACTOR } from './raftConfig';
import {
  binaryExponentialElectionBackoffMs,
  CandidateState,
  randomElectionTimeoutMs,
} from './raftElection';
import { compareOffsetAndEpoch } from './raftLog';
import type { OffsetAndEpoch } from './raftLog';
import { NO_LEADER } from './raftMessages';
import type {
  BeginQuorumEpochRequest,
  RaftErrorName,
  RaftMessage,
  VoteRequest,
  VoteResponse,
} from './raftMessages';
import type { ResignReason } from './raftReplica';
import { RaftReplication } from './raftReplication';
import type { QuorumDescription } from './raftTypes';

/** Why a node started an election (the `reason` of `kraft.election.started`). */
export type ElectionReason =
  'election-timeout' | 'fetch-timeout' | 'backoff-complete' | 'resigned-timeout' | 'only-voter';

/** A KRaft replica. Create one per node, call {@link RaftNode.start}, feed it {@link RaftNode.receive}. */
export class RaftNode<T> extends RaftReplication<T> {
  /** Boots the node from its persisted state (`QuorumState.initialize`). No-op when running. */
  start(): void {
    if (this.isRunning) return;
    this.setRunning(true);
    const { epoch, votedFor, leaderId } = this.store;
    this.ctx.emit('kraft.started', {
      nodeId: this.nodeId,
      epoch,
      voter: this.isVoter,
      logEndOffset: this.raftLog.endOffset,
    });
    // A node that led this epoch before the crash must not lead it again: it starts resigned.
    if (this.isVoter && leaderId === this.nodeId) this.becomeResigned(epoch);
    else if (leaderId !== undefined && leaderId !== this.nodeId)
      this.becomeFollower(epoch, leaderId);
    else this.becomeUnattached(epoch, votedFor);
    if (this.isVoter && this.voters.length === 1) this.becomeCandidate('only-voter');
  }

  /** Crash: timers stop, in-flight state is lost; log, epoch, vote and leader id stay. */
  stop(): void {
    if (!this.isRunning) return;
    this.ctx.emit('kraft.stopped', { nodeId: this.nodeId, role: this.role, epoch: this.epoch });
    this.setRunning(false);
  }

  /** Starts a stopped node again from what it persisted (same as {@link start}). */
  restart(): void {
    this.start();
  }

  /**
   * Appends data records to the log (leader only, KafkaRaftClient `prepareAppend`). They commit
   * once a majority of voters has fetched them.
   * @returns the offset of the last appended record, or undefined when not the leader.
   */
  append(records: T[]): number | undefined {
    const st = this.state;
    if (!this.isRunning || st?.role !== 'leader') return undefined;
    if (records.length === 0) return this.raftLog.endOffset - 1;
    const baseOffset = this.raftLog.endOffset;
    const lastOffset = this.raftLog.appendData(st.epoch, records);
    this.ctx.emit('kraft.appended', {
      nodeId: this.nodeId,
      epoch: st.epoch,
      baseOffset,
      lastOffset,
      count: records.length,
    });
    this.onLeaderLogGrew();
    return lastOffset;
  }

  /** DescribeQuorum as the leader answers it; undefined on any other node (NOT_LEADER_OR_FOLLOWER). */
  describeQuorum(): QuorumDescription | undefined {
    const st = this.state;
    if (!this.isRunning || st?.role !== 'leader') return undefined;
    return st.leader.describe(this.ctx.now(), this.raftLog.endOffset);
  }

  /** Handles a message from node `from`. Ignored while stopped. */
  receive(from: number, message: RaftMessage<T>): void {
    if (!this.isRunning || !this.state) return;
    switch (message.type) {
      case 'VoteRequest':
        return this.onVoteRequest(from, message);
      case 'VoteResponse':
        return this.onVoteResponse(from, message);
      case 'BeginQuorumEpochRequest':
        return this.onBeginQuorumEpochRequest(from, message);
      case 'BeginQuorumEpochResponse':
        if (this.handleResponseEpoch(message.errorCode, message.leaderEpoch, message.leaderId))
          return;
        if (this.state.role === 'leader' && message.errorCode === 'NONE') {
          this.state.leader.acknowledge(from);
        }
        return;
      case 'FetchRequest':
        return this.onFetchRequest(from, message, false);
      case 'FetchResponse':
        return this.onFetchResponse(from, message);
    }
  }

  // ---- Transitions ----

  /**
   * An unattached voter or a candidate moving to a higher epoch keeps the time left on its election
   * timer (`QuorumState.transitionToUnattached`), so a disruptive candidate with a stale log cannot
   * postpone the others' elections forever; granting a vote restarts the timer.
   */
  protected becomeUnattached(epoch: number, votedFor?: number): void {
    const prev = this.state;
    const keep =
      votedFor === undefined && (prev?.role === 'unattached' || prev?.role === 'candidate')
        ? this.remainingRoleTimeMs()
        : undefined;
    this.become({ role: 'unattached', epoch, votedFor: this.isVoter ? votedFor : undefined });
    if (this.isVoter) {
      const timeoutMs = keep ?? this.randomElectionTimeout();
      this.setRoleTimer(timeoutMs, () => this.becomeCandidate('election-timeout'));
    } else {
      this.sendFetch(); // an observer finds the leader by fetching from any voter
    }
  }

  protected becomeFollower(epoch: number, leaderId: number): void {
    this.become({ role: 'follower', epoch, leaderId });
    this.resetFetchTimeout();
    this.sendFetch();
  }

  protected onFetchTimeout(): void {
    if (this.isVoter) this.becomeCandidate('fetch-timeout');
    else this.becomeUnattached(this.epoch);
  }

  private becomeResigned(epoch: number, reason?: ResignReason): void {
    this.become({ role: 'resigned', epoch }, reason);
    this.setRoleTimer(this.randomElectionTimeout(), () => this.becomeCandidate('resigned-timeout'));
  }

  private becomeCandidate(reason: ElectionReason, retries = 1): void {
    const epoch = this.epoch + 1;
    const election = new CandidateState(this.nodeId, epoch, this.voters, retries);
    this.become({ role: 'candidate', epoch, election });
    const last = this.raftLog.endOffsetAndEpoch();
    this.ctx.emit('kraft.election.started', {
      nodeId: this.nodeId,
      epoch,
      reason,
      retries,
      lastOffset: last.offset,
      lastOffsetEpoch: last.epoch,
    });
    if (election.isVoteGranted()) return this.becomeLeader(election);
    this.setRoleTimer(this.randomElectionTimeout(), () => this.backOff('election-timeout'));
    const request: VoteRequest = {
      type: 'VoteRequest',
      candidateId: this.nodeId,
      candidateEpoch: epoch,
      lastOffsetEpoch: last.epoch,
      lastOffset: last.offset,
    };
    for (const id of election.unrecordedVoters()) this.ctx.send(id, request);
  }

  /** A failed election waits a binary exponential backoff, then tries again in a new epoch. */
  private backOff(reason: 'election-timeout' | 'rejected'): void {
    const st = this.state;
    if (st?.role !== 'candidate' || st.election.backingOff) return;
    st.election.backingOff = true;
    const { retries } = st.election;
    const backoffMs = binaryExponentialElectionBackoffMs(
      retries,
      this.config.electionBackoffMaxMs,
      this.ctx.rng,
    );
    this.ctx.emit('kraft.election.backoff', {
      nodeId: this.nodeId,
      epoch: st.epoch,
      backoffMs,
      reason,
    });
    this.setRoleTimer(backoffMs, () => this.becomeCandidate('backoff-complete', retries + 1));
  }

  private becomeLeader(election: CandidateState): void {
    const { epoch } = election;
    const grantingVoters = election.grantingVoters();
    const epochStartOffset = this.raftLog.endOffset;
    const leader = new LeaderState(
      this.nodeId,
      epoch,
      epochStartOffset,
      this.voters,
      grantingVoters,
    );
    this.become({ role: 'leader', epoch, leader });
    this.ctx.emit('kraft.leader.elected', {
      nodeId: this.nodeId,
      epoch,
      grantingVoters,
      epochStartOffset,
    });
    // The LeaderChange control record: committing it commits everything before it.
    this.raftLog.appendLeaderChange(epoch, {
      leaderId: this.nodeId,
      voters: this.voters,
      grantingVoters,
    });
    this.resetCheckQuorum();
    this.sendBeginQuorumEpoch();
    this.onLeaderLogGrew();
  }

  /** The leader resigns after `1.5 × fetchTimeoutMs` without fetches from a majority of voters. */
  protected resetCheckQuorum(): void {
    if (this.voters.length === 1) return;
    const timeoutMs = Math.floor(this.config.fetchTimeoutMs * CHECK_QUORUM_TIMEOUT_FACTOR);
    this.setRoleTimer(timeoutMs, () => this.becomeResigned(this.epoch, 'check-quorum'));
  }

  // ---- Vote and BeginQuorumEpoch (KafkaRaftClient.handleVoteRequest & co.) ----

  private onVoteRequest(from: number, req: VoteRequest): void {
    const reply = (errorCode: RaftErrorName, voteGranted: boolean) =>
      this.ctx.send(from, {
        type: 'VoteResponse',
        errorCode,
        leaderId: this.leaderId ?? NO_LEADER,
        leaderEpoch: this.epoch,
        voteGranted,
      });
    if (!this.isVoter || !this.voters.includes(req.candidateId)) {
      return reply('INCONSISTENT_VOTER_SET', false);
    }
    if (
      req.lastOffset < 0 ||
      req.lastOffsetEpoch < 0 ||
      req.lastOffsetEpoch >= req.candidateEpoch
    ) {
      return reply('INVALID_REQUEST', false);
    }
    if (req.candidateEpoch < this.epoch) return reply('FENCED_LEADER_EPOCH', false);
    const candidateEnd: OffsetAndEpoch = { offset: req.lastOffset, epoch: req.lastOffsetEpoch };
    const logUpToDate = compareOffsetAndEpoch(candidateEnd, this.raftLog.endOffsetAndEpoch()) >= 0;
    const before = this.state!;
    if (req.candidateEpoch > before.epoch) {
      // A higher epoch ends whatever this node was doing in its own (a leader steps down).
      this.becomeUnattached(req.candidateEpoch, logUpToDate ? req.candidateId : undefined);
    } else if (before.role === 'unattached' && before.votedFor === undefined && logUpToDate) {
      this.becomeUnattached(before.epoch, req.candidateId);
    }
    const st = this.state!;
    const granted = st.role === 'unattached' && st.votedFor === req.candidateId;
    let reason: string | undefined;
    if (st.role !== 'unattached') reason = st.role === 'follower' ? 'has-leader' : `is-${st.role}`;
    else if (!granted) reason = st.votedFor === undefined ? 'log-not-up-to-date' : 'already-voted';
    this.ctx.emit(granted ? 'kraft.vote.granted' : 'kraft.vote.rejected', {
      nodeId: this.nodeId,
      candidateId: req.candidateId,
      epoch: req.candidateEpoch,
      ...(reason ? { reason } : {}),
    });
    reply('NONE', granted);
  }

  private onVoteResponse(from: number, res: VoteResponse): void {
    if (this.handleResponseEpoch(res.errorCode, res.leaderEpoch, res.leaderId)) return;
    const st = this.state!;
    if (res.errorCode !== 'NONE' || st.role !== 'candidate') return;
    if (res.voteGranted) {
      st.election.recordGrantedVote(from);
      if (st.election.isVoteGranted()) this.becomeLeader(st.election);
    } else {
      st.election.recordRejectedVote(from);
      if (st.election.isVoteRejected()) this.backOff('rejected');
    }
  }

  private onBeginQuorumEpochRequest(from: number, req: BeginQuorumEpochRequest): void {
    const st = this.state!;
    let errorCode: RaftErrorName = 'NONE';
    if (!this.isVoter || !this.voters.includes(req.leaderId)) errorCode = 'INCONSISTENT_VOTER_SET';
    else if (req.leaderEpoch < st.epoch) errorCode = 'FENCED_LEADER_EPOCH';
    else if (
      st.role !== 'follower' ||
      st.epoch !== req.leaderEpoch ||
      st.leaderId !== req.leaderId
    ) {
      if (req.leaderEpoch === st.epoch && (st.role === 'leader' || st.role === 'resigned')) {
        throw new Error(
          `Node ${this.nodeId} led epoch ${st.epoch}; node ${req.leaderId} claims it too`,
        );
      }
      this.becomeFollower(req.leaderEpoch, req.leaderId);
    }
    this.ctx.send(from, {
      type: 'BeginQuorumEpochResponse',
      errorCode,
      leaderId: this.leaderId ?? NO_LEADER,
      leaderEpoch: this.epoch,
    });
  }

  /** Re-sent every `fetchTimeoutMs / 2` to voters that have not fetched yet (`LeaderState`). */
  private sendBeginQuorumEpoch(): void {
    const st = this.state;
    if (st?.role !== 'leader') return;
    const targets = st.leader.nonAcknowledgingVoters();
    const request: BeginQuorumEpochRequest = {
      type: 'BeginQuorumEpochRequest',
      leaderId: this.nodeId,
      leaderEpoch: st.epoch,
    };
    for (const id of targets) this.ctx.send(id, request);
    if (targets.length > 0) {
      this.after(Math.floor(this.config.fetchTimeoutMs / 2), () => this.sendBeginQuorumEpoch());
    }
  }

  private randomElectionTimeout(): number {
    return randomElectionTimeoutMs(this.config.electionTimeoutMs, this.ctx.rng);
  }
}
