/**
 * The log of one partition replica: segments of immutable batches, the log start and end offsets,
 * the leader epoch cache, retention and compaction. Pure and deterministic: time comes in as `now`
 * (virtual epoch ms). Batches are shared by reference between the leader and its followers.
 * Sources: core/src/main/scala/kafka/log/UnifiedLog.scala, storage/src/main/java/org/apache/kafka/
 * storage/internals/log/{LocalLog,LogSegment}.java, https://kafka.apache.org/documentation/#log
 */
import { KafkaError } from '../protocol/errors';
import type { LogEntry } from './batchRecords';
import { createLeaderBatch } from './batches';
import type { StoredBatch } from './batches';
import { LeaderEpochCache } from './leaderEpochCache';
import type { EpochEndOffset, EpochEntry } from './leaderEpochCache';
import { cleanLog } from './logCleaner';
import type { LogConfig } from './logConfig';
import { InvalidRecordError, UnexpectedAppendOffsetError } from './logErrors';
import { collectRecords, findOffsetByTimestamp, readBatches } from './logReads';
import type {
  CompactionResult,
  DeleteRecordsResult,
  OffsetOutOfRange,
  RetentionResult,
} from './logResults';
import { LogSegment } from './logSegment';
import type { SegmentInfo } from './logSegment';
import type { ProducerBatchData, RecordBatch } from './record';
import {
  countDeletableSegments,
  logStartOffsetBreached,
  retentionMsBreached,
  retentionSizeBreached,
} from './retention';
import type { SegmentPredicate } from './retention';

export type {
  CompactionResult,
  DeleteRecordsResult,
  OffsetOutOfRange,
  RetentionResult,
} from './logResults';

/** ListOffsets' `EARLIEST_TIMESTAMP`: ask for the log start offset (`ListOffsetsRequest`). */
export const EARLIEST_TIMESTAMP = -2;
/** ListOffsets' `LATEST_TIMESTAMP`: ask for the log end offset (`ListOffsetsRequest`). */
export const LATEST_TIMESTAMP = -1;

/** The log of one partition replica (`UnifiedLog` + `LocalLog`). */
export class PartitionLog {
  private cfg: LogConfig;
  private segs: LogSegment[];
  private startOffset: number;
  private endOffset: number;
  private bytes = 0;
  private count = 0;
  private readonly epochs = new LeaderEpochCache();
  /** The cleaner checkpoint: first offset not yet cleaned. */
  private firstDirtyOffset: number | undefined;
  /** Latest virtual time seen, for operations that take no `now`. */
  private clock: number;

  /**
   * An empty log whose first offset will be `startOffset`.
   * @param now virtual time, epoch ms
   */
  constructor(config: LogConfig, now: number, startOffset = 0) {
    this.cfg = config;
    this.clock = now;
    this.startOffset = startOffset;
    this.endOffset = startOffset;
    this.segs = [new LogSegment(startOffset, now)];
  }

  /** First offset a consumer may read (the low watermark). */
  get logStartOffset(): number {
    return this.startOffset;
  }
  /** Offset the next appended record gets (LEO). */
  get logEndOffset(): number {
    return this.endOffset;
  }
  /** ListOffsets earliest: same as {@link logStartOffset}. */
  get earliestOffset(): number {
    return this.startOffset;
  }
  /** ListOffsets latest: same as {@link logEndOffset}. */
  get latestOffset(): number {
    return this.endOffset;
  }
  /** Bytes of all segments (as the `Size` metric: records below the log start offset count until their segment is deleted). */
  get sizeInBytes(): number {
    return this.bytes;
  }
  /** Records stored in all segments, counted like {@link sizeInBytes}. */
  get recordCount(): number {
    return this.count;
  }
  /** Plain facts about each segment, oldest first; the last is the active segment. */
  get segments(): readonly SegmentInfo[] {
    return this.segs.map((s) => s.info());
  }
  /** Latest leader epoch in the epoch cache, -1 (UNDEFINED_EPOCH) if none. */
  get latestEpoch(): number {
    return this.epochs.latestEpoch;
  }
  /** The leader epoch cache entries (epoch → start offset), oldest first. */
  get epochEntries(): EpochEntry[] {
    return this.epochs.epochEntries();
  }
  /** The configuration in force. */
  get config(): LogConfig {
    return this.cfg;
  }

  /** Replaces the configuration; it applies from the next append, retention or cleaning. */
  updateConfig(config: LogConfig): void {
    this.cfg = config;
  }

