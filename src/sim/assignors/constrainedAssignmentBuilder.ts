import { compareJavaStrings } from './javaHash';
import type { StickyContext } from './stickyContext';
import { topicPartitions } from './topicPartitions';
import type { TopicPartitionRef } from './types';

/** Result of the constrained (all-subscriptions-equal) sticky path. */
export interface ConstrainedAssignment {
  assignment: Map<string, TopicPartitionRef[]>;
  /** Partitions given to a new owner while another member still owns them. */
  partitionsTransferringOwnership: Map<TopicPartitionRef, string>;
}

/** A `LinkedList` iterator with `remove()`, as the round-robin fill uses it. */
class ListIterator {
  private next = 0;
  constructor(private readonly list: string[]) {}
  hasNext(): boolean {
    return this.next < this.list.length;
  }
  nextValue(): string {
    return this.list[this.next++]!;
  }
  remove(): void {
    this.list.splice(--this.next, 1);
  }
}

/**
 * Kafka's `ConstrainedAssignmentBuilder`, used when every member subscribes to the same topics:
 * (1) each member keeps up to its quota of the partitions it owned, lowest partition numbers first
 * (KAFKA-16277) — `maxQuota` while fewer than `totalPartitions % members` members have it, else
 * `minQuota`; (2) the remaining partitions are dealt round-robin to members below `minQuota`, then
 * one each to members at `minQuota` until enough reach `maxQuota`. A partition counts as
 * transferring ownership only if it goes to a member other than the one that gave it up
 * (KAFKA-15170). As in Kafka 3.8+; the rack-aware step is omitted (no racks in the simulator).
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignor.java
 *
 * @param consumerToOwnedPartitions each member's valid owned partitions, in Java map order
 * @param partitionsWithMultiplePreviousOwners partitions claimed by two members of one generation
 * @throws Error (Kafka's `IllegalStateException`) if the quotas cannot be met — a bug, as in Kafka
 */
