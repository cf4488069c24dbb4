/**
 * The coordinator's storage side: which __consumer_offsets partitions this broker leads, the cache
 * of their groups, and the records written for group metadata and offsets.
 * core/src/main/scala/kafka/coordinator/group/GroupMetadataManager.scala (Kafka 3.9).
 */
import type { KafkaErrorName } from '../protocol/errors';
import type { CommittedOffset, GroupMetadataHooks } from './groupMetadata';
import { GroupMetadata, tpKey } from './groupMetadata';
import { MemberMetadata } from './memberMetadata';
import type { GroupMetadataValue, OffsetsTopicRecord } from './offsetsTopicRecords';
import {
  groupMetadataKey,
  offsetCommitError,
  offsetCommitKey,
  replayOffsetsPartition,
  storeGroupError,
} from './offsetsTopicRecords';
import { partitionForGroup } from './partitionForGroup';
import type {
  FetchedOffset,
  OffsetCommitPartition,
  PartitionError,
  TopicPartitionRef,
} from './protocol';

/** What the manager needs from the broker hosting it (a subset of the coordinator context). */
export interface GroupStorage {
  now(): number;
  emit(type: string, fields: Record<string, unknown>): void;
  offsetsTopicPartitions: number;
  appendToOffsetsTopic(
    partition: number,
    records: OffsetsTopicRecord[],
    cb: (error: string) => void,
  ): void;
}

/** Cache of the groups of the __consumer_offsets partitions this broker leads. */
export class GroupMetadataManager {
  readonly groups = new Map<string, GroupMetadata>();
  private readonly owned = new Set<number>();

  constructor(
    private readonly storage: GroupStorage,
    private readonly hooks: GroupMetadataHooks,
  ) {}

  /** The __consumer_offsets partition of `groupId`. */
  partitionFor(groupId: string): number {
    return partitionForGroup(groupId, this.storage.offsetsTopicPartitions);
  }

  /** True when this broker leads the partition holding `groupId`. */
  isGroupLocal(groupId: string): boolean {
    return this.owned.has(this.partitionFor(groupId));
  }

  isPartitionOwned(partition: number): boolean {
    return this.owned.has(partition);
  }

  /** Led partitions, ascending. */
  ownedPartitions(): number[] {
    return [...this.owned].sort((a, b) => a - b);
  }

  getGroup(groupId: string): GroupMetadata | undefined {
    return this.groups.get(groupId);
  }

  /** The group, created Empty when absent and `create` is set (GroupMetadataManager.getOrMaybeCreateGroup). */
  getOrMaybeCreateGroup(groupId: string, create: boolean): GroupMetadata | undefined {
    const existing = this.groups.get(groupId);
    if (existing || !create) return existing;
    const group = new GroupMetadata(groupId, 'Empty', this.hooks);
    this.groups.set(groupId, group);
    this.storage.emit('group.created', { groupId, partition: this.partitionFor(groupId) });
    return group;
  }

  /** Writes the group's metadata record (used after each generation and static-member replacement). */
  storeGroup(
    group: GroupMetadata,
    assignment: Map<string, TopicPartitionRef[]>,
    cb: (error: KafkaErrorName) => void,
  ): void {
    const protocol = group.protocolName;
    const value: GroupMetadataValue = {
      state: group.size > 0 ? 'Stable' : 'Empty',
      protocolType: group.protocolType ?? '',
      generation: group.generationId,
      protocol: protocol ?? null,
      leader: group.leaderId ?? null,
      currentStateTimestamp: group.stateTimestamp,
      members: [...group.members.values()].map((m) => ({
        memberId: m.memberId,
        ...(m.groupInstanceId !== undefined ? { groupInstanceId: m.groupInstanceId } : {}),
        clientId: m.clientId,
        clientHost: m.clientHost,
        rebalanceTimeout: m.rebalanceTimeoutMs,
        sessionTimeout: m.sessionTimeoutMs,
        subscription: protocol !== undefined ? m.metadata(protocol) : emptySubscription(),
        assignment: assignment.get(m.memberId) ?? [],
      })),
    };
    const record = { key: groupMetadataKey(group.groupId), value: JSON.stringify(value) };
    this.storage.appendToOffsetsTopic(this.partitionFor(group.groupId), [record], (error) =>
      cb(error === 'NONE' ? 'NONE' : storeGroupError(error)),
    );
  }

  /** Appends offset records; the cache is updated once the append is acknowledged (acks=all). */
  storeOffsets(
    group: GroupMetadata,
    offsets: OffsetCommitPartition[],
    cb: (errors: PartitionError[]) => void,
  ): void {
    const commitTimestamp = this.storage.now();
    const committed: CommittedOffset[] = offsets.map((o) => ({
      topic: o.topic,
      partition: o.partition,
      offset: o.offset,
      metadata: o.metadata ?? '',
      commitTimestamp,
    }));
    const records = committed.map((c) => ({
      key: offsetCommitKey(group.groupId, c),
      value: JSON.stringify({
        offset: c.offset,
        metadata: c.metadata,
        commitTimestamp: c.commitTimestamp,
      }),
    }));
    this.storage.appendToOffsetsTopic(this.partitionFor(group.groupId), records, (error) => {
      const mapped: KafkaErrorName = error === 'NONE' ? 'NONE' : offsetCommitError(error);
      if (mapped === 'NONE' && !group.is('Dead')) {
        for (const c of committed) group.offsets.set(tpKey(c), c);
        this.storage.emit('offsets.committed', {
          groupId: group.groupId,
          offsets: committed.map(({ topic, partition, offset, metadata }) => ({
            topic,
            partition,
            offset,
            metadata,
          })),
        });
      }
      cb(committed.map((c) => ({ topic: c.topic, partition: c.partition, error: mapped })));
    });
  }

