/**
 * Log compaction of one log, as Kafka's cleaner does one cleaning round: pick the cleanable range
 * (`LogCleanerManager.cleanableOffsets`, `calculateCleanableBytes`), check the dirty ratio, build
 * key → last offset over the dirty range (`Cleaner.buildOffsetMap`), then rewrite every segment
 * below it, group by group (`Cleaner.groupSegmentsBySize`, `cleanSegments`, `shouldRetainRecord`).
 * Tombstones survive the first cleaning, which stamps a delete horizon of now + delete.retention.ms
 * on their batch; a later cleaning past the horizon drops them (KIP-534).
 * Source: storage/src/main/java/org/apache/kafka/storage/internals/log/{Cleaner,LogCleanerManager}.java
 * Not modelled: transactions and keeping an active producer's last batch.
 */
import { offsetAt, retainRecords } from './batches';
import type { StoredBatch } from './batches';
import type { LogConfig } from './logConfig';
import { floorSegmentIndex } from './logReads';
import { LogSegment } from './logSegment';

/** Why a cleaning round did nothing. */
export type CleanSkipReason = 'NOTHING_TO_CLEAN' | 'BELOW_MIN_CLEANABLE_DIRTY_RATIO';

/** What one cleaning round needs to know about the log. */
export interface CleanRequest {
  /** All segments, oldest first; the last one is the active segment. */
  readonly segments: readonly LogSegment[];
  readonly logStartOffset: number;
  readonly logEndOffset: number;
  /** Nothing at or above it is cleaned (stands in for the last stable offset). */
  readonly highWatermark: number;
  /** The cleaner checkpoint: where the previous round stopped, undefined before the first. */
  readonly firstDirtyOffset: number | undefined;
  /** Virtual time, epoch ms. */
  readonly now: number;
  readonly config: LogConfig;
  /** Clean even if the dirty ratio is not above `min.cleanable.dirty.ratio`. */
  readonly ignoreDirtyRatio: boolean;
}

/** The outcome of one cleaning round. */
export interface CleanOutcome {
  readonly skipped: CleanSkipReason | null;
  /** Cleanable bytes / (clean + cleanable bytes) before cleaning (`LogToClean.cleanableRatio`). */
  readonly cleanableRatio: number;
  /** The new cleaner checkpoint. */
  readonly firstDirtyOffset: number;
  /** How many segments, from the oldest, {@link segments} replace. */
  readonly replacedSegments: number;
  readonly segments: readonly LogSegment[];
  readonly removedRecords: number;
  /** Tombstones dropped because their delete horizon had passed (also in removedRecords). */
  readonly removedTombstones: number;
}

/** Index range of `LogSegments.values(from, to)`: the segment containing `from` up to `to`. */
function range(segments: readonly LogSegment[], from: number, to: number): [number, number] {
  if (from >= to) return [0, 0];
  const start = Math.max(0, floorSegmentIndex(segments, from));
  const end = floorSegmentIndex(segments, to - 1) + 1;
  return [start, Math.max(start, end)];
}

function bytesIn(segments: readonly LogSegment[], [start, end]: [number, number]): number {
  let bytes = 0;
  for (let i = start; i < end; i++) bytes += segments[i]!.sizeInBytes;
  return bytes;
}

