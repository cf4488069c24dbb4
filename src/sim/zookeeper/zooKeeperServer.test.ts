import { describe, expect, it } from 'vitest';
import { Scheduler } from '../time/scheduler';
import type { ZkRequest, ZkResponse, ZkWatchEvent } from './zkProtocol';
import { ZooKeeperServer } from './zooKeeperServer';

type Outbound = ZkResponse | ZkWatchEvent;

/** A server driven directly: requests go in through receive(), replies are collected per client. */
function setup(options: { tickTimeMs?: number } = {}) {
  const scheduler = new Scheduler();
  const events: { tick: number; type: string; [k: string]: unknown }[] = [];
  const inbox: { to: string; message: Outbound }[] = [];
  const server = new ZooKeeperServer({
    now: () => scheduler.now,
    schedule: (ms, fn) => scheduler.schedule(ms, fn),
    cancel: (id) => scheduler.cancel(id),
    emit: (type, fields) => events.push({ tick: scheduler.now, type, ...fields }),
    send: (to, message) => inbox.push({ to, message }),
    ...options,
  });
  server.start();
  let xid = 100;
  const call = (from: string, request: ZkRequest): ZkResponse => {
    const before = inbox.length;
    server.receive(from, request);
    const replies = inbox
      .slice(before)
      .filter((m) => m.to === from && m.message.op !== 'watchEvent');
    return replies[replies.length - 1]!.message as ZkResponse;
  };
  const open = (from: string, sessionTimeoutMs = 18_000): string => {
    const r = call(from, {
      op: 'connect',
      xid: xid++,
      sessionId: null,
      sessionTimeoutMs,
      lastZxidSeen: 0,
    });
    if (r.op !== 'connect') throw new Error('expected a connect response');
    return r.sessionId;
  };
  const create = (
    from: string,
    sessionId: string,
    path: string,
    ephemeral = false,
    sequential = false,
  ) =>
    call(from, {
      op: 'create',
      xid: xid++,
      sessionId,
      path,
      data: `data of ${path}`,
      ephemeral,
      sequential,
    });
  const watchEvents = (to: string) =>
    inbox
      .filter((m) => m.to === to && m.message.op === 'watchEvent')
      .map((m) => m.message as ZkWatchEvent);
  return {
    scheduler,
    server,
    events,
    inbox,
    call,
    open,
    create,
    watchEvents,
    nextXid: () => xid++,
  };
}

