/**
 * What a KRaft leader tracks about its replicas during one epoch: each voter's and observer's fetch
 * position and timestamps, the high watermark, which voters acknowledged the epoch, and which
 * voters fetched recently ("check quorum").
 *
 * Source: raft/src/main/java/org/apache/kafka/raft/LeaderState.java (Kafka 3.9) and
 * tools/src/main/java/org/apache/kafka/tools/MetadataQuorumCommand.java for the describe fields.
 */
import { OBSERVER_SESSION_TIMEOUT_MS } from './raftConfig';
import type { QuorumDescription, QuorumReplicaDescription } from './raftTypes';

interface ReplicaState {
  readonly nodeId: number;
  /** Last fetch offset (= the replica's log end offset), -1 until it fetches. */
  endOffset: number;
  lastFetchTimestamp: number;
  lastFetchLeaderLogEndOffset: number;
  lastCaughtUpTimestamp: number;
  hasAcknowledgedLeader: boolean;
}

function newReplica(nodeId: number, acknowledged: boolean): ReplicaState {
  return {
    nodeId,
    endOffset: -1,
    lastFetchTimestamp: -1,
    lastFetchLeaderLogEndOffset: -1,
    lastCaughtUpTimestamp: -1,
    hasAcknowledgedLeader: acknowledged,
  };
}

/** Replica bookkeeping of the leader of one epoch. */
export class LeaderState {
  /**
   * Exclusive high watermark: the largest offset on a majority of voters, set only once that
   * offset is past {@link epochStartOffset} (the leader must commit in its own epoch first).
   * Undefined until then.
   */
  highWatermark: number | undefined;
  private readonly voterStates = new Map<number, ReplicaState>();
  private readonly observerStates = new Map<number, ReplicaState>();
  private readonly fetchedVoters = new Set<number>();

  /**
   * @param epochStartOffset the leader's log end offset when elected: the offset of its
   *   LeaderChange record.
   */
  constructor(
    readonly localId: number,
    readonly epoch: number,
    readonly epochStartOffset: number,
    voters: readonly number[],
    readonly grantingVoters: readonly number[],
  ) {
    for (const id of [...voters].sort((a, b) => a - b)) {
      this.voterStates.set(id, newReplica(id, id === localId));
    }
  }

  /** Voters that neither fetched nor answered BeginQuorumEpoch yet: targets of BeginQuorumEpoch. */
  nonAcknowledgingVoters(): number[] {
    return [...this.voterStates.values()]
      .filter((s) => !s.hasAcknowledgedLeader)
      .map((s) => s.nodeId);
  }

  /** A voter answered BeginQuorumEpoch. */
  acknowledge(nodeId: number): void {
    const state = this.voterStates.get(nodeId);
    if (state) state.hasAcknowledgedLeader = true;
  }

  /**
   * Records a Fetch from voter `nodeId` for check quorum (`updateCheckQuorumForFollowingVoter`).
   * @returns true when a majority (counting the leader) fetched since the last reset: the caller
   *   restarts the check-quorum timer.
   */
  recordVoterFetch(nodeId: number): boolean {
    if (!this.voterStates.has(nodeId) || nodeId === this.localId) return false;
    this.fetchedVoters.add(nodeId);
    // A majority of the voters, less the leader itself (which never fetches).
    const needed = Math.floor(this.voterStates.size / 2);
    if (this.fetchedVoters.size < needed) return false;
    this.fetchedVoters.clear();
    return true;
  }

  /** The leader's own log end offset moved. @returns true if the high watermark advanced. */
  updateLocal(logEndOffset: number): boolean {
    const state = this.voterStates.get(this.localId);
    if (state) state.endOffset = logEndOffset;
    return this.maybeUpdateHighWatermark();
  }

