/** The engine's public entry points, as DESIGN §3 names them for tests and teachers' scripts. */
import { describe, expect, it } from 'vitest';
import { assignors, createCluster, murmur2, partitionForKey } from '../src/sim/index';

describe('public engine API (DESIGN §3)', () => {
  it('murmur2 is Kafka Utils.murmur2 (signed 32-bit) and partitionForKey is toPositive(murmur2) % n', () => {
    const bytes = new TextEncoder().encode('21');
    // UtilsTest.testMurmur2: "21" → -973932308
    expect(murmur2(bytes)).toBe(-973932308);
    expect(partitionForKey('21', 10)).toBe((-973932308 & 0x7fffffff) % 10);
    expect(partitionForKey(bytes, 10)).toBe(partitionForKey('21', 10));
  });

  it('assignors has the four Kafka strategies behind one interface', () => {
    expect(Object.keys(assignors).sort()).toEqual([
      'cooperative-sticky',
      'range',
      'roundrobin',
      'sticky',
    ]);
    const result = assignors.range.assign({
      partitionsPerTopic: { orders: 3 },
      members: [
        { memberId: 'a', topics: ['orders'] },
        { memberId: 'b', topics: ['orders'] },
      ],
    });
    expect(result).toEqual({
      a: [
        { topic: 'orders', partition: 0 },
        { topic: 'orders', partition: 1 },
      ],
      b: [{ topic: 'orders', partition: 2 }],
    });
  });

  it('createCluster takes brokers, seed, mode and config, and snapshots are plain JSON data', () => {
    const cluster = createCluster({
      brokers: 2,
      seed: 5,
      mode: 'kraft',
      config: { 'num.partitions': '4' },
    });
    cluster.advance(5_000);
    const f = cluster.settle(
      cluster.admin.createTopic({
        name: 'auto',
        numPartitions: -1,
        replicationFactor: -1,
        configs: {},
      }),
    );
    expect(f.result).toBeUndefined();
    cluster.advance(1_000);
    const snapshot = cluster.snapshot();
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(snapshot.mode).toBe('kraft');
    expect(snapshot.brokers.map((b) => b.id)).toEqual([1, 2]);
    expect(snapshot.topics.find((t) => t.name === 'auto')!.partitions).toHaveLength(4);
  });
});
