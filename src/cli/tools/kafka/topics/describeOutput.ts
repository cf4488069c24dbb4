/**
 * `kafka-topics --describe` output (TopicCommand.java `TopicDescription.printDescription`,
 * `PartitionDescription.printDescription`, `DescribeOptions`, Kafka 3.9): a summary line per topic,
 * then one TAB-led line per partition; the report options filter partitions, and
 * `--topics-with-overrides` prints only the summaries of topics with non-default configs.
 */
import type { TopicConfigEntry } from './topicConfigEntries';

/** One partition as `TopicPartitionInfo` has it. */
export interface PartitionInfo {
  readonly partition: number;
  /** null when the partition has no (known) leader. */
  readonly leader: number | null;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
  /** null on ZooKeeper clusters (Metadata API); a list on KRaft (DescribeTopicPartitions). */
  readonly elr: readonly number[] | null;
  readonly lastKnownElr: readonly number[] | null;
}

/** A reassignment in progress (`PartitionReassignment`). */
export interface Reassignment {
  readonly replicas: readonly number[];
  readonly addingReplicas: readonly number[];
  readonly removingReplicas: readonly number[];
}

/** What describe knows of one topic. */
export interface TopicInfo {
  readonly name: string;
  readonly topicId: string;
  readonly partitions: readonly PartitionInfo[];
  readonly configs: readonly TopicConfigEntry[];
  /** Reassignments by partition id. */
  readonly reassignments: ReadonlyMap<number, Reassignment>;
}

/** The report switches of the command line. */
export interface DescribeFlags {
  readonly underReplicated: boolean;
  readonly unavailable: boolean;
  readonly underMinIsr: boolean;
  readonly atMinIsr: boolean;
  readonly topicsWithOverrides: boolean;
}

/** `Uuid.ZERO_UUID.toString()`: topics without an id print no `TopicId:`. */
const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA';

/** `isReassignmentInProgress`. */
function reassigning(info: PartitionInfo, ra: Reassignment | undefined): boolean {
  if (!ra) return false;
  const changing = new Set([...ra.removingReplicas, ...ra.addingReplicas]);
  return info.replicas.some((r) => changing.has(r));
}

/** `getReplicationFactor`. */
function replicationFactor(info: PartitionInfo, ra: Reassignment | undefined): number {
  return ra && reassigning(info, ra)
    ? ra.replicas.length - ra.addingReplicas.length
    : info.replicas.length;
}

/** `TopicDescription.printDescription`. */
function summaryLine(topic: TopicInfo, first: PartitionInfo): string {
  const configs = topic.configs
    .filter((c) => !c.isDefault)
    .map((c) => `${c.name}=${c.value}`)
    .join(',');
  return (
    `Topic: ${topic.name}` +
    (topic.topicId !== ZERO_UUID ? `\tTopicId: ${topic.topicId}` : '') +
    `\tPartitionCount: ${topic.partitions.length}` +
    `\tReplicationFactor: ${replicationFactor(first, topic.reassignments.get(first.partition))}` +
    `\tConfigs: ${configs}\n`
  );
}

const ids = (list: readonly number[]) => list.join(',');

/** `PartitionDescription.printDescription`. */
function partitionLine(topic: string, info: PartitionInfo, ra: Reassignment | undefined): string {
  let line =
    `\tTopic: ${topic}\tPartition: ${info.partition}` +
    `\tLeader: ${info.leader === null ? 'none' : info.leader}` +
    `\tReplicas: ${ids(info.replicas)}\tIsr: ${ids(info.isr)}`;
  if (ra)
    line += `\tAdding Replicas: ${ids(ra.addingReplicas)}\tRemoving Replicas: ${ids(ra.removingReplicas)}`;
  line += `\tElr: ${info.elr === null ? 'N/A' : ids(info.elr)}`;
  line += `\tLastKnownElr: ${info.lastKnownElr === null ? 'N/A' : ids(info.lastKnownElr)}`;
  return `${line}\n`;
}

/** The text `describeTopic` prints for these topics, in the given order. */
export function describeText(
  topics: readonly TopicInfo[],
  flags: DescribeFlags,
  liveBrokers: ReadonlySet<number>,
): string {
  const describeConfigs =
    !flags.unavailable && !flags.underReplicated && !flags.underMinIsr && !flags.atMinIsr;
  const describePartitions = !flags.topicsWithOverrides;
  let out = '';
  for (const topic of topics) {
    const sorted = [...topic.partitions].sort((a, b) => a.partition - b.partition);
    const minIsr = Number(
      topic.configs.find((c) => c.name === 'min.insync.replicas')?.value ?? '1',
    );
    if (describeConfigs) {
      const hasNonDefault = topic.configs.some((c) => !c.isDefault);
      const first = sorted[0];
      if (first && (!flags.topicsWithOverrides || hasNonDefault)) out += summaryLine(topic, first);
    }
    if (!describePartitions) continue;
    for (const info of sorted) {
      const ra = topic.reassignments.get(info.partition);
      const hasLeader = info.leader !== null;
      const show =
        describeConfigs ||
        (flags.underReplicated && replicationFactor(info, ra) - info.isr.length > 0) ||
        (flags.unavailable && (!hasLeader || !liveBrokers.has(info.leader as number))) ||
        (flags.underMinIsr && (!hasLeader || info.isr.length < minIsr)) ||
        (flags.atMinIsr && minIsr === info.isr.length);
      if (show) out += partitionLine(topic.name, info, ra);
    }
  }
  return out;
}
