/**
 * The znode tree of one ZooKeeper server with its zxid counter, ephemeral ownership and one-shot
 * watches — the in-memory `DataTree` + `WatchManager` of a real server. Pure: it neither schedules
 * nor sends; it reports watch triggers and node changes through {@link DataTreeListener}.
 *
 * Semantics follow ZooKeeper 3.8 `DataTree.java`, `WatchManager.java` and `PrepRequestProcessor.java`:
 * https://github.com/apache/zookeeper/tree/release-3.8.4/zookeeper-server/src/main/java/org/apache/zookeeper/server
 */
import type { ZkErrorName, ZkEventType, ZkSetWatches, ZkStat } from './zkProtocol';
import { MATCH_ANY_VERSION } from './zkProtocol';

/** One znode: data, metadata and the names of its children. */
interface ZNode {
  data: string | null;
  stat: ZkStat;
  children: Set<string>;
}

/** What a {@link DataTree} reports. */
export interface DataTreeListener {
  /** A one-shot watch of `sessionId` fired; the server sends the notification. */
  watchFired(sessionId: string, type: ZkEventType, path: string): void;
  /** A znode was created, deleted or had its data changed (for the event stream). */
  nodeChanged(change: 'created' | 'deleted' | 'changed', path: string, stat: ZkStat): void;
}

/** `ephemeralOwner` of a persistent znode. */
export const NO_OWNER = '0x0';

