import { describe, expect, it } from 'vitest';
import { partitionForKey } from '../partitioner/partitionForKey';
import type { ProduceRequest } from '../protocol/messages';
import { ConfigException } from './configReader';
import { Producer } from './producer';
import type { RecordMetadata } from './producerBatch';
import { FakeCluster } from './testing/fakeCluster';

type Result = {
  value?: string;
  error: string | null;
  metadata: RecordMetadata;
  message?: string | undefined;
};

/**
 * A 3-broker fake cluster with `topics` (name → partition count, or the leader of each partition)
 * and a producer whose metadata and producer id are already loaded.
 */
function setup(
  props: Record<string, string> = {},
  topics: Record<string, number | number[]> = {},
  clientId = 'producer-1',
) {
  const cluster = new FakeCluster(3);
  for (const [name, spec] of Object.entries(topics)) {
    if (typeof spec === 'number') cluster.createTopic(name, spec);
    else cluster.createTopic(name, spec.length, spec);
  }
  const producer = new Producer(cluster.transport(clientId), props);
  for (const name of Object.keys(topics)) producer.metadata.addTopic(name);
  cluster.advance(300);
  const results: Result[] = [];
  const send = (topic: string, key: string | null, value: string, partition?: number) =>
    producer.send(
      { topic, key, value, ...(partition !== undefined ? { partition } : {}) },
      (error, metadata, message) => results.push({ value, error, metadata, message }),
    );
  const produceRequests = () =>
    cluster.requests.filter((r) => 'kind' in r.request && r.request.kind === 'Produce') as {
      at: number;
      broker: number;
      request: ProduceRequest;
    }[];
  return { cluster, producer, results, send, produceRequests };
}

describe('Producer partitioning', () => {
  it('sends keyed records to partitionForKey(key, partitions)', () => {
    const { cluster, results, send } = setup({}, { orders: 6 });
    for (let i = 0; i < 40; i++) send('orders', `customer-${i}`, `v${i}`);
    cluster.advance(100);
    expect(results).toHaveLength(40);
    for (let i = 0; i < 40; i++) {
      const expected = partitionForKey(`customer-${i}`, 6);
      expect(results.find((r) => r.value === `v${i}`)!.metadata.partition).toBe(expected);
      expect(cluster.values('orders', expected)).toContain(`v${i}`);
    }
  });

  it('sticks records without a key to one partition until batch.size bytes, then switches', () => {
    const { cluster, results, send } = setup({ 'batch.size': '1000' }, { t: 4 });
    const value = 'x'.repeat(90); // about 100 bytes per record
    for (let i = 0; i < 40; i++) send('t', null, `${value}${i.toString().padStart(2, '0')}`);
    cluster.advance(100);
    const partitions = [...results]
      .sort((a, b) => a.value!.localeCompare(b.value!))
      .map((r) => r.metadata.partition);
    const first = partitions[0]!;
    const run = partitions.findIndex((p) => p !== first);
    expect(run).toBeGreaterThanOrEqual(9); // ~1000 bytes of records
    expect(run).toBeLessThanOrEqual(11);
    expect(new Set(partitions).size).toBeGreaterThan(1);
    // Every run of records stays on one partition: the partition changes at most every ~10 records.
    let changes = 0;
    for (let i = 1; i < partitions.length; i++) if (partitions[i] !== partitions[i - 1]) changes++;
    expect(changes).toBeLessThanOrEqual(4);
  });

  it('sends every record to an explicit partition', () => {
    const { cluster, results, send } = setup({}, { t: 3 });
    send('t', 'k', 'a', 2);
    send('t', null, 'b', 2);
    cluster.advance(50);
    expect(results.map((r) => r.metadata.partition)).toEqual([2, 2]);
    expect(cluster.values('t', 2)).toEqual(['a', 'b']);
  });
});

describe('Producer batching', () => {
  it('linger.ms=0 sends the records of one tick in one Produce request per broker', () => {
    const { cluster, send, produceRequests } = setup({}, { t: 1 });
    for (let i = 0; i < 25; i++) send('t', null, `v${i}`);
    cluster.advance(20);
    const requests = produceRequests();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.request.batches[0]!.batch.values).toHaveLength(25);
  });

  it('linger.ms holds a batch until it expires, then sends the records together', () => {
    const { cluster, results, send, produceRequests } = setup({ 'linger.ms': '50' }, { t: 1 });
    const start = cluster.scheduler.now;
    send('t', null, 'a');
    cluster.advance(20);
    send('t', null, 'b');
    cluster.advance(20);
    expect(produceRequests()).toHaveLength(0);
    cluster.advance(20);
    const requests = produceRequests();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.at).toBe(start + 50 + 1);
    expect(requests[0]!.request.batches[0]!.batch.values).toEqual(['a', 'b']);
    cluster.advance(10);
    expect(results.map((r) => r.metadata.offset)).toEqual([0, 1]);
  });

  it('a batch that reaches batch.size is sent without waiting for linger.ms', () => {
    const { cluster, send, produceRequests } = setup(
      { 'linger.ms': '1000', 'batch.size': '500' },
      { t: 1 },
    );
    for (let i = 0; i < 12; i++) send('t', null, 'y'.repeat(90), 0);
    cluster.advance(20);
    const sent = produceRequests().flatMap((r) =>
      r.request.batches.map((b) => b.batch.values.length),
    );
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent.reduce((a, b) => a + b, 0)).toBeLessThan(12); // the open last batch still lingers
    cluster.advance(1000);
    expect(cluster.values('t', 0)).toHaveLength(12);
  });

  it('flush() makes lingering batches ready and calls back when all are acknowledged', () => {
    const { cluster, producer, results, send } = setup({ 'linger.ms': '10000' }, { t: 2 });
    send('t', 'a', '1');
    send('t', 'b', '2');
    let flushedAt = -1;
    producer.flush(() => (flushedAt = cluster.scheduler.now));
    cluster.advance(20);
    expect(results).toHaveLength(2);
    expect(flushedAt - 300).toBeGreaterThan(0);
    expect(flushedAt - 300).toBeLessThan(10);
  });
});

