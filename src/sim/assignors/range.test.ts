// Cases ported from Kafka's clients/src/test/java/org/apache/kafka/clients/consumer/RangeAssignorTest.java
// (Kafka 3.9). Rack-aware cases are ported only where the rack logic is not in play (brokers
// without racks, or every partition on every rack): the simulator has no racks.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { rangeAssignor } from './range';
import { assignorInputArbitrary, coverageProblems, fmtAll, fmtSorted } from './assignorTestSupport';
import type { AssignorInput, AssignorMember } from './types';

interface RangeCase {
  /** The Java test method. */
  java: string;
  input: AssignorInput;
  /** Expected partitions per member, compared as sets (Java's assertAssignment / toSortedString). */
  expected?: Record<string, string>;
  /** Expected partitions per member in order (Java's assertEquals on the assignment map). */
  expectedExact?: Record<string, string>;
  /** Expected partitions per group.instance.id (Java's checkStaticAssignment). */
  expectedByInstance?: Record<string, string>;
}

const sub = (memberId: string, topics: string[], groupInstanceId?: string): AssignorMember =>
  groupInstanceId === undefined ? { memberId, topics } : { memberId, topics, groupInstanceId };
const both = ['topic1', 'topic2'];
const statics = (...ids: [string, string][]) => ids.map(([m, i]) => sub(m, both, i));
const numbered = (topics: string[][]) => topics.map((t, i) => sub(`consumer${i}`, t));
const t123 = ['t1', 't2', 't3'];

