import { describe, expect, it } from 'vitest';
import { createCluster } from '../src/sim/cluster/cluster';
import type { Cluster } from '../src/sim/cluster/cluster';
import type { ElectionOutcome } from '../src/sim/cluster/admin';
import type { SimEvent } from '../src/sim/events/bus';
import { createTopic, partitionState, produce } from './helpers/rawClient';
import { waitFor } from './helpers/waitFor';

const boot = (mode: 'zookeeper' | 'kraft', config: Record<string, string> = {}) => {
  const cluster = createCluster({ brokers: 3, seed: 21, mode, config });
  cluster.advance(5_000);
  return cluster;
};

function elect(
  cluster: Cluster,
  type: 'preferred' | 'unclean',
  partitions: { topic: string; partition: number }[],
): ElectionOutcome[] {
  const f = cluster.settle(cluster.admin.electLeaders(type, partitions));
  expect(f.isDone).toBe(true);
  expect(f.error).toBeUndefined();
  cluster.advance(500);
  return f.result;
}

const leaders = (cluster: Cluster, topic: string) =>
  cluster
    .snapshot()
    .topics.find((t) => t.name === topic)!
    .partitions.map((p) => p.leader);

const preferred = (cluster: Cluster, topic: string) =>
  cluster
    .snapshot()
    .topics.find((t) => t.name === topic)!
    .partitions.map((p) => p.replicas[0]!);

/**
 * Crashes the preferred leader of orders-0, waits for the failover, restarts it and waits until it
 * is back in the ISR of every partition. Returns the restarted broker.
 */
function failOverAndRejoin(cluster: Cluster): number {
  const broker = partitionState(cluster, 'orders', 0).replicas[0]!;
  expect(partitionState(cluster, 'orders', 0).leader).toBe(broker);
  cluster.stopBroker(broker, { crash: true });
  expect(
    waitFor(cluster, () => !leaders(cluster, 'orders').includes(broker), 40_000),
  ).toBeGreaterThan(0);
  cluster.startBroker(broker);
  const rejoined = () =>
    cluster
      .snapshot()
      .topics.find((t) => t.name === 'orders')!
      .partitions.every((p) => p.isr.includes(broker));
  expect(waitFor(cluster, rejoined, 40_000)).toBeGreaterThanOrEqual(0);
  return broker;
}

