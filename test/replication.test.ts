import { describe, expect, it } from 'vitest';
import { createCluster } from '../src/sim/cluster/cluster';
import type { SimEvent } from '../src/sim/events/bus';
import { createTopic, leaderOf, partitionState, produce } from './helpers/rawClient';

for (const mode of ['zookeeper', 'kraft'] as const) {
  describe(`replication and failover (${mode} mode)`, () => {
    const boot = (config: Record<string, string> = {}) => {
      const cluster = createCluster({ brokers: 3, seed: 7, mode, config });
      cluster.advance(5_000);
      return cluster;
    };

    it('the high watermark moves only after the followers fetch', () => {
      const cluster = boot();
      createTopic(cluster, 'orders', 1, 3);
      const events: SimEvent[] = [];
      cluster.subscribe((e) => events.push(e));
      const r = produce(cluster, 'orders', 0, ['a', 'b', 'c'], 1);
      cluster.advance(100);
      expect(r.error).toBe('NONE');
      const appended = events.find((e) => e.type === 'record.appended')!;
      const hwMoved = events.find((e) => e.type === 'hw.advanced' && e.highWatermark === 3)!;
      const fetched = events.filter((e) => e.type === 'replica.fetched');
      expect(appended).toBeDefined();
      expect(hwMoved).toBeDefined();
      expect(hwMoved.tick).toBeGreaterThan(appended.tick);
      // Both followers fetched the records before the leader could advance the HW past them.
      expect(fetched.length).toBeGreaterThanOrEqual(1);
      cluster.advance(1_000);
      const p = partitionState(cluster, 'orders', 0);
      expect(p.highWatermark).toBe(3);
      for (const rs of p.replicaStates) expect(rs.logEndOffset).toBe(3);
    });

    it('a stopped follower leaves the ISR within 30 s and rejoins after restart and catch-up', () => {
      const cluster = boot();
      createTopic(cluster, 'orders', 1, 3);
      produce(cluster, 'orders', 0, ['a']);
      const p = partitionState(cluster, 'orders', 0);
      const follower = p.replicas.find((r) => r !== p.leader)!;
      cluster.stopBroker(follower, { crash: true });
      cluster.advance(31_000);
      expect(partitionState(cluster, 'orders', 0).isr).not.toContain(follower);
      produce(cluster, 'orders', 0, ['b', 'c']);
      cluster.startBroker(follower);
      cluster.advance(15_000);
      const after = partitionState(cluster, 'orders', 0);
      expect(after.isr).toContain(follower);
      expect(after.replicaStates.find((r) => r.brokerId === follower)!.logEndOffset).toBe(3);
    });

    it('a follower cut off from its leader leaves the ISR after replica.lag.time.max.ms, not before', () => {
      const cluster = boot();
      createTopic(cluster, 'orders', 1, 3);
      produce(cluster, 'orders', 0, ['a']);
      const p = partitionState(cluster, 'orders', 0);
      const follower = p.replicas.find((r) => r !== p.leader)!;
      cluster.cutLink(`broker-${p.leader}`, `broker-${follower}`);
      produce(cluster, 'orders', 0, ['b'], 1);
      cluster.advance(20_000);
      expect(partitionState(cluster, 'orders', 0).isr).toContain(follower);
      cluster.advance(30_000);
      expect(partitionState(cluster, 'orders', 0).isr).not.toContain(follower);
    });

    it('a stopped leader is replaced from the ISR and the leader epoch rises', () => {
      const cluster = boot();
      createTopic(cluster, 'orders', 1, 3);
      produce(cluster, 'orders', 0, ['a', 'b']);
      const before = partitionState(cluster, 'orders', 0);
      cluster.stopBroker(before.leader, { crash: true });
      cluster.advance(40_000);
      const after = partitionState(cluster, 'orders', 0);
      expect(after.leader).not.toBe(before.leader);
      expect(after.leader).toBeGreaterThan(0);
      expect(before.isr).toContain(after.leader);
      expect(after.leaderEpoch).toBeGreaterThan(before.leaderEpoch);
      // Acknowledged records survive on the new leader.
      expect(after.logEndOffset).toBe(2);
    });

    it('a clean shutdown moves leadership before the broker stops', () => {
      const cluster = boot();
      createTopic(cluster, 'orders', 1, 3);
      const leader = leaderOf(cluster, 'orders', 0);
      const f = cluster.settle(cluster.stopBroker(leader));
      expect(f.isDone).toBe(true);
      cluster.advance(100);
      expect(leaderOf(cluster, 'orders', 0)).not.toBe(leader);
    });

    it('acks=all with ISR below min.insync.replicas fails with NOT_ENOUGH_REPLICAS while acks=1 succeeds', () => {
      const cluster = boot();
      createTopic(cluster, 'orders', 1, 3, { 'min.insync.replicas': '2' });
      const p = partitionState(cluster, 'orders', 0);
      for (const r of p.replicas.filter((r) => r !== p.leader))
        cluster.stopBroker(r, { crash: true });
      cluster.advance(40_000);
      expect(partitionState(cluster, 'orders', 0).isr).toEqual([p.leader]);
      expect(produce(cluster, 'orders', 0, ['x'], -1).error).toBe('NOT_ENOUGH_REPLICAS');
      expect(produce(cluster, 'orders', 0, ['y'], 1).error).toBe('NONE');
    });

    it('with unclean.leader.election.enable the election happens and the lost records are reported', () => {
      const cluster = boot({ 'unclean.leader.election.enable': 'true' });
      createTopic(cluster, 'orders', 1, 2);
      const p = partitionState(cluster, 'orders', 0);
      const follower = p.replicas.find((r) => r !== p.leader)!;
      produce(cluster, 'orders', 0, ['a']);
      cluster.stopBroker(follower, { crash: true });
      cluster.advance(40_000);
      produce(cluster, 'orders', 0, ['b', 'c'], 1);
      const events: SimEvent[] = [];
      cluster.subscribe((e) => events.push(e));
      cluster.stopBroker(p.leader, { crash: true });
      cluster.advance(40_000);
      cluster.startBroker(follower);
      cluster.advance(40_000);
      const elected = events.find((e) => e.type === 'leader.elected' && e.unclean === true);
      expect(elected?.leader).toBe(follower);
      const lost = events.find((e) => e.type === 'records.lost');
      expect(lost).toMatchObject({
        topic: 'orders',
        partition: 0,
        fromOffset: 1,
        toOffset: 3,
        count: 2,
      });
    });
  });
}

describe('determinism', () => {
  const run = (seed: number) => {
    const cluster = createCluster({ brokers: 3, seed, mode: 'zookeeper' });
    let hash = 0x811c9dc5;
    let count = 0;
    cluster.subscribe((e) => {
      const s = JSON.stringify(e);
      for (let i = 0; i < s.length; i++) hash = Math.imul(hash ^ s.charCodeAt(i), 0x01000193);
      count++;
    });
    cluster.advance(5_000);
    createTopic(cluster, 'orders', 3, 3);
    for (let i = 0; i < 5; i++) produce(cluster, 'orders', i % 3, [`v${i}`]);
    cluster.stopBroker(2, { crash: true });
    cluster.advance(40_000);
    cluster.startBroker(2);
    cluster.advance(20_000);
    return { hash: hash >>> 0, count };
  };

  it('the same seed and operations give an identical event sequence', () => {
    const a = run(42);
    const b = run(42);
    expect(a.count).toBeGreaterThan(100);
    expect(a).toEqual(b);
  });

  it('a different seed gives a different run', () => {
    expect(run(1).hash).not.toBe(run(2).hash);
  });
});
