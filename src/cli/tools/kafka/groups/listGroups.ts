/**
 * `kafka-consumer-groups --list [--state [s,…]] [--type [t,…]]`: ConsumerGroupService.listGroups
 * and printGroupInfo (Kafka 3.9 ConsumerGroupCommand.java).
 */
import type { GroupListing } from '../../../../sim/cluster/groupAdmin';
import type { Op } from './coroutine';
import type { ConsumerGroupService } from './consumerGroupService';
import { illegalArgument } from './javaThrowable';

/** `ConsumerGroupState` names except UNKNOWN, in enum order (clients' ConsumerGroupState.java). */
const CONSUMER_GROUP_STATES = [
  'PreparingRebalance',
  'CompletingRebalance',
  'Stable',
  'Dead',
  'Empty',
  'Assigning',
  'Reconciling',
];

/** `GroupType` names except UNKNOWN (INFERRED for 3.9: Share is listed as the enum has it). */
const GROUP_TYPES = ['Consumer', 'Classic', 'Share'];

/** Java's `String.split(",")`: trailing empty strings are dropped. */
function javaSplitComma(input: string): string[] {
  const parts = input.split(',');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** `consumerGroupStatesFromString`: case-insensitive `ConsumerGroupState.parse` of each item. */
export function consumerGroupStatesFromString(input: string): Set<string> {
  const parsed = javaSplitComma(input).map(
    (s) =>
      CONSUMER_GROUP_STATES.find((st) => st.toUpperCase() === s.trim().toUpperCase()) ?? 'Unknown',
  );
  if (parsed.includes('Unknown'))
    throw illegalArgument(
      `Invalid state list '${input}'. Valid states are: ${CONSUMER_GROUP_STATES.join(', ')}`,
    );
  return new Set(parsed);
}

/** `consumerGroupTypesFromString`: case-insensitive `GroupType.parse` of each item. */
export function consumerGroupTypesFromString(input: string): Set<string> {
  const parsed = javaSplitComma(input.toLowerCase()).map(
    (s) => GROUP_TYPES.find((t) => t.toLowerCase() === s.trim()) ?? 'Unknown',
  );
  if (parsed.includes('Unknown'))
    throw illegalArgument(
      `Invalid types list '${input}'. Valid types are: ${GROUP_TYPES.join(', ')}`,
    );
  return new Set(parsed);
}

/** The `GroupType` a classic coordinator reports for every group. */
function typeName(listing: GroupListing): string {
  return listing.type === 'classic' ? 'Classic' : 'Unknown';
}

export function* listGroups(svc: ConsumerGroupService): Op<void> {
  const options = svc.options;
  const includeType = options.has('type');
  const includeState = options.has('state');
  if (!includeType && !includeState) {
    for (const groupId of yield* svc.listConsumerGroups()) svc.out(`${groupId}\n`);
    return;
  }
  const typeValue = options.valueOf('type');
  const types = typeValue ? consumerGroupTypesFromString(typeValue) : new Set<string>();
  const stateValue = options.valueOf('state');
  const states = stateValue ? consumerGroupStatesFromString(stateValue) : new Set<string>();
  const listings = (yield* svc.listConsumerGroupListings()).filter(
    (g) =>
      (states.size === 0 || states.has(g.state)) && (types.size === 0 || types.has(typeName(g))),
  );
  printGroupInfo(svc, listings, includeType, includeState);
}

/** `printGroupInfo`: `%-{max(15,len)+10}s` GROUP, then ` %-20s` TYPE and/or STATE, each line ended. */
function printGroupInfo(
  svc: ConsumerGroupService,
  groups: GroupListing[],
  includeType: boolean,
  includeState: boolean,
): void {
  const width = Math.max(15, ...groups.map((g) => g.groupId.length)) + 10;
  const line = (cells: string[]) =>
    `${cells[0]!.padEnd(width)}${cells
      .slice(1)
      .map((c) => ` ${c.padEnd(20)}`)
      .join('')}\n`;
  const header = ['GROUP'];
  if (includeType) header.push('TYPE');
  if (includeState) header.push('STATE');
  svc.out(line(header));
  for (const g of groups) {
    const cells = [g.groupId];
    if (includeType) cells.push(typeName(g));
    if (includeState) cells.push(g.state);
    svc.out(line(cells));
  }
}
