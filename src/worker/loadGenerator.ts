/**
 * Simulated traffic for demos and the UI benchmark: one producer sending a steady number of
 * records a virtual second to a topic, paced by the cluster's scheduler (virtual time).
 */
import type { Cluster } from '../sim/index';

/** What {@link startLoad} sends. */
export interface LoadOptions {
  topic: string;
  /** Records per second of virtual time. */
  recordsPerSecond: number;
  /** How long to send, virtual ms. */
  durationMs: number;
  /** Bytes of each record's value (default 100). */
  valueBytes?: number;
}

/** Send pace: a burst every this many virtual ms. */
const tickMs = 10;

/**
 * Starts sending from a producer `client.id=workbench-load` (acks=1, linger.ms=5, null keys, so
 * the sticky partitioner spreads batches over the partitions); it closes itself after
 * `durationMs`. Returns a function that stops it early.
 */
export function startLoad(cluster: Cluster, options: LoadOptions): () => void {
  const producer = cluster.createProducer({
    'client.id': 'workbench-load',
    acks: '1',
    'linger.ms': '5',
  });
  const filler = 'x'.repeat(Math.max(0, (options.valueBytes ?? 100) - 12));
  const start = cluster.now;
  let sent = 0;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    const elapsed = Math.min(options.durationMs, cluster.now - start);
    const due = Math.floor((options.recordsPerSecond * elapsed) / 1000);
    for (; sent < due; sent++)
      producer.send({
        topic: options.topic,
        key: null,
        value: `${String(sent).padStart(12, '0')}${filler}`,
      });
    if (elapsed >= options.durationMs) stop();
    else cluster.scheduler.schedule(tickMs, tick);
  };
  const stop = () => {
    if (stopped) return;
    stopped = true;
    producer.close();
  };
  cluster.scheduler.schedule(tickMs, tick);
  return stop;
}
