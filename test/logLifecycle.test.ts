import { describe, expect, it } from 'vitest';
import { createCluster } from '../src/sim/cluster/cluster';
import type { Cluster } from '../src/sim/cluster/cluster';
import type { SimEvent } from '../src/sim/events/bus';
import { batchSizeInBytes } from '../src/sim/log/recordSize';
import { createTopic, partitionState, produce } from './helpers/rawClient';
import { pollFor } from './helpers/clients';

const boot = (mode: 'zookeeper' | 'kraft', config: Record<string, string>) => {
  const cluster = createCluster({ brokers: 3, seed: 13, mode, config });
  cluster.advance(5_000);
  return cluster;
};

/** Bytes of a one-record batch (what every produce below appends). */
const oneRecordBatch = (key: string | null, value: string | null) =>
  batchSizeInBytes({ keys: [key], values: [value], timestamps: [0], headers: null });

/** Every replica's log start offset, in replica order. */
const logStarts = (cluster: Cluster, topic: string) =>
  partitionState(cluster, topic, 0).replicaStates.map((r) => r.logStartOffset);

/** `offset:key=value` of every record a replica's log holds (`~` for a tombstone). */
function contents(cluster: Cluster, broker: number, topic: string): string[] {
  const log = cluster.brokers.get(broker)!.replicaManager.get(topic, 0)!.log;
  return log
    .records(0, Infinity, Infinity)
    .map((r) => `${r.offset}:${r.key ?? ''}=${r.value ?? '~'}`);
}

/** What a fresh consumer reading the partition from `earliest` gets, as `offset:value`. */
function readFromEarliest(cluster: Cluster, topic: string): string[] {
  const consumer = cluster.createConsumer({ 'auto.offset.reset': 'earliest' });
  consumer.assign([{ topic, partition: 0 }]);
  const got = pollFor(cluster, [consumer], 3_000)[0]!;
  consumer.close();
  return got.map((r) => `${r.offset}:${r.value ?? '~'}`);
}

