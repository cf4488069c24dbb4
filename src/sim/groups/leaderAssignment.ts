/**
 * What the group leader does with the JoinGroup response: ConsumerCoordinator.performAssignment
 * (Kafka 3.9) runs the selected assignor over every member's subscription and owned partitions,
 * with partition counts from the leader's metadata. Under COOPERATIVE, partitions still owned by
 * another member are withheld (KIP-429).
 */
import type { Assignor } from '../assignors/types';
import type { JoinGroupResponse, TopicPartitionRef } from './protocol';
import { withholdTransferringPartitions, type RebalanceProtocol } from './rebalanceProtocol';

/** The leader's assignment and what it was computed from. */
export interface LeaderAssignment {
  /** Name of the assignor that ran. */
  assignor: string;
  /** Partitions per member id. */
  assignment: Record<string, TopicPartitionRef[]>;
  /** Every topic some member subscribes to, sorted (the leader watches their metadata). */
  topics: string[];
}

/**
 * Runs the assignor the coordinator selected. Undefined when this consumer does not know it
 * (Kafka throws IllegalStateException: "Coordinator selected invalid assignment protocol").
 */
export function performAssignment(
  assignors: Assignor[],
  protocol: RebalanceProtocol,
  response: JoinGroupResponse,
  metadata: Record<string, number>,
): LeaderAssignment | undefined {
  const assignor = assignors.find((a) => a.name === response.protocolName);
  if (!assignor) return undefined;
  const topics = [...new Set(response.members.flatMap((m) => m.subscription.topics))].sort();
  const partitionsPerTopic: Record<string, number> = {};
  for (const t of topics) if (metadata[t] !== undefined) partitionsPerTopic[t] = metadata[t];
  let assignment = assignor.assign({
    partitionsPerTopic,
    members: response.members.map((m) => ({
      memberId: m.memberId,
      ...(m.groupInstanceId !== undefined ? { groupInstanceId: m.groupInstanceId } : {}),
      topics: m.subscription.topics,
      ownedPartitions: m.subscription.ownedPartitions,
      generation: m.subscription.generation,
    })),
  });
  if (protocol === 'COOPERATIVE')
    assignment = withholdTransferringPartitions(
      assignment,
      response.members.map((m) => ({ memberId: m.memberId, ...m.subscription })),
    );
  return { assignor: assignor.name, assignment, topics };
}
