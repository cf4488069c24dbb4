import { describe, it, expect } from 'vitest';
import { Prng } from '../random/prng';
import { BuiltInPartitioner, DEFAULT_BATCH_SIZE_BYTES } from './builtInPartitioner';
import { RoundRobinPartitioner } from './roundRobinPartitioner';
import { createPartitioner } from './createPartitioner';
import { partitionForKey } from './partitionForKey';
import { utf8 } from './murmur2';
import type { PartitionerCluster, PartitionerRng } from './types';

/** A scripted rng: returns the given draws in turn (each taken modulo n). */
function scripted(...draws: number[]): PartitionerRng & { calls: number[] } {
  const calls: number[] = [];
  let i = 0;
  return {
    calls,
    int(n: number) {
      calls.push(n);
      return draws[i++ % draws.length]! % n;
    },
  };
}

const sixUp: PartitionerCluster = { partitionCount: 6, availablePartitions: [0, 1, 2, 3, 4, 5] };

describe('BuiltInPartitioner (KIP-794 sticky partitioner)', () => {
  it('sticks to one partition until batch.size bytes were produced, then switches', () => {
    const p = new BuiltInPartitioner(scripted(2, 4), { batchSizeBytes: 100 });
    const chosen = [30, 30, 30, 30, 30].map((size) => p.partition('t', null, size, sixUp));
    // 30+30+30 = 90 < 100, the 4th record reaches 120 >= 100 and still goes to partition 2.
    expect(chosen).toEqual([2, 2, 2, 2, 4]);
  });

  it('defaults batch.size to 16384 bytes', () => {
    const p = new BuiltInPartitioner(scripted(1, 3));
    expect(DEFAULT_BATCH_SIZE_BYTES).toBe(16384);
    expect(p.partition('t', null, 16383, sixUp)).toBe(1);
    expect(p.partition('t', null, 1, sixUp)).toBe(1);
    expect(p.partition('t', null, 1, sixUp)).toBe(3);
  });

  it('keeps a sticky partition per topic', () => {
    const p = new BuiltInPartitioner(scripted(1, 5), { batchSizeBytes: 100 });
    expect(p.partition('a', null, 10, sixUp)).toBe(1);
    expect(p.partition('b', null, 10, sixUp)).toBe(5);
    expect(p.partition('a', null, 10, sixUp)).toBe(1);
    expect(p.currentPartition('b')).toBe(5);
  });

  it('chooses only among partitions with a leader', () => {
    const cluster: PartitionerCluster = { partitionCount: 6, availablePartitions: [1, 4] };
    const rng = new Prng(7).fork('clients');
    const p = new BuiltInPartitioner(rng, { batchSizeBytes: 1 });
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) seen.add(p.partition('t', null, 1, cluster));
    expect([...seen].sort()).toEqual([1, 4]);
  });

  it('falls back to any partition when none has a leader', () => {
    const rng = scripted(5);
    const p = new BuiltInPartitioner(rng);
    expect(p.partition('t', null, 1, { partitionCount: 6, availablePartitions: [] })).toBe(5);
    expect(rng.calls).toEqual([6]);
  });

  it('is deterministic for a given seed and spreads over every partition', () => {
    const run = (seed: number) => {
      const p = new BuiltInPartitioner(new Prng(seed).fork('clients'), { batchSizeBytes: 50 });
      return Array.from({ length: 300 }, () => p.partition('t', null, 10, sixUp));
    };
    expect(run(42)).toEqual(run(42));
    expect(new Set(run(42)).size).toBe(6);
    expect(run(42)).not.toEqual(run(43));
  });

  it('sends keyed records to partitionForKey over ALL partitions, leader or not', () => {
    const p = new BuiltInPartitioner(scripted(0));
    const cluster: PartitionerCluster = { partitionCount: 10, availablePartitions: [0] };
    expect(p.partition('t', utf8('foobar'), 10, cluster)).toBe(6);
    expect(p.partition('t', utf8('foobar'), 10, cluster)).toBe(partitionForKey('foobar', 10));
    expect(p.currentPartition('t')).toBeUndefined();
  });

  it('with partitioner.ignore.keys=true treats keyed records like records without a key', () => {
    const p = new BuiltInPartitioner(scripted(3), { ignoreKeys: true });
    expect(p.partition('t', utf8('foobar'), 10, sixUp)).toBe(3);
  });

  it('weights the switch towards shorter queues when queue sizes differ (adaptive)', () => {
    // Queue sizes 0 3 1 → weights 4 1 3 → CFT 4 5 8: draws 0..3 → p0, 4 → p1, 5..7 → p2.
    const draws = [0, 3, 4, 5, 7];
    const picks = draws.map((d) => {
      const p = new BuiltInPartitioner(scripted(d), { batchSizeBytes: 1 });
      p.updatePartitionLoadStats('t', [0, 3, 1], [0, 1, 2]);
      return p.partition('t', null, 1, { partitionCount: 3, availablePartitions: [0, 1, 2] });
    });
    expect(picks).toEqual([0, 0, 1, 2, 2]);
  });

  it('switches uniformly again when all queues are equal', () => {
    const rng = scripted(2);
    const p = new BuiltInPartitioner(rng, { batchSizeBytes: 1 });
    p.updatePartitionLoadStats('t', [2, 2, 2], [0, 1, 2]);
    expect(p.partition('t', null, 1, { partitionCount: 3, availablePartitions: [0, 1, 2] })).toBe(
      2,
    );
    expect(rng.calls[0]).toBe(3);
  });

  it('ignores queue sizes when partitioner.adaptive.partitioning.enable=false', () => {
    const rng = scripted(1);
    const p = new BuiltInPartitioner(rng, { batchSizeBytes: 1, adaptivePartitioning: false });
    p.updatePartitionLoadStats('t', [0, 9, 9], [0, 1, 2]);
    expect(p.partition('t', null, 1, { partitionCount: 3, availablePartitions: [0, 1, 2] })).toBe(
      1,
    );
  });
});

