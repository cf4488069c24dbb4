/**
 * What the operations of a {@link PartitionLog} report, in Kafka's vocabulary.
 */
import type { CleanSkipReason } from './logCleaner';

/**
 * What {@link PartitionLog.read} returns instead of batches when the fetch offset is outside
 * [logStartOffset, logEndOffset]: Kafka's `OFFSET_OUT_OF_RANGE`, with the bounds for
 * `auto.offset.reset`.
 */
export interface OffsetOutOfRange {
  readonly error: 'OFFSET_OUT_OF_RANGE';
  readonly logStartOffset: number;
  readonly logEndOffset: number;
}

/** Result of {@link PartitionLog.deleteRecordsBefore} (DeleteRecords: the new low watermark). */
export type DeleteRecordsResult =
  | { readonly error: 'NONE'; readonly logStartOffset: number }
  | { readonly error: 'OFFSET_OUT_OF_RANGE'; readonly logStartOffset: number };

/** Result of {@link PartitionLog.applyRetention}. */
export interface RetentionResult {
  readonly deletedSegments: number;
  readonly logStartOffset: number;
}

/** Result of {@link PartitionLog.compact}. */
export interface CompactionResult {
  /** Records removed: superseded values, expired tombstones and records without key. */
  readonly removedRecords: number;
  /** Tombstones removed because their delete horizon had passed (included in removedRecords). */
  readonly removedTombstones: number;
  /** Segments rewritten by the cleaner (several may merge into one). */
  readonly cleanedSegments: number;
  /** Dirty bytes / total bytes of the cleanable part before cleaning. */
  readonly cleanableRatio: number;
  /** Why nothing was cleaned: policy without compact, nothing dirty, or ratio too low. */
  readonly skipped: CleanSkipReason | 'NOT_COMPACTED' | null;
}
