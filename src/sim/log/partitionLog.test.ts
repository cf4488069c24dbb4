import { describe, expect, it } from 'vitest';
import { KafkaError } from '../protocol/errors';
import { batchSizeInBytes } from './recordSize';
import { defaultLogConfig } from './logConfig';
import type { LogConfig } from './logConfig';
import { InvalidRecordError, UnexpectedAppendOffsetError } from './logErrors';
import { PartitionLog } from './partitionLog';
import type { ProducerBatchData, RecordBatch } from './record';

const T0 = 1_700_000_000_000;

/** A producer batch of `n` records keyed k0…, valued v0…, all at `timestamp`. */
function data(n: number, timestamp = T0, prefix = ''): ProducerBatchData {
  return {
    producerId: -1,
    producerEpoch: -1,
    baseSequence: -1,
    keys: Array.from({ length: n }, (_, i) => `${prefix}k${i}`),
    values: Array.from({ length: n }, (_, i) => `${prefix}v${i}`),
    timestamps: Array.from({ length: n }, () => timestamp),
    headers: null,
  };
}

function logWith(overrides: Partial<LogConfig> = {}, startOffset = 0): PartitionLog {
  return new PartitionLog({ ...defaultLogConfig, ...overrides }, T0, startOffset);
}

function batchesOf(result: ReturnType<PartitionLog['read']>): RecordBatch[] {
  if (!Array.isArray(result)) throw new Error(result.error);
  return result;
}

const offsets = (log: PartitionLog, from = 0, to = Infinity) =>
  log.records(from, to, Infinity).map((r) => r.offset);

