import { describe, expect, it } from 'vitest';
import { createCluster } from '../src/sim/cluster/cluster';
import type { Cluster } from '../src/sim/cluster/cluster';
import type { Future } from '../src/sim/cluster/future';
import type { SimEvent } from '../src/sim/events/bus';
import { createTopic, produce } from './helpers/rawClient';
import { pollFor } from './helpers/clients';

const boot = (mode: 'zookeeper' | 'kraft', config: Record<string, string> = {}, seed = 5) => {
  const cluster = createCluster({ brokers: 3, seed, mode, config });
  cluster.advance(5_000);
  return cluster;
};

/** Runs an admin future to completion; returns its result (undefined = success, or `NAME: message`). */
function settled<T>(cluster: Cluster, f: Future<T>): T {
  cluster.settle(f);
  expect(f.isDone).toBe(true);
  expect(f.error).toBeUndefined();
  const result = f.result;
  cluster.advance(500);
  return result;
}

const topicOf = (cluster: Cluster, name: string) =>
  cluster.snapshot().topics.find((t) => t.name === name);

const tooHighRf = {
  zookeeper: 'INVALID_REPLICATION_FACTOR: Replication factor: 4 larger than available brokers: 3.',
  kraft:
    'INVALID_REPLICATION_FACTOR: Unable to replicate the partition 4 time(s): The target replication factor of 4 cannot be reached because only 3 broker(s) are registered.',
} as const;

// CreatePartitions through the Admin API: ZooKeeper mode answers from ZkAdminManager, KRaft from
// ReplicationControlManager.createPartitions.
const shrinkPartitions = {
  zookeeper:
    'INVALID_PARTITIONS: Topic currently has 3 partitions, which is higher than the requested 2.',
  kraft:
    'INVALID_PARTITIONS: The topic small currently has 3 partition(s); 2 would not be an increase.',
} as const;
const samePartitions = {
  zookeeper: 'INVALID_PARTITIONS: Topic already has 3 partitions.',
  kraft: 'INVALID_PARTITIONS: Topic already has 3 partition(s).',
} as const;

// KRaft's ConfigurationControlManager reports the ConfigException as INVALID_CONFIG; ZooKeeper
// mode's ZkAdminManager.incrementalAlterConfigs wraps it in an InvalidRequestException.
const badValue = {
  zookeeper:
    "INVALID_REQUEST: Invalid config value for resource ConfigResource(type=TOPIC, name='orders'): Invalid value soon for configuration retention.ms: Not a number of type LONG",
  kraft:
    'INVALID_CONFIG: Invalid value soon for configuration retention.ms: Not a number of type LONG',
} as const;

