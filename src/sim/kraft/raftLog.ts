/**
 * The replicated log of the KRaft metadata partition (`__cluster_metadata-0`), kept in memory.
 * Offsets start at 0 and are dense (no compaction, no snapshots); every entry carries the epoch of
 * the leader that appended it, so the epoch history of KIP-101/KIP-595 is read straight off the log.
 *
 * Source: raft/src/main/java/org/apache/kafka/raft/ReplicatedLog.java and KafkaRaftLog.java
 * (`endOffsetForEpoch`, `truncateToEndOffset`), Kafka 3.9.
 * https://cwiki.apache.org/confluence/display/KAFKA/KIP-595%3A+A+Raft+Protocol+for+the+Metadata+Quorum
 */

/** A log position paired with the epoch of the entry before it (Kafka's `OffsetAndEpoch`). */
export interface OffsetAndEpoch {
  /** An end offset: the offset one past the last entry meant. */
  readonly offset: number;
  /** Leader epoch; 0 means "before any leader" (an empty log). */
  readonly epoch: number;
}

/**
 * Orders positions the way `OffsetAndEpoch.compareTo` does: epoch first, then offset. A voter grants
 * its vote only to a candidate whose last `(epoch, offset)` is at least its own (KIP-595 "Vote").
 * @returns negative, 0 or positive, like a comparator.
 */
export function compareOffsetAndEpoch(a: OffsetAndEpoch, b: OffsetAndEpoch): number {
  return a.epoch !== b.epoch ? a.epoch - b.epoch : a.offset - b.offset;
}

/**
 * The `LeaderChangeMessage` control record a new leader writes at the start of its epoch
 * (clients/src/main/resources/common/message/LeaderChangeMessage.json). Committing it is what lets
 * the leader advance the high watermark in its own epoch.
 */
export interface LeaderChangeMessage {
  readonly leaderId: number;
  /** Every voter of the quorum, by node id. */
  readonly voters: readonly number[];
  /** The voters that granted the winning vote, the leader included. */
  readonly grantingVoters: readonly number[];
}

/** A data record appended by the leader's user (the controller's metadata records). */
export interface RaftDataEntry<T> {
  readonly offset: number;
  readonly epoch: number;
  readonly kind: 'data';
  readonly record: T;
}

/** A control record; never handed to `onCommit` (Kafka keeps control batches from listeners). */
export interface RaftControlEntry {
  readonly offset: number;
  readonly epoch: number;
  readonly kind: 'leaderChange';
  readonly leaderChange: LeaderChangeMessage;
}

/** One log entry. Entries are immutable and shared by reference between replicas. */
export type RaftEntry<T> = RaftDataEntry<T> | RaftControlEntry;

/** The log itself: append, read, epoch lookups and truncation. */
export class RaftLog<T> {
  private readonly list: RaftEntry<T>[] = [];

  /** All entries, offset `i` at index `i`. */
  get entries(): readonly RaftEntry<T>[] {
    return this.list;
  }

  /** Log end offset (LEO): the offset the next entry will get. */
  get endOffset(): number {
    return this.list.length;
  }

  /** Epoch of the last entry, 0 when empty (`ReplicatedLog.lastFetchedEpoch`). */
  get lastFetchedEpoch(): number {
    return this.list[this.list.length - 1]?.epoch ?? 0;
  }

  /** `(logEndOffset, lastFetchedEpoch)`: what a candidate puts in its Vote request. */
  endOffsetAndEpoch(): OffsetAndEpoch {
    return { offset: this.endOffset, epoch: this.lastFetchedEpoch };
  }

  /** Appends data records in `epoch` (leader only). @returns the offset of the last one. */
  appendData(epoch: number, records: readonly T[]): number {
    for (const record of records) {
      this.list.push({ offset: this.list.length, epoch, kind: 'data', record });
    }
    return this.list.length - 1;
  }

  /** Appends a `LeaderChangeMessage` control record in `epoch`. @returns its offset. */
  appendLeaderChange(epoch: number, leaderChange: LeaderChangeMessage): number {
    this.list.push({ offset: this.list.length, epoch, kind: 'leaderChange', leaderChange });
    return this.list.length - 1;
  }

  /**
   * Appends entries fetched from the leader. They must start at the log end offset and never go
   * back in epoch; a follower truncates first when the leader reports a diverging epoch.
   */
  appendAsFollower(entries: readonly RaftEntry<T>[]): void {
    for (const entry of entries) {
      if (entry.offset !== this.list.length || entry.epoch < this.lastFetchedEpoch) {
        throw new Error(
          `Non-contiguous append at offset ${entry.offset} epoch ${entry.epoch}: log end offset ${this.list.length}, last epoch ${this.lastFetchedEpoch}`,
        );
      }
      this.list.push(entry);
    }
  }

  /** Up to `maxEntries` entries from `fromOffset` (empty at or past the end). */
  read(fromOffset: number, maxEntries: number): RaftEntry<T>[] {
    return this.list.slice(fromOffset, fromOffset + maxEntries);
  }

  /**
   * End offset of the largest epoch `<= epoch` in this log, with that epoch — `{0, 0}` when the
   * log holds no such epoch (leader epoch cache `endOffsetFor`, KIP-101).
   */
  endOffsetForEpoch(epoch: number): OffsetAndEpoch {
    // Epochs never decrease along the log: find the first entry whose epoch is larger.
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.list[mid]!.epoch <= epoch) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? { offset: 0, epoch: 0 } : { offset: lo, epoch: this.list[lo - 1]!.epoch };
  }

  /**
   * The leader's check of a follower's Fetch position (`KafkaRaftClient.validateFetchOffsetAndEpoch`).
   * @returns undefined when `(fetchOffset, lastFetchedEpoch)` is a prefix of this log, otherwise
   *   the diverging epoch and its end offset, which the follower must truncate to.
   */
  divergingEpoch(fetchOffset: number, lastFetchedEpoch: number): OffsetAndEpoch | undefined {
    if (fetchOffset === 0 && lastFetchedEpoch === 0) return undefined;
    const end = this.endOffsetForEpoch(lastFetchedEpoch);
    return end.epoch !== lastFetchedEpoch || end.offset < fetchOffset ? end : undefined;
  }

  /**
   * Where to truncate for the leader's diverging epoch (`ReplicatedLog.truncateToEndOffset`): if
   * this log has that epoch, the smaller of both end offsets, else the end of the largest earlier
   * epoch here. The follower then fetches again from its new end.
   */
  truncationOffset(diverging: OffsetAndEpoch): number {
    if (diverging.epoch === 0) return Math.min(diverging.offset, this.endOffset);
    const local = this.endOffsetForEpoch(diverging.epoch);
    return local.epoch === diverging.epoch
      ? Math.min(local.offset, diverging.offset)
      : local.offset;
  }

  /** Drops every entry at or after `offset`. */
  truncateTo(offset: number): void {
    if (offset < this.list.length) this.list.length = Math.max(0, offset);
  }
}
