/**
 * Cases ported AS DATA from Kafka's
 * clients/src/test/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignorTest.java
 * (Kafka 3.8+, after KAFKA-16277 changed testAddRemoveTwoConsumersTwoTopics), which runs for both
 * StickyAssignorTest and CooperativeStickyAssignorTest; used by `sticky.test.ts` and
 * `cooperativeSticky.test.ts`. Rack-aware cases appear only through their non-rack expectations.
 * Java's `generationId` field is 1.
 */
import {
  fmtAll,
  fmtSorted,
  isFullyBalanced,
  tps,
  validityAndBalanceProblems,
} from './assignorTestSupport';
import type { AssignorInput, AssignorMember, TopicPartitionRef } from './types';

/** One member's subscription: `subscription(topics)` or `buildSubscriptionV2Above(topics, owned, generation)`. */
export interface MemberSpec {
  id: string;
  topics: string[];
  /** Owned partitions (`"t-0, t-1"`), or `'previous'`: this member's assignment after the previous step. */
  owned?: string;
  generation?: number;
}

/** One `assignPartitions` call and what the Java test asserts about it. */
export interface StepSpec {
  partitionsPerTopic: Record<string, number>;
  members: MemberSpec[];
  /** Asserted before `verifyValidityAndBalance`, lists in order (`assertEquals(partitions(...), ...)`). */
  expect?: Record<string, string>;
  /** Asserted before `verifyValidityAndBalance`, as sets (`new HashSet<>(...)`). */
  expectSets?: Record<string, string>;
  /** Asserted after `verifyValidityAndBalance` — for cooperative-sticky, after its follow-up rebalances. */
  expectAfterVerify?: Record<string, string>;
  /** `partitionsTransferringOwnership`: `{}` for `isEmpty()`, `null` for `assertNull`. */
  transferring?: Record<string, string> | null;
  /** `verifyValidityAndBalance`: valid, and no partition could move to a member with 2+ fewer. */
  verify?: boolean;
  /** `isFullyBalanced`: counts differ by at most one. */
  fullyBalanced?: boolean;
  /** `assignor.isSticky()`. */
  isSticky?: boolean;
  /** Stickiness: each member keeps all it had after the previous step (`containsAll`). */
  keepsPrevious?: boolean;
  /** Each member only has partitions it had after the previous step. */
  withinPrevious?: boolean;
  /** Each member's partition count lies in [min, max]. */
  sizes?: [number, number];
  /** Total number of partitions assigned. */
  total?: number;
}

/** A Java test method as data. */
export interface StickyCase {
  java: string;
  steps: StepSpec[];
}

/** What one assignor run yields, for the checks. */
export interface StickyRun {
  assignment: ReadonlyMap<string, readonly TopicPartitionRef[]>;
  transferring: ReadonlyMap<TopicPartitionRef, string> | null;
  isSticky: boolean;
}

/** The assignor under test. */
export interface StickyRunner {
  run(input: AssignorInput): StickyRun;
  /** Cooperative: `verifyValidityAndBalance` runs follow-up rebalances while partitions are revoked. */
  cooperative: boolean;
}

/** One assertion of a case: `expect(actual).toEqual(expected)`. */
export interface Comparison {
  label: string;
  actual: unknown;
  expected: unknown;
}

const GENERATION_ID = 1;

/** `getCanonicalName`: prefix + number zero-padded to the width of `maxNum`. */
const name = (prefix: string, i: number, maxNum: number): string =>
  prefix + String(i).padStart(String(maxNum).length, '0');
const range = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
const v2 = (
  id: string,
  topics: string[],
  owned: string,
  generation = GENERATION_ID,
): MemberSpec => ({
  id,
  topics,
  owned,
  generation,
});
const fresh = (id: string, topics: string[]): MemberSpec => ({ id, topics });

const t12 = ['topic1', 'topic2'];
const t123 = ['t1', 't2', 't3'];

