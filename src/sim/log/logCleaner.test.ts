import { describe, expect, it } from 'vitest';
import { defaultLogConfig } from './logConfig';
import type { LogConfig } from './logConfig';
import { PartitionLog } from './partitionLog';
import type { RecordBatch } from './record';

const T0 = 1_700_000_000_000;

/** A compacted log in which every batch gets its own segment (segment.bytes = 1). */
function compactedLog(overrides: Partial<LogConfig> = {}): PartitionLog {
  const config = { ...defaultLogConfig, cleanupPolicy: ['compact'], segmentBytes: 1, ...overrides };
  return new PartitionLog(config as LogConfig, T0);
}

function put(log: PartitionLog, pairs: [string | null, string | null][], now = T0): RecordBatch {
  return log.appendAsLeader(
    {
      producerId: -1,
      producerEpoch: -1,
      baseSequence: -1,
      keys: pairs.map(([k]) => k),
      values: pairs.map(([, v]) => v),
      timestamps: pairs.map(() => now),
      headers: null,
    },
    0,
    now,
  );
}

const contents = (log: PartitionLog) =>
  log.records(0, Infinity, Infinity).map((r) => `${r.offset}:${r.key}=${r.value}`);

describe('PartitionLog.compact (log cleaner)', () => {
  it('keeps only the last value per key below the active segment, offsets unchanged', () => {
    const log = compactedLog();
    const follower = new PartitionLog(log.config, T0);
    const batches = [
      put(log, [
        ['k1', 'a'],
        ['k2', 'b'],
      ]),
      put(log, [['k1', 'c']]),
      put(log, [['k3', 'd']]),
      put(log, [['k1', 'e']]), // active segment: not cleaned
    ];
    for (const batch of batches) follower.appendAsFollower(batch, T0);

    const result = log.compact(T0, 5);

    expect(result).toMatchObject({ removedRecords: 1, skipped: null, cleanableRatio: 1 });
    expect(contents(log)).toEqual(['1:k2=b', '2:k1=c', '3:k3=d', '4:k1=e']);
    expect(log.logEndOffset).toBe(5);
    expect(log.recordCount).toBe(4);
    expect(log.segments.map((s) => s.nextOffset)).toEqual([2, 3, 4, 5]);
    expect((log.read(0, 1 << 20, 5) as RecordBatch[])[0]).toMatchObject({
      baseOffset: 0,
      lastOffset: 1,
      offsetDeltas: [1],
    });
    expect(contents(follower)).toHaveLength(5); // the shared batches were not modified
  });

  it('keeps a tombstone until delete.retention.ms after the cleaning that first kept it (KIP-534)', () => {
    const log = compactedLog({ deleteRetentionMs: 1000 });
    put(log, [['k1', 'a']]);
    put(log, [['k1', null]]);
    put(log, [['k2', 'x']]);
    expect(log.compact(T0, 3).removedRecords).toBe(1);
    expect(contents(log)).toEqual(['1:k1=null', '2:k2=x']);

    put(log, [['k3', 'y']]);
    expect(log.compact(T0 + 999, 4, { ignoreDirtyRatio: true }).removedRecords).toBe(0);
    expect(contents(log)).toEqual(['1:k1=null', '2:k2=x', '3:k3=y']);

    put(log, [['k4', 'z']]);
    const result = log.compact(T0 + 1000, 5, { ignoreDirtyRatio: true });
    expect(result).toMatchObject({ removedRecords: 1, removedTombstones: 1 });
    expect(contents(log)).toEqual(['2:k2=x', '3:k3=y', '4:k4=z']);
    expect(log.logEndOffset).toBe(5);
  });

  it('cleans nothing at or above the high watermark', () => {
    const log = compactedLog();
    for (const value of ['a', 'b', 'c']) put(log, [['k1', value]]);
    put(log, [['k9', 'x']]);
    expect(log.compact(T0, 1).removedRecords).toBe(0);
    expect(contents(log)).toHaveLength(4);
    expect(log.compact(T0, 3).removedRecords).toBe(2);
    expect(contents(log)).toEqual(['2:k1=c', '3:k9=x']);
  });

  it('respects min.compaction.lag.ms: records younger than the lag stay uncompacted', () => {
    const log = compactedLog({ minCompactionLagMs: 10_000 });
    for (const value of ['a', 'b', 'c']) put(log, [['k1', value]]);
    expect(log.compact(T0 + 5_000, 3)).toMatchObject({
      skipped: 'NOTHING_TO_CLEAN',
      removedRecords: 0,
    });
    expect(log.compact(T0 + 10_001, 3)).toMatchObject({ skipped: null, removedRecords: 1 });
    expect(contents(log)).toEqual(['1:k1=b', '2:k1=c']);
  });

  it('waits until the dirty ratio exceeds min.cleanable.dirty.ratio, unless told to ignore it', () => {
    const log = compactedLog();
    for (const key of ['k0', 'k1', 'k2', 'k3']) put(log, [[key, 'old']]);
    put(log, [['k0', 'new']]);
    expect(log.compact(T0, 5)).toMatchObject({ skipped: null, removedRecords: 0 });
    put(log, [['k5', 'x']]);
    const lazy = log.compact(T0, 6);
    expect(lazy.skipped).toBe('BELOW_MIN_CLEANABLE_DIRTY_RATIO');
    expect(lazy.cleanableRatio).toBeCloseTo(1 / 5, 1);
    expect(log.compact(T0, 6, { ignoreDirtyRatio: true }).removedRecords).toBe(1);
    expect(contents(log)[0]).toBe('1:k1=old');
  });

  it('drops records without key but keeps the round’s last batch, emptied, so its offsets hold', () => {
    const log = new PartitionLog({ ...defaultLogConfig, segmentBytes: 1 }, T0);
    put(log, [['k1', 'a']]);
    put(log, [[null, 'no key']]);
    put(log, [['k2', 'b']]);
    log.updateConfig({ ...log.config, cleanupPolicy: ['compact'] });
    expect(log.compact(T0, 3).removedRecords).toBe(1);
    expect(contents(log)).toEqual(['0:k1=a', '2:k2=b']);
    expect((log.read(1, 1 << 20, 3) as RecordBatch[])[0]).toMatchObject({
      baseOffset: 1,
      lastOffset: 1,
      keys: [],
    });
  });

  it('merges cleaned segments into one while they fit in segment.bytes', () => {
    const log = compactedLog({ segmentBytes: defaultLogConfig.segmentBytes, segmentMs: 1 });
    for (let i = 0; i < 5; i++) put(log, [[`k${i % 2}`, `v${i}`]], T0 + 2 * i);
    expect(log.segments).toHaveLength(5);
    expect(log.compact(T0 + 10, 5)).toMatchObject({ removedRecords: 2, cleanedSegments: 4 });
    expect(log.segments.map((s) => [s.baseOffset, s.nextOffset])).toEqual([
      [0, 4],
      [4, 5],
    ]);
    expect(contents(log)).toEqual(['2:k0=v2', '3:k1=v3', '4:k0=v4']);
  });

  it('does nothing unless cleanup.policy includes compact', () => {
    const log = new PartitionLog({ ...defaultLogConfig, segmentBytes: 1 }, T0);
    for (const value of ['a', 'b', 'c']) put(log, [['k1', value]]);
    expect(log.compact(T0, 3)).toMatchObject({ skipped: 'NOT_COMPACTED', removedRecords: 0 });
    expect(contents(log)).toHaveLength(3);
  });
});