describe('PartitionLog append and read', () => {
  it('appendAsLeader assigns offsets from the log end offset and reuses the producer columns', () => {
    const log = logWith();
    const first = data(3);
    const a = log.appendAsLeader(first, 0, T0);
    const b = log.appendAsLeader(data(2), 0, T0);
    expect([a.baseOffset, a.lastOffset, b.baseOffset, b.lastOffset]).toEqual([0, 2, 3, 4]);
    expect(a.keys).toBe(first.keys);
    expect(a.values).toBe(first.values);
    expect(a.timestamps).toBe(first.timestamps);
    expect(a.sizeInBytes).toBe(batchSizeInBytes(first));
    expect(log.logEndOffset).toBe(5);
    expect(log.recordCount).toBe(5);
    expect(log.sizeInBytes).toBe(a.sizeInBytes + b.sizeInBytes);
    expect(offsets(log)).toEqual([0, 1, 2, 3, 4]);
    expect(log.records(3, 5, 10)[0]).toEqual({
      offset: 3,
      timestamp: T0,
      key: 'k0',
      value: 'v0',
      headers: [],
      leaderEpoch: 0,
    });
  });

  it('a log created at startOffset 100 hands out offsets from 100', () => {
    const log = logWith({}, 100);
    expect(log.appendAsLeader(data(2), 0, T0).baseOffset).toBe(100);
    expect([log.logStartOffset, log.logEndOffset]).toEqual([100, 102]);
  });

  it('appendAsFollower stores the leader’s batch object itself and rejects one below its LEO', () => {
    const leader = logWith();
    const follower = logWith();
    const batch = leader.appendAsLeader(data(4), 3, T0);
    follower.appendAsFollower(batch, T0);
    expect(batchesOf(follower.read(0, 1 << 20, 4))[0]).toBe(batch);
    expect(follower.latestEpoch).toBe(3);
    expect(() => follower.appendAsFollower(batch, T0)).toThrow(UnexpectedAppendOffsetError);
  });

  it('appendAsFollower accepts a gap left by the leader’s compaction', () => {
    const leader = logWith();
    const follower = logWith();
    leader.appendAsLeader(data(2), 0, T0);
    const later = leader.appendAsLeader(data(2), 0, T0);
    follower.appendAsFollower(later, T0);
    expect(follower.logEndOffset).toBe(4);
    expect(offsets(follower)).toEqual([2, 3]);
  });

  it('a batch over max.message.bytes fails with MESSAGE_TOO_LARGE and is not appended', () => {
    const log = logWith({ maxMessageBytes: 100 });
    expect(() => log.appendAsLeader(data(10), 0, T0)).toThrow(KafkaError);
    expect(() => log.appendAsLeader(data(10), 0, T0)).toThrow(/max.message.bytes/);
    expect(log.logEndOffset).toBe(0);
  });

  it('a record without key on a compacted topic fails with INVALID_RECORD', () => {
    const log = logWith({ cleanupPolicy: ['compact'] });
    const keyless = { ...data(2), keys: ['k', null] };
    expect(() => log.appendAsLeader(keyless, 0, T0)).toThrow(InvalidRecordError);
    expect(log.logEndOffset).toBe(0);
  });

  it('message.timestamp.type=LogAppendTime stamps every record with the broker time', () => {
    const log = logWith({ messageTimestampType: 'LogAppendTime' });
    const batch = log.appendAsLeader(data(2, 5), 0, T0 + 7);
    expect(batch.maxTimestamp).toBe(T0 + 7);
    expect(log.records(0, 2, 10).map((r) => r.timestamp)).toEqual([T0 + 7, T0 + 7]);
  });

  it('read returns whole batches from the one holding fromOffset, up to maxBytes but at least one', () => {
    const log = logWith();
    const batches = [data(3), data(3), data(3)].map((d) => log.appendAsLeader(d, 0, T0));
    const size = batches[0]!.sizeInBytes;
    expect(batchesOf(log.read(4, 2 * size, 9))).toEqual([batches[1], batches[2]]);
    expect(batchesOf(log.read(4, size + 1, 9))).toEqual([batches[1]]);
    expect(batchesOf(log.read(0, 1, 9))).toEqual([batches[0]]); // first batch always returned
  });

  it('read never returns a batch whose base offset is at or above maxOffsetExclusive', () => {
    const log = logWith();
    const [b0, b1] = [data(3), data(3), data(3)].map((d) => log.appendAsLeader(d, 0, T0));
    expect(batchesOf(log.read(0, 1 << 20, 3))).toEqual([b0]);
    expect(batchesOf(log.read(0, 1 << 20, 4))).toEqual([b0, b1]);
    expect(batchesOf(log.read(3, 1 << 20, 3))).toEqual([]);
  });

  it('read at the LEO is empty; below the log start offset or above the LEO is OFFSET_OUT_OF_RANGE', () => {
    const log = logWith({}, 10);
    log.appendAsLeader(data(3), 0, T0);
    expect(batchesOf(log.read(13, 1000, 13))).toEqual([]);
    expect(log.read(9, 1000, 13)).toEqual({
      error: 'OFFSET_OUT_OF_RANGE',
      logStartOffset: 10,
      logEndOffset: 13,
    });
    expect(log.read(14, 1000, 13)).toMatchObject({ error: 'OFFSET_OUT_OF_RANGE' });
  });

  it('one read stays within one segment, as LocalLog.read does', () => {
    const size = batchSizeInBytes(data(2));
    const log = logWith({ segmentBytes: size * 2 });
    for (let i = 0; i < 4; i++) log.appendAsLeader(data(2), 0, T0);
    expect(log.segments.map((s) => s.baseOffset)).toEqual([0, 4]);
    expect(batchesOf(log.read(0, 1 << 20, 8)).map((b) => b.baseOffset)).toEqual([0, 2]);
    expect(batchesOf(log.read(4, 1 << 20, 8)).map((b) => b.baseOffset)).toEqual([4, 6]);
  });

  it('records honors the range and the limit', () => {
    const log = logWith();
    log.appendAsLeader(data(5), 0, T0);
    log.appendAsLeader(data(5), 0, T0);
    expect(offsets(log, 3, 7)).toEqual([3, 4, 5, 6]);
    expect(log.records(2, 100, 4).map((r) => r.offset)).toEqual([2, 3, 4, 5]);
    expect(log.records(8, 100, 100).map((r) => r.offset)).toEqual([8, 9]);
  });
});

