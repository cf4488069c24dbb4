/**
 * Test helpers that talk to brokers with raw protocol requests over the simulated network, so the
 * replication scenarios do not depend on the producer's batching.
 */
import type { Cluster } from '../../src/sim/cluster/cluster';
import type { Acks, ProduceResponse } from '../../src/sim/protocol/messages';

export function leaderOf(cluster: Cluster, topic: string, partition: number): number {
  return cluster.snapshot().topics.find((t) => t.name === topic)!.partitions[partition]!.leader;
}

export function partitionState(cluster: Cluster, topic: string, partition: number) {
  return cluster.snapshot().topics.find((t) => t.name === topic)!.partitions[partition]!;
}

/**
 * Produces `values` (null = tombstone) as one batch to the partition's current leader and waits for
 * the answer. `keys` defaults to null keys.
 */
export function produce(
  cluster: Cluster,
  topic: string,
  partition: number,
  values: (string | null)[],
  acks: Acks = -1,
  keys: (string | null)[] = values.map(() => null),
) {
  const leader = leaderOf(cluster, topic, partition);
  const f = cluster.settle(
    cluster.admin.call<ProduceResponse>(
      'produce',
      [leader],
      {
        kind: 'Produce',
        clientId: 'test-producer',
        acks,
        timeoutMs: 30_000,
        batches: [
          {
            topic,
            partition,
            batch: {
              producerId: -1,
              producerEpoch: -1,
              baseSequence: -1,
              keys,
              values,
              timestamps: values.map(() => cluster.wallClockMs),
              headers: null,
            },
          },
        ],
      },
      35_000,
    ),
    40_000,
  );
  if (f.error) return { error: f.error, baseOffset: -1 };
  const r = f.result.responses[0]!;
  return { error: r.error, baseOffset: r.baseOffset };
}

export function createTopic(
  cluster: Cluster,
  name: string,
  partitions: number,
  replicationFactor: number,
  configs: Record<string, string> = {},
) {
  const f = cluster.settle(
    cluster.admin.createTopic({ name, numPartitions: partitions, replicationFactor, configs }),
  );
  if (!f.isDone) throw new Error('createTopic did not finish');
  if (f.result) throw new Error(f.result);
  cluster.advance(500);
}