const cases: RangeCase[] = [
  {
    java: 'testOneConsumerNoTopic',
    input: { partitionsPerTopic: {}, members: [sub('consumer1', [])] },
    expected: { consumer1: '' },
  },
  {
    java: 'testOneConsumerNonexistentTopic',
    input: { partitionsPerTopic: {}, members: [sub('consumer1', ['topic1'])] },
    expected: { consumer1: '' },
  },
  {
    java: 'testOneConsumerOneTopic',
    input: { partitionsPerTopic: { topic1: 3 }, members: [sub('consumer1', ['topic1'])] },
    expected: { consumer1: 'topic1-0, topic1-1, topic1-2' },
  },
  {
    java: 'testOnlyAssignsPartitionsFromSubscribedTopics',
    input: { partitionsPerTopic: { topic1: 3, other: 3 }, members: [sub('consumer1', ['topic1'])] },
    expected: { consumer1: 'topic1-0, topic1-1, topic1-2' },
  },
  {
    java: 'testOneConsumerMultipleTopics',
    input: { partitionsPerTopic: { topic1: 1, topic2: 2 }, members: [sub('consumer1', both)] },
    expected: { consumer1: 'topic1-0, topic2-0, topic2-1' },
  },
  {
    java: 'testTwoConsumersOneTopicOnePartition',
    input: {
      partitionsPerTopic: { topic1: 1 },
      members: [sub('consumer1', ['topic1']), sub('consumer2', ['topic1'])],
    },
    expected: { consumer1: 'topic1-0', consumer2: '' },
  },
  {
    java: 'testTwoConsumersOneTopicTwoPartitions',
    input: {
      partitionsPerTopic: { topic1: 2 },
      members: [sub('consumer1', ['topic1']), sub('consumer2', ['topic1'])],
    },
    expected: { consumer1: 'topic1-0', consumer2: 'topic1-1' },
  },
  {
    java: 'testMultipleConsumersMixedTopics',
    input: {
      partitionsPerTopic: { topic1: 3, topic2: 2 },
      members: [sub('consumer1', ['topic1']), sub('consumer2', both), sub('consumer3', ['topic1'])],
    },
    expected: {
      consumer1: 'topic1-0',
      consumer2: 'topic1-1, topic2-0, topic2-1',
      consumer3: 'topic1-2',
    },
  },
  {
    java: 'testTwoConsumersTwoTopicsSixPartitions',
    input: {
      partitionsPerTopic: { topic1: 3, topic2: 3 },
      members: [sub('consumer1', both), sub('consumer2', both)],
    },
    expected: {
      consumer1: 'topic1-0, topic1-1, topic2-0, topic2-1',
      consumer2: 'topic1-2, topic2-2',
    },
  },
  {
    java: 'testTwoStaticConsumersTwoTopicsSixPartitions',
    input: {
      partitionsPerTopic: { topic1: 3, topic2: 3 },
      members: statics(['consumer-b', 'instance1'], ['consumer-a', 'instance2']),
    },
    expected: {
      'consumer-b': 'topic1-0, topic1-1, topic2-0, topic2-1',
      'consumer-a': 'topic1-2, topic2-2',
    },
  },
  {
    java: 'testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions',
    input: {
      partitionsPerTopic: { topic1: 3, topic2: 3 },
      members: [sub('consumer-b', both, 'instance1'), sub('consumer-a', both)],
    },
    expected: {
      'consumer-b': 'topic1-0, topic1-1, topic2-0, topic2-1',
      'consumer-a': 'topic1-2, topic2-2',
    },
  },
  {
    java: 'testStaticMemberRangeAssignmentPersistent (dynamic consumer4)',
    input: {
      partitionsPerTopic: { topic1: 5, topic2: 4 },
      members: [
        ...statics(
          ['consumer1', 'instance1'],
          ['consumer2', 'instance2'],
          ['consumer3', 'instance3'],
        ),
        sub('consumer4', both),
      ],
    },
    expectedExact: {
      consumer1: 'topic1-0, topic1-1, topic2-0',
      consumer2: 'topic1-2, topic2-1',
      consumer3: 'topic1-3, topic2-2',
      consumer4: 'topic1-4, topic2-3',
    },
  },
  {
    java: 'testStaticMemberRangeAssignmentPersistent (consumer4 replaced by consumer5)',
    input: {
      partitionsPerTopic: { topic1: 5, topic2: 4 },
      members: [
        ...statics(
          ['consumer1', 'instance1'],
          ['consumer2', 'instance2'],
          ['consumer3', 'instance3'],
        ),
        sub('consumer5', both),
      ],
    },
    expectedExact: {
      consumer1: 'topic1-0, topic1-1, topic2-0',
      consumer2: 'topic1-2, topic2-1',
      consumer3: 'topic1-3, topic2-2',
      consumer5: 'topic1-4, topic2-3',
    },
  },
  {
    java: 'testStaticMemberRangeAssignmentPersistentAfterMemberIdChanges (before)',
    input: {
      partitionsPerTopic: { topic1: 5, topic2: 5 },
      members: statics(
        ['consumer1', 'instance1'],
        ['consumer2', 'instance2'],
        ['consumer3', 'instance3'],
      ),
    },
    expectedByInstance: {
      instance1: 'topic1-0, topic1-1, topic2-0, topic2-1',
      instance2: 'topic1-2, topic1-3, topic2-2, topic2-3',
      instance3: 'topic1-4, topic2-4',
    },
  },
  {
    java: 'testStaticMemberRangeAssignmentPersistentAfterMemberIdChanges (member ids swapped)',
    input: {
      partitionsPerTopic: { topic1: 5, topic2: 5 },
      members: statics(
        ['consumer1', 'instance1'],
        ['consumer5', 'instance2'],
        ['consumer4', 'instance3'],
      ),
    },
    expectedByInstance: {
      instance1: 'topic1-0, topic1-1, topic2-0, topic2-1',
      instance2: 'topic1-2, topic1-3, topic2-2, topic2-3',
      instance3: 'topic1-4, topic2-4',
    },
  },
  {
    java: 'testRackAwareAssignmentWithUniformSubscription (non-rack-aware expectation)',
    input: { partitionsPerTopic: { t1: 6, t2: 7, t3: 2 }, members: numbered([t123, t123, t123]) },
    expected: {
      consumer0: 't1-0, t1-1, t2-0, t2-1, t2-2, t3-0',
      consumer1: 't1-2, t1-3, t2-3, t2-4, t3-1',
      consumer2: 't1-4, t1-5, t2-5, t2-6',
    },
  },
  {
    java: 'testRackAwareAssignmentWithNonEqualSubscription (non-rack-aware expectation)',
    input: {
      partitionsPerTopic: { t1: 6, t2: 7, t3: 2 },
      members: numbered([t123, t123, ['t1', 't3']]),
    },
    expected: {
      consumer0: 't1-0, t1-1, t2-0, t2-1, t2-2, t2-3, t3-0',
      consumer1: 't1-2, t1-3, t2-4, t2-5, t2-6, t3-1',
      consumer2: 't1-4, t1-5',
    },
  },
  {
    java: 'testRackAwareAssignmentWithUniformPartitions (non-rack-aware expectation)',
    input: { partitionsPerTopic: { t1: 5, t2: 5, t3: 5 }, members: numbered([t123, t123, t123]) },
    expected: {
      consumer0: 't1-0, t1-1, t2-0, t2-1, t3-0, t3-1',
      consumer1: 't1-2, t1-3, t2-2, t2-3, t3-2, t3-3',
      consumer2: 't1-4, t2-4, t3-4',
    },
  },
  {
    java: 'testRackAwareAssignmentWithUniformPartitionsNonEqualSubscription (non-rack-aware expectation)',
    input: {
      partitionsPerTopic: { t1: 5, t2: 5, t3: 5 },
      members: numbered([t123, t123, ['t1', 't3']]),
    },
    expected: {
      consumer0: 't1-0, t1-1, t2-0, t2-1, t2-2, t3-0, t3-1',
      consumer1: 't1-2, t1-3, t2-3, t2-4, t3-2, t3-3',
      consumer2: 't1-4, t3-4',
    },
  },
  {
    java: 'testRackAwareAssignmentWithCoPartitioning (non-rack-aware expectation, split subscriptions)',
    input: {
      partitionsPerTopic: { t1: 6, t2: 6, t3: 2, t4: 2 },
      members: numbered([
        ['t1', 't2'],
        ['t1', 't2'],
        ['t3', 't4'],
        ['t3', 't4'],
      ]),
    },
    expected: {
      consumer0: 't1-0, t1-1, t1-2, t2-0, t2-1, t2-2',
      consumer1: 't1-3, t1-4, t1-5, t2-3, t2-4, t2-5',
      consumer2: 't3-0, t4-0',
      consumer3: 't3-1, t4-1',
    },
  },
  {
    java: 'testRackAwareAssignmentWithCoPartitioning (non-rack-aware expectation, all topics)',
    input: {
      partitionsPerTopic: { t1: 6, t2: 6, t3: 2, t4: 2 },
      members: numbered([0, 1, 2, 3].map(() => ['t1', 't2', 't3', 't4'])),
    },
    expected: {
      consumer0: 't1-0, t1-1, t2-0, t2-1, t3-0, t4-0',
      consumer1: 't1-2, t1-3, t2-2, t2-3, t3-1, t4-1',
      consumer2: 't1-4, t2-4',
      consumer3: 't1-5, t2-5',
    },
  },
  {
    java: 'testCoPartitionedAssignmentWithSameSubscription (non-rack-aware expectation)',
    input: {
      partitionsPerTopic: { t1: 6, t2: 6, t3: 2, t4: 2, t5: 4, t6: 4 },
      members: numbered(
        [0, 1, 2].map(() => ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9']),
      ),
    },
    expected: {
      consumer0: 't1-0, t1-1, t2-0, t2-1, t3-0, t4-0, t5-0, t5-1, t6-0, t6-1',
      consumer1: 't1-2, t1-3, t2-2, t2-3, t3-1, t4-1, t5-2, t6-2',
      consumer2: 't1-4, t1-5, t2-4, t2-5, t5-3, t6-3',
    },
  },
];

describe('rangeAssignor — RangeAssignorTest', () => {
  it.each(cases)('$java', ({ input, expected, expectedExact, expectedByInstance }) => {
    const assignment = rangeAssignor.assign(input);
    expect(Object.keys(assignment).sort()).toEqual(input.members.map((m) => m.memberId).sort());
    if (expected) expect(fmtAll(assignment, true)).toEqual(expected);
    if (expectedExact) expect(fmtAll(assignment)).toEqual(expectedExact);
    if (expectedByInstance) {
      const byInstance = Object.fromEntries(
        input.members.map((m) => [m.groupInstanceId!, fmtSorted(assignment[m.memberId]!)]),
      );
      expect(byInstance).toEqual(expectedByInstance);
    }
  });
});

describe('rangeAssignor — properties', () => {
  it('assigns every subscribed partition to exactly one member subscribed to its topic', () => {
    fc.assert(
      fc.property(assignorInputArbitrary(), (input) => {
        expect(coverageProblems(input, rangeAssignor.assign(input))).toEqual([]);
      }),
    );
  });

  it('gives each member of a topic a contiguous range, larger ranges first', () => {
    fc.assert(
      fc.property(assignorInputArbitrary(), (input) => {
        const assignment = rangeAssignor.assign(input);
        for (const [member, partitions] of Object.entries(assignment)) {
          const byTopic = new Map<string, number[]>();
          for (const tp of partitions)
            byTopic.set(tp.topic, [...(byTopic.get(tp.topic) ?? []), tp.partition]);
          for (const [topic, ps] of byTopic) {
            expect(ps, `${member} ${topic}`).toEqual(ps.map((_, i) => ps[0]! + i));
          }
        }
      }),
    );
  });
});
