import { describe, expect, it } from 'vitest';
import { Prng } from '../random/prng';
import { LeaderState } from './leaderState';
import {
  binaryExponentialElectionBackoffMs,
  CandidateState,
  randomElectionTimeoutMs,
} from './raftElection';

describe('election timing', () => {
  it('randomizes the election timeout in [timeout, 2 × timeout)', () => {
    const rng = new Prng(1);
    const samples = Array.from({ length: 500 }, () => randomElectionTimeoutMs(1000, rng));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...samples)).toBeLessThan(2000);
    expect(new Set(samples).size).toBeGreaterThan(100);
  });

  it('backs off 100 ms × random[0, 2^retries), capped at election.backoff.max.ms', () => {
    const rng = new Prng(2);
    const first = Array.from({ length: 200 }, () =>
      binaryExponentialElectionBackoffMs(1, 1000, rng),
    );
    expect(new Set(first)).toEqual(new Set([0, 100]));
    const later = Array.from({ length: 200 }, () =>
      binaryExponentialElectionBackoffMs(8, 1000, rng),
    );
    expect(Math.max(...later)).toBe(1000);
    expect(later.every((ms) => ms % 100 === 0)).toBe(true);
  });
});

describe('CandidateState', () => {
  it('wins with a majority of granted votes, its own included', () => {
    const c = new CandidateState(1, 4, [1, 2, 3], 1);
    expect(c.isVoteGranted()).toBe(false);
    c.recordGrantedVote(3);
    expect(c.isVoteGranted()).toBe(true);
    expect(c.grantingVoters()).toEqual([1, 3]);
  });

  it('is rejected once a majority can no longer be reached', () => {
    const c = new CandidateState(1, 4, [1, 2, 3, 4, 5], 1);
    c.recordRejectedVote(2);
    c.recordRejectedVote(3);
    expect(c.isVoteRejected()).toBe(false);
    c.recordRejectedVote(4);
    expect(c.isVoteRejected()).toBe(true);
    c.recordGrantedVote(4); // a voter's first answer counts
    expect(c.unrecordedVoters()).toEqual([5]);
  });
});

describe('LeaderState', () => {
  it('moves the high watermark to the offset a majority of voters reached, past its epoch start', () => {
    const leader = new LeaderState(1, 3, 10, [1, 2, 3], [1, 2]);
    expect(leader.updateLocal(11)).toBe(false); // only the leader has the LeaderChange record
    expect(leader.updateReplica(2, 100, 10, 11)).toBe(false); // offset 10 is not past the epoch start
    expect(leader.highWatermark).toBeUndefined();
    expect(leader.updateReplica(3, 101, 11, 11)).toBe(true);
    expect(leader.highWatermark).toBe(11);
    leader.updateLocal(20);
    expect(leader.updateReplica(2, 102, 15, 20)).toBe(true);
    expect(leader.highWatermark).toBe(15);
  });

  it('ignores observers when computing the high watermark', () => {
    const leader = new LeaderState(1, 1, 0, [1, 2, 3], [1, 2]);
    leader.updateLocal(5);
    expect(leader.updateReplica(7, 100, 5, 5)).toBe(false);
    expect(leader.highWatermark).toBeUndefined();
    expect(leader.describe(100, 5).currentObservers).toEqual([7]);
  });

  it('counts a majority of fetching voters for check quorum', () => {
    const leader = new LeaderState(1, 1, 0, [1, 2, 3, 4, 5], [1, 2, 3]);
    expect(leader.recordVoterFetch(2)).toBe(false);
    expect(leader.recordVoterFetch(2)).toBe(false);
    expect(leader.recordVoterFetch(3)).toBe(true); // leader + 2 + 3 = 3 of 5
    expect(leader.recordVoterFetch(9)).toBe(false); // observers do not count
  });

  it('tracks lastCaughtUpTimestamp as LeaderState.ReplicaState does', () => {
    const leader = new LeaderState(1, 1, 0, [1, 2, 3], [1, 2]);
    leader.updateLocal(10);
    leader.updateReplica(2, 100, 10, 10); // caught up at 100
    leader.updateLocal(15);
    leader.updateReplica(2, 200, 12, 15); // behind 15, but reached the 10 of its last fetch
    const row = leader.describe(300, 15).replicas.find((r) => r.nodeId === 2)!;
    expect(row).toMatchObject({ logEndOffset: 12, lag: 3, lastFetchTimestamp: 200 });
    expect(row.lastCaughtUpTimestamp).toBe(100);
  });
});
