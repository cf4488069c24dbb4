import { describe, expect, it } from 'vitest';
import { createCluster, epochBaseMs } from '../src/sim/cluster/cluster';
import type { Cluster } from '../src/sim/cluster/cluster';
import type { Producer, RecordMetadata } from '../src/sim/clients/index';
import type { SimEvent } from '../src/sim/events/bus';
import type { LogRecord } from '../src/sim/log/record';
import { partitionForKey } from '../src/sim/partitioner/index';
import { createTopic, partitionState } from './helpers/rawClient';
import { waitFor } from './helpers/waitFor';

const boot = (mode: 'zookeeper' | 'kraft') => {
  const cluster = createCluster({ brokers: 3, seed: 17, mode });
  cluster.advance(5_000);
  return cluster;
};

/** What happened to one `send()`. */
interface Outcome {
  key: string;
  value: string;
  error: string | null;
  message?: string;
  metadata?: RecordMetadata;
}

function send(producer: Producer, topic: string, key: string, value: string): Outcome {
  const outcome: Outcome = { key, value, error: 'PENDING' };
  producer.send({ topic, key, value }, (error, metadata, message) => {
    outcome.error = error;
    outcome.metadata = metadata;
    outcome.message = message;
  });
  return outcome;
}

/** Polls `consumer` until it has `count` records or `maxMs` passed. */
function consume(
  cluster: Cluster,
  consumer: ReturnType<Cluster['createConsumer']>,
  count: number,
  maxMs: number,
) {
  const got: LogRecord[] = [];
  waitFor(
    cluster,
    () => {
      got.push(...consumer.poll());
      return got.length >= count;
    },
    maxMs,
  );
  return got;
}

