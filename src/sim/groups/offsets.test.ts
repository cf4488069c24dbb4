import { describe, expect, it } from 'vitest';
import { GroupTestKit } from './groupTestKit';
import { partitionForGroup } from './partitionForGroup';
import type { OffsetCommitRequest, OffsetCommitResponse, OffsetFetchResponse } from './protocol';

function commit(
  kit: GroupTestKit,
  broker: number,
  req: Omit<OffsetCommitRequest, 'api' | 'groupId'>,
) {
  let response: OffsetCommitResponse | undefined;
  kit.coordinators[broker]!.handleOffsetCommit(
    { api: 'OffsetCommit', groupId: 'g', ...req },
    (r) => (response = r),
  );
  kit.run(5);
  return response;
}

function fetchOffsets(
  kit: GroupTestKit,
  broker: number,
  partitions?: { topic: string; partition: number }[],
) {
  let response: OffsetFetchResponse | undefined;
  kit.coordinators[broker]!.handleOffsetFetch(
    { api: 'OffsetFetch', groupId: 'g', ...(partitions ? { partitions } : {}) },
    (r) => (response = r),
  );
  return response;
}

describe('offset commits', () => {
  it('a member commits with its generation; OffsetFetch returns the offset, and -1 where none', () => {
    const kit = new GroupTestKit();
    const a = kit.addMember({ clientId: 'a' });
    kit.run(10_000);
    let errors: string[] = [];
    a.member.commitOffsets([{ topic: 'orders', partition: 0, offset: 42, metadata: 'm' }], (r) => {
      errors = r.partitions.map((p) => p.error);
    });
    kit.run(10);
    expect(errors).toEqual(['NONE']);
    expect(kit.eventsOf('offsets.committed')).toMatchObject([
      { groupId: 'g', offsets: [{ topic: 'orders', partition: 0, offset: 42, metadata: 'm' }] },
    ]);
    const fetched = fetchOffsets(kit, 0, [
      { topic: 'orders', partition: 0 },
      { topic: 'orders', partition: 1 },
    ]);
    expect(fetched?.partitions.map((p) => p.offset)).toEqual([42, -1]);
  });

  it('writes compact-friendly records: ["offset", group, topic, partition] and ["group", group]', () => {
    const kit = new GroupTestKit();
    const a = kit.addMember({ clientId: 'a' });
    kit.run(10_000);
    a.member.commitOffsets([{ topic: 'orders', partition: 3, offset: 7 }]);
    kit.run(10);
    const records = kit.recordsOf(partitionForGroup('g'));
    const group = records.find((r) => r.key === '["group","g"]');
    expect(JSON.parse(group!.value!)).toMatchObject({
      state: 'Stable',
      protocolType: 'consumer',
      protocol: 'range',
      generation: 1,
    });
    const offset = records.find((r) => r.key === '["offset","g","orders",3]');
    expect(JSON.parse(offset!.value!)).toMatchObject({ offset: 7, metadata: '' });
  });

  it('rejects commits from an unknown member or an old generation', () => {
    const kit = new GroupTestKit();
    const a = kit.addMember({ clientId: 'a' });
    kit.run(10_000);
    const offsets = [{ topic: 'orders', partition: 0, offset: 1 }];
    expect(
      commit(kit, 0, { generationId: 1, memberId: 'ghost', offsets })?.partitions[0]?.error,
    ).toBe('UNKNOWN_MEMBER_ID');
    expect(
      commit(kit, 0, { generationId: 0, memberId: a.member.memberId, offsets })?.partitions[0]
        ?.error,
    ).toBe('ILLEGAL_GENERATION');
    expect(
      commit(kit, 0, { generationId: 1, memberId: a.member.memberId, offsets })?.partitions[0]
        ?.error,
    ).toBe('NONE');
  });

  it('a simple commit (generationId -1) is allowed only while the group has no members', () => {
    const kit = new GroupTestKit();
    const offsets = [{ topic: 'orders', partition: 0, offset: 5 }];
    expect(commit(kit, 0, { generationId: -1, memberId: '', offsets })?.partitions[0]?.error).toBe(
      'NONE',
    );
    expect(kit.coordinators[0]!.describeGroup('g').state).toBe('Empty');
    kit.addMember({ clientId: 'a' });
    kit.run(10_000);
    expect(commit(kit, 0, { generationId: -1, memberId: '', offsets })?.partitions[0]?.error).toBe(
      'UNKNOWN_MEMBER_ID',
    );
  });

  it('a commit for an unknown topic gets UNKNOWN_TOPIC_OR_PARTITION', () => {
    const kit = new GroupTestKit();
    const response = commit(kit, 0, {
      generationId: -1,
      memberId: '',
      offsets: [{ topic: 'nope', partition: 0, offset: 1 }],
    });
    expect(response?.partitions[0]?.error).toBe('UNKNOWN_TOPIC_OR_PARTITION');
  });
});

