import { describe, expect, it } from 'vitest';
import { createCluster } from '../src/sim/cluster/cluster';
import type { LogRecord } from '../src/sim/log/record';
import { createTopic } from './helpers/rawClient';

/**
 * One scripted session: a producer sending keyed records, a consumer group of two members polling,
 * and broker 2 crashing in the middle and coming back after its failover. Returns an FNV-1a hash of every event, the
 * event count, the final snapshot and what each member consumed.
 */
function run(seed: number, mode: 'zookeeper' | 'kraft') {
  const cluster = createCluster({
    brokers: 3,
    seed,
    mode,
    config: { 'group.initial.rebalance.delay.ms': '0' },
  });
  let hash = 0x811c9dc5;
  let count = 0;
  const types = new Set<string>();
  cluster.subscribe((e) => {
    const s = JSON.stringify(e);
    for (let i = 0; i < s.length; i++) hash = Math.imul(hash ^ s.charCodeAt(i), 0x01000193);
    count++;
    types.add(e.type);
  });
  cluster.advance(5_000);
  createTopic(cluster, 'orders', 6, 3);
  const producer = cluster.createProducer({ 'linger.ms': '5' });
  const members = [0, 1].map(() =>
    cluster.createConsumer({ 'group.id': 'billing', 'auto.offset.reset': 'earliest' }),
  );
  for (const m of members) m.subscribe(['orders']);
  const consumed: LogRecord[][] = [[], []];
  const acks: string[] = [];
  const poll = () => members.forEach((m, i) => consumed[i]!.push(...m.poll()));
  for (let i = 0; i < 400; i++) {
    if (i === 100) cluster.stopBroker(2, { crash: true });
    producer.send({ topic: 'orders', key: `k${i % 13}`, value: `v${i}` }, (error, md) =>
      acks.push(`${error ?? 'ok'}@${md.partition}:${md.offset}`),
    );
    poll();
    cluster.advance(25);
  }
  // Past the session timeouts (ZooKeeper 18 s, KRaft 9 s): the controller fails broker 2 over.
  for (let t = 0; t < 200; t++) {
    poll();
    cluster.advance(100);
  }
  cluster.startBroker(2);
  for (let t = 0; t < 200; t++) {
    poll();
    cluster.advance(100);
  }
  return {
    hash: hash >>> 0,
    count,
    types: [...types].sort(),
    acks,
    consumed: consumed.map((c) => c.map((r) => `${r.partition}:${r.offset}:${r.value}`)),
    snapshot: JSON.stringify(cluster.snapshot()),
  };
}

for (const mode of ['zookeeper', 'kraft'] as const) {
  describe(`determinism with clients and a crash (${mode} mode)`, () => {
    it('the same seed and operations give an identical event stream, snapshot and deliveries', () => {
      const a = run(42, mode);
      const b = run(42, mode);
      // The run exercised what it claims to: clients on the wire, a crash, a failover, a rebalance.
      expect(a.count).toBeGreaterThan(5_000);
      for (const type of [
        'producer.batch.sent',
        'producer.acked',
        'consumer.fetched',
        'group.rebalanced',
        'broker.stopped',
        'broker.started',
        'leader.elected',
      ])
        expect(a.types).toContain(type);
      expect(a.acks).toHaveLength(400);
      expect(a.acks.filter((ack) => !ack.startsWith('ok@'))).toEqual([]);
      expect(a.consumed[0]!.length + a.consumed[1]!.length).toBeGreaterThanOrEqual(400);
      expect(b.hash).toBe(a.hash);
      expect(b.count).toBe(a.count);
      expect(b.acks).toEqual(a.acks);
      expect(b.consumed).toEqual(a.consumed);
      expect(b.snapshot).toBe(a.snapshot);
    });

    it('a different seed gives a different run', () => {
      const a = run(42, mode);
      const c = run(43, mode);
      expect(c.hash).not.toBe(a.hash);
      expect(c.snapshot).not.toBe(a.snapshot);
    });
  });
}
