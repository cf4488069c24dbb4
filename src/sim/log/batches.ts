/**
 * Building record batches: the leader's batch from a producer's columns, a follower's truncated
 * slice, and the cleaner's filtered copy. A stored batch is never mutated; a changed batch is a new
 * object, so replicas that share the old one by reference are unaffected.
 * Format: KIP-98 message format v2 (`DefaultRecordBatch`), https://kafka.apache.org/documentation/#recordbatch
 */
import type { ProducerBatchData, RecordBatch, RecordHeader } from './record';
import { RECORD_BATCH_OVERHEAD, batchSizeInBytes, recordSizeInBytes } from './recordSize';

/** `RecordBatch.NO_TIMESTAMP`: the max timestamp of a batch without records. */
export const NO_TIMESTAMP = -1;

/**
 * A batch as a log stores it. A batch the cleaner rewrote may carry a delete horizon (KIP-534):
 * its tombstones may be dropped by a cleaning that starts at or after this time.
 */
export interface StoredBatch extends RecordBatch {
  /** Epoch ms; set by the first cleaning that retains a tombstone of this batch. */
  readonly deleteHorizonMs?: number | undefined;
}

/** Offset of record `i` of `batch` (offset deltas are set once the cleaner removed records). */
export function offsetAt(batch: RecordBatch, i: number): number {
  const deltas = batch.offsetDeltas;
  return batch.baseOffset + (deltas === null ? i : deltas[i]!);
}

/**
 * Index of the first record of `batch` whose offset is ≥ `offset` (the record count when none is).
 * O(1) for an uncompacted batch, binary search over the offset deltas otherwise.
 */
export function indexOfOffset(batch: RecordBatch, offset: number): number {
  const n = batch.keys.length;
  const delta = offset - batch.baseOffset;
  if (delta <= 0) return 0;
  const deltas = batch.offsetDeltas;
  if (deltas === null) return delta < n ? delta : n;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (deltas[mid]! < delta) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The leader's batch for `data`: offsets from `baseOffset`, stamped with `leaderEpoch`. The column
 * arrays of `data` are reused, not copied (with LogAppendTime only the timestamps are replaced).
 * Size and max timestamp are computed in one pass, as `LogValidator` does for an uncompressed batch.
 * @param logAppendTimeMs the broker's clock when `message.timestamp.type=LogAppendTime`, else null
 */
export function createLeaderBatch(
  data: ProducerBatchData,
  baseOffset: number,
  leaderEpoch: number,
  logAppendTimeMs: number | null,
): RecordBatch {
  const { keys, values, headers } = data;
  let timestamps = data.timestamps;
  const n = keys.length;
  const baseTimestamp = n > 0 ? timestamps[0]! : 0;
  let size = RECORD_BATCH_OVERHEAD;
  let maxTimestamp = NO_TIMESTAMP;
  for (let i = 0; i < n; i++) {
    const timestamp = timestamps[i]!;
    if (timestamp > maxTimestamp) maxTimestamp = timestamp;
    size += recordSizeInBytes(
      i,
      timestamp - baseTimestamp,
      keys[i] as string | null,
      values[i] as string | null,
      headers === null ? null : headers[i],
    );
  }
  if (logAppendTimeMs !== null) {
    timestamps = new Array<number>(n).fill(logAppendTimeMs);
    maxTimestamp = logAppendTimeMs;
  }
  return {
    producerId: data.producerId,
    producerEpoch: data.producerEpoch,
    baseSequence: data.baseSequence,
    keys,
    values,
    timestamps,
    headers,
    baseOffset,
    lastOffset: baseOffset + n - 1,
    partitionLeaderEpoch: leaderEpoch,
    offsetDeltas: null,
    maxTimestamp,
    sizeInBytes: size,
  };
}

/**
 * A copy of `batch` holding only the records at `indices` (ascending), with their offsets kept
 * through offset deltas. Base offset, last offset, epoch and producer fields are unchanged, as the
 * cleaner's `MemoryRecords.filterTo` keeps them. An empty result keeps the original max timestamp.
 */
export function retainRecords(
  batch: StoredBatch,
  indices: readonly number[],
  deleteHorizonMs: number | undefined,
): StoredBatch {
  const n = indices.length;
  const keys = new Array<string | null>(n);
  const values = new Array<string | null>(n);
  const timestamps = new Array<number>(n);
  const headers = batch.headers === null ? null : new Array<RecordHeader[] | null>(n);
  const offsetDeltas = new Array<number>(n);
  let contiguous = true;
  let maxTimestamp = n === 0 ? batch.maxTimestamp : NO_TIMESTAMP;
  for (let j = 0; j < n; j++) {
    const i = indices[j]!;
    keys[j] = batch.keys[i] as string | null;
    values[j] = batch.values[i] as string | null;
    const timestamp = batch.timestamps[i]!;
    timestamps[j] = timestamp;
    if (timestamp > maxTimestamp) maxTimestamp = timestamp;
    if (headers !== null) headers[j] = batch.headers![i] ?? null;
    const delta = batch.offsetDeltas === null ? i : batch.offsetDeltas[i]!;
    offsetDeltas[j] = delta;
    if (delta !== j) contiguous = false;
  }
  const deltas = contiguous ? null : offsetDeltas;
  return {
    producerId: batch.producerId,
    producerEpoch: batch.producerEpoch,
    baseSequence: batch.baseSequence,
    keys,
    values,
    timestamps,
    headers,
    baseOffset: batch.baseOffset,
    lastOffset: batch.lastOffset,
    partitionLeaderEpoch: batch.partitionLeaderEpoch,
    offsetDeltas: deltas,
    maxTimestamp,
    sizeInBytes: batchSizeInBytes({ keys, values, timestamps, headers }, deltas),
    deleteHorizonMs,
  };
}

/**
 * The first `count` records of `batch`, ending at `lastOffset`: what a follower keeps of the batch
 * it truncates through (Kafka truncates whole batches; a slice keeps the records below the target).
 */
export function sliceBatch(batch: StoredBatch, count: number, lastOffset: number): StoredBatch {
  const indices = new Array<number>(count);
  for (let i = 0; i < count; i++) indices[i] = i;
  const slice = retainRecords(batch, indices, batch.deleteHorizonMs);
  return { ...slice, lastOffset };
}
