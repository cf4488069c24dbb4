import { describe, expect, it } from 'vitest';
import { GroupTestKit, names, type TestMember } from './groupTestKit';
import type { JoinGroupResponse } from './protocol';

function allPartitions(kit: GroupTestKit): string[] {
  return Object.entries(kit.topics)
    .flatMap(([t, n]) => Array.from({ length: n }, (_, p) => `${t}-${p}`))
    .sort();
}

function expectDisjointCover(kit: GroupTestKit, members: TestMember[]): void {
  const held = members.flatMap((m) => names(m.held));
  expect(new Set(held).size).toBe(held.length);
  expect(held.sort()).toEqual(allPartitions(kit));
}

describe('join, sync and rebalance', () => {
  it('two members join: disjoint assignments covering all partitions, group Stable at generation 1', () => {
    const kit = new GroupTestKit();
    const a = kit.addMember({ clientId: 'a' });
    const b = kit.addMember({ clientId: 'b' });
    kit.run(10_000);
    expectDisjointCover(kit, [a, b]);
    expect(a.held).toHaveLength(3);
    const described = kit.coordinatorOf('g').describeGroup('g');
    expect(described.state).toBe('Stable');
    expect(described.generationId).toBe(1);
    expect(described.protocol).toBe('range');
    expect(described.leaderId).toBe(a.member.memberId);
    expect(a.member.isLeader).toBe(true);
    expect(b.member.isLeader).toBe(false);
    expect(kit.eventsOf('group.state.changed').map((e) => e.to)).toEqual([
      'PreparingRebalance',
      'CompletingRebalance',
      'Stable',
    ]);
  });

  it('group.initial.rebalance.delay.ms (3000) holds the first rebalance of an Empty group', () => {
    const kit = new GroupTestKit();
    kit.addMember({ clientId: 'a' });
    kit.run(10_000);
    // JoinGroup → MEMBER_ID_REQUIRED → JoinGroup reaches the coordinator at t=3.
    const [preparing, completing] = kit.eventsOf('group.state.changed');
    expect(preparing).toMatchObject({ tick: 3, to: 'PreparingRebalance' });
    expect(completing).toMatchObject({ tick: 3003, to: 'CompletingRebalance' });
  });

  it('a member arriving during the initial delay extends it by another delay (InitialDelayedJoin)', () => {
    const kit = new GroupTestKit();
    kit.addMember({ clientId: 'a' });
    kit.run(2000);
    kit.addMember({ clientId: 'b' });
    kit.run(10_000);
    expect(kit.eventsOf('group.state.changed')[1]).toMatchObject({
      tick: 6003,
      to: 'CompletingRebalance',
    });
  });

  it('without an initial delay the first rebalance completes as soon as the member joined', () => {
    const kit = new GroupTestKit({ config: { groupInitialRebalanceDelayMs: 0 } });
    kit.addMember({ clientId: 'a' });
    kit.run(1000);
    expect(kit.eventsOf('group.state.changed')[1]).toMatchObject({
      tick: 3,
      to: 'CompletingRebalance',
    });
  });

  it('a third member triggers a rebalance: generation 2, three disjoint shares', () => {
    const kit = new GroupTestKit();
    const a = kit.addMember({ clientId: 'a' });
    const b = kit.addMember({ clientId: 'b' });
    kit.run(10_000);
    const c = kit.addMember({ clientId: 'c' });
    kit.run(10_000);
    expectDisjointCover(kit, [a, b, c]);
    expect([a, b, c].map((m) => m.held.length)).toEqual([2, 2, 2]);
    expect(kit.coordinatorOf('g').describeGroup('g').generationId).toBe(2);
    const started = kit.eventsOf('group.rebalance.started');
    expect(started).toHaveLength(2);
    expect(String(started[1]!.reason)).toContain(`Adding new member ${c.member.memberId}`);
    expect(kit.eventsOf('group.rebalanced').map((e) => e.generationId)).toEqual([1, 2]);
  });

  it('eager protocol: every member revokes all its partitions before rejoining', () => {
    const kit = new GroupTestKit();
    const a = kit.addMember({ clientId: 'a' });
    kit.addMember({ clientId: 'b' });
    kit.run(10_000);
    kit.addMember({ clientId: 'c' });
    kit.run(10_000);
    expect(a.calls.map((c) => [c.kind, names(c.partitions)])).toEqual([
      ['assigned', ['orders-0', 'orders-1', 'orders-2']],
      ['revoked', ['orders-0', 'orders-1', 'orders-2']],
      ['assigned', ['orders-0', 'orders-1']],
    ]);
  });

  it('a member leaving (close) sends LeaveGroup; the others rebalance and take its partitions', () => {
    const kit = new GroupTestKit();
    const a = kit.addMember({ clientId: 'a' });
    const b = kit.addMember({ clientId: 'b' });
    kit.run(10_000);
    const leavingId = b.member.memberId;
    b.member.close();
    kit.run(10_000);
    expect(kit.eventsOf('group.member.left')).toMatchObject([
      { memberId: leavingId, reason: 'the consumer is being closed' },
    ]);
    expect(names(b.held)).toEqual([]);
    expect(b.calls.at(-1)?.kind).toBe('revoked');
    expect(names(a.held)).toEqual(allPartitions(kit));
    expect(kit.coordinatorOf('g').describeGroup('g')).toMatchObject({
      state: 'Stable',
      generationId: 2,
    });
  });

  it('the last member leaving makes the group Empty', () => {
    const kit = new GroupTestKit();
    const a = kit.addMember({ clientId: 'a' });
    kit.run(10_000);
    a.member.close();
    kit.run(1000);
    expect(kit.coordinatorOf('g').describeGroup('g')).toMatchObject({
      state: 'Empty',
      generationId: 2,
    });
  });

  it('a crashed member is evicted after session.timeout.ms and the others get its partitions', () => {
    const kit = new GroupTestKit();
    const a = kit.addMember({ clientId: 'a' });
    const b = kit.addMember({ clientId: 'b' });
    kit.run(10_000);
    const crashedAt = kit.scheduler.now;
    const crashedId = b.member.memberId;
    b.member.crash();
    kit.run(44_000 - 3000);
    expect(kit.eventsOf('group.member.evicted')).toHaveLength(0);
    kit.run(60_000);
    const [evicted] = kit.eventsOf('group.member.evicted');
    expect(evicted).toMatchObject({ memberId: crashedId });
    expect(String(evicted!.reason)).toContain('session timeout');
    // The last heartbeat reached the coordinator at most heartbeat.interval.ms before the crash.
    expect(evicted!.tick - crashedAt).toBeGreaterThan(45_000 - 3000);
    expect(evicted!.tick - crashedAt).toBeLessThanOrEqual(45_000);
    expect(names(a.held)).toEqual(allPartitions(kit));
    expect(kit.coordinatorOf('g').describeGroup('g').generationId).toBe(2);
  });

  it('a member that does not rejoin within the rebalance timeout is removed from the group', () => {
    const kit = new GroupTestKit();
    const a = kit.addMember({ clientId: 'a', maxPollIntervalMs: 60_000 });
    const b = kit.addMember({
      clientId: 'b',
      maxPollIntervalMs: 60_000,
      sessionTimeoutMs: 120_000,
    });
    kit.run(10_000);
    b.member.crash();
    const c = kit.addMember({ clientId: 'c', maxPollIntervalMs: 60_000 });
    kit.run(70_000);
    const [evicted] = kit.eventsOf('group.member.evicted');
    expect(String(evicted!.reason)).toBe('did not rejoin within the rebalance timeout (60000 ms)');
    expectDisjointCover(kit, [a, c]);
  });

  it('poll() not called for max.poll.interval.ms: the member leaves; on its next poll its partitions are lost', () => {
    const kit = new GroupTestKit();
    const a = kit.addMember({ clientId: 'a', maxPollIntervalMs: 60_000 });
    const b = kit.addMember({ clientId: 'b', maxPollIntervalMs: 60_000 });
    kit.run(10_000);
    const bPartitions = names(b.held);
    b.stopPolling();
    kit.run(70_000);
    expect(kit.eventsOf('consumer.poll.timeout')).toHaveLength(1);
    expect(kit.eventsOf('group.member.left')).toMatchObject([
      { reason: 'consumer poll timeout has expired.' },
    ]);
    expect(names(a.held)).toEqual(allPartitions(kit));
    b.resumePolling();
    kit.run(10_000);
    expect(
      b.calls.find((c) => c.kind === 'lost')?.partitions.map((p) => `${p.topic}-${p.partition}`),
    ).toEqual(bPartitions);
    expectDisjointCover(kit, [a, b]);
  });
});

