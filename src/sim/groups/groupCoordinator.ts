/**
 * The classic group coordinator of one broker: it serves the groups whose __consumer_offsets
 * partition the broker leads. Follows core/src/main/scala/kafka/coordinator/group/
 * GroupCoordinator.scala (Kafka 3.9), including KIP-394 (MEMBER_ID_REQUIRED), KIP-345 (static
 * membership) and InitialDelayedJoin (`group.initial.rebalance.delay.ms`). Kafka's purgatories
 * become timers of the injected scheduler; the work is split into {@link JoinPhase},
 * {@link SyncPhase}, {@link MemberSessions} and {@link OffsetsCoordinator}.
 */
import type { KafkaErrorName } from '../protocol/errors';
import type { CoordinatorCore, GroupCoordinatorContext } from './coordinatorCore';
import { joinError, syncError } from './coordinatorCore';
import type { GroupMetadata } from './groupMetadata';
import { GroupMetadataManager } from './groupMetadataManager';
import type { GroupState } from './groupState';
import { describeGroupSummary, groupSnapshot, type GroupSnapshot } from './groupSummary';
import { JoinPhase } from './joinPhase';
import { MemberSessions } from './memberSessions';
import { OffsetsCoordinator } from './offsetsCoordinator';
import type { OffsetsTopicRecord } from './offsetsTopicRecords';
import type {
  DeleteGroupsResult,
  DescribeGroupResult,
  GroupRequest,
  HeartbeatRequest,
  HeartbeatResponse,
  JoinGroupRequest,
  JoinGroupResponse,
  LeaveGroupRequest,
  LeaveGroupResponse,
  ListGroupsResult,
  OffsetCommitRequest,
  OffsetCommitResponse,
  OffsetDeleteResult,
  OffsetFetchRequest,
  OffsetFetchResponse,
  ResponseFor,
  SyncGroupRequest,
  SyncGroupResponse,
  TopicPartitionRef,
} from './protocol';
import { NO_GENERATION } from './protocol';
import { SyncPhase } from './syncPhase';

export type { GroupCoordinatorConfig, GroupCoordinatorContext } from './coordinatorCore';
export { NEW_MEMBER_JOIN_TIMEOUT_MS } from './coordinatorCore';
export { partitionForGroup } from './partitionForGroup';
export type { GroupSnapshot } from './groupSummary';

/** The shared core: the three protocol parts see each other through it. */
class CoordinatorParts implements CoordinatorCore {
  readonly join: JoinPhase = new JoinPhase(this);
  readonly sync: SyncPhase = new SyncPhase(this);
  readonly sessions: MemberSessions = new MemberSessions(this);

  constructor(
    readonly ctx: GroupCoordinatorContext,
    readonly manager: GroupMetadataManager,
    private readonly hooks: Pick<CoordinatorCore, 'emit' | 'validateGroupStatus'>,
  ) {}

  emit(type: string, fields: Record<string, unknown>): void {
    this.hooks.emit(type, fields);
  }

  validateGroupStatus(groupId: string, api: string): KafkaErrorName | undefined {
    return this.hooks.validateGroupStatus(groupId, api);
  }
}

/** One broker's group coordinator. */
export class GroupCoordinator {
  private readonly core: CoordinatorCore;
  private readonly manager: GroupMetadataManager;
  private readonly offsets: OffsetsCoordinator;

  constructor(private readonly ctx: GroupCoordinatorContext) {
    this.manager = new GroupMetadataManager(
      {
        now: () => ctx.now(),
        emit: (type, fields) => this.emit(type, fields),
        offsetsTopicPartitions: ctx.config.offsetsTopicPartitions,
        appendToOffsetsTopic: (p, records, cb) => ctx.appendToOffsetsTopic(p, records, cb),
      },
      {
        now: () => ctx.now(),
        onTransition: (group, from, to) => this.onTransition(group, from, to),
      },
    );
    const core = new CoordinatorParts(ctx, this.manager, {
      emit: (type, fields) => this.emit(type, fields),
      validateGroupStatus: (groupId, api) => this.validateGroupStatus(groupId, api),
    });
    this.core = core;
    this.offsets = new OffsetsCoordinator(this.manager, {
      validateGroupStatus: (groupId, api) => this.validateGroupStatus(groupId, api),
      partitionCount: (topic) => ctx.partitionCount(topic),
      touchMember: (group, memberId) => {
        const member = group.get(memberId);
        core.sessions.scheduleHeartbeatExpiration(group, member, member.sessionTimeoutMs);
      },
    });
  }

