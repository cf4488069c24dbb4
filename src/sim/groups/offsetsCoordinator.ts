/**
 * OffsetCommit, OffsetFetch and OffsetDelete on the group coordinator: GroupCoordinator.scala
 * (`handleCommitOffsets`, `validateOffsetCommit`, `handleFetchOffsets`, `handleDeleteOffsets`) and the
 * topic checks KafkaApis does before (UNKNOWN_TOPIC_OR_PARTITION). Kafka 3.9.
 */
import type { KafkaErrorName } from '../protocol/errors';
import type { GroupMetadata } from './groupMetadata';
import type { GroupMetadataManager } from './groupMetadataManager';
import type {
  OffsetCommitPartition,
  OffsetCommitRequest,
  OffsetCommitResponse,
  OffsetDeleteResult,
  OffsetFetchRequest,
  OffsetFetchResponse,
  PartitionError,
  TopicPartitionRef,
} from './protocol';
import { UNKNOWN_MEMBER_ID } from './protocol';

/** What the offset handlers need from the coordinator. */
export interface OffsetsCoordinatorHooks {
  validateGroupStatus(groupId: string, api: string): KafkaErrorName | undefined;
  partitionCount(topic: string): number | undefined;
  /** A commit from a member counts as a heartbeat: restart its session timer. */
  touchMember(group: GroupMetadata, memberId: string): void;
}

/** Offset APIs of one coordinator, sharing its group cache. */
export class OffsetsCoordinator {
  constructor(
    private readonly manager: GroupMetadataManager,
    private readonly hooks: OffsetsCoordinatorHooks,
  ) {}

  /** OffsetCommit; `generationId < 0` without a member id is a simple commit, allowed only while Empty. */
  handleOffsetCommit(
    req: OffsetCommitRequest,
    respond: (response: OffsetCommitResponse) => void,
  ): void {
    const all = (error: KafkaErrorName) =>
      respond({ api: 'OffsetCommit', partitions: req.offsets.map((o) => tpError(o, error)) });
    const statusError = this.hooks.validateGroupStatus(req.groupId, 'OffsetCommit');
    if (statusError) return all(statusError);
    const unknown = req.offsets.filter((o) => !this.partitionExists(o));
    const valid = req.offsets.filter((o) => this.partitionExists(o));
    const reply = (errors: PartitionError[]) =>
      respond({
        api: 'OffsetCommit',
        partitions: [...errors, ...unknown.map((o) => tpError(o, 'UNKNOWN_TOPIC_OR_PARTITION'))],
      });
    let group = this.manager.getGroup(req.groupId);
    if (!group) {
      // No group: only a commit outside group management (generation -1) may create one.
      if (req.generationId >= 0) return all('ILLEGAL_GENERATION');
      group = this.manager.getOrMaybeCreateGroup(req.groupId, true)!;
    }
    const error = validateOffsetCommit(group, req);
    if (error) return reply(valid.map((o) => tpError(o, error)));
    switch (group.state) {
      case 'Empty':
        return this.store(group, valid, reply);
      case 'Stable':
      case 'PreparingRebalance':
        // Commits of the previous generation are still allowed while preparing a rebalance.
        this.hooks.touchMember(group, req.memberId);
        return this.store(group, valid, reply);
      case 'CompletingRebalance':
        return reply(valid.map((o) => tpError(o, 'REBALANCE_IN_PROGRESS')));
      case 'Dead':
        return reply(valid.map((o) => tpError(o, 'COORDINATOR_NOT_AVAILABLE')));
    }
  }

  /** OffsetFetch: offsets are returned whatever the group state (-1 when none). */
  handleOffsetFetch(
    req: OffsetFetchRequest,
    respond: (response: OffsetFetchResponse) => void,
  ): void {
    const statusError = this.hooks.validateGroupStatus(req.groupId, 'OffsetFetch');
    if (statusError) return respond({ api: 'OffsetFetch', error: statusError, partitions: [] });
    respond({
      api: 'OffsetFetch',
      error: 'NONE',
      partitions: this.manager.getOffsets(req.groupId, req.partitions),
    });
  }

  /** OffsetDelete: allowed for Empty groups, and for topics no member subscribes to. */
  deleteOffsets(groupId: string, partitions: TopicPartitionRef[]): OffsetDeleteResult {
    const statusError = this.hooks.validateGroupStatus(groupId, 'OffsetDelete');
    if (statusError) return { error: statusError, partitions: [] };
    const group = this.manager.getGroup(groupId);
    if (!group || group.is('Dead')) return { error: 'GROUP_ID_NOT_FOUND', partitions: [] };
    const unknown = partitions.filter((tp) => !this.partitionExists(tp));
    let eligible = partitions.filter((tp) => this.partitionExists(tp));
    const errors: PartitionError[] = unknown.map((tp) => tpError(tp, 'UNKNOWN_TOPIC_OR_PARTITION'));
    if (!group.is('Empty')) {
      if (group.protocolType !== 'consumer') return { error: 'NON_EMPTY_GROUP', partitions: [] };
      for (const tp of eligible)
        if (group.isSubscribedToTopic(tp.topic))
          errors.push(tpError(tp, 'GROUP_SUBSCRIBED_TO_TOPIC'));
      eligible = eligible.filter((tp) => !group.isSubscribedToTopic(tp.topic));
    }
    if (eligible.length > 0) this.manager.cleanupGroupMetadata(group, eligible, false);
    return { error: 'NONE', partitions: [...eligible.map((tp) => tpError(tp, 'NONE')), ...errors] };
  }

  private store(
    group: GroupMetadata,
    offsets: OffsetCommitPartition[],
    reply: (e: PartitionError[]) => void,
  ): void {
    if (offsets.length === 0) return reply([]);
    this.manager.storeOffsets(group, offsets, reply);
  }

  private partitionExists(tp: TopicPartitionRef): boolean {
    const count = this.hooks.partitionCount(tp.topic);
    return count !== undefined && tp.partition >= 0 && tp.partition < count;
  }
}

/** GroupCoordinator.validateOffsetCommit (non-transactional). */
function validateOffsetCommit(
  group: GroupMetadata,
  req: OffsetCommitRequest,
): KafkaErrorName | undefined {
  if (group.is('Dead')) return 'COORDINATOR_NOT_AVAILABLE';
  if (req.generationId < 0 && group.is('Empty')) return undefined;
  if (
    req.generationId >= 0 ||
    req.memberId !== UNKNOWN_MEMBER_ID ||
    req.groupInstanceId !== undefined
  ) {
    if (req.groupInstanceId !== undefined) {
      const current = group.currentStaticMemberId(req.groupInstanceId);
      if (current === undefined) return 'UNKNOWN_MEMBER_ID';
      if (current !== req.memberId) return 'FENCED_INSTANCE_ID';
    } else if (!group.has(req.memberId)) return 'UNKNOWN_MEMBER_ID';
    return req.generationId !== group.generationId ? 'ILLEGAL_GENERATION' : undefined;
  }
  // Without member id and generation, only an Empty group accepts commits.
  return group.is('Empty') ? undefined : 'UNKNOWN_MEMBER_ID';
}

function tpError(tp: TopicPartitionRef, error: KafkaErrorName): PartitionError {
  return { topic: tp.topic, partition: tp.partition, error };
}