  /**
   * Appends a producer's batch as leader: offsets from the log end offset, stamped with
   * `leaderEpoch` (`UnifiedLog.appendAsLeader`). Reuses the column arrays of `data`.
   * @throws KafkaError `MESSAGE_TOO_LARGE` when the batch exceeds `max.message.bytes`
   * @throws InvalidRecordError `INVALID_RECORD` for a record without key on a compacted topic
   */
  appendAsLeader(data: ProducerBatchData, leaderEpoch: number, now: number): RecordBatch {
    const n = data.keys.length;
    const { values, timestamps, headers } = data;
    if (
      n === 0 ||
      values.length !== n ||
      timestamps.length !== n ||
      (headers !== null && headers.length !== n)
    ) {
      throw new RangeError(`A batch needs 1+ records and columns of equal length, got ${n}`);
    }
    if (this.cfg.cleanupPolicy.includes('compact') && data.keys.includes(null)) {
      throw new InvalidRecordError('Compacted topic cannot accept message without key');
    }
    const logAppendTime = this.cfg.messageTimestampType === 'LogAppendTime' ? now : null;
    const batch = createLeaderBatch(data, this.endOffset, leaderEpoch, logAppendTime);
    if (batch.sizeInBytes > this.cfg.maxMessageBytes) {
      throw new KafkaError(
        'MESSAGE_TOO_LARGE',
        `The batch is ${batch.sizeInBytes} bytes, larger than max.message.bytes=${this.cfg.maxMessageBytes}`,
      );
    }
    this.appendBatch(batch, now);
    return batch;
  }

  /**
   * Appends a batch fetched from the leader, the same object (`UnifiedLog.appendAsFollower`). Its
   * base offset may be above the log end offset (the leader compacted the gap away), never below.
   * @throws UnexpectedAppendOffsetError when the batch starts below the log end offset
   */
  appendAsFollower(batch: RecordBatch, now: number): void {
    if (batch.baseOffset < this.endOffset) {
      throw new UnexpectedAppendOffsetError(batch.baseOffset, this.endOffset);
    }
    this.appendBatch(batch, now);
  }

  /**
   * Records that `leaderEpoch` starts at `startOffset` (default: the log end offset), as a replica
   * does when it becomes leader (`maybeAssignEpochStartOffset` from `Partition.makeLeader`).
   */
  assignEpochStartOffset(leaderEpoch: number, startOffset = this.endOffset): void {
    this.epochs.assign(leaderEpoch, startOffset);
  }

  private appendBatch(batch: StoredBatch, now: number): void {
    this.clock = now;
    let active = this.segs[this.segs.length - 1]!;
    if (active.sizeInBytes > 0 && this.shouldRoll(active, batch, now)) {
      active = this.roll(batch.baseOffset, now);
    }
    active.append(batch, now);
    this.endOffset = batch.lastOffset + 1;
    this.bytes += batch.sizeInBytes;
    this.count += batch.keys.length;
    if (batch.partitionLeaderEpoch >= 0) {
      this.epochs.assign(batch.partitionLeaderEpoch, batch.baseOffset);
    }
  }

  /**
   * `LogSegment.shouldRoll` (segment.jitter.ms = 0): the batch would push the segment past
   * segment.bytes, or its timestamp is more than segment.ms after the segment's first batch (the
   * segment's age by the clock when that batch has no timestamp).
   */
  private shouldRoll(active: LogSegment, batch: StoredBatch, now: number): boolean {
    const first = active.firstBatchTimestamp;
    const waited = first >= 0 ? batch.maxTimestamp - first : now - active.createdAtMs;
    return (
      active.sizeInBytes > this.cfg.segmentBytes - batch.sizeInBytes || waited > this.cfg.segmentMs
    );
  }

  /** Starts a new active segment at max(expectedNextOffset, LEO) (`LocalLog.roll`). */
  private roll(expectedNextOffset: number, now: number): LogSegment {
    const segment = new LogSegment(Math.max(expectedNextOffset, this.endOffset), now);
    this.segs.push(segment);
    return segment;
  }

  /**
   * Fetch: the whole batches holding offsets from `fromOffset`, up to `maxBytes` but always the
   * first one (KIP-74), none whose base offset is ≥ `maxOffsetExclusive` (the high watermark for
   * consumers, the LEO for followers). Like `LocalLog.read`, one read stays within one segment,
   * moving on only past segments with nothing at or after `fromOffset`. The first batch may start
   * below `fromOffset` and the last may reach past `maxOffsetExclusive`: the caller filters records.
   * O(log segments + log batches + batches returned).
   * @returns the batches (a new array, possibly empty), or {@link OffsetOutOfRange} when `fromOffset`
   * is below the log start offset or above the log end offset
   */
  read(
    fromOffset: number,
    maxBytes: number,
    maxOffsetExclusive: number,
  ): RecordBatch[] | OffsetOutOfRange {
    if (fromOffset < this.startOffset || fromOffset > this.endOffset) {
      return {
        error: 'OFFSET_OUT_OF_RANGE',
        logStartOffset: this.startOffset,
        logEndOffset: this.endOffset,
      };
    }
    return readBatches(this.segs, fromOffset, maxBytes, maxOffsetExclusive);
  }

