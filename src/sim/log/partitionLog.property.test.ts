import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchSizeInBytes } from './recordSize';
import { defaultLogConfig } from './logConfig';
import type { CleanupPolicy, LogConfig } from './logConfig';
import { PartitionLog } from './partitionLog';

const T0 = 1_700_000_000_000;

type Op =
  | { kind: 'append'; keys: number[]; tombstones: boolean[]; epochBump: boolean; dt: number }
  | { kind: 'follow'; count: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'retention'; hw: number; dt: number }
  | { kind: 'compact'; hw: number; dt: number; force: boolean }
  | { kind: 'deleteRecords'; at: number };

const fraction = fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('append' as const),
      keys: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 6, size: 'max' }),
      tombstones: fc.array(fc.boolean(), { maxLength: 6 }),
      epochBump: fc.boolean(),
      dt: fc.integer({ min: 0, max: 5_000 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('follow' as const), count: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fraction }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('retention' as const),
      hw: fraction,
      dt: fc.integer({ min: 0, max: 20_000 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('compact' as const),
      hw: fraction,
      dt: fc.integer({ min: 0, max: 20_000 }),
      force: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('deleteRecords' as const), at: fraction }),
  },
);

const oneRecordBatch = batchSizeInBytes({
  keys: ['k0'],
  values: ['v'],
  timestamps: [0],
  headers: null,
});
const config: fc.Arbitrary<LogConfig> = fc.record({
  segmentBytes: fc.integer({ min: 1, max: 6 * oneRecordBatch }),
  segmentMs: fc.integer({ min: 1, max: 30_000 }),
  retentionMs: fc.integer({ min: -1, max: 40_000 }),
  retentionBytes: fc.integer({ min: -1, max: 20 * oneRecordBatch }),
  cleanupPolicy: fc.constantFrom<CleanupPolicy[]>(['delete'], ['compact'], ['compact', 'delete']),
  deleteRetentionMs: fc.integer({ min: 0, max: 20_000 }),
  minCompactionLagMs: fc.integer({ min: 0, max: 10_000 }),
  minCleanableDirtyRatio: fc.double({ min: 0, max: 1, noNaN: true }),
  maxMessageBytes: fc.constant(defaultLogConfig.maxMessageBytes),
  messageTimestampType: fc.constantFrom('CreateTime' as const, 'LogAppendTime' as const),
});

/** Reads the whole log with fetches of `maxBytes`, the way a consumer does. */
function fetchAll(log: PartitionLog, maxBytes: number): number[] {
  const seen: number[] = [];
  let position = log.logStartOffset;
  while (position < log.logEndOffset) {
    const result = log.read(position, maxBytes, log.logEndOffset);
    if (!Array.isArray(result)) throw new Error(`${result.error} at ${position}`);
    if (result.length === 0) break;
    for (const batch of result) {
      const deltas = batch.offsetDeltas;
      for (let i = 0; i < batch.keys.length; i++) {
        const offset = batch.baseOffset + (deltas === null ? i : deltas[i]!);
        if (offset >= position && offset < log.logEndOffset) seen.push(offset);
      }
      position = batch.lastOffset + 1;
    }
  }
  return seen;
}

