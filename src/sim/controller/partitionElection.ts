/**
 * Leader election strategies of the controller (PartitionLeaderElectionAlgorithms.scala in ZooKeeper
 * mode, PartitionChangeBuilder in KRaft): the first replica in assignment order that qualifies wins.
 */
import type { PartitionRegistration } from '../metadata/image';

/** Why an election runs; names follow Kafka's `ElectionType` and controller code. */
export type ElectionReason =
  'offline' | 'controlled-shutdown' | 'preferred' | 'unclean' | 'reassignment';

export interface ElectionResult {
  leader: number;
  isr: number[];
  /** True when the leader came from outside the ISR (records may be lost). */
  unclean: boolean;
}

/**
 * Offline partition election: the first live replica in the ISR; with unclean election enabled, the
 * first live replica at all (its ISR becomes just itself).
 */
export function electOffline(
  p: PartitionRegistration,
  isLive: (id: number) => boolean,
  uncleanEnabled: boolean,
): ElectionResult | undefined {
  const clean = p.replicas.find((r) => isLive(r) && p.isr.includes(r));
  if (clean !== undefined) return { leader: clean, isr: p.isr.filter(isLive), unclean: false };
  if (!uncleanEnabled) return undefined;
  const dirty = p.replicas.find(isLive);
  return dirty === undefined ? undefined : { leader: dirty, isr: [dirty], unclean: true };
}

/** Controlled-shutdown election: the first live ISR replica that is not shutting down. */
export function electForShutdown(
  p: PartitionRegistration,
  isLive: (id: number) => boolean,
  shuttingDown: (id: number) => boolean,
): ElectionResult | undefined {
  const leader = p.replicas.find((r) => isLive(r) && p.isr.includes(r) && !shuttingDown(r));
  if (leader === undefined) return undefined;
  return { leader, isr: p.isr.filter((r) => !shuttingDown(r)), unclean: false };
}

/** Preferred election: the first replica in the assignment, if it is live and in the ISR. */
export function electPreferred(
  p: PartitionRegistration,
  isLive: (id: number) => boolean,
): ElectionResult | undefined {
  const preferred = p.replicas[0];
  if (preferred === undefined || !isLive(preferred) || !p.isr.includes(preferred)) return undefined;
  return { leader: preferred, isr: p.isr, unclean: false };
}
