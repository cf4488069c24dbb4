/**
 * The leader epoch cache of one replica: for each leader epoch, the offset of its first record
 * (KIP-101). Followers ask the leader for the end offset of their latest epoch and truncate to it
 * (KIP-279) instead of to their high watermark.
 * Port of storage/src/main/java/org/apache/kafka/storage/internals/epoch/LeaderEpochFileCache.java
 * (without the checkpoint file).
 */

/** `OffsetsForLeaderEpochResponse.UNDEFINED_EPOCH`. */
export const UNDEFINED_EPOCH = -1;
/** `OffsetsForLeaderEpochResponse.UNDEFINED_EPOCH_OFFSET`. */
export const UNDEFINED_EPOCH_OFFSET = -1;

/** One cache entry: `epoch` started at `startOffset` (`EpochEntry`). */
export interface EpochEntry {
  readonly epoch: number;
  readonly startOffset: number;
}

/** Answer to OffsetsForLeaderEpoch: the largest epoch ≤ the one requested, and where it ends. */
export interface EpochEndOffset {
  readonly leaderEpoch: number;
  readonly endOffset: number;
}

/** Leader epoch → start offset, both strictly increasing (`LeaderEpochFileCache`). */
export class LeaderEpochCache {
  private readonly entries: EpochEntry[] = [];

  /**
   * Records that `epoch` starts at `startOffset`. A no-op when `epoch` is already the latest one
   * and starts at or before `startOffset`; otherwise entries with an epoch ≥ `epoch` or a start
   * offset ≥ `startOffset` are dropped first, keeping both columns monotonic.
   * @returns whether the cache changed
   */
  assign(epoch: number, startOffset: number): boolean {
    if (epoch < 0 || startOffset < 0) {
      throw new RangeError(`Received invalid partition leader epoch entry ${epoch}@${startOffset}`);
    }
    const entries = this.entries;
    const latest = entries[entries.length - 1];
    if (latest !== undefined && latest.epoch === epoch && startOffset >= latest.startOffset) {
      return false;
    }
    for (let last = entries[entries.length - 1]; last !== undefined;) {
      if (last.epoch < epoch && last.startOffset < startOffset) break;
      entries.pop();
      last = entries[entries.length - 1];
    }
    entries.push({ epoch, startOffset });
    return true;
  }

  /** The latest epoch with an entry, or {@link UNDEFINED_EPOCH}. */
  get latestEpoch(): number {
    return this.entries[this.entries.length - 1]?.epoch ?? UNDEFINED_EPOCH;
  }

  /** The latest entry, if any. */
  latestEntry(): EpochEntry | undefined {
    return this.entries[this.entries.length - 1];
  }

  /** The epoch before the latest one, if any (`previousEpoch()`). */
  previousEpoch(): number | undefined {
    return this.entries[this.entries.length - 2]?.epoch;
  }

  /** A copy of all entries, oldest first. */
  epochEntries(): EpochEntry[] {
    return this.entries.slice();
  }

  /**
   * End offset of `requestedEpoch` (`endOffsetFor`): the start offset of the next larger epoch, or
   * `logEndOffset` if it is the latest epoch. The epoch returned is the largest cached epoch ≤ the
   * requested one; if the requested epoch predates the cache, the requested epoch is returned with
   * the first cached start offset. `UNDEFINED_EPOCH`/`UNDEFINED_EPOCH_OFFSET` when the requested
   * epoch is undefined, the cache is empty, or the epoch is newer than every cached epoch.
   */
  endOffsetFor(requestedEpoch: number, logEndOffset: number): EpochEndOffset {
    const undefinedAnswer = { leaderEpoch: UNDEFINED_EPOCH, endOffset: UNDEFINED_EPOCH_OFFSET };
    if (requestedEpoch === UNDEFINED_EPOCH) return undefinedAnswer;
    const entries = this.entries;
    const latest = entries[entries.length - 1];
    if (latest !== undefined && latest.epoch === requestedEpoch) {
      return { leaderEpoch: requestedEpoch, endOffset: logEndOffset };
    }
    const higher = entries.findIndex((e) => e.epoch > requestedEpoch);
    if (higher === -1) return undefinedAnswer;
    const endOffset = entries[higher]!.startOffset;
    const floor = entries[higher - 1];
    return { leaderEpoch: floor === undefined ? requestedEpoch : floor.epoch, endOffset };
  }

  /** Removes entries starting at or after `endOffset` (`truncateFromEnd`); negative = no-op. */
  truncateFromEnd(endOffset: number): void {
    if (endOffset < 0) return;
    const entries = this.entries;
    while (entries.length > 0 && entries[entries.length - 1]!.startOffset >= endOffset) {
      entries.pop();
    }
  }

  /**
   * Drops entries that start at or before `startOffset`, then re-adds the last dropped epoch as
   * starting at `startOffset` (`truncateFromStart`): after a log start offset increment the oldest
   * remaining epoch starts at the new log start offset.
   */
  truncateFromStart(startOffset: number): void {
    const entries = this.entries;
    let removed = 0;
    while (removed < entries.length && entries[removed]!.startOffset <= startOffset) removed++;
    if (removed === 0) return;
    const epoch = entries[removed - 1]!.epoch;
    entries.splice(0, removed, { epoch, startOffset });
  }

  /**
   * The epoch whose range contains `offset` (`epochForOffset`), or undefined before the first entry.
   */
  epochForOffset(offset: number): number | undefined {
    let found: number | undefined;
    for (const entry of this.entries) {
      if (entry.startOffset > offset) break;
      found = entry.epoch;
    }
    return found;
  }

  /** Removes every entry (`clear`). */
  clear(): void {
    this.entries.length = 0;
  }
}