describe('PartitionLog properties', () => {
  it('after any appends, truncations, retention, compaction and delete-records, reads are ordered, in range and faithful', () => {
    fc.assert(
      fc.property(
        config,
        fc.array(op, { minLength: 10, maxLength: 60, size: 'max' }),
        fc.integer({ min: 1, max: 400 }),
        (cfg, ops, maxBytes) => {
          const compacted = cfg.cleanupPolicy.includes('compact');
          const log = new PartitionLog(cfg, T0);
          const follower = new PartitionLog(cfg, T0);
          /** What was appended at each offset still in the log: `key=value`. */
          const model = new Map<number, string>();
          let now = T0;
          let epoch = 0;
          let compactedUpTo = 0;
          const pick = (f: number, lo: number, hi: number) =>
            lo + Math.floor(f * (hi - lo + 0.999));

          for (const o of ops) {
            if (o.kind === 'append') {
              now += o.dt;
              if (o.epochBump) epoch++;
              const keys = o.keys.map((k) => (k === 0 && !compacted ? null : `k${k}`));
              const values = keys.map((_, i) => (o.tombstones[i] ? null : `v${now}-${i}`));
              const batch = log.appendAsLeader(
                {
                  producerId: -1,
                  producerEpoch: -1,
                  baseSequence: -1,
                  keys,
                  values,
                  timestamps: keys.map(() => now),
                  headers: null,
                },
                epoch,
                now,
              );
              keys.forEach((k, i) => model.set(batch.baseOffset + i, `${k}=${values[i]}`));
            } else if (o.kind === 'follow') {
              // The leader's own truncations here are not how a Kafka leader behaves: resync crudely.
              if (follower.logEndOffset > log.logEndOffset) follower.truncateTo(log.logEndOffset);
              const read = log.read(follower.logEndOffset, 1 << 20, log.logEndOffset);
              if (!Array.isArray(read)) {
                follower.truncateFullyAndStartAt(log.logStartOffset, now);
              } else {
                const first = read[0];
                if (first !== undefined && first.baseOffset < follower.logEndOffset) {
                  follower.truncateTo(first.baseOffset);
                }
                for (const b of read.slice(0, o.count)) follower.appendAsFollower(b, now);
              }
            } else if (o.kind === 'truncate') {
              // Like Kafka, never truncate what the cleaner already compacted (it was committed).
              const at = pick(o.at, compactedUpTo, log.logEndOffset);
              log.truncateTo(at);
              for (const offset of model.keys()) if (offset >= at) model.delete(offset);
            } else if (o.kind === 'retention') {
              now += o.dt;
              const hw = pick(o.hw, log.logStartOffset, log.logEndOffset);
              const before = log.logStartOffset;
              const { logStartOffset } = log.applyRetention(now, hw);
              expect(logStartOffset).toBeLessThanOrEqual(Math.max(hw, before));
            } else if (o.kind === 'compact') {
              now += o.dt;
              const hw = pick(o.hw, log.logStartOffset, log.logEndOffset);
              log.compact(now, hw, { ignoreDirtyRatio: o.force });
              compactedUpTo = Math.max(compactedUpTo, hw);
            } else {
              const at = pick(o.at, 0, log.logEndOffset);
              expect(log.deleteRecordsBefore(at).error).toBe('NONE');
            }

            const lso = log.logStartOffset;
            const leo = log.logEndOffset;
            expect(lso).toBeLessThanOrEqual(leo);
            const fetched = fetchAll(log, maxBytes);
            const browsed = log.records(lso, leo, Infinity);
            expect(browsed.map((r) => r.offset)).toEqual(fetched);
            for (let i = 0; i < fetched.length; i++) {
              expect(fetched[i]).toBeGreaterThanOrEqual(lso);
              expect(fetched[i]).toBeLessThan(leo);
              if (i > 0) expect(fetched[i]).toBeGreaterThan(fetched[i - 1]!);
              expect(`${browsed[i]!.key}=${browsed[i]!.value}`).toBe(model.get(fetched[i]!));
            }
            // Without compaction every record from the log start offset on is still there.
            if (!compacted) {
              const expected = [...model.keys()].filter((o) => o >= lso).sort((a, b) => a - b);
              expect(fetched).toEqual(expected);
            }
            // Compaction never removes the latest value of a key.
            const latest = new Map<string, number>();
            for (const [offset, kv] of model) {
              if (offset >= lso) latest.set(kv.slice(0, kv.indexOf('=')), offset);
            }
            const present = new Set(fetched);
            for (const [key, offset] of latest) {
              if (key !== 'null' && !model.get(offset)!.endsWith('=null')) {
                expect(present.has(offset)).toBe(true);
              }
            }
            // Bookkeeping agrees with the segments.
            const segments = log.segments;
            expect(segments.reduce((n, s) => n + s.sizeInBytes, 0)).toBe(log.sizeInBytes);
            expect(segments.reduce((n, s) => n + s.recordCount, 0)).toBe(log.recordCount);
            expect(segments[0]!.baseOffset).toBeLessThanOrEqual(lso);
            expect(segments[segments.length - 1]!.nextOffset).toBe(leo);
            for (let i = 1; i < segments.length; i++) {
              expect(segments[i]!.baseOffset).toBeGreaterThanOrEqual(segments[i - 1]!.nextOffset);
            }
            const epochs = log.epochEntries;
            for (let i = 1; i < epochs.length; i++) {
              expect(epochs[i]!.epoch).toBeGreaterThan(epochs[i - 1]!.epoch);
              expect(epochs[i]!.startOffset).toBeGreaterThan(epochs[i - 1]!.startOffset);
            }
            expect(fetchAll(follower, 1 << 20).every((o) => o < follower.logEndOffset)).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