describe('RoundRobinPartitioner', () => {
  it('cycles over the available partitions, one record each', () => {
    const p = new RoundRobinPartitioner();
    const cluster: PartitionerCluster = { partitionCount: 5, availablePartitions: [0, 2, 4] };
    const picks = Array.from({ length: 7 }, () => p.partition('t', null, 10, cluster));
    expect(picks).toEqual([0, 2, 4, 0, 2, 4, 0]);
  });

  it('keeps one counter per topic and ignores the key', () => {
    const p = new RoundRobinPartitioner();
    expect(p.partition('a', utf8('k'), 1, sixUp)).toBe(0);
    expect(p.partition('a', utf8('k'), 1, sixUp)).toBe(1);
    expect(p.partition('b', utf8('k'), 1, sixUp)).toBe(0);
    expect(p.partition('a', null, 1, sixUp)).toBe(2);
  });

  it('cycles over all partitions when none has a leader', () => {
    const p = new RoundRobinPartitioner();
    const cluster: PartitionerCluster = { partitionCount: 2, availablePartitions: [] };
    expect([0, 1, 2].map(() => p.partition('t', null, 1, cluster))).toEqual([0, 1, 0]);
  });
});

describe('createPartitioner (partitioner.class)', () => {
  const rng = scripted(0);
  it('defaults to the built-in partitioner', () => {
    expect(createPartitioner(undefined, rng)).toBeInstanceOf(BuiltInPartitioner);
    expect(createPartitioner('', rng)).toBeInstanceOf(BuiltInPartitioner);
  });

  it('accepts RoundRobinPartitioner by full and simple class name', () => {
    const full = 'org.apache.kafka.clients.producer.RoundRobinPartitioner';
    expect(createPartitioner(full, rng)).toBeInstanceOf(RoundRobinPartitioner);
    expect(createPartitioner('RoundRobinPartitioner', rng).name).toBe(full);
  });

  it('rejects an unknown class with INVALID_CONFIG', () => {
    expect(() => createPartitioner('com.example.Nope', rng)).toThrow(
      expect.objectContaining({ errorName: 'INVALID_CONFIG', code: 40 }),
    );
  });
});