  /**
   * The records with offsets in [max(fromOffset, logStartOffset), min(maxOffsetExclusive, LEO)),
   * at most `limit`, for the message browser and simple consumers. Allocates one object per record
   * returned.
   */
  records(fromOffset: number, maxOffsetExclusive: number, limit: number): LogEntry[] {
    const from = Math.max(fromOffset, this.startOffset);
    const to = Math.min(maxOffsetExclusive, this.endOffset);
    return collectRecords(this.segs, from, to, limit);
  }

  /**
   * Removes every record at or after `offset` (`UnifiedLog.truncateTo`), as a follower does when
   * its log diverged from the new leader's (KIP-279). A batch straddling `offset` is replaced by a
   * sliced copy. Truncating below the first segment truncates fully and restarts at `offset`.
   * @returns whether anything was removed
   */
  truncateTo(offset: number): boolean {
    if (offset < 0) throw new RangeError(`Cannot truncate to a negative offset ${offset}`);
    if (offset >= this.endOffset) {
      // Kafka truncates the epoch cache anyway: a former leader may hold an epoch entry at the log
      // end that it never appended to, which would make the new leader report divergence forever.
      this.epochs.truncateFromEnd(this.endOffset);
      return false;
    }
    if (offset < this.segs[0]!.baseOffset) {
      this.truncateFullyAndStartAt(offset);
      return true;
    }
    const now = this.clock;
    while (this.segs[this.segs.length - 1]!.baseOffset > offset) {
      const removed = this.segs.pop()!;
      this.bytes -= removed.sizeInBytes;
      this.count -= removed.recordCount;
    }
    const removed = this.segs[this.segs.length - 1]!.truncateTo(offset, now);
    this.bytes -= removed.bytes;
    this.count -= removed.records;
    this.epochs.truncateFromEnd(offset);
    this.endOffset = offset;
    this.startOffset = Math.min(this.startOffset, offset);
    if (this.firstDirtyOffset !== undefined && this.firstDirtyOffset > offset) {
      this.firstDirtyOffset = offset;
    }
    return true;
  }

  /**
   * Deletes everything and restarts the log empty at `offset` (`UnifiedLog.truncateFullyAndStartAt`),
   * as a follower does when the leader's log start offset is past its log end offset.
   * @param now virtual time for the new segment's creation, default the latest time seen
   */
  truncateFullyAndStartAt(offset: number, now = this.clock): void {
    this.clock = now;
    this.segs = [new LogSegment(offset, now)];
    this.bytes = 0;
    this.count = 0;
    this.startOffset = offset;
    this.endOffset = offset;
    this.epochs.clear();
    this.firstDirtyOffset = undefined;
  }

  /** OffsetsForLeaderEpoch (KIP-101/279): `LeaderEpochFileCache.endOffsetFor(epoch, LEO)`. */
  endOffsetForEpoch(epoch: number): EpochEndOffset {
    return this.epochs.endOffsetFor(epoch, this.endOffset);
  }

  /**
   * ListOffsets by timestamp (KIP-79, `UnifiedLog.fetchOffsetByTimestamp`): the earliest offset ≥
   * the log start offset whose record timestamp is ≥ `timestamp`, found through the time index;
   * undefined if no record is that recent. -2 and -1 (EARLIEST and LATEST) give the log start and
   * end offsets.
   */
  offsetForTimestamp(timestamp: number): number | undefined {
    if (timestamp === EARLIEST_TIMESTAMP) return this.startOffset;
    if (timestamp === LATEST_TIMESTAMP) return this.endOffset;
    return findOffsetByTimestamp(this.segs, this.startOffset, timestamp);
  }

