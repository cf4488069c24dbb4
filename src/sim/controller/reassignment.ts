/**
 * Partition reassignment (KIP-455) as the controller carries it out: AlterPartitionReassignments
 * puts the target replicas plus the ones being removed into the replica set and records which are
 * being added and removed; the new replicas start as followers, fetch, and join the ISR through
 * AlterPartition; once the ISR holds every target replica, the removed replicas are dropped (and
 * leadership moves off them) in one change. A reassignment that only reorders or only removes
 * replicas completes at once when the ISR already allows it.
 *
 * Sources (Kafka 3.9): metadata/src/main/java/org/apache/kafka/controller/
 * PartitionReassignmentReplicas.java, PartitionReassignmentRevert.java, PartitionChangeBuilder.java
 * (`completeReassignmentIfNeeded`, `electAnyLeader`), ReplicationControlManager.java
 * (`changePartitionReassignment`, `cancelPartitionReassignment`, `listPartitionReassignments`).
 */
import { KafkaError } from '../protocol/errors';
import type { MetadataImage, PartitionRegistration } from '../metadata/image';
import type { MetadataRecord } from '../metadata/records';

/** The replica sets of a reassignment (`PartitionReassignmentReplicas`). */
export interface ReassignmentReplicas {
  /** Target replicas followed by those being removed: the replica set while it runs. */
  replicas: number[];
  /** Replicas being added, ascending. */
  adding: number[];
  /** Replicas being removed, ascending. */
  removing: number[];
}

/** An ongoing reassignment as ListPartitionReassignments reports it. */
export interface OngoingReassignment {
  topic: string;
  partition: number;
  replicas: number[];
  addingReplicas: number[];
  removingReplicas: number[];
}

const ascending = (a: number, b: number) => a - b;

/** `new PartitionReassignmentReplicas(current, target)`: removing and adding as sorted sets. */
export function reassignmentReplicas(current: number[], target: number[]): ReassignmentReplicas {
  const removing = [...new Set(current.filter((r) => !target.includes(r)))].sort(ascending);
  const adding = [...new Set(target.filter((r) => !current.includes(r)))].sort(ascending);
  return { replicas: [...target, ...removing], adding, removing };
}

/** Whether `p` has a reassignment under way (adding or removing replicas recorded). */
export function isReassignmentInProgress(p: PartitionRegistration): boolean {
  return p.addingReplicas.length > 0 || p.removingReplicas.length > 0;
}

/**
 * `PartitionReassignmentReplicas.maybeCompleteReassignment`: with `targetIsr` the ISR the change
 * would leave, the reassignment completes when the ISR without the removed replicas still holds
 * every target replica. Returns the final replicas and ISR, or undefined.
 */
export function maybeCompleteReassignment(
  r: ReassignmentReplicas,
  targetIsr: number[],
): { replicas: number[]; isr: number[] } | undefined {
  if (r.adding.length === 0 && r.removing.length === 0) return undefined;
  const isr = targetIsr.filter((x) => !r.removing.includes(x));
  const replicas = r.replicas.filter((x) => !r.removing.includes(x));
  if (isr.length === 0 || replicas.length === 0) return undefined;
  if (!replicas.every((x) => isr.includes(x))) return undefined;
  return { replicas, isr };
}

/**
 * `PartitionChangeBuilder.electAnyLeader`: the current leader stays while it is in the target ISR
 * and usable; otherwise the first usable target replica in the ISR; otherwise no leader (-1).
 */
function electLeader(
  current: number,
  replicas: number[],
  isr: number[],
  isLive: (id: number) => boolean,
): number {
  const valid = (id: number) => isr.includes(id) && isLive(id);
  if (current !== -1 && valid(current)) return current;
  return replicas.find(valid) ?? -1;
}

