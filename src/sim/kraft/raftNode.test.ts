import { describe, expect, it } from 'vitest';
import { RaftTestCluster } from './raftTestCluster';

const VOTERS = [1, 2, 3];

function settledCluster(seed: number, observers: number[] = []): RaftTestCluster {
  const cluster = new RaftTestCluster({ voters: VOTERS, observers, seed }).startAll();
  expect(cluster.advanceUntil(() => cluster.settled(), 10_000)).toBe(true);
  return cluster;
}

function records(cluster: RaftTestCluster, id: number): string[] {
  return cluster.commits.get(id)!.map((e) => e.record);
}

describe('RaftNode elections', () => {
  it('three voters elect exactly one leader, and the others follow it in its epoch', () => {
    for (const seed of [1, 2, 3, 42, 1234]) {
      const cluster = new RaftTestCluster({ voters: VOTERS, seed }).startAll();
      cluster.advance(6_000);
      const leaders = cluster.runningLeaders();
      expect(leaders, `seed=${seed}`).toHaveLength(1);
      const leader = leaders[0]!;
      for (const id of VOTERS.filter((v) => v !== leader.nodeId)) {
        const node = cluster.node(id);
        expect(node.role).toBe('follower');
        expect(node.leaderId).toBe(leader.nodeId);
        expect(node.epoch).toBe(leader.epoch);
      }
      expect(cluster.violations).toEqual([]);
    }
  });

  it('no voter becomes a candidate before the election timeout (1000 ms)', () => {
    const cluster = new RaftTestCluster({ voters: VOTERS, seed: 7 }).startAll();
    cluster.advance(999);
    expect(cluster.events.filter((e) => e.type === 'kraft.election.started')).toEqual([]);
    expect(cluster.advanceUntil(() => cluster.settled(), 5_000)).toBe(true);
  });

  it('a leader crash elects a new leader in a higher epoch within a few seconds', () => {
    const cluster = settledCluster(11);
    const old = cluster.leader()!;
    cluster.stop(old.nodeId);
    const crashedAt = cluster.scheduler.now;
    expect(cluster.advanceUntil(() => cluster.settled(), 6_000)).toBe(true);
    const next = cluster.leader()!;
    expect(next.nodeId).not.toBe(old.nodeId);
    expect(next.epoch).toBeGreaterThan(old.epoch);
    // fetch timeout (2 s) + election timeout (1–2 s) + a few round trips
    expect(cluster.scheduler.now - crashedAt).toBeLessThan(5_000);
    const started = cluster.events.find(
      (e) => e.type === 'kraft.election.started' && e.tick >= crashedAt,
    );
    expect(started?.['reason']).toBe('fetch-timeout');
    expect(cluster.violations).toEqual([]);
  });

  it('a voter rejects a candidate whose log is behind its own', () => {
    const cluster = settledCluster(5);
    const leader = cluster.leader()!;
    const [a, b] = VOTERS.filter((v) => v !== leader.nodeId) as [number, number];
    cluster.stop(a); // a misses the records below
    cluster.appendOn(leader, 3);
    cluster.advance(50);
    cluster.stop(leader.nodeId);
    cluster.stop(b);
    cluster.restart(a); // a times out first and campaigns with its short log
    cluster.advance(2_500);
    cluster.restart(b);
    cluster.advance(8_000);
    const rejections = cluster.events.filter(
      (e) => e.type === 'kraft.vote.rejected' && e['nodeId'] === b && e['candidateId'] === a,
    );
    expect(rejections.some((e) => e['reason'] === 'log-not-up-to-date')).toBe(true);
    expect(cluster.leader()?.nodeId).toBe(b); // only b's log holds the committed records
    expect(cluster.violations).toEqual([]);
  });

  it('a single voter elects itself at once and commits alone', () => {
    const cluster = new RaftTestCluster({ voters: [1], seed: 3 }).startAll();
    expect(cluster.node(1).role).toBe('leader');
    expect(cluster.node(1).epoch).toBe(1);
    cluster.appendOn(cluster.node(1), 2);
    expect(records(cluster, 1)).toEqual(['n1-r1', 'n1-r2']);
  });
});