  /**
   * DeleteRecords (KIP-107, kafka-delete-records.sh): moves the log start offset up to `offset`
   * (`UnifiedLog.maybeIncrementLogStartOffset`); segments below it go at the next
   * {@link applyRetention}. `OFFSET_OUT_OF_RANGE` when `offset` is negative or above the high
   * watermark; an offset below the log start offset changes nothing.
   * @param highWatermark the partition's high watermark, default the log end offset
   */
  deleteRecordsBefore(offset: number, highWatermark = this.endOffset): DeleteRecordsResult {
    if (offset < 0 || offset > highWatermark || offset > this.endOffset) {
      return { error: 'OFFSET_OUT_OF_RANGE', logStartOffset: this.startOffset };
    }
    this.incrementLogStartOffset(offset);
    return { error: 'NONE', logStartOffset: this.startOffset };
  }

  private incrementLogStartOffset(offset: number): void {
    if (offset <= this.startOffset) return;
    this.startOffset = offset;
    this.epochs.truncateFromStart(offset);
  }

  /**
   * One run of the retention check (`UnifiedLog.deleteOldSegments`, every
   * log.retention.check.interval.ms): deletes segments below the log start offset, then with
   * cleanup.policy delete the oldest segments beyond retention.bytes and those older than
   * retention.ms. Never deletes a segment reaching past `highWatermark` nor an empty active
   * segment; a non-empty active segment that must go is first replaced by a new empty one.
   * @param now virtual time, epoch ms
   */
  applyRetention(now: number, highWatermark: number): RetentionResult {
    this.clock = now;
    let deleted = this.deleteOldSegments(
      now,
      highWatermark,
      logStartOffsetBreached(this.startOffset),
    );
    if (this.cfg.cleanupPolicy.includes('delete')) {
      const { retentionBytes, retentionMs } = this.cfg;
      if (retentionBytes >= 0 && this.bytes >= retentionBytes) {
        const predicate = retentionSizeBreached(this.bytes, retentionBytes);
        deleted += this.deleteOldSegments(now, highWatermark, predicate);
      }
      if (retentionMs >= 0) {
        const predicate = retentionMsBreached(now, retentionMs);
        deleted += this.deleteOldSegments(now, highWatermark, predicate);
      }
    }
    return { deletedSegments: deleted, logStartOffset: this.startOffset };
  }

  /** `UnifiedLog.deleteOldSegments(predicate)` + `deleteSegments`. */
  private deleteOldSegments(
    now: number,
    highWatermark: number,
    predicate: SegmentPredicate,
  ): number {
    const count = countDeletableSegments(this.segs, this.endOffset, highWatermark, predicate);
    if (count === 0) return 0;
    if (count === this.segs.length) this.roll(this.endOffset, now);
    for (const segment of this.segs.splice(0, count)) {
      this.bytes -= segment.sizeInBytes;
      this.count -= segment.recordCount;
    }
    this.incrementLogStartOffset(this.segs[0]!.baseOffset);
    return count;
  }

  /**
   * One log cleaner round (cleanup.policy compact): keeps only the last record per key in the
   * segments below the active segment, the high watermark and min.compaction.lag.ms, if the dirty
   * ratio exceeds min.cleanable.dirty.ratio (or `ignoreDirtyRatio`). Offsets never change; the last
   * batch of the round is kept even when emptied, so the LEO and consumers' positions hold. Records
   * without key are dropped, as Kafka's cleaner does (the leader rejects them on compacted topics).
   * @param now virtual time, epoch ms
   */
  compact(
    now: number,
    highWatermark: number,
    options: { ignoreDirtyRatio?: boolean } = {},
  ): CompactionResult {
    this.clock = now;
    if (!this.cfg.cleanupPolicy.includes('compact')) {
      return {
        removedRecords: 0,
        removedTombstones: 0,
        cleanedSegments: 0,
        cleanableRatio: 0,
        skipped: 'NOT_COMPACTED',
      };
    }
    const outcome = cleanLog({
      segments: this.segs,
      logStartOffset: this.startOffset,
      logEndOffset: this.endOffset,
      highWatermark,
      firstDirtyOffset: this.firstDirtyOffset,
      now,
      config: this.cfg,
      ignoreDirtyRatio: options.ignoreDirtyRatio ?? false,
    });
    this.firstDirtyOffset = outcome.firstDirtyOffset;
    if (outcome.replacedSegments > 0) {
      this.segs.splice(0, outcome.replacedSegments, ...outcome.segments);
      this.bytes = 0;
      this.count = 0;
      for (const segment of this.segs) {
        this.bytes += segment.sizeInBytes;
        this.count += segment.recordCount;
      }
    }
    return {
      removedRecords: outcome.removedRecords,
      removedTombstones: outcome.removedTombstones,
      cleanedSegments: outcome.replacedSegments,
      cleanableRatio: outcome.cleanableRatio,
      skipped: outcome.skipped,
    };
  }
}
