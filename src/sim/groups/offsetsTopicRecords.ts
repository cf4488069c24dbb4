/**
 * Records of the compacted __consumer_offsets topic and how a new coordinator replays them.
 * Kafka writes an OffsetCommit key (group, topic, partition) per committed offset and a
 * GroupMetadata key (group) per generation; a null value is a tombstone. We keep the same keys,
 * JSON-encoded so compaction and the UI can read them: core/src/main/scala/kafka/coordinator/group/
 * GroupMetadataManager.scala (`offsetCommitKey`, `groupMetadataKey`, `loadGroupsAndOffsets`).
 */
import type { KafkaErrorName } from '../protocol/errors';
import { kafkaErrors } from '../protocol/errors';
import type { CommittedOffset } from './groupMetadata';
import { tpKey } from './groupMetadata';
import type { Subscription, TopicPartitionRef } from './protocol';

/** A key/value record of __consumer_offsets; `value = null` is a tombstone. */
export interface OffsetsTopicRecord {
  key: string;
  value: string | null;
}

/** Value of an offset record (OffsetCommitValue). */
export interface OffsetCommitValue {
  offset: number;
  metadata: string;
  /** Virtual ms. */
  commitTimestamp: number;
}

/** One member in a group metadata record (MemberMetadata schema of GroupMetadataValue). */
export interface StoredMember {
  memberId: string;
  groupInstanceId?: string;
  clientId: string;
  clientHost: string;
  /** ms */
  rebalanceTimeout: number;
  /** ms */
  sessionTimeout: number;
  /** Metadata for the selected protocol. */
  subscription: Subscription;
  assignment: TopicPartitionRef[];
}

/** Value of a group metadata record (GroupMetadataValue v3, plus a readable `state`). */
export interface GroupMetadataValue {
  /**
   * The state a reload gives the group: 'Stable' with members, else 'Empty'. Informational — the
   * loader derives it from `members`, as GroupMetadataManager.readGroupMessageValue does.
   */
  state: 'Stable' | 'Empty';
  protocolType: string;
  generation: number;
  /** Selected assignor, null for an Empty group. */
  protocol: string | null;
  leader: string | null;
  /** Virtual ms of the last state change. */
  currentStateTimestamp: number;
  members: StoredMember[];
}

/** Key of a committed offset: `["offset", group, topic, partition]`. */
export function offsetCommitKey(groupId: string, tp: TopicPartitionRef): string {
  return JSON.stringify(['offset', groupId, tp.topic, tp.partition]);
}

/** Key of a group's metadata: `["group", group]`. */
export function groupMetadataKey(groupId: string): string {
  return JSON.stringify(['group', groupId]);
}

type DecodedKey =
  | { kind: 'offset'; groupId: string; topic: string; partition: number }
  | { kind: 'group'; groupId: string };

/** Parses a record key; undefined for keys of other record types. */
export function decodeKey(key: string): DecodedKey | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(key);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  const [kind, groupId, topic, partition] = parsed as unknown[];
  if (typeof groupId !== 'string') return undefined;
  if (kind === 'group') return { kind, groupId };
  if (kind === 'offset' && typeof topic === 'string' && typeof partition === 'number')
    return { kind, groupId, topic, partition };
  return undefined;
}

/** What a coordinator finds in one __consumer_offsets partition. */
export interface LoadedOffsetsPartition {
  /** Latest metadata of each group that has one. */
  groups: Map<string, GroupMetadataValue>;
  /** Committed offsets per group, keyed by `topic:partition`. */
  offsets: Map<string, Map<string, CommittedOffset>>;
}

/** Replays records in log order: the last value per key wins and tombstones delete. */
export function replayOffsetsPartition(
  records: Iterable<OffsetsTopicRecord>,
): LoadedOffsetsPartition {
  const groups = new Map<string, GroupMetadataValue>();
  const offsets = new Map<string, Map<string, CommittedOffset>>();
  for (const record of records) {
    const key = decodeKey(record.key);
    if (!key) continue;
    if (key.kind === 'group') {
      if (record.value === null) groups.delete(key.groupId);
      else groups.set(key.groupId, JSON.parse(record.value) as GroupMetadataValue);
      continue;
    }
    const tp = { topic: key.topic, partition: key.partition };
    let groupOffsets = offsets.get(key.groupId);
    if (record.value === null) {
      groupOffsets?.delete(tpKey(tp));
      if (groupOffsets?.size === 0) offsets.delete(key.groupId);
      continue;
    }
    if (!groupOffsets) offsets.set(key.groupId, (groupOffsets = new Map()));
    const v = JSON.parse(record.value) as OffsetCommitValue;
    groupOffsets.set(tpKey(tp), { ...tp, ...v });
  }
  return { groups, offsets };
}

function asErrorName(error: string): KafkaErrorName {
  return error in kafkaErrors ? (error as KafkaErrorName) : 'COORDINATOR_NOT_AVAILABLE';
}

/**
 * Maps an append error of a group metadata write to the error members see
 * (GroupMetadataManager.storeGroup). UNKNOWN_SERVER_ERROR is not in our table:
 * MESSAGE_TOO_LARGE passes through.
 */
export function storeGroupError(error: string): KafkaErrorName {
  switch (error) {
    case 'UNKNOWN_TOPIC_OR_PARTITION':
    case 'NOT_ENOUGH_REPLICAS':
    case 'NOT_ENOUGH_REPLICAS_AFTER_APPEND':
      return 'COORDINATOR_NOT_AVAILABLE';
    case 'NOT_LEADER_OR_FOLLOWER':
    case 'KAFKA_STORAGE_ERROR':
      return 'NOT_COORDINATOR';
    case 'REQUEST_TIMED_OUT':
      return 'REBALANCE_IN_PROGRESS';
    default:
      return asErrorName(error);
  }
}

/** Maps an append error of an offset commit (GroupMetadataManager.maybeConvertOffsetCommitError). */
export function offsetCommitError(error: string): KafkaErrorName {
  switch (error) {
    case 'NETWORK_EXCEPTION':
      return 'COORDINATOR_LOAD_IN_PROGRESS';
    case 'UNKNOWN_TOPIC_OR_PARTITION':
    case 'NOT_ENOUGH_REPLICAS':
    case 'NOT_ENOUGH_REPLICAS_AFTER_APPEND':
      return 'COORDINATOR_NOT_AVAILABLE';
    case 'NOT_LEADER_OR_FOLLOWER':
    case 'KAFKA_STORAGE_ERROR':
      return 'NOT_COORDINATOR';
    default:
      return asErrorName(error);
  }
}
