/**
 * A standalone ZooKeeper server for Kafka's ZooKeeper mode: sessions with a negotiated timeout,
 * ephemeral znodes deleted when their session expires or closes, one-shot watches, zxid ordering.
 * Deterministic: time comes from the context, sessions expire on timers of the simulation's
 * scheduler, and every message goes out through `context.send` over the simulated network.
 *
 * Follows ZooKeeper 3.8 (`ZooKeeperServer`, `SessionTrackerImpl`, `ExpiryQueue`, `DataTree`):
 * https://github.com/apache/zookeeper/tree/release-3.8.4/zookeeper-server/src/main/java/org/apache/zookeeper/server
 */
import type {
  ZkStat,
  ZkErrorName,
  ZkEventType,
  ZkRequest,
  ZkResponse,
  ZkWatchEvent,
} from './zkProtocol';
import { PING_XID, zkErrorResponse } from './zkProtocol';
import { DataTree, NO_OWNER } from './dataTree';

/** What a {@link ZooKeeperServer} needs from the simulation. */
export interface ZooKeeperServerContext {
  /** Current virtual time, ms. */
  now(): number;
  /** Runs `fn` after `delayMs` virtual ms; returns a timer id. */
  schedule(delayMs: number, fn: () => void): number;
  cancel(id: number): void;
  /** Emits a simulation event (DESIGN §3), e.g. `zk.session.expired`. */
  emit(type: string, fields: Record<string, unknown>): void;
  /** Sends a message to a client over the simulated network (it may be dropped). */
  send(toClientId: string, message: ZkResponse | ZkWatchEvent): void;
  /**
   * ZooKeeper `tickTime`, ms. Default 2000, as in ZooKeeper's `zoo_sample.cfg` (a server started
   * with no tickTime, like Kafka's `config/zookeeper.properties`, uses 3000).
   */
  tickTimeMs?: number;
  /** `minSessionTimeout`, ms (default 2 × tickTime). */
  minSessionTimeoutMs?: number;
  /** `maxSessionTimeout`, ms (default 20 × tickTime). */
  maxSessionTimeoutMs?: number;
}

/** A session as the server tracks it; plain data for snapshots and the UI. */
export interface ZkSessionInfo {
  /** Session id in hex, e.g. `0x100000000000000` (server id 1 in the high byte). */
  sessionId: string;
  /** The client that last spoke for the session. */
  clientId: string;
  /** Negotiated session timeout, ms. */
  timeoutMs: number;
  /** Virtual time the server last heard from the session, ms. */
  lastHeardMs: number;
  /** Virtual time the session expires unless heard from again, ms (rounded up to a tick). */
  expiresAtMs: number;
  /** Ephemeral znodes the session owns, sorted. */
  ephemerals: string[];
}

/** A znode with its path, data and stat, as `get -s` shows it. */
export interface ZNodeSnapshot {
  path: string;
  data: string | null;
  stat: ZkStat;
}

/** The znode tree under some path, children sorted by name. */
export interface ZNodeTree extends ZNodeSnapshot {
  /** Last path segment (`/` for the root). */
  name: string;
  children: ZNodeTree[];
}

interface Session {
  sessionId: string;
  clientId: string;
  timeoutMs: number;
  lastHeardMs: number;
  expiresAtMs: number;
  timer: number | undefined;
}

/** A simulated standalone ZooKeeper server (server id 1). Created stopped: call {@link start}. */
export class ZooKeeperServer {
  /** `tickTime`, ms: the session expiry granularity. */
  readonly tickTimeMs: number;
  /** Lowest session timeout a client can negotiate, ms. */
  readonly minSessionTimeoutMs: number;
  /** Highest session timeout a client can negotiate, ms. */
  readonly maxSessionTimeoutMs: number;
  private readonly data: DataTree;
  private readonly sessionsById = new Map<string, Session>();
  private nextSession = 0;
  private running = false;

  constructor(private readonly ctx: ZooKeeperServerContext) {
    this.tickTimeMs = ctx.tickTimeMs ?? 2000;
    this.minSessionTimeoutMs = ctx.minSessionTimeoutMs ?? 2 * this.tickTimeMs;
    this.maxSessionTimeoutMs = ctx.maxSessionTimeoutMs ?? 20 * this.tickTimeMs;
    this.data = new DataTree({
      watchFired: (sessionId, type, path) => this.notify(sessionId, type, path),
      nodeChanged: (change, path, stat) =>
        this.ctx.emit(`zk.node.${change}`, {
          path,
          zxid: change === 'deleted' ? this.data.lastZxid : stat.mzxid,
          ...(change === 'changed' ? { version: stat.version } : {}),
          ephemeralOwner: stat.ephemeralOwner,
        }),
    });
  }

  /** True between {@link start} and {@link stop}. */
  get isRunning(): boolean {
    return this.running;
  }