  /** Committed offsets of `groupId`; -1 for requested partitions without one. */
  getOffsets(groupId: string, partitions?: TopicPartitionRef[]): FetchedOffset[] {
    const group = this.groups.get(groupId);
    const found = (tp: TopicPartitionRef): FetchedOffset => {
      const c = group?.offsets.get(tpKey(tp));
      return {
        topic: tp.topic,
        partition: tp.partition,
        offset: c?.offset ?? -1,
        metadata: c?.metadata ?? '',
        error: 'NONE',
      };
    };
    if (partitions) return partitions.map(found);
    return [...(group?.offsets.values() ?? [])].sort(compareTp).map(found);
  }

  /** Removes offsets from the cache and writes their tombstones (and the group's, when `deleteGroup`). */
  cleanupGroupMetadata(
    group: GroupMetadata,
    partitions: TopicPartitionRef[],
    deleteGroup: boolean,
  ): number {
    const records: OffsetsTopicRecord[] = [];
    let removed = 0;
    for (const tp of partitions) {
      if (group.offsets.delete(tpKey(tp))) removed++;
      records.push({ key: offsetCommitKey(group.groupId, tp), value: null });
    }
    if (deleteGroup) {
      records.push({ key: groupMetadataKey(group.groupId), value: null });
      if (this.groups.get(group.groupId) === group) this.groups.delete(group.groupId);
    }
    if (records.length > 0)
      this.storage.appendToOffsetsTopic(this.partitionFor(group.groupId), records, () => {});
    return removed;
  }

  /**
   * Becomes coordinator of `partition`: replays its records. Groups with members load as Stable,
   * groups without members (or with offsets only) as Empty (loadGroupsAndOffsets).
   * @returns the loaded groups.
   */
  loadPartition(partition: number, records: Iterable<OffsetsTopicRecord>): GroupMetadata[] {
    this.owned.add(partition);
    const loaded = replayOffsetsPartition(records);
    const ids = new Set([...loaded.groups.keys(), ...loaded.offsets.keys()]);
    const result: GroupMetadata[] = [];
    for (const groupId of [...ids].sort()) {
      if (this.partitionFor(groupId) !== partition) continue;
      const value = loaded.groups.get(groupId);
      const group = value
        ? this.loadGroup(groupId, value)
        : new GroupMetadata(groupId, 'Empty', this.hooks);
      for (const [k, c] of loaded.offsets.get(groupId) ?? []) group.offsets.set(k, c);
      this.groups.set(groupId, group);
      result.push(group);
    }
    return result;
  }

  /** Stops leading `partition`. @returns its groups, already removed from the cache. */
  removeGroupsForPartition(partition: number): GroupMetadata[] {
    this.owned.delete(partition);
    const removed: GroupMetadata[] = [];
    for (const [groupId, group] of this.groups) {
      if (this.partitionFor(groupId) !== partition) continue;
      this.groups.delete(groupId);
      removed.push(group);
    }
    return removed;
  }

  private loadGroup(groupId: string, value: GroupMetadataValue): GroupMetadata {
    const group = new GroupMetadata(
      groupId,
      value.members.length === 0 ? 'Empty' : 'Stable',
      this.hooks,
    );
    group.generationId = value.generation;
    group.protocolType = value.protocolType === '' ? undefined : value.protocolType;
    group.protocolName = value.protocol ?? undefined;
    group.stateTimestamp = value.currentStateTimestamp;
    for (const m of value.members) {
      const member = new MemberMetadata({
        memberId: m.memberId,
        ...(m.groupInstanceId !== undefined ? { groupInstanceId: m.groupInstanceId } : {}),
        clientId: m.clientId,
        clientHost: m.clientHost,
        rebalanceTimeoutMs: m.rebalanceTimeout,
        sessionTimeoutMs: m.sessionTimeout,
        protocolType: value.protocolType,
        supportedProtocols: [{ name: value.protocol ?? '', subscription: m.subscription }],
      });
      member.assignment = m.assignment;
      group.add(member);
    }
    if (value.leader !== null && group.has(value.leader)) group.leaderId = value.leader;
    group.subscribedTopics = group.computeSubscribedTopics();
    return group;
  }
}

function emptySubscription() {
  return { topics: [], ownedPartitions: [], generation: -1 };
}

function compareTp(a: TopicPartitionRef, b: TopicPartitionRef): number {
  return a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition;
}
