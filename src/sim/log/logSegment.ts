/**
 * One segment of a partition's log: the batches from `baseOffset` up to the next segment, with
 * the bookkeeping Kafka keeps in its .index/.timeindex files as arrays searched by bisection.
 * Source: storage/src/main/java/org/apache/kafka/storage/internals/log/LogSegment.java
 */
import { NO_TIMESTAMP, indexOfOffset, sliceBatch } from './batches';
import type { StoredBatch } from './batches';

/** Plain, serializable facts about one segment, for snapshots and the UI. */
export interface SegmentInfo {
  /** Offset the segment starts at (its file name in Kafka: `00000000000000000042.log`). */
  readonly baseOffset: number;
  /** Offset after the segment's last batch (the base offset while it is empty). */
  readonly nextOffset: number;
  /** Bytes of all its batches. */
  readonly sizeInBytes: number;
  /** Records in its batches. */
  readonly recordCount: number;
  readonly batchCount: number;
  /** Virtual time the segment was created (rolled), epoch ms. */
  readonly createdAtMs: number;
  /** Virtual time of the last write to the segment (append or cleaning), epoch ms. */
  readonly lastModifiedMs: number;
  /** Largest record timestamp in the segment, -1 while empty. */
  readonly maxTimestamp: number;
}

/** A segment of a {@link PartitionLog}; owned by one log, its batches shared between replicas. */
export class LogSegment {
  private readonly batchList: StoredBatch[] = [];
  /** runningMax[i] = max timestamp of batches 0..i: the time index, monotonic so bisectable. */
  private readonly runningMax: number[] = [];
  /** Offset after the last batch (the base offset while empty). */
  nextOffset: number;
  /** Bytes of all batches. */
  sizeInBytes = 0;
  /** Records in all batches. */
  recordCount = 0;
  /** Virtual time of the last append or cleaning, epoch ms (the file's mtime in Kafka). */
  lastModifiedMs: number;

  /**
   * @param baseOffset first offset the segment may hold
   * @param createdAtMs virtual time of creation (roll), epoch ms
   */
  constructor(
    readonly baseOffset: number,
    readonly createdAtMs: number,
  ) {
    this.nextOffset = baseOffset;
    this.lastModifiedMs = createdAtMs;
  }

  /** A segment holding `batches`, as the cleaner writes it to replace a group of segments. */
  static of(
    baseOffset: number,
    createdAtMs: number,
    lastModifiedMs: number,
    nextOffset: number,
    batches: readonly StoredBatch[],
  ): LogSegment {
    const segment = new LogSegment(baseOffset, createdAtMs);
    for (const batch of batches) segment.append(batch, lastModifiedMs);
    segment.lastModifiedMs = lastModifiedMs;
    segment.nextOffset = nextOffset;
    return segment;
  }

  /** The batches, oldest first. */
  get batches(): readonly StoredBatch[] {
    return this.batchList;
  }

  /** Largest record timestamp, or -1 while empty (`maxTimestampSoFar`). */
  get maxTimestamp(): number {
    return this.runningMax[this.runningMax.length - 1] ?? NO_TIMESTAMP;
  }

  /** `LogSegment.largestTimestamp`: the max timestamp, or the last-modified time if there is none. */
  get largestTimestamp(): number {
    const max = this.maxTimestamp;
    return max >= 0 ? max : this.lastModifiedMs;
  }

  /** Max timestamp of the first batch, the base of time-based rolling (`rollingBasedTimestamp`). */
  get firstBatchTimestamp(): number {
    return this.batchList[0]?.maxTimestamp ?? NO_TIMESTAMP;
  }

  /** Appends `batch`, whose base offset is at least {@link nextOffset}. */
  append(batch: StoredBatch, now: number): void {
    const runningMax = this.runningMax;
    const previous = runningMax[runningMax.length - 1] ?? NO_TIMESTAMP;
    this.batchList.push(batch);
    runningMax.push(batch.maxTimestamp > previous ? batch.maxTimestamp : previous);
    this.nextOffset = batch.lastOffset + 1;
    this.sizeInBytes += batch.sizeInBytes;
    this.recordCount += batch.keys.length;
    this.lastModifiedMs = now;
  }

  /** Index of the first batch with a last offset ≥ `offset` (`translateOffset`); length if none. */
  indexOfBatchFor(offset: number): number {
    const batches = this.batchList;
    let lo = 0;
    let hi = batches.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (batches[mid]!.lastOffset < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first batch with a max timestamp ≥ `timestamp`; length if none. */
  indexOfBatchAtOrAfterTime(timestamp: number): number {
    const runningMax = this.runningMax;
    let lo = 0;
    let hi = runningMax.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (runningMax[mid]! < timestamp) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Removes every record at or after `offset` (≥ {@link baseOffset}); a batch straddling `offset`
   * is replaced by its slice below it.
   * @returns the bytes and records removed
   */
  truncateTo(offset: number, now: number): { bytes: number; records: number } {
    const batches = this.batchList;
    const before = { bytes: this.sizeInBytes, records: this.recordCount };
    const keep = this.indexOfBatchFor(offset);
    let slice: StoredBatch | undefined;
    const straddling = batches[keep];
    if (straddling !== undefined && straddling.baseOffset < offset) {
      const count = indexOfOffset(straddling, offset);
      if (count > 0) slice = sliceBatch(straddling, count, offset - 1);
    }
    for (let i = batches.length - 1; i >= keep; i--) {
      const removed = batches[i]!;
      this.sizeInBytes -= removed.sizeInBytes;
      this.recordCount -= removed.keys.length;
    }
    batches.length = keep;
    this.runningMax.length = keep;
    if (slice !== undefined) this.append(slice, now);
    this.nextOffset = offset;
    if (before.bytes !== this.sizeInBytes) this.lastModifiedMs = now;
    return { bytes: before.bytes - this.sizeInBytes, records: before.records - this.recordCount };
  }

  /** Plain facts about this segment. */
  info(): SegmentInfo {
    return {
      baseOffset: this.baseOffset,
      nextOffset: this.nextOffset,
      sizeInBytes: this.sizeInBytes,
      recordCount: this.recordCount,
      batchCount: this.batchList.length,
      createdAtMs: this.createdAtMs,
      lastModifiedMs: this.lastModifiedMs,
      maxTimestamp: this.maxTimestamp,
    };
  }
}
