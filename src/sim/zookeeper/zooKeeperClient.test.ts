import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../events/bus';
import { EventBus } from '../events/bus';
import { Scheduler } from '../time/scheduler';
import type { ZkRequest, ZkResponse, ZkWatchEvent } from './zkProtocol';
import type { ZkWatchedEvent } from './clientWatchManager';
import type { ZkSessionEstablished } from './zooKeeperClient';
import { clientPingIntervalMs, clientReadTimeoutMs } from './clientTiming';
import { ZooKeeperClient } from './zooKeeperClient';
import { ZooKeeperServer } from './zooKeeperServer';

const LATENCY_MS = 1;

/**
 * One server and any number of clients on a fake network: every message takes 1 ms; a client's
 * link can be cut (both directions) and single messages dropped by a predicate.
 */
function cluster() {
  const scheduler = new Scheduler();
  const bus = new EventBus(scheduler);
  const events: SimEvent[] = [];
  bus.subscribe((e) => events.push(e));
  const cut = new Set<string>();
  const sent: { tick: number; from: string; message: ZkRequest }[] = [];
  let dropFromClient: (from: string, m: ZkRequest) => boolean = () => false;
  const clients = new Map<string, ZooKeeperClient>();
  const timers = {
    now: () => scheduler.now,
    schedule: (ms: number, fn: () => void) => scheduler.schedule(ms, fn),
    cancel: (id: number) => scheduler.cancel(id),
    emit: (type: string, fields: Record<string, unknown>) => bus.emit(type, fields),
  };
  const server = new ZooKeeperServer({
    ...timers,
    send: (to: string, m: ZkResponse | ZkWatchEvent) => {
      if (cut.has(to)) return;
      scheduler.schedule(LATENCY_MS, () => {
        if (!cut.has(to)) clients.get(to)?.receive(m);
      });
    },
  });
  server.start();

  const client = (clientId: string, sessionTimeoutMs = 18_000) => {
    const c = new ZooKeeperClient({
      ...timers,
      clientId,
      sessionTimeoutMs,
      send: (m) => {
        sent.push({ tick: scheduler.now, from: clientId, message: m });
        if (cut.has(clientId) || dropFromClient(clientId, m)) return;
        scheduler.schedule(LATENCY_MS, () => {
          if (!cut.has(clientId)) server.receive(clientId, m);
        });
      },
    });
    clients.set(clientId, c);
    return c;
  };

  /** Connects a client and records every session it is given. */
  const connected = (clientId: string, sessionTimeoutMs = 18_000) => {
    const c = client(clientId, sessionTimeoutMs);
    const sessions: ZkSessionEstablished[] = [];
    let expiries = 0;
    c.connect(
      (s) => sessions.push(s),
      () => expiries++,
    );
    scheduler.advance(10);
    return { c, sessions, expiries: () => expiries };
  };

  /** Creates persistent parents then the znode, pipelined (ZooKeeper keeps a client's order). */
  const createPath = (c: ZooKeeperClient, path: string, ephemeral = false) => {
    const parts = path.split('/').slice(1);
    for (let i = 1; i < parts.length; i++) {
      c.create(`/${parts.slice(0, i).join('/')}`, null, 'PERSISTENT', () => {});
    }
    c.create(path, 'x', ephemeral ? 'EPHEMERAL' : 'PERSISTENT', () => {});
    scheduler.advance(10);
  };

  return {
    scheduler,
    server,
    events,
    cut,
    sent,
    client,
    connected,
    createPath,
    dropWhen: (p: typeof dropFromClient) => (dropFromClient = p),
  };
}

