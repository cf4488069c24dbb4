/**
 * The client side of ZooKeeper's one-shot watches (`ZKWatchManager`): which watcher callbacks are
 * registered on which path, and which of them a notification consumes.
 * Source: ZooKeeper 3.8 `ZKWatchManager.materialize`
 * https://github.com/apache/zookeeper/blob/release-3.8.4/zookeeper-server/src/main/java/org/apache/zookeeper/ZKWatchManager.java
 */
import type { ZkEventType, ZkSetWatches } from './zkProtocol';

/** A watch notification as a watcher receives it (`WatchedEvent`). */
export interface ZkWatchedEvent {
  type: ZkEventType;
  path: string;
}

/** A one-shot watcher: called at most once, for the first change after it was set. */
export type ZkWatcher = (event: ZkWatchedEvent) => void;

/** `data`: getData/exists on an existing znode; `exist`: exists on a missing one; `child`: getChildren. */
export type ZkWatchKind = 'data' | 'exist' | 'child';

/** Which registrations each event type consumes (`ZKWatchManager.materialize`). */
const consumedBy: Record<ZkEventType, ZkWatchKind[]> = {
  NodeCreated: ['data', 'exist'],
  NodeDataChanged: ['data', 'exist'],
  NodeDeleted: ['data', 'exist', 'child'],
  NodeChildrenChanged: ['child'],
};

/** Registered client watchers, by kind and path. */
export class ClientWatchManager {
  private readonly tables: Record<ZkWatchKind, Map<string, Set<ZkWatcher>>> = {
    data: new Map(),
    exist: new Map(),
    child: new Map(),
  };

  /** Registers `watcher` (once per kind and path, however often it is added). */
  add(kind: ZkWatchKind, path: string, watcher: ZkWatcher): void {
    const set = this.tables[kind].get(path) ?? new Set<ZkWatcher>();
    set.add(watcher);
    this.tables[kind].set(path, set);
  }

  /** Removes and returns the watchers `event` fires: each distinct callback once. */
  materialize(event: ZkWatchedEvent): ZkWatcher[] {
    const fire = new Set<ZkWatcher>();
    for (const kind of consumedBy[event.type]) {
      for (const w of this.tables[kind].get(event.path) ?? []) fire.add(w);
      this.tables[kind].delete(event.path);
    }
    return [...fire];
  }

  /** The watched paths, for the `SetWatches` a reconnecting client sends. */
  paths(): ZkSetWatches {
    return {
      dataWatches: [...this.tables.data.keys()],
      existWatches: [...this.tables.exist.keys()],
      childWatches: [...this.tables.child.keys()],
    };
  }

  /** Forgets every watcher (session expired or closed). */
  clear(): void {
    for (const table of Object.values(this.tables)) table.clear();
  }
}
