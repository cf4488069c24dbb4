/**
 * Read-only views of a group: the DescribeGroups summary (GroupMetadata.summary in Kafka 3.9) and a
 * plain-data snapshot for `cluster.snapshot()` (DESIGN §3).
 */
import type { GroupMetadata } from './groupMetadata';
import type { GroupState } from './groupState';
import type { DescribeGroupResult, TopicPartitionRef } from './protocol';

/**
 * DescribeGroups for a loaded group: member metadata, assignments and the protocol are only shown
 * while Stable, as Kafka does (`summaryNoMetadata` otherwise).
 */
export function describeGroupSummary(group: GroupMetadata): DescribeGroupResult {
  const stable = group.is('Stable') && group.protocolName !== undefined;
  return {
    groupId: group.groupId,
    error: 'NONE',
    state: group.state,
    protocolType: group.protocolType ?? '',
    protocol: stable ? (group.protocolName ?? '') : '',
    members: [...group.members.values()].map((m) => ({
      memberId: m.memberId,
      ...(m.groupInstanceId !== undefined ? { groupInstanceId: m.groupInstanceId } : {}),
      clientId: m.clientId,
      clientHost: m.clientHost,
      ...(stable ? { subscription: m.metadata(group.protocolName!) } : {}),
      assignment: stable ? m.assignment : [],
    })),
    generationId: group.generationId,
    leaderId: group.leaderId ?? '',
  };
}

/** A group as plain serialisable data, whatever its state. */
export interface GroupSnapshot {
  groupId: string;
  /** __consumer_offsets partition holding the group. */
  partition: number;
  /** Broker id of the coordinator. */
  coordinator: number;
  state: GroupState;
  generationId: number;
  protocolType: string;
  protocol: string | null;
  leaderId: string | null;
  members: {
    memberId: string;
    groupInstanceId: string | null;
    clientId: string;
    /** ms */
    sessionTimeoutMs: number;
    /** ms */
    rebalanceTimeoutMs: number;
    topics: string[];
    assignment: TopicPartitionRef[];
  }[];
  offsets: {
    topic: string;
    partition: number;
    offset: number;
    metadata: string;
    commitTimestamp: number;
  }[];
}

/** Snapshot of `group` as held by coordinator `brokerId`. */
export function groupSnapshot(
  group: GroupMetadata,
  partition: number,
  brokerId: number,
): GroupSnapshot {
  return {
    groupId: group.groupId,
    partition,
    coordinator: brokerId,
    state: group.state,
    generationId: group.generationId,
    protocolType: group.protocolType ?? '',
    protocol: group.protocolName ?? null,
    leaderId: group.leaderId ?? null,
    members: [...group.members.values()].map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId ?? null,
      clientId: m.clientId,
      sessionTimeoutMs: m.sessionTimeoutMs,
      rebalanceTimeoutMs: m.rebalanceTimeoutMs,
      topics: [
        ...((
          m.supportedProtocols.find((p) => p.name === group.protocolName) ?? m.supportedProtocols[0]
        )?.subscription.topics ?? []),
      ],
      assignment: m.assignment.map((tp) => ({ ...tp })),
    })),
    offsets: [...group.offsets.values()]
      .map((c) => ({ ...c }))
      .sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition)),
  };
}
