import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim/index';
import { connectionPoints, dotsForEvents, maxDotsPerBatch } from './recordDots';
import type { ProducerMemory } from './recordDots';
import { groupNodeId, producerNodeId, replicaNodeId, summaryNodeId } from './diagramIds';

const rect = (x: number, y: number) => ({ x, y, width: 100, height: 20 });
const model = {
  rects: {
    [producerNodeId('p1')]: rect(-300, 0),
    [replicaNodeId(1, 'orders', 0)]: rect(0, 0),
    [replicaNodeId(2, 'orders', 0)]: rect(200, 0),
    [summaryNodeId(1, 'big')]: rect(0, 40),
    [groupNodeId('g1')]: rect(500, 0),
  },
  collapsedTopics: ['big'],
  clientGroups: { c1: 'g1' },
};
const ev = (type: string, fields: Record<string, unknown>): SimEvent => ({
  tick: 1,
  type,
  ...fields,
});

describe('dotsForEvents', () => {
  it('sends records from the producer to the leader, to followers and to the consumer group', () => {
    const producers: ProducerMemory = new Map();
    const dots = dotsForEvents(
      [
        ev('producer.batch.sent', {
          clientId: 'p1',
          partitions: [{ topic: 'orders', partition: 0 }],
        }),
        ev('record.appended', { broker: 1, topic: 'orders', partition: 0, count: 3 }),
        ev('record.appended', { broker: 1, topic: 'orders', partition: 0, count: 2 }),
        ev('replica.fetched', { broker: 2, leader: 1, topic: 'orders', partition: 0, count: 5 }),
        ev('consumer.fetched', {
          clientId: 'c1',
          broker: 1,
          partitions: [
            { topic: 'orders', partition: 0, count: 5 },
            { topic: 'big', partition: 7, count: 1 },
          ],
        }),
      ],
      model,
      producers,
    );
    expect(dots.map((d) => [d.kind, d.count])).toEqual([
      ['produce', 5],
      ['replicate', 5],
      ['consume', 5],
      ['consume', 1],
    ]);
    expect(dots[0]).toMatchObject({ from: { x: -200, y: 10 }, to: { x: 0, y: 10 } });
    expect(dots[3]!.from).toEqual({ x: 100, y: 50 });
  });

  it('draws nothing for records with no known producer, empty fetches or unknown nodes', () => {
    const dots = dotsForEvents(
      [
        ev('record.appended', { broker: 1, topic: 'orders', partition: 0, count: 3 }),
        ev('replica.fetched', { broker: 2, leader: 1, topic: 'orders', partition: 0, count: 0 }),
        ev('replica.fetched', { broker: 9, leader: 1, topic: 'orders', partition: 0, count: 4 }),
      ],
      model,
      new Map(),
    );
    expect(dots).toEqual([]);
  });

  it('starts at most a bounded number of dots per batch', () => {
    const rects: Record<string, ReturnType<typeof rect>> = {};
    const events: SimEvent[] = [];
    for (let p = 0; p < 200; p++) {
      rects[replicaNodeId(1, 't', p)] = rect(0, p * 30);
      rects[replicaNodeId(2, 't', p)] = rect(200, p * 30);
      events.push(
        ev('replica.fetched', { broker: 2, leader: 1, topic: 't', partition: p, count: 1 }),
      );
    }
    const dots = dotsForEvents(events, { rects, collapsedTopics: [], clientGroups: {} }, new Map());
    expect(dots).toHaveLength(maxDotsPerBatch);
  });

  it('leaves a node on the side facing the other', () => {
    expect(connectionPoints(rect(200, 0), rect(0, 0))).toEqual({
      from: { x: 200, y: 10 },
      to: { x: 100, y: 10 },
    });
  });
});