describe('Producer acks', () => {
  it('acks=0 completes the callback when the batch is sent, with offset -1', () => {
    const { cluster, results, send, produceRequests } = setup({ acks: '0' }, { t: 1 });
    send('t', null, 'fire-and-forget');
    cluster.advance(0);
    expect(produceRequests()).toHaveLength(0); // still on the wire
    expect(results).toEqual([
      {
        value: 'fire-and-forget',
        error: null,
        metadata: { topic: 't', partition: 0, offset: -1, timestamp: 300 },
        message: undefined,
      },
    ]);
    cluster.advance(5);
    expect(produceRequests()[0]!.request.acks).toBe(0);
    expect(cluster.values('t', 0)).toEqual(['fire-and-forget']);
    expect(cluster.events.some((e) => e.type === 'producer.acked')).toBe(false);
  });

  it.each([
    ['1', 1],
    ['all', -1],
    ['-1', -1],
  ])('acks=%s sends acks %d and reports the offset once the broker answers', (acks, wire) => {
    const { cluster, results, send, produceRequests } = setup(
      { acks, 'enable.idempotence': 'false' },
      { t: 1 },
    );
    send('t', null, 'a');
    send('t', null, 'b');
    cluster.advance(1);
    expect(results).toHaveLength(0);
    cluster.advance(10);
    expect(produceRequests()[0]!.request.acks).toBe(wire);
    expect(results.map((r) => [r.error, r.metadata.offset])).toEqual([
      [null, 0],
      [null, 1],
    ]);
    const acked = cluster.events.find((e) => e.type === 'producer.acked');
    expect(acked).toMatchObject({ topic: 't', partition: 0, offset: 0, count: 2 });
  });

  it('explicit enable.idempotence=true with acks=1 is rejected as Kafka rejects it', () => {
    const cluster = new FakeCluster(1);
    expect(
      () => new Producer(cluster.transport('p'), { acks: '1', 'enable.idempotence': 'true' }),
    ).toThrow(
      new ConfigException(
        'Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.',
      ),
    );
    expect(new Producer(cluster.transport('q'), { acks: '1' }).config.enableIdempotence).toBe(
      false,
    );
  });
});

