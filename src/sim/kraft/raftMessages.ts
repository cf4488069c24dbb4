/**
 * The KRaft RPCs between controllers (and from observers), as plain JSON-serialisable data.
 * Field names follow the Kafka message schemas in clients/src/main/resources/common/message/
 * (VoteRequest.json, BeginQuorumEpochRequest.json, FetchRequest.json, …), flattened to the single
 * `__cluster_metadata-0` partition. Every message travels over the simulated network and may be lost.
 * https://cwiki.apache.org/confluence/display/KAFKA/KIP-595%3A+A+Raft+Protocol+for+the+Metadata+Quorum
 */
import type { OffsetAndEpoch, RaftEntry } from './raftLog';

/** `leaderId` on the wire when no leader is known (Kafka's `leaderIdOrNil`). */
export const NO_LEADER = -1;

/** The Kafka error names the KRaft RPCs answer with (Errors.java). */
export type RaftErrorName =
  | 'NONE'
  | 'FENCED_LEADER_EPOCH'
  | 'UNKNOWN_LEADER_EPOCH'
  | 'NOT_LEADER_OR_FOLLOWER'
  | 'INCONSISTENT_VOTER_SET'
  | 'INVALID_REQUEST';

/** Sent by a candidate to every other voter when it starts an election (API key 52). */
export interface VoteRequest {
  readonly type: 'VoteRequest';
  readonly candidateId: number;
  readonly candidateEpoch: number;
  /** Epoch of the candidate's last log entry. */
  readonly lastOffsetEpoch: number;
  /** The candidate's log end offset. */
  readonly lastOffset: number;
}

/** A voter's answer; `leaderEpoch`/`leaderId` are the voter's view after handling the request. */
export interface VoteResponse {
  readonly type: 'VoteResponse';
  readonly errorCode: RaftErrorName;
  readonly leaderId: number;
  readonly leaderEpoch: number;
  readonly voteGranted: boolean;
}

/**
 * Sent by a new leader to the voters that have not yet fetched from it (API key 53): KRaft is
 * pull-based, so followers would otherwise not learn of the new leader until their fetch timeout.
 */
export interface BeginQuorumEpochRequest {
  readonly type: 'BeginQuorumEpochRequest';
  readonly leaderId: number;
  readonly leaderEpoch: number;
}

/** Acknowledges a {@link BeginQuorumEpochRequest}. */
export interface BeginQuorumEpochResponse {
  readonly type: 'BeginQuorumEpochResponse';
  readonly errorCode: RaftErrorName;
  readonly leaderId: number;
  readonly leaderEpoch: number;
}

/** A follower's or observer's pull of the log from the leader (API key 1, KRaft flavour). */
export interface FetchRequest {
  readonly type: 'FetchRequest';
  /** The fetching node (voter or observer). */
  readonly replicaId: number;
  /** The epoch the fetcher believes current. */
  readonly currentLeaderEpoch: number;
  /** The fetcher's log end offset. */
  readonly fetchOffset: number;
  /** Epoch of the fetcher's last log entry (0 when empty), checked for divergence. */
  readonly lastFetchedEpoch: number;
  /** How long the leader may hold the request when it has nothing new, in ms. */
  readonly maxWaitMs: number;
}

/** The leader's answer to a {@link FetchRequest}. Non-leaders answer with an error and their view. */
export interface FetchResponse<T = unknown> {
  readonly type: 'FetchResponse';
  readonly errorCode: RaftErrorName;
  readonly leaderId: number;
  readonly leaderEpoch: number;
  /** Echo of the request's fetch offset, so a late duplicate answer can be recognised. */
  readonly fetchOffset: number;
  /** The leader's high watermark (exclusive), -1 when not yet known in this epoch. */
  readonly highWatermark: number;
  /** Set when the fetch position diverges from the leader's log: truncate, then fetch again. */
  readonly divergingEpoch?: OffsetAndEpoch;
  /** Entries from `fetchOffset` on (empty when diverging or nothing new). */
  readonly records: readonly RaftEntry<T>[];
}

/** Any KRaft message. */
export type RaftMessage<T = unknown> =
  | VoteRequest
  | VoteResponse
  | BeginQuorumEpochRequest
  | BeginQuorumEpochResponse
  | FetchRequest
  | FetchResponse<T>;