/** Runs one cleaning round over `request.segments`; the segments themselves are not modified. */
export function cleanLog(request: CleanRequest): CleanOutcome {
  const { segments, logStartOffset, logEndOffset, now, config } = request;
  const active = segments.length - 1;
  let firstDirty = request.firstDirtyOffset ?? logStartOffset;
  if (firstDirty < logStartOffset || firstDirty > logEndOffset) firstDirty = logStartOffset;

  // cleanableOffsets: not past the active segment, the high watermark, or the compaction lag.
  let uncleanable = Math.min(request.highWatermark, segments[active]!.baseOffset);
  if (config.minCompactionLagMs > 0) {
    for (let i = Math.max(0, floorSegmentIndex(segments, firstDirty)); i < active; i++) {
      if (segments[i]!.largestTimestamp > now - config.minCompactionLagMs) {
        uncleanable = Math.min(uncleanable, segments[i]!.baseOffset);
        break;
      }
    }
  }
  uncleanable = Math.max(firstDirty, uncleanable);

  // calculateCleanableBytes: round down to the start of the segment holding `uncleanable`.
  const uncleanableIndex =
    uncleanable < segments[active]!.baseOffset
      ? Math.max(0, floorSegmentIndex(segments, uncleanable))
      : active;
  const firstUncleanable = segments[uncleanableIndex]!.baseOffset;
  const dirty = range(segments, Math.min(firstDirty, firstUncleanable), firstUncleanable);
  const cleanableBytes = bytesIn(segments, dirty);
  const totalBytes = bytesIn(segments, range(segments, -1, firstDirty)) + cleanableBytes;
  const cleanableRatio = totalBytes === 0 ? 0 : cleanableBytes / totalBytes;
  const skip = (skipped: CleanSkipReason): CleanOutcome => ({
    skipped,
    cleanableRatio,
    firstDirtyOffset: firstDirty,
    replacedSegments: 0,
    segments: [],
    removedRecords: 0,
    removedTombstones: 0,
  });
  if (cleanableBytes === 0) return skip('NOTHING_TO_CLEAN');
  if (!request.ignoreDirtyRatio && !(cleanableRatio > config.minCleanableDirtyRatio)) {
    return skip('BELOW_MIN_CLEANABLE_DIRTY_RATIO');
  }

  // buildOffsetMap over [firstDirty, firstUncleanable).
  const offsetMap = new Map<string, number>();
  let latestOffset = -1;
  const [dirtyStart, dirtyEnd] = range(segments, firstDirty, firstUncleanable);
  for (let s = dirtyStart; s < dirtyEnd; s++) {
    const segment = segments[s]!;
    for (const batch of segment.batches) {
      if (batch.lastOffset < firstDirty) continue;
      for (let i = 0; i < batch.keys.length; i++) {
        const key = batch.keys[i] as string | null;
        const offset = offsetAt(batch, i);
        if (key !== null && offset >= firstDirty) offsetMap.set(key, offset);
      }
      latestOffset = Math.max(latestOffset, batch.lastOffset);
    }
    const nextSegmentStart = s + 1 < dirtyEnd ? segments[s + 1]!.baseOffset : firstUncleanable;
    latestOffset = Math.max(latestOffset, nextSegmentStart - 1);
  }
  const endOffset = latestOffset + 1;

  let removedRecords = 0;
  let removedTombstones = 0;
  const kept: number[] = [];
  const cleanBatch = (batch: StoredBatch): StoredBatch | undefined => {
    const retainDeletes = batch.deleteHorizonMs === undefined || now < batch.deleteHorizonMs;
    let containsTombstones = false;
    kept.length = 0;
    for (let i = 0; i < batch.keys.length; i++) {
      const offset = offsetAt(batch, i);
      const key = batch.keys[i] as string | null;
      const value = batch.values[i] as string | null;
      let retain = offset > latestOffset;
      if (!retain && key !== null && offset >= (offsetMap.get(key) ?? -1)) {
        retain = value !== null || retainDeletes;
        if (!retain) removedTombstones++;
      }
      if (retain) {
        kept.push(i);
        if (value === null) containsTombstones = true;
      } else {
        removedRecords++; // superseded, an expired tombstone, or a record without key
      }
    }
    const setHorizon = containsTombstones && batch.deleteHorizonMs === undefined;
    if (kept.length === batch.keys.length && !setHorizon) return batch;
    const horizon = setHorizon ? now + config.deleteRetentionMs : batch.deleteHorizonMs;
    // The last batch of the round is kept even if empty, so its last offset is not lost.
    if (kept.length > 0 || batch.lastOffset + 1 === firstUncleanable) {
      return retainRecords(batch, kept, horizon);
    }
    return undefined;
  };

  // groupSegmentsBySize, then clean each group into one segment.
  const [, cleanEnd] = range(segments, 0, endOffset);
  const cleaned: LogSegment[] = [];
  for (let start = 0; start < cleanEnd;) {
    let end = start + 1;
    let groupBytes = segments[start]!.sizeInBytes;
    while (end < cleanEnd && groupBytes + segments[end]!.sizeInBytes <= config.segmentBytes) {
      groupBytes += segments[end]!.sizeInBytes;
      end++;
    }
    const retained: StoredBatch[] = [];
    for (let s = start; s < end; s++) {
      for (const batch of segments[s]!.batches) {
        const result = cleanBatch(batch);
        if (result !== undefined) retained.push(result);
      }
    }
    const first = segments[start]!;
    const last = segments[end - 1]!;
    cleaned.push(
      LogSegment.of(
        first.baseOffset,
        first.createdAtMs,
        last.lastModifiedMs,
        last.nextOffset,
        retained,
      ),
    );
    start = end;
  }

  return {
    skipped: null,
    cleanableRatio,
    firstDirtyOffset: endOffset,
    replacedSegments: cleanEnd,
    segments: cleaned,
    removedRecords,
    removedTombstones,
  };
}
