/**
 * Test fixture for the group protocol (used by `*.test.ts` here only): GroupCoordinators on a real
 * Scheduler, a shared in-memory __consumer_offsets log, and GroupMembers over a fake transport with
 * a 1 ms delay each way. Also two tiny assignors, so the tests do not depend on src/sim/assignors.
 */
import type { Assignor } from '../assignors/types';
import type { SimEvent } from '../events/bus';
import { EventBus } from '../events/bus';
import { Prng } from '../random/prng';
import { Scheduler } from '../time/scheduler';
import { GroupCoordinator, type GroupCoordinatorConfig } from './groupCoordinator';
import { GroupMember, type GroupMemberConfig } from './memberClient';
import type { OffsetsTopicRecord } from './offsetsTopicRecords';
import { partitionForGroup } from './partitionForGroup';
import type { GroupRequest, ResponseFor, TopicPartitionRef } from './protocol';

/** Range-like: each member subscribing to a topic gets a contiguous slice, first members get the extra. */
export const testRangeAssignor: Assignor = {
  name: 'range',
  assign({ partitionsPerTopic, members }) {
    const out: Record<string, TopicPartitionRef[]> = {};
    for (const m of members) out[m.memberId] = [];
    for (const [topic, count] of Object.entries(partitionsPerTopic)) {
      const subs = members
        .filter((m) => m.topics.includes(topic))
        .map((m) => m.memberId)
        .sort();
      subs.forEach((id, i) => {
        const base = Math.floor(count / subs.length);
        const extra = count % subs.length;
        const start = i * base + Math.min(i, extra);
        const n = base + (i < extra ? 1 : 0);
        for (let p = start; p < start + n; p++) out[id]!.push({ topic, partition: p });
      });
    }
    return out;
  },
};

/** Sticky-like, for one-topic tests: owners keep up to their fair share; the rest goes to the neediest. */
export const testCooperativeStickyAssignor: Assignor = {
  name: 'cooperative-sticky',
  assign({ partitionsPerTopic, members }) {
    const all = Object.entries(partitionsPerTopic).flatMap(([topic, n]) =>
      Array.from({ length: n }, (_, partition) => ({ topic, partition })),
    );
    const ids = members.map((m) => m.memberId).sort();
    const quota = (i: number) =>
      Math.floor(all.length / ids.length) + (i < all.length % ids.length ? 1 : 0);
    const out: Record<string, TopicPartitionRef[]> = Object.fromEntries(ids.map((id) => [id, []]));
    const taken = new Set<string>();
    const byOwned = [...members].sort(
      (a, b) => (b.ownedPartitions?.length ?? 0) - (a.ownedPartitions?.length ?? 0),
    );
    byOwned.forEach((m) => {
      const limit = quota(ids.indexOf(m.memberId));
      for (const tp of m.ownedPartitions ?? []) {
        const key = `${tp.topic}:${tp.partition}`;
        if (
          out[m.memberId]!.length < limit &&
          !taken.has(key) &&
          partitionsPerTopic[tp.topic]! > tp.partition
        ) {
          out[m.memberId]!.push(tp);
          taken.add(key);
        }
      }
    });
    for (const tp of all) {
      if (taken.has(`${tp.topic}:${tp.partition}`)) continue;
      const target = [...ids].sort(
        (a, b) => out[a]!.length - out[b]!.length || (a < b ? -1 : 1),
      )[0]!;
      out[target]!.push(tp);
    }
    return out;
  },
};

/** A member under test with the partitions its callbacks reported. */
export interface TestMember {
  member: GroupMember;
  /** Partitions currently held according to the rebalance callbacks. */
  held: TopicPartitionRef[];
  calls: { kind: 'assigned' | 'revoked' | 'lost'; at: number; partitions: TopicPartitionRef[] }[];
  /** Stops calling poll() (a stuck poll loop). */
  stopPolling(): void;
  /** Starts calling poll() again. */
  resumePolling(): void;
}

/** Options of {@link GroupTestKit}. */
export interface GroupTestKitOptions {
  brokers?: number;
  topics?: Record<string, number>;
  config?: Partial<GroupCoordinatorConfig>;
  /** Delay of every append to __consumer_offsets, ms. */
  appendDelayMs?: number;
}

/** Coordinators, the offsets log and members on one virtual clock. */
export class GroupTestKit {
  readonly scheduler = new Scheduler();
  readonly bus = new EventBus(this.scheduler);
  readonly events: SimEvent[] = [];
  readonly topics: Record<string, number>;
  readonly log = new Map<number, OffsetsTopicRecord[]>();
  readonly coordinators: GroupCoordinator[] = [];
  readonly config: GroupCoordinatorConfig;
  private readonly leader = new Map<number, number>();
  private readonly prng = new Prng(42);