describe('ZooKeeperClient with ZooKeeperServer', () => {
  it('negotiates a session and pings every 5 s for Kafka’s 18 s session timeout (ClientCnxn timing)', () => {
    const { connected, scheduler, sent } = cluster();
    const { c, sessions } = connected('broker-1');
    expect(sessions).toEqual([
      { sessionId: '0x100000000000000', sessionTimeoutMs: 18_000, newSession: true },
    ]);
    expect(c.state).toBe('CONNECTED');
    expect(clientPingIntervalMs(18_000)).toBe(5000);
    expect(clientReadTimeoutMs(18_000)).toBe(12_000);
    scheduler.advance(30_000);
    const pings = sent.filter((s) => s.message.op === 'ping').map((s) => s.tick);
    expect(pings).toEqual([5000, 10_000, 15_000, 20_000, 25_000, 30_000]);
  });

  it('an ephemeral znode vanishes once the session timeout passes after its client goes silent, not before', () => {
    const { connected, createPath, scheduler, server, cut, events } = cluster();
    const { c } = connected('broker-1');
    createPath(c, '/brokers/ids/1', true);
    scheduler.advance(60_000); // pings keep the session alive
    expect(server.get('/brokers/ids/1')).toBeDefined();

    cut.add('broker-1');
    const lastHeard = server.sessions()[0]!.lastHeardMs;
    scheduler.runUntil(lastHeard + 18_000);
    expect(server.get('/brokers/ids/1')).toBeDefined();
    scheduler.runUntil(lastHeard + 18_000 + server.tickTimeMs);
    expect(server.get('/brokers/ids/1')).toBeUndefined();

    const expired = events.find((e) => e.type === 'zk.session.expired')!;
    expect(expired).toMatchObject({ sessionId: c.sessionId, clientId: 'broker-1' });
    expect(expired.tick).toBeGreaterThan(lastHeard + 18_000);
    // The client gave up on the connection earlier, after 2/3 of the timeout, and keeps retrying.
    const disconnected = events.find((e) => e.type === 'zk.client.disconnected')!;
    expect(disconnected.tick).toBeLessThanOrEqual(lastHeard + LATENCY_MS + 12_000);
    expect(c.state).toBe('CONNECTING');
  });

  it('an ephemeral znode vanishes as soon as its client closes the session', () => {
    const { connected, createPath, scheduler, server, events } = cluster();
    const { c } = connected('broker-1');
    createPath(c, '/brokers/ids/1', true);
    c.close();
    expect(c.state).toBe('CLOSED');
    scheduler.advance(LATENCY_MS);
    expect(server.get('/brokers/ids/1')).toBeUndefined();
    expect(server.sessions()).toEqual([]);
    expect(events.filter((e) => e.type.startsWith('zk.session.')).map((e) => e.type)).toEqual([
      'zk.session.created',
      'zk.session.closed',
    ]);
  });

  it('watches fire once: a second change after the first event is not reported', () => {
    const { connected, createPath, scheduler } = cluster();
    const { c: controller } = connected('broker-1');
    const { c: watcher } = connected('broker-2');
    createPath(controller, '/brokers/topics/orders');
    const seen: ZkWatchedEvent[] = [];
    const onChange = (e: ZkWatchedEvent) => seen.push(e);
    watcher.getData('/brokers/topics/orders', () => {}, onChange);
    watcher.exists('/brokers/topics/orders', () => {}, onChange); // same watcher object: still once
    const childEvents: ZkWatchedEvent[] = [];
    watcher.getChildren(
      '/brokers/topics',
      () => {},
      (e) => childEvents.push(e),
    );
    scheduler.advance(10);

    controller.setData('/brokers/topics/orders', 'v1', -1, () => {});
    controller.setData('/brokers/topics/orders', 'v2', -1, () => {});
    controller.create('/brokers/topics/payments', null, 'PERSISTENT', () => {});
    controller.create('/brokers/topics/audit', null, 'PERSISTENT', () => {});
    scheduler.advance(10);

    expect(seen).toEqual([{ type: 'NodeDataChanged', path: '/brokers/topics/orders' }]);
    expect(childEvents).toEqual([{ type: 'NodeChildrenChanged', path: '/brokers/topics' }]);
  });

  it('the first broker to create /controller wins; the other gets NODEEXISTS and its watch fires when the winner’s session expires', () => {
    const { connected, scheduler, server, cut } = cluster();
    const b1 = connected('broker-1');
    const b2 = connected('broker-2');
    const results: Record<string, string> = {};
    b1.c.create('/controller', '{"brokerid":1}', 'EPHEMERAL', (r) => (results['broker-1'] = r.err));
    b2.c.create('/controller', '{"brokerid":2}', 'EPHEMERAL', (r) => (results['broker-2'] = r.err));
    scheduler.advance(10);
    expect(results).toEqual({ 'broker-1': 'OK', 'broker-2': 'NODEEXISTS' });

    const fired: { tick: number; event: ZkWatchedEvent }[] = [];
    let owner = '';
    b2.c.exists(
      '/controller',
      (r) => (owner = r.stat!.ephemeralOwner),
      (event) => fired.push({ tick: scheduler.now, event }),
    );
    scheduler.advance(10);
    expect(owner).toBe(b1.c.sessionId);

    cut.add('broker-1'); // broker-1 hangs: no pings, no close
    const lastHeard = server.sessions().find((s) => s.clientId === 'broker-1')!.lastHeardMs;
    scheduler.runUntil(lastHeard + 18_000);
    expect(fired).toEqual([]);
    scheduler.runUntil(lastHeard + 18_000 + server.tickTimeMs + LATENCY_MS);
    expect(fired.map((f) => f.event)).toEqual([{ type: 'NodeDeleted', path: '/controller' }]);

    b2.c.create('/controller', '{"brokerid":2}', 'EPHEMERAL', (r) => (results['broker-2'] = r.err));
    scheduler.advance(10);
    expect(results['broker-2']).toBe('OK');
    expect(server.get('/controller')!.stat.ephemeralOwner).toBe(b2.c.sessionId);
  });

  it('setData and delete check versions through the client: BADVERSION for a stale version', () => {
    const { connected, createPath, scheduler } = cluster();
    const { c } = connected('broker-1');
    createPath(c, '/config/topics/orders');
    const out: unknown[] = [];
    c.setData('/config/topics/orders', '{"version":1,"config":{}}', 0, (r) =>
      out.push([r.err, r.stat?.version]),
    );
    c.setData('/config/topics/orders', 'stale', 0, (r) => out.push([r.err, r.stat]));
    c.setData('/config/topics/orders', 'any', -1, (r) => out.push([r.err, r.stat?.version]));
    c.delete('/config/topics/orders', 1, (r) => out.push([r.err]));
    c.getData('/config/topics/orders', (r) => out.push([r.err, r.data, r.stat?.version]));
    c.delete('/config/topics/orders', 2, (r) => out.push([r.err]));
    c.setData('/config/topics/orders', 'gone', -1, (r) => out.push([r.err]));
    scheduler.advance(10);
    expect(out).toEqual([
      ['OK', 1],
      ['BADVERSION', null],
      ['OK', 2],
      ['BADVERSION'],
      ['OK', 'any', 2],
      ['OK'],
      ['NONODE'],
    ]);
  });

  it('after the server reports the session expired, onExpired fires and a new session is opened', () => {
    const { connected, createPath, scheduler, server, cut } = cluster();
    const b1 = connected('broker-1');
    createPath(b1.c, '/brokers/ids/1', true);
    const firstSession = b1.c.sessionId;
    cut.add('broker-1');
    scheduler.advance(25_000); // past the session timeout: the server expires the session
    expect(server.get('/brokers/ids/1')).toBeUndefined();
    expect(b1.expiries()).toBe(0); // the client cannot know until it reaches the server
    cut.delete('broker-1');
    scheduler.advance(1000 + 10); // next reconnect attempt
    expect(b1.expiries()).toBe(1);
    expect(b1.sessions.map((s) => s.newSession)).toEqual([true, true]);
    expect(b1.c.sessionId).not.toBe(firstSession);
    expect(b1.c.state).toBe('CONNECTED');
  });

  it('a reconnecting client resumes its session and re-arms watches, firing those it missed', () => {
    const { connected, createPath, scheduler, server, cut } = cluster();
    const b1 = connected('broker-1');
    const b2 = connected('broker-2');
    createPath(b1.c, '/controller_epoch');
    const seen: ZkWatchedEvent[] = [];
    b2.c.getData(
      '/controller_epoch',
      () => {},
      (e) => seen.push(e),
    );
    scheduler.advance(10);

    cut.add('broker-2');
    b1.c.setData('/controller_epoch', '2', -1, () => {}); // the notification is lost on the way
    scheduler.advance(14_000); // broker-2 has disconnected (12 s) but its session lives (18 s)
    expect(b2.c.state).toBe('CONNECTING');
    expect(seen).toEqual([]);
    cut.delete('broker-2');
    scheduler.advance(1000 + 10);
    expect(b2.c.state).toBe('CONNECTED');
    expect(b2.sessions.map((s) => s.newSession)).toEqual([true, false]);
    expect(seen).toEqual([{ type: 'NodeDataChanged', path: '/controller_epoch' }]);
    expect(server.sessions()).toHaveLength(2);
  });

  it('watches and sessions survive a ZooKeeper restart longer than the session timeout', () => {
    const { connected, createPath, scheduler, server } = cluster();
    const b1 = connected('broker-1');
    const b2 = connected('broker-2');
    createPath(b1.c, '/controller', true);
    const seen: ZkWatchedEvent[] = [];
    b2.c.exists(
      '/controller',
      () => {},
      (e) => seen.push(e),
    );
    scheduler.advance(10);

    server.stop();
    scheduler.advance(30_000);
    server.start();
    scheduler.advance(1000 + 10);
    expect([b1.c.state, b2.c.state]).toEqual(['CONNECTED', 'CONNECTED']);
    expect(server.get('/controller')).toBeDefined();
    expect(b1.sessions.map((s) => s.newSession)).toEqual([true, false]);

    b1.c.delete('/controller', -1, () => {});
    scheduler.advance(10);
    expect(seen).toEqual([{ type: 'NodeDeleted', path: '/controller' }]);
  });

  it('a request whose response never comes fails with CONNECTIONLOSS after the session timeout', () => {
    const { connected, createPath, scheduler, dropWhen } = cluster();
    const { c } = connected('broker-1');
    createPath(c, '/cluster/id');
    dropWhen((_, m) => m.op === 'getData');
    const issuedAt = scheduler.now;
    let failedAt = -1;
    let err = '';
    c.getData('/cluster/id', (r) => {
      err = r.err;
      failedAt = scheduler.now;
    });
    scheduler.advance(17_999);
    expect(err).toBe('');
    scheduler.advance(1);
    expect([err, failedAt - issuedAt]).toEqual(['CONNECTIONLOSS', 18_000]);
    expect(c.state).toBe('CONNECTED'); // pings kept flowing
  });

  it('in-flight requests fail with CONNECTIONLOSS once nothing is heard for 2/3 of the session timeout', () => {
    const { client, scheduler, server } = cluster();
    const c = client('broker-1');
    const disconnectedAt: number[] = [];
    c.connect(
      () => {},
      () => {},
      () => disconnectedAt.push(scheduler.now),
    );
    scheduler.advance(2 * LATENCY_MS); // connect request and response
    server.stop();
    const results: string[] = [];
    c.getData('/brokers', (r) => results.push(`${scheduler.now}:${r.err}`));
    scheduler.advance(13_000);
    const readTimeoutAt = 2 * LATENCY_MS + clientReadTimeoutMs(18_000);
    expect(results).toEqual([`${readTimeoutAt}:CONNECTIONLOSS`]);
    expect(disconnectedAt).toEqual([readTimeoutAt]);
  });

  it('calls made before connect() fail with CONNECTIONLOSS, asynchronously', () => {
    const { client, scheduler } = cluster();
    const c = client('broker-1');
    const results: string[] = [];
    c.getData('/brokers', (r) => results.push(r.err));
    expect(results).toEqual([]);
    scheduler.advance(0);
    expect(results).toEqual(['CONNECTIONLOSS']);
  });

  it('calls made after close() fail with SESSIONEXPIRED, asynchronously', () => {
    const { connected, scheduler } = cluster();
    const { c } = connected('broker-1');
    c.close();
    const results: string[] = [];
    c.exists('/controller', (r) => results.push(r.err));
    expect(results).toEqual([]);
    scheduler.advance(0);
    expect(results).toEqual(['SESSIONEXPIRED']);
  });

  it('is deterministic: the same scenario yields the same event stream', () => {
    const run = () => {
      const { connected, createPath, scheduler, cut, events } = cluster();
      const b1 = connected('broker-1');
      const b2 = connected('broker-2');
      createPath(b1.c, '/controller', true);
      b2.c.exists(
        '/controller',
        () => {},
        () => {},
      );
      cut.add('broker-1');
      scheduler.advance(40_000);
      return JSON.stringify(events);
    };
    expect(run()).toBe(run());
  });
});
