/**
 * Which segments retention may delete, oldest first, as `UnifiedLog.deleteOldSegments` decides it:
 * by log start offset (always), by `retention.bytes` and by `retention.ms` (with cleanup.policy
 * delete). Source: core/src/main/scala/kafka/log/UnifiedLog.scala (`deletableSegments`,
 * `deleteRetentionMsBreachedSegments`, `deleteRetentionSizeBreachedSegments`,
 * `deleteLogStartOffsetBreachedSegments`).
 */
import type { LogSegment } from './logSegment';

/** Whether `segment` (followed by `next`, undefined for the active segment) may be deleted. */
export type SegmentPredicate = (segment: LogSegment, next: LogSegment | undefined) => boolean;

/** Why retention deleted segments (`SegmentDeletionReason`). */
export type SegmentDeletionReason =
  'LogStartOffsetBreach' | 'RetentionSizeBreach' | 'RetentionMsBreach';

/**
 * How many segments, from the oldest, may be deleted: stops at the first segment the predicate
 * keeps, at the first segment that reaches past the high watermark (so the log start offset never
 * passes it), and never counts an empty active segment. A non-empty active segment may be counted;
 * the caller then rolls a new one first, as `UnifiedLog.deleteSegments` does.
 */
export function countDeletableSegments(
  segments: readonly LogSegment[],
  logEndOffset: number,
  highWatermark: number,
  predicate: SegmentPredicate,
): number {
  let count = 0;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const next = segments[i + 1];
    const isLastSegmentAndEmpty = next === undefined && segment.sizeInBytes === 0;
    const upperBoundOffset = next === undefined ? logEndOffset : next.baseOffset;
    if (highWatermark >= upperBoundOffset && predicate(segment, next) && !isLastSegmentAndEmpty) {
      count++;
    } else {
      break;
    }
  }
  return count;
}

/** Segments entirely below the log start offset (after kafka-delete-records or a leader's). */
export function logStartOffsetBreached(logStartOffset: number): SegmentPredicate {
  return (_segment, next) => next !== undefined && next.baseOffset <= logStartOffset;
}

/** Segments whose newest record is more than `retentionMs` older than `now`. */
export function retentionMsBreached(now: number, retentionMs: number): SegmentPredicate {
  return (segment) => now - segment.largestTimestamp > retentionMs;
}

/**
 * The oldest segments whose removal keeps the log at or above `retentionBytes`: deletes while
 * `size - deleted - segment ≥ retentionBytes`. Stateful: use it for one scan only.
 */
export function retentionSizeBreached(logSize: number, retentionBytes: number): SegmentPredicate {
  let diff = logSize - retentionBytes;
  return (segment) => {
    if (diff - segment.sizeInBytes < 0) return false;
    diff -= segment.sizeInBytes;
    return true;
  };
}