describe('determinism and rejoin triggers', () => {
  function scenario(): string {
    const kit = new GroupTestKit();
    kit.addMember({ clientId: 'a' });
    const b = kit.addMember({ clientId: 'b' });
    kit.run(10_000);
    kit.addMember({ clientId: 'c' });
    kit.run(5_000);
    b.member.crash();
    kit.run(60_000);
    return JSON.stringify(kit.events);
  }

  it('the same inputs produce the same event sequence', () => {
    expect(scenario()).toBe(scenario());
  });

  it("the leader rejoins when a subscribed topic's partition count changes", () => {
    const kit = new GroupTestKit();
    const a = kit.addMember({ clientId: 'a' });
    const b = kit.addMember({ clientId: 'b' });
    kit.run(10_000);
    kit.topics.orders = 8;
    kit.run(10_000);
    expect(kit.eventsOf('consumer.group.joining').at(-2)).toMatchObject({
      clientId: 'a',
      reason: 'cached metadata has changed',
    });
    expectDisjointCover(kit, [a, b]);
    expect(a.held).toHaveLength(4);
  });

  it('a member whose subscription changes rejoins', () => {
    const kit = new GroupTestKit({ topics: { orders: 2, audit: 2 } });
    const subscription = ['orders'];
    const a = kit.addMember({ clientId: 'a' }, { subscription });
    kit.run(10_000);
    expect(names(a.held)).toEqual(['orders-0', 'orders-1']);
    subscription.push('audit');
    kit.run(10_000);
    expect(names(a.held)).toEqual(['audit-0', 'audit-1', 'orders-0', 'orders-1']);
  });
});

