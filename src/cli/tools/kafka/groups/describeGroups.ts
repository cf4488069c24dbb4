/**
 * `kafka-consumer-groups --describe` with its three views — offsets (default), `--members
 * [--verbose]` and `--state` — from Kafka 3.9's ConsumerGroupCommand.java (collectGroupsOffsets,
 * collectGroupsMembers, collectGroupsState, printOffsets, printMembers, printStates,
 * shouldPrintMemberState). The offsets view ends with a newline as the fixed layout does
 * (trunk #17058); 3.9.0 left it off.
 */
import type { TopicPartitionRef } from '../../../../sim/index';
import type { GroupDescription } from '../../../../sim/cluster/groupAdmin';
import type { Op } from './coroutine';
import type { ConsumerGroupService } from './consumerGroupService';
import { MISSING_COLUMN_VALUE } from './consumerGroupService';
import { hashMapOrder, hashSetOrder, tpKey } from './topicPartitions';

/** One row of the offsets view (`PartitionAssignmentState`). */
interface PartitionAssignmentState {
  group: string;
  topic?: string;
  partition?: number;
  offset?: number;
  lag?: number;
  consumerId?: string;
  host?: string;
  clientId?: string;
  logEndOffset?: number;
}

/** One row of the members view (`MemberAssignmentState`). */
interface MemberAssignmentState {
  group: string;
  consumerId: string;
  host: string;
  clientId: string;
  groupInstanceId: string;
  numPartitions: number;
  assignment: TopicPartitionRef[];
}

/** Java's `String.compareTo` for TreeMap keys. */
const byJavaString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function* describeGroups(svc: ConsumerGroupService): Op<void> {
  const options = svc.options;
  const groupIds = options.has('all-groups')
    ? yield* svc.listConsumerGroups()
    : options.valuesOf('group');
  const members = options.has('members');
  const state = options.has('state');
  const offsets = options.has('offsets');
  if ((!members && !state) || offsets) {
    printOffsets(svc, yield* collectGroupsOffsets(svc, groupIds));
  } else if (members) {
    const verbose = options.has('verbose');
    printMembers(svc, yield* collectGroupsMembers(svc, groupIds, verbose), verbose);
  } else {
    printStates(svc, yield* svc.describeConsumerGroups(groupIds));
  }
}

/**
 * `shouldPrintMemberState`: the notes about the group's state, and whether rows follow. Empty and
 * rebalancing notes go to stderr; an unknown (Dead) group is an error on stdout.
 */
function shouldPrintMemberState(
  svc: ConsumerGroupService,
  group: string,
  state: string,
  numRows: number,
): boolean {
  switch (state) {
    case 'Dead':
      svc.printError(`Consumer group '${group}' does not exist.`);
      break;
    case 'Empty':
      svc.ctx.stderr(`\nConsumer group '${group}' has no active members.\n`);
      break;
    case 'PreparingRebalance':
    case 'CompletingRebalance':
    case 'Assigning':
    case 'Reconciling':
      svc.ctx.stderr(`\nWarning: Consumer group '${group}' is rebalancing.\n`);
      break;
  }
  return state !== 'Dead' && numRows > 0;
}

function* collectGroupsOffsets(
  svc: ConsumerGroupService,
  groupIds: readonly string[],
): Op<[string, string, PartitionAssignmentState[]][]> {
  const described = yield* svc.describeConsumerGroups(groupIds);
  const result: [string, string, PartitionAssignmentState[]][] = [];
  for (const [groupId, group] of described) {
    const committed = yield* svc.getCommittedOffsets(groupId);
    const offsetOf = (tp: TopicPartitionRef) => committed.get(tpKey(tp))?.offset;
    const assigned = new Set<string>();
    const rows: PartitionAssignmentState[] = [];
    // Members with partitions, most partitions first (a stable sort of the described order).
    const withPartitions = group.members
      .filter((m) => m.assignment.length > 0)
      .map((m, i) => ({ m, i }))
      .sort((a, b) => b.m.assignment.length - a.m.assignment.length || a.i - b.i)
      .map(({ m }) => m);
    for (const member of withPartitions) {
      const partitions = hashSetOrder(member.assignment);
      for (const tp of partitions) assigned.add(tpKey(tp));
      rows.push(
        ...(yield* describePartitions(svc, groupId, partitions, offsetOf, {
          consumerId: member.memberId,
          host: member.clientHost,
          clientId: member.clientId,
        })),
      );
    }
    const unassigned = hashMapOrder(
      [...committed.values()].map((c) => c.tp).filter((tp) => !assigned.has(tpKey(tp))),
    );
    if (unassigned.length > 0)
      rows.push(
        ...(yield* describePartitions(svc, groupId, unassigned, offsetOf, {
          consumerId: MISSING_COLUMN_VALUE,
          host: MISSING_COLUMN_VALUE,
          clientId: MISSING_COLUMN_VALUE,
        })),
      );
    result.push([groupId, group.state, rows]);
  }
  return result.sort((a, b) => byJavaString(a[0], b[0]));
}