  /** zxid of the last transaction. */
  get lastZxid(): number {
    return this.data.lastZxid;
  }

  /**
   * Starts (or restarts) the server. Znodes and sessions survive a restart, as they do in a real
   * dataDir; each surviving session gets a fresh timeout from now (`SessionTrackerImpl` re-tracks
   * loaded sessions) and expires unless its client reconnects in time.
   */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.ctx.emit('zk.server.started', { zxid: this.data.lastZxid });
    for (const s of this.sessionsById.values()) this.touch(s);
  }

  /** Stops the server: it drops every message, expires nothing, and forgets all watches. */
  stop(): void {
    if (!this.running) return;
    this.running = false;
    for (const s of this.sessionsById.values()) {
      this.ctx.cancel(s.timer ?? -1);
      s.timer = undefined;
    }
    this.data.clearWatches();
    this.ctx.emit('zk.server.stopped', {});
  }

  /** Handles one request from `fromClientId`; ignored while the server is stopped. */
  receive(fromClientId: string, request: ZkRequest): void {
    if (!this.running) return;
    if (request.op === 'connect') {
      this.connect(fromClientId, request);
      return;
    }
    const session = this.sessionsById.get(request.sessionId);
    if (!session) {
      this.reply(fromClientId, zkErrorResponse(request, 'SESSIONEXPIRED', this.data.lastZxid));
      return;
    }
    session.clientId = fromClientId;
    this.touch(session);
    const tree = this.data;
    const now = this.ctx.now();
    const base = { xid: request.xid, err: 'OK' as ZkErrorName };
    switch (request.op) {
      case 'ping':
        this.reply(fromClientId, { ...base, op: 'ping', xid: PING_XID, zxid: tree.lastZxid });
        return;
      case 'closeSession':
        this.kill(session, 'closed');
        this.reply(fromClientId, { ...base, op: 'closeSession', zxid: tree.lastZxid });
        return;
      case 'create': {
        const zxid = tree.nextZxid();
        const owner = request.ephemeral ? session.sessionId : NO_OWNER;
        const r = tree.create(request.path, request.data, owner, !!request.sequential, zxid, now);
        this.reply(fromClientId, { ...base, op: 'create', ...r, zxid });
        return;
      }
      case 'delete': {
        const zxid = tree.nextZxid();
        const err = tree.delete(request.path, request.version, zxid);
        this.reply(fromClientId, { ...base, op: 'delete', err, zxid });
        return;
      }
      case 'setData': {
        const zxid = tree.nextZxid();
        const r = tree.setData(request.path, request.data, request.version, zxid, now);
        this.reply(fromClientId, { ...base, op: 'setData', ...r, zxid });
        return;
      }
      case 'getData':
      case 'exists':
      case 'getChildren':
        this.read(fromClientId, session, request);
        return;
    }
  }

  /** The znode at `path` (a copy), or undefined: `get -s path`. */
  get(path: string): ZNodeSnapshot | undefined {
    const node = this.data.node(path);
    return node ? { path, data: node.data, stat: { ...node.stat } } : undefined;
  }

  /** Child names of `path`, sorted, or undefined when it does not exist: `ls path`. */
  children(path: string): string[] | undefined {
    const node = this.data.node(path);
    return node ? [...node.children].sort() : undefined;
  }

  /** The whole znode tree (or the subtree at `path`) as plain data, children sorted. */
  tree(path = '/'): ZNodeTree | undefined {
    const snap = this.get(path);
    if (!snap) return undefined;
    const name = path === '/' ? '/' : path.slice(path.lastIndexOf('/') + 1);
    const kids = this.children(path)!.map((c) =>
      this.tree(path === '/' ? `/${c}` : `${path}/${c}`)!,
    );
    return { ...snap, name, children: kids };
  }

  /** Live sessions, sorted by id. */
  sessions(): ZkSessionInfo[] {
    return [...this.sessionsById.values()]
      .sort((a, b) => (a.sessionId < b.sessionId ? -1 : 1))
      .map((s) => ({
        sessionId: s.sessionId,
        clientId: s.clientId,
        timeoutMs: s.timeoutMs,
        lastHeardMs: s.lastHeardMs,
        expiresAtMs: s.expiresAtMs,
        ephemerals: this.data.ephemeralsOf(s.sessionId),
      }));
  }

  private connect(clientId: string, req: Extract<ZkRequest, { op: 'connect' }>): void {
    const header = { op: 'connect' as const, xid: req.xid };
    if (req.sessionId !== null) {
      const s = this.sessionsById.get(req.sessionId);
      if (!s) {
        // ConnectResponse with timeout 0: the client raises KeeperState.Expired.
        const zxid = this.data.lastZxid;
        this.reply(clientId, {
          ...header,
          zxid,
          err: 'SESSIONEXPIRED',
          sessionId: req.sessionId,
          sessionTimeoutMs: 0,
        });
        return;
      }
      s.clientId = clientId;
      this.touch(s);
      this.ctx.emit('zk.session.reconnected', { sessionId: s.sessionId, clientId });
      this.reply(clientId, {
        ...header,
        zxid: this.data.lastZxid,
        err: 'OK',
        sessionId: s.sessionId,
        sessionTimeoutMs: s.timeoutMs,
      });
      // SetWatches: re-arm, firing those whose znode changed while the client was away.
      this.data.removeWatches(s.sessionId);
      if (req.watches) this.data.setWatches(s.sessionId, req.lastZxidSeen, req.watches);
      return;
    }
    const timeoutMs = Math.min(
      this.maxSessionTimeoutMs,
      Math.max(this.minSessionTimeoutMs, req.sessionTimeoutMs),
    );
    // SessionTrackerImpl.initializeNextSessionId: server id in the high byte, then a counter.
    const sessionId = `0x1${(this.nextSession++).toString(16).padStart(14, '0')}`;
    const s: Session = {
      sessionId,
      clientId,
      timeoutMs,
      lastHeardMs: 0,
      expiresAtMs: 0,
      timer: undefined,
    };
    this.sessionsById.set(sessionId, s);
    const zxid = this.data.nextZxid(); // createSession is a transaction
    this.touch(s);
    this.ctx.emit('zk.session.created', { sessionId, clientId, timeoutMs, zxid });
    this.reply(clientId, { ...header, zxid, err: 'OK', sessionId, sessionTimeoutMs: timeoutMs });
  }

  private read(
    clientId: string,
    session: Session,
    req: Extract<ZkRequest, { op: 'getData' | 'exists' | 'getChildren' }>,
  ): void {
    const node = this.data.node(req.path);
    const zxid = this.data.lastZxid;
    if (!node) {
      // exists() may watch a znode that does not exist yet; getData/getChildren may not.
      if (req.op === 'exists' && req.watch) this.data.addWatch('data', req.path, session.sessionId);
      this.reply(clientId, zkErrorResponse(req, 'NONODE', zxid));
      return;
    }
    if (req.watch)
      this.data.addWatch(req.op === 'getChildren' ? 'child' : 'data', req.path, session.sessionId);
    const stat = { ...node.stat };
    const base = { xid: req.xid, zxid, err: 'OK' as const };
    if (req.op === 'getData')
      this.reply(clientId, { ...base, op: 'getData', data: node.data, stat });
    else if (req.op === 'exists') this.reply(clientId, { ...base, op: 'exists', stat });
    else
      this.reply(clientId, {
        ...base,
        op: 'getChildren',
        children: [...node.children].sort(),
        stat,
      });
  }

  /** Records that the session was heard from; it now expires one timeout later, rounded up to a tick. */
  private touch(s: Session): void {
    const now = this.ctx.now();
    s.lastHeardMs = now;
    // ExpiryQueue.roundToNextInterval: sessions expire in batches on tick boundaries.
    s.expiresAtMs = (Math.floor((now + s.timeoutMs) / this.tickTimeMs) + 1) * this.tickTimeMs;
    this.armExpiry(s);
  }

  /** One timer per session, re-armed lazily when it fires early because the session was touched. */
  private armExpiry(s: Session): void {
    if (s.timer !== undefined) return;
    s.timer = this.ctx.schedule(s.expiresAtMs - this.ctx.now(), () => {
      s.timer = undefined;
      if (!this.running || this.sessionsById.get(s.sessionId) !== s) return;
      if (this.ctx.now() >= s.expiresAtMs) this.kill(s, 'expired');
      else this.armExpiry(s);
    });
  }

  /** closeSession transaction: the session's watches go, then its ephemeral znodes. */
  private kill(s: Session, reason: 'expired' | 'closed'): void {
    this.ctx.cancel(s.timer ?? -1);
    s.timer = undefined;
    this.ctx.emit(`zk.session.${reason}`, {
      sessionId: s.sessionId,
      clientId: s.clientId,
      timeoutMs: s.timeoutMs,
    });
    const zxid = this.data.nextZxid();
    this.data.removeWatches(s.sessionId);
    for (const path of this.data.ephemeralsOf(s.sessionId)) this.data.delete(path, -1, zxid);
    this.sessionsById.delete(s.sessionId);
  }

  private notify(sessionId: string, type: ZkEventType, path: string): void {
    const s = this.sessionsById.get(sessionId);
    if (!s) return;
    this.ctx.emit('zk.watch.fired', { sessionId, clientId: s.clientId, type, path });
    this.ctx.send(s.clientId, { op: 'watchEvent', sessionId, type, path });
  }

  private reply(clientId: string, response: ZkResponse): void {
    this.ctx.send(clientId, response);
  }
}
