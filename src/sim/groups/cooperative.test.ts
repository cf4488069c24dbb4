import { describe, expect, it } from 'vitest';
import { assignors } from '../assignors';
import type { Assignor } from '../assignors/types';
import {
  GroupTestKit,
  names,
  testCooperativeStickyAssignor,
  testRangeAssignor,
  type TestMember,
} from './groupTestKit';
import { rebalanceProtocolFor, withholdTransferringPartitions } from './rebalanceProtocol';

function scenario(assignor: Assignor) {
  const kit = new GroupTestKit();
  const a = kit.addMember({ clientId: 'a', assignors: [assignor] });
  const b = kit.addMember({ clientId: 'b', assignors: [assignor] });
  kit.run(10_000);
  const beforeA = names(a.held);
  const beforeB = names(b.held);
  const rebalancesBefore = kit.eventsOf('group.rebalanced').length;
  // Track that no partition is ever held by two members at once.
  const members: TestMember[] = [a, b];
  let overlap = false;
  kit.bus.subscribe(() => {
    const held = members.flatMap((m) => names(m.held));
    if (new Set(held).size !== held.length) overlap = true;
  });
  const c = kit.addMember({ clientId: 'c', assignors: [assignor] });
  members.push(c);
  kit.run(10_000);
  return { kit, a, b, c, beforeA, beforeB, rebalancesBefore, overlap: () => overlap };
}

describe.each([
  ['a sticky test assignor', testCooperativeStickyAssignor],
  ["src/sim/assignors' cooperative-sticky", assignors['cooperative-sticky']],
])('cooperative rebalancing (KIP-429) with %s', (_name, assignor) => {
  it('a new member causes two rebalances; partitions that stay are never revoked', () => {
    const { kit, a, b, c, beforeA, beforeB, rebalancesBefore, overlap } = scenario(assignor);
    expect(a.member.rebalanceProtocol).toBe('COOPERATIVE');
    const rebalances = kit.eventsOf('group.rebalanced').slice(rebalancesBefore);
    expect(rebalances.map((e) => e.generationId)).toEqual([2, 3]);
    expect([a, b, c].map((m) => m.held.length)).toEqual([2, 2, 2]);
    for (const [m, before] of [
      [a, beforeA],
      [b, beforeB],
    ] as const) {
      const revoked = m.calls
        .filter((x) => x.kind === 'revoked')
        .flatMap((x) => names(x.partitions));
      // Revoked exactly what it no longer holds, and nothing it kept.
      expect(revoked.sort()).toEqual(before.filter((p) => !names(m.held).includes(p)));
      expect(m.calls.some((x) => x.kind === 'lost')).toBe(false);
    }
    expect(names(c.held).sort()).toEqual(
      [...beforeA, ...beforeB]
        .filter((p) => !names(a.held).includes(p) && !names(b.held).includes(p))
        .sort(),
    );
    expect(overlap()).toBe(false);
  });

  it('the first rebalance withholds moving partitions from the new member', () => {
    const { kit, c } = scenario(assignor);
    const [first, second] = kit.eventsOf('group.rebalanced').slice(-2);
    const assignment = first!.assignment as Record<string, unknown[]>;
    expect(assignment[c.member.memberId]).toEqual([]);
    expect((second!.assignment as Record<string, unknown[]>)[c.member.memberId]).toHaveLength(2);
  });
});

describe('rebalance protocol selection', () => {
  it('is the highest protocol every configured assignor supports (ConsumerCoordinator)', () => {
    expect(rebalanceProtocolFor([testCooperativeStickyAssignor])).toBe('COOPERATIVE');
    expect(rebalanceProtocolFor([testRangeAssignor, testCooperativeStickyAssignor])).toBe('EAGER');
    expect(rebalanceProtocolFor([testRangeAssignor])).toBe('EAGER');
  });

  it('withholdTransferringPartitions drops partitions still owned by another member', () => {
    const p = (partition: number) => ({ topic: 't', partition });
    const out = withholdTransferringPartitions({ a: [p(0)], b: [p(1), p(2)] }, [
      { memberId: 'a', ownedPartitions: [p(0), p(1)], generation: 1 },
      { memberId: 'b', ownedPartitions: [p(2)], generation: 1 },
    ]);
    expect(out).toEqual({ a: [p(0)], b: [p(2)] });
  });
});