/** Topics t01…t19 with i partitions, consumer i subscribed to t01…ti (testReassignmentAfterOneConsumerLeaves). */
const leavesTopics = Object.fromEntries(range(1, 20).map((i) => [name('t', i, 20), i]));
const leavesMembers = (owned?: string): MemberSpec[] =>
  range(1, 20).map((i) => ({
    id: name('c', i, 20),
    topics: range(1, i + 1).map((j) => name('t', j, 20)),
    ...(owned === undefined ? {} : { owned, generation: GENERATION_ID }),
  }));

const sameSubsTopics = Object.fromEntries(range(1, 15).map((i) => [name('t', i, 15), i]));
const sameSubsMembers = (ids: number[], owned?: string): MemberSpec[] =>
  ids.map((i) => ({
    id: name('c', i, 9),
    topics: Object.keys(sameSubsTopics),
    ...(owned === undefined ? {} : { owned, generation: GENERATION_ID }),
  }));

const generationSequences = [
  [1, 2, 3],
  [1, 3, 2],
  [2, 1, 3],
  [2, 3, 1],
  [3, 1, 2],
  [3, 2, 1],
];

const uniformExpected = {
  consumer0: 't1-0, t1-3, t2-0, t2-3, t2-6',
  consumer1: 't1-1, t1-4, t2-1, t2-4, t3-0',
  consumer2: 't1-2, t1-5, t2-2, t2-5, t3-1',
};
const nonEqualExpected = {
  consumer0: 't1-5, t2-0, t2-2, t2-4, t2-6',
  consumer1: 't1-3, t2-1, t2-3, t2-5, t3-0',
  consumer2: 't1-0, t1-1, t1-2, t1-4, t3-1',
};
const withOwned = (topics: string[][], owned?: Record<string, string>): MemberSpec[] =>
  topics.map((t, i) =>
    owned === undefined
      ? fresh(`consumer${i}`, t)
      : { id: `consumer${i}`, topics: t, owned: owned[`consumer${i}`]! },
  );