/**
 * `collectConsumerAssignment` + `describePartitions`: the partitions sorted by number, then the
 * rows in the order of the HashMap `getLogEndOffsets` returns.
 */
function* describePartitions(
  svc: ConsumerGroupService,
  group: string,
  partitions: TopicPartitionRef[],
  offsetOf: (tp: TopicPartitionRef) => number | undefined,
  member: { consumerId: string; host: string; clientId: string },
): Op<PartitionAssignmentState[]> {
  const sorted = partitions.map((tp, i) => ({ tp, i }));
  sorted.sort((a, b) => a.tp.partition - b.tp.partition || a.i - b.i);
  const ordered = sorted.map(({ tp }) => tp);
  const logEnd = yield* svc.getLogOffsets(ordered, 'latest');
  return hashMapOrder(ordered).map((tp) => {
    const end = logEnd.get(tpKey(tp));
    const logEndOffset = end?.kind === 'offset' ? end.value : undefined;
    const offset = offsetOf(tp);
    const lag =
      offset !== undefined && offset !== -1 && logEndOffset !== undefined
        ? logEndOffset - offset
        : undefined;
    return {
      group,
      topic: tp.topic,
      partition: tp.partition,
      offset,
      lag,
      logEndOffset,
      ...member,
    };
  });
}

const show = (v: string | number | undefined) =>
  v === undefined ? MISSING_COLUMN_VALUE : String(v);

/** `printOffsets` with `printOffsetFormat`'s column widths; one table per group. */
function printOffsets(
  svc: ConsumerGroupService,
  groups: [string, string, PartitionAssignmentState[]][],
): void {
  for (const [groupId, state, rows] of groups) {
    if (!shouldPrintMemberState(svc, groupId, state, rows.length)) continue;
    const w = (pick: (r: PartitionAssignmentState) => string) =>
      Math.max(15, ...rows.map((r) => pick(r).length));
    const g = w((r) => r.group);
    const t = w((r) => show(r.topic));
    const c = w((r) => show(r.consumerId));
    const h = w((r) => show(r.host));
    const line = (cells: string[]) =>
      `\n${[
        cells[0]!.padEnd(g),
        cells[1]!.padEnd(t),
        cells[2]!.padEnd(10),
        cells[3]!.padEnd(15),
        cells[4]!.padEnd(15),
        cells[5]!.padEnd(15),
        cells[6]!.padEnd(c),
        cells[7]!.padEnd(h),
        cells[8]!,
      ].join(' ')}`;
    let out = line([
      'GROUP',
      'TOPIC',
      'PARTITION',
      'CURRENT-OFFSET',
      'LOG-END-OFFSET',
      'LAG',
      'CONSUMER-ID',
      'HOST',
      'CLIENT-ID',
    ]);
    for (const r of rows)
      out += line([
        r.group,
        show(r.topic),
        show(r.partition),
        show(r.offset),
        show(r.logEndOffset),
        show(r.lag),
        show(r.consumerId),
        show(r.host),
        show(r.clientId),
      ]);
    svc.out(`${out}\n`);
  }
}

