/**
 * The ZooKeeper client a simulated broker holds: one session, kept alive by pings, re-armed after
 * a disconnection, and replaced by a new session when the server says the old one expired (as
 * Kafka's `ZooKeeperClient` reinitializes). Results come back through callbacks, never
 * synchronously from the call that asked.
 *
 * Timing follows ZooKeeper 3.8 `ClientCnxn.SendThread`; session replacement follows Kafka's
 * `kafka.zookeeper.ZooKeeperClient`:
 * https://github.com/apache/zookeeper/blob/release-3.8.4/zookeeper-server/src/main/java/org/apache/zookeeper/ClientCnxn.java
 * https://github.com/apache/kafka/blob/3.9/core/src/main/scala/kafka/zookeeper/ZooKeeperClient.scala
 */
import type {
  ZkCreateMode,
  ZkErrorName,
  ZkRequest,
  ZkResponse,
  ZkSessionOp,
  ZkStat,
  ZkWatchEvent,
} from './zkProtocol';
import { PING_XID, zkErrorResponse } from './zkProtocol';
import type { ZkWatcher } from './clientWatchManager';
import { ClientWatchManager } from './clientWatchManager';
import { clientPingIntervalMs, clientReadTimeoutMs, RECONNECT_BACKOFF_MS } from './clientTiming';

/** What a {@link ZooKeeperClient} needs from the simulation. */
export interface ZooKeeperClientContext {
  /** The node this client runs on, e.g. `broker-1`; the server replies to it. */
  clientId: string;
  /** Current virtual time, ms. */
  now(): number;
  /** Runs `fn` after `delayMs` virtual ms; returns a timer id. */
  schedule(delayMs: number, fn: () => void): number;
  cancel(id: number): void;
  /** Emits a simulation event (DESIGN §3), e.g. `zk.client.disconnected`. */
  emit(type: string, fields: Record<string, unknown>): void;
  /** Sends a request to the ZooKeeper server over the simulated network (it may be dropped). */
  send(message: ZkRequest): void;
  /** Requested session timeout, ms: Kafka's `zookeeper.session.timeout.ms` (default 18000). */
  sessionTimeoutMs: number;
}

/** `ZooKeeper.States` the simulated client goes through. */
export type ZkClientState = 'NOT_CONNECTED' | 'CONNECTING' | 'CONNECTED' | 'CLOSED';

/** Passed to `onConnected` each time the client (re)connects. */
export interface ZkSessionEstablished {
  sessionId: string;
  /** Negotiated session timeout, ms. */
  sessionTimeoutMs: number;
  /** True for a new session (first connect, or after expiry): ephemerals must be re-created. */
  newSession: boolean;
}

/** Result of `create`: the created path (with its sequence suffix), or an error. */
export interface ZkCreateResult {
  err: ZkErrorName;
  path: string | null;
}

/** Result of `delete`. */
export interface ZkDeleteResult {
  err: ZkErrorName;
}

/** Result of `setData` and `exists`: the znode's stat, or null when it does not exist. */
export interface ZkStatResult {
  err: ZkErrorName;
  stat: ZkStat | null;
}

/** Result of `getData`. */
export interface ZkGetDataResult {
  err: ZkErrorName;
  data: string | null;
  stat: ZkStat | null;
}

/** Result of `getChildren`: child names, sorted. */
export interface ZkGetChildrenResult {
  err: ZkErrorName;
  children: string[];
  stat: ZkStat | null;
}

interface Pending {
  request: ZkSessionOp;
  sent: boolean;
  timer: number;
  complete: (response: ZkResponse) => void;
}

/** A simulated ZooKeeper client (one `ZooKeeper` handle plus Kafka's session re-initialization). */
export class ZooKeeperClient {
  private stateValue: ZkClientState = 'NOT_CONNECTED';
  private session: string | null = null;
  private negotiatedMs = 0;
  private lastZxidSeen = 0;
  private nextXid = 1;
  private lastSendMs = 0;
  private lastRecvMs = 0;
  private pingTimer: number | undefined;
  private readTimer: number | undefined;
  private connectTimer: number | undefined;
  private readonly connectXids = new Set<number>();
  private readonly pending = new Map<number, Pending>();
  private readonly watchers = new ClientWatchManager();
  private onConnected: (session: ZkSessionEstablished) => void = () => {};
  private onExpired: () => void = () => {};
  private onDisconnected: () => void = () => {};

  constructor(private readonly ctx: ZooKeeperClientContext) {}