/** The AbstractStickyAssignorTest cases, in the Java file's order. */
export const abstractStickyCases: StickyCase[] = [
  {
    java: 'testOneConsumerNoTopic',
    steps: [
      {
        partitionsPerTopic: {},
        members: [fresh('consumer', [])],
        expect: { consumer: '' },
        transferring: {},
        verify: true,
        fullyBalanced: true,
      },
    ],
  },
  {
    java: 'testOneConsumerNonexistentTopic',
    steps: [
      {
        partitionsPerTopic: { topic: 0 },
        members: [fresh('consumer', ['topic'])],
        expect: { consumer: '' },
        transferring: {},
        verify: true,
        fullyBalanced: true,
      },
    ],
  },
  {
    java: 'testOneConsumerOneTopic',
    steps: [
      {
        partitionsPerTopic: { topic: 3 },
        members: [fresh('consumer', ['topic'])],
        expect: { consumer: 'topic-0, topic-1, topic-2' },
        transferring: {},
        verify: true,
        fullyBalanced: true,
      },
    ],
  },
  {
    java: 'testOnlyAssignsPartitionsFromSubscribedTopics',
    steps: [
      {
        partitionsPerTopic: { topic: 2 },
        members: [v2('consumer', ['topic'], 'topic-0, topic-1, other-0, other-1')],
        expect: { consumer: 'topic-0, topic-1' },
        transferring: {},
        verify: true,
        fullyBalanced: true,
      },
    ],
  },
  {
    java: 'testOneConsumerMultipleTopics',
    steps: [
      {
        partitionsPerTopic: { topic1: 1, topic2: 2 },
        members: [fresh('consumer', t12)],
        expect: { consumer: 'topic1-0, topic2-0, topic2-1' },
        transferring: {},
        verify: true,
        fullyBalanced: true,
      },
    ],
  },
  {
    java: 'testTwoConsumersOneTopicOnePartition',
    steps: [
      {
        partitionsPerTopic: { topic: 1 },
        members: [fresh('consumer1', ['topic']), fresh('consumer2', ['topic'])],
        transferring: {},
        verify: true,
        fullyBalanced: true,
      },
    ],
  },
  {
    java: 'testTwoConsumersOneTopicTwoPartitions',
    steps: [
      {
        partitionsPerTopic: { topic: 2 },
        members: [fresh('consumer1', ['topic']), fresh('consumer2', ['topic'])],
        expect: { consumer1: 'topic-0', consumer2: 'topic-1' },
        transferring: {},
        verify: true,
        fullyBalanced: true,
      },
    ],
  },
  {
    java: 'testMultipleConsumersMixedTopicSubscriptions',
    steps: [
      {
        partitionsPerTopic: { topic1: 3, topic2: 2 },
        members: [
          fresh('consumer1', ['topic1']),
          fresh('consumer2', t12),
          fresh('consumer3', ['topic1']),
        ],
        expect: {
          consumer1: 'topic1-0, topic1-2',
          consumer2: 'topic2-0, topic2-1',
          consumer3: 'topic1-1',
        },
        transferring: null,
        verify: true,
        fullyBalanced: true,
      },
    ],
  },
  {
    java: 'testTwoConsumersTwoTopicsSixPartitions',
    steps: [
      {
        partitionsPerTopic: { topic1: 3, topic2: 3 },
        members: [fresh('consumer1', t12), fresh('consumer2', t12)],
        expect: {
          consumer1: 'topic1-0, topic1-2, topic2-1',
          consumer2: 'topic1-1, topic2-0, topic2-2',
        },
        transferring: {},
        verify: true,
        fullyBalanced: true,
      },
    ],
  },
  {
    java: 'testConsumerOwningMinQuotaExpectedMaxQuota',
    steps: [
      {
        partitionsPerTopic: { topic1: 2, topic2: 3 },
        members: [
          v2('consumer1', t12, 'topic1-0, topic2-1'),
          v2('consumer2', t12, 'topic1-1, topic2-2'),
        ],
        expect: { consumer1: 'topic1-0, topic2-1, topic2-0', consumer2: 'topic1-1, topic2-2' },
        transferring: {},
        verify: true,
        fullyBalanced: true,
      },
    ],
  },
  {
    java: 'testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers',
    steps: [
      {
        partitionsPerTopic: { topic1: 2, topic2: 2 },
        members: [
          v2('consumer1', t12, 'topic1-0, topic2-0'),
          v2('consumer2', t12, 'topic1-1, topic2-1'),
          v2('consumer3', t12, ''),
        ],
        transferring: { 'topic2-0': 'consumer3' },
        verify: true,
        expectAfterVerify: {
          consumer1: 'topic1-0',
          consumer2: 'topic1-1, topic2-1',
          consumer3: 'topic2-0',
        },
        fullyBalanced: true,
      },
    ],
  },
  {
    java: 'testAllConsumersAreUnderMinQuota',
    steps: [
      {
        partitionsPerTopic: { topic1: 2, topic2: 3 },
        members: [
          v2('consumer1', t12, 'topic1-0'),
          v2('consumer2', t12, 'topic1-1'),
          v2('consumer3', t12, ''),
        ],
        transferring: {},
        verify: true,
        expectAfterVerify: {
          consumer1: 'topic1-0, topic2-1',
          consumer2: 'topic1-1, topic2-2',
          consumer3: 'topic2-0',
        },
        fullyBalanced: true,
      },
    ],
  },
  {
    java: 'testAddRemoveConsumerOneTopic',
    steps: [
      {
        partitionsPerTopic: { topic: 3 },
        members: [fresh('consumer1', ['topic'])],
        expect: { consumer1: 'topic-0, topic-1, topic-2' },
        verify: true,
        fullyBalanced: true,
      },
      {
        partitionsPerTopic: { topic: 3 },
        members: [v2('consumer1', ['topic'], 'previous'), v2('consumer2', ['topic'], '')],
        transferring: { 'topic-2': 'consumer2' },
        verify: true,
        expectAfterVerify: { consumer1: 'topic-0, topic-1', consumer2: 'topic-2' },
        fullyBalanced: true,
      },
      {
        partitionsPerTopic: { topic: 3 },
        members: [v2('consumer2', ['topic'], 'previous')],
        expectSets: { consumer2: 'topic-0, topic-1, topic-2' },
        transferring: {},
        verify: true,
        fullyBalanced: true,
      },
    ],
  },
  {
    java: 'testAddRemoveTwoConsumersTwoTopics',
    steps: [
      {
        partitionsPerTopic: { topic1: 3, topic2: 4 },
        members: [fresh('consumer1', t12), fresh('consumer2', t12)],
        expect: {
          consumer1: 'topic1-0, topic1-2, topic2-1, topic2-3',
          consumer2: 'topic1-1, topic2-0, topic2-2',
        },
        transferring: {},
        verify: true,
        fullyBalanced: true,
      },
      {
        partitionsPerTopic: { topic1: 3, topic2: 4 },
        members: [
          v2('consumer1', t12, 'previous'),
          v2('consumer2', t12, 'previous'),
          v2('consumer3', t12, ''),
          v2('consumer4', t12, ''),
        ],
        transferring: { 'topic1-2': 'consumer3', 'topic2-3': 'consumer3', 'topic2-2': 'consumer4' },
        verify: true,
        expectAfterVerify: {
          consumer1: 'topic1-0, topic2-1',
          consumer2: 'topic2-0, topic1-1',
          consumer3: 'topic1-2, topic2-3',
          consumer4: 'topic2-2',
        },
        fullyBalanced: true,
      },
      {
        partitionsPerTopic: { topic1: 3, topic2: 4 },
        members: [v2('consumer3', t12, 'previous'), v2('consumer4', t12, 'previous')],
        expect: {
          consumer3: 'topic1-2, topic2-3, topic1-0, topic2-1',
          consumer4: 'topic2-2, topic1-1, topic2-0',
        },
        transferring: {},
        verify: true,
        fullyBalanced: true,
      },
    ],
  },
  {
    java: 'testPoorRoundRobinAssignmentScenario',
    steps: [
      {
        partitionsPerTopic: { topic1: 2, topic2: 1, topic3: 2, topic4: 1, topic5: 2 },
        members: [
          fresh('consumer1', ['topic1', 'topic2', 'topic3', 'topic4', 'topic5']),
          fresh('consumer2', ['topic1', 'topic3', 'topic5']),
          fresh('consumer3', ['topic1', 'topic3', 'topic5']),
          fresh('consumer4', ['topic1', 'topic2', 'topic3', 'topic4', 'topic5']),
        ],
        verify: true,
      },
    ],
  },
  {
    java: 'testAddRemoveTopicTwoConsumers',
    steps: [
      {
        partitionsPerTopic: { topic: 3 },
        members: [fresh('consumer1', ['topic']), fresh('consumer2', ['topic'])],
        transferring: {},
        verify: true,
        fullyBalanced: true,
        sizes: [1, 2],
      },
      {
        partitionsPerTopic: { topic: 3, topic2: 3 },
        members: [
          v2('consumer1', ['topic', 'topic2'], 'previous'),
          v2('consumer2', ['topic', 'topic2'], 'previous'),
        ],
        transferring: {},
        verify: true,
        fullyBalanced: true,
        sizes: [3, 3],
        keepsPrevious: true,
      },
      {
        partitionsPerTopic: { topic2: 3 },
        members: [v2('consumer1', ['topic2'], 'previous'), v2('consumer2', ['topic2'], 'previous')],
        transferring: {},
        verify: true,
        fullyBalanced: true,
        sizes: [1, 2],
        withinPrevious: true,
      },
    ],
  },
  {
    // The Java test removes "consumer10", a name its members (c01…c19) never have: nobody leaves.
    java: 'testReassignmentAfterOneConsumerLeaves',
    steps: [
      { partitionsPerTopic: leavesTopics, members: leavesMembers(), verify: true },
      {
        partitionsPerTopic: leavesTopics,
        members: leavesMembers('previous'),
        verify: true,
        isSticky: true,
      },
    ],
  },
  {
    java: 'testReassignmentAfterOneConsumerAdded',
    steps: [
      {
        partitionsPerTopic: { topic: 20 },
        members: range(1, 10).map((i) => fresh(name('c', i, 10), ['topic'])),
        transferring: {},
        verify: true,
      },
      {
        partitionsPerTopic: { topic: 20 },
        members: range(1, 11).map((i) => fresh(name('c', i, 10), ['topic'])),
        transferring: {},
        verify: true,
      },
    ],
  },
  {
    java: 'testSameSubscriptions',
    steps: [
      {
        partitionsPerTopic: sameSubsTopics,
        members: sameSubsMembers(range(1, 9)),
        transferring: {},
        verify: true,
      },
      {
        partitionsPerTopic: sameSubsTopics,
        members: sameSubsMembers([1, 2, 3, 4, 6, 7, 8], 'previous'),
        transferring: {},
        verify: true,
      },
    ],
  },
  ...generationSequences.map(([g1, g2, g3]): StickyCase => ({
    java: `testSubscriptionNotEqualAndAssignSamePartitionWith3Generation (generations ${g1}, ${g2}, ${g3})`,
    steps: [
      {
        partitionsPerTopic: { topic: 6, topic1: 1 },
        members: [
          v2('consumer1', ['topic'], 'topic-0, topic-2', g1),
          v2('consumer2', ['topic'], 'topic-1, topic-2, topic-3', g2),
          v2('consumer3', ['topic'], 'topic-2, topic-4, topic-5', g3),
          v2('consumer4', ['topic1'], 'topic1-0', 2),
        ],
        sizes: [1, 2],
      },
    ],
  })),
  {
    java: 'testNewSubscription',
    steps: [
      {
        partitionsPerTopic: { t1: 1, t2: 1, t3: 1, t4: 1 },
        members: [fresh('c0', []), fresh('c1', ['t1']), fresh('c2', ['t2', 't3', 't4'])],
        verify: true,
      },
      {
        partitionsPerTopic: { t1: 1, t2: 1, t3: 1, t4: 1 },
        members: [fresh('c0', ['t1']), fresh('c1', ['t1']), fresh('c2', ['t2', 't3', 't4'])],
        verify: true,
        isSticky: true,
      },
    ],
  },
  {
    java: 'testMoveExistingAssignments',
    steps: [
      {
        partitionsPerTopic: { topic1: 1, topic2: 1, topic3: 1, topic4: 1, topic5: 1, topic6: 1 },
        members: [
          v2('consumer1', ['topic1', 'topic2'], 'topic1-0'),
          v2('consumer2', ['topic1', 'topic2', 'topic3', 'topic4'], 'topic2-0, topic3-0'),
          v2(
            'consumer3',
            ['topic2', 'topic3', 'topic4', 'topic5', 'topic6'],
            'topic4-0, topic5-0, topic6-0',
          ),
        ],
        transferring: null,
        verify: true,
      },
    ],
  },
  {
    java: 'testStickiness',
    steps: [
      {
        partitionsPerTopic: { topic1: 3 },
        members: ['consumer1', 'consumer2', 'consumer3', 'consumer4'].map((id) =>
          fresh(id, ['topic1']),
        ),
        transferring: {},
        verify: true,
        sizes: [0, 1],
      },
      {
        partitionsPerTopic: { topic1: 3 },
        members: ['consumer2', 'consumer3', 'consumer4'].map((id) =>
          v2(id, ['topic1'], 'previous'),
        ),
        transferring: {},
        verify: true,
        sizes: [1, 1],
        keepsPrevious: true,
      },
    ],
  },
  {
    java: 'testAssignmentUpdatedForDeletedTopic',
    steps: [
      {
        partitionsPerTopic: { topic1: 1, topic3: 100 },
        members: [fresh('consumer', ['topic1', 'topic2', 'topic3'])],
        transferring: {},
        total: 101,
        fullyBalanced: true,
      },
    ],
  },
  {
    java: 'testNoExceptionThrownWhenOnlySubscribedTopicDeleted',
    steps: [
      {
        partitionsPerTopic: { topic: 3 },
        members: [fresh('consumer', ['topic'])],
        transferring: {},
      },
      {
        partitionsPerTopic: {},
        members: [v2('consumer', ['topic'], 'previous')],
        expect: { consumer: '' },
        transferring: {},
      },
    ],
  },
  {
    java: 'testAllConsumersReachExpectedQuotaAndAreConsideredFilled',
    steps: [
      {
        partitionsPerTopic: { topic: 4 },
        members: [
          v2('consumer1', ['topic'], 'topic-0, topic-1'),
          v2('consumer2', ['topic'], 'topic-2'),
          v2('consumer3', ['topic'], ''),
        ],
        expect: { consumer1: 'topic-0, topic-1', consumer2: 'topic-2', consumer3: 'topic-3' },
        transferring: {},
        verify: true,
        fullyBalanced: true,
      },
    ],
  },
  {
    java: 'testOwnedPartitionsAreInvalidatedForConsumerWithStaleGeneration',
    steps: [
      {
        partitionsPerTopic: { topic: 3, topic2: 3 },
        members: [
          v2('consumer1', ['topic', 'topic2'], 'topic-0, topic-2, topic2-1', 10),
          v2('consumer2', ['topic', 'topic2'], 'topic-0, topic-2, topic2-1', 9),
        ],
        expectSets: {
          consumer1: 'topic-0, topic-2, topic2-1',
          consumer2: 'topic-1, topic2-0, topic2-2',
        },
        transferring: {},
        verify: true,
        fullyBalanced: true,
      },
    ],
  },
  {
    java: 'testOwnedPartitionsAreInvalidatedForConsumerWithNoGeneration',
    steps: [
      {
        partitionsPerTopic: { topic: 3, topic2: 3 },
        members: [
          v2('consumer1', ['topic', 'topic2'], 'topic-0, topic-2, topic2-1', 10),
          v2('consumer2', ['topic', 'topic2'], 'topic-0, topic-2, topic2-1', -1),
        ],
        expectSets: {
          consumer1: 'topic-0, topic-2, topic2-1',
          consumer2: 'topic-1, topic2-0, topic2-2',
        },
        transferring: {},
        verify: true,
        fullyBalanced: true,
      },
    ],
  },
  {
    java: 'testPartitionsTransferringOwnershipIncludeThePartitionClaimedByMultipleConsumersInSameGeneration',
    steps: [
      {
        partitionsPerTopic: { topic: 3 },
        members: [
          v2('consumer1', ['topic'], 'topic-0, topic-1'),
          v2('consumer2', ['topic'], 'topic-0, topic-2'),
          v2('consumer3', ['topic'], ''),
        ],
        transferring: { 'topic-0': 'consumer3' },
        verify: true,
        expectAfterVerify: { consumer1: 'topic-1', consumer2: 'topic-2', consumer3: 'topic-0' },
        fullyBalanced: true,
      },
    ],
  },
  {
    java: 'testEnsurePartitionsAssignedToHighestGeneration',
    steps: [
      {
        partitionsPerTopic: { topic: 3, topic2: 3, topic3: 3 },
        members: [
          v2('consumer1', ['topic', 'topic2', 'topic3'], 'topic-0, topic2-0, topic3-0', 10),
          v2('consumer2', ['topic', 'topic2', 'topic3'], 'topic-1, topic2-1, topic3-1', 9),
          v2('consumer3', ['topic', 'topic2', 'topic3'], 'topic2-1, topic3-0, topic3-2', 8),
        ],
        expectSets: {
          consumer1: 'topic-0, topic2-0, topic3-0',
          consumer2: 'topic-1, topic2-1, topic3-1',
          consumer3: 'topic-2, topic2-2, topic3-2',
        },
        transferring: {},
        verify: true,
        fullyBalanced: true,
      },
    ],
  },
  {
    java: 'testNoReassignmentOnCurrentMembers',
    steps: [
      {
        partitionsPerTopic: { topic: 3, topic1: 3, topic2: 3, topic3: 3 },
        members: [
          v2('consumer1', ['topic', 'topic2', 'topic3', 'topic1'], '', -1),
          v2(
            'consumer2',
            ['topic', 'topic2', 'topic3', 'topic1'],
            'topic-0, topic2-0, topic1-0',
            9,
          ),
          v2(
            'consumer3',
            ['topic', 'topic2', 'topic3', 'topic1'],
            'topic3-2, topic2-2, topic1-1',
            8,
          ),
          v2('consumer4', ['topic', 'topic2', 'topic3', 'topic1'], 'topic3-1, topic-1, topic-2', 7),
        ],
        expectSets: { consumer1: 'topic1-2, topic2-1, topic3-0' },
        transferring: {},
        verify: true,
        fullyBalanced: true,
      },
    ],
  },
  {
    java: 'testOwnedPartitionsAreInvalidatedForConsumerWithMultipleGeneration',
    steps: [
      {
        partitionsPerTopic: { topic: 3, topic2: 3 },
        members: [
          v2('consumer1', ['topic', 'topic2'], 'topic-0, topic2-1, topic-1', 10),
          v2('consumer2', ['topic', 'topic2'], 'topic-0, topic2-1, topic2-2', 8),
        ],
        expectSets: {
          consumer1: 'topic-0, topic2-1, topic-1',
          consumer2: 'topic-2, topic2-2, topic2-0',
        },
        transferring: {},
        verify: true,
        fullyBalanced: true,
      },
    ],
  },
  {
    java: 'testRackAwareAssignmentWithUniformSubscription (non-rack-aware, fresh)',
    steps: [
      {
        partitionsPerTopic: { t1: 6, t2: 7, t3: 2 },
        members: withOwned([t123, t123, t123]),
        expectSets: uniformExpected,
      },
    ],
  },
  {
    java: 'testRackAwareAssignmentWithUniformSubscription (non-rack-aware, owning the result)',
    steps: [
      {
        partitionsPerTopic: { t1: 6, t2: 7, t3: 2 },
        members: withOwned([t123, t123, t123], uniformExpected),
        expectSets: uniformExpected,
      },
    ],
  },
  {
    java: 'testRackAwareAssignmentWithNonEqualSubscription (non-rack-aware, fresh)',
    steps: [
      {
        partitionsPerTopic: { t1: 6, t2: 7, t3: 2 },
        members: withOwned([t123, t123, ['t1', 't3']]),
        expectSets: nonEqualExpected,
      },
    ],
  },
  {
    java: 'testRackAwareAssignmentWithNonEqualSubscription (non-rack-aware, owning the result)',
    steps: [
      {
        partitionsPerTopic: { t1: 6, t2: 7, t3: 2 },
        members: withOwned([t123, t123, ['t1', 't3']], nonEqualExpected),
        expectSets: nonEqualExpected,
      },
    ],
  },
];

