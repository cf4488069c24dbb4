import { describe, expect, it } from 'vitest';
import { createCluster } from '../src/sim/cluster/cluster';
import type { Cluster } from '../src/sim/cluster/cluster';
import { createTopic, partitionState, produce } from './helpers/rawClient';
import { pollFor, produceAll } from './helpers/clients';
import { waitFor } from './helpers/waitFor';

const brokerState = (cluster: Cluster, id: number) =>
  cluster.snapshot().brokers.find((b) => b.id === id);

const replicaLists = (cluster: Cluster, topic: string) =>
  cluster
    .snapshot()
    .topics.find((t) => t.name === topic)!
    .partitions.map((p) => p.replicas);

for (const mode of ['zookeeper', 'kraft'] as const) {
  describe(`scaling out (${mode} mode)`, () => {
    it('a broker added and started registers, takes replicas of new topics only, and restarts cleanly', () => {
      const cluster = createCluster({ brokers: 3, seed: 31, mode });
      cluster.advance(5_000);
      createTopic(cluster, 'orders', 6, 3);
      const before = replicaLists(cluster, 'orders');
      const failing = cluster.settle(
        cluster.admin.createTopic({
          name: 'wide',
          numPartitions: 4,
          replicationFactor: 4,
          configs: {},
        }),
      );
      expect(failing.result).toMatch(/^INVALID_REPLICATION_FACTOR: /);

      cluster.addBroker(4);
      expect(brokerState(cluster, 4)).toMatchObject({ state: 'stopped', port: 9095 });
      cluster.startBroker(4);
      expect(
        waitFor(cluster, () => brokerState(cluster, 4)?.fenced === false, 20_000),
      ).toBeGreaterThanOrEqual(0);
      expect(brokerState(cluster, 4)).toMatchObject({
        id: 4,
        host: 'localhost',
        port: 9095,
        state: 'running',
        fenced: false,
        partitions: 0,
        leaders: 0,
      });
      // Clients learn about it from metadata.
      const meta = cluster.settle(cluster.admin.metadata());
      expect(meta.result.brokers.map((b) => b.nodeId)).toEqual([1, 2, 3, 4]);

      // Kafka does not rebalance existing partitions onto a new broker.
      cluster.advance(30_000);
      expect(replicaLists(cluster, 'orders')).toEqual(before);
      expect(brokerState(cluster, 4)!.partitions).toBe(0);

      // New topics use it: RF 4 is possible now, and 8 × RF 3 spreads 6 replicas and 2 leaders each.
      createTopic(cluster, 'wide', 4, 4);
      for (const replicas of replicaLists(cluster, 'wide'))
        expect([...replicas].sort()).toEqual([1, 2, 3, 4]);
      createTopic(cluster, 'events', 8, 3);
      const events = cluster.snapshot().topics.find((t) => t.name === 'events')!;
      for (const id of [1, 2, 3, 4]) {
        expect(events.partitions.filter((p) => p.replicas.includes(id))).toHaveLength(6);
        expect(events.partitions.filter((p) => p.leader === id)).toHaveLength(2);
      }
      const led = events.partitions.find((p) => p.leader === 4)!.partition;
      expect(produce(cluster, 'events', led, ['x'])).toEqual({ error: 'NONE', baseOffset: 0 });

      // A partition only broker 4 holds (--replica-assignment 4).
      const solo = cluster.settle(
        cluster.admin.createTopic({
          name: 'solo',
          numPartitions: -1,
          replicationFactor: -1,
          configs: {},
          assignments: [[4]],
        }),
      );
      expect(solo.result).toBeUndefined();
      cluster.advance(500);
      expect(produce(cluster, 'solo', 0, ['only'])).toEqual({ error: 'NONE', baseOffset: 0 });

      // Stop it (controlled shutdown moves the leaderships it can away), then start it again.
      expect(cluster.settle(cluster.stopBroker(4)).isDone).toBe(true);
      cluster.advance(1_000);
      expect(brokerState(cluster, 4)).toMatchObject({ state: 'stopped', fenced: true, leaders: 0 });
      expect(partitionState(cluster, 'events', led).leader).not.toBe(4);
      // Its own partition has nowhere to go: offline, its ISR still [4].
      expect(partitionState(cluster, 'solo', 0)).toMatchObject({ leader: -1, isr: [4] });
      cluster.advance(30_000);
      expect(brokerState(cluster, 4)!.fenced).toBe(true);
      cluster.startBroker(4);
      const rejoined = () =>
        cluster
          .snapshot()
          .topics.flatMap((t) => t.partitions)
          .filter((p) => p.replicas.includes(4))
          .every((p) => p.isr.includes(4));
      expect(waitFor(cluster, rejoined, 30_000)).toBeGreaterThanOrEqual(0);
      expect(brokerState(cluster, 4)).toMatchObject({ state: 'running', fenced: false });
      const p = partitionState(cluster, 'events', led);
      expect(p.replicaStates.find((r) => r.brokerId === 4)!.logEndOffset).toBe(1);
      expect(partitionState(cluster, 'solo', 0)).toMatchObject({ leader: 4, highWatermark: 1 });
      expect(produce(cluster, 'solo', 0, ['again'])).toEqual({ error: 'NONE', baseOffset: 1 });
    });

    it('a 9-broker cluster boots, elects one controller and spreads a topic evenly', () => {
      const cluster = createCluster({ brokers: 9, seed: 31, mode });
      cluster.advance(10_000);
      const snap = cluster.snapshot();
      expect(snap.brokers.map((b) => [b.id, b.port, b.state, b.fenced])).toEqual(
        Array.from({ length: 9 }, (_, i) => [i + 1, 9092 + i, 'running', false]),
      );
      const controllers = snap.brokers.filter((b) => b.isController).map((b) => b.id);
      if (mode === 'zookeeper') {
        // One of the brokers holds /controller.
        expect(controllers).toHaveLength(1);
        expect(snap.controllerId).toBe(controllers[0]);
      } else {
        // A dedicated KRaft quorum (1001–1003) leads; no broker is the controller.
        expect(controllers).toEqual([]);
        expect([1001, 1002, 1003]).toContain(snap.controllerId);
      }
      createTopic(cluster, 'orders', 9, 3);
      for (const b of cluster.snapshot().brokers) {
        expect(b.leaders).toBe(1);
        expect(b.partitions).toBe(3);
      }
      expect(produceAll(cluster, 'orders', ['a', 'b', 'c'])).toEqual([]);
    });

    it('a 1-broker cluster works with replication factor 1 and refuses 2', () => {
      const cluster = createCluster({
        brokers: 1,
        seed: 31,
        mode,
        // As Kafka's own single-node config/server.properties sets it.
        config: {
          'offsets.topic.replication.factor': '1',
          'group.initial.rebalance.delay.ms': '0',
        },
      });
      cluster.advance(5_000);
      expect(brokerState(cluster, 1)).toMatchObject({ state: 'running', fenced: false });
      createTopic(cluster, 'orders', 2, 1);
      const two = cluster.settle(
        cluster.admin.createTopic({
          name: 'twice',
          numPartitions: 1,
          replicationFactor: 2,
          configs: {},
        }),
      );
      expect(two.result).toBe(
        mode === 'zookeeper'
          ? 'INVALID_REPLICATION_FACTOR: Replication factor: 2 larger than available brokers: 1.'
          : 'INVALID_REPLICATION_FACTOR: Unable to replicate the partition 2 time(s): The target replication factor of 2 cannot be reached because only 1 broker(s) are registered.',
      );
      expect(produceAll(cluster, 'orders', ['a', 'b', 'c', 'd'])).toEqual([]);
      const consumer = cluster.createConsumer({
        'group.id': 'solo',
        'auto.offset.reset': 'earliest',
      });
      consumer.subscribe(['orders']);
      const got = pollFor(cluster, [consumer], 10_000)[0]!;
      expect(got.map((r) => r.value).sort()).toEqual(['a', 'b', 'c', 'd']);
      const offsets = cluster.snapshot().topics.find((t) => t.name === '__consumer_offsets')!;
      expect(offsets.partitions).toHaveLength(50);
      expect(offsets.partitions.every((p) => p.replicas.length === 1 && p.leader === 1)).toBe(true);
    });

    it('a 1-broker cluster with the default offsets.topic.replication.factor=3 has no group coordinator', () => {
      const cluster = createCluster({ brokers: 1, seed: 31, mode });
      cluster.advance(5_000);
      createTopic(cluster, 'orders', 1, 1);
      const consumer = cluster.createConsumer({ 'group.id': 'solo' });
      consumer.subscribe(['orders']);
      pollFor(cluster, [consumer], 10_000);
      expect(consumer.assignment()).toEqual([]);
      expect(cluster.snapshot().topics.map((t) => t.name)).toEqual(['orders']);
    });
  });
}

describe('a single combined KRaft node (the 3.9 quickstart)', () => {
  it('one broker that is also the only controller voter commits metadata and serves a topic', () => {
    const cluster = createCluster({
      mode: 'kraft',
      brokers: 1,
      kraftControllers: 'combined',
      seed: 4,
      config: { 'offsets.topic.replication.factor': '1' },
    });
    cluster.advance(5_000);
    const f = cluster.settle(
      cluster.admin.createTopic({
        name: 'quickstart-events',
        numPartitions: 1,
        replicationFactor: 1,
        configs: {},
      }),
    );
    expect(f.isDone).toBe(true);
    expect(f.result).toBeUndefined();
    cluster.advance(1_000);
    expect(
      cluster.snapshot().topics.find((t) => t.name === 'quickstart-events')!.partitions[0],
    ).toMatchObject({ leader: 1, isr: [1] });
  });
});
