/**
 * Expanding a batch's columns into record objects, as a consumer's `CompletedFetch` iterates the
 * records of a fetched batch: only on the way out, so the log stores no per-record object.
 */
import { indexOfOffset } from './batches';
import type { LogRecord, RecordBatch, RecordHeader } from './record';

/** One record of a partition as the log hands it out; the caller adds topic and partition. */
export type LogEntry = Omit<LogRecord, 'topic' | 'partition'>;

/** Shared headers of a record without headers; frozen, never mutate. */
export const EMPTY_HEADERS: RecordHeader[] = Object.freeze([]) as unknown as RecordHeader[];

/**
 * Appends to `out` the records of `batch` with offsets in [fromOffset, maxOffsetExclusive), honoring
 * offset deltas left by compaction, until `out` holds `limit` records.
 */
export function expandBatch(
  batch: RecordBatch,
  fromOffset: number,
  maxOffsetExclusive: number,
  limit: number,
  out: LogEntry[],
): void {
  const { keys, values, timestamps, headers, offsetDeltas, baseOffset } = batch;
  const n = keys.length;
  for (let i = indexOfOffset(batch, fromOffset); i < n && out.length < limit; i++) {
    const offset = baseOffset + (offsetDeltas === null ? i : offsetDeltas[i]!);
    if (offset >= maxOffsetExclusive) break;
    out.push({
      offset,
      timestamp: timestamps[i]!,
      key: keys[i] as string | null,
      value: values[i] as string | null,
      headers: (headers === null ? null : headers[i]) ?? EMPTY_HEADERS,
      leaderEpoch: batch.partitionLeaderEpoch,
    });
  }
}