function toMember(
  spec: MemberSpec,
  previous: ReadonlyMap<string, readonly TopicPartitionRef[]> | undefined,
): AssignorMember {
  const member: AssignorMember = { memberId: spec.id, topics: [...spec.topics] };
  if (spec.owned !== undefined) {
    member.ownedPartitions =
      spec.owned === 'previous' ? [...(previous?.get(spec.id) ?? [])] : tps(spec.owned);
  }
  if (spec.generation !== undefined) member.generation = spec.generation;
  return member;
}

const key = (tp: TopicPartitionRef): string => `${tp.topic}-${tp.partition}`;

/**
 * The cooperative override of `verifyValidityAndBalance`: while partitions are being revoked, check
 * that none is also handed to a new owner in the same round, then rebalance with the members owning
 * what they were assigned (generation 1), at most four times.
 */
function cooperativeFollowUps(
  runner: StickyRunner,
  input: AssignorInput,
  first: StickyRun,
  problems: string[],
): StickyRun {
  let members = input.members;
  let run = first;
  for (let rebalances = 0; ; rebalances++) {
    const added = new Set<string>();
    const revoked = new Set<string>();
    for (const member of members) {
      const owned = new Set((member.ownedPartitions ?? []).map(key));
      const assigned = new Set((run.assignment.get(member.memberId) ?? []).map(key));
      for (const tp of owned) if (!assigned.has(tp)) revoked.add(tp);
      for (const tp of assigned) if (!owned.has(tp)) added.add(tp);
    }
    const both = [...added].filter((tp) => revoked.has(tp));
    if (both.length > 0)
      problems.push(`revoked and reassigned in one rebalance: ${both.join(', ')}`);
    if (revoked.size === 0) return run;
    if (rebalances >= 4) {
      problems.push('more than 4 follow-up rebalances');
      return run;
    }
    members = members.map((member) => ({
      ...member,
      ownedPartitions: [...(run.assignment.get(member.memberId) ?? [])],
      generation: GENERATION_ID,
    }));
    run = runner.run({ partitionsPerTopic: input.partitionsPerTopic, members });
  }
}

