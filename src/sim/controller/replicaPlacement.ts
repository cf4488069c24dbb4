/**
 * Replica placement for new topics and partitions: Kafka's rack-unaware algorithm
 * (server-common `AdminUtils.assignReplicasToBrokersRackUnaware`). Replicas are spread over the
 * brokers and each partition's leader (first replica) rotates, starting from a random broker; the
 * follower shift grows every time the partition id wraps around the broker list. KRaft's
 * `StripedReplicaPlacer` shares these properties (spread, rotated leaders, random start); the
 * simulation uses this one algorithm in both modes.
 */
import type { Prng } from '../random/prng';

/**
 * @param brokerIds usable brokers.
 * @param fixedStartIndex / startPartitionId as in AdminUtils (for adding partitions to a topic).
 * @returns replica lists, index = partition id - startPartitionId.
 */
export function assignReplicasToBrokers(
  nPartitions: number,
  replicationFactor: number,
  brokerIds: readonly number[],
  rng: Prng,
  fixedStartIndex = -1,
  startPartitionId = -1,
): number[][] {
  const brokers = [...brokerIds].sort((a, b) => a - b);
  const n = brokers.length;
  const result: number[][] = [];
  const startIndex = fixedStartIndex >= 0 ? fixedStartIndex : rng.int(n);
  let currentPartitionId = Math.max(0, startPartitionId);
  let nextReplicaShift = fixedStartIndex >= 0 ? fixedStartIndex : rng.int(n);
  for (let i = 0; i < nPartitions; i++) {
    if (currentPartitionId > 0 && currentPartitionId % n === 0) nextReplicaShift += 1;
    const firstReplicaIndex = (currentPartitionId + startIndex) % n;
    const replicas = [brokers[firstReplicaIndex]!];
    for (let j = 0; j < replicationFactor - 1; j++)
      replicas.push(brokers[replicaIndex(firstReplicaIndex, nextReplicaShift, j, n)]!);
    result.push(replicas);
    currentPartitionId += 1;
  }
  return result;
}

function replicaIndex(first: number, secondReplicaShift: number, index: number, n: number): number {
  const shift = 1 + ((secondReplicaShift + index) % (n - 1));
  return (first + shift) % n;
}
