/**
 * Leader-side incremental fetch sessions for follower fetchers (KIP-227). A follower's first Fetch
 * lists every partition it follows on this leader; later ones list only partitions whose fetch
 * offset changed. The leader answers with only the partitions that have something new (data, a new
 * high watermark or log start offset), so an idle cluster costs the same whatever its partition count.
 */
export interface SessionPartition {
  topic: string;
  partition: number;
  fetchOffset: number;
  lastFetchedEpoch: number;
  currentLeaderEpoch: number;
  /** High watermark last sent to the follower. */
  sentHighWatermark: number;
  sentLogStartOffset: number;
}

export interface FetchSession {
  followerId: number;
  partitions: Map<string, SessionPartition>;
  /** Partitions with something new since the last response. */
  dirty: Set<string>;
  /** Virtual ms of the follower's latest fetch in this session. */
  lastFetchTimeMs: number;
  /** A long-poll waiting for news. */
  parked: { wake: () => void; timer: number } | undefined;
}

/** Key of a topic-partition in maps: `topic-partition`, as Kafka's `TopicPartition.toString()`. */
export const tpKey = (topic: string, partition: number): string => `${topic}-${partition}`;

export class FetchSessions {
  private readonly byFollower = new Map<number, FetchSession>();

  constructor(private readonly scheduleNow: (fn: () => void) => void) {}

  /** The session of `followerId`, created empty on first use. */
  get(followerId: number): FetchSession {
    let s = this.byFollower.get(followerId);
    if (!s) {
      s = {
        followerId,
        partitions: new Map(),
        dirty: new Set(),
        lastFetchTimeMs: 0,
        parked: undefined,
      };
      this.byFollower.set(followerId, s);
    }
    return s;
  }

  /** Latest fetch time of the follower's session, ms (0 when it never fetched). */
  lastFetchTimeMs(followerId: number): number {
    return this.byFollower.get(followerId)?.lastFetchTimeMs ?? 0;
  }

  /** Marks `key` as having news for the given followers' sessions and wakes their long-polls. */
  markDirty(key: string, followerIds: Iterable<number>): void {
    for (const id of followerIds) {
      const s = this.byFollower.get(id);
      if (!s || !s.partitions.has(key)) continue;
      s.dirty.add(key);
      if (s.parked) {
        const { wake } = s.parked;
        s.parked = undefined;
        this.scheduleNow(wake);
      }
    }
  }

  /** Drops a partition from every session (leadership moved or the topic was deleted). */
  forget(key: string): void {
    for (const s of this.byFollower.values()) {
      s.partitions.delete(key);
      s.dirty.delete(key);
    }
  }

  /** Drops all sessions (the broker stopped). */
  clear(): void {
    this.byFollower.clear();
  }
}