  /**
   * A replica fetched from `fetchOffset` while the leader's log ended at `leaderEndOffset`
   * (`ReplicaState.updateFollowerState`). Unknown non-voters become observers.
   * @returns true if the high watermark advanced.
   */
  updateReplica(
    nodeId: number,
    now: number,
    fetchOffset: number,
    leaderEndOffset: number,
  ): boolean {
    const isVoter = this.voterStates.has(nodeId);
    let state = this.voterStates.get(nodeId) ?? this.observerStates.get(nodeId);
    if (!state) {
      state = newReplica(nodeId, false);
      this.observerStates.set(nodeId, state);
    }
    if (fetchOffset >= leaderEndOffset) {
      state.lastCaughtUpTimestamp = Math.max(state.lastCaughtUpTimestamp, now);
    } else if (
      state.lastFetchLeaderLogEndOffset > 0 &&
      fetchOffset >= state.lastFetchLeaderLogEndOffset
    ) {
      state.lastCaughtUpTimestamp = Math.max(state.lastCaughtUpTimestamp, state.lastFetchTimestamp);
    }
    state.lastFetchLeaderLogEndOffset = leaderEndOffset;
    state.lastFetchTimestamp = Math.max(state.lastFetchTimestamp, now);
    state.endOffset = fetchOffset;
    state.hasAcknowledgedLeader = true;
    return isVoter && this.maybeUpdateHighWatermark();
  }

  private maybeUpdateHighWatermark(): boolean {
    const offsets = [...this.voterStates.values()].map((s) => s.endOffset).sort((a, b) => b - a);
    const majorityOffset = offsets[Math.floor(offsets.length / 2)]!;
    if (majorityOffset <= this.epochStartOffset) return false;
    if (this.highWatermark !== undefined && majorityOffset <= this.highWatermark) return false;
    this.highWatermark = majorityOffset;
    return true;
  }

  /** The leader's answer to DescribeQuorum, in the shape the CLI prints it. */
  describe(now: number, leaderEndOffset: number): QuorumDescription {
    for (const [id, s] of this.observerStates) {
      if (now - s.lastFetchTimestamp >= OBSERVER_SESSION_TIMEOUT_MS) this.observerStates.delete(id);
    }
    const row = (s: ReplicaState, status: QuorumReplicaDescription['status']) => {
      const self = s.nodeId === this.localId;
      const logEndOffset = self ? leaderEndOffset : s.endOffset;
      return {
        nodeId: s.nodeId,
        logEndOffset,
        lag: leaderEndOffset - logEndOffset,
        lastFetchTimestamp: self ? now : s.lastFetchTimestamp,
        lastCaughtUpTimestamp: self ? now : s.lastCaughtUpTimestamp,
        status,
      };
    };
    const byId = (a: ReplicaState, b: ReplicaState) => a.nodeId - b.nodeId;
    const voters = [...this.voterStates.values()].sort(byId);
    const voterRows = voters.map((s) => row(s, s.nodeId === this.localId ? 'Leader' : 'Follower'));
    const leaderRow = voterRows.find((r) => r.status === 'Leader')!;
    // Like the tool: the first voter (by id) with the smallest log end offset is the most lagging.
    let maxLag = voterRows[0]!;
    for (const r of voterRows) if (r.logEndOffset < maxLag.logEndOffset) maxLag = r;
    let maxFollowerLagTimeMs = -1;
    if (maxLag === leaderRow) maxFollowerLagTimeMs = 0;
    else if (maxLag.lastCaughtUpTimestamp >= 0) {
      maxFollowerLagTimeMs = leaderRow.lastCaughtUpTimestamp - maxLag.lastCaughtUpTimestamp;
    }
    const observers = [...this.observerStates.values()].sort(byId);
    return {
      leaderId: this.localId,
      leaderEpoch: this.epoch,
      highWatermark: this.highWatermark ?? -1,
      maxFollowerLag: leaderEndOffset - maxLag.logEndOffset,
      maxFollowerLagTimeMs,
      currentVoters: voters.map((s) => s.nodeId),
      currentObservers: observers.map((s) => s.nodeId),
      replicas: [
        leaderRow,
        ...voterRows.filter((r) => r !== leaderRow),
        ...observers.map((s) => row(s, 'Observer')),
      ],
    };
  }
}
