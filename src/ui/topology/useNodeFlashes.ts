/**
 * Leader elections, ISR changes, rebalances and broker changes flash the nodes they touch. Done
 * with the Web Animations API on the node's element, so no React state changes; with reduced
 * motion the flash is a colour change only.
 */
import { useEffect } from 'react';
import type { RefObject } from 'react';
import type { ClusterSnapshot } from '../../sim/index';
import type { BatchHub } from '../workbench/batchHub';
import type { DiagramModel } from './diagramTypes';
import { anchorId, brokerNodeId, groupNodeId } from './diagramIds';

/** Node ids an event flashes. */
export function flashTargets(
  event: { type: string; [k: string]: unknown },
  model: DiagramModel,
  snapshot: ClusterSnapshot | undefined,
): string[] {
  const replicasOf = (topic: unknown, partition: unknown): string[] => {
    if (typeof topic !== 'string' || typeof partition !== 'number') return [];
    const p = snapshot?.topics.find((t) => t.name === topic)?.partitions[partition];
    return (p?.replicas ?? []).map((b) => anchorId(model, b, topic, partition));
  };
  switch (event.type) {
    case 'leader.elected':
    case 'isr.shrunk':
    case 'isr.expanded':
    case 'records.lost':
      return replicasOf(event.topic, event.partition);
    case 'group.rebalanced':
    case 'group.rebalance.started':
      return typeof event.groupId === 'string' ? [groupNodeId(event.groupId)] : [];
    case 'broker.stopped':
    case 'broker.started':
    case 'network.isolated':
    case 'network.rejoined': {
      const m = /^broker-(\d+)$/.exec(String(event.node ?? ''));
      const id = typeof event.broker === 'number' ? event.broker : m ? Number(m[1]) : undefined;
      return id === undefined ? [] : [brokerNodeId(id)];
    }
    case 'controller.elected':
      return typeof event.controller === 'number' ? [brokerNodeId(event.controller)] : [];
    default:
      return [];
  }
}

/** Most flashes one batch starts. */
const maxFlashes = 40;

export function useNodeFlashes(
  container: RefObject<HTMLElement | null>,
  hub: BatchHub,
  model: RefObject<DiagramModel | undefined>,
  reducedMotion: boolean,
): void {
  useEffect(
    () =>
      hub.subscribe((batch) => {
        const root = container.current;
        const current = model.current;
        if (!root || !current || batch.events.length === 0) return;
        const ids = new Set<string>();
        for (const e of batch.events)
          for (const id of flashTargets(e, current, hub.snapshot)) {
            if (ids.size >= maxFlashes) break;
            if (current.rects[id]) ids.add(id);
          }
        for (const id of ids) {
          const el = root.querySelector<HTMLElement>(
            `.react-flow__node[data-id="${CSS.escape(id)}"] .kw-node`,
          );
          if (!el || typeof el.animate !== 'function') continue;
          el.animate(
            reducedMotion
              ? [{ outlineColor: 'var(--flash)' }, { outlineColor: 'transparent' }]
              : [
                  { boxShadow: '0 0 0 0 var(--flash)', outlineColor: 'var(--flash)' },
                  { boxShadow: '0 0 0 12px transparent', outlineColor: 'transparent' },
                ],
            { duration: reducedMotion ? 1200 : 900, iterations: reducedMotion ? 1 : 2 },
          );
        }
      }),
    [container, hub, model, reducedMotion],
  );
}
