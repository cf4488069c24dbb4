import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../log/record';
import { Consumer } from './consumer';
import { NoOffsetForPartitionException, OffsetOutOfRangeException } from './consumerErrors';
import { FakeCluster } from './testing/fakeCluster';

const values = (n: number, prefix = 'v') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** Polls every `everyMs` for `forMs` virtual ms; returns every record and each poll's size. */
function pollFor(cluster: FakeCluster, consumer: Consumer, forMs: number, everyMs = 10) {
  const records: LogRecord[] = [];
  const sizes: number[] = [];
  for (let t = 0; t < forMs; t += everyMs) {
    const batch = consumer.poll();
    records.push(...batch);
    if (batch.length > 0) sizes.push(batch.length);
    cluster.advance(everyMs);
  }
  return { records, sizes };
}

describe('Consumer positions', () => {
  it('auto.offset.reset=earliest starts a new assignment at the log start offset', () => {
    const cluster = new FakeCluster(3);
    cluster.createTopic('t', 2);
    cluster.append('t', 0, values(5));
    const consumer = new Consumer(cluster.transport('c'), { 'auto.offset.reset': 'earliest' });
    consumer.assign([{ topic: 't', partition: 0 }]);
    const { records } = pollFor(cluster, consumer, 300);
    expect(records.map((r) => [r.offset, r.value])).toEqual(values(5).map((v, i) => [i, v]));
    expect(consumer.position({ topic: 't', partition: 0 })).toBe(5);
    expect(consumer.lag({ topic: 't', partition: 0 })).toBe(0);
  });

  it('auto.offset.reset=latest (the default) skips existing records and returns only new ones', () => {
    const cluster = new FakeCluster(3);
    cluster.createTopic('t', 1);
    cluster.append('t', 0, values(5, 'old'));
    const consumer = new Consumer(cluster.transport('c'));
    consumer.assign([{ topic: 't', partition: 0 }]);
    expect(pollFor(cluster, consumer, 300).records).toEqual([]);
    expect(consumer.position({ topic: 't', partition: 0 })).toBe(5);
    cluster.append('t', 0, ['new']);
    const { records } = pollFor(cluster, consumer, 100);
    expect(records.map((r) => [r.offset, r.value])).toEqual([[5, 'new']]);
  });

  it('auto.offset.reset=none without a committed offset makes poll() throw NoOffsetForPartitionException', () => {
    const cluster = new FakeCluster(3);
    cluster.createTopic('t', 1);
    const consumer = new Consumer(cluster.transport('c'), { 'auto.offset.reset': 'none' });
    consumer.assign([{ topic: 't', partition: 0 }]);
    expect(() => consumer.poll()).toThrow(new NoOffsetForPartitionException(['t-0']));
    cluster.advance(200);
    expect(() => consumer.poll()).toThrow(NoOffsetForPartitionException);
    consumer.seek({ topic: 't', partition: 0 }, 0);
    expect(consumer.poll()).toEqual([]);
  });

  it('auto.offset.reset=none in a group without a committed offset makes poll() throw', () => {
    const cluster = new FakeCluster(3);
    cluster.createTopic('t', 1);
    const consumer = new Consumer(cluster.transport('c'), {
      'group.id': 'g',
      'auto.offset.reset': 'none',
    });
    consumer.assign([{ topic: 't', partition: 0 }]);
    expect(consumer.poll()).toEqual([]); // OffsetFetch in flight
    cluster.advance(100);
    expect(() => consumer.poll()).toThrow(new NoOffsetForPartitionException(['t-0']));
  });

  it('OFFSET_OUT_OF_RANGE resets the position with auto.offset.reset', () => {
    const cluster = new FakeCluster(3);
    cluster.createTopic('t', 1);
    cluster.append('t', 0, values(3));
    const consumer = new Consumer(cluster.transport('c'), { 'auto.offset.reset': 'earliest' });
    consumer.assign([{ topic: 't', partition: 0 }]);
    pollFor(cluster, consumer, 200);
    consumer.seek({ topic: 't', partition: 0 }, 100); // the long-poll fetch in flight ends first
    const { records } = pollFor(cluster, consumer, 1000);
    expect(records.map((r) => r.offset)).toEqual([0, 1, 2]);
    expect(cluster.events).toContainEqual(
      expect.objectContaining({
        type: 'consumer.offset.outOfRange',
        offset: 100,
        strategy: 'earliest',
      }),
    );
  });

  it('OFFSET_OUT_OF_RANGE with auto.offset.reset=none makes poll() throw', () => {
    const cluster = new FakeCluster(3);
    cluster.createTopic('t', 1);
    cluster.append('t', 0, values(3));
    const consumer = new Consumer(cluster.transport('c'), { 'auto.offset.reset': 'none' });
    consumer.assign([{ topic: 't', partition: 0 }]);
    consumer.seek({ topic: 't', partition: 0 }, 50);
    consumer.poll();
    cluster.advance(200);
    expect(() => consumer.poll()).toThrow(OffsetOutOfRangeException);
  });

  it('seekToBeginning and seekToEnd move the position', () => {
    const cluster = new FakeCluster(3);
    cluster.createTopic('t', 1);
    cluster.append('t', 0, values(4));
    const consumer = new Consumer(cluster.transport('c'));
    const tp = { topic: 't', partition: 0 };
    consumer.assign([tp]);
    pollFor(cluster, consumer, 200);
    consumer.seekToBeginning();
    expect(pollFor(cluster, consumer, 1000).records.map((r) => r.offset)).toEqual([0, 1, 2, 3]);
    consumer.seekToBeginning([tp]);
    consumer.seekToEnd([tp]);
    expect(pollFor(cluster, consumer, 1000).records).toEqual([]);
    expect(consumer.position(tp)).toBe(4);
  });
});

