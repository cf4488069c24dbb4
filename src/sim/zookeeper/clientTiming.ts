/**
 * When a ZooKeeper client pings, gives up on a quiet connection and retries connecting, as
 * functions of the negotiated session timeout. Source: ZooKeeper 3.8 `ClientCnxn.SendThread.run`
 * https://github.com/apache/zookeeper/blob/release-3.8.4/zookeeper-server/src/main/java/org/apache/zookeeper/ClientCnxn.java
 */

/** Delay between connection attempts while the server cannot be reached, ms (ClientCnxn sleeps up to 1 s). */
export const RECONNECT_BACKOFF_MS = 1000;

/** `ClientCnxn.MAX_SEND_PING_INTERVAL`: a client pings at least this often, ms. */
export const MAX_SEND_PING_INTERVAL_MS = 10_000;

/**
 * How long the client waits without hearing from the server before it calls the connection lost
 * and reconnects, ms: two thirds of the negotiated session timeout (`ClientCnxn.readTimeout`), so
 * a client gives up on a connection before the server gives up on its session.
 */
export function clientReadTimeoutMs(sessionTimeoutMs: number): number {
  return Math.floor((sessionTimeoutMs * 2) / 3);
}

/**
 * Idle time after which the client sends a ping, ms: half the read timeout (a third of the session
 * timeout) less the 1 s margin `ClientCnxn` takes, and at most 10 s. 5000 for an 18000 ms session.
 */
export function clientPingIntervalMs(sessionTimeoutMs: number): number {
  const half = Math.floor(clientReadTimeoutMs(sessionTimeoutMs) / 2);
  const due = half <= 1000 ? half : Math.max(1001, half - 1000);
  return Math.min(due, MAX_SEND_PING_INTERVAL_MS + 1);
}
