import { cooperativeStickyAssignor } from './cooperativeSticky';
import { rangeAssignor } from './range';
import { roundRobinAssignor } from './roundRobin';
import { stickyAssignor } from './sticky';
import type { Assignor } from './types';

/** The protocol names of the four assignors Kafka ships (`partition.assignment.strategy`). */
export const assignorNames = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'] as const;

/** One of {@link assignorNames}. */
export type AssignorName = (typeof assignorNames)[number];

/**
 * Kafka's four consumer partition assignors by protocol name (DESIGN §3).
 * https://kafka.apache.org/39/documentation.html#consumerconfigs_partition.assignment.strategy
 */
export const assignors: Record<AssignorName, Assignor> = {
  range: rangeAssignor,
  roundrobin: roundRobinAssignor,
  sticky: stickyAssignor,
  'cooperative-sticky': cooperativeStickyAssignor,
};

export { rangeAssignor } from './range';
export { roundRobinAssignor } from './roundRobin';
export { stickyAssignor } from './sticky';
export { cooperativeStickyAssignor, assignCooperativeSticky } from './cooperativeSticky';
export { assignSticky, DEFAULT_GENERATION } from './abstractSticky';
export type { StickyAssignment, MemberData } from './abstractSticky';
export type { Assignor, AssignorInput, AssignorMember, TopicPartitionRef } from './types';
