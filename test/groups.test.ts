import { describe, expect, it } from 'vitest';
import { createCluster } from '../src/sim/cluster/cluster';
import type { SimEvent } from '../src/sim/events/bus';
import { createTopic } from './helpers/rawClient';
import { partitionsOf, pollFor, produceAll } from './helpers/clients';

const assignorClasses = {
  range: 'org.apache.kafka.clients.consumer.RangeAssignor',
  roundrobin: 'org.apache.kafka.clients.consumer.RoundRobinAssignor',
  sticky: 'org.apache.kafka.clients.consumer.StickyAssignor',
  'cooperative-sticky': 'org.apache.kafka.clients.consumer.CooperativeStickyAssignor',
} as const;

function boot(mode: 'zookeeper' | 'kraft' = 'zookeeper') {
  const cluster = createCluster({
    brokers: 3,
    seed: 11,
    mode,
    config: { 'group.initial.rebalance.delay.ms': '0' },
  });
  cluster.advance(5_000);
  createTopic(cluster, 'orders', 6, 3);
  return cluster;
}

describe('consumer groups', () => {
  for (const [name, className] of Object.entries(assignorClasses)) {
    it(`members joining and leaving rebalance the partitions (${name})`, () => {
      const cluster = boot();
      const events: SimEvent[] = [];
      cluster.subscribe((e) => events.push(e));
      const props = { 'group.id': 'g', 'partition.assignment.strategy': className };
      const a = cluster.createConsumer(props);
      a.subscribe(['orders']);
      pollFor(cluster, [a], 10_000);
      expect(partitionsOf(a)).toHaveLength(6);
      const b = cluster.createConsumer(props);
      b.subscribe(['orders']);
      pollFor(cluster, [a, b], 15_000);
      expect(partitionsOf(a)).toHaveLength(3);
      expect(partitionsOf(b)).toHaveLength(3);
      expect([...partitionsOf(a), ...partitionsOf(b)].sort()).toEqual([
        'orders-0',
        'orders-1',
        'orders-2',
        'orders-3',
        'orders-4',
        'orders-5',
      ]);
      const generations = events
        .filter((e) => e.type === 'group.rebalanced')
        .map((e) => e.generationId as number);
      expect(generations.length).toBeGreaterThanOrEqual(2);
      b.close();
      pollFor(cluster, [a], 15_000);
      expect(partitionsOf(a)).toHaveLength(6);
      const last = events.filter((e) => e.type === 'group.rebalanced').at(-1)!;
      expect(last.protocol).toBe(name);
    });
  }

  it('a crashed member is evicted after session.timeout.ms and its partitions move', () => {
    const cluster = boot();
    const events: SimEvent[] = [];
    cluster.subscribe((e) => events.push(e));
    const props = { 'group.id': 'g', 'session.timeout.ms': '10000' };
    const a = cluster.createConsumer(props);
    const b = cluster.createConsumer(props);
    a.subscribe(['orders']);
    b.subscribe(['orders']);
    pollFor(cluster, [a, b], 15_000);
    expect(partitionsOf(a)).toHaveLength(3);
    b.groupMember!.crash();
    const crashedAt = cluster.now;
    // The session runs from the member's last heartbeat (every 3 s), so eviction comes 7–10 s after the crash.
    pollFor(cluster, [a], 6_900);
    const evictions = () =>
      events.filter((e) => e.type === 'group.member.evicted' && e.tick >= crashedAt);
    expect(evictions(), JSON.stringify(evictions())).toHaveLength(0);
    pollFor(cluster, [a], 15_000);
    const evicted = evictions()[0]!;
    expect(evicted).toBeDefined();
    expect(evicted.tick - crashedAt).toBeGreaterThanOrEqual(7_000);
    expect(evicted.tick - crashedAt).toBeLessThanOrEqual(10_100);
    expect(partitionsOf(a)).toHaveLength(6);
  });

  it('committed offsets survive the consumer and the coordinator broker moving; lag is LEO − committed', () => {
    const cluster = boot();
    expect(
      produceAll(
        cluster,
        'orders',
        Array.from({ length: 60 }, (_, i) => `v${i}`),
      ),
    ).toEqual([]);
    const a = cluster.createConsumer({
      'group.id': 'billing',
      'auto.offset.reset': 'earliest',
      'enable.auto.commit': 'false',
    });
    a.subscribe(['orders']);
    const got = pollFor(cluster, [a], 15_000)[0]!;
    expect(got).toHaveLength(60);
    a.commitSync();
    pollFor(cluster, [a], 2_000);
    a.close();
    cluster.advance(2_000);
    expect(
      produceAll(
        cluster,
        'orders',
        Array.from({ length: 12 }, (_, i) => `w${i}`),
      ),
    ).toEqual([]);

    const groups = cluster.snapshot().groups as { groupId: string; coordinator: number }[];
    const coordinator = groups.find((g) => g.groupId === 'billing')!.coordinator;
    cluster.stopBroker(coordinator, { crash: true });
    cluster.advance(40_000);
    const after = cluster.snapshot().groups as {
      groupId: string;
      coordinator: number;
      offsets?: { topic: string; partition: number; offset: number }[];
    }[];
    const moved = after.find((g) => g.groupId === 'billing')!;
    expect(moved.coordinator).not.toBe(coordinator);

    const b = cluster.createConsumer({
      'group.id': 'billing',
      'auto.offset.reset': 'earliest',
      'enable.auto.commit': 'false',
    });
    b.subscribe(['orders']);
    const rest = pollFor(cluster, [b], 20_000)[0]!;
    // Only the 12 records produced after the commit are delivered again.
    expect(rest.map((r) => r.value).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `w${i}`).sort(),
    );
    for (const tp of b.assignment()) expect(b.lag(tp)).toBe(0);
  });
});
