import { buildConstrainedAssignment } from './constrainedAssignmentBuilder';
import { GeneralAssignmentBuilder } from './generalAssignmentBuilder';
import { javaHashOrder, javaStringHash } from './javaHash';
import { DEFAULT_GENERATION } from './stickyContext';
import type { MemberData, StickyContext } from './stickyContext';
import { normalizeInput } from './subscriptions';
import { TopicPartitionPool } from './topicPartitions';
import type { AssignorInput, AssignorMember, TopicPartitionRef } from './types';

export { DEFAULT_GENERATION } from './stickyContext';
export type { MemberData } from './stickyContext';

/** How an assignor reads a member's previous ownership (`AbstractStickyAssignor.memberData`). */
export type MemberDataReader = (member: AssignorMember) => MemberData;

/** The outcome of one sticky assignment, with the bookkeeping Kafka's tests look at. */
export interface StickyAssignment {
  /** Partitions per member id (every member present); canonical objects of {@link pool}. */
  assignment: Map<string, TopicPartitionRef[]>;
  /**
   * Partitions given to a new member while their previous owner has yet to revoke them, as
   * computed by the constrained path; `null` after the general path (Kafka's
   * `partitionsTransferringOwnership`).
   */
  partitionsTransferringOwnership: Map<TopicPartitionRef, string> | null;
  /** Kafka's `isSticky()` for the general path (always true for the constrained path). */
  isSticky: boolean;
  /** Whether all members had the same subscription (the constrained path ran). */
  allSubscriptionsEqual: boolean;
  /** The pool the partitions above come from. */
  pool: TopicPartitionPool;
}

/**
 * Kafka's `AbstractStickyAssignor.assignPartitions`, shared by `sticky` and `cooperative-sticky`:
 * balance first (member counts differ by at most one where subscriptions allow), stickiness second
 * (members keep what they owned). Owned partitions are validated against generations — a partition
 * claimed by two members of one generation is taken from both; between generations the newer
 * claim wins. Identical subscriptions take the constrained path, others the general path.
 *
 * Deviations, for inputs Kafka never produces or where it misbehaves: the generation maximum is
 * per call (Kafka keeps it on the assignor instance); owned partitions beyond a topic's current
 * partition count are ignored; and a member whose subscription is empty does not make the
 * subscriptions count as equal (Kafka's `isEmpty()` check lets it through and then assigns it
 * partitions it did not subscribe to).
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignor.java
 */
export function assignSticky(
  input: AssignorInput,
  readMemberData: MemberDataReader,
): StickyAssignment {
  const { partitionsPerTopic, members } = normalizeInput(input);
  const pool = new TopicPartitionPool();
  const subscriptions = new Map(members.map((member) => [member.memberId, member]));
  const memberOrder = javaHashOrder(
    members.map((member) => member.memberId),
    javaStringHash,
  );
  const memberData = new Map<string, MemberData>();
  for (const memberId of memberOrder) {
    const data = readMemberData(subscriptions.get(memberId)!);
    memberData.set(memberId, { ...data, partitions: data.partitions.map((tp) => pool.of(tp)) });
  }

  // Kafka's allSubscriptionsEqual: also validates each member's owned partitions.
  let isAllSubscriptionsEqual = true;
  let subscribedTopics: Set<string> | undefined;
  let maxGeneration = DEFAULT_GENERATION;
  const consumerToOwnedPartitions = new Map<string, TopicPartitionRef[]>();
  const partitionsWithMultiplePreviousOwners = new Set<TopicPartitionRef>();
  const allPreviousPartitionsToOwner = new Map<TopicPartitionRef, string>();

  for (const consumer of memberOrder) {
    const topics = subscriptions.get(consumer)!.topics;
    if (subscribedTopics === undefined) {
      subscribedTopics = new Set(topics);
    } else if (
      isAllSubscriptionsEqual &&
      !(topics.length === subscribedTopics.size && topics.every((t) => subscribedTopics!.has(t)))
    ) {
      isAllSubscriptionsEqual = false;
    }

    const data = memberData.get(consumer)!;
    const memberGeneration = data.generation ?? DEFAULT_GENERATION;
    maxGeneration = Math.max(maxGeneration, memberGeneration);
    const ownedPartitions: TopicPartitionRef[] = [];
    consumerToOwnedPartitions.set(consumer, ownedPartitions);

    for (const tp of data.partitions) {
      const count = partitionsPerTopic.get(tp.topic);
      if (count === undefined || tp.partition < 0 || tp.partition >= count) continue;
      const otherConsumer = allPreviousPartitionsToOwner.get(tp);
      if (otherConsumer === undefined) {
        ownedPartitions.push(tp);
        allPreviousPartitionsToOwner.set(tp, consumer);
        continue;
      }
      const otherMemberGeneration =
        subscriptions.get(otherConsumer)!.generation ?? DEFAULT_GENERATION;
      const otherOwned = consumerToOwnedPartitions.get(otherConsumer)!;
      if (memberGeneration === otherMemberGeneration) {
        // Two members of one generation claim it: invalidate both claims.
        partitionsWithMultiplePreviousOwners.add(tp);
        removeFirst(otherOwned, tp);
        allPreviousPartitionsToOwner.set(tp, consumer);
      } else if (memberGeneration > otherMemberGeneration) {
        ownedPartitions.push(tp);
        removeFirst(otherOwned, tp);
        allPreviousPartitionsToOwner.set(tp, consumer);
      }
    }
  }

  if (members.length === 0) {
    return {
      assignment: new Map(),
      partitionsTransferringOwnership: new Map(),
      isSticky: true,
      allSubscriptionsEqual: true,
      pool,
    };
  }

  const ctx: StickyContext = {
    pool,
    partitionsPerTopic,
    subscriptions,
    memberOrder,
    memberData,
    maxGeneration,
  };
  if (isAllSubscriptionsEqual) {
    const result = buildConstrainedAssignment(
      ctx,
      consumerToOwnedPartitions,
      partitionsWithMultiplePreviousOwners,
    );
    return { ...result, isSticky: true, allSubscriptionsEqual: true, pool };
  }
  const result = new GeneralAssignmentBuilder(ctx, consumerToOwnedPartitions).build();
  return {
    assignment: result.assignment,
    partitionsTransferringOwnership: null,
    isSticky: result.isSticky,
    allSubscriptionsEqual: false,
    pool,
  };
}

function removeFirst(list: TopicPartitionRef[], tp: TopicPartitionRef): void {
  const index = list.indexOf(tp);
  if (index >= 0) list.splice(index, 1);
}