for (const mode of ['zookeeper', 'kraft'] as const) {
  describe(`preferred leader election (${mode} mode)`, () => {
    it('moves leadership back to the first replica once the restarted broker is in the ISR again', () => {
      const cluster = boot(mode, { 'auto.leader.rebalance.enable': 'false' });
      createTopic(cluster, 'orders', 3, 3);
      expect(produce(cluster, 'orders', 0, ['a', 'b']).error).toBe('NONE');
      const broker = failOverAndRejoin(cluster);
      const before = partitionState(cluster, 'orders', 0);
      expect(before.leader).not.toBe(broker);
      // The restarted broker leads nothing until someone asks.
      expect(cluster.snapshot().brokers.find((b) => b.id === broker)!.leaders).toBe(0);

      const events: SimEvent[] = [];
      cluster.subscribe((e) => events.push(e));
      const all = [0, 1, 2].map((partition) => ({ topic: 'orders', partition }));
      const outcomes = elect(cluster, 'preferred', all);
      // Only the partitions the broker prefers moved; the others were already on their preferred leader.
      expect(outcomes.map((o) => o.error)).toEqual(
        all.map(({ partition }) =>
          partitionState(cluster, 'orders', partition).replicas[0] === broker
            ? 'NONE'
            : 'ELECTION_NOT_NEEDED',
        ),
      );
      expect(leaders(cluster, 'orders')).toEqual(preferred(cluster, 'orders'));
      const after = partitionState(cluster, 'orders', 0);
      expect(after.leader).toBe(broker);
      expect(after.leaderEpoch).toBe(before.leaderEpoch + 1);
      expect(
        events.filter((e) => e.type === 'leader.elected').map((e) => [e.partition, e.leader]),
      ).toEqual(outcomes.filter((o) => o.error === 'NONE').map((o) => [o.partition, broker]));
      // Nothing was lost: the preferred leader serves the records written before the crash.
      expect(after.logEndOffset).toBe(2);
      expect(after.highWatermark).toBe(2);
      expect(produce(cluster, 'orders', 0, ['c'])).toEqual({ error: 'NONE', baseOffset: 2 });
      for (const b of cluster.snapshot().brokers) expect(b.leaders).toBe(1);
    });

    it('answers ELECTION_NOT_NEEDED when the preferred replica already leads', () => {
      const cluster = boot(mode);
      createTopic(cluster, 'orders', 2, 3);
      const epochs = cluster.snapshot().topics[0]!.partitions.map((p) => p.leaderEpoch);
      expect(
        elect(cluster, 'preferred', [
          { topic: 'orders', partition: 0 },
          { topic: 'orders', partition: 1 },
        ]),
      ).toEqual([
        { topic: 'orders', partition: 0, error: 'ELECTION_NOT_NEEDED' },
        { topic: 'orders', partition: 1, error: 'ELECTION_NOT_NEEDED' },
      ]);
      expect(cluster.snapshot().topics[0]!.partitions.map((p) => p.leaderEpoch)).toEqual(epochs);
      expect(elect(cluster, 'preferred', [{ topic: 'nope', partition: 0 }])).toEqual([
        { topic: 'nope', partition: 0, error: 'UNKNOWN_TOPIC_OR_PARTITION' },
      ]);
    });

    it('answers PREFERRED_LEADER_NOT_AVAILABLE while the preferred replica is down', () => {
      const cluster = boot(mode, { 'auto.leader.rebalance.enable': 'false' });
      createTopic(cluster, 'orders', 1, 3);
      const broker = partitionState(cluster, 'orders', 0).replicas[0]!;
      cluster.stopBroker(broker, { crash: true });
      expect(
        waitFor(cluster, () => leaders(cluster, 'orders')[0] !== broker, 40_000),
      ).toBeGreaterThan(0);
      const failedOver = partitionState(cluster, 'orders', 0);
      expect(elect(cluster, 'preferred', [{ topic: 'orders', partition: 0 }])).toEqual([
        { topic: 'orders', partition: 0, error: 'PREFERRED_LEADER_NOT_AVAILABLE' },
      ]);
      const after = partitionState(cluster, 'orders', 0);
      expect(after.leader).toBe(failedOver.leader);
      expect(after.leaderEpoch).toBe(failedOver.leaderEpoch);
    });

    it('with auto.leader.rebalance.enable=true the controller restores preferred leaders on its own', () => {
      const cluster = boot(mode, { 'leader.imbalance.check.interval.seconds': '10' });
      createTopic(cluster, 'orders', 3, 3);
      const broker = failOverAndRejoin(cluster);
      // Within one more check interval (10 s) plus the election, every partition is back home.
      const waited = waitFor(
        cluster,
        () =>
          JSON.stringify(leaders(cluster, 'orders')) ===
          JSON.stringify(preferred(cluster, 'orders')),
        12_000,
      );
      expect(waited).toBeGreaterThanOrEqual(0);
      expect(partitionState(cluster, 'orders', 0).leader).toBe(broker);
      for (const b of cluster.snapshot().brokers) expect(b.leaders).toBe(1);
    });

    it('with auto.leader.rebalance.enable=false leadership stays where the failover put it', () => {
      const cluster = boot(mode, {
        'auto.leader.rebalance.enable': 'false',
        'leader.imbalance.check.interval.seconds': '10',
      });
      createTopic(cluster, 'orders', 3, 3);
      const broker = failOverAndRejoin(cluster);
      const after = leaders(cluster, 'orders');
      cluster.advance(120_000);
      expect(leaders(cluster, 'orders')).toEqual(after);
      expect(after).not.toContain(broker);
      expect(cluster.snapshot().brokers.find((b) => b.id === broker)!.leaders).toBe(0);
    });
  });

  describe(`unclean leader election through the admin client (${mode} mode)`, () => {
    it('elects the only live, out-of-sync replica when every ISR replica is down, and reports the loss', () => {
      // unclean.leader.election.enable stays false: only the admin request may do this.
      const cluster = boot(mode);
      createTopic(cluster, 'orders', 1, 2);
      const { leader, replicas } = partitionState(cluster, 'orders', 0);
      const follower = replicas.find((r) => r !== leader)!;
      expect(produce(cluster, 'orders', 0, ['a'])).toEqual({ error: 'NONE', baseOffset: 0 });
      cluster.stopBroker(follower, { crash: true });
      expect(
        waitFor(
          cluster,
          () => !partitionState(cluster, 'orders', 0).isr.includes(follower),
          60_000,
        ),
      ).toBeGreaterThan(0);
      expect(produce(cluster, 'orders', 0, ['b', 'c'])).toEqual({ error: 'NONE', baseOffset: 1 });
      expect(elect(cluster, 'unclean', [{ topic: 'orders', partition: 0 }])).toEqual([
        { topic: 'orders', partition: 0, error: 'ELECTION_NOT_NEEDED' },
      ]);

      cluster.stopBroker(leader, { crash: true });
      cluster.startBroker(follower);
      cluster.advance(40_000);
      // The follower is live but out of sync: no clean election, the partition is offline.
      const offline = partitionState(cluster, 'orders', 0);
      expect(offline.leader).toBe(-1);
      expect(offline.isr).toEqual([leader]);
      expect(cluster.brokers.get(follower)!.isRunning).toBe(true);
      expect(elect(cluster, 'preferred', [{ topic: 'orders', partition: 0 }])).toEqual([
        { topic: 'orders', partition: 0, error: 'PREFERRED_LEADER_NOT_AVAILABLE' },
      ]);

      const events: SimEvent[] = [];
      cluster.subscribe((e) => events.push(e));
      expect(elect(cluster, 'unclean', [{ topic: 'orders', partition: 0 }])).toEqual([
        { topic: 'orders', partition: 0, error: 'NONE' },
      ]);
      const elected = partitionState(cluster, 'orders', 0);
      expect(elected.leader).toBe(follower);
      expect(elected.isr).toEqual([follower]);
      expect(elected.leaderEpoch).toBeGreaterThan(offline.leaderEpoch);
      expect(events.find((e) => e.type === 'leader.elected')).toMatchObject({
        topic: 'orders',
        partition: 0,
        leader: follower,
        unclean: true,
      });
      // b and c were acknowledged (acks=all with the ISR down to the old leader) and are gone.
      expect(events.find((e) => e.type === 'records.lost')).toMatchObject({
        topic: 'orders',
        partition: 0,
        fromOffset: 1,
        toOffset: 3,
        count: 2,
        acknowledgedLost: 2,
      });
      // The new leader continues from its own log end: offsets 1 and 2 are written again.
      expect(produce(cluster, 'orders', 0, ['d'])).toEqual({ error: 'NONE', baseOffset: 1 });

      // When the old leader comes back it truncates to the new leader's log.
      cluster.startBroker(leader);
      expect(
        waitFor(cluster, () => partitionState(cluster, 'orders', 0).isr.length === 2, 40_000),
      ).toBeGreaterThanOrEqual(0);
      const healed = partitionState(cluster, 'orders', 0);
      expect(healed.replicaStates.map((r) => r.logEndOffset)).toEqual([2, 2]);
      const log = cluster.brokers.get(leader)!.replicaManager.get('orders', 0)!.log;
      expect(log.records(0, 10, 10).map((r) => r.value)).toEqual(['a', 'd']);
    });

    it('answers ELIGIBLE_LEADERS_NOT_AVAILABLE when no replica is live', () => {
      const cluster = boot(mode);
      createTopic(cluster, 'orders', 1, 1);
      const { leader } = partitionState(cluster, 'orders', 0);
      cluster.stopBroker(leader, { crash: true });
      expect(
        waitFor(cluster, () => partitionState(cluster, 'orders', 0).leader === -1, 40_000),
      ).toBeGreaterThan(0);
      expect(elect(cluster, 'unclean', [{ topic: 'orders', partition: 0 }])).toEqual([
        { topic: 'orders', partition: 0, error: 'ELIGIBLE_LEADERS_NOT_AVAILABLE' },
      ]);
    });
  });
}
