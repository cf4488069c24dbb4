import { describe, expect, it } from 'vitest';
import { GroupTestKit, names } from './groupTestKit';

describe('static membership (KIP-345)', () => {
  function stableGroup() {
    const kit = new GroupTestKit();
    const a = kit.addMember({ clientId: 'a', groupInstanceId: 'a-1' });
    const b = kit.addMember({ clientId: 'b' });
    kit.run(10_000);
    return { kit, a, b };
  }

  it('a static member restarting within session.timeout.ms gets its partitions back without a rebalance', () => {
    const { kit, a, b } = stableGroup();
    const before = names(a.held);
    const oldMemberId = a.member.memberId;
    a.member.close();
    expect(kit.eventsOf('group.member.left')).toHaveLength(0); // static members send no LeaveGroup
    kit.run(20_000);
    const restarted = kit.addMember({ clientId: 'a', groupInstanceId: 'a-1' });
    kit.run(10_000);
    expect(kit.eventsOf('group.rebalance.started')).toHaveLength(1);
    expect(kit.coordinatorOf('g').describeGroup('g')).toMatchObject({
      state: 'Stable',
      generationId: 1,
    });
    expect(names(restarted.held)).toEqual(before);
    expect(restarted.member.memberId).not.toBe(oldMemberId);
    expect(b.calls.map((c) => c.kind)).toEqual(['assigned']);
    expect(kit.eventsOf('group.member.joined').at(-1)).toMatchObject({
      groupInstanceId: 'a-1',
      replacedMemberId: oldMemberId,
    });
  });

  it('the replaced member id is fenced with FENCED_INSTANCE_ID', () => {
    const { kit, a } = stableGroup();
    const oldMemberId = a.member.memberId;
    a.member.crash();
    kit.addMember({ clientId: 'a', groupInstanceId: 'a-1' });
    kit.run(10_000);
    let error: string | undefined;
    kit.coordinators[0]!.handleHeartbeat(
      {
        api: 'Heartbeat',
        groupId: 'g',
        memberId: oldMemberId,
        groupInstanceId: 'a-1',
        generationId: 1,
      },
      (r) => (error = r.error),
    );
    expect(error).toBe('FENCED_INSTANCE_ID');
  });

  it('a zombie with the old member id stops with a fatal FENCED_INSTANCE_ID', () => {
    const { kit, a } = stableGroup();
    a.stopPolling(); // the old instance keeps heartbeating while a new one takes its place
    const fresh = kit.addMember({ clientId: 'a', groupInstanceId: 'a-1' });
    kit.run(10_000);
    expect(a.member.fatalError).toBe('FENCED_INSTANCE_ID');
    expect(fresh.member.fatalError).toBeUndefined();
    expect(kit.coordinatorOf('g').describeGroup('g').generationId).toBe(1);
  });

  it('a static member away longer than session.timeout.ms is removed and the group rebalances', () => {
    const { kit, a, b } = stableGroup();
    a.member.close();
    kit.run(40_000);
    expect(kit.eventsOf('group.rebalance.started')).toHaveLength(1);
    expect(kit.coordinatorOf('g').describeGroup('g').members).toHaveLength(2);
    kit.run(10_000);
    const [evicted] = kit.eventsOf('group.member.evicted');
    expect(evicted).toMatchObject({ groupInstanceId: 'a-1' });
    expect(kit.coordinatorOf('g').describeGroup('g').generationId).toBe(2);
    expect(b.held).toHaveLength(6);
  });
});
