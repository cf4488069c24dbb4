// Cases ported from Kafka's clients/src/test/java/org/apache/kafka/clients/consumer/RoundRobinAssignorTest.java
// (Kafka 3.9; the round-robin assignor has no rack-aware logic).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { roundRobinAssignor } from './roundRobin';
import { assignorInputArbitrary, coverageProblems, fmt, fmtAll } from './assignorTestSupport';
import type { AssignorInput, AssignorMember } from './types';

interface RoundRobinCase {
  /** The Java test method. */
  java: string;
  input: AssignorInput;
  /** Expected partitions per member, in order (Java compares the lists with assertEquals). */
  expected?: Record<string, string>;
  /** Expected partitions per group.instance.id (Java's checkStaticAssignment). */
  expectedByInstance?: Record<string, string>;
}

const sub = (memberId: string, topics: string[], groupInstanceId?: string): AssignorMember =>
  groupInstanceId === undefined ? { memberId, topics } : { memberId, topics, groupInstanceId };
const both = ['topic1', 'topic2'];

const cases: RoundRobinCase[] = [
  {
    java: 'testOneConsumerNoTopic',
    input: { partitionsPerTopic: {}, members: [sub('consumer', [])] },
    expected: { consumer: '' },
  },
  {
    java: 'testOneConsumerNonexistentTopic',
    input: { partitionsPerTopic: {}, members: [sub('consumer', ['topic'])] },
    expected: { consumer: '' },
  },
  {
    java: 'testOneConsumerOneTopic',
    input: { partitionsPerTopic: { topic: 3 }, members: [sub('consumer', ['topic'])] },
    expected: { consumer: 'topic-0, topic-1, topic-2' },
  },
  {
    java: 'testOnlyAssignsPartitionsFromSubscribedTopics',
    input: { partitionsPerTopic: { topic: 3, other: 3 }, members: [sub('consumer', ['topic'])] },
    expected: { consumer: 'topic-0, topic-1, topic-2' },
  },
  {
    java: 'testOneConsumerMultipleTopics',
    input: { partitionsPerTopic: { topic1: 1, topic2: 2 }, members: [sub('consumer', both)] },
    expected: { consumer: 'topic1-0, topic2-0, topic2-1' },
  },
  {
    java: 'testTwoConsumersOneTopicOnePartition',
    input: {
      partitionsPerTopic: { topic: 1 },
      members: [sub('consumer1', ['topic']), sub('consumer2', ['topic'])],
    },
    expected: { consumer1: 'topic-0', consumer2: '' },
  },
  {
    java: 'testTwoConsumersOneTopicTwoPartitions',
    input: {
      partitionsPerTopic: { topic: 2 },
      members: [sub('consumer1', ['topic']), sub('consumer2', ['topic'])],
    },
    expected: { consumer1: 'topic-0', consumer2: 'topic-1' },
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
    java: 'testTwoDynamicConsumersTwoTopicsSixPartitions',
    input: {
      partitionsPerTopic: { topic1: 3, topic2: 3 },
      members: [sub('consumer1', both), sub('consumer2', both)],
    },
    expected: {
      consumer1: 'topic1-0, topic1-2, topic2-1',
      consumer2: 'topic1-1, topic2-0, topic2-2',
    },
  },
  {
    java: 'testTwoStaticConsumersTwoTopicsSixPartitions',
    input: {
      partitionsPerTopic: { topic1: 3, topic2: 3 },
      members: [sub('consumer-b', both, 'instance1'), sub('consumer-a', both, 'instance2')],
    },
    expected: {
      'consumer-b': 'topic1-0, topic1-2, topic2-1',
      'consumer-a': 'topic1-1, topic2-0, topic2-2',
    },
  },
  {
    java: 'testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions',
    input: {
      partitionsPerTopic: { topic1: 3, topic2: 3 },
      members: [sub('consumer-b', both, 'instance1'), sub('consumer-a', both)],
    },
    expected: {
      'consumer-b': 'topic1-0, topic1-2, topic2-1',
      'consumer-a': 'topic1-1, topic2-0, topic2-2',
    },
  },
  {
    java: 'testStaticMemberAssignmentPersistent (dynamic consumer4)',
    input: {
      partitionsPerTopic: { topic1: 3, topic2: 3 },
      members: [
        sub('consumer1', both, 'instance1'),
        sub('consumer2', both, 'instance2'),
        sub('consumer3', both, 'instance3'),
        sub('consumer4', both),
      ],
    },
    expected: {
      consumer1: 'topic1-0, topic2-1',
      consumer2: 'topic1-1, topic2-2',
      consumer3: 'topic1-2',
      consumer4: 'topic2-0',
    },
  },
  {
    java: 'testStaticMemberAssignmentPersistent (consumer4 replaced by consumer5)',
    input: {
      partitionsPerTopic: { topic1: 3, topic2: 3 },
      members: [
        sub('consumer1', both, 'instance1'),
        sub('consumer2', both, 'instance2'),
        sub('consumer3', both, 'instance3'),
        sub('consumer5', both),
      ],
    },
    expected: {
      consumer1: 'topic1-0, topic2-1',
      consumer2: 'topic1-1, topic2-2',
      consumer3: 'topic1-2',
      consumer5: 'topic2-0',
    },
  },
  {
    java: 'testStaticMemberAssignmentPersistentAfterMemberIdChanges (before)',
    input: {
      partitionsPerTopic: { topic1: 3, topic2: 3 },
      members: [
        sub('consumer1', both, 'instance1'),
        sub('consumer2', both, 'instance2'),
        sub('consumer3', both, 'instance3'),
      ],
    },
    expectedByInstance: {
      instance1: 'topic1-0, topic2-0',
      instance2: 'topic1-1, topic2-1',
      instance3: 'topic1-2, topic2-2',
    },
  },
  {
    java: 'testStaticMemberAssignmentPersistentAfterMemberIdChanges (member ids changed)',
    input: {
      partitionsPerTopic: { topic1: 3, topic2: 3 },
      members: [
        sub('consumer4', both, 'instance1'),
        sub('consumer5', both, 'instance2'),
        sub('consumer1', both, 'instance3'),
      ],
    },
    expectedByInstance: {
      instance1: 'topic1-0, topic2-0',
      instance2: 'topic1-1, topic2-1',
      instance3: 'topic1-2, topic2-2',
    },
  },
];