describe('RaftNode replication', () => {
  it('the leader writes a LeaderChange record first and commits it in its own epoch', () => {
    const cluster = settledCluster(21);
    const leader = cluster.leader()!;
    const first = leader.log[0]!;
    expect(first.kind).toBe('leaderChange');
    expect(first.epoch).toBe(leader.epoch);
    cluster.advance(100);
    expect(leader.highWatermark).toBe(1);
    expect(cluster.activeLeaders.get(leader.nodeId)).toBe(leader.epoch);
  });

  it('appended records commit only with a majority, and every onCommit sees the same sequence', () => {
    const cluster = settledCluster(31);
    const leader = cluster.leader()!;
    const followers = VOTERS.filter((v) => v !== leader.nodeId);
    cluster.advance(100);
    const hwBefore = leader.highWatermark;
    for (const id of followers) cluster.stop(id);
    const lastOffset = leader.append(['a', 'b']);
    expect(lastOffset).toBe(leader.logEndOffset - 1);
    cluster.advance(1_000);
    expect(leader.highWatermark).toBe(hwBefore); // 1 of 3 voters is no majority
    expect(records(cluster, leader.nodeId)).toEqual([]);

    cluster.restart(followers[0]!); // 2 of 3
    cluster.advance(200);
    expect(leader.highWatermark).toBe(lastOffset! + 1);
    expect(records(cluster, leader.nodeId)).toEqual(['a', 'b']);

    cluster.restart(followers[1]!);
    cluster.appendOn(leader, 5);
    cluster.advance(1_000);
    const expected = records(cluster, leader.nodeId);
    expect(expected).toHaveLength(7);
    for (const id of VOTERS) {
      expect(cluster.commits.get(id)).toEqual(cluster.commits.get(leader.nodeId));
      expect(cluster.node(id).highWatermark).toBe(leader.highWatermark);
    }
    expect(cluster.violations).toEqual([]);
  });

  it('append on a non-leader returns undefined', () => {
    const cluster = settledCluster(8);
    const follower = [...cluster.nodes.values()].find((n) => n.role === 'follower')!;
    expect(follower.append(['x'])).toBeUndefined();
  });

  it('a partitioned minority leader cannot commit; after the heal its uncommitted entries are truncated', () => {
    const cluster = settledCluster(41);
    const old = cluster.leader()!;
    cluster.appendOn(old, 2); // committed before the partition
    cluster.advance(200);
    const committedBefore = records(cluster, old.nodeId);
    expect(committedBefore).toHaveLength(2);

    cluster.isolate(old.nodeId);
    const lost = cluster.appendOn(old, 3)!;
    const hwAtPartition = old.highWatermark;
    expect(cluster.advanceUntil(() => (cluster.leader()?.epoch ?? 0) > old.epoch, 8_000)).toBe(
      true,
    );
    const next = cluster.leader()!;
    cluster.appendOn(next, 2);
    cluster.advance(3_000);
    expect(old.highWatermark).toBe(hwAtPartition);
    expect(old.role).not.toBe('leader'); // resigned by check quorum, then a candidate
    expect(
      cluster.events.some((e) => e.type === 'kraft.resigned' && e['reason'] === 'check-quorum'),
    ).toBe(true);
    expect(records(cluster, old.nodeId)).toEqual(committedBefore);

    cluster.healAll();
    expect(cluster.advanceUntil(() => cluster.settled(), 10_000)).toBe(true);
    cluster.advance(1_000);
    const truncated = cluster.events.filter(
      (e) => e.type === 'kraft.log.truncated' && e['nodeId'] === old.nodeId,
    );
    expect(truncated.length).toBeGreaterThan(0);
    const leader = cluster.leader()!;
    const logOf = (id: number) => cluster.node(id).log.map((e) => `${e.epoch}:${e.kind}`);
    for (const id of VOTERS) expect(logOf(id)).toEqual(logOf(leader.nodeId));
    const everywhere = records(cluster, old.nodeId);
    for (const record of lost) expect(everywhere).not.toContain(record);
    for (const id of VOTERS) expect(records(cluster, id)).toEqual(everywhere);
    expect(cluster.violations).toEqual([]);
  });

  it('a restarted node catches up by fetching from the leader', () => {
    const cluster = settledCluster(51);
    const leader = cluster.leader()!;
    const lagging = VOTERS.find((v) => v !== leader.nodeId)!;
    cluster.stop(lagging);
    for (let i = 0; i < 25; i++) {
      cluster.appendOn(leader, 100);
      cluster.advance(50);
    }
    expect(cluster.node(lagging).logEndOffset).toBeLessThan(leader.logEndOffset);
    cluster.restart(lagging);
    cluster.advance(500);
    expect(cluster.node(lagging).logEndOffset).toBe(leader.logEndOffset);
    expect(cluster.node(lagging).highWatermark).toBe(leader.highWatermark);
    expect(records(cluster, lagging)).toEqual(records(cluster, leader.nodeId));
    expect(records(cluster, lagging)).toHaveLength(2_500); // several 1000-entry fetches
    // onCommit delivered each record once, even across the restart
    expect(new Set(records(cluster, lagging)).size).toBe(2_500);
    expect(cluster.violations).toEqual([]);
  });

  it('an observer fetches and commits the log but never votes or leads', () => {
    const cluster = settledCluster(61, [4]);
    const observer = cluster.node(4);
    expect(observer.isVoter).toBe(false);
    const leader = cluster.leader()!;
    cluster.appendOn(leader, 3);
    cluster.advance(500);
    expect(observer.role).toBe('follower');
    expect(observer.leaderId).toBe(leader.nodeId);
    expect(records(cluster, 4)).toEqual(records(cluster, leader.nodeId));

    cluster.stop(leader.nodeId);
    cluster.advance(10_000);
    const next = cluster.leader()!;
    expect(observer.leaderId).toBe(next.nodeId);
    expect(
      cluster.events.some((e) => e['nodeId'] === 4 && e.type.startsWith('kraft.election')),
    ).toBe(false);
    expect(cluster.events.some((e) => e.type.startsWith('kraft.vote') && e['nodeId'] === 4)).toBe(
      false,
    );
    expect(observer.votedFor).toBeUndefined();
    expect(cluster.violations).toEqual([]);
  });

  it('describeQuorum shows what kafka-metadata-quorum.sh describe prints', () => {
    const cluster = settledCluster(71, [4]);
    const leader = cluster.leader()!;
    cluster.appendOn(leader, 4);
    cluster.advance(1_000);
    const lagging = VOTERS.find((v) => v !== leader.nodeId)!;
    cluster.stop(lagging);
    cluster.appendOn(leader, 6);
    cluster.advance(100);
    const q = leader.describeQuorum()!;
    expect(q.leaderId).toBe(leader.nodeId);
    expect(q.leaderEpoch).toBe(leader.epoch);
    expect(q.highWatermark).toBe(leader.logEndOffset);
    expect(q.currentVoters).toEqual(VOTERS);
    expect(q.currentObservers).toEqual([4]);
    expect(q.maxFollowerLag).toBe(6);
    expect(q.maxFollowerLagTimeMs).toBeGreaterThan(0);
    expect(q.replicas.map((r) => r.status)).toEqual(['Leader', 'Follower', 'Follower', 'Observer']);
    const row = q.replicas.find((r) => r.nodeId === lagging)!;
    expect(row.lag).toBe(6);
    expect(row.logEndOffset).toBe(leader.logEndOffset - 6);
    expect(q.replicas[0]!.lastFetchTimestamp).toBe(cluster.scheduler.now);
    const follower = [...cluster.nodes.values()].find((n) => n.running && n.role === 'follower')!;
    expect(follower.describeQuorum()).toBeUndefined();
  });
});

