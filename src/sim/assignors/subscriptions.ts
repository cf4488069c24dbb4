import type { AssignorInput, AssignorMember, TopicPartitionRef } from './types';

/**
 * The input as Kafka's `AbstractPartitionAssignor.assign(Cluster, GroupSubscription)` prepares it:
 * `partitionsPerTopic` keeps only topics some member subscribes to and that have partitions, and
 * each member's topic list loses duplicates (Kafka subscribes to a set).
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/consumer/internals/AbstractPartitionAssignor.java
 *
 * @throws RangeError if two members share a member id
 */
export function normalizeInput(input: AssignorInput): {
  partitionsPerTopic: Map<string, number>;
  members: AssignorMember[];
} {
  const seen = new Set<string>();
  const members = input.members.map((member) => {
    if (seen.has(member.memberId)) {
      throw new RangeError(`duplicate memberId ${member.memberId}`);
    }
    seen.add(member.memberId);
    return { ...member, topics: [...new Set(member.topics)] };
  });
  const partitionsPerTopic = new Map<string, number>();
  for (const member of members) {
    for (const topic of member.topics) {
      const count = input.partitionsPerTopic[topic];
      if (count !== undefined && count > 0) partitionsPerTopic.set(topic, count);
    }
  }
  return { partitionsPerTopic, members };
}

/** An empty assignment with every member present, in input order. */
export function emptyAssignment(
  members: readonly AssignorMember[],
): Map<string, TopicPartitionRef[]> {
  return new Map(members.map((member) => [member.memberId, []]));
}

/** The assignment as the {@link Assignor} contract returns it: fresh objects, keyed by memberId. */
export function toRecord(
  members: readonly AssignorMember[],
  assignment: ReadonlyMap<string, readonly TopicPartitionRef[]>,
): Record<string, TopicPartitionRef[]> {
  const out: Record<string, TopicPartitionRef[]> = {};
  for (const member of members) {
    out[member.memberId] = (assignment.get(member.memberId) ?? []).map((tp) => ({
      topic: tp.topic,
      partition: tp.partition,
    }));
  }
  return out;
}
