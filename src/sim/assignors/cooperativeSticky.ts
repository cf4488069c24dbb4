import { assignSticky } from './abstractSticky';
import type { MemberData, StickyAssignment } from './abstractSticky';
import type { TopicPartitionPool } from './topicPartitions';
import { toRecord } from './subscriptions';
import type { Assignor, AssignorInput, AssignorMember, TopicPartitionRef } from './types';

/**
 * Kafka's `CooperativeStickyAssignor.memberData`: ownership comes straight from the subscription's
 * `ownedPartitions` and `generationId` (ConsumerProtocolSubscription v1+).
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/consumer/CooperativeStickyAssignor.java
 */
export function cooperativeMemberData(member: AssignorMember): MemberData {
  const partitions = member.ownedPartitions ?? [];
  return member.generation === undefined
    ? { partitions }
    : { partitions, generation: member.generation };
}

/**
 * Partitions assigned to one member but still owned by another (Kafka's
 * `computePartitionsTransferringOwnership`, used after the general path).
 */
function computePartitionsTransferringOwnership(
  members: readonly AssignorMember[],
  assignment: ReadonlyMap<string, readonly TopicPartitionRef[]>,
  pool: TopicPartitionPool,
): Map<TopicPartitionRef, string> {
  const allAddedPartitions = new Map<TopicPartitionRef, string>();
  const allRevokedPartitions = new Set<TopicPartitionRef>();
  for (const member of members) {
    const owned = new Set((member.ownedPartitions ?? []).map((tp) => pool.of(tp)));
    const assigned = new Set(assignment.get(member.memberId) ?? []);
    for (const tp of assigned) if (!owned.has(tp)) allAddedPartitions.set(tp, member.memberId);
    for (const tp of owned) if (!assigned.has(tp)) allRevokedPartitions.add(tp);
  }
  for (const tp of [...allAddedPartitions.keys()]) {
    if (!allRevokedPartitions.has(tp)) allAddedPartitions.delete(tp);
  }
  return allAddedPartitions;
}

/**
 * The cooperative-sticky assignment with Kafka's adjustment applied: the sticky assignment minus
 * every partition that moves to a new member this round. Its old owner revokes it, and the
 * follow-up rebalance that revocation triggers hands it over (KIP-429 incremental rebalancing).
 *
 * @returns the adjusted assignment with the sticky bookkeeping (`partitionsTransferringOwnership`
 *   as the abstract assignor left it, `null` after the general path), and `heldBack`: every
 *   partition kept out of this round, mapped to the member it goes to next
 */
export function assignCooperativeSticky(
  input: AssignorInput,
): StickyAssignment & { heldBack: Map<TopicPartitionRef, string> } {
  const result = assignSticky(input, cooperativeMemberData);
  const heldBack =
    result.partitionsTransferringOwnership ??
    computePartitionsTransferringOwnership(input.members, result.assignment, result.pool);
  for (const [tp, consumer] of heldBack) {
    const partitions = result.assignment.get(consumer)!;
    const index = partitions.indexOf(tp);
    if (index >= 0) partitions.splice(index, 1);
  }
  return { ...result, heldBack };
}

/**
 * Kafka's `CooperativeStickyAssignor` (`cooperative-sticky`): the sticky assignment, but a
 * partition owned by one member and assigned to another is left unassigned this round, so no
 * partition is ever owned by two members at once (KIP-429).
 * https://cwiki.apache.org/confluence/display/KAFKA/KIP-429%3A+Kafka+Consumer+Incremental+Rebalance+Protocol
 */
export const cooperativeStickyAssignor: Assignor = {
  name: 'cooperative-sticky',
  assign(input: AssignorInput): Record<string, TopicPartitionRef[]> {
    return toRecord(input.members, assignCooperativeSticky(input).assignment);
  },
};
