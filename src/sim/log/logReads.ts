/**
 * Lookups over a log's segments, by offset and by timestamp, all by bisection: the segment map
 * (`LogSegments.floorSegment`), the offset index (`LogSegment.translateOffset`) and the time index
 * (`LogSegment.findOffsetByTimestamp`). Source: storage/src/main/java/org/apache/kafka/storage/
 * internals/log/{LocalLog,LogSegment,LogSegments}.java
 */
import { expandBatch } from './batchRecords';
import type { LogEntry } from './batchRecords';
import { indexOfOffset, offsetAt } from './batches';
import type { LogSegment } from './logSegment';
import type { RecordBatch } from './record';

/** Index of the segment containing `offset`: the last one with a base offset ≤ it, or -1. */
export function floorSegmentIndex(segments: readonly LogSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (segments[mid]!.baseOffset <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * `LocalLog.read` on an offset already checked to be in range: whole batches from the one holding
 * `fromOffset`, within one segment (moving on only past segments with nothing at or after it), up
 * to `maxBytes` but at least one batch, none starting at or after `maxOffsetExclusive`.
 */
export function readBatches(
  segments: readonly LogSegment[],
  fromOffset: number,
  maxBytes: number,
  maxOffsetExclusive: number,
): RecordBatch[] {
  const batches: RecordBatch[] = [];
  if (fromOffset >= maxOffsetExclusive) return batches;
  for (let s = Math.max(0, floorSegmentIndex(segments, fromOffset)); s < segments.length; s++) {
    const segment = segments[s]!;
    const list = segment.batches;
    let bytes = 0;
    for (let b = segment.indexOfBatchFor(fromOffset); b < list.length; b++) {
      const batch = list[b]!;
      if (batch.baseOffset >= maxOffsetExclusive) break;
      if (batches.length > 0 && bytes + batch.sizeInBytes > maxBytes) break;
      batches.push(batch);
      bytes += batch.sizeInBytes;
    }
    if (batches.length > 0 || segment.nextOffset >= maxOffsetExclusive) break;
  }
  return batches;
}

/** The records with offsets in [from, to), at most `limit`, across segments. */
export function collectRecords(
  segments: readonly LogSegment[],
  from: number,
  to: number,
  limit: number,
): LogEntry[] {
  const out: LogEntry[] = [];
  if (from >= to || limit <= 0) return out;
  const first = Math.max(0, floorSegmentIndex(segments, from));
  for (let s = first; s < segments.length && segments[s]!.baseOffset < to; s++) {
    const segment = segments[s]!;
    const list = segment.batches;
    for (let b = s === first ? segment.indexOfBatchFor(from) : 0; b < list.length; b++) {
      const batch = list[b]!;
      if (batch.baseOffset >= to) return out;
      expandBatch(batch, from, to, limit, out);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/**
 * The earliest offset ≥ `startOffset` whose record timestamp is ≥ `timestamp`, searching from the
 * first batch whose max timestamp reaches it (the time index); undefined if none does.
 */
export function findOffsetByTimestamp(
  segments: readonly LogSegment[],
  startOffset: number,
  timestamp: number,
): number | undefined {
  for (let s = Math.max(0, floorSegmentIndex(segments, startOffset)); s < segments.length; s++) {
    const segment = segments[s]!;
    if (segment.maxTimestamp < timestamp) continue;
    const list = segment.batches;
    const fromBatch = Math.max(
      segment.indexOfBatchAtOrAfterTime(timestamp),
      segment.indexOfBatchFor(startOffset),
    );
    for (let b = fromBatch; b < list.length; b++) {
      const batch = list[b]!;
      if (batch.maxTimestamp < timestamp) continue;
      const timestamps = batch.timestamps;
      for (let i = indexOfOffset(batch, startOffset); i < timestamps.length; i++) {
        if (timestamps[i]! >= timestamp) return offsetAt(batch, i);
      }
    }
  }
  return undefined;
}
