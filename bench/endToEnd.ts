/**
 * End-to-end throughput: a 3-broker cluster, one topic with 12 partitions at RF 3, an acks=all
 * producer, follower replication, and a consumer group reading everything back — all in virtual
 * time, measured in wall-clock records per second.
 */
import { createCluster } from '../src/sim/index';

/**
 * A distinct 100-byte value per record, so retained memory is honest. Built through a Buffer so it
 * is one flat string, as a line read from a terminal or a file is (a concatenation would leave a
 * rope of several string objects behind).
 */
export function value100(i: number): string {
  return Buffer.from(`record-${String(i).padStart(12, '0')}-`.padEnd(100, 'x'), 'latin1').toString(
    'latin1',
  );
}

export interface EndToEndResult {
  records: number;
  seconds: number;
  recordsPerSecond: number;
  virtualMs: number;
}

export function endToEnd(records: number): EndToEndResult {
  const cluster = createCluster({
    brokers: 3,
    seed: 1,
    mode: 'zookeeper',
    config: { 'group.initial.rebalance.delay.ms': '0' },
  });
  cluster.advance(5_000);
  const created = cluster.settle(
    cluster.admin.createTopic({
      name: 'bench',
      numPartitions: 12,
      replicationFactor: 3,
      configs: {},
    }),
  );
  if (created.error || created.result)
    throw new Error(`topic creation failed: ${created.error ?? created.result}`);
  cluster.advance(1_000);
  const consumer = cluster.createConsumer({
    'group.id': 'bench',
    'auto.offset.reset': 'earliest',
    'max.poll.records': '5000',
  });
  consumer.subscribe(['bench']);
  for (let t = 0; t < 10_000; t += 100) {
    consumer.poll();
    cluster.advance(100);
  }
  const producer = cluster.createProducer({ acks: 'all', 'linger.ms': '5', 'batch.size': '65536' });
  const values: string[] = new Array(records);
  for (let i = 0; i < records; i++) values[i] = value100(i);

  const startVirtual = cluster.now;
  const start = process.hrtime.bigint();
  let sent = 0;
  let received = 0;
  let acked = 0;
  const onAck = (error: unknown) => {
    if (error) throw new Error(`produce failed: ${String(error)}`);
    acked++;
  };
  const chunk = 20_000;
  while (received < records) {
    const until = Math.min(records, sent + chunk);
    for (; sent < until; sent++)
      producer.send({ topic: 'bench', key: null, value: values[sent]! }, onAck);
    cluster.advance(1);
    for (let batch = consumer.poll(); batch.length > 0; batch = consumer.poll())
      received += batch.length;
    if (cluster.now - startVirtual > 600_000)
      throw new Error(`stalled: sent ${sent}, acked ${acked}, received ${received}`);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return {
    records,
    seconds,
    recordsPerSecond: records / seconds,
    virtualMs: cluster.now - startVirtual,
  };
}

/**
 * The bare baseline: the same records, partitioned round-robin into plain arrays, copied to three
 * replica arrays, then read back.
 */
export function baseline(records: number): EndToEndResult {
  const values: string[] = new Array(records);
  for (let i = 0; i < records; i++) values[i] = value100(i);
  const start = process.hrtime.bigint();
  const replicas = Array.from({ length: 3 }, () =>
    Array.from(
      { length: 12 },
      () => [] as { key: string | null; value: string; timestamp: number }[],
    ),
  );
  for (let i = 0; i < records; i++) {
    const record = { key: null, value: values[i]!, timestamp: 1_735_689_600_000 + i };
    const p = i % 12;
    for (const r of replicas) r[p]!.push(record);
  }
  let read = 0;
  for (const log of replicas[0]!) for (const r of log) read += r.value.length > 0 ? 1 : 0;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (read !== records) throw new Error('baseline lost records');
  return { records, seconds, recordsPerSecond: records / seconds, virtualMs: 0 };
}