describe('ZooKeeperServer', () => {
  it('clamps the requested session timeout to [2, 20] × tickTime', () => {
    const { open, server } = setup({ tickTimeMs: 2000 });
    open('a', 1000);
    open('b', 18_000);
    open('c', 100_000);
    expect(server.sessions().map((s) => s.timeoutMs)).toEqual([4000, 18_000, 40_000]);
  });

  it('numbers sessions like a standalone server: server id 1 in the high byte', () => {
    const { open } = setup();
    expect(open('a')).toBe('0x100000000000000');
    expect(open('b')).toBe('0x100000000000001');
  });

  it('create fails with NODEEXISTS, NONODE (no parent), NOCHILDRENFOREPHEMERALS and BADARGUMENTS', () => {
    const { open, create } = setup();
    const s = open('a');
    expect(create('a', s, '/brokers').err).toBe('OK');
    expect(create('a', s, '/brokers').err).toBe('NODEEXISTS');
    expect(create('a', s, '/brokers/ids/1').err).toBe('NONODE');
    expect(create('a', s, '/controller', true).err).toBe('OK');
    expect(create('a', s, '/controller/child').err).toBe('NOCHILDRENFOREPHEMERALS');
    expect(create('a', s, 'brokers').err).toBe('BADARGUMENTS');
    expect(create('a', s, '/brokers/').err).toBe('BADARGUMENTS');
  });

  it('sequential znodes get the parent cversion as a 10-digit suffix', () => {
    const { open, create } = setup();
    const s = open('a');
    create('a', s, '/isr_change_notification');
    const first = create('a', s, '/isr_change_notification/isr_change_', false, true);
    const second = create('a', s, '/isr_change_notification/isr_change_', false, true);
    expect(first).toMatchObject({
      err: 'OK',
      path: '/isr_change_notification/isr_change_0000000000',
    });
    expect(second).toMatchObject({
      err: 'OK',
      path: '/isr_change_notification/isr_change_0000000001',
    });
  });

  it('setData checks the version: BADVERSION for a stale one, -1 matches any, NONODE when absent', () => {
    const { open, create, call, nextXid, server } = setup();
    const s = open('a');
    create('a', s, '/controller_epoch');
    const set = (version: number, data: string, path = '/controller_epoch') =>
      call('a', { op: 'setData', xid: nextXid(), sessionId: s, path, data, version });
    expect(set(0, '1')).toMatchObject({ err: 'OK', stat: { version: 1 } });
    expect(set(0, '2')).toMatchObject({ err: 'BADVERSION', stat: null });
    expect(server.get('/controller_epoch')).toMatchObject({ data: '1', stat: { version: 1 } });
    expect(set(-1, '3')).toMatchObject({ err: 'OK', stat: { version: 2, dataLength: 1 } });
    expect(set(0, 'x', '/nope').err).toBe('NONODE');
  });

  it('delete checks the version and refuses a znode with children (NOTEMPTY)', () => {
    const { open, create, call, nextXid, server } = setup();
    const s = open('a');
    create('a', s, '/admin');
    create('a', s, '/admin/delete_topics');
    const del = (path: string, version: number) =>
      call('a', { op: 'delete', xid: nextXid(), sessionId: s, path, version });
    expect(del('/admin', -1).err).toBe('NOTEMPTY');
    expect(del('/admin/delete_topics', 3).err).toBe('BADVERSION');
    expect(del('/admin/delete_topics', 0).err).toBe('OK');
    expect(del('/admin/delete_topics', -1).err).toBe('NONODE');
    expect(server.get('/admin')!.stat).toMatchObject({ cversion: 2, numChildren: 0 });
  });

  it('orders writes by zxid: every write takes the next zxid, reads take none', () => {
    const { open, create, call, nextXid, server } = setup();
    const s = open('a'); // createSession is zxid 1
    const a = create('a', s, '/a');
    const b = create('a', s, '/b');
    const failed = create('a', s, '/b');
    const read = call('a', {
      op: 'getData',
      xid: nextXid(),
      sessionId: s,
      path: '/a',
      watch: false,
    });
    expect([a.zxid, b.zxid, failed.zxid, read.zxid]).toEqual([2, 3, 4, 4]);
    expect(server.get('/a')!.stat).toMatchObject({ czxid: 2, mzxid: 2, pzxid: 2 });
    expect(server.get('/')!.stat.pzxid).toBe(3);
  });

  it('expires a silent session one timeout after it was last heard, rounded up to the next tick', () => {
    const { open, create, server, scheduler, events } = setup({ tickTimeMs: 2000 });
    scheduler.advance(500);
    const s = open('broker-1', 18_000);
    create('broker-1', s, '/controller', true);
    expect(server.sessions()[0]).toMatchObject({ lastHeardMs: 500, expiresAtMs: 20_000 });
    scheduler.runUntil(19_999);
    expect(server.get('/controller')).toBeDefined();
    scheduler.runUntil(20_000);
    expect(server.get('/controller')).toBeUndefined();
    expect(server.sessions()).toEqual([]);
    const kinds = events.filter((e) => e.tick === 20_000).map((e) => e.type);
    expect(kinds).toEqual(['zk.session.expired', 'zk.node.deleted']);
  });

  it('answers SESSIONEXPIRED to requests and reconnects of an unknown session', () => {
    const { call, nextXid } = setup();
    expect(call('a', { op: 'ping', xid: -2, sessionId: '0x1dead' }).err).toBe('SESSIONEXPIRED');
    const r = call('a', {
      op: 'connect',
      xid: nextXid(),
      sessionId: '0x1dead',
      sessionTimeoutMs: 18_000,
      lastZxidSeen: 0,
    });
    expect(r).toMatchObject({ op: 'connect', err: 'SESSIONEXPIRED', sessionTimeoutMs: 0 });
  });

  it('an exists() watch on a missing znode fires NodeCreated; getData() on it sets no watch', () => {
    const { open, create, call, nextXid, watchEvents } = setup();
    const w = open('watcher');
    const s = open('writer');
    expect(
      call('watcher', { op: 'getData', xid: nextXid(), sessionId: w, path: '/a', watch: true }).err,
    ).toBe('NONODE');
    expect(
      call('watcher', { op: 'exists', xid: nextXid(), sessionId: w, path: '/b', watch: true }).err,
    ).toBe('NONODE');
    create('writer', s, '/a');
    create('writer', s, '/b');
    expect(watchEvents('watcher')).toEqual([
      { op: 'watchEvent', sessionId: w, type: 'NodeCreated', path: '/b' },
    ]);
  });

  it('sends one NodeDeleted to a session holding both a data and a child watch on the znode', () => {
    const { open, create, call, nextXid, watchEvents } = setup();
    const w = open('watcher');
    const s = open('writer');
    create('writer', s, '/topics');
    call('watcher', { op: 'getData', xid: nextXid(), sessionId: w, path: '/topics', watch: true });
    call('watcher', {
      op: 'getChildren',
      xid: nextXid(),
      sessionId: w,
      path: '/topics',
      watch: true,
    });
    call('writer', { op: 'delete', xid: nextXid(), sessionId: s, path: '/topics', version: -1 });
    expect(watchEvents('watcher').map((e) => e.type)).toEqual(['NodeDeleted']);
  });

  it('a stopped server drops requests; on restart znodes and sessions survive with a fresh timeout', () => {
    const { open, create, server, scheduler, inbox, nextXid } = setup();
    const s = open('a', 6000);
    create('a', s, '/controller', true);
    server.stop();
    const before = inbox.length;
    server.receive('a', { op: 'ping', xid: -2, sessionId: s });
    expect(inbox.length).toBe(before);
    scheduler.advance(60_000);
    server.start();
    expect(server.get('/controller')!.stat.ephemeralOwner).toBe(s);
    expect(server.sessions()[0]).toMatchObject({ sessionId: s, expiresAtMs: 68_000 });
    server.receive('a', {
      op: 'getData',
      xid: nextXid(),
      sessionId: s,
      path: '/controller',
      watch: false,
    });
    expect(inbox[inbox.length - 1]!.message).toMatchObject({ err: 'OK' });
    scheduler.advance(20_000);
    expect(server.get('/controller')).toBeUndefined();
  });

  it('exposes the tree, children and sessions as plain data for the UI and zookeeper-shell', () => {
    const { open, create, server } = setup();
    const s = open('broker-1');
    create('broker-1', s, '/brokers');
    create('broker-1', s, '/brokers/ids');
    create('broker-1', s, '/brokers/ids/1', true);
    expect(server.children('/')).toEqual(['brokers', 'zookeeper']);
    expect(server.children('/zookeeper')).toEqual(['config', 'quota']);
    expect(server.children('/nope')).toBeUndefined();
    const tree = server.tree()!;
    expect(tree.children.map((c) => c.path)).toEqual(['/brokers', '/zookeeper']);
    expect(tree.children[0]!.children[0]!.children[0]).toMatchObject({
      name: '1',
      path: '/brokers/ids/1',
      stat: { ephemeralOwner: s },
      children: [],
    });
    expect(server.sessions()).toEqual([
      expect.objectContaining({
        sessionId: s,
        clientId: 'broker-1',
        ephemerals: ['/brokers/ids/1'],
      }),
    ]);
    expect(JSON.parse(JSON.stringify(tree))).toEqual(tree);
  });
});
