import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim/index';
import { describeEvent, eventFocus, eventKind } from './describeEvent';
import { appendEvents, describeEntry, maxEntries } from './eventLog';

const ev = (tick: number, type: string, fields: Record<string, unknown> = {}): SimEvent => ({
  tick,
  type,
  ...fields,
});

const stopped = ev(1_000, 'broker.stopped', { broker: 2, clean: true });
const elected = ev(19_000, 'leader.elected', {
  topic: 'orders',
  partition: 1,
  previousLeader: 2,
  leader: 3,
  leaderEpoch: 1,
  isr: [3, 1],
  unclean: false,
});

describe('describeEvent', () => {
  it('says what happened in English and in Korean', () => {
    expect(describeEvent(stopped, 'en')).toBe('broker 2 stopped (clean shutdown)');
    expect(describeEvent({ ...stopped, clean: false }, 'en')).toBe('broker 2 crashed');
    expect(describeEvent(elected, 'en')).toBe('orders-1 leader 2→3, ISR 3,1');
    expect(describeEvent(stopped, 'ko')).toBe('브로커 2 정상 종료');
    expect(describeEvent(elected, 'ko')).toBe('orders-1 리더 2→3, ISR 3,1');
  });

  it('names a missing leader and an unclean election', () => {
    const offline = { ...elected, leader: -1, isr: [] };
    expect(describeEvent(offline, 'en')).toBe('orders-1 leader 2→none, ISR none');
    expect(describeEvent({ ...elected, unclean: true }, 'en')).toContain('UNCLEAN');
  });

  it('describes ISR changes, data loss, rejected writes and rebalances', () => {
    expect(
      describeEvent(
        ev(5, 'isr.shrunk', {
          topic: 'orders',
          partition: 0,
          isr: [1, 3],
          removed: [2],
          leader: 1,
        }),
        'en',
      ),
    ).toBe('orders-0 ISR shrank to 1,3 (without 2)');
    expect(
      describeEvent(
        ev(5, 'records.lost', {
          topic: 'orders',
          partition: 0,
          leader: 3,
          fromOffset: 4,
          toOffset: 7,
          count: 3,
          acknowledgedLost: 2,
        }),
        'en',
      ),
    ).toBe('orders-0: 3 records lost (offsets 4–6), 2 of them already acknowledged');
    expect(
      describeEvent(
        ev(5, 'produce.rejected', {
          broker: 1,
          topic: 'orders',
          partition: 0,
          error: 'NOT_ENOUGH_REPLICAS',
          isr: [1],
          minInsyncReplicas: 2,
        }),
        'en',
      ),
    ).toContain('NOT_ENOUGH_REPLICAS (ISR 1, min.insync.replicas=2)');
    expect(
      describeEvent(
        ev(5, 'group.rebalanced', {
          groupId: 'g1',
          generationId: 2,
          protocol: 'range',
          assignment: { a: [], b: [] },
        }),
        'ko',
      ),
    ).toBe('그룹 g1 리밸런스 완료: 세대 2, 멤버 2명, range');
    expect(describeEvent(ev(5, 'network.isolated', { node: 'broker-3' }), 'en')).toBe(
      'broker 3 cut off from the network',
    );
  });

  it('shows the type of an event it has no words for', () => {
    expect(describeEvent(ev(5, 'something.new'), 'en')).toBe('something.new');
  });

  it('lists state changes, offers traffic on request and hides wire chatter', () => {
    expect(eventKind('leader.elected')).toBe('major');
    expect(eventKind('record.appended')).toBe('traffic');
    expect(eventKind('network.sent')).toBe('hidden');
  });

  it('points a click at the partition, group or broker the event is about', () => {
    expect(eventFocus(elected)).toEqual({ kind: 'partition', topic: 'orders', partition: 1 });
    expect(eventFocus(stopped)).toEqual({ kind: 'broker', brokerId: 2 });
    expect(eventFocus(ev(1, 'group.rebalance.started', { groupId: 'g' }))).toEqual({
      kind: 'group',
      groupId: 'g',
    });
    expect(eventFocus(ev(1, 'zookeeper.started'))).toEqual({ kind: 'none' });
  });
});

