/**
 * The messages a simulated ZooKeeper client and server exchange, in ZooKeeper's own vocabulary
 * (opcodes, `KeeperException.Code` names, `Stat` fields, `Watcher.Event.EventType`). Plain JSON so
 * they can travel over the simulated network and appear in the event stream.
 *
 * Sources (ZooKeeper 3.8, the version Kafka 3.9 ships):
 * https://github.com/apache/zookeeper/blob/release-3.8.4/zookeeper-server/src/main/java/org/apache/zookeeper/KeeperException.java
 * https://github.com/apache/zookeeper/blob/release-3.8.4/zookeeper-jute/src/main/resources/zookeeper.jute
 */

/**
 * `KeeperException.Code` values the simulation produces, with the code number ZooKeeper uses and
 * the text `KeeperException.getCodeMessage` prints. `retriable` marks the one code Kafka's
 * `KafkaZkClient.retryRequestsUntilConnected` retries.
 */
export const zkErrors = {
  OK: { code: 0, retriable: false, exception: '', message: 'ok' },
  CONNECTIONLOSS: {
    code: -4,
    retriable: true,
    exception: 'ConnectionLossException',
    message: 'ConnectionLoss',
  },
  BADARGUMENTS: {
    code: -8,
    retriable: false,
    exception: 'BadArgumentsException',
    message: 'BadArguments',
  },
  NONODE: { code: -101, retriable: false, exception: 'NoNodeException', message: 'NoNode' },
  BADVERSION: {
    code: -103,
    retriable: false,
    exception: 'BadVersionException',
    message: 'BadVersion',
  },
  NOCHILDRENFOREPHEMERALS: {
    code: -108,
    retriable: false,
    exception: 'NoChildrenForEphemeralsException',
    message: 'NoChildrenForEphemerals',
  },
  NODEEXISTS: {
    code: -110,
    retriable: false,
    exception: 'NodeExistsException',
    message: 'NodeExists',
  },
  NOTEMPTY: {
    code: -111,
    retriable: false,
    exception: 'NotEmptyException',
    message: 'Directory not empty',
  },
  SESSIONEXPIRED: {
    code: -112,
    retriable: false,
    exception: 'SessionExpiredException',
    message: 'Session expired',
  },
} as const;

/** A `KeeperException.Code` name such as `NODEEXISTS`. */
export type ZkErrorName = keyof typeof zkErrors;

/**
 * The message a Java client prints for a failed call, e.g.
 * `org.apache.zookeeper.KeeperException$NoNodeException: KeeperErrorCode = NoNode for /controller`.
 */
export function keeperExceptionMessage(err: Exclude<ZkErrorName, 'OK'>, path?: string): string {
  const e = zkErrors[err];
  const suffix = path === undefined ? '' : ` for ${path}`;
  return `org.apache.zookeeper.KeeperException$${e.exception}: KeeperErrorCode = ${e.message}${suffix}`;
}

/**
 * A znode's metadata, field for field as `org.apache.zookeeper.data.Stat`. Times are virtual ms;
 * zxids are the server's transaction counter; `ephemeralOwner` is the owning session id in hex
 * (`0x0` for a persistent znode), as `zookeeper-shell` prints it.
 */
export interface ZkStat {
  /** zxid of the transaction that created the znode. */
  czxid: number;
  /** zxid of the transaction that last changed the znode's data. */
  mzxid: number;
  /** Creation time, virtual ms. */
  ctime: number;
  /** Last data change, virtual ms. */
  mtime: number;
  /** Data version: number of setData calls (`dataVersion` in zookeeper-shell). */
  version: number;
  /** Child version: number of child creations and deletions. */
  cversion: number;
  /** ACL version; always 0 here (ACLs are not simulated). */
  aversion: number;
  /** Owning session id for an ephemeral znode, `0x0` otherwise. */
  ephemeralOwner: string;
  /** Length of the data in UTF-8 bytes. */
  dataLength: number;
  numChildren: number;
  /** zxid of the transaction that last added or removed a child. */
  pzxid: number;
}

/** `Watcher.Event.EventType` values a watch can fire with. */
export type ZkEventType = 'NodeCreated' | 'NodeDeleted' | 'NodeDataChanged' | 'NodeChildrenChanged';