describe('coordinator failover', () => {
  it('after the coordinator resigns, the newly elected one reloads committed offsets from the same records', () => {
    const kit = new GroupTestKit();
    const a = kit.addMember({ clientId: 'a' });
    const b = kit.addMember({ clientId: 'b' });
    kit.run(10_000);
    a.member.commitOffsets([{ topic: 'orders', partition: 0, offset: 100 }]);
    b.member.commitOffsets([{ topic: 'orders', partition: 3, offset: 300 }]);
    kit.run(10);
    const p = partitionForGroup('g');
    kit.elect(p, 1);
    expect(fetchOffsets(kit, 0)?.error).toBe('NOT_COORDINATOR');
    expect(fetchOffsets(kit, 1)?.partitions.map((x) => [x.partition, x.offset])).toEqual([
      [0, 100],
      [3, 300],
    ]);
    // The group loads Stable with its members; they rediscover the coordinator and carry on.
    expect(kit.coordinators[1]!.describeGroup('g')).toMatchObject({
      state: 'Stable',
      generationId: 1,
      protocol: 'range',
    });
    kit.run(60_000);
    expect(kit.eventsOf('consumer.coordinator.unknown').length).toBeGreaterThan(0);
    expect(kit.eventsOf('group.member.evicted')).toHaveLength(0);
    expect(kit.coordinators[1]!.describeGroup('g')).toMatchObject({
      state: 'Stable',
      generationId: 1,
    });
    expect(a.held).toHaveLength(3);
  });

  it('a JoinGroup parked on a resigning coordinator gets NOT_COORDINATOR and the member rejoins the new one', () => {
    const kit = new GroupTestKit();
    const a = kit.addMember({ clientId: 'a' });
    kit.run(1000); // inside the initial rebalance delay
    kit.elect(partitionForGroup('g'), 1);
    kit.run(10_000);
    expect(kit.coordinators[1]!.describeGroup('g')).toMatchObject({
      state: 'Stable',
      generationId: 1,
    });
    expect(a.held).toHaveLength(6);
  });

  it('an Empty group with only offsets loads as Empty', () => {
    const kit = new GroupTestKit();
    commit(kit, 0, {
      generationId: -1,
      memberId: '',
      offsets: [{ topic: 'orders', partition: 1, offset: 9 }],
    });
    kit.elect(partitionForGroup('g'), 1);
    expect(kit.coordinators[1]!.describeGroup('g').state).toBe('Empty');
    expect(fetchOffsets(kit, 1)?.partitions).toMatchObject([{ partition: 1, offset: 9 }]);
  });
});

describe('admin operations', () => {
  it('deleteGroups: NON_EMPTY_GROUP while members exist; an Empty group is deleted with tombstones', () => {
    const kit = new GroupTestKit();
    const a = kit.addMember({ clientId: 'a' });
    kit.run(10_000);
    a.member.commitOffsets([{ topic: 'orders', partition: 0, offset: 1 }]);
    kit.run(10);
    const c = kit.coordinators[0]!;
    expect(c.deleteGroups(['g', 'nope']).results).toEqual([
      { groupId: 'g', error: 'NON_EMPTY_GROUP' },
      {
        groupId: 'nope',
        error: kit.coordinatorOf('nope') === c ? 'GROUP_ID_NOT_FOUND' : 'NOT_COORDINATOR',
      },
    ]);
    a.member.close();
    kit.run(100);
    expect(c.deleteGroups(['g']).results).toEqual([{ groupId: 'g', error: 'NONE' }]);
    kit.run(10);
    expect(c.describeGroup('g')).toMatchObject({ error: 'GROUP_ID_NOT_FOUND', state: 'Dead' });
    const records = kit.recordsOf(partitionForGroup('g'));
    expect(records.slice(-2)).toEqual([
      { key: '["offset","g","orders",0]', value: null },
      { key: '["group","g"]', value: null },
    ]);
    kit.elect(partitionForGroup('g'), 1);
    expect(kit.coordinators[1]!.listGroups().groups).toEqual([]);
  });

  it('deleteOffsets: GROUP_SUBSCRIBED_TO_TOPIC while a member subscribes to the topic', () => {
    const kit = new GroupTestKit({ topics: { orders: 2, audit: 1 } });
    commit(kit, 0, {
      generationId: -1,
      memberId: '',
      offsets: [
        { topic: 'audit', partition: 0, offset: 3 },
        { topic: 'orders', partition: 0, offset: 4 },
      ],
    });
    kit.addMember({ clientId: 'a' }, { subscription: ['orders'] });
    kit.run(10_000);
    const result = kit.coordinators[0]!.deleteOffsets('g', [
      { topic: 'orders', partition: 0 },
      { topic: 'audit', partition: 0 },
    ]);
    expect(result).toEqual({
      error: 'NONE',
      partitions: [
        { topic: 'audit', partition: 0, error: 'NONE' },
        { topic: 'orders', partition: 0, error: 'GROUP_SUBSCRIBED_TO_TOPIC' },
      ],
    });
  });

  it('listGroups and describeGroup show state, protocol, members and assignments', () => {
    const kit = new GroupTestKit();
    const a = kit.addMember({ clientId: 'a' });
    kit.run(10_000);
    expect(kit.coordinators[0]!.listGroups()).toEqual({
      error: 'NONE',
      groups: [{ groupId: 'g', protocolType: 'consumer', state: 'Stable' }],
    });
    const described = kit.coordinators[0]!.describeGroup('g');
    expect(described.members).toMatchObject([
      { memberId: a.member.memberId, clientId: 'a', subscription: { topics: ['orders'] } },
    ]);
    expect(described.members[0]!.assignment).toHaveLength(6);
    expect(kit.coordinators[0]!.snapshot()[0]).toMatchObject({
      groupId: 'g',
      state: 'Stable',
      coordinator: 0,
    });
  });
});