describe('Consumer fetching', () => {
  it('poll() returns at most max.poll.records records', () => {
    const cluster = new FakeCluster(3);
    cluster.createTopic('t', 1);
    cluster.append('t', 0, values(1200));
    const consumer = new Consumer(cluster.transport('c'), { 'auto.offset.reset': 'earliest' });
    consumer.assign([{ topic: 't', partition: 0 }]);
    const { records, sizes } = pollFor(cluster, consumer, 300);
    expect(sizes).toEqual([500, 500, 200]);
    expect(records.map((r) => r.offset)).toEqual([...Array(1200).keys()]);
  });

  it('never returns records at or above the high watermark', () => {
    const cluster = new FakeCluster(3);
    const [p0] = cluster.createTopic('t', 1);
    cluster.append('t', 0, values(3));
    p0!.holdHighWatermark = true;
    cluster.append('t', 0, ['not-yet-replicated']);
    const consumer = new Consumer(cluster.transport('c'), { 'auto.offset.reset': 'earliest' });
    consumer.assign([{ topic: 't', partition: 0 }]);
    const { records } = pollFor(cluster, consumer, 1500);
    expect(records.map((r) => r.value)).toEqual(['v0', 'v1', 'v2']);
    expect(consumer.highWatermark({ topic: 't', partition: 0 })).toBe(3);
    p0!.highWatermark = 4;
    cluster.wakeFetches();
    expect(pollFor(cluster, consumer, 1000).records.map((r) => r.value)).toEqual([
      'not-yet-replicated',
    ]);
  });

  it('skips records below the position inside a fetched batch', () => {
    const cluster = new FakeCluster(3);
    cluster.createTopic('t', 1);
    cluster.append('t', 0, values(10)); // one batch, offsets 0–9
    const consumer = new Consumer(cluster.transport('c'));
    const tp = { topic: 't', partition: 0 };
    consumer.assign([tp]);
    consumer.seek(tp, 7);
    expect(pollFor(cluster, consumer, 200).records.map((r) => r.offset)).toEqual([7, 8, 9]);
  });

  it('after NOT_LEADER_OR_FOLLOWER refreshes metadata and fetches from the new leader', () => {
    const cluster = new FakeCluster(3);
    cluster.createTopic('t', 1, [1]);
    const consumer = new Consumer(cluster.transport('c'), { 'auto.offset.reset': 'earliest' });
    consumer.assign([{ topic: 't', partition: 0 }]);
    cluster.append('t', 0, ['a']);
    expect(pollFor(cluster, consumer, 200).records.map((r) => r.value)).toEqual(['a']);
    cluster.moveLeader('t', 0, 3);
    cluster.append('t', 0, ['b']);
    expect(pollFor(cluster, consumer, 1500).records.map((r) => r.value)).toEqual(['b']);
    const fetchBrokers = cluster.requests
      .filter((r) => 'kind' in r.request && r.request.kind === 'Fetch')
      .map((r) => r.broker);
    expect(fetchBrokers).toContain(3);
  });

  it('paused partitions are not returned until resumed', () => {
    const cluster = new FakeCluster(3);
    cluster.createTopic('t', 2);
    cluster.append('t', 0, ['p0']);
    cluster.append('t', 1, ['p1']);
    const consumer = new Consumer(cluster.transport('c'), { 'auto.offset.reset': 'earliest' });
    consumer.assign([
      { topic: 't', partition: 0 },
      { topic: 't', partition: 1 },
    ]);
    consumer.pause([{ topic: 't', partition: 1 }]);
    expect(pollFor(cluster, consumer, 300).records.map((r) => r.value)).toEqual(['p0']);
    consumer.resume([{ topic: 't', partition: 1 }]);
    expect(pollFor(cluster, consumer, 300).records.map((r) => r.value)).toEqual(['p1']);
  });
});