  /** Broker id of this coordinator. */
  get brokerId(): number {
    return this.ctx.brokerId;
  }

  /** The __consumer_offsets partitions this coordinator leads, ascending. */
  get ownedPartitions(): number[] {
    return this.manager.ownedPartitions();
  }

  /** True when this broker coordinates `groupId`. */
  isCoordinatorFor(groupId: string): boolean {
    return this.manager.isGroupLocal(groupId);
  }

  /** Routes any group request to its handler; `respond` may run later (parked joins and syncs). */
  handle<R extends GroupRequest>(request: R, respond: (response: ResponseFor<R>) => void): void {
    const r: GroupRequest = request;
    const reply = respond as (response: unknown) => void;
    switch (r.api) {
      case 'JoinGroup':
        return this.handleJoinGroup(r, reply);
      case 'SyncGroup':
        return this.handleSyncGroup(r, reply);
      case 'Heartbeat':
        return this.handleHeartbeat(r, reply);
      case 'LeaveGroup':
        return this.handleLeaveGroup(r, reply);
      case 'OffsetCommit':
        return this.handleOffsetCommit(r, reply);
      case 'OffsetFetch':
        return this.handleOffsetFetch(r, reply);
    }
  }

  /** JoinGroup; the response is parked until the join phase completes. */
  handleJoinGroup(req: JoinGroupRequest, respond: (response: JoinGroupResponse) => void): void {
    this.core.join.handleJoinGroup(req, respond);
  }

  /** SyncGroup; followers' responses are parked until the leader's assignment is stored. */
  handleSyncGroup(req: SyncGroupRequest, respond: (response: SyncGroupResponse) => void): void {
    this.core.sync.handleSyncGroup(req, respond);
  }

  /** Heartbeat: keeps the session alive; REBALANCE_IN_PROGRESS tells a member to rejoin. */
  handleHeartbeat(req: HeartbeatRequest, respond: (response: HeartbeatResponse) => void): void {
    this.core.sessions.handleHeartbeat(req, respond);
  }

  /** LeaveGroup: dynamic members leave at once (and trigger a rebalance); admins may remove static ones. */
  handleLeaveGroup(req: LeaveGroupRequest, respond: (response: LeaveGroupResponse) => void): void {
    this.core.sessions.handleLeaveGroup(req, respond);
  }

  /** OffsetCommit, validated against the member and generation as Kafka does. */
  handleOffsetCommit(
    req: OffsetCommitRequest,
    respond: (response: OffsetCommitResponse) => void,
  ): void {
    this.offsets.handleOffsetCommit(req, respond);
  }

  /** OffsetFetch: committed offsets (-1 when none), whatever the group state. */
  handleOffsetFetch(
    req: OffsetFetchRequest,
    respond: (response: OffsetFetchResponse) => void,
  ): void {
    this.offsets.handleOffsetFetch(req, respond);
  }

  /** DescribeGroups for one group; GROUP_ID_NOT_FOUND (state Dead) when unknown (v6+). */
  describeGroup(groupId: string): DescribeGroupResult {
    const error = this.validateGroupStatus(groupId, 'DescribeGroups');
    const group = error ? undefined : this.manager.getGroup(groupId);
    if (group) return describeGroupSummary(group);
    return {
      groupId,
      error: error ?? 'GROUP_ID_NOT_FOUND',
      state: error ? '' : 'Dead',
      protocolType: '',
      protocol: '',
      members: [],
      generationId: NO_GENERATION,
      leaderId: '',
    };
  }

  /** ListGroups: every group this broker coordinates, sorted by id. */
  listGroups(): ListGroupsResult {
    const groups = [...this.manager.groups.values()]
      .map((g) => ({
        groupId: g.groupId,
        protocolType: g.protocolType ?? '',
        state: g.state as string,
      }))
      .sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
    return { error: 'NONE', groups };
  }