for (const mode of ['zookeeper', 'kraft'] as const) {
  describe(`retention on a running cluster (${mode} mode)`, () => {
    it('retention.ms deletes whole segments once their newest record is older, on every replica', () => {
      const cluster = boot(mode, { 'log.retention.check.interval.ms': '1000' });
      createTopic(cluster, 'events', 1, 3, { 'retention.ms': '30000', 'segment.ms': '5000' });
      const events: SimEvent[] = [];
      cluster.subscribe((e) => events.push(e));
      // One record a second: a segment rolls when a record is more than segment.ms newer than the
      // segment's first, so offsets 0–5 fill the first segment and 6–11 the active one.
      const start = cluster.now;
      for (let i = 0; i < 12; i++) {
        cluster.advance(start + i * 1_000 - cluster.now);
        expect(produce(cluster, 'events', 0, [`v${i}`]).error).toBe('NONE');
      }
      const leader = partitionState(cluster, 'events', 0).leader;
      const leaderLog = cluster.brokers.get(leader)!.replicaManager.get('events', 0)!.log;
      expect(leaderLog.segments.map((s) => [s.baseOffset, s.nextOffset])).toEqual([
        [0, 6],
        [6, 12],
      ]);
      // The first segment's newest record (offset 5) was written at start + 5 s: it may go once
      // it is more than 30 s old, at the next retention check.
      cluster.advance(start + 35_000 - cluster.now);
      expect(logStarts(cluster, 'events')).toEqual([0, 0, 0]);
      cluster.advance(1_100);
      expect(logStarts(cluster, 'events')).toEqual([6, 6, 6]);
      expect(partitionState(cluster, 'events', 0).logEndOffset).toBe(12);
      expect(
        events
          .filter((e) => e.type === 'log.retention.deleted')
          .map((e) => [e.broker, e.segments, e.from, e.logStartOffset])
          .sort(),
      ).toEqual([
        [1, 1, 0, 6],
        [2, 1, 0, 6],
        [3, 1, 0, 6],
      ]);
      for (const b of [1, 2, 3]) expect(contents(cluster, b, 'events')[0]).toBe('6:=v6');
      expect(readFromEarliest(cluster, 'events')).toEqual([
        '6:v6',
        '7:v7',
        '8:v8',
        '9:v9',
        '10:v10',
        '11:v11',
      ]);

      // The active segment expires too (offset 11 was written at start + 11 s): Kafka rolls an
      // empty segment and deletes the old one, so the log is empty and offsets go on from 12.
      cluster.advance(start + 42_100 - cluster.now);
      expect(logStarts(cluster, 'events')).toEqual([12, 12, 12]);
      expect(readFromEarliest(cluster, 'events')).toEqual([]);
      expect(produce(cluster, 'events', 0, ['later'])).toEqual({ error: 'NONE', baseOffset: 12 });
    });

    it('retention.bytes deletes the oldest segments while the rest still reaches the limit', () => {
      const batch = oneRecordBatch(null, 'v0');
      const cluster = boot(mode, { 'log.retention.check.interval.ms': '1000' });
      // Three one-record batches a segment; keep at least 4 batches' worth.
      createTopic(cluster, 'events', 1, 3, {
        'segment.bytes': String(3 * batch),
        'retention.bytes': String(4 * batch),
      });
      for (let i = 0; i < 10; i++)
        expect(produce(cluster, 'events', 0, [`v${i}`]).error).toBe('NONE');
      const leader = partitionState(cluster, 'events', 0).leader;
      const leaderLog = cluster.brokers.get(leader)!.replicaManager.get('events', 0)!.log;
      expect(leaderLog.segments.map((s) => [s.baseOffset, s.nextOffset])).toEqual([
        [0, 3],
        [3, 6],
        [6, 9],
        [9, 10],
      ]);
      cluster.advance(1_100);
      // 10 batches: dropping [0,3) leaves 7, dropping [3,6) leaves 4, dropping [6,9) would leave 1.
      expect(logStarts(cluster, 'events')).toEqual([6, 6, 6]);
      for (const b of [1, 2, 3]) {
        const log = cluster.brokers.get(b)!.replicaManager.get('events', 0)!.log;
        expect(log.sizeInBytes).toBe(4 * batch);
        expect(log.segments.map((s) => s.baseOffset)).toEqual([6, 9]);
      }
      expect(readFromEarliest(cluster, 'events')).toEqual(['6:v6', '7:v7', '8:v8', '9:v9']);
      // Nothing more goes while the log stays at the limit.
      cluster.advance(5_000);
      expect(logStarts(cluster, 'events')).toEqual([6, 6, 6]);
    });
  });

  describe(`log compaction on a running cluster (${mode} mode)`, () => {
    const compacted = (batch: number, extra: Record<string, string> = {}) => ({
      'cleanup.policy': 'compact',
      'min.cleanable.dirty.ratio': '0.01',
      // Two one-record batches a segment, so segments roll and leave the active one.
      'segment.bytes': String(2 * batch),
      ...extra,
    });

    it('keeps only the latest value per key below the active segment, at the original offsets', () => {
      const cluster = boot(mode, { 'log.cleaner.backoff.ms': '1000' });
      createTopic(cluster, 'prices', 1, 3, compacted(oneRecordBatch('a', 'v1')));
      const writes: [string, string][] = [
        ['a', 'v1'],
        ['b', 'v1'],
        ['a', 'v2'],
        ['c', 'v1'],
        ['b', 'v2'],
        ['a', 'v3'],
        ['d', 'v1'],
        ['a', 'v4'],
      ];
      for (const [key, value] of writes)
        expect(produce(cluster, 'prices', 0, [value], -1, [key]).error).toBe('NONE');
      cluster.advance(2_500);
      for (const b of [1, 2, 3])
        // Offsets 6 and 7 are in the active segment, which the cleaner never touches: a=v3 at 5
        // stays although a=v4 follows, because the offset map covers only the cleaned range.
        expect(contents(cluster, b, 'prices')).toEqual([
          '3:c=v1',
          '4:b=v2',
          '5:a=v3',
          '6:d=v1',
          '7:a=v4',
        ]);
      const p = partitionState(cluster, 'prices', 0);
      expect(p.logEndOffset).toBe(8);
      expect(p.replicaStates.map((r) => r.logStartOffset)).toEqual([0, 0, 0]);
      expect(readFromEarliest(cluster, 'prices')).toEqual(['3:v1', '4:v2', '5:v3', '6:v1', '7:v4']);
      expect(produce(cluster, 'prices', 0, ['v1'], -1, ['e'])).toEqual({
        error: 'NONE',
        baseOffset: 8,
      });
    });

    it('a tombstone (null value) survives cleanings until delete.retention.ms has passed, then its key is gone', () => {
      const cluster = boot(mode, { 'log.cleaner.backoff.ms': '1000' });
      createTopic(
        cluster,
        'prices',
        1,
        3,
        compacted(oneRecordBatch('a', 'v1'), { 'delete.retention.ms': '20000' }),
      );
      const write = (key: string, value: string | null) =>
        expect(produce(cluster, 'prices', 0, [value], -1, [key]).error).toBe('NONE');
      write('a', 'v1');
      write('b', 'v1');
      write('a', null);
      write('c', 'v1');
      write('x', 'v1');
      write('y', 'v1');
      cluster.advance(2_500);
      // The first cleaning keeps the tombstone (and stamps its delete horizon).
      for (const b of [1, 2, 3])
        expect(contents(cluster, b, 'prices')).toEqual([
          '1:b=v1',
          '2:a=~',
          '3:c=v1',
          '4:x=v1',
          '5:y=v1',
        ]);
      expect(readFromEarliest(cluster, 'prices')).toEqual(['1:v1', '2:~', '3:v1', '4:v1', '5:v1']);

      // More writes roll segments and make the cleaner run again before the horizon: kept.
      cluster.advance(5_000);
      write('z', 'v1');
      write('w', 'v1');
      cluster.advance(2_500);
      for (const b of [1, 2, 3]) expect(contents(cluster, b, 'prices')).toContain('2:a=~');

      // After delete.retention.ms the next cleaning drops it: key a is gone from the log.
      cluster.advance(20_000);
      write('u', 'v1');
      write('t', 'v1');
      cluster.advance(2_500);
      for (const b of [1, 2, 3])
        expect(contents(cluster, b, 'prices')).toEqual([
          '1:b=v1',
          '3:c=v1',
          '4:x=v1',
          '5:y=v1',
          '6:z=v1',
          '7:w=v1',
          '8:u=v1',
          '9:t=v1',
        ]);
      expect(readFromEarliest(cluster, 'prices')[0]).toBe('1:v1');
      expect(readFromEarliest(cluster, 'prices')).not.toContain('2:~');
    });
  });
}
