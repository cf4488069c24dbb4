/**
 * States of a classic consumer group on its coordinator, named as Kafka prints them
 * (`kafka-consumer-groups.sh --describe --state`), with the valid previous states of each from
 * core/src/main/scala/kafka/coordinator/group/GroupMetadata.scala (Kafka 3.9).
 */
export const groupStates = [
  'Empty',
  'PreparingRebalance',
  'CompletingRebalance',
  'Stable',
  'Dead',
] as const;

/** A group state name. */
export type GroupState = (typeof groupStates)[number];

/**
 * `validPreviousStates` of each state in GroupMetadata.scala:
 * - PreparingRebalance ← Stable, CompletingRebalance, Empty (member joins, leaves or fails)
 * - CompletingRebalance ← PreparingRebalance (join phase complete, awaiting the leader's SyncGroup)
 * - Stable ← CompletingRebalance (leader's assignment stored)
 * - Empty ← PreparingRebalance (the last member left during a rebalance)
 * - Dead ← any state (group deleted or its __consumer_offsets partition emigrated)
 */
export const validPreviousStates: Readonly<Record<GroupState, readonly GroupState[]>> = {
  PreparingRebalance: ['Stable', 'CompletingRebalance', 'Empty'],
  CompletingRebalance: ['PreparingRebalance'],
  Stable: ['CompletingRebalance'],
  Dead: ['Stable', 'PreparingRebalance', 'CompletingRebalance', 'Empty', 'Dead'],
  Empty: ['PreparingRebalance'],
};

/** True when Kafka allows a group in `from` to move to `to`. */
export function canTransition(from: GroupState, to: GroupState): boolean {
  return validPreviousStates[to].includes(from);
}

/** Thrown on an invalid transition, with GroupMetadata.assertValidTransition's message. */
export class IllegalGroupStateTransition extends Error {
  constructor(groupId: string, from: GroupState, to: GroupState) {
    super(
      `Group ${groupId} should be in the ${validPreviousStates[to].join(',')} states before moving to ${to} state. Instead it is in ${from} state`,
    );
    this.name = 'IllegalStateException';
  }
}