  /** DeleteGroups: only Empty groups are deleted (NON_EMPTY_GROUP otherwise); writes tombstones. */
  deleteGroups(groupIds: string[]): DeleteGroupsResult {
    return {
      results: groupIds.map((groupId) => {
        const statusError = this.validateGroupStatus(groupId, 'DeleteGroups');
        if (statusError) return { groupId, error: statusError };
        const group = this.manager.getGroup(groupId);
        if (!group || group.is('Dead')) return { groupId, error: 'GROUP_ID_NOT_FOUND' as const };
        if (!group.is('Empty')) return { groupId, error: 'NON_EMPTY_GROUP' as const };
        group.transitionTo('Dead');
        const removed = this.manager.cleanupGroupMetadata(group, [...group.offsets.values()], true);
        this.emit('group.deleted', { groupId, offsetsRemoved: removed });
        return { groupId, error: 'NONE' as const };
      }),
    };
  }

  /** OffsetDelete: GROUP_SUBSCRIBED_TO_TOPIC for topics a member still subscribes to. */
  deleteOffsets(groupId: string, partitions: TopicPartitionRef[]): OffsetDeleteResult {
    return this.offsets.deleteOffsets(groupId, partitions);
  }

  /** Plain-data view of every group this broker coordinates, sorted by id. */
  snapshot(): GroupSnapshot[] {
    return [...this.manager.groups.values()]
      .map((g) => groupSnapshot(g, this.manager.partitionFor(g.groupId), this.ctx.brokerId))
      .sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
  }

  /**
   * This broker became leader of __consumer_offsets partition `offsetsPartition`: load its groups
   * and offsets by replaying `records` (GroupCoordinator.onElection / onGroupLoaded).
   */
  onElection(offsetsPartition: number, records: Iterable<OffsetsTopicRecord>): void {
    if (this.manager.isPartitionOwned(offsetsPartition)) return;
    for (const group of this.manager.loadPartition(offsetsPartition, records)) {
      this.emit('group.loaded', {
        groupId: group.groupId,
        partition: offsetsPartition,
        state: group.state,
        generationId: group.generationId,
        members: group.size,
        offsets: group.offsets.size,
      });
      for (const m of group.members.values())
        this.core.sessions.scheduleHeartbeatExpiration(group, m, m.sessionTimeoutMs);
    }
  }

  /**
   * This broker no longer leads `offsetsPartition`: its groups become Dead and are dropped; parked
   * JoinGroup/SyncGroup calls get NOT_COORDINATOR (GroupCoordinator.onResignation / onGroupUnloaded).
   */
  onResignation(offsetsPartition: number): void {
    for (const group of this.manager.removeGroupsForPartition(offsetsPartition)) {
      group.transitionTo('Dead');
      for (const m of group.members.values()) {
        group.maybeInvokeJoinCallback(m, joinError(m.memberId, 'NOT_COORDINATOR'));
        group.maybeInvokeSyncCallback(m, syncError('NOT_COORDINATOR'));
        this.core.sessions.cancelHeartbeat(m);
      }
      if (group.joinOp) this.ctx.cancel(group.joinOp.timer);
      if (group.syncOp) this.ctx.cancel(group.syncOp.timer);
      for (const timer of group.pendingMemberTimers.values()) this.ctx.cancel(timer);
      group.joinOp = undefined;
      group.syncOp = undefined;
      group.pendingMemberTimers.clear();
      this.emit('group.unloaded', { groupId: group.groupId, partition: offsetsPartition });
    }
  }

  /** GroupCoordinator.validateGroupStatus: INVALID_GROUP_ID or NOT_COORDINATOR, else undefined. */
  private validateGroupStatus(groupId: string, api: string): KafkaErrorName | undefined {
    const emptyAllowed =
      api === 'OffsetCommit' ||
      api === 'OffsetFetch' ||
      api === 'DescribeGroups' ||
      api === 'DeleteGroups';
    if (!emptyAllowed && groupId === '') return 'INVALID_GROUP_ID';
    if (!this.manager.isGroupLocal(groupId)) return 'NOT_COORDINATOR';
    return undefined;
  }

  private onTransition(group: GroupMetadata, from: GroupState, to: GroupState): void {
    this.emit('group.state.changed', {
      groupId: group.groupId,
      from,
      to,
      generationId: group.generationId,
    });
  }

  private emit(type: string, fields: Record<string, unknown>): void {
    this.ctx.emit(type, { coordinator: this.ctx.brokerId, ...fields });
  }
}
