import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot, TopicSnapshot } from '../../sim/index';
import type { GroupSnapshot } from '../../sim/groups/groupSummary';
import { groupLag, topicSummary } from './topicStats';

function topic(
  partitions: { isr: number[]; leo: number; start?: number; hw?: number }[],
): TopicSnapshot {
  return {
    name: 'orders',
    topicId: 'x',
    internal: false,
    configs: {},
    partitions: partitions.map((p, i) => ({
      topic: 'orders',
      partition: i,
      leader: p.leo < 0 ? -1 : 1,
      leaderEpoch: 0,
      replicas: [1, 2, 3],
      isr: p.isr,
      highWatermark: p.hw ?? p.leo,
      logEndOffset: p.leo,
      logStartOffset: p.start ?? 0,
      replicaStates: [],
    })),
  };
}

describe('topicSummary', () => {
  it('counts under-replicated partitions and the messages the leaders hold', () => {
    const summary = topicSummary(
      topic([
        { isr: [1, 2, 3], leo: 10 },
        { isr: [1], leo: 7, start: 2 },
        { isr: [], leo: -1 },
      ]),
    );
    expect(summary).toEqual({
      partitions: 3,
      replicationFactor: 3,
      underReplicated: 2,
      messages: 15,
    });
  });
});

describe('groupLag', () => {
  it('is the high watermark minus the committed offset, per partition, like kafka-consumer-groups', () => {
    const snapshot = {
      topics: [
        topic([
          { isr: [1], leo: 12, hw: 10 },
          { isr: [1], leo: 5 },
          { isr: [], leo: -1, hw: -1 },
        ]),
      ],
    } as unknown as ClusterSnapshot;
    const group = {
      groupId: 'g',
      members: [
        { memberId: 'c1', clientId: 'c', assignment: [{ topic: 'orders', partition: 1 }] },
        { memberId: 'c2', clientId: 'c', assignment: [{ topic: 'orders', partition: 0 }] },
      ],
      offsets: [
        { topic: 'orders', partition: 0, offset: 4 },
        { topic: 'orders', partition: 2, offset: 3 },
      ],
    } as unknown as GroupSnapshot;
    expect(groupLag(group, snapshot)).toEqual([
      { topic: 'orders', partition: 0, committed: 4, logEnd: 10, lag: 6, consumer: 'c2' },
      { topic: 'orders', partition: 1, committed: null, logEnd: 5, lag: null, consumer: 'c1' },
      { topic: 'orders', partition: 2, committed: 3, logEnd: null, lag: null, consumer: null },
    ]);
  });
});