for (const mode of ['zookeeper', 'kraft'] as const) {
  describe(`topic lifecycle through the admin client (${mode} mode)`, () => {
    it('places 6 partitions × RF 3 on 3 brokers so each broker leads 2 and holds 6 replicas, leaders rotating', () => {
      const cluster = boot(mode);
      createTopic(cluster, 'orders', 6, 3);
      const topic = topicOf(cluster, 'orders')!;
      expect(topic.partitions).toHaveLength(6);
      for (const p of topic.partitions) {
        expect([...p.replicas].sort()).toEqual([1, 2, 3]);
        // A new partition's leader is its first (preferred) replica, and every replica is in sync.
        expect(p.leader).toBe(p.replicas[0]);
        expect([...p.isr].sort()).toEqual([1, 2, 3]);
        expect(p.leaderEpoch).toBe(0);
      }
      const firsts = topic.partitions.map((p) => p.replicas[0]!);
      // Consecutive partitions start on consecutive brokers (AdminUtils: (p + startIndex) % n).
      for (let p = 1; p < 6; p++) expect(firsts[p]).toBe((firsts[p - 1]! % 3) + 1);
      for (const b of cluster.snapshot().brokers) {
        expect(b.leaders).toBe(2);
        expect(b.partitions).toBe(6);
      }
    });

    it('a replication factor above the broker count fails with the mode’s own message and creates nothing', () => {
      const cluster = boot(mode);
      const events: SimEvent[] = [];
      cluster.subscribe((e) => events.push(e));
      const error = settled(
        cluster,
        cluster.admin.createTopic({
          name: 'orders',
          numPartitions: 3,
          replicationFactor: 4,
          configs: {},
        }),
      );
      expect(error).toBe(tooHighRf[mode]);
      expect(topicOf(cluster, 'orders')).toBeUndefined();
      expect(
        events.filter((e) => e.type.startsWith('topic.') || e.type === 'partition.created'),
      ).toEqual([]);
      for (const b of cluster.brokers.values()) expect([...b.logs.keys()]).toEqual([]);
    });

    it('creating an existing topic fails with TOPIC_ALREADY_EXISTS and leaves it unchanged', () => {
      const cluster = boot(mode);
      createTopic(cluster, 'orders', 3, 3);
      const before = topicOf(cluster, 'orders')!;
      const error = settled(
        cluster,
        cluster.admin.createTopic({
          name: 'orders',
          numPartitions: 6,
          replicationFactor: 1,
          configs: {},
        }),
      );
      expect(error).toBe("TOPIC_ALREADY_EXISTS: Topic 'orders' already exists.");
      const after = topicOf(cluster, 'orders')!;
      expect(after.topicId).toBe(before.topicId);
      expect(after.partitions.map((p) => p.replicas)).toEqual(
        before.partitions.map((p) => p.replicas),
      );
    });

    it('illegal topic names are rejected with INVALID_TOPIC_EXCEPTION and Topic.validate’s reason', () => {
      const cluster = boot(mode);
      const long = 'x'.repeat(250);
      const cases: [string, string][] = [
        ['', 'Topic name is invalid: the empty string is not allowed'],
        ['.', "Topic name is invalid: '.' is not allowed"],
        ['..', "Topic name is invalid: '..' is not allowed"],
        [
          long,
          `Topic name is invalid: the length of '${long}' is longer than the max allowed length 249`,
        ],
        [
          'orders!',
          "Topic name is invalid: 'orders!' contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'",
        ],
        [
          'my topic',
          "Topic name is invalid: 'my topic' contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'",
        ],
      ];
      for (const [name, message] of cases) {
        const error = settled(
          cluster,
          cluster.admin.createTopic({ name, numPartitions: 1, replicationFactor: 1, configs: {} }),
        );
        expect(error).toBe(`INVALID_TOPIC_EXCEPTION: ${message}`);
      }
      // 249 characters of legal ones is fine.
      expect(
        settled(
          cluster,
          cluster.admin.createTopic({
            name: 'a'.repeat(249),
            numPartitions: 1,
            replicationFactor: 1,
            configs: {},
          }),
        ),
      ).toBeUndefined();
      expect(cluster.snapshot().topics.map((t) => t.name)).toEqual(['a'.repeat(249)]);
    });

    it('-1 partitions and replication factor take num.partitions and default.replication.factor', () => {
      const cluster = boot(mode, { 'num.partitions': '4', 'default.replication.factor': '2' });
      createTopic(cluster, 'orders', -1, -1);
      const topic = topicOf(cluster, 'orders')!;
      expect(topic.partitions).toHaveLength(4);
      for (const p of topic.partitions) expect(p.replicas).toHaveLength(2);

      const plain = boot(mode);
      createTopic(plain, 'orders', -1, -1);
      const defaults = topicOf(plain, 'orders')!;
      // Kafka's own defaults: num.partitions=1, default.replication.factor=1.
      expect(defaults.partitions).toHaveLength(1);
      expect(defaults.partitions[0]!.replicas).toHaveLength(1);
    });

    it('deleting a topic removes its logs from every broker; a re-created one starts at offset 0 with a new id', () => {
      const cluster = boot(mode);
      createTopic(cluster, 'orders', 2, 3);
      expect(produce(cluster, 'orders', 0, ['a', 'b', 'c']).error).toBe('NONE');
      expect(produce(cluster, 'orders', 1, ['d']).error).toBe('NONE');
      cluster.advance(1_000);
      const oldId = topicOf(cluster, 'orders')!.topicId;
      for (const b of cluster.brokers.values())
        expect([...b.logs.keys()].sort()).toEqual(['orders-0', 'orders-1']);

      const events: SimEvent[] = [];
      cluster.subscribe((e) => events.push(e));
      expect(settled(cluster, cluster.admin.deleteTopic('orders'))).toBeUndefined();
      cluster.advance(1_000);
      expect(topicOf(cluster, 'orders')).toBeUndefined();
      for (const b of cluster.brokers.values()) {
        expect([...b.logs.keys()]).toEqual([]);
        expect(b.replicaManager.get('orders', 0)).toBeUndefined();
        expect(b.image.topics.has('orders')).toBe(false);
      }
      expect(events.filter((e) => e.type === 'topic.deleted').map((e) => e.topic)).toEqual([
        'orders',
      ]);
      expect(
        events
          .filter((e) => e.type === 'replica.removed')
          .map((e) => `${e.broker}:${e.topic}-${e.partition}:${e.deleted}`)
          .sort(),
      ).toEqual([
        '1:orders-0:true',
        '1:orders-1:true',
        '2:orders-0:true',
        '2:orders-1:true',
        '3:orders-0:true',
        '3:orders-1:true',
      ]);
      // Deleting it again: the topic is unknown.
      expect(settled(cluster, cluster.admin.deleteTopic('orders'))).toBe(
        'UNKNOWN_TOPIC_OR_PARTITION: This server does not host this topic-partition.',
      );

      createTopic(cluster, 'orders', 2, 3);
      const fresh = topicOf(cluster, 'orders')!;
      expect(fresh.topicId).not.toBe(oldId);
      for (const p of fresh.partitions)
        for (const r of p.replicaStates) {
          expect(r.logStartOffset).toBe(0);
          expect(r.logEndOffset).toBe(0);
        }
      expect(produce(cluster, 'orders', 0, ['new'])).toEqual({ error: 'NONE', baseOffset: 0 });
    });

    it('createPartitions grows a topic; shrinking or keeping the count fails with the mode’s message', () => {
      const cluster = boot(mode);
      createTopic(cluster, 'orders', 3, 2);
      const before = topicOf(cluster, 'orders')!.partitions.map((p) => p.replicas);
      expect(settled(cluster, cluster.admin.createPartitions('orders', 5))).toBeUndefined();
      const grown = topicOf(cluster, 'orders')!;
      expect(grown.partitions).toHaveLength(5);
      // Existing partitions keep their replicas; new ones get RF 2 with a live leader.
      expect(grown.partitions.slice(0, 3).map((p) => p.replicas)).toEqual(before);
      for (const p of grown.partitions.slice(3)) {
        expect(p.replicas).toHaveLength(2);
        expect(p.leader).toBe(p.replicas[0]);
      }
      expect(produce(cluster, 'orders', 4, ['x'])).toEqual({ error: 'NONE', baseOffset: 0 });

      createTopic(cluster, 'small', 3, 1);
      expect(settled(cluster, cluster.admin.createPartitions('small', 2))).toBe(
        shrinkPartitions[mode],
      );
      expect(settled(cluster, cluster.admin.createPartitions('small', 3))).toBe(
        samePartitions[mode],
      );
      expect(topicOf(cluster, 'small')!.partitions).toHaveLength(3);
    });

    it('alterConfigs sets and deletes topic overrides, and the replicas’ logs follow them', () => {
      const cluster = boot(mode);
      createTopic(cluster, 'orders', 1, 3, { 'retention.ms': '3600000' });
      expect(topicOf(cluster, 'orders')!.configs).toEqual({ 'retention.ms': '3600000' });
      expect(
        settled(
          cluster,
          cluster.admin.alterConfigs(
            'topic',
            'orders',
            { 'cleanup.policy': 'compact', 'segment.bytes': '1048576' },
            [],
          ),
        ),
      ).toBeUndefined();
      expect(topicOf(cluster, 'orders')!.configs).toEqual({
        'retention.ms': '3600000',
        'cleanup.policy': 'compact',
        'segment.bytes': '1048576',
      });
      for (const b of cluster.brokers.values()) {
        const cfg = b.replicaManager.get('orders', 0)!.log.config;
        expect(cfg.cleanupPolicy).toEqual(['compact']);
        expect(cfg.segmentBytes).toBe(1048576);
        expect(cfg.retentionMs).toBe(3600000);
      }
      expect(
        settled(
          cluster,
          cluster.admin.alterConfigs('topic', 'orders', {}, ['retention.ms', 'cleanup.policy']),
        ),
      ).toBeUndefined();
      expect(topicOf(cluster, 'orders')!.configs).toEqual({ 'segment.bytes': '1048576' });
      for (const b of cluster.brokers.values()) {
        const cfg = b.replicaManager.get('orders', 0)!.log.config;
        // Back to Kafka's defaults: 7 days, delete.
        expect(cfg.retentionMs).toBe(604800000);
        expect(cfg.cleanupPolicy).toEqual(['delete']);
      }
      expect(
        settled(cluster, cluster.admin.alterConfigs('topic', 'nope', { 'retention.ms': '1' }, [])),
      ).toBe("UNKNOWN_TOPIC_OR_PARTITION: The topic 'nope' does not exist.");
      // LogConfig.validate: unknown names and bad values change nothing.
      expect(
        settled(
          cluster,
          cluster.admin.alterConfigs('topic', 'orders', { 'retention.mins': '1' }, []),
        ),
      ).toBe('INVALID_CONFIG: Unknown topic config name: retention.mins');
      expect(
        settled(
          cluster,
          cluster.admin.alterConfigs('topic', 'orders', { 'retention.ms': 'soon' }, []),
        ),
      ).toBe(badValue[mode]);
      expect(topicOf(cluster, 'orders')!.configs).toEqual({ 'segment.bytes': '1048576' });
    });

    it('__consumer_offsets appears on first group use with 50 partitions, RF 3, compacted and internal', () => {
      const cluster = boot(mode, { 'group.initial.rebalance.delay.ms': '0' });
      createTopic(cluster, 'orders', 1, 3);
      expect(topicOf(cluster, '__consumer_offsets')).toBeUndefined();
      // A user topic whose name starts with "__" is not internal.
      createTopic(cluster, '__mine', 1, 1);
      expect(topicOf(cluster, '__mine')!.internal).toBe(false);

      const consumer = cluster.createConsumer({ 'group.id': 'billing' });
      consumer.subscribe(['orders']);
      pollFor(cluster, [consumer], 10_000);
      expect(consumer.assignment()).toEqual([{ topic: 'orders', partition: 0 }]);
      const offsets = topicOf(cluster, '__consumer_offsets')!;
      expect(offsets.internal).toBe(true);
      expect(offsets.partitions).toHaveLength(50);
      for (const p of offsets.partitions) {
        expect(p.replicas).toHaveLength(3);
        expect(p.leader).toBe(p.replicas[0]);
      }
      expect(offsets.configs['cleanup.policy']).toBe('compact');
      // Leadership of the 50 partitions is spread as evenly as placement allows: 16 or 17 each.
      const leaders = cluster
        .snapshot()
        .brokers.map((b) => offsets.partitions.filter((p) => p.leader === b.id).length);
      expect(leaders.reduce((a, b) => a + b, 0)).toBe(50);
      for (const n of leaders) expect([16, 17]).toContain(n);
    });

    it('__consumer_offsets is not created while fewer brokers than offsets.topic.replication.factor run', () => {
      const cluster = createCluster({ brokers: 2, seed: 5, mode });
      cluster.advance(5_000);
      createTopic(cluster, 'orders', 1, 2);
      const consumer = cluster.createConsumer({ 'group.id': 'billing' });
      consumer.subscribe(['orders']);
      pollFor(cluster, [consumer], 10_000);
      expect(topicOf(cluster, '__consumer_offsets')).toBeUndefined();
      expect(consumer.assignment()).toEqual([]);
    });
  });
}
