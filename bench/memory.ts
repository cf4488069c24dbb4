/**
 * Bytes of heap per retained record: produce `records` distinct 100-byte values with acks=all into
 * a 3-broker, RF 3 cluster, and divide the heap growth (after full GCs) by the record count. The
 * three replicas share each immutable batch, as replicas share bytes on a real cluster's disks.
 */
import { createCluster } from '../src/sim/index';
import { value100 } from './endToEnd';

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
}

export function bytesPerRecord(records: number): number {
  const cluster = createCluster({ brokers: 3, seed: 1, mode: 'zookeeper' });
  cluster.advance(5_000);
  cluster.settle(
    cluster.admin.createTopic({
      name: 'mem',
      numPartitions: 12,
      replicationFactor: 3,
      configs: {},
    }),
  );
  cluster.advance(1_000);
  const producer = cluster.createProducer({ acks: 'all', 'linger.ms': '5', 'batch.size': '65536' });
  // Warm up so that client and broker structures exist before the measurement.
  for (let i = 0; i < 1_000; i++) producer.send({ topic: 'mem', key: null, value: value100(i) });
  cluster.advance(5_000);
  const before = heapAfterGc();
  let acked = 0;
  const chunk = 50_000;
  for (let sent = 0; sent < records;) {
    const until = Math.min(records, sent + chunk);
    for (; sent < until; sent++)
      producer.send({ topic: 'mem', key: null, value: value100(1_000 + sent) }, () => acked++);
    cluster.advance(20);
  }
  for (let t = 0; t < 60_000 && acked < records; t += 10) cluster.advance(10);
  cluster.advance(1_000);
  const after = heapAfterGc();
  if (acked < records) throw new Error(`only ${acked} of ${records} acknowledged`);
  const retained = cluster.snapshot().topics[0]!.partitions.reduce((n, p) => n + p.logEndOffset, 0);
  if (retained < records) throw new Error(`only ${retained} records retained`);
  return (after - before) / records;
}
