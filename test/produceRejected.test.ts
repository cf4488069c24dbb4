/**
 * Produce requests the leader's log rejects (Kafka's `UnifiedLog.appendAsLeader` /
 * `LogValidator`): a batch over the topic's `max.message.bytes` (MESSAGE_TOO_LARGE, code 10,
 * `RecordTooLargeException`) and a record without a key for a compacted topic (INVALID_RECORD,
 * code 87, `org.apache.kafka.common.InvalidRecordException`). The broker answers the error for
 * that partition and goes on serving.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../src/sim/cluster/cluster';
import { createTopic } from './helpers/rawClient';

describe.each(['zookeeper', 'kraft'] as const)('a batch over max.message.bytes (%s)', (mode) => {
  it('fails with MESSAGE_TOO_LARGE at the producer; the partition keeps taking records', () => {
    const cluster = createCluster({ brokers: 3, seed: 5, mode });
    cluster.advance(5_000);
    createTopic(cluster, 'small', 1, 3, { 'max.message.bytes': '1000' });
    const producer = cluster.createProducer({ acks: 'all' });
    const outcomes: (string | null)[] = [];
    producer.send({ topic: 'small', key: null, value: 'x'.repeat(2000) }, (error, _m, message) =>
      outcomes.push(error === null ? null : `${error}: ${message}`),
    );
    cluster.advance(1_000);
    producer.send({ topic: 'small', key: null, value: 'fits' }, (error) => outcomes.push(error));
    cluster.advance(1_000);
    expect(outcomes).toEqual([
      'MESSAGE_TOO_LARGE: org.apache.kafka.common.errors.RecordTooLargeException: The request included a message larger than the max message size the server will accept.',
      null,
    ]);
    const partition = cluster.snapshot().topics.find((t) => t.name === 'small')!.partitions[0]!;
    expect(partition.replicaStates.map((r) => r.logEndOffset)).toEqual([1, 1, 1]);
  });
});

describe.each(['zookeeper', 'kraft'] as const)(
  'a keyless record for a compacted topic (%s)',
  (mode) => {
    it('fails with INVALID_RECORD at the producer; keyed records still go in', () => {
      const cluster = createCluster({ brokers: 3, seed: 5, mode });
      cluster.advance(5_000);
      createTopic(cluster, 'compacted', 1, 3, { 'cleanup.policy': 'compact' });
      const producer = cluster.createProducer({ acks: 'all' });
      const outcomes: (string | null)[] = [];
      producer.send({ topic: 'compacted', key: null, value: 'v' }, (error, _m, message) =>
        outcomes.push(error === null ? null : `${error}: ${message}`),
      );
      cluster.advance(1_000);
      producer.send({ topic: 'compacted', key: 'k', value: 'v' }, (error) => outcomes.push(error));
      cluster.advance(1_000);
      expect(outcomes).toEqual([
        'INVALID_RECORD: org.apache.kafka.common.InvalidRecordException: This record has failed the validation on broker and hence will be rejected.',
        null,
      ]);
    });
  },
);
