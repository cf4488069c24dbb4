/**
 * The contract between a {@link RaftNode} and the simulation that hosts it: what the node is given
 * (clock, timers, randomness, network, callbacks) and what it reports (roles, DescribeQuorum).
 */
import type { RaftConfig } from './raftConfig';
import type { RaftMessage } from './raftMessages';

/**
 * A replica's role (Kafka's `EpochState` classes: `UnattachedState`, `FollowerState`,
 * `CandidateState`, `LeaderState`, `ResignedState`). An unattached voter may have voted in its
 * epoch (Kafka's "Voted"/`UnattachedVoted`). Observers are only ever unattached or follower.
 */
export type RaftRole = 'leader' | 'follower' | 'candidate' | 'unattached' | 'resigned';

/** A committed data record as handed to {@link RaftContext.onCommit}. */
export interface CommittedEntry<T> {
  readonly offset: number;
  readonly epoch: number;
  readonly record: T;
}

/** Everything a {@link RaftNode} needs from its host. Nothing here may be wall-clock or global. */
export interface RaftContext<T> {
  /** This replica's `node.id`. */
  nodeId: number;
  /** `controller.quorum.voters` ids. A node whose id is not here is an observer (a broker). */
  voters: number[];
  /** Current virtual time, ms. */
  now(): number;
  /** Runs `fn` after `delayMs` virtual ms. @returns a timer id for {@link RaftContext.cancel}. */
  schedule(delayMs: number, fn: () => void): number;
  /** Cancels a timer; unknown or fired ids are ignored. */
  cancel(id: number): void;
  /** A seeded random stream for this node, used for randomized election timeouts and backoffs. */
  rng: { int(n: number): number };
  /** Fire-and-forget over the simulated network; may be dropped silently. */
  send(to: number, message: RaftMessage<T>): void;
  /** Emits an engine event (see index.ts for the list). */
  emit(type: string, fields: Record<string, unknown>): void;
  /** Newly committed data records, in offset order, each exactly once per node (also across restarts). */
  onCommit(entries: CommittedEntry<T>[]): void;
  /**
   * This node's leadership of `epoch` is usable: its LeaderChange record committed and every
   * earlier committed record was handed to `onCommit` (KafkaRaftClient fires `handleLeaderChange`
   * once the listener reaches the epoch start offset).
   */
  onBecomeLeader(epoch: number): void;
  /** Paired with `onBecomeLeader`: this node stopped leading (resigned, fenced or stopped). */
  onResign(): void;
  /** Timing overrides, ms; defaults are Kafka 3.9's (see {@link RaftConfig}). */
  config?: Partial<RaftConfig>;
}

/** One row of `kafka-metadata-quorum.sh describe --replication` (DescribeQuorumResponse ReplicaState). */
export interface QuorumReplicaDescription {
  readonly nodeId: number;
  /** -1 when the leader has not had a Fetch from it this epoch. */
  readonly logEndOffset: number;
  /** Leader's log end offset minus this replica's (as the tool computes it). */
  readonly lag: number;
  /** Virtual ms of its last Fetch, -1 if none; the leader reports `now` for itself. */
  readonly lastFetchTimestamp: number;
  /** Virtual ms it was last caught up with the leader's log end, -1 if never. */
  readonly lastCaughtUpTimestamp: number;
  readonly status: 'Leader' | 'Follower' | 'Observer';
}

/** What `kafka-metadata-quorum.sh describe --status` and `--replication` show (MetadataQuorumCommand.java). */
export interface QuorumDescription {
  readonly leaderId: number;
  readonly leaderEpoch: number;
  /** Exclusive high watermark, -1 until the leader commits in its epoch. */
  readonly highWatermark: number;
  /** Leader's log end offset minus the smallest voter log end offset. */
  readonly maxFollowerLag: number;
  /** How far behind in time that voter is, ms (0 when it is the leader, -1 when unknown). */
  readonly maxFollowerLagTimeMs: number;
  /** Voter ids, ascending. */
  readonly currentVoters: readonly number[];
  /** Ids of observers that fetched within the last 5 minutes, ascending. */
  readonly currentObservers: readonly number[];
  /** Leader first, then the other voters, then observers, each group by id. */
  readonly replicas: readonly QuorumReplicaDescription[];
}
