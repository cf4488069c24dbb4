import { compareJavaStrings, javaHashOrder, javaStringHash } from './javaHash';
import { compareMemberInfo } from './memberInfo';
import { emptyAssignment, normalizeInput, toRecord } from './subscriptions';
import { TopicPartitionPool, topicPartitions } from './topicPartitions';
import type { Assignor, AssignorInput, AssignorMember, TopicPartitionRef } from './types';

/**
 * Kafka's `RangeAssignor` (`range`, the default before 3.0 and still first in the consumer's
 * default list): per topic, partitions in numeric order are split into contiguous ranges over the
 * subscribed members in {@link compareMemberInfo} order; the first `partitions % members` members
 * get one extra. Topics are handled in Java `HashMap` order, which fixes the order of each
 * member's list. The rack-aware part (KIP-881) is omitted: the simulator has no racks.
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/consumer/RangeAssignor.java
 */
export const rangeAssignor: Assignor = {
  name: 'range',
  assign(input: AssignorInput): Record<string, TopicPartitionRef[]> {
    const { partitionsPerTopic, members } = normalizeInput(input);
    const pool = new TopicPartitionPool();
    const assignment = emptyAssignment(members);

    const consumersPerTopic = new Map<string, AssignorMember[]>();
    for (const member of members) {
      for (const topic of member.topics) {
        const list = consumersPerTopic.get(topic) ?? [];
        list.push(member);
        consumersPerTopic.set(topic, list);
      }
    }

    const topics = javaHashOrder(
      [...partitionsPerTopic.keys()].sort(compareJavaStrings),
      javaStringHash,
    );
    for (const topic of topics) {
      const consumers = [...(consumersPerTopic.get(topic) ?? [])].sort(compareMemberInfo);
      const unassigned = topicPartitions(pool, topic, partitionsPerTopic.get(topic)!);
      const numPartitionsPerConsumer =
        consumers.length === 0 ? 0 : Math.floor(unassigned.length / consumers.length);
      let remainingConsumersWithExtraPartition =
        consumers.length === 0 ? 0 : unassigned.length % consumers.length;

      for (const consumer of consumers) {
        if (unassigned.length === 0) break;
        const maxAssignable =
          numPartitionsPerConsumer + (remainingConsumersWithExtraPartition > 0 ? 1 : 0);
        const assigned = unassigned.splice(0, maxAssignable);
        if (assigned.length === 0) continue;
        assignment.get(consumer.memberId)!.push(...assigned);
        if (assigned.length > numPartitionsPerConsumer) remainingConsumersWithExtraPartition--;
      }
    }
    return toRecord(members, assignment);
  },
};
