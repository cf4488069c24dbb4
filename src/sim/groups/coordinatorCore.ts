/**
 * What the parts of a group coordinator share: the broker context, the group cache, event emission,
 * request validation, and the other parts (join phase, sync phase, member sessions). Kafka keeps all
 * of this in one class, core/src/main/scala/kafka/coordinator/group/GroupCoordinator.scala (3.9);
 * we split it along its purgatories.
 */
import type { KafkaErrorName } from '../protocol/errors';
import type { GroupMetadata } from './groupMetadata';
import type { GroupMetadataManager } from './groupMetadataManager';
import type { JoinPhase } from './joinPhase';
import type { MemberSessions } from './memberSessions';
import type { OffsetsTopicRecord } from './offsetsTopicRecords';
import type { JoinGroupResponse, SyncGroupResponse } from './protocol';
import { NO_GENERATION } from './protocol';
import type { SyncPhase } from './syncPhase';

/** Broker configs of the group coordinator (GroupCoordinatorConfig, Kafka 3.9 defaults in brackets). */
export interface GroupCoordinatorConfig {
  /** `group.initial.rebalance.delay.ms` [3000]. */
  groupInitialRebalanceDelayMs: number;
  /** `group.min.session.timeout.ms` [6000]. */
  groupMinSessionTimeoutMs: number;
  /** `group.max.session.timeout.ms` [1800000]. */
  groupMaxSessionTimeoutMs: number;
  /** `offsets.topic.num.partitions` [50]. */
  offsetsTopicPartitions: number;
}

/** Everything a coordinator needs from its broker and the simulation. */
export interface GroupCoordinatorContext {
  brokerId: number;
  /** Virtual ms. */
  now(): number;
  /** Runs `fn` after `delayMs` virtual ms; returns a timer id. */
  schedule(delayMs: number, fn: () => void): number;
  cancel(id: number): void;
  /** EventBus.emit. */
  emit(type: string, fields: Record<string, unknown>): void;
  /** Member ids are `${clientId or group.instance.id}-${uuid}`. */
  rng: { uuid(): string };
  config: GroupCoordinatorConfig;
  /**
   * Appends to __consumer_offsets partition `partition` (replicated by the caller);
   * `cb('NONE' | error name)` once acks=all completes.
   */
  appendToOffsetsTopic(
    partition: number,
    records: OffsetsTopicRecord[],
    cb: (error: string) => void,
  ): void;
  /** Partition count of `topic`, undefined when the topic does not exist. */
  partitionCount(topic: string): number | undefined;
}

/** GroupCoordinator.NewMemberJoinTimeoutMs: a new member's first JoinGroup expires after 5 min. */
export const NEW_MEMBER_JOIN_TIMEOUT_MS = 5 * 60 * 1000;

/** The state and parts of one coordinator, shared by its parts. */
export interface CoordinatorCore {
  readonly ctx: GroupCoordinatorContext;
  readonly manager: GroupMetadataManager;
  readonly join: JoinPhase;
  readonly sync: SyncPhase;
  readonly sessions: MemberSessions;
  /** Emits with `coordinator: brokerId` added. */
  emit(type: string, fields: Record<string, unknown>): void;
  /** GroupCoordinator.validateGroupStatus: INVALID_GROUP_ID or NOT_COORDINATOR, else undefined. */
  validateGroupStatus(groupId: string, api: string): KafkaErrorName | undefined;
}

/** GroupCoordinator.validateCurrentMember: FENCED_INSTANCE_ID or UNKNOWN_MEMBER_ID, else undefined. */
export function validateCurrentMember(
  group: GroupMetadata,
  memberId: string,
  groupInstanceId: string | undefined,
): KafkaErrorName | undefined {
  if (groupInstanceId !== undefined) {
    const current = group.currentStaticMemberId(groupInstanceId);
    if (current === undefined) return 'UNKNOWN_MEMBER_ID';
    if (current !== memberId) return 'FENCED_INSTANCE_ID';
    return undefined;
  }
  return group.has(memberId) ? undefined : 'UNKNOWN_MEMBER_ID';
}

/** `JoinGroupResult(memberId, error)`. */
export function joinError(memberId: string, error: KafkaErrorName): JoinGroupResponse {
  return {
    api: 'JoinGroup',
    error,
    generationId: NO_GENERATION,
    leader: '',
    skipAssignment: false,
    memberId,
    members: [],
  };
}

/** `SyncGroupResult(error)`. */
export function syncError(error: KafkaErrorName): SyncGroupResponse {
  return { api: 'SyncGroup', error, assignment: [] };
}
