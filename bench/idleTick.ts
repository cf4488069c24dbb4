/**
 * Cost of one idle tick (1 virtual ms with no traffic) for clusters with different partition counts
 * at RF 3 on 3 brokers. Fetch sessions (KIP-227) and long-polls keep it independent of the
 * partition count. Both clusters are built first and measured in alternating rounds, so JIT and GC
 * state affect them alike.
 */
import { createCluster } from '../src/sim/index';
import type { Cluster } from '../src/sim/index';

function idleCluster(partitions: number): Cluster {
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
  return cluster;
}

function measure(cluster: Cluster, ticks: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < ticks; i++) cluster.advance(1);
  return Number(process.hrtime.bigint() - start) / ticks;
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median nanoseconds of wall time per idle virtual ms, for each partition count. */
export function idleTickNs(partitionCounts: number[], ticks = 20_000, rounds = 9): number[] {
  const clusters = partitionCounts.map(idleCluster);
  for (const c of clusters) measure(c, ticks); // warm-up
  const samples = clusters.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) clusters.forEach((c, i) => samples[i]!.push(measure(c, ticks)));
  return samples.map(median);
}