  /** Connection state. */
  get state(): ZkClientState {
    return this.stateValue;
  }

  /** Current session id in hex, or null before the first session and after expiry. */
  get sessionId(): string | null {
    return this.session;
  }

  /** Negotiated session timeout, ms (0 before the first session). */
  get sessionTimeoutMs(): number {
    return this.negotiatedMs;
  }

  /**
   * Opens a session. `onConnected` fires on every (re)connection, with `newSession` true when the
   * session is new. `onExpired` fires when the server reports the session expired; the client
   * then opens a new session by itself (Kafka's `ZooKeeperClient.reinitialize`) and calls
   * `onConnected` again, where Kafka re-registers its ephemeral znodes and watches.
   * `onDisconnected` fires when nothing was heard for {@link clientReadTimeoutMs}.
   */
  connect(
    onConnected: (session: ZkSessionEstablished) => void,
    onExpired: () => void,
    onDisconnected: () => void = () => {},
  ): void {
    if (this.stateValue !== 'NOT_CONNECTED')
      throw new Error(`connect() in state ${this.stateValue}`);
    this.onConnected = onConnected;
    this.onExpired = onExpired;
    this.onDisconnected = onDisconnected;
    this.stateValue = 'CONNECTING';
    this.sendConnect();
  }

  /** Creates a znode; `mode` as ZooKeeper's `CreateMode`. NODEEXISTS if it is there already. */
  create(
    path: string,
    data: string | null,
    mode: ZkCreateMode,
    callback: (result: ZkCreateResult) => void,
  ): void {
    const ephemeral = mode === 'EPHEMERAL' || mode === 'EPHEMERAL_SEQUENTIAL';
    const sequential = mode === 'PERSISTENT_SEQUENTIAL' || mode === 'EPHEMERAL_SEQUENTIAL';
    this.submit({ op: 'create', xid: 0, sessionId: '', path, data, ephemeral, sequential }, (r) =>
      callback({ err: r.err, path: r.op === 'create' ? r.path : null }),
    );
  }

  /** Deletes a znode at `version` (-1 = any): NONODE, BADVERSION or NOTEMPTY otherwise. */
  delete(path: string, version: number, callback: (result: ZkDeleteResult) => void): void {
    this.submit({ op: 'delete', xid: 0, sessionId: '', path, version }, (r) =>
      callback({ err: r.err }),
    );
  }

  /** Replaces a znode's data at `version` (-1 = any): NONODE or BADVERSION otherwise. */
  setData(
    path: string,
    data: string | null,
    version: number,
    callback: (result: ZkStatResult) => void,
  ): void {
    this.submit({ op: 'setData', xid: 0, sessionId: '', path, data, version }, (r) =>
      callback({ err: r.err, stat: r.op === 'setData' ? r.stat : null }),
    );
  }

  /** Reads a znode; `watcher` fires once on NodeDataChanged or NodeDeleted. */
  getData(path: string, callback: (result: ZkGetDataResult) => void, watcher?: ZkWatcher): void {
    this.submit({ op: 'getData', xid: 0, sessionId: '', path, watch: !!watcher }, (r) => {
      if (watcher && r.err === 'OK') this.watchers.add('data', path, watcher);
      callback(r.op === 'getData' ? r : { err: r.err, data: null, stat: null });
    });
  }

  /**
   * Stats a znode (NONODE when absent); `watcher` fires once on NodeCreated, NodeDataChanged or
   * NodeDeleted — it may watch a znode that does not exist yet.
   */
  exists(path: string, callback: (result: ZkStatResult) => void, watcher?: ZkWatcher): void {
    this.submit({ op: 'exists', xid: 0, sessionId: '', path, watch: !!watcher }, (r) => {
      if (watcher && r.err === 'OK') this.watchers.add('data', path, watcher);
      if (watcher && r.err === 'NONODE') this.watchers.add('exist', path, watcher);
      callback({ err: r.err, stat: r.op === 'exists' ? r.stat : null });
    });
  }

  /** Lists a znode's children; `watcher` fires once on NodeChildrenChanged or NodeDeleted. */
  getChildren(
    path: string,
    callback: (result: ZkGetChildrenResult) => void,
    watcher?: ZkWatcher,
  ): void {
    this.submit({ op: 'getChildren', xid: 0, sessionId: '', path, watch: !!watcher }, (r) => {
      if (watcher && r.err === 'OK') this.watchers.add('child', path, watcher);
      callback(r.op === 'getChildren' ? r : { err: r.err, children: [], stat: null });
    });
  }