for (const mode of ['zookeeper', 'kraft'] as const) {
  describe(`the producer across a leader failover (${mode} mode)`, () => {
    /**
     * 20 s of traffic, one keyed record every 20 ms; the leader of orders-0 crashes after 2 s.
     * `poll` runs between sends (the consumer polling through the failover, when given).
     */
    const produceThroughCrash = (cluster: Cluster, poll: () => void = () => {}) => {
      const crashed = partitionState(cluster, 'orders', 0).leader;
      const producer = cluster.createProducer();
      expect(producer.config.enableIdempotence).toBe(true);
      expect(producer.config.acks).toBe(-1);
      const outcomes: Outcome[] = [];
      for (let i = 0; i < 1_000; i++) {
        if (i === 100) cluster.stopBroker(crashed, { crash: true });
        outcomes.push(send(producer, 'orders', `k${i % 17}`, `v${i}`));
        poll();
        cluster.advance(20);
      }
      const settled = () => outcomes.every((o) => o.error !== 'PENDING');
      expect(waitFor(cluster, settled, 120_000)).toBeGreaterThanOrEqual(0);
      producer.close();
      return { crashed, outcomes };
    };

    /** The consumer's records match the acknowledgements: each value once, in send order per partition. */
    const expectReadOnceInOrder = (outcomes: Outcome[], received: LogRecord[]) => {
      expect(received).toHaveLength(outcomes.length);
      const byValue = new Map(received.map((r) => [r.value, r]));
      expect(byValue.size).toBe(outcomes.length);
      for (const o of outcomes) {
        const r = byValue.get(o.value)!;
        expect([r.partition, r.offset, r.key]).toEqual([
          o.metadata!.partition,
          o.metadata!.offset,
          o.key,
        ]);
      }
      // Per partition, the log holds the records in send order at consecutive offsets from 0.
      for (const partition of [0, 1, 2]) {
        const sent = outcomes
          .filter((o) => o.metadata!.partition === partition)
          .map((o) => o.value);
        const read = received.filter((r) => r.partition === partition);
        expect(read.map((r) => r.value)).toEqual(sent);
        expect(read.map((r) => r.offset)).toEqual(sent.map((_, i) => i));
      }
    };

    it('every record sent while the leader crashes is acknowledged once, on its key’s partition, and read once in order', () => {
      const cluster = boot(mode);
      createTopic(cluster, 'orders', 3, 3);
      const events: SimEvent[] = [];
      cluster.subscribe((e) => events.push(e));
      const { crashed, outcomes } = produceThroughCrash(cluster);

      // The failover happened and the producer had to retry through it.
      expect(partitionState(cluster, 'orders', 0).leader).not.toBe(crashed);
      expect(
        events.some(
          (e) => e.type === 'producer.error' && e.partition === 0 && e.retriable === true,
        ),
      ).toBe(true);
      // Every record acknowledged, on partitionForKey(key, 3), at an offset no other record got.
      expect(outcomes.filter((o) => o.error !== null)).toEqual([]);
      for (const o of outcomes) expect(o.metadata!.partition).toBe(partitionForKey(o.key, 3));
      const acked = new Set(outcomes.map((o) => `${o.metadata!.partition}:${o.metadata!.offset}`));
      expect(acked.size).toBe(outcomes.length);

      const consumer = cluster.createConsumer({ 'auto.offset.reset': 'earliest' });
      consumer.assign([0, 1, 2].map((partition) => ({ topic: 'orders', partition })));
      expectReadOnceInOrder(outcomes, consume(cluster, consumer, outcomes.length, 30_000));
      consumer.close();
    });

    // Guards NetworkClient.leastLoadedNode's rule: Metadata requests go to a connected broker and
    // skip one in reconnect backoff, so the consumer learns the new leader of orders-0.
    it('a consumer polling through the crash moves to the new leader and reads every record once', () => {
      const cluster = boot(mode);
      createTopic(cluster, 'orders', 3, 3);
      const consumer = cluster.createConsumer({ 'auto.offset.reset': 'earliest' });
      consumer.assign([0, 1, 2].map((partition) => ({ topic: 'orders', partition })));
      const received: LogRecord[] = [];
      const { outcomes } = produceThroughCrash(cluster, () => received.push(...consumer.poll()));
      received.push(...consume(cluster, consumer, outcomes.length - received.length, 60_000));
      expectReadOnceInOrder(outcomes, received);
    });

    it('a batch whose acknowledgement was lost in the crash is not written twice by the new leader', () => {
      const cluster = boot(mode);
      createTopic(cluster, 'orders', 1, 3);
      const leader = partitionState(cluster, 'orders', 0).leader;
      const producer = cluster.createProducer();
      const first = send(producer, 'orders', 'k', 'before');
      expect(waitFor(cluster, () => first.error === null, 5_000)).toBeGreaterThanOrEqual(0);
      // Crash the leader the moment its followers have the next batch: the record is committed
      // (high watermark 2) but the producer never hears so, and retries against the new leader.
      cluster.subscribe((e) => {
        if (e.type === 'hw.advanced' && e.broker === leader && e.highWatermark === 2)
          cluster.scheduler.schedule(0, () => cluster.stopBroker(leader, { crash: true }));
      });
      const retried = send(producer, 'orders', 'k', 'lost-ack');
      expect(waitFor(cluster, () => retried.error !== 'PENDING', 120_000)).toBeGreaterThan(0);
      expect(cluster.brokers.get(leader)!.isRunning).toBe(false);
      expect(retried.error).toBeNull();
      expect(retried.metadata!.offset).toBe(1);
      const after = partitionState(cluster, 'orders', 0);
      expect(after.leader).not.toBe(leader);
      expect(after.logEndOffset).toBe(2);
      const log = cluster.brokers.get(after.leader)!.replicaManager.get('orders', 0)!.log;
      expect(log.records(0, 10, 10).map((r) => r.value)).toEqual(['before', 'lost-ack']);
      const next = send(producer, 'orders', 'k', 'after');
      expect(waitFor(cluster, () => next.error !== 'PENDING', 10_000)).toBeGreaterThanOrEqual(0);
      expect([next.error, next.metadata!.offset]).toEqual([null, 2]);
    });
  });

  describe(`acks and min.insync.replicas with one live in-sync replica (${mode} mode)`, () => {
    /** A topic with min.insync.replicas=2 whose followers have crashed and left the ISR. */
    const lonelyLeader = () => {
      const cluster = boot(mode);
      createTopic(cluster, 'orders', 1, 3, { 'min.insync.replicas': '2' });
      const p = partitionState(cluster, 'orders', 0);
      const followers = p.replicas.filter((r) => r !== p.leader);
      for (const f of followers) cluster.stopBroker(f, { crash: true });
      expect(
        waitFor(cluster, () => partitionState(cluster, 'orders', 0).isr.length === 1, 60_000),
      ).toBeGreaterThan(0);
      expect(partitionState(cluster, 'orders', 0).isr).toEqual([p.leader]);
      return { cluster, leader: p.leader, followers };
    };

    it('acks=all retries NOT_ENOUGH_REPLICAS until delivery.timeout.ms, then fails with a TimeoutException; acks=1 succeeds', () => {
      const { cluster } = lonelyLeader();
      const events: SimEvent[] = [];
      cluster.subscribe((e) => events.push(e));
      const strict = cluster.createProducer({ 'delivery.timeout.ms': '40000' });
      const sentAt = cluster.now;
      const rejected = send(strict, 'orders', 'k', 'strict');
      cluster.advance(39_000);
      // Still retrying just before the deadline.
      expect(rejected.error).toBe('PENDING');
      const retries = events.filter(
        (e) => e.type === 'producer.error' && e.error === 'NOT_ENOUGH_REPLICAS',
      );
      expect(retries.length).toBeGreaterThan(10);
      expect(retries.every((e) => e.retriable === true)).toBe(true);
      cluster.advance(1_500);
      expect(rejected.error).toBe('REQUEST_TIMED_OUT');
      expect(rejected.message).toBe(
        `org.apache.kafka.common.errors.TimeoutException: Expiring 1 record(s) for orders-0:40000 ms has passed since batch creation`,
      );
      expect(cluster.now - sentAt).toBeLessThan(41_000);
      // The broker refused every attempt before appending: nothing reached the log.
      expect(partitionState(cluster, 'orders', 0).logEndOffset).toBe(0);

      const relaxed = cluster.createProducer({ acks: '1' });
      expect(relaxed.config.enableIdempotence).toBe(false);
      const accepted = send(relaxed, 'orders', 'k', 'relaxed');
      expect(waitFor(cluster, () => accepted.error !== 'PENDING', 5_000)).toBeGreaterThanOrEqual(0);
      expect([accepted.error, accepted.metadata!.offset]).toEqual([null, 0]);
    });

    it('acks=all keeps retrying and succeeds once a follower is back in the ISR within delivery.timeout.ms', () => {
      const { cluster, followers } = lonelyLeader();
      const producer = cluster.createProducer();
      const outcome = send(producer, 'orders', 'k', 'patient');
      cluster.advance(10_000);
      expect(outcome.error).toBe('PENDING');
      cluster.startBroker(followers[0]!);
      expect(waitFor(cluster, () => outcome.error !== 'PENDING', 60_000)).toBeGreaterThan(0);
      expect([outcome.error, outcome.metadata!.offset]).toEqual([null, 0]);
      expect(partitionState(cluster, 'orders', 0).isr).toHaveLength(2);
    });
  });
}

describe('record timestamps', () => {
  it("a producer stamps CreateTime with the cluster's wall clock (epoch ms), as System.currentTimeMillis() does", () => {
    const cluster = createCluster({ brokers: 3, seed: 2 });
    cluster.advance(5_000);
    createTopic(cluster, 't', 1, 3);
    const producer = cluster.createProducer({});
    let metadata: { timestamp: number } | undefined;
    producer.send({ topic: 't', key: null, value: 'v' }, (_e, m) => (metadata = m));
    for (let i = 0; i < 100 && !metadata; i++) cluster.advance(10);
    const log = cluster.brokers
      .get(cluster.snapshot().topics[0]!.partitions[0]!.leader)!
      .replicaManager.get('t', 0)!.log;
    const record = log.records(0, 1, 1)[0]!;
    expect(record.timestamp).toBeGreaterThanOrEqual(epochBaseMs + 5_000);
    expect(record.timestamp).toBeLessThanOrEqual(cluster.wallClockMs);
    expect(metadata?.timestamp).toBe(record.timestamp);
  });
});