describe('PartitionLog segments', () => {
  it('rolls a new segment when the next batch would push the active one past segment.bytes', () => {
    const size = batchSizeInBytes(data(2));
    const log = logWith({ segmentBytes: 2 * size + 10 });
    for (let i = 0; i < 5; i++) log.appendAsLeader(data(2), 0, T0);
    expect(log.segments.map((s) => [s.baseOffset, s.nextOffset, s.batchCount])).toEqual([
      [0, 4, 2],
      [4, 8, 2],
      [8, 10, 1],
    ]);
    expect(log.segments.reduce((sum, s) => sum + s.sizeInBytes, 0)).toBe(log.sizeInBytes);
  });

  it('rolls when a batch is more than segment.ms newer than the first batch of the segment', () => {
    const log = logWith({ segmentMs: 1000 });
    log.appendAsLeader(data(1, T0), 0, T0);
    log.appendAsLeader(data(1, T0 + 1000), 0, T0 + 1000);
    expect(log.segments).toHaveLength(1);
    log.appendAsLeader(data(1, T0 + 1001), 0, T0 + 1001);
    expect(log.segments.map((s) => [s.baseOffset, s.createdAtMs])).toEqual([
      [0, T0],
      [2, T0 + 1001],
    ]);
  });
});

describe('PartitionLog truncation and leader epochs', () => {
  it('truncateTo mid-batch keeps a sliced copy and leaves the shared batch untouched', () => {
    const leader = logWith();
    const follower = logWith();
    const a = leader.appendAsLeader(data(5), 0, T0);
    const b = leader.appendAsLeader(data(5), 1, T0);
    follower.appendAsFollower(a, T0);
    follower.appendAsFollower(b, T0);
    expect(follower.truncateTo(7)).toBe(true);
    expect(follower.logEndOffset).toBe(7);
    expect(offsets(follower)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const sliced = batchesOf(follower.read(5, 1 << 20, 7))[0]!;
    expect(sliced).not.toBe(b);
    expect([sliced.baseOffset, sliced.lastOffset, sliced.keys.length]).toEqual([5, 6, 2]);
    expect(b.keys).toHaveLength(5);
    expect(offsets(leader)).toHaveLength(10);
    expect(follower.recordCount).toBe(7);
    expect(follower.sizeInBytes).toBe(a.sizeInBytes + sliced.sizeInBytes);
    expect(follower.truncateTo(7)).toBe(false);
  });

  it('truncateTo drops later segments and the epochs starting at or after the offset', () => {
    const size = batchSizeInBytes(data(2));
    const log = logWith({ segmentBytes: size });
    log.appendAsLeader(data(2), 0, T0);
    log.appendAsLeader(data(2), 1, T0);
    log.appendAsLeader(data(2), 2, T0);
    expect(log.segments).toHaveLength(3);
    log.truncateTo(2);
    expect(log.segments.map((s) => [s.baseOffset, s.nextOffset])).toEqual([
      [0, 2],
      [2, 2],
    ]);
    expect(log.epochEntries).toEqual([{ epoch: 0, startOffset: 0 }]);
    expect(log.appendAsLeader(data(1), 3, T0).baseOffset).toBe(2);
  });

  it('truncateTo at the log end still drops an epoch a former leader never appended to', () => {
    // UnifiedLog.truncateTo: "we may have a conflicting epoch entry at the end of the log".
    const log = logWith();
    log.appendAsLeader(data(2), 0, T0);
    log.assignEpochStartOffset(1);
    expect(log.latestEpoch).toBe(1);
    expect(log.truncateTo(2)).toBe(false);
    expect(log.epochEntries).toEqual([{ epoch: 0, startOffset: 0 }]);
    expect(log.logEndOffset).toBe(2);
  });

  it('truncateFullyAndStartAt empties the log and restarts it at the offset', () => {
    const log = logWith();
    log.appendAsLeader(data(3), 0, T0);
    log.truncateFullyAndStartAt(50);
    expect([log.logStartOffset, log.logEndOffset, log.recordCount, log.sizeInBytes]).toEqual([
      50, 50, 0, 0,
    ]);
    expect(log.latestEpoch).toBe(-1);
    expect(log.appendAsLeader(data(1), 4, T0).baseOffset).toBe(50);
  });

  it('endOffsetForEpoch answers OffsetsForLeaderEpoch from the epoch cache (KIP-279)', () => {
    const log = logWith();
    log.appendAsLeader(data(3), 0, T0); // epoch 0: 0..2
    log.appendAsLeader(data(3), 2, T0); // epoch 2: 3..5
    expect(log.endOffsetForEpoch(0)).toEqual({ leaderEpoch: 0, endOffset: 3 });
    expect(log.endOffsetForEpoch(1)).toEqual({ leaderEpoch: 0, endOffset: 3 });
    expect(log.endOffsetForEpoch(2)).toEqual({ leaderEpoch: 2, endOffset: 6 });
    expect(log.endOffsetForEpoch(3)).toEqual({ leaderEpoch: -1, endOffset: -1 });
    expect(log.endOffsetForEpoch(-1)).toEqual({ leaderEpoch: -1, endOffset: -1 });
    log.assignEpochStartOffset(5); // became leader in epoch 5 at LEO 6
    expect(log.endOffsetForEpoch(2)).toEqual({ leaderEpoch: 2, endOffset: 6 });
    expect(log.endOffsetForEpoch(5)).toEqual({ leaderEpoch: 5, endOffset: 6 });
  });
});

describe('PartitionLog offsets by timestamp and delete-records', () => {
  it('offsetForTimestamp finds the earliest offset whose timestamp is at or after the target', () => {
    const size = batchSizeInBytes(data(2));
    const log = logWith({ segmentBytes: size * 2 + 10 });
    log.appendAsLeader({ ...data(2), timestamps: [100, 200] }, 0, T0);
    log.appendAsLeader({ ...data(2), timestamps: [150, 250] }, 0, T0);
    log.appendAsLeader({ ...data(2), timestamps: [300, 300] }, 0, T0);
    expect(log.segments).toHaveLength(2);
    expect([0, 100, 101, 150, 201, 250, 251, 300].map((t) => log.offsetForTimestamp(t))).toEqual([
      0, 0, 1, 1, 3, 3, 4, 4,
    ]);
    expect(log.offsetForTimestamp(301)).toBeUndefined();
    expect([log.offsetForTimestamp(-2), log.offsetForTimestamp(-1)]).toEqual([0, 6]);
    log.deleteRecordsBefore(2);
    expect(log.offsetForTimestamp(0)).toBe(2);
  });

  it('deleteRecordsBefore moves the log start offset, never past the high watermark', () => {
    const size = batchSizeInBytes(data(2));
    const log = logWith({ segmentBytes: size });
    for (let epoch = 0; epoch < 3; epoch++) log.appendAsLeader(data(2), epoch, T0);
    expect(log.deleteRecordsBefore(5, 4)).toEqual({
      error: 'OFFSET_OUT_OF_RANGE',
      logStartOffset: 0,
    });
    expect(log.deleteRecordsBefore(3, 4)).toEqual({ error: 'NONE', logStartOffset: 3 });
    expect(log.deleteRecordsBefore(1, 4)).toEqual({ error: 'NONE', logStartOffset: 3 });
    expect(log.read(2, 1000, 6)).toMatchObject({ error: 'OFFSET_OUT_OF_RANGE' });
    expect(offsets(log)).toEqual([3, 4, 5]);
    expect(log.epochEntries).toEqual([
      { epoch: 1, startOffset: 3 },
      { epoch: 2, startOffset: 4 },
    ]);
    expect(log.segments).toHaveLength(3); // segments go at the next retention check
    expect(log.applyRetention(T0, 4)).toEqual({ deletedSegments: 1, logStartOffset: 3 });
    expect(log.segments.map((s) => s.baseOffset)).toEqual([2, 4]);
  });
});

describe('PartitionLog retention', () => {
  const size = batchSizeInBytes(data(2));
  const day = 86_400_000;

  /** Three closed segments at T0, T0+1d, T0+2d and an active one at T0+3d. */
  function fourSegments(overrides: Partial<LogConfig> = {}): PartitionLog {
    const log = logWith({ segmentBytes: size, ...overrides });
    for (let d = 0; d < 4; d++) log.appendAsLeader(data(2, T0 + d * day), 0, T0 + d * day);
    return log;
  }

  it('retention.ms deletes the segments whose newest record expired, oldest first', () => {
    const log = fourSegments({ retentionMs: 2 * day });
    const result = log.applyRetention(T0 + 3 * day - 1, 8);
    expect(result).toEqual({ deletedSegments: 1, logStartOffset: 2 });
    expect(log.segments.map((s) => s.baseOffset)).toEqual([2, 4, 6]);
    expect(offsets(log)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('retention never deletes a segment that reaches past the high watermark', () => {
    const log = fourSegments({ retentionMs: 0 });
    expect(log.applyRetention(T0 + 10 * day, 3)).toEqual({ deletedSegments: 1, logStartOffset: 2 });
    expect(log.applyRetention(T0 + 10 * day, 5)).toEqual({ deletedSegments: 1, logStartOffset: 4 });
    expect(log.segments.map((s) => s.baseOffset)).toEqual([4, 6]);
  });

  it('retention deletes an expired active segment only once the HW reaches the LEO, rolling a new empty one first', () => {
    const log = fourSegments({ retentionMs: day });
    expect(log.applyRetention(T0 + 10 * day, 7).deletedSegments).toBe(3);
    expect(log.segments.map((s) => s.baseOffset)).toEqual([6]);
    expect(log.applyRetention(T0 + 10 * day, 8)).toEqual({ deletedSegments: 1, logStartOffset: 8 });
    expect(log.segments.map((s) => [s.baseOffset, s.sizeInBytes])).toEqual([[8, 0]]);
    expect([log.logEndOffset, log.recordCount, log.sizeInBytes]).toEqual([8, 0, 0]);
    expect(log.applyRetention(T0 + 20 * day, 8).deletedSegments).toBe(0); // empty active stays
    expect(log.appendAsLeader(data(1), 0, T0 + 20 * day).baseOffset).toBe(8);
  });

  it('retention.bytes deletes the oldest segments while the remainder stays at least retention.bytes', () => {
    const log = fourSegments({ retentionBytes: 2 * size + 1 });
    expect(log.applyRetention(T0 + 3 * day, 8)).toEqual({ deletedSegments: 1, logStartOffset: 2 });
    expect(log.sizeInBytes).toBe(3 * size);
    const exact = fourSegments({ retentionBytes: 2 * size });
    expect(exact.applyRetention(T0 + 3 * day, 8).deletedSegments).toBe(2);
    expect(exact.sizeInBytes).toBe(2 * size);
  });

  it('cleanup.policy=compact ignores retention.ms and retention.bytes', () => {
    const log = fourSegments({ cleanupPolicy: ['compact'], retentionMs: 0, retentionBytes: 0 });
    expect(log.applyRetention(T0 + 10 * day, 8).deletedSegments).toBe(0);
    expect(log.recordCount).toBe(8);
  });
});