  /**
   * Closes the session: the server deletes its ephemeral znodes at once (if the closeSession
   * request arrives; otherwise they go when the session expires). Pending calls fail with
   * SESSIONEXPIRED, as on a closed `ZooKeeper` handle.
   */
  close(): void {
    if (this.stateValue === 'CLOSED') return;
    if (this.stateValue === 'CONNECTED' && this.session !== null) {
      this.ctx.send({ op: 'closeSession', xid: this.nextXid++, sessionId: this.session });
    }
    this.ctx.emit('zk.client.closed', { clientId: this.ctx.clientId, sessionId: this.session });
    this.shutDown();
    this.failAll('SESSIONEXPIRED');
  }

  /**
   * Stops the client dead, as when its process crashes: no closeSession, no callbacks. The
   * session lives on at the server until it expires.
   */
  halt(): void {
    this.shutDown();
    for (const p of this.pending.values()) this.ctx.cancel(p.timer);
    this.pending.clear();
  }

  /** Handles a message from the server. */
  receive(message: ZkResponse | ZkWatchEvent): void {
    if (this.stateValue === 'CLOSED' || this.stateValue === 'NOT_CONNECTED') return;
    if (message.op === 'connect') {
      this.connected(message);
      return;
    }
    // Anything else belongs to a connection the client is no longer using.
    if (this.stateValue !== 'CONNECTED') return;
    if (message.op === 'watchEvent') {
      if (message.sessionId !== this.session) return;
      this.lastRecvMs = this.ctx.now();
      const event = { type: message.type, path: message.path };
      for (const watcher of this.watchers.materialize(event)) watcher(event);
      return;
    }
    this.lastRecvMs = this.ctx.now();
    if (message.zxid > this.lastZxidSeen) this.lastZxidSeen = message.zxid;
    if (message.err === 'SESSIONEXPIRED') {
      this.expire();
      return;
    }
    const p = message.xid === PING_XID ? undefined : this.pending.get(message.xid);
    if (!p) return;
    this.pending.delete(message.xid);
    this.ctx.cancel(p.timer);
    p.complete(message);
  }

  private submit(request: ZkSessionOp, complete: (response: ZkResponse) => void): void {
    if (this.stateValue === 'CLOSED' || this.stateValue === 'NOT_CONNECTED') {
      const err = this.stateValue === 'CLOSED' ? 'SESSIONEXPIRED' : 'CONNECTIONLOSS';
      this.ctx.schedule(0, () => complete(zkErrorResponse(request, err, 0)));
      return;
    }
    const xid = this.nextXid++;
    const req = { ...request, xid };
    // A simulated link can lose one message without losing the connection: give up after a
    // session timeout, as if the connection had been lost.
    const timeoutMs = this.negotiatedMs || this.ctx.sessionTimeoutMs;
    const timer = this.ctx.schedule(timeoutMs, () => {
      if (this.pending.get(xid) !== p) return;
      this.pending.delete(xid);
      complete(zkErrorResponse(req, 'CONNECTIONLOSS', 0));
    });
    const p: Pending = { request: req, sent: false, timer, complete };
    this.pending.set(xid, p);
    if (this.stateValue === 'CONNECTED') this.transmit(p);
  }

  private transmit(p: Pending): void {
    p.sent = true;
    this.ctx.send({ ...p.request, sessionId: this.session! });
    this.lastSendMs = this.ctx.now();
  }

  private sendConnect(): void {
    const xid = this.nextXid++;
    this.connectXids.add(xid);
    const watches = this.session === null ? undefined : this.watchers.paths();
    this.ctx.send({
      op: 'connect',
      xid,
      sessionId: this.session,
      sessionTimeoutMs: this.ctx.sessionTimeoutMs,
      lastZxidSeen: this.lastZxidSeen,
      ...(watches ? { watches } : {}),
    });
    this.lastSendMs = this.ctx.now();
    this.ctx.cancel(this.connectTimer ?? -1);
    this.connectTimer = this.ctx.schedule(RECONNECT_BACKOFF_MS, () => {
      this.connectTimer = undefined;
      if (this.stateValue === 'CONNECTING') this.sendConnect();
    });
  }

