/**
 * The group coordinator of the clients' fake cluster (tests only): the real GroupCoordinator on
 * one broker, leading every partition of a 4-partition in-memory __consumer_offsets.
 */
import type { EventBus } from '../../events/bus';
import { GroupCoordinator } from '../../groups/groupCoordinator';
import type { OffsetsTopicRecord } from '../../groups/offsetsTopicRecords';
import type { GroupRequest } from '../../groups/protocol';
import { Prng } from '../../random/prng';
import type { Scheduler } from '../../time/scheduler';

const OFFSETS_PARTITIONS = 4;

/** A coordinator for every group, on broker `brokerId`. */
export function createFakeCoordinator(
  scheduler: Scheduler,
  bus: EventBus,
  brokerId: number,
  groupInitialRebalanceDelayMs: number,
  partitionCount: (topic: string) => number | undefined,
): GroupCoordinator {
  const uuids = new Prng(7).fork('coordinator');
  const offsetsLog = new Map<number, OffsetsTopicRecord[]>();
  const coordinator = new GroupCoordinator({
    brokerId,
    now: () => scheduler.now,
    schedule: (ms, fn) => scheduler.schedule(ms, fn),
    cancel: (id) => scheduler.cancel(id),
    emit: (type, fields) => bus.emit(type, fields),
    rng: { uuid: () => uuids.uuid() },
    config: {
      groupInitialRebalanceDelayMs,
      groupMinSessionTimeoutMs: 6000,
      groupMaxSessionTimeoutMs: 1_800_000,
      offsetsTopicPartitions: OFFSETS_PARTITIONS,
    },
    appendToOffsetsTopic: (partition, records, cb) =>
      scheduler.schedule(1, () => {
        const log = offsetsLog.get(partition) ?? [];
        log.push(...records);
        offsetsLog.set(partition, log);
        cb('NONE');
      }),
    partitionCount,
  });
  for (let p = 0; p < OFFSETS_PARTITIONS; p++) coordinator.onElection(p, []);
  return coordinator;
}

/** The answer of a broker that does not coordinate the group. */
export function notCoordinator(r: GroupRequest): unknown {
  if (r.api === 'OffsetCommit') {
    return {
      api: r.api,
      partitions: r.offsets.map((o) => ({
        topic: o.topic,
        partition: o.partition,
        error: 'NOT_COORDINATOR',
      })),
    };
  }
  return {
    api: r.api,
    error: 'NOT_COORDINATOR',
    partitions: [],
    members: [],
    assignment: [],
    generationId: -1,
    leader: '',
    skipAssignment: false,
    memberId: '',
  };
}
