/**
 * Helpers for the assignor tests (imported by `*.test.ts` only): Kafka's test notation for
 * partitions, the checks of Kafka's assignor tests, and random inputs for property tests.
 * Checks return a list of problems (empty when the check passes) so tests can `expect(...).toEqual([])`.
 */
import fc from 'fast-check';
import { compareJavaStrings } from './javaHash';
import type { AssignorInput, AssignorMember, TopicPartitionRef } from './types';

/** An assignment as the tests handle it. */
export type AssignmentLike =
  ReadonlyMap<string, readonly TopicPartitionRef[]> | Record<string, readonly TopicPartitionRef[]>;

const entriesOf = (a: AssignmentLike): [string, readonly TopicPartitionRef[]][] =>
  a instanceof Map ? [...a.entries()] : Object.entries(a);

/** `"t1-0, t1-3"` → partitions, as Kafka's rack tests write them (`""` → none). */
export function tps(list: string): TopicPartitionRef[] {
  if (list.trim() === '') return [];
  return list.split(',').map((item) => {
    const s = item.trim();
    const dash = s.lastIndexOf('-');
    return { topic: s.slice(0, dash), partition: Number(s.slice(dash + 1)) };
  });
}

/** Partitions in their order, as `"t1-0, t1-3"`. */
export function fmt(partitions: readonly TopicPartitionRef[]): string {
  return partitions.map((tp) => `${tp.topic}-${tp.partition}`).join(', ');
}

/** Partitions sorted by their string form, as Kafka's `toSortedString`. */
export function fmtSorted(partitions: readonly TopicPartitionRef[]): string {
  return partitions
    .map((tp) => `${tp.topic}-${tp.partition}`)
    .sort(compareJavaStrings)
    .join(', ');
}

/** Every member's partitions in order, `{ memberId: "t-0, t-1" }`. */
export function fmtAll(assignment: AssignmentLike, sorted = false): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [member, partitions] of entriesOf(assignment)) {
    out[member] = sorted ? fmtSorted(partitions) : fmt(partitions);
  }
  return out;
}

/** Kafka's `isFullyBalanced`: partition counts differ by at most one. */
export function isFullyBalanced(assignment: AssignmentLike): boolean {
  const sizes = entriesOf(assignment).map(([, partitions]) => partitions.length);
  return sizes.length === 0 || Math.max(...sizes) - Math.min(...sizes) <= 1;
}

/**
 * Kafka's `AbstractStickyAssignorTest.verifyValidityAndBalance`: every member subscribes to the
 * topics of its partitions, no partition goes to two members, and when two members' counts differ
 * by 2+ they hold no partitions of a common topic.
 */
export function validityAndBalanceProblems(
  members: readonly AssignorMember[],
  assignment: AssignmentLike,
): string[] {
  const problems: string[] = [];
  const topicsOf = new Map(members.map((m) => [m.memberId, new Set(m.topics)]));
  const entries = entriesOf(assignment).sort(([a], [b]) => compareJavaStrings(a, b));
  if (entries.length !== members.length)
    problems.push('assignment and subscriptions differ in size');
  for (let i = 0; i < entries.length; i++) {
    const [consumer, partitions] = entries[i]!;
    for (const tp of partitions) {
      if (!topicsOf.get(consumer)?.has(tp.topic)) {
        problems.push(
          `${tp.topic}-${tp.partition} is assigned to ${consumer}, not subscribed to it`,
        );
      }
    }
    for (let j = i + 1; j < entries.length; j++) {
      const [other, otherPartitions] = entries[j]!;
      const mine = new Set(partitions.map((tp) => `${tp.topic}-${tp.partition}`));
      const common = otherPartitions.filter((tp) => mine.has(`${tp.topic}-${tp.partition}`));
      if (common.length > 0) problems.push(`${consumer} and ${other} share ${fmt(common)}`);
      if (Math.abs(partitions.length - otherPartitions.length) <= 1) continue;
      const otherTopics = new Set(otherPartitions.map((tp) => tp.topic));
      for (const topic of new Set(partitions.map((tp) => tp.topic))) {
        if (otherTopics.has(topic)) {
          problems.push(
            `${topic} partitions could move between ${consumer} and ${other} for balance`,
          );
        }
      }
    }
  }
  return problems;
}