/** `org.apache.zookeeper.CreateMode` (container and TTL modes are not simulated). */
export type ZkCreateMode =
  'PERSISTENT' | 'EPHEMERAL' | 'PERSISTENT_SEQUENTIAL' | 'EPHEMERAL_SEQUENTIAL';

/**
 * Watches a reconnecting client re-arms on its session (ZooKeeper's `SetWatches` request): the
 * server fires at once any whose znode changed after the client's last seen zxid.
 */
export interface ZkSetWatches {
  /** Paths with a getData/exists watch on an existing znode. */
  dataWatches: string[];
  /** Paths with an exists watch on a znode that did not exist. */
  existWatches: string[];
  /** Paths with a getChildren watch. */
  childWatches: string[];
}

/** Fields every request after the handshake carries (a simulated link has no TCP connection). */
interface ZkSessionRequest {
  /** Client-assigned request id, echoed in the response. */
  xid: number;
  sessionId: string;
}

/**
 * A client → server message. `connect` opens a session (`sessionId: null`) or resumes one; the
 * others are ZooKeeper's opcodes of the same names (`multi` is not simulated).
 */
export type ZkRequest =
  | {
      op: 'connect';
      xid: number;
      sessionId: string | null;
      /** Requested session timeout, ms; the server clamps it. */
      sessionTimeoutMs: number;
      /** Highest zxid the client has seen (ConnectRequest.lastZxidSeen). */
      lastZxidSeen: number;
      watches?: ZkSetWatches;
    }
  | (ZkSessionRequest & { op: 'ping' })
  | (ZkSessionRequest & {
      op: 'create';
      path: string;
      data: string | null;
      ephemeral: boolean;
      sequential?: boolean;
    })
  | (ZkSessionRequest & { op: 'delete'; path: string; version: number })
  | (ZkSessionRequest & { op: 'setData'; path: string; data: string | null; version: number })
  | (ZkSessionRequest & { op: 'getData' | 'exists' | 'getChildren'; path: string; watch: boolean })
  | (ZkSessionRequest & { op: 'closeSession' });

/** The reply header every response carries (ZooKeeper's `ReplyHeader`). */
interface ZkReplyHeader {
  xid: number;
  /** The server's last zxid after handling the request. */
  zxid: number;
  err: ZkErrorName;
}

/** A server → client reply to one {@link ZkRequest}, matched by `xid`. */
export type ZkResponse =
  | (ZkReplyHeader & {
      op: 'connect';
      sessionId: string;
      /** Negotiated timeout, ms; 0 when the session has expired. */
      sessionTimeoutMs: number;
    })
  | (ZkReplyHeader & { op: 'ping' | 'delete' | 'closeSession' })
  | (ZkReplyHeader & { op: 'create'; path: string | null })
  | (ZkReplyHeader & { op: 'setData' | 'exists'; stat: ZkStat | null })
  | (ZkReplyHeader & { op: 'getData'; data: string | null; stat: ZkStat | null })
  | (ZkReplyHeader & { op: 'getChildren'; children: string[]; stat: ZkStat | null });

/** A watch notification (ZooKeeper's `WatcherEvent`, sent with xid -1). */
export interface ZkWatchEvent {
  op: 'watchEvent';
  sessionId: string;
  type: ZkEventType;
  path: string;
}

/** xid ZooKeeper reserves for pings (`ClientCnxn.PING_XID`). */
export const PING_XID = -2;

/** `ZkVersion.MatchAnyVersion`: a delete/setData version that matches any znode version. */
export const MATCH_ANY_VERSION = -1;

/** A request other than `connect`: what a session sends once established. */
export type ZkSessionOp = Exclude<ZkRequest, { op: 'connect' }>;

/** The response to `request` that carries only an error code (and empty results). */
export function zkErrorResponse(request: ZkSessionOp, err: ZkErrorName, zxid: number): ZkResponse {
  const h = { xid: request.op === 'ping' ? PING_XID : request.xid, zxid, err };
  switch (request.op) {
    case 'create':
      return { ...h, op: 'create', path: null };
    case 'setData':
    case 'exists':
      return { ...h, op: request.op, stat: null };
    case 'getData':
      return { ...h, op: 'getData', data: null, stat: null };
    case 'getChildren':
      return { ...h, op: 'getChildren', children: [], stat: null };
    default:
      return { ...h, op: request.op };
  }
}
