/**
 * EAGER vs COOPERATIVE rebalancing (KIP-429) on the consumer side: which protocol a consumer uses,
 * and the rule that a cooperative assignment never hands a still-owned partition to another member.
 * https://cwiki.apache.org/confluence/display/KAFKA/KIP-429%3A+Kafka+Consumer+Incremental+Rebalance+Protocol
 */
import type { Assignor } from '../assignors/types';
import type { TopicPartitionRef } from './protocol';

/** `ConsumerPartitionAssignor.RebalanceProtocol`, ordered EAGER < COOPERATIVE. */
export type RebalanceProtocol = 'EAGER' | 'COOPERATIVE';

/** Protocols an assignor supports: cooperative-sticky supports both, the others EAGER only. */
export function supportedProtocols(assignor: Assignor): RebalanceProtocol[] {
  const declared = (assignor as { supportedProtocols?: unknown }).supportedProtocols;
  if (Array.isArray(declared)) return declared as RebalanceProtocol[];
  return assignor.name === 'cooperative-sticky' ? ['EAGER', 'COOPERATIVE'] : ['EAGER'];
}

/**
 * ConsumerCoordinator's constructor: the highest protocol every configured assignor supports, so
 * `[cooperative-sticky]` is COOPERATIVE while `[range, cooperative-sticky]` stays EAGER.
 */
export function rebalanceProtocolFor(assignors: Assignor[]): RebalanceProtocol {
  if (assignors.length === 0) return 'EAGER';
  const common = assignors.map(supportedProtocols).reduce((a, b) => a.filter((p) => b.includes(p)));
  return common.includes('COOPERATIVE') ? 'COOPERATIVE' : 'EAGER';
}

/** An owner claim from a member's subscription. */
export interface OwnedClaim {
  memberId: string;
  ownedPartitions: TopicPartitionRef[];
  /** Generation the partitions were owned in (-1 unknown). */
  generation: number;
}

/**
 * CooperativeStickyAssignor.adjustAssignment: a partition moving from its current owner to another
 * member is withheld from the new owner in this rebalance; the owner revokes it and the follow-up
 * rebalance assigns it. Idempotent on an assignment that already respects the rule.
 */
export function withholdTransferringPartitions(
  assignment: Record<string, TopicPartitionRef[]>,
  claims: OwnedClaim[],
): Record<string, TopicPartitionRef[]> {
  const owner = new Map<string, { memberId: string; generation: number }>();
  for (const c of claims) {
    for (const tp of c.ownedPartitions) {
      const key = `${tp.topic}:${tp.partition}`;
      const prev = owner.get(key);
      if (!prev || c.generation > prev.generation)
        owner.set(key, { memberId: c.memberId, generation: c.generation });
    }
  }
  const out: Record<string, TopicPartitionRef[]> = {};
  for (const [memberId, parts] of Object.entries(assignment)) {
    out[memberId] = parts.filter((tp) => {
      const o = owner.get(`${tp.topic}:${tp.partition}`);
      return !o || o.memberId === memberId;
    });
  }
  return out;
}