/**
 * Replay a case against an assignor, producing the comparisons its Java test asserts.
 */
export function checkStickyCase(testCase: StickyCase, runner: StickyRunner): Comparison[] {
  const out: Comparison[] = [];
  let previous: ReadonlyMap<string, readonly TopicPartitionRef[]> | undefined;
  testCase.steps.forEach((step, index) => {
    const at = `step ${index + 1}`;
    const input: AssignorInput = {
      partitionsPerTopic: step.partitionsPerTopic,
      members: step.members.map((spec) => toMember(spec, previous)),
    };
    const first = runner.run(input);
    const pick = (all: Record<string, string>, wanted: Record<string, string>) =>
      Object.fromEntries(Object.keys(wanted).map((member) => [member, all[member]]));

    out.push({
      label: `${at}: every member present`,
      actual: [...first.assignment.keys()].sort(),
      expected: input.members.map((m) => m.memberId).sort(),
    });
    if (step.expect) {
      out.push({
        label: `${at}: assignment`,
        actual: pick(fmtAll(first.assignment), step.expect),
        expected: step.expect,
      });
    }
    if (step.expectSets) {
      const sorted = Object.fromEntries(
        Object.entries(step.expectSets).map(([member, list]) => [member, fmtSorted(tps(list))]),
      );
      out.push({
        label: `${at}: assignment (as sets)`,
        actual: pick(fmtAll(first.assignment, true), sorted),
        expected: sorted,
      });
    }
    if (step.transferring !== undefined) {
      const actual =
        first.transferring === null
          ? null
          : Object.fromEntries([...first.transferring].map(([tp, member]) => [key(tp), member]));
      out.push({
        label: `${at}: partitionsTransferringOwnership`,
        actual,
        expected: step.transferring,
      });
    }

    let final = first;
    if (step.verify) {
      const problems: string[] = [];
      if (runner.cooperative) final = cooperativeFollowUps(runner, input, first, problems);
      problems.push(...validityAndBalanceProblems(input.members, final.assignment));
      out.push({ label: `${at}: verifyValidityAndBalance`, actual: problems, expected: [] });
    }
    if (step.expectAfterVerify) {
      out.push({
        label: `${at}: assignment after verifyValidityAndBalance`,
        actual: pick(fmtAll(final.assignment), step.expectAfterVerify),
        expected: step.expectAfterVerify,
      });
    }
    const lists = [...final.assignment.values()];
    const all = lists.flat().map(key);
    out.push({
      label: `${at}: no partition assigned twice`,
      actual: all.length,
      expected: new Set(all).size,
    });
    if (step.fullyBalanced) {
      out.push({
        label: `${at}: isFullyBalanced`,
        actual: isFullyBalanced(final.assignment),
        expected: true,
      });
    }
    if (step.isSticky)
      out.push({ label: `${at}: isSticky`, actual: final.isSticky, expected: true });
    if (step.sizes) {
      const [min, max] = step.sizes;
      const outside = [...final.assignment].filter(([, ps]) => ps.length < min || ps.length > max);
      out.push({
        label: `${at}: sizes within [${min}, ${max}]`,
        actual: outside.map(([m]) => m),
        expected: [],
      });
    }
    if (step.total !== undefined)
      out.push({ label: `${at}: total`, actual: all.length, expected: step.total });
    if (step.keepsPrevious || step.withinPrevious) {
      const lost: string[] = [];
      for (const [member, partitions] of final.assignment) {
        const before = (previous?.get(member) ?? []).map(key);
        const now = partitions.map(key);
        if (step.keepsPrevious)
          lost.push(
            ...before.filter((tp) => !now.includes(tp)).map((tp) => `${member} lost ${tp}`),
          );
        if (step.withinPrevious)
          lost.push(
            ...now.filter((tp) => !before.includes(tp)).map((tp) => `${member} gained ${tp}`),
          );
      }
      out.push({ label: `${at}: stickiness`, actual: lost, expected: [] });
    }
    previous = final.assignment;
  });
  return out;
}
