/**
 * Plain-data requests and responses of the classic consumer-group protocol (JoinGroup, SyncGroup,
 * Heartbeat, LeaveGroup, OffsetCommit, OffsetFetch) and the admin results (DescribeGroups,
 * ListGroups, DeleteGroups, OffsetDelete). Field names follow Kafka's JSON message schemas in
 * clients/src/main/resources/common/message/*Request.json; byte payloads (ConsumerProtocol
 * subscriptions and assignments) are kept as structured data.
 * https://kafka.apache.org/protocol#The_Messages_JoinGroup
 */
import type { TopicPartitionRef } from '../assignors/types';
import type { KafkaErrorName } from '../protocol/errors';

export type { TopicPartitionRef };

/** `JoinGroupRequest.UNKNOWN_MEMBER_ID`: the member id a consumer sends before it has one. */
export const UNKNOWN_MEMBER_ID = '';

/** `Generation.NO_GENERATION.generationId`: sent by a consumer outside any generation. */
export const NO_GENERATION = -1;

/** `ConsumerProtocol.PROTOCOL_TYPE`: the protocol type every Kafka consumer joins with. */
export const CONSUMER_PROTOCOL_TYPE = 'consumer';

/**
 * A consumer's ConsumerProtocol Subscription (v3 fields used by the assignors): subscribed topics,
 * the partitions it owns now (KIP-429) and the generation it owned them in (KIP-341).
 */
export interface Subscription {
  topics: string[];
  ownedPartitions: TopicPartitionRef[];
  /** Generation the owned partitions belong to; -1 when none. */
  generation: number;
}

/** One entry of JoinGroup `protocols`: an assignor name (in preference order) and its metadata. */
export interface JoinGroupProtocol {
  /** Assignor name: `range`, `roundrobin`, `sticky`, `cooperative-sticky`. */
  name: string;
  subscription: Subscription;
}

/** JoinGroup request (API key 11, KIP-394 and KIP-345 fields included). */
export interface JoinGroupRequest {
  api: 'JoinGroup';
  groupId: string;
  /** {@link UNKNOWN_MEMBER_ID} on the first join. */
  memberId: string;
  /** `group.instance.id` of a static member (KIP-345). */
  groupInstanceId?: string;
  clientId: string;
  clientHost?: string;
  /** `session.timeout.ms`, in ms. */
  sessionTimeoutMs: number;
  /** Rebalance timeout in ms; the Java consumer sends `max.poll.interval.ms`. */
  rebalanceTimeoutMs: number;
  protocolType: string;
  protocols: JoinGroupProtocol[];
  /** Why the member (re)joins (KIP-800). */
  reason?: string;
}

/** One member listed in the JoinGroup response sent to the leader. */
export interface JoinGroupResponseMember {
  memberId: string;
  groupInstanceId?: string;
  /** The member's metadata for the selected protocol. */
  subscription: Subscription;
}

/** JoinGroup response. `members` is non-empty only for the leader. */
export interface JoinGroupResponse {
  api: 'JoinGroup';
  error: KafkaErrorName;
  generationId: number;
  protocolType?: string;
  /** The selected assignor. */
  protocolName?: string;
  /** Member id of the group leader, '' when none. */
  leader: string;
  /** JoinGroup v9: the leader must not run the assignor (static leader rejoining a Stable group). */
  skipAssignment: boolean;
  memberId: string;
  members: JoinGroupResponseMember[];
}

/** SyncGroup request (API key 14). Only the leader sends a non-empty `assignments`. */
export interface SyncGroupRequest {
  api: 'SyncGroup';
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId?: string;
  protocolType?: string;
  protocolName?: string;
  /** Partitions per member id, computed by the leader's assignor. */
  assignments: Record<string, TopicPartitionRef[]>;
}

/** SyncGroup response carrying this member's assignment. */
export interface SyncGroupResponse {
  api: 'SyncGroup';
  error: KafkaErrorName;
  protocolType?: string;
  protocolName?: string;
  assignment: TopicPartitionRef[];
}

/** Heartbeat request (API key 12). */
export interface HeartbeatRequest {
  api: 'Heartbeat';
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId?: string;
}

/** Heartbeat response. */
export interface HeartbeatResponse {
  api: 'Heartbeat';
  error: KafkaErrorName;
}

/** One member leaving (LeaveGroup v3+, KIP-345 batch form). */
export interface LeavingMember {
  /** {@link UNKNOWN_MEMBER_ID} to remove a static member by `groupInstanceId` (admin). */
  memberId: string;
  groupInstanceId?: string;
  reason?: string;
}

/** LeaveGroup request (API key 13). */
export interface LeaveGroupRequest {
  api: 'LeaveGroup';
  groupId: string;
  members: LeavingMember[];
}

/** LeaveGroup response: a top-level error and one error per leaving member. */
export interface LeaveGroupResponse {
  api: 'LeaveGroup';
  error: KafkaErrorName;
  members: (LeavingMember & { error: KafkaErrorName })[];
}

