/**
 * Producers are clients, not part of the cluster snapshot: the diagram learns about them from the
 * events they cause (`producer.batch.sent`, `producer.acked`) and forgets one after a minute of
 * virtual time without writes, or when the cluster is reset. Re-renders only when the set of
 * producers or the partitions they write to changes.
 */
import { useEffect, useState } from 'react';
import type { BatchHub } from '../workbench/batchHub';
import type { ProducerActivity } from './diagramTypes';

/** Virtual ms after its last write that a producer leaves the diagram. */
export const producerIdleMs = 60_000;

interface Seen {
  partitions: Map<string, { topic: string; partition: number }>;
  lastMs: number;
}

export function useProducerActivity(hub: BatchHub): ProducerActivity[] {
  const [producers, setProducers] = useState<ProducerActivity[]>([]);
  useEffect(() => {
    const seen = new Map<string, Seen>();
    let generation: number | undefined;
    let signature = '';
    return hub.subscribe((batch) => {
      if (generation !== batch.clock.generation) seen.clear();
      generation = batch.clock.generation;
      for (const e of batch.events) {
        if (e.type !== 'producer.batch.sent' && e.type !== 'producer.acked') continue;
        const clientId = String(e.clientId);
        const entry = seen.get(clientId) ?? { partitions: new Map(), lastMs: e.tick };
        entry.lastMs = Math.max(entry.lastMs, e.tick);
        const tps =
          e.type === 'producer.acked'
            ? [{ topic: String(e.topic), partition: Number(e.partition) }]
            : ((e.partitions as { topic: string; partition: number }[] | undefined) ?? []);
        for (const tp of tps)
          entry.partitions.set(`${tp.topic}\u0000${tp.partition}`, {
            topic: tp.topic,
            partition: tp.partition,
          });
        seen.set(clientId, entry);
      }
      for (const [id, entry] of seen)
        if (batch.clock.now - entry.lastMs > producerIdleMs) seen.delete(id);
      const next = [...seen.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([clientId, entry]) => ({
          clientId,
          partitions: [...entry.partitions.values()].sort((a, b) =>
            a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition,
          ),
        }));
      const nextSignature = JSON.stringify(next);
      if (nextSignature !== signature) {
        signature = nextSignature;
        setProducers(next);
      }
    });
  }, [hub]);
  return producers;
}
