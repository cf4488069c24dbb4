import { assignSticky } from './abstractSticky';
import type { MemberData } from './abstractSticky';
import { javaHashOrder, javaStringHash } from './javaHash';
import { toRecord } from './subscriptions';
import type { Assignor, AssignorInput, AssignorMember, TopicPartitionRef } from './types';

/**
 * Kafka's `StickyAssignor.memberData`: the eager sticky assignor reads ownership from its own
 * userData, written by `serializeTopicPartitionAssignment` — partitions grouped by topic through a
 * `HashMap` (`CollectionUtils.groupPartitionsByTopic`), so they come back in that order. No
 * ownership reported means no userData: no partitions and no generation.
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/consumer/StickyAssignor.java
 */
export function stickyMemberData(member: AssignorMember): MemberData {
  const owned = member.ownedPartitions;
  if (owned === undefined) return { partitions: [] };
  const byTopic = new Map<string, TopicPartitionRef[]>();
  for (const tp of owned) {
    const list = byTopic.get(tp.topic) ?? [];
    list.push(tp);
    byTopic.set(tp.topic, list);
  }
  const partitions = javaHashOrder([...byTopic.keys()], javaStringHash).flatMap((topic) =>
    byTopic.get(topic)!,
  );
  return member.generation === undefined
    ? { partitions }
    : { partitions, generation: member.generation };
}

/**
 * Kafka's `StickyAssignor` (`sticky`, eager protocol): as balanced as possible, then as sticky as
 * possible — see {@link assignSticky}. Members revoke everything before the rebalance, so a moved
 * partition goes straight to its new owner.
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/consumer/StickyAssignor.java
 */
export const stickyAssignor: Assignor = {
  name: 'sticky',
  assign(input: AssignorInput): Record<string, TopicPartitionRef[]> {
    return toRecord(input.members, assignSticky(input, stickyMemberData).assignment);
  },
};