  private connected(m: Extract<ZkResponse, { op: 'connect' }>): void {
    if (this.stateValue !== 'CONNECTING' || !this.connectXids.has(m.xid)) return;
    this.connectXids.clear();
    this.ctx.cancel(this.connectTimer ?? -1);
    this.connectTimer = undefined;
    if (m.err !== 'OK' || m.sessionTimeoutMs <= 0) {
      this.expire();
      return;
    }
    const newSession = m.sessionId !== this.session;
    this.session = m.sessionId;
    this.negotiatedMs = m.sessionTimeoutMs;
    this.stateValue = 'CONNECTED';
    this.lastRecvMs = this.ctx.now();
    if (m.zxid > this.lastZxidSeen) this.lastZxidSeen = m.zxid;
    this.armRead();
    this.armPing();
    this.ctx.emit('zk.client.connected', {
      clientId: this.ctx.clientId,
      sessionId: m.sessionId,
      sessionTimeoutMs: m.sessionTimeoutMs,
      newSession,
    });
    for (const p of this.pending.values()) if (!p.sent) this.transmit(p);
    this.onConnected({ sessionId: m.sessionId, sessionTimeoutMs: m.sessionTimeoutMs, newSession });
  }

  /** Nothing heard for the read timeout: fail in-flight calls, then try to resume the session. */
  private disconnected(): void {
    this.stateValue = 'CONNECTING';
    this.cancelSessionTimers();
    this.ctx.emit('zk.client.disconnected', {
      clientId: this.ctx.clientId,
      sessionId: this.session,
      idleMs: this.ctx.now() - this.lastRecvMs,
    });
    for (const [xid, p] of [...this.pending]) {
      if (!p.sent) continue;
      this.pending.delete(xid);
      this.ctx.cancel(p.timer);
      p.complete(zkErrorResponse(p.request, 'CONNECTIONLOSS', 0));
    }
    this.onDisconnected();
    if (this.stateValue === 'CONNECTING') this.sendConnect();
  }

  /** The server reported the session expired: drop it, tell the owner, open a new session. */
  private expire(): void {
    this.ctx.emit('zk.client.expired', { clientId: this.ctx.clientId, sessionId: this.session });
    this.cancelSessionTimers();
    this.ctx.cancel(this.connectTimer ?? -1);
    this.connectTimer = undefined;
    this.connectXids.clear();
    this.session = null;
    this.lastZxidSeen = 0;
    this.watchers.clear();
    this.stateValue = 'CONNECTING';
    this.failAll('SESSIONEXPIRED');
    this.onExpired();
    if (this.stateValue === 'CONNECTING' && this.connectTimer === undefined) this.sendConnect();
  }

  private failAll(err: ZkErrorName): void {
    const failed = [...this.pending.values()];
    this.pending.clear();
    for (const p of failed) {
      this.ctx.cancel(p.timer);
      p.complete(zkErrorResponse(p.request, err, 0));
    }
  }

  private shutDown(): void {
    this.stateValue = 'CLOSED';
    this.cancelSessionTimers();
    this.ctx.cancel(this.connectTimer ?? -1);
    this.connectTimer = undefined;
    this.connectXids.clear();
    this.watchers.clear();
  }

  private cancelSessionTimers(): void {
    this.ctx.cancel(this.pingTimer ?? -1);
    this.ctx.cancel(this.readTimer ?? -1);
    this.pingTimer = undefined;
    this.readTimer = undefined;
  }

  /** Fires when the read timeout may have passed; re-arms while the server keeps answering. */
  private armRead(): void {
    const readTimeoutMs = clientReadTimeoutMs(this.negotiatedMs);
    this.readTimer = this.ctx.schedule(this.lastRecvMs + readTimeoutMs - this.ctx.now(), () => {
      this.readTimer = undefined;
      if (this.stateValue !== 'CONNECTED') return;
      if (this.ctx.now() - this.lastRecvMs >= readTimeoutMs) this.disconnected();
      else this.armRead();
    });
  }

  /** Pings once the client has sent nothing for the ping interval. */
  private armPing(): void {
    const intervalMs = clientPingIntervalMs(this.negotiatedMs);
    this.pingTimer = this.ctx.schedule(this.lastSendMs + intervalMs - this.ctx.now(), () => {
      this.pingTimer = undefined;
      if (this.stateValue !== 'CONNECTED') return;
      if (this.ctx.now() - this.lastSendMs >= intervalMs) {
        this.ctx.send({ op: 'ping', xid: PING_XID, sessionId: this.session! });
        this.lastSendMs = this.ctx.now();
      }
      this.armPing();
    });
  }
}