/** Number of UTF-8 bytes in `s` (ZooKeeper stores data as bytes; `Stat.dataLength`). */
export function utf8Length(s: string | null): number {
  if (s === null) return 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The parent path of `path` (`/` for a top-level znode). */
export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** ZooKeeper's `PathUtils.validatePath`, reduced: absolute, no empty or `.`/`..` segments. */
export function isValidPath(path: string): boolean {
  if (path === '/') return true;
  if (!path.startsWith('/') || path.endsWith('/')) return false;
  return path
    .slice(1)
    .split('/')
    .every((seg) => seg !== '' && seg !== '.' && seg !== '..' && !seg.includes('\u0000'));
}

/** The znode tree, its zxid counter, ephemeral owners and watch tables. */
export class DataTree {
  /** zxid of the last transaction (writes consume one even when they fail, as in ZooKeeper). */
  lastZxid = 0;
  private readonly nodes = new Map<string, ZNode>();
  private readonly ephemerals = new Map<string, Set<string>>();
  private readonly dataWatches = new Map<string, Set<string>>();
  private readonly childWatches = new Map<string, Set<string>>();

  constructor(private readonly listener: DataTreeListener) {
    // Built in, all-zero stats, as a ZooKeeper 3.5+ server's DataTree constructor makes them.
    for (const path of ['/', '/zookeeper', '/zookeeper/quota', '/zookeeper/config']) {
      this.nodes.set(path, { data: '', stat: newStat(0, 0, NO_OWNER, 0), children: new Set() });
      if (path !== '/')
        this.nodes.get(parentOf(path))!.children.add(path.slice(path.lastIndexOf('/') + 1));
    }
    for (const node of this.nodes.values()) node.stat.numChildren = node.children.size;
  }

  /** Assigns the next zxid: every write (create, delete, setData, session open/close) takes one. */
  nextZxid(): number {
    return ++this.lastZxid;
  }

  /** The znode at `path`, or undefined. Callers must not mutate it. */
  node(path: string): Readonly<ZNode> | undefined {
    return this.nodes.get(path);
  }

  /** Paths of the ephemeral znodes `sessionId` owns, sorted. */
  ephemeralsOf(sessionId: string): string[] {
    return [...(this.ephemerals.get(sessionId) ?? [])].sort();
  }

  /**
   * Creates a znode. Sequential names get the parent's `cversion` as a 10-digit suffix.
   * @returns the created path, or NONODE (no parent), NODEEXISTS, NOCHILDRENFOREPHEMERALS,
   *   BADARGUMENTS (invalid path).
   */
  create(
    path: string,
    data: string | null,
    ephemeralOwner: string,
    sequential: boolean,
    zxid: number,
    now: number,
  ): { err: ZkErrorName; path: string | null } {
    if (!isValidPath(path) || path === '/') return { err: 'BADARGUMENTS', path: null };
    const parentPath = parentOf(path);
    const parent = this.nodes.get(parentPath);
    if (!parent) return { err: 'NONODE', path: null };
    if (parent.stat.ephemeralOwner !== NO_OWNER)
      return { err: 'NOCHILDRENFOREPHEMERALS', path: null };
    const name = sequential ? `${path}${String(parent.stat.cversion).padStart(10, '0')}` : path;
    if (this.nodes.has(name)) return { err: 'NODEEXISTS', path: null };

    const stat = newStat(zxid, now, ephemeralOwner, utf8Length(data));
    this.nodes.set(name, { data, stat, children: new Set() });
    parent.children.add(name.slice(parentPath === '/' ? 1 : parentPath.length + 1));
    parent.stat.cversion++;
    parent.stat.numChildren = parent.children.size;
    parent.stat.pzxid = zxid;
    if (ephemeralOwner !== NO_OWNER) {
      const owned = this.ephemerals.get(ephemeralOwner) ?? new Set<string>();
      owned.add(name);
      this.ephemerals.set(ephemeralOwner, owned);
    }
    this.listener.nodeChanged('created', name, stat);
    this.trigger(this.dataWatches, name, 'NodeCreated');
    this.trigger(this.childWatches, parentPath, 'NodeChildrenChanged');
    return { err: 'OK', path: name };
  }

  /** Deletes a znode if `version` matches (-1 matches any). NONODE, BADVERSION or NOTEMPTY otherwise. */
  delete(path: string, version: number, zxid: number): ZkErrorName {
    if (!isValidPath(path) || path === '/') return 'BADARGUMENTS';
    const node = this.nodes.get(path);
    if (!node) return 'NONODE';
    if (version !== MATCH_ANY_VERSION && version !== node.stat.version) return 'BADVERSION';
    if (node.children.size > 0) return 'NOTEMPTY';

    const parentPath = parentOf(path);
    const parent = this.nodes.get(parentPath)!;
    this.nodes.delete(path);
    parent.children.delete(path.slice(parentPath === '/' ? 1 : parentPath.length + 1));
    parent.stat.cversion++;
    parent.stat.numChildren = parent.children.size;
    parent.stat.pzxid = zxid;
    const owner = node.stat.ephemeralOwner;
    if (owner !== NO_OWNER) {
      const owned = this.ephemerals.get(owner);
      owned?.delete(path);
      if (owned?.size === 0) this.ephemerals.delete(owner);
    }
    this.listener.nodeChanged('deleted', path, node.stat);
    // One NodeDeleted per session even if it held both a data and a child watch on `path`.
    const notified = this.trigger(this.dataWatches, path, 'NodeDeleted');
    this.trigger(this.childWatches, path, 'NodeDeleted', notified);
    this.trigger(this.childWatches, parentPath, 'NodeChildrenChanged');
    return 'OK';
  }

  /** Replaces a znode's data if `version` matches (-1 matches any); returns its new stat. */
  setData(
    path: string,
    data: string | null,
    version: number,
    zxid: number,
    now: number,
  ): { err: ZkErrorName; stat: ZkStat | null } {
    if (!isValidPath(path)) return { err: 'BADARGUMENTS', stat: null };
    const node = this.nodes.get(path);
    if (!node) return { err: 'NONODE', stat: null };
    if (version !== MATCH_ANY_VERSION && version !== node.stat.version) {
      return { err: 'BADVERSION', stat: null };
    }
    node.data = data;
    node.stat.version++;
    node.stat.mzxid = zxid;
    node.stat.mtime = now;
    node.stat.dataLength = utf8Length(data);
    this.listener.nodeChanged('changed', path, node.stat);
    this.trigger(this.dataWatches, path, 'NodeDataChanged');
    return { err: 'OK', stat: { ...node.stat } };
  }

  /** Adds a data watch (getData/exists) or child watch (getChildren) of `sessionId` on `path`. */
  addWatch(kind: 'data' | 'child', path: string, sessionId: string): void {
    const table = kind === 'data' ? this.dataWatches : this.childWatches;
    const sessions = table.get(path) ?? new Set<string>();
    sessions.add(sessionId);
    table.set(path, sessions);
  }

  /** Forgets every watch `sessionId` holds (session closed or expired, or before re-arming). */
  removeWatches(sessionId: string): void {
    for (const table of [this.dataWatches, this.childWatches]) {
      for (const [path, sessions] of table) {
        sessions.delete(sessionId);
        if (sessions.size === 0) table.delete(path);
      }
    }
  }

  /** Forgets every watch: they live in server memory only and are lost when it stops. */
  clearWatches(): void {
    this.dataWatches.clear();
    this.childWatches.clear();
  }

  /**
   * Re-arms a reconnecting session's watches (`DataTree.setWatches`): a watch whose znode changed
   * after `relativeZxid` fires at once, the others are registered again.
   */
  setWatches(sessionId: string, relativeZxid: number, watches: ZkSetWatches): void {
    const fire = (type: ZkEventType, path: string) =>
      this.listener.watchFired(sessionId, type, path);
    for (const path of watches.dataWatches) {
      const node = this.nodes.get(path);
      if (!node) fire('NodeDeleted', path);
      else if (node.stat.mzxid > relativeZxid) fire('NodeDataChanged', path);
      else this.addWatch('data', path, sessionId);
    }
    for (const path of watches.existWatches) {
      if (this.nodes.has(path)) fire('NodeCreated', path);
      else this.addWatch('data', path, sessionId);
    }
    for (const path of watches.childWatches) {
      const node = this.nodes.get(path);
      if (!node) fire('NodeDeleted', path);
      else if (node.stat.pzxid > relativeZxid) fire('NodeChildrenChanged', path);
      else this.addWatch('child', path, sessionId);
    }
  }

  /** Every znode path in the tree, sorted. */
  paths(): string[] {
    return [...this.nodes.keys()].sort();
  }

  private trigger(
    table: Map<string, Set<string>>,
    path: string,
    type: ZkEventType,
    skip?: ReadonlySet<string>,
  ): Set<string> {
    const sessions = table.get(path);
    if (!sessions) return new Set();
    table.delete(path);
    for (const sessionId of sessions) {
      if (!skip?.has(sessionId)) this.listener.watchFired(sessionId, type, path);
    }
    return sessions;
  }
}

function newStat(zxid: number, now: number, ephemeralOwner: string, dataLength: number): ZkStat {
  return {
    czxid: zxid,
    mzxid: zxid,
    ctime: now,
    mtime: now,
    version: 0,
    cversion: 0,
    aversion: 0,
    ephemeralOwner,
    dataLength,
    numChildren: 0,
    pzxid: zxid,
  };
}