/**
 * The property every assignor must keep: each partition of a subscribed, existing topic goes to
 * exactly one member, and that member subscribes to its topic; every member is present.
 */
export function coverageProblems(input: AssignorInput, assignment: AssignmentLike): string[] {
  const problems: string[] = [];
  const owners = new Map<string, string[]>();
  const topicsOf = new Map(input.members.map((m) => [m.memberId, new Set(m.topics)]));
  const entries = entriesOf(assignment);
  for (const member of input.members) {
    if (!entries.some(([id]) => id === member.memberId))
      problems.push(`${member.memberId} missing`);
  }
  for (const [member, partitions] of entries) {
    for (const tp of partitions) {
      const key = `${tp.topic}-${tp.partition}`;
      owners.set(key, [...(owners.get(key) ?? []), member]);
      if (!topicsOf.get(member)?.has(tp.topic))
        problems.push(`${key} given to non-subscriber ${member}`);
      const count = input.partitionsPerTopic[tp.topic] ?? 0;
      if (tp.partition < 0 || tp.partition >= count) problems.push(`${key} does not exist`);
    }
  }
  const subscribed = new Set(input.members.flatMap((m) => m.topics));
  for (const topic of subscribed) {
    for (let p = 0; p < (input.partitionsPerTopic[topic] ?? 0); p++) {
      const n = owners.get(`${topic}-${p}`)?.length ?? 0;
      if (n !== 1) problems.push(`${topic}-${p} assigned ${n} times`);
    }
  }
  return problems;
}

/**
 * Random assignor inputs: up to 4 topics of 0–6 partitions (plus a subscribed topic that does not
 * exist), up to 6 members with random subscriptions, some static, with random owned partitions
 * (possibly claimed twice) and generations.
 */
export function assignorInputArbitrary(
  options: { sameGeneration?: boolean; disjointOwnership?: boolean } = {},
): fc.Arbitrary<AssignorInput> {
  const topics = ['t0', 't1', 't2', 't3'];
  return fc
    .record({
      counts: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 4, maxLength: 4 }),
      members: fc.array(
        fc.record({
          topics: fc.subarray([...topics, 'missing']),
          instance: fc.option(fc.constantFrom('i0', 'i1', 'i2', 'i3', 'i4', 'i5'), {
            nil: undefined,
          }),
          ownedSeeds: fc.array(fc.tuple(fc.nat(3), fc.nat(5)), { maxLength: 6 }),
          generation: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
    })
    .map(({ counts, members }) => {
      const partitionsPerTopic: Record<string, number> = {};
      topics.forEach((topic, i) => {
        if (counts[i]! > 0) partitionsPerTopic[topic] = counts[i]!;
      });
      const usedInstances = new Set<string>();
      const claimed = new Set<string>();
      const out: AssignorMember[] = members.map((m, index) => {
        const owned: TopicPartitionRef[] = [];
        for (const [t, p] of m.ownedSeeds) {
          const topic = topics[t]!;
          const count = partitionsPerTopic[topic] ?? 0;
          if (count === 0) continue;
          const tp = { topic, partition: p % count };
          const key = `${tp.topic}-${tp.partition}`;
          if (owned.some((o) => o.topic === tp.topic && o.partition === tp.partition)) continue;
          if (options.disjointOwnership && claimed.has(key)) continue;
          claimed.add(key);
          owned.push(tp);
        }
        const member: AssignorMember = {
          memberId: `member-${index}`,
          topics: m.topics,
          ownedPartitions: owned,
        };
        if (m.instance !== undefined && !usedInstances.has(m.instance)) {
          usedInstances.add(m.instance);
          member.groupInstanceId = m.instance;
        }
        const generation = options.sameGeneration ? 1 : m.generation;
        if (generation !== undefined) member.generation = generation;
        return member;
      });
      return { partitionsPerTopic, members: out };
    });
}
