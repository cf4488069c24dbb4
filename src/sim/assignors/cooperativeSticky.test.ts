// Cases ported from Kafka's
// clients/src/test/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignorTest.java
// (as run by CooperativeStickyAssignorTest; the table lives in ./abstractStickyCases.ts) and from
// clients/src/test/java/org/apache/kafka/clients/consumer/CooperativeStickyAssignorTest.java.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { assignCooperativeSticky, cooperativeStickyAssignor } from './cooperativeSticky';
import { abstractStickyCases, checkStickyCase } from './abstractStickyCases';
import type { StickyCase, StickyRunner } from './abstractStickyCases';
import { assignorInputArbitrary, coverageProblems, fmtAll, tps } from './assignorTestSupport';
import type { AssignorInput, TopicPartitionRef } from './types';

const cooperative: StickyRunner = {
  cooperative: true,
  run(input) {
    const result = assignCooperativeSticky(input);
    return {
      assignment: result.assignment,
      transferring: result.partitionsTransferringOwnership,
      isSticky: result.isSticky,
    };
  },
};

const all = ['t1', 't2', 't3'];
const nonEqualTopics = [all, all, ['t1', 't3']];
const owning = (owned: string[]) =>
  nonEqualTopics.map((topics, i) => ({ id: `consumer${i}`, topics, owned: owned[i]! }));

/** CooperativeStickyAssignorTest, and the cooperative-only branch of the rack test. */
const cooperativeCases: StickyCase[] = [
  {
    java: 'testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGenerationWithEqualPartitionsPerConsumer',
    steps: [
      {
        partitionsPerTopic: { topic: 3 },
        members: [
          { id: 'consumer1', topics: ['topic'], owned: 'topic-0, topic-1', generation: 1 },
          { id: 'consumer2', topics: ['topic'], owned: 'topic-0, topic-2', generation: 1 },
          { id: 'consumer3', topics: ['topic'], owned: '', generation: 1 },
        ],
        // topic-0 is still "owned", so it can't be assigned until both have revoked it.
        expect: { consumer1: 'topic-1', consumer2: 'topic-2', consumer3: '' },
        verify: true,
        fullyBalanced: true,
      },
    ],
  },
  {
    java: 'testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGenerationWithUnequalPartitionsPerConsumer',
    steps: [
      {
        partitionsPerTopic: { topic: 4 },
        members: [
          { id: 'consumer1', topics: ['topic'], owned: 'topic-0, topic-1', generation: 1 },
          { id: 'consumer2', topics: ['topic'], owned: 'topic-0, topic-2', generation: 1 },
          { id: 'consumer3', topics: ['topic'], owned: '', generation: 1 },
        ],
        expect: { consumer1: 'topic-1, topic-3', consumer2: 'topic-2', consumer3: '' },
        verify: true,
        fullyBalanced: true,
      },
    ],
  },
  {
    java: 'testAssignorWithOldVersionSubscriptions',
    steps: [
      {
        partitionsPerTopic: { topic1: 3 },
        members: [
          { id: 'consumer1', topics: ['topic1'], owned: 'topic1-0', generation: 1 },
          { id: 'consumer2', topics: ['topic1'], owned: 'topic1-1', generation: 1 },
          { id: 'consumer3', topics: ['topic1'], owned: '', generation: 1 },
        ],
        expect: { consumer1: 'topic1-0', consumer2: 'topic1-1', consumer3: 'topic1-2' },
        verify: true,
        fullyBalanced: true,
      },
    ],
  },
  {
    java: 'AbstractStickyAssignorTest.testRackAwareAssignmentWithNonEqualSubscription (cooperative, non-rack-aware: owned → intermediate)',
    steps: [
      {
        partitionsPerTopic: { t1: 6, t2: 7, t3: 2 },
        members: owning([
          't1-0, t1-1, t1-2, t1-3, t1-4',
          't1-5, t2-0, t2-1, t2-2, t2-3',
          't2-4, t2-5, t2-6, t3-0, t3-1',
        ]),
        expectSets: {
          consumer0: 't1-2, t1-3, t1-4',
          consumer1: 't2-0, t2-1, t2-2, t2-3',
          consumer2: 't3-0, t3-1',
        },
      },
    ],
  },
  {
    java: 'AbstractStickyAssignorTest.testRackAwareAssignmentWithNonEqualSubscription (cooperative, non-rack-aware: intermediate → final)',
    steps: [
      {
        partitionsPerTopic: { t1: 6, t2: 7, t3: 2 },
        members: owning(['t1-2, t1-3, t1-4', 't2-0, t2-1, t2-2, t2-3', 't3-0, t3-1']),
        expectSets: {
          consumer0: 't1-2, t1-3, t1-4, t2-4, t2-5',
          consumer1: 't2-0, t2-1, t2-2, t2-3, t2-6',
          consumer2: 't1-0, t1-1, t1-5, t3-0, t3-1',
        },
      },
    ],
  },
];

