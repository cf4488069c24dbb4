/**
 * A partition of the clients' fake cluster (tests only): a leader, a leader epoch and an array of
 * batches, with "replication" that moves the high watermark to the log end at once unless held.
 */
import { createLeaderBatch } from '../../log/batches';
import type { ProducerBatchData, RecordBatch } from '../../log/record';

/** One partition of the fake cluster. */
export interface FakePartition {
  leader: number;
  leaderEpoch: number;
  batches: RecordBatch[];
  logStartOffset: number;
  logEndOffset: number;
  highWatermark: number;
  /** When true the high watermark stays where it is (followers not caught up). */
  holdHighWatermark: boolean;
  /** Idempotence: last sequence appended per producer id. */
  lastSequence: Map<number, number>;
}

/** An empty partition led by `leader` at epoch 0. */
export function newPartition(leader: number): FakePartition {
  return {
    leader,
    leaderEpoch: 0,
    batches: [],
    logStartOffset: 0,
    logEndOffset: 0,
    highWatermark: 0,
    holdHighWatermark: false,
    lastSequence: new Map<number, number>(),
  };
}

/** Appends a batch as the leader would. @returns its base offset */
export function appendToPartition(p: FakePartition, data: ProducerBatchData): number {
  const baseOffset = p.logEndOffset;
  p.batches.push(createLeaderBatch(data, baseOffset, p.leaderEpoch, null));
  p.logEndOffset += data.keys.length;
  if (!p.holdHighWatermark) p.highWatermark = p.logEndOffset;
  return baseOffset;
}

/** Whole batches holding `fetchOffset` and later, below the high watermark, up to `maxBytes`. */
export function readFromPartition(
  p: FakePartition,
  fetchOffset: number,
  maxBytes: number,
): RecordBatch[] {
  let lo = 0;
  let hi = p.batches.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (p.batches[mid]!.lastOffset < fetchOffset) lo = mid + 1;
    else hi = mid;
  }
  const out: RecordBatch[] = [];
  let bytes = 0;
  for (let i = lo; i < p.batches.length && bytes < maxBytes; i++) {
    const b = p.batches[i]!;
    if (b.baseOffset >= p.highWatermark) break;
    out.push(b);
    bytes += b.sizeInBytes;
  }
  return out;
}