describe('event log entries', () => {
  it('folds the elections a stopped broker caused under it', () => {
    const entries = appendEvents([], [stopped, ev(1_500, 'network.sent'), elected], false);
    expect(entries).toHaveLength(1);
    expect(describeEntry(entries[0]!, 'en')).toBe(
      'broker 2 stopped (clean shutdown) → orders-1 leader 2→3, ISR 3,1',
    );
    expect(describeEntry(entries[0]!, 'ko')).toBe(
      '브로커 2 정상 종료 → orders-1 리더 2→3, ISR 3,1',
    );
  });

  it('keeps an election on its own line when no broker change explains it', () => {
    const late = { ...elected, tick: stopped.tick + 120_000 };
    const other = { ...elected, previousLeader: 1 };
    expect(appendEvents([], [stopped, late], false)).toHaveLength(2);
    expect(appendEvents([], [stopped, other], false)).toHaveLength(2);
  });

  it('folds a new topic’s partitions and says how many more there are', () => {
    const created = ev(10, 'topic.created', { topic: 'orders' });
    const partitions = Array.from({ length: 6 }, (_, p) =>
      ev(10, 'partition.created', { topic: 'orders', partition: p, replicas: [1, 2], leader: 1 }),
    );
    const [entry] = appendEvents([], [created, ...partitions], false);
    expect(describeEntry(entry!, 'en')).toMatch(
      /^topic orders created → orders-0 on brokers 1,2, leader 1; .* and 2 more$/,
    );
  });

  it('lists traffic only when asked and keeps the newest entries', () => {
    const appended = ev(1, 'record.appended', {
      broker: 1,
      topic: 'orders',
      partition: 0,
      count: 2,
      logEndOffset: 2,
    });
    expect(appendEvents([], [appended], false)).toHaveLength(0);
    expect(appendEvents([], [appended], true)).toHaveLength(1);
    const many = Array.from({ length: maxEntries + 20 }, (_, i) =>
      ev(i, 'topic.created', { topic: `t${i}` }),
    );
    const entries = appendEvents([], many, false);
    expect(entries).toHaveLength(maxEntries);
    expect(entries.at(-1)!.event.topic).toBe(`t${maxEntries + 19}`);
    expect(entries.at(-1)!.id).toBe(maxEntries + 20);
  });
});

describe('event log entries across a broker failure', () => {
  it('turns a clean shutdown into one "stopped" line with the elections it caused', () => {
    const entries = appendEvents(
      [],
      [
        ev(100, 'broker.shutting-down', { broker: 2 }),
        ev(101, 'broker.controlled-shutdown', { broker: 2 }),
        { ...elected, tick: 102 },
        ev(110, 'broker.stopped', { broker: 2, clean: true }),
      ],
      false,
    );
    expect(entries.map((e) => describeEntry(e, 'en'))).toEqual([
      'broker 2 stopped (clean shutdown) → orders-1 leader 2→3, ISR 3,1',
    ]);
  });

  it('keeps fencing and internal topics from crowding out the learner’s partitions', () => {
    const crashed = ev(1_000, 'broker.stopped', { broker: 2, clean: false });
    const internal = Array.from({ length: 30 }, (_, p) =>
      ev(19_000, 'isr.shrunk', {
        topic: '__consumer_offsets',
        partition: p,
        isr: [1, 3],
        removed: [2],
        leader: 1,
      }),
    );
    const entries = appendEvents(
      [],
      [
        crashed,
        ev(19_000, 'broker.fenced', { broker: 2 }),
        ...internal,
        elected,
        ev(19_000, 'isr.shrunk', { topic: 'orders', partition: 1, isr: [3, 1], removed: [2] }),
      ],
      false,
    );
    expect(entries).toHaveLength(1);
    expect(describeEntry(entries[0]!, 'en')).toBe(
      'broker 2 crashed → orders-1 leader 2→3, ISR 3,1; ' +
        'broker 2 fenced: the controller stops giving it leaderships; 30 changes to __consumer_offsets',
    );
  });
});