export function buildConstrainedAssignment(
  ctx: StickyContext,
  consumerToOwnedPartitions: Map<string, TopicPartitionRef[]>,
  partitionsWithMultiplePreviousOwners: ReadonlySet<TopicPartitionRef>,
): ConstrainedAssignment {
  let totalPartitionsCount = 0;
  for (const count of ctx.partitionsPerTopic.values()) totalPartitionsCount += count;
  const numberOfConsumers = consumerToOwnedPartitions.size;
  const minQuota = Math.floor(totalPartitionsCount / numberOfConsumers);
  const maxQuota = Math.ceil(totalPartitionsCount / numberOfConsumers);
  const expectedNumMembersWithOverMinQuotaPartitions = totalPartitionsCount % numberOfConsumers;
  let currentNumMembersWithOverMinQuotaPartitions = 0;

  const assignment = new Map<string, TopicPartitionRef[]>();
  for (const consumer of consumerToOwnedPartitions.keys()) assignment.set(consumer, []);
  const assignedPartitions: TopicPartitionRef[] = [];
  // Partitions a member owned beyond its quota, with that member (KAFKA-15170).
  const maybeRevokedPartitions = new Map<TopicPartitionRef, string>();
  const unfilledMembersWithUnderMinQuotaPartitions: string[] = [];
  let unfilledMembersWithExactlyMinQuotaPartitions: string[] = [];
  const partitionsTransferringOwnership = new Map<TopicPartitionRef, string>();

  // 1. Reassign previously owned partitions, up to the expected number of partitions per consumer.
  for (const [consumer, owned] of consumerToOwnedPartitions) {
    const ownedPartitions = owned
      .filter((tp) => !partitionsWithMultiplePreviousOwners.has(tp))
      .sort((a, b) => a.partition - b.partition || compareJavaStrings(a.topic, b.topic));
    const consumerAssignment = assignment.get(consumer)!;

    if (ownedPartitions.length < minQuota) {
      consumerAssignment.push(...ownedPartitions);
      assignedPartitions.push(...ownedPartitions);
      unfilledMembersWithUnderMinQuotaPartitions.push(consumer);
    } else if (
      ownedPartitions.length >= maxQuota &&
      currentNumMembersWithOverMinQuotaPartitions < expectedNumMembersWithOverMinQuotaPartitions
    ) {
      currentNumMembersWithOverMinQuotaPartitions++;
      if (
        currentNumMembersWithOverMinQuotaPartitions === expectedNumMembersWithOverMinQuotaPartitions
      ) {
        unfilledMembersWithExactlyMinQuotaPartitions = [];
      }
      const kept = ownedPartitions.slice(0, maxQuota);
      consumerAssignment.push(...kept);
      assignedPartitions.push(...kept);
      ownedPartitions.slice(maxQuota).forEach((tp) => maybeRevokedPartitions.set(tp, consumer));
    } else {
      const kept = ownedPartitions.slice(0, minQuota);
      consumerAssignment.push(...kept);
      assignedPartitions.push(...kept);
      ownedPartitions.slice(minQuota).forEach((tp) => maybeRevokedPartitions.set(tp, consumer));
      if (
        currentNumMembersWithOverMinQuotaPartitions < expectedNumMembersWithOverMinQuotaPartitions
      ) {
        unfilledMembersWithExactlyMinQuotaPartitions.push(consumer);
      }
    }
  }

  const assigned = new Set(assignedPartitions);
  const unassignedPartitions = [...ctx.partitionsPerTopic.keys()]
    .sort(compareJavaStrings)
    .flatMap((topic) => topicPartitions(ctx.pool, topic, ctx.partitionsPerTopic.get(topic)!))
    .filter((tp) => !assigned.has(tp));

  unfilledMembersWithUnderMinQuotaPartitions.sort(compareJavaStrings);
  unfilledMembersWithExactlyMinQuotaPartitions.sort(compareJavaStrings);

  const assignNewPartition = (tp: TopicPartitionRef, consumer: string): number => {
    const consumerAssignment = assignment.get(consumer)!;
    consumerAssignment.push(tp);
    const previousOwner = maybeRevokedPartitions.get(tp);
    if (
      (previousOwner !== undefined && previousOwner !== consumer) ||
      partitionsWithMultiplePreviousOwners.has(tp)
    ) {
      partitionsTransferringOwnership.set(tp, consumer);
    }
    return consumerAssignment.length;
  };

  // 2. Round-robin the rest: members under minQuota first, then members at minQuota to maxQuota.
  let unfilledConsumerIter = new ListIterator(unfilledMembersWithUnderMinQuotaPartitions);
  for (const tp of unassignedPartitions) {
    let consumer: string;
    if (unfilledConsumerIter.hasNext()) {
      consumer = unfilledConsumerIter.nextValue();
    } else if (
      unfilledMembersWithUnderMinQuotaPartitions.length === 0 &&
      unfilledMembersWithExactlyMinQuotaPartitions.length === 0
    ) {
      throw new Error('IllegalStateException: No more unfilled consumers to be assigned.');
    } else if (unfilledMembersWithUnderMinQuotaPartitions.length === 0) {
      consumer = unfilledMembersWithExactlyMinQuotaPartitions.shift()!;
    } else {
      unfilledConsumerIter = new ListIterator(unfilledMembersWithUnderMinQuotaPartitions);
      consumer = unfilledConsumerIter.nextValue();
    }

    const currentAssignedCount = assignNewPartition(tp, consumer);
    if (currentAssignedCount === minQuota) {
      unfilledConsumerIter.remove();
      unfilledMembersWithExactlyMinQuotaPartitions.push(consumer);
    } else if (currentAssignedCount === maxQuota) {
      currentNumMembersWithOverMinQuotaPartitions++;
    }
  }

  // 3. Kafka's verifyUnfilledMembers.
  if (unfilledMembersWithUnderMinQuotaPartitions.length > 0) {
    if (
      currentNumMembersWithOverMinQuotaPartitions !== expectedNumMembersWithOverMinQuotaPartitions
    ) {
      throw new Error(
        "IllegalStateException: We haven't reached the expected number of members with more than the minQuota partitions, but no more partitions to be assigned",
      );
    }
    for (const member of unfilledMembersWithUnderMinQuotaPartitions) {
      if (assignment.get(member)!.length !== minQuota) {
        throw new Error(
          `IllegalStateException: Consumer: [${member}] doesn't reach minQuota partitions, and no more partitions to be assigned`,
        );
      }
    }
  }

  return { assignment, partitionsTransferringOwnership };
}