describe('roundRobinAssignor — RoundRobinAssignorTest', () => {
  it.each(cases)('$java', ({ input, expected, expectedByInstance }) => {
    const assignment = roundRobinAssignor.assign(input);
    expect(Object.keys(assignment).sort()).toEqual(input.members.map((m) => m.memberId).sort());
    if (expected) expect(fmtAll(assignment)).toEqual(expected);
    if (expectedByInstance) {
      const byInstance = Object.fromEntries(
        input.members.map((m) => [m.groupInstanceId!, fmt(assignment[m.memberId]!)]),
      );
      expect(byInstance).toEqual(expectedByInstance);
    }
  });

  it('skips members not subscribed to a topic (the class TSDoc example: C0 [t0], C1 [t0,t1], C2 all)', () => {
    const assignment = roundRobinAssignor.assign({
      partitionsPerTopic: { t0: 1, t1: 2, t2: 3 },
      members: [sub('C0', ['t0']), sub('C1', ['t0', 't1']), sub('C2', ['t0', 't1', 't2'])],
    });
    expect(fmtAll(assignment)).toEqual({ C0: 't0-0', C1: 't1-0', C2: 't1-1, t2-0, t2-1, t2-2' });
  });
});

describe('roundRobinAssignor — properties', () => {
  it('assigns every subscribed partition to exactly one member subscribed to its topic', () => {
    fc.assert(
      fc.property(assignorInputArbitrary(), (input) => {
        expect(coverageProblems(input, roundRobinAssignor.assign(input))).toEqual([]);
      }),
    );
  });

  it('is balanced within one partition when all members subscribe to the same topics', () => {
    fc.assert(
      fc.property(assignorInputArbitrary(), (input) => {
        const topics = input.members[0]!.topics;
        const same = { ...input, members: input.members.map((m) => ({ ...m, topics })) };
        const sizes = Object.values(roundRobinAssignor.assign(same)).map((p) => p.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