describe('RaftNode persistence and callbacks', () => {
  it('epoch, vote and log survive a restart; a restarted leader comes back resigned', () => {
    const cluster = settledCluster(81);
    const leader = cluster.leader()!;
    cluster.appendOn(leader, 2);
    cluster.advance(200);
    const { epoch, logEndOffset } = leader;
    cluster.stop(leader.nodeId);
    expect(cluster.activeLeaders.has(leader.nodeId)).toBe(false); // onResign on stop
    expect(leader.epoch).toBe(epoch);
    expect(leader.votedFor).toBe(leader.nodeId);
    cluster.restart(leader.nodeId);
    expect(leader.role).toBe('resigned');
    expect(leader.logEndOffset).toBe(logEndOffset);
    expect(cluster.advanceUntil(() => cluster.settled(), 10_000)).toBe(true);
    expect(cluster.leader()!.epoch).toBeGreaterThan(epoch);
    expect(cluster.violations).toEqual([]);
  });

  it('onBecomeLeader comes after earlier committed records and before the new epoch’s own', () => {
    const cluster = settledCluster(91);
    const first = cluster.leader()!;
    const before = cluster.appendOn(first, 3)!;
    cluster.advance(200);
    cluster.stop(first.nodeId);
    expect(cluster.advanceUntil(() => cluster.settled(), 10_000)).toBe(true);
    const next = cluster.leader()!;
    const after = cluster.appendOn(next, 2)!;
    cluster.advance(200);
    const calls = cluster.callbacks.get(next.nodeId)!;
    const lead = calls.indexOf(`lead:${next.epoch}`);
    expect(lead).toBeGreaterThan(-1);
    for (const r of before) expect(calls.indexOf(`commit:${r}`)).toBeLessThan(lead);
    for (const r of after) expect(calls.indexOf(`commit:${r}`)).toBeGreaterThan(lead);
    expect(calls.filter((c) => c.startsWith('lead'))).toEqual([`lead:${next.epoch}`]);
  });

  it('the same seed gives the same event stream', () => {
    const run = () => {
      const cluster = new RaftTestCluster({ voters: VOTERS, observers: [4], seed: 99 }).startAll();
      cluster.advance(3_000);
      cluster.appendOn(cluster.leader()!, 5);
      cluster.stop(cluster.leader()!.nodeId);
      cluster.advance(6_000);
      return JSON.stringify(cluster.events);
    };
    expect(run()).toBe(run());
  });
});