describe('coordinator request validation', () => {
  function join(
    kit: GroupTestKit,
    overrides: Partial<Parameters<(typeof kit.coordinators)[0]['handleJoinGroup']>[0]> = {},
  ) {
    let response: JoinGroupResponse | undefined;
    kit.coordinators[0]!.handleJoinGroup(
      {
        api: 'JoinGroup',
        groupId: 'g',
        memberId: '',
        clientId: 'cli',
        sessionTimeoutMs: 45_000,
        rebalanceTimeoutMs: 300_000,
        protocolType: 'consumer',
        protocols: [
          {
            name: 'range',
            subscription: { topics: ['orders'], ownedPartitions: [], generation: -1 },
          },
        ],
        ...overrides,
      },
      (r) => (response = r),
    );
    return () => response;
  }

  it('a first JoinGroup without member id gets MEMBER_ID_REQUIRED and a generated id (KIP-394)', () => {
    const kit = new GroupTestKit();
    const response = join(kit)();
    expect(response?.error).toBe('MEMBER_ID_REQUIRED');
    expect(response?.memberId).toMatch(
      /^cli-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(kit.coordinators[0]!.describeGroup('g')).toMatchObject({ state: 'Empty', members: [] });
    const rejoin = join(kit, { memberId: response!.memberId });
    kit.run(3000);
    expect(rejoin()).toMatchObject({ error: 'NONE', generationId: 1, leader: response!.memberId });
  });

  it('JoinGroup with a session timeout outside group.min/max.session.timeout.ms gets INVALID_SESSION_TIMEOUT', () => {
    const kit = new GroupTestKit();
    expect(join(kit, { sessionTimeoutMs: 5999 })()?.error).toBe('INVALID_SESSION_TIMEOUT');
    expect(join(kit, { sessionTimeoutMs: 1_800_001 })()?.error).toBe('INVALID_SESSION_TIMEOUT');
  });

  it('an unknown member id gets UNKNOWN_MEMBER_ID on JoinGroup and Heartbeat', () => {
    const kit = new GroupTestKit();
    expect(join(kit, { memberId: 'ghost' })()?.error).toBe('UNKNOWN_MEMBER_ID');
    kit.addMember({ clientId: 'a' });
    kit.run(10_000);
    let error: string | undefined;
    kit.coordinators[0]!.handleHeartbeat(
      { api: 'Heartbeat', groupId: 'g', memberId: 'ghost', generationId: 1 },
      (r) => (error = r.error),
    );
    expect(error).toBe('UNKNOWN_MEMBER_ID');
  });

  it('a heartbeat during a rebalance gets REBALANCE_IN_PROGRESS, one of an old generation ILLEGAL_GENERATION', () => {
    const kit = new GroupTestKit();
    const a = kit.addMember({ clientId: 'a' });
    kit.run(10_000);
    const heartbeat = (generationId: number) => {
      let error: string | undefined;
      kit.coordinators[0]!.handleHeartbeat(
        { api: 'Heartbeat', groupId: 'g', memberId: a.member.memberId, generationId },
        (r) => (error = r.error),
      );
      return error;
    };
    expect(heartbeat(0)).toBe('ILLEGAL_GENERATION');
    a.stopPolling();
    kit.addMember({ clientId: 'b' });
    kit.run(10);
    expect(kit.coordinators[0]!.describeGroup('g').state).toBe('PreparingRebalance');
    expect(heartbeat(1)).toBe('REBALANCE_IN_PROGRESS');
  });

  it('requests for a group another broker coordinates get NOT_COORDINATOR', () => {
    const kit = new GroupTestKit();
    let error: string | undefined;
    kit.coordinators[1]!.handleHeartbeat(
      { api: 'Heartbeat', groupId: 'g', memberId: 'm', generationId: 1 },
      (r) => (error = r.error),
    );
    expect(error).toBe('NOT_COORDINATOR');
    expect(kit.coordinators[1]!.describeGroup('g').error).toBe('NOT_COORDINATOR');
    expect(kit.coordinators[1]!.isCoordinatorFor('g')).toBe(false);
  });

  it('members supporting no common protocol get INCONSISTENT_GROUP_PROTOCOL', () => {
    const kit = new GroupTestKit();
    kit.addMember({ clientId: 'a' });
    kit.run(10_000);
    const response = join(kit, {
      protocols: [
        {
          name: 'roundrobin',
          subscription: { topics: ['orders'], ownedPartitions: [], generation: -1 },
        },
      ],
    })();
    expect(response?.error).toBe('INCONSISTENT_GROUP_PROTOCOL');
  });
});
