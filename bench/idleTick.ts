/**
 * Cost of one idle tick (1 virtual ms with no traffic) for a cluster with `partitions` partitions at
 * RF 3 on 3 brokers. Fetch sessions (KIP-227) and long-polls keep it independent of the partition count.
 */
import { createCluster } from '../src/sim/index';

/** Nanoseconds of wall time per idle virtual ms, median of `rounds` measurements. */
export function idleTickNs(partitions: number, ticks = 20_000, rounds = 5): number {
  const cluster = createCluster({ brokers: 3, seed: 1, mode: 'zookeeper' });
  cluster.advance(5_000);
  const f = cluster.settle(
    cluster.admin.createTopic({
      name: 'idle',
      numPartitions: partitions,
      replicationFactor: 3,
      configs: {},
    }),
  );
  if (f.error || f.result) throw new Error(`topic creation failed: ${f.error ?? f.result}`);
  cluster.advance(60_000);
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < ticks; i++) cluster.advance(1);
    samples.push(Number(process.hrtime.bigint() - start) / ticks);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}