  constructor(options: GroupTestKitOptions = {}) {
    this.topics = { ...(options.topics ?? { orders: 6 }) };
    this.config = {
      groupInitialRebalanceDelayMs: 3000,
      groupMinSessionTimeoutMs: 6000,
      groupMaxSessionTimeoutMs: 1_800_000,
      offsetsTopicPartitions: 50,
      ...options.config,
    };
    this.bus.subscribe((e) => this.events.push(e));
    const appendDelay = options.appendDelayMs ?? 1;
    for (let brokerId = 0; brokerId < (options.brokers ?? 2); brokerId++) {
      const uuids = this.prng.fork(`broker-${brokerId}`);
      this.coordinators.push(
        new GroupCoordinator({
          brokerId,
          now: () => this.scheduler.now,
          schedule: (ms, fn) => this.scheduler.schedule(ms, fn),
          cancel: (id) => this.scheduler.cancel(id),
          emit: (type, fields) => this.bus.emit(type, fields),
          rng: { uuid: () => uuids.uuid() },
          config: this.config,
          appendToOffsetsTopic: (partition, records, cb) =>
            this.scheduler.schedule(appendDelay, () => {
              if (this.leader.get(partition) !== brokerId) return cb('NOT_LEADER_OR_FOLLOWER');
              this.recordsOf(partition).push(...records);
              cb('NONE');
            }),
          partitionCount: (topic) => this.topics[topic],
        }),
      );
    }
    for (let p = 0; p < this.config.offsetsTopicPartitions; p++) this.elect(p, 0);
  }

  /** Records of one __consumer_offsets partition. */
  recordsOf(partition: number): OffsetsTopicRecord[] {
    let records = this.log.get(partition);
    if (!records) this.log.set(partition, (records = []));
    return records;
  }

  /** Makes `brokerId` leader of `partition`: the old leader resigns, the new one replays the log. */
  elect(partition: number, brokerId: number): void {
    const previous = this.leader.get(partition);
    if (previous !== undefined) this.coordinators[previous]!.onResignation(partition);
    this.leader.set(partition, brokerId);
    this.coordinators[brokerId]!.onElection(partition, this.recordsOf(partition));
  }

  /** The coordinator of `groupId` (FindCoordinator). */
  coordinatorOf(groupId: string): GroupCoordinator {
    return this.coordinators[
      this.leader.get(partitionForGroup(groupId, this.config.offsetsTopicPartitions))!
    ]!;
  }

  /** A member with Kafka's default timeouts, polling every `pollEveryMs`, subscribed to every topic by default. */
  addMember(
    config: Partial<GroupMemberConfig> & { clientId: string },
    options: { pollEveryMs?: number; subscription?: string[] } = {},
  ): TestMember {
    const pollEveryMs = options.pollEveryMs ?? 100;
    const full: GroupMemberConfig = {
      groupId: 'g',
      sessionTimeoutMs: 45_000,
      heartbeatIntervalMs: 3000,
      maxPollIntervalMs: 300_000,
      assignors: [testRangeAssignor],
      ...config,
    };
    let broker = this.coordinatorOf(full.groupId).brokerId;
    let polling = true;
    const tm: TestMember = {
      member: undefined as unknown as GroupMember,
      held: [],
      calls: [],
      stopPolling: () => {
        polling = false;
      },
      resumePolling: () => {
        polling = true;
        loop();
      },
    };
    const record = (kind: 'assigned' | 'revoked' | 'lost', parts: TopicPartitionRef[]) => {
      tm.calls.push({ kind, at: this.scheduler.now, partitions: parts });
      const keys = new Set(parts.map((p) => `${p.topic}:${p.partition}`));
      if (kind === 'assigned') tm.held = [...tm.held, ...parts];
      else tm.held = tm.held.filter((p) => !keys.has(`${p.topic}:${p.partition}`));
    };
    tm.member = new GroupMember(full, {
      send: <R extends GroupRequest>(request: R, onResponse: (r: ResponseFor<R>) => void) => {
        const target = broker;
        this.scheduler.schedule(1, () =>
          this.coordinators[target]!.handle(request, (response) =>
            this.scheduler.schedule(1, () => onResponse(response)),
          ),
        );
      },
      now: () => this.scheduler.now,
      schedule: (ms, fn) => this.scheduler.schedule(ms, fn),
      cancel: (id) => this.scheduler.cancel(id),
      emit: (type, fields) => this.bus.emit(type, fields),
      onPartitionsAssigned: (p) => record('assigned', p),
      onPartitionsRevoked: (p) => record('revoked', p),
      onPartitionsLost: (p) => record('lost', p),
      getSubscription: () => options.subscription ?? Object.keys(this.topics),
      partitionsPerTopic: () => ({ ...this.topics }),
      onCoordinatorUnknown: () =>
        this.scheduler.schedule(1, () => {
          broker = this.coordinatorOf(full.groupId).brokerId;
          tm.member.coordinatorChanged();
        }),
    });
    let loopTimer: number | undefined;
    const loop = (): void => {
      if (loopTimer !== undefined) this.scheduler.cancel(loopTimer);
      loopTimer = undefined;
      if (!polling || tm.member.closed) return;
      tm.member.poll();
      loopTimer = this.scheduler.schedule(pollEveryMs, loop);
    };
    loop();
    return tm;
  }

  /** Advances virtual time by `ms`. */
  run(ms: number): void {
    this.scheduler.advance(ms);
  }

  /** Events of one type. */
  eventsOf(type: string): SimEvent[] {
    return this.events.filter((e) => e.type === type);
  }
}

/** `topic-partition` strings, sorted, for compact assertions. */
export function names(tps: readonly TopicPartitionRef[]): string[] {
  return tps.map((tp) => `${tp.topic}-${tp.partition}`).sort();
}
