/**
 * Leader election in KRaft (KIP-595 "Vote"): a candidate's vote tally, the randomized election
 * timeout and the binary exponential backoff that break split votes.
 *
 * Source: raft/src/main/java/org/apache/kafka/raft/CandidateState.java and KafkaRaftClient.java
 * (`randomElectionTimeoutMs`, `binaryExponentialElectionBackoffMs`), Kafka 3.9.
 * https://cwiki.apache.org/confluence/display/KAFKA/KIP-595%3A+A+Raft+Protocol+for+the+Metadata+Quorum
 */
import { RETRY_BACKOFF_BASE_MS } from './raftConfig';

/** A seeded random source: `int(n)` is uniform in `[0, n)`. */
export interface RandomInt {
  int(n: number): number;
}

/**
 * A random election timeout in `[electionTimeoutMs, 2 * electionTimeoutMs)`, ms
 * (`QuorumState.randomElectionTimeoutMs`). Different voters time out at different moments, so
 * usually one of them asks for votes before the others do.
 */
export function randomElectionTimeoutMs(electionTimeoutMs: number, rng: RandomInt): number {
  return electionTimeoutMs === 0 ? 0 : electionTimeoutMs + rng.int(electionTimeoutMs);
}

/**
 * Backoff after a failed election, ms: `min(100 × random[0, 2^retries), electionBackoffMaxMs)`
 * (`KafkaRaftClient.binaryExponentialElectionBackoffMs`; the exponent is capped at 20).
 * @param retries how many elections this node has started in a row, from 1.
 */
export function binaryExponentialElectionBackoffMs(
  retries: number,
  electionBackoffMaxMs: number,
  rng: RandomInt,
): number {
  const bound = 2 << Math.min(20, Math.max(1, retries) - 1);
  return Math.min(RETRY_BACKOFF_BASE_MS * rng.int(bound), electionBackoffMaxMs);
}

type VoteState = 'unrecorded' | 'granted' | 'rejected';

/** A candidate's tally for one epoch; the candidate votes for itself. */
export class CandidateState {
  /** True once the election failed (timed out or rejected) and the candidate waits to retry. */
  backingOff = false;
  private readonly votes = new Map<number, VoteState>();

  /** @param retries elections started in a row by this node, 1 for the first. */
  constructor(
    readonly localId: number,
    readonly epoch: number,
    voters: readonly number[],
    readonly retries: number,
  ) {
    for (const id of voters) this.votes.set(id, id === localId ? 'granted' : 'unrecorded');
  }

  /** Votes needed to win: a strict majority of the voters. */
  get majoritySize(): number {
    return Math.floor(this.votes.size / 2) + 1;
  }

  /** Records a granted vote; ignored for non-voters or a voter that already answered. */
  recordGrantedVote(nodeId: number): void {
    if (this.votes.get(nodeId) === 'unrecorded') this.votes.set(nodeId, 'granted');
  }

  /** Records a rejection; ignored for non-voters or a voter that already answered. */
  recordRejectedVote(nodeId: number): void {
    if (this.votes.get(nodeId) === 'unrecorded') this.votes.set(nodeId, 'rejected');
  }

  /** A majority granted: the candidate becomes leader. */
  isVoteGranted(): boolean {
    return this.count('granted') >= this.majoritySize;
  }

  /** Enough voters rejected that a majority is out of reach. */
  isVoteRejected(): boolean {
    return this.count('granted') + this.count('unrecorded') < this.majoritySize;
  }

  /** Voters that granted, ascending (the LeaderChange record lists them). */
  grantingVoters(): number[] {
    return this.inState('granted');
  }

  /** Voters that have not answered yet, ascending. */
  unrecordedVoters(): number[] {
    return this.inState('unrecorded');
  }

  private count(state: VoteState): number {
    return this.inState(state).length;
  }

  private inState(state: VoteState): number[] {
    return [...this.votes]
      .filter(([, s]) => s === state)
      .map(([id]) => id)
      .sort((a, b) => a - b);
  }
}
