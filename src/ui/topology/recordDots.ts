/**
 * Which dots a batch of engine events sends along the diagram (DESIGN §1: records travel as dots):
 * a produced batch from its producer to the partition leader (`record.appended`), replication from
 * leader to follower (`replica.fetched`), a fetch from the leader to the consumer group
 * (`consumer.fetched`). Pure geometry over the diagram's rectangles; one dot per path per batch.
 */
import type { SimEvent } from '../../sim/index';
import type { DiagramModel, Rect } from './diagramTypes';
import { anchorId, groupNodeId, producerNodeId } from './diagramIds';

export type DotKind = 'produce' | 'replicate' | 'consume';

export interface Dot {
  kind: DotKind;
  from: { x: number; y: number };
  to: { x: number; y: number };
  /** Records the dot stands for. */
  count: number;
}

/** Most dots one batch starts. */
export const maxDotsPerBatch = 60;

/** Remembers which producer wrote to a partition last (`producer.batch.sent` names it). */
export type ProducerMemory = Map<string, string>;

const tpKey = (topic: unknown, partition: unknown) => `${String(topic)}\u0000${String(partition)}`;

/** From the side of `a` facing `b` to the side of `b` facing `a`, at mid height. */
export function connectionPoints(a: Rect, b: Rect) {
  const rightwards = b.x + b.width / 2 >= a.x + a.width / 2;
  return {
    from: { x: rightwards ? a.x + a.width : a.x, y: a.y + a.height / 2 },
    to: { x: rightwards ? b.x : b.x + b.width, y: b.y + b.height / 2 },
  };
}

/** The dots for `events`, in event order; `producers` learns from `producer.batch.sent`. */
export function dotsForEvents(
  events: readonly SimEvent[],
  model: Pick<DiagramModel, 'rects' | 'collapsedTopics' | 'clientGroups'>,
  producers: ProducerMemory,
): Dot[] {
  const paths = new Map<string, Dot>();
  const add = (
    kind: DotKind,
    fromId: string | undefined,
    toId: string | undefined,
    count: number,
  ) => {
    if (!fromId || !toId || count <= 0) return;
    const key = `${fromId}>${toId}`;
    const existing = paths.get(key);
    if (existing) {
      existing.count += count;
      return;
    }
    if (paths.size >= maxDotsPerBatch) return;
    const a = model.rects[fromId];
    const b = model.rects[toId];
    if (!a || !b) return;
    paths.set(key, { kind, ...connectionPoints(a, b), count });
  };
  const anchor = (broker: unknown, topic: unknown, partition: unknown) =>
    typeof broker === 'number' && typeof topic === 'string' && typeof partition === 'number'
      ? anchorId(model, broker, topic, partition)
      : undefined;
  for (const e of events) {
    switch (e.type) {
      case 'producer.batch.sent':
        for (const p of (e.partitions as { topic: string; partition: number }[] | undefined) ?? [])
          producers.set(tpKey(p.topic, p.partition), String(e.clientId));
        break;
      case 'record.appended': {
        const producer = producers.get(tpKey(e.topic, e.partition));
        add(
          'produce',
          producer === undefined ? undefined : producerNodeId(producer),
          anchor(e.broker, e.topic, e.partition),
          Number(e.count) || 0,
        );
        break;
      }
      case 'replica.fetched':
        add(
          'replicate',
          anchor(e.leader, e.topic, e.partition),
          anchor(e.broker, e.topic, e.partition),
          Number(e.count) || 0,
        );
        break;
      case 'consumer.fetched': {
        const group = model.clientGroups[String(e.clientId)];
        if (group === undefined) break;
        for (const p of (e.partitions as
          { topic: string; partition: number; count: number }[] | undefined) ?? [])
          add('consume', anchor(e.broker, p.topic, p.partition), groupNodeId(group), p.count);
        break;
      }
    }
  }
  return [...paths.values()];
}
