// Cases ported from Kafka's
// clients/src/test/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignorTest.java
// (as run by StickyAssignorTest; the table lives in ./abstractStickyCases.ts).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { assignSticky } from './abstractSticky';
import { stickyAssignor, stickyMemberData } from './sticky';
import { abstractStickyCases, checkStickyCase } from './abstractStickyCases';
import type { StickyRunner } from './abstractStickyCases';
import {
  assignorInputArbitrary,
  coverageProblems,
  fmtAll,
  tps,
  validityAndBalanceProblems,
} from './assignorTestSupport';

const sticky: StickyRunner = {
  cooperative: false,
  run(input) {
    const result = assignSticky(input, stickyMemberData);
    return {
      assignment: result.assignment,
      transferring: result.partitionsTransferringOwnership,
      isSticky: result.isSticky,
    };
  },
};

describe('stickyAssignor — AbstractStickyAssignorTest', () => {
  it.each(abstractStickyCases)('$java', (testCase) => {
    for (const { label, actual, expected } of checkStickyCase(testCase, sticky)) {
      expect(actual, label).toEqual(expected);
    }
  });
});

describe('stickyAssignor — StickyAssignor javadoc examples', () => {
  it('Example 2: balances mixed subscriptions better than round robin, and keeps 5 of 6 when C0 leaves', () => {
    const members = [
      { memberId: 'C0', topics: ['t0'] },
      { memberId: 'C1', topics: ['t0', 't1'] },
      { memberId: 'C2', topics: ['t0', 't1', 't2'] },
    ];
    const partitionsPerTopic = { t0: 1, t1: 2, t2: 3 };
    const first = stickyAssignor.assign({ partitionsPerTopic, members });
    expect(fmtAll(first, true)).toEqual({ C0: 't0-0', C1: 't1-0, t1-1', C2: 't2-0, t2-1, t2-2' });

    const second = stickyAssignor.assign({
      partitionsPerTopic,
      members: members
        .slice(1)
        .map((m) => ({ ...m, ownedPartitions: first[m.memberId]!, generation: 1 })),
    });
    expect(fmtAll(second, true)).toEqual({ C1: 't0-0, t1-0, t1-1', C2: 't2-0, t2-1, t2-2' });
  });

  it('moves a partition straight to its new owner (eager protocol)', () => {
    const result = stickyAssignor.assign({
      partitionsPerTopic: { topic: 3 },
      members: [
        {
          memberId: 'consumer1',
          topics: ['topic'],
          ownedPartitions: tps('topic-0, topic-1, topic-2'),
          generation: 1,
        },
        { memberId: 'consumer2', topics: ['topic'], ownedPartitions: [], generation: 1 },
      ],
    });
    expect(fmtAll(result)).toEqual({ consumer1: 'topic-0, topic-1', consumer2: 'topic-2' });
  });
});

describe('stickyAssignor — properties', () => {
  it('assigns every subscribed partition to exactly one member subscribed to its topic', () => {
    fc.assert(
      fc.property(assignorInputArbitrary(), (input) => {
        expect(coverageProblems(input, stickyAssignor.assign(input))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('passes verifyValidityAndBalance, and keeps a member’s partitions when nothing changed', () => {
    fc.assert(
      fc.property(assignorInputArbitrary(), (input) => {
        const first = stickyAssignor.assign(input);
        expect(validityAndBalanceProblems(input.members, first)).toEqual([]);
        const again = stickyAssignor.assign({
          ...input,
          members: input.members.map((m) => ({
            ...m,
            ownedPartitions: first[m.memberId]!,
            generation: 5,
          })),
        });
        expect(fmtAll(again, true)).toEqual(fmtAll(first, true));
      }),
      { numRuns: 200 },
    );
  });
});
