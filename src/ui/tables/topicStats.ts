/**
 * Per-topic and per-group figures the operator tables show, read off the snapshot (the columns
 * kafka-ui and `kafka-consumer-groups.sh --describe` print).
 */
import type { ClusterSnapshot, TopicSnapshot } from '../../sim/index';
import type { GroupSnapshot } from '../../sim/groups/groupSummary';

export interface TopicSummary {
  partitions: number;
  replicationFactor: number;
  /** Partitions whose ISR is smaller than their replica list. */
  underReplicated: number;
  /** Σ (log end offset − log start offset) over partitions with a leader. */
  messages: number;
}

export function topicSummary(topic: TopicSnapshot): TopicSummary {
  let underReplicated = 0;
  let messages = 0;
  for (const p of topic.partitions) {
    if (p.isr.length < p.replicas.length) underReplicated++;
    if (p.logEndOffset >= 0)
      messages += Math.max(0, p.logEndOffset - Math.max(0, p.logStartOffset));
  }
  return {
    partitions: topic.partitions.length,
    replicationFactor: topic.partitions[0]?.replicas.length ?? 0,
    underReplicated,
    messages,
  };
}

/** One row of a group's lag table. */
export interface PartitionLag {
  topic: string;
  partition: number;
  /** Committed offset, or null when the group never committed one. */
  committed: number | null;
  /** LOG-END-OFFSET as the groups tool shows it: the high watermark (read_uncommitted). */
  logEnd: number | null;
  lag: number | null;
  /** CONSUMER-ID (member id) of the member it is assigned to. */
  consumer: string | null;
}

/**
 * Lag per partition (`kafka-consumer-groups.sh --describe`): every partition assigned to a member
 * or with a committed offset, by topic and partition.
 */
export function groupLag(group: GroupSnapshot, snapshot: ClusterSnapshot): PartitionLag[] {
  const rows = new Map<string, PartitionLag>();
  const key = (topic: string, partition: number) =>
    `${topic}\u0000${String(partition).padStart(6, '0')}`;
  const row = (topic: string, partition: number) => {
    const k = key(topic, partition);
    let r = rows.get(k);
    if (!r) {
      const p = snapshot.topics.find((x) => x.name === topic)?.partitions[partition];
      const logEnd = p && p.highWatermark >= 0 ? p.highWatermark : null;
      r = { topic, partition, committed: null, logEnd, lag: null, consumer: null };
      rows.set(k, r);
    }
    return r;
  };
  for (const m of group.members)
    for (const tp of m.assignment) row(tp.topic, tp.partition).consumer = m.memberId;
  for (const o of group.offsets) row(o.topic, o.partition).committed = o.offset;
  for (const r of rows.values())
    if (r.committed !== null && r.logEnd !== null) r.lag = Math.max(0, r.logEnd - r.committed);
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
}