describe('cooperativeStickyAssignor — AbstractStickyAssignorTest', () => {
  it.each(abstractStickyCases)('$java', (testCase) => {
    for (const { label, actual, expected } of checkStickyCase(testCase, cooperative)) {
      expect(actual, label).toEqual(expected);
    }
  });
});

describe('cooperativeStickyAssignor — CooperativeStickyAssignorTest', () => {
  it.each(cooperativeCases)('$java', (testCase) => {
    for (const { label, actual, expected } of checkStickyCase(testCase, cooperative)) {
      expect(actual, label).toEqual(expected);
    }
  });

  it('leaves a partition moving to a new member unassigned for one round, then hands it over', () => {
    const members = [
      {
        memberId: 'consumer1',
        topics: ['topic'],
        ownedPartitions: tps('topic-0, topic-1, topic-2'),
        generation: 1,
      },
      { memberId: 'consumer2', topics: ['topic'], ownedPartitions: [], generation: 1 },
    ];
    const first = cooperativeStickyAssignor.assign({ partitionsPerTopic: { topic: 3 }, members });
    expect(fmtAll(first)).toEqual({ consumer1: 'topic-0, topic-1', consumer2: '' });

    const second = cooperativeStickyAssignor.assign({
      partitionsPerTopic: { topic: 3 },
      members: members.map((m) => ({ ...m, ownedPartitions: first[m.memberId]!, generation: 2 })),
    });
    expect(fmtAll(second)).toEqual({ consumer1: 'topic-0, topic-1', consumer2: 'topic-2' });
  });
});

/** Rebalance with everyone owning what they were given until nobody revokes anything (≤ 5 rounds). */
function settle(input: AssignorInput): Record<string, TopicPartitionRef[]> {
  let members = input.members;
  let assignment = cooperativeStickyAssignor.assign(input);
  for (let round = 0; round < 5; round++) {
    const revoking = members.some((m) =>
      (m.ownedPartitions ?? []).some(
        (o) =>
          !assignment[m.memberId]!.some((a) => a.topic === o.topic && a.partition === o.partition),
      ),
    );
    if (!revoking) break;
    members = members.map((m) => ({
      ...m,
      ownedPartitions: assignment[m.memberId]!,
      generation: 9,
    }));
    assignment = cooperativeStickyAssignor.assign({ ...input, members });
  }
  return assignment;
}

describe('cooperativeStickyAssignor — properties', () => {
  it('never gives a member a partition another member still owns', () => {
    fc.assert(
      fc.property(
        assignorInputArbitrary({ sameGeneration: true, disjointOwnership: true }),
        (input) => {
          const assignment = cooperativeStickyAssignor.assign(input);
          for (const [memberId, partitions] of Object.entries(assignment)) {
            for (const tp of partitions) {
              const otherOwner = input.members.find(
                (m) =>
                  m.memberId !== memberId &&
                  (m.ownedPartitions ?? []).some(
                    (o) => o.topic === tp.topic && o.partition === tp.partition,
                  ),
              );
              expect(
                otherOwner?.memberId,
                `${tp.topic}-${tp.partition} → ${memberId}`,
              ).toBeUndefined();
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('assigns every subscribed partition to exactly one subscribed member once revocations settle', () => {
    fc.assert(
      fc.property(assignorInputArbitrary(), (input) => {
        expect(coverageProblems(input, settle(input))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('assigns a subset of what the eager sticky assignor would, each partition at most once', () => {
    fc.assert(
      fc.property(assignorInputArbitrary(), (input) => {
        const assignment = cooperativeStickyAssignor.assign(input);
        const seen = new Set<string>();
        for (const partitions of Object.values(assignment)) {
          for (const tp of partitions) {
            const key = `${tp.topic}-${tp.partition}`;
            expect(seen.has(key), key).toBe(false);
            seen.add(key);
          }
        }
      }),
    );
  });
});