describe('Producer retries', () => {
  it('after NOT_LEADER_OR_FOLLOWER refreshes metadata and retries on the new leader, without duplicates', () => {
    const { cluster, results, send, produceRequests } = setup({}, { t: [1] }, 'console-producer');
    cluster.moveLeader('t', 0, 2); // the producer's metadata still says broker 1
    send('t', 'k', 'v1');
    send('t', 'k', 'v2');
    cluster.advance(500);
    const brokers = produceRequests().map((r) => r.broker);
    expect(brokers[0]).toBe(1);
    expect(brokers[brokers.length - 1]).toBe(2);
    expect(results.map((r) => [r.error, r.metadata.offset])).toEqual([
      [null, 0],
      [null, 1],
    ]);
    expect(cluster.values('t', 0)).toEqual(['v1', 'v2']);
    expect(cluster.events).toContainEqual(
      expect.objectContaining({
        type: 'producer.error',
        error: 'NOT_LEADER_OR_FOLLOWER',
        retriable: true,
      }),
    );
    const warnings = cluster.events
      .filter((e) => e.type === 'client.warning')
      .map((e) => e.message);
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /^\[Producer clientId=console-producer\] Got error produce response with correlation id \d+ on topic-partition t-0, retrying \(2147483646 attempts left\)\. Error: NOT_LEADER_OR_FOLLOWER \(org\.apache\.kafka\.clients\.producer\.internals\.Sender\)$/,
      ),
    );
  });

  it('retries NOT_ENOUGH_REPLICAS after retry.backoff.ms', () => {
    const { cluster, results, send, produceRequests } = setup({}, { t: 1 });
    cluster.failNext('t', 0, 'NOT_ENOUGH_REPLICAS');
    send('t', null, 'a');
    cluster.advance(500);
    const times = produceRequests().map((r) => r.at);
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(80); // 100 ms ± 20 % jitter, minus the round trip
    expect(results[0]!.error).toBeNull();
  });

  it('a retried batch whose first response was lost is acknowledged once (DUPLICATE_SEQUENCE_NUMBER = success)', () => {
    const { cluster, results, send, produceRequests } = setup(
      {
        'request.timeout.ms': '1000',
        'delivery.timeout.ms': '10000',
      },
      { t: 1 },
    );
    cluster.dropNextResponses('Produce');
    send('t', null, 'once');
    cluster.advance(3000);
    const batches = produceRequests().map((r) => r.request.batches[0]!.batch);
    expect(batches).toHaveLength(2);
    expect(batches[1]!.baseSequence).toBe(batches[0]!.baseSequence);
    expect(batches[0]!.producerId).toBeGreaterThanOrEqual(0);
    expect(cluster.values('t', 0)).toEqual(['once']);
    expect(results).toHaveLength(1);
    expect(results[0]!.error).toBeNull();
  });

  it('without idempotence the same lost response duplicates the record', () => {
    const { cluster, results, send } = setup(
      {
        'enable.idempotence': 'false',
        'request.timeout.ms': '1000',
        'delivery.timeout.ms': '10000',
      },
      { t: 1 },
    );
    cluster.dropNextResponses('Produce');
    send('t', null, 'twice');
    cluster.advance(3000);
    expect(cluster.values('t', 0)).toEqual(['twice', 'twice']);
    expect(results).toHaveLength(1);
  });

  it('fails the callback with a TimeoutException once delivery.timeout.ms has passed', () => {
    const { cluster, results, send } = setup(
      {
        'request.timeout.ms': '1000',
        'delivery.timeout.ms': '5000',
      },
      { t: [2] },
    );
    cluster.stopBroker(2);
    send('t', null, 'lost');
    cluster.advance(4900);
    expect(results).toHaveLength(0);
    cluster.advance(200);
    expect(results).toHaveLength(1);
    expect(results[0]!.error).toBe('REQUEST_TIMED_OUT');
    expect(results[0]!.metadata.offset).toBe(-1);
    expect(results[0]!.message).toBe(
      'org.apache.kafka.common.errors.TimeoutException: Expiring 1 record(s) for t-0:5000 ms has passed since batch creation',
    );
  });
});

describe('Producer metadata', () => {
  it('waits for an auto-created topic and logs LEADER_NOT_AVAILABLE as the console producer does', () => {
    const cluster = new FakeCluster(3);
    const producer = new Producer(cluster.transport('console-producer'));
    const results: Result[] = [];
    producer.send({ topic: 'fresh', key: null, value: 'hello' }, (error, metadata) =>
      results.push({ error, metadata }),
    );
    cluster.advance(1000);
    expect(results.map((r) => r.error)).toEqual([null]);
    expect(cluster.values('fresh', results[0]!.metadata.partition)).toEqual(['hello']);
    const warning = cluster.events.find((e) => e.type === 'client.warning');
    expect(warning).toMatchObject({
      clientId: 'console-producer',
      level: 'WARN',
      logger: 'org.apache.kafka.clients.NetworkClient',
      message:
        '[Producer clientId=console-producer] Error while fetching metadata with correlation id 1 : {fresh=LEADER_NOT_AVAILABLE} (org.apache.kafka.clients.NetworkClient)',
    });
    expect(producer.metadata.topic('fresh')?.partitionCount).toBe(3);
  });

  it('fails a record after max.block.ms when its topic never appears', () => {
    const cluster = new FakeCluster(3);
    cluster.autoCreateTopics = false;
    const producer = new Producer(cluster.transport('p'), { 'max.block.ms': '2000' });
    const results: Result[] = [];
    producer.send({ topic: 'missing', key: null, value: 'x' }, (error, metadata, message) =>
      results.push({ error, metadata, message }),
    );
    cluster.advance(1999);
    expect(results).toHaveLength(0);
    cluster.advance(1);
    expect(results[0]).toMatchObject({
      error: 'REQUEST_TIMED_OUT',
      message:
        'org.apache.kafka.common.errors.TimeoutException: Topic missing not present in metadata after 2000 ms.',
    });
  });
});

describe('Producer determinism', () => {
  it('the same seed and the same sends give the same event stream', () => {
    const run = () => {
      const cluster = new FakeCluster(3);
      cluster.createTopic('t', 6);
      const producer = new Producer(cluster.transport('p', 42), { 'linger.ms': '5' });
      for (let i = 0; i < 300; i++) {
        producer.send({ topic: 't', key: i % 3 === 0 ? `k${i}` : null, value: `v${i}` });
        if (i % 50 === 0) cluster.advance(7);
      }
      cluster.moveLeader('t', 1, 3);
      for (let i = 0; i < 100; i++) producer.send({ topic: 't', key: null, value: `w${i}` });
      cluster.advance(2000);
      return JSON.stringify(cluster.events);
    };
    expect(run()).toBe(run());
  });
});