describe('Consumer groups and commits', () => {
  it('commitSync stores the position and a new member of the group resumes from it', () => {
    const cluster = new FakeCluster(3);
    cluster.createTopic('t', 1);
    cluster.append('t', 0, values(10));
    const props = { 'group.id': 'g', 'auto.offset.reset': 'earliest', 'max.poll.records': '4' };
    const first = new Consumer(cluster.transport('c1'), {
      ...props,
      'enable.auto.commit': 'false',
    });
    first.subscribe(['t']);
    const polled: LogRecord[] = [];
    for (let i = 0; i < 100 && polled.length === 0; i++) {
      polled.push(...first.poll());
      cluster.advance(10);
    }
    expect(polled.map((r) => r.offset)).toEqual([0, 1, 2, 3]);
    let committed: string | null = 'pending';
    first.commitSync(undefined, (error) => (committed = error));
    cluster.advance(20);
    expect(committed).toBeNull();
    let fetched: number[] = [];
    first.committed(
      [{ topic: 't', partition: 0 }],
      (_e, offsets) => (fetched = offsets.map((o) => o.offset)),
    );
    cluster.advance(20);
    expect(fetched).toEqual([4]);
    first.close();
    cluster.advance(100);

    const second = new Consumer(cluster.transport('c2'), props);
    second.subscribe(['t']);
    const { records } = pollFor(cluster, second, 1000);
    expect(records.map((r) => r.offset)).toEqual([4, 5, 6, 7, 8, 9]);
  });

  it('auto-commits the consumed positions every auto.commit.interval.ms from poll()', () => {
    const cluster = new FakeCluster(3);
    cluster.createTopic('t', 1);
    cluster.append('t', 0, values(3));
    const consumer = new Consumer(cluster.transport('c'), {
      'group.id': 'g',
      'auto.offset.reset': 'earliest',
      'auto.commit.interval.ms': '1000',
    });
    consumer.subscribe(['t']);
    pollFor(cluster, consumer, 900);
    expect(cluster.events.filter((e) => e.type === 'consumer.committed')).toEqual([]);
    pollFor(cluster, consumer, 200);
    const commits = cluster.events.filter((e) => e.type === 'consumer.committed');
    expect(commits).toHaveLength(1);
    expect(commits[0]).toMatchObject({
      error: null,
      offsets: [{ topic: 't', partition: 0, offset: 3 }],
    });
  });

  it('two members of a group split the partitions and consume every record exactly once', () => {
    const cluster = new FakeCluster(3);
    cluster.createTopic('t', 4);
    for (let p = 0; p < 4; p++) cluster.append('t', p, values(5, `p${p}-`));
    const props = { 'group.id': 'g', 'auto.offset.reset': 'earliest' };
    const a = new Consumer(cluster.transport('a'), props);
    const b = new Consumer(cluster.transport('b'), props);
    a.subscribe(['t']);
    b.subscribe(['t']);
    const seen: LogRecord[] = [];
    for (let t = 0; t < 3000; t += 10) {
      seen.push(...a.poll(), ...b.poll());
      cluster.advance(10);
    }
    expect(a.assignment()).toHaveLength(2);
    expect(b.assignment()).toHaveLength(2);
    const keys = seen.map((r) => `${r.partition}:${r.offset}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(20);
  });

  it('revoked partitions are committed before they move to the new member (eager rebalance)', () => {
    const cluster = new FakeCluster(3);
    cluster.createTopic('t', 2);
    for (let p = 0; p < 2; p++) cluster.append('t', p, values(3, `p${p}-`));
    const props = { 'group.id': 'g', 'auto.offset.reset': 'earliest' };
    const a = new Consumer(cluster.transport('a'), props);
    const revoked: string[] = [];
    a.subscribe(['t'], {
      onPartitionsRevoked: (ps) => revoked.push(...ps.map((p) => `${p.topic}-${p.partition}`)),
    });
    const seen: LogRecord[] = [];
    for (let t = 0; t < 1000; t += 10) {
      seen.push(...a.poll());
      cluster.advance(10);
    }
    expect(seen).toHaveLength(6);
    const b = new Consumer(cluster.transport('b'), props);
    b.subscribe(['t']);
    for (let t = 0; t < 5000; t += 10) {
      seen.push(...a.poll(), ...b.poll());
      cluster.advance(10);
    }
    expect(revoked).toEqual(['t-0', 't-1']);
    expect(b.assignment()).toHaveLength(1);
    expect(seen).toHaveLength(6); // b resumed from a's commits: nothing consumed twice
  });

  it('rediscovers the coordinator after NOT_COORDINATOR and joins the group', () => {
    const cluster = new FakeCluster(3);
    cluster.createTopic('t', 1);
    cluster.append('t', 0, ['a']);
    cluster.staleCoordinatorAnswers.push(2);
    const consumer = new Consumer(cluster.transport('c'), {
      'group.id': 'g',
      'auto.offset.reset': 'earliest',
    });
    consumer.subscribe(['t']);
    const { records } = pollFor(cluster, consumer, 1000);
    expect(records.map((r) => r.value)).toEqual(['a']);
    const joins = cluster.requests.filter(
      (r) => 'api' in r.request && r.request.api === 'JoinGroup',
    );
    expect(joins.map((r) => r.broker)).toEqual([2, cluster.coordinatorId, cluster.coordinatorId]);
    expect(cluster.events).toContainEqual(
      expect.objectContaining({
        type: 'consumer.coordinator.found',
        broker: cluster.coordinatorId,
      }),
    );
  });

  it('a manually assigned consumer with a group.id commits with generation -1 (simple commit)', () => {
    const cluster = new FakeCluster(3);
    cluster.createTopic('t', 1);
    cluster.append('t', 0, values(3));
    const tp = { topic: 't', partition: 0 };
    const consumer = new Consumer(cluster.transport('c'), {
      'group.id': 'manual',
      'auto.offset.reset': 'earliest',
      'enable.auto.commit': 'false',
    });
    consumer.assign([tp]);
    expect(pollFor(cluster, consumer, 300).records).toHaveLength(3);
    let result: string | null = 'pending';
    consumer.commitAsync([{ ...tp, offset: 2 }], (error) => (result = error));
    cluster.advance(20);
    expect(result).toBeNull();
    const commit = cluster.requests.find(
      (r) => 'api' in r.request && r.request.api === 'OffsetCommit',
    );
    expect(commit?.request).toMatchObject({
      generationId: -1,
      memberId: '',
      offsets: [{ ...tp, offset: 2 }],
    });
    let offsets: number[] = [];
    consumer.committed([tp], (_e, o) => (offsets = o.map((x) => x.offset)));
    cluster.advance(20);
    expect(offsets).toEqual([2]);
  });
});
