import { compareJavaStrings } from './javaHash';
import { compareMemberInfo } from './memberInfo';
import { emptyAssignment, normalizeInput, toRecord } from './subscriptions';
import { TopicPartitionPool, topicPartitions } from './topicPartitions';
import type { Assignor, AssignorInput, TopicPartitionRef } from './types';

/**
 * Kafka's `RoundRobinAssignor` (`roundrobin`): all subscribed partitions, topics in name order, are
 * dealt one by one to the members in {@link compareMemberInfo} order, skipping members that do not
 * subscribe to the partition's topic. Balanced (±1) when all subscriptions are identical.
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/consumer/RoundRobinAssignor.java
 */
export const roundRobinAssignor: Assignor = {
  name: 'roundrobin',
  assign(input: AssignorInput): Record<string, TopicPartitionRef[]> {
    const { partitionsPerTopic, members } = normalizeInput(input);
    const pool = new TopicPartitionPool();
    const assignment = emptyAssignment(members);
    const sortedMembers = [...members].sort(compareMemberInfo);
    const subscribed = sortedMembers.map((member) => new Set(member.topics));

    const topics = [...new Set(members.flatMap((member) => member.topics))].sort(
      compareJavaStrings,
    );
    let next = 0;
    for (const topic of topics) {
      const count = partitionsPerTopic.get(topic);
      if (count === undefined) continue;
      for (const tp of topicPartitions(pool, topic, count)) {
        while (!subscribed[next % sortedMembers.length]!.has(topic)) next++;
        assignment.get(sortedMembers[next % sortedMembers.length]!.memberId)!.push(tp);
        next++;
      }
    }
    return toRecord(members, assignment);
  },
};