function* collectGroupsMembers(
  svc: ConsumerGroupService,
  groupIds: readonly string[],
  verbose: boolean,
): Op<[string, string, MemberAssignmentState[]][]> {
  const described = yield* svc.describeConsumerGroups(groupIds);
  const result: [string, string, MemberAssignmentState[]][] = [...described].map(
    ([groupId, group]: [string, GroupDescription]) => [
      groupId,
      group.state,
      group.members.map((m) => ({
        group: groupId,
        consumerId: m.memberId,
        host: m.clientHost,
        clientId: m.clientId,
        groupInstanceId: m.groupInstanceId ?? '',
        numPartitions: m.assignment.length,
        assignment: verbose ? hashSetOrder(m.assignment) : [],
      })),
    ],
  );
  return result.sort((a, b) => byJavaString(a[0], b[0]));
}

/**
 * `printMembers`: the header is printed even when shouldPrintMemberState says there is nothing
 * to show (an Empty or unknown group), as 3.9 does. ASSIGNMENT lists partitions per topic as
 * `(0,1,2)` without the topic name (3.8/3.9 Java), numbers sorted as strings.
 */
function printMembers(
  svc: ConsumerGroupService,
  groups: [string, string, MemberAssignmentState[]][],
  verbose: boolean,
): void {
  for (const [groupId, state, members] of groups) {
    let g = 15;
    let c = 15;
    let gi = 17;
    let h = 15;
    let cl = 15;
    let includeGroupInstanceId = false;
    if (shouldPrintMemberState(svc, groupId, state, members.length)) {
      for (const m of members) {
        g = Math.max(g, m.group.length);
        c = Math.max(c, m.consumerId.length);
        gi = Math.max(gi, m.groupInstanceId.length);
        h = Math.max(h, m.host.length);
        cl = Math.max(cl, m.clientId.length);
        includeGroupInstanceId ||= m.groupInstanceId !== '';
      }
    }
    const format = (m: {
      group: string;
      consumerId: string;
      groupInstanceId: string;
      host: string;
      clientId: string;
      numPartitions: string;
    }) =>
      [
        m.group.padEnd(g),
        m.consumerId.padEnd(c),
        ...(includeGroupInstanceId ? [m.groupInstanceId.padEnd(gi)] : []),
        m.host.padEnd(h),
        m.clientId.padEnd(cl),
        m.numPartitions.padEnd(15),
      ].join(' ') + ' ';
    let out = `\n${format({
      group: 'GROUP',
      consumerId: 'CONSUMER-ID',
      groupInstanceId: 'GROUP-INSTANCE-ID',
      host: 'HOST',
      clientId: 'CLIENT-ID',
      numPartitions: '#PARTITIONS',
    })}${verbose ? 'ASSIGNMENT' : ''}\n`;
    for (const m of members) {
      out += format({ ...m, numPartitions: String(m.numPartitions) });
      if (verbose) out += assignmentString(m.assignment);
      out += '\n';
    }
    svc.out(out);
  }
}

/** `(0,1,2)` per topic, partitions and groups sorted as strings, joined by `, `; `-` when none. */
function assignmentString(assignment: TopicPartitionRef[]): string {
  if (assignment.length === 0) return MISSING_COLUMN_VALUE;
  const byTopic = new Map<string, string[]>();
  for (const tp of assignment)
    byTopic.set(tp.topic, [...(byTopic.get(tp.topic) ?? []), String(tp.partition)]);
  return [...byTopic.values()]
    .map((ps) => `(${[...ps].sort(byJavaString).join(',')})`)
    .sort(byJavaString)
    .join(', ');
}

/** `printStates`: coordinator as `host:port  (id)` (two spaces in 3.8/3.9). */
function printStates(svc: ConsumerGroupService, described: Map<string, GroupDescription>): void {
  for (const [groupId, group] of [...described].sort((a, b) => byJavaString(a[0], b[0]))) {
    if (!shouldPrintMemberState(svc, groupId, group.state, 1)) continue;
    const coordinator = `${group.coordinator.host}:${group.coordinator.port}  (${group.coordinator.id})`;
    const width = Math.max(25, coordinator.length);
    const line = (cells: string[]) =>
      `\n${cells[0]!.padEnd(width)} ${cells[1]!.padEnd(25)} ${cells[2]!.padEnd(20)} ${cells[3]!.padEnd(15)} ${cells[4]!}`;
    svc.out(
      line(['GROUP', 'COORDINATOR (ID)', 'ASSIGNMENT-STRATEGY', 'STATE', '#MEMBERS']) +
        line([groupId, coordinator, group.protocol, group.state, String(group.members.length)]) +
        '\n',
    );
  }
}