/** One partition's offset to commit. */
export interface OffsetCommitPartition extends TopicPartitionRef {
  /** The next offset to consume. */
  offset: number;
  metadata?: string;
}

/** OffsetCommit request (API key 8). `generationId = -1` with no member id is a "simple" commit. */
export interface OffsetCommitRequest {
  api: 'OffsetCommit';
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId?: string;
  offsets: OffsetCommitPartition[];
}

/** A partition-level error, as in OffsetCommit/OffsetDelete responses. */
export interface PartitionError extends TopicPartitionRef {
  error: KafkaErrorName;
}

/** OffsetCommit response: Kafka reports errors per partition only. */
export interface OffsetCommitResponse {
  api: 'OffsetCommit';
  partitions: PartitionError[];
}

/** OffsetFetch request (API key 9). */
export interface OffsetFetchRequest {
  api: 'OffsetFetch';
  groupId: string;
  /** Partitions to fetch; undefined fetches every committed offset of the group. */
  partitions?: TopicPartitionRef[];
}

/** A committed offset as OffsetFetch returns it; `offset = -1` when nothing was committed. */
export interface FetchedOffset extends TopicPartitionRef {
  offset: number;
  metadata: string;
  error: KafkaErrorName;
}

/** OffsetFetch response. */
export interface OffsetFetchResponse {
  api: 'OffsetFetch';
  error: KafkaErrorName;
  partitions: FetchedOffset[];
}

/** Any request a consumer sends to its group coordinator. */
export type GroupRequest =
  | JoinGroupRequest
  | SyncGroupRequest
  | HeartbeatRequest
  | LeaveGroupRequest
  | OffsetCommitRequest
  | OffsetFetchRequest;

/** Any response of the group coordinator. */
export type GroupResponse =
  | JoinGroupResponse
  | SyncGroupResponse
  | HeartbeatResponse
  | LeaveGroupResponse
  | OffsetCommitResponse
  | OffsetFetchResponse;

/** The response type answering request type `R`. */
export type ResponseFor<R extends GroupRequest> = Extract<GroupResponse, { api: R['api'] }>;

/** One member as DescribeGroups shows it (`MemberSummary` in GroupCoordinator.scala). */
export interface MemberDescription {
  memberId: string;
  groupInstanceId?: string;
  clientId: string;
  clientHost: string;
  /** Metadata for the selected protocol; only filled while the group is Stable, as in Kafka. */
  subscription?: Subscription;
  /** Only filled while the group is Stable, as in Kafka. */
  assignment: TopicPartitionRef[];
}

/** DescribeGroups result for one group (`GroupSummary`). */
export interface DescribeGroupResult {
  groupId: string;
  error: KafkaErrorName;
  /** Kafka state name, or 'Dead' for an unknown group. */
  state: string;
  protocolType: string;
  /** Selected assignor; '' unless Stable, as in Kafka. */
  protocol: string;
  members: MemberDescription[];
  /** Simulator extra (not on the wire): current generation id. */
  generationId: number;
  /** Simulator extra (not on the wire): leader member id, '' when none. */
  leaderId: string;
}

/** ListGroups result (`GroupOverview` entries). */
export interface ListGroupsResult {
  error: KafkaErrorName;
  groups: { groupId: string; protocolType: string; state: string }[];
}

/** DeleteGroups result: one error per requested group id. */
export interface DeleteGroupsResult {
  results: { groupId: string; error: KafkaErrorName }[];
}

/** OffsetDelete result: a group-level error, else one error per partition. */
export interface OffsetDeleteResult {
  error: KafkaErrorName;
  partitions: PartitionError[];
}

/**
 * The response a request gets when it fails before reaching a coordinator (network error,
 * NOT_COORDINATOR from routing): what the Java client's request future would fail with.
 */
export function errorResponse<R extends GroupRequest>(
  request: R,
  error: KafkaErrorName,
): ResponseFor<R> {
  const r: GroupRequest = request;
  let response: GroupResponse;
  switch (r.api) {
    case 'JoinGroup':
      response = {
        api: 'JoinGroup',
        error,
        generationId: NO_GENERATION,
        leader: '',
        skipAssignment: false,
        memberId: r.memberId,
        members: [],
      };
      break;
    case 'SyncGroup':
      response = { api: 'SyncGroup', error, assignment: [] };
      break;
    case 'Heartbeat':
      response = { api: 'Heartbeat', error };
      break;
    case 'LeaveGroup':
      response = { api: 'LeaveGroup', error, members: [] };
      break;
    case 'OffsetCommit':
      response = {
        api: 'OffsetCommit',
        partitions: r.offsets.map((o) => ({ topic: o.topic, partition: o.partition, error })),
      };
      break;
    case 'OffsetFetch':
      response = { api: 'OffsetFetch', error, partitions: [] };
      break;
  }
  return response as ResponseFor<R>;
}