const sameList = (a: number[], b: number[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * One PartitionChange record taking `p` to the given replica sets and ISR, completing the
 * reassignment when the ISR allows it and electing a new leader when the current one no longer
 * qualifies (`PartitionChangeBuilder.build`). Undefined when nothing would change.
 */
export function reassignmentChange(
  topic: string,
  partition: number,
  p: PartitionRegistration,
  target: ReassignmentReplicas,
  targetIsr: number[],
  isLive: (id: number) => boolean,
): MetadataRecord | undefined {
  let { replicas, adding, removing } = target;
  let isr = targetIsr;
  const completed = maybeCompleteReassignment(target, targetIsr);
  if (completed) {
    replicas = completed.replicas;
    isr = completed.isr;
    adding = [];
    removing = [];
  }
  const leader = electLeader(p.leader, replicas, isr, isLive);
  const change: MetadataRecord & { type: 'PartitionChange' } = {
    type: 'PartitionChange',
    topic,
    partition,
  };
  if (leader !== p.leader) change.leader = leader;
  if (!sameList(isr, p.isr)) change.isr = isr;
  if (!sameList(replicas, p.replicas)) change.replicas = replicas;
  if (!sameList(adding, p.addingReplicas)) change.addingReplicas = adding;
  if (!sameList(removing, p.removingReplicas)) change.removingReplicas = removing;
  return Object.keys(change).length > 3 ? change : undefined;
}

/**
 * `ReplicationControlManager.changePartitionReassignment`: validates the target
 * (`validateManualPartitionAssignment`) and returns the change that starts (or at once completes)
 * the reassignment, or undefined when the partition already has that assignment.
 */
export function startReassignment(
  image: MetadataImage,
  topic: string,
  partition: number,
  target: number[],
  isLive: (id: number) => boolean,
): MetadataRecord | undefined {
  const p = partitionOrThrow(image, topic, partition);
  if (target.length === 0)
    throw new KafkaError(
      'INVALID_REPLICA_ASSIGNMENT',
      'The manual partition assignment includes an empty replica list.',
    );
  let previous: number | undefined;
  for (const id of [...target].sort(ascending)) {
    if (!image.brokers.has(id))
      throw new KafkaError(
        'INVALID_REPLICA_ASSIGNMENT',
        `The manual partition assignment includes broker ${id}, but no such broker is registered.`,
      );
    if (id === previous)
      throw new KafkaError(
        'INVALID_REPLICA_ASSIGNMENT',
        `The manual partition assignment includes the broker ${id} more than once.`,
      );
    previous = id;
  }
  // The current assignment is the whole replica set, also while another reassignment runs.
  return reassignmentChange(
    topic,
    partition,
    p,
    reassignmentReplicas(p.replicas, target),
    p.isr,
    isLive,
  );
}

/**
 * `ReplicationControlManager.cancelPartitionReassignment` with `PartitionReassignmentRevert`:
 * the replicas being added are dropped, the ones being removed stay.
 */
export function cancelReassignment(
  image: MetadataImage,
  topic: string,
  partition: number,
  isLive: (id: number) => boolean,
): MetadataRecord | undefined {
  const p = partitionOrThrow(image, topic, partition);
  if (!isReassignmentInProgress(p))
    throw new KafkaError(
      'NO_REASSIGNMENT_IN_PROGRESS',
      'No partition reassignment is in progress.',
    );
  const replicas = p.replicas.filter((r) => !p.addingReplicas.includes(r));
  let isr = p.isr.filter((r) => !p.addingReplicas.includes(r));
  if (isr.length === 0) isr = replicas.filter(isLive).slice(0, 1);
  return reassignmentChange(
    topic,
    partition,
    p,
    { replicas, adding: [], removing: [] },
    isr,
    isLive,
  );
}

/**
 * The change an AlterPartition (ISR change from the leader) makes to a reassigning partition: the
 * new ISR, plus the completion of the reassignment once the ISR holds every target replica.
 */
export function isrChangeWithReassignment(
  topic: string,
  partition: number,
  p: PartitionRegistration,
  newIsr: number[],
  isLive: (id: number) => boolean,
): MetadataRecord {
  const target = { replicas: p.replicas, adding: p.addingReplicas, removing: p.removingReplicas };
  return (
    reassignmentChange(topic, partition, p, target, newIsr, isLive) ?? {
      type: 'PartitionChange',
      topic,
      partition,
      isr: newIsr,
    }
  );
}

/** `listPartitionReassignments` for every topic (null topic list), by topic then partition. */
export function listReassignments(image: MetadataImage): OngoingReassignment[] {
  const out: OngoingReassignment[] = [];
  for (const t of [...image.topics.values()].sort((a, b) => (a.name < b.name ? -1 : 1)))
    t.partitions.forEach((p, partition) => {
      if (!isReassignmentInProgress(p)) return;
      out.push({
        topic: t.name,
        partition,
        replicas: p.replicas.slice(),
        addingReplicas: p.addingReplicas.slice(),
        removingReplicas: p.removingReplicas.slice(),
      });
    });
  return out;
}

function partitionOrThrow(
  image: MetadataImage,
  topic: string,
  partition: number,
): PartitionRegistration {
  const t = image.topics.get(topic);
  if (!t)
    throw new KafkaError('UNKNOWN_TOPIC_OR_PARTITION', `Unable to find a topic named ${topic}.`);
  const p = t.partitions[partition];
  if (!p)
    throw new KafkaError(
      'UNKNOWN_TOPIC_OR_PARTITION',
      `Unable to find partition ${topic}:${partition}.`,
    );
  return p;
}
