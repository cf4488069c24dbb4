/**
 * `kafka-consumer-groups --reset-offsets`: ConsumerGroupService.resetOffsets, getPartitionsToReset,
 * prepareOffsetsToReset (every scenario), checkOffsetsRange, exportOffsetsToCsv and
 * printOffsetsToReset of Kafka 3.9's ConsumerGroupCommand.java. Offsets are committed only for
 * Empty or unknown (Dead) groups, with `--execute`, through an OffsetCommit of generation -1.
 * The table uses the fixed layout (one line per row, trunk #17058); 3.9.0 ran the rows together.
 */
import type { TopicPartitionRef } from '../../../../sim/index';
import { VirtualFs } from '../../../host/virtualFs';
import { printUsageAndExit, specToString } from '../../../options/index';
import { log4jLine } from '../common/log4j';
import type { Op } from './coroutine';
import { get } from './coroutine';
import { optionSet, RESET_SCENARIOS } from './consumerGroupCommandOptions';
import type { ConsumerGroupService, LogOffsetResult } from './consumerGroupService';
import { wrapRuntime } from './consumerGroupService';
import { getDateTime, parseDurationMs } from './javaTime';
import {
  executionException,
  illegalArgument,
  JavaThrowable,
  kafkaException,
  runtimeException,
} from './javaThrowable';
import { ExitRequest } from './exitRequest';
import { hashMapOrder, stringHashMapOrder, tpKey, tpString } from './topicPartitions';

/** A prepared offset per partition, in the HashMap order Java iterates it. */
export type PreparedOffsets = (TopicPartitionRef & { offset: number })[];

const LOGGER = 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand';

/** `resetOffsets()`: the offsets to reset (or reset) for each group, in HashMap order. */
export function* resetOffsets(svc: ConsumerGroupService): Op<[string, PreparedOffsets][]> {
  const options = svc.options;
  const groupIds = options.has('all-groups')
    ? yield* svc.listConsumerGroups()
    : options.valuesOf('group');
  const result = new Map<string, PreparedOffsets>();
  for (const groupId of stringHashMapOrder(groupIds)) {
    let state: string;
    try {
      state = (yield* get(svc.admin.describeGroup(groupId))).state;
    } catch (e) {
      throw wrapRuntime(e, 'resetOffsets');
    }
    if (state === 'Empty' || state === 'Dead') {
      try {
        const partitions = yield* getPartitionsToReset(svc, groupId);
        const prepared = yield* prepareOffsetsToReset(svc, groupId, partitions);
        const dryRun = options.has('dry-run') || !options.has('execute');
        if (!dryRun) {
          const errors = yield* get(svc.admin.alterGroupOffsets(groupId, prepared));
          const failed = errors.find((e) => e.error !== 'NONE');
          if (failed && failed.error !== 'NONE')
            throw executionException(kafkaException(failed.error));
        }
        result.set(groupId, prepared);
      } catch (e) {
        throw wrapRuntime(e, 'resetOffsets');
      }
    } else {
      svc.printError(
        `Assignments can only be reset if the group '${groupId}' is inactive, but the current state is ${state}.`,
      );
      result.set(groupId, []);
    }
  }
  return stringHashMapOrder([...result.keys()]).map((g) => [g, result.get(g)!]);
}

/** `printOffsetsToReset`: `%-30s %-30s %-10s %-15s` rows under a blank line and the header. */
export function printOffsetsToReset(
  svc: ConsumerGroupService,
  groups: [string, PreparedOffsets][],
): void {
  if (groups.length === 0) return;
  const line = (cells: string[]) =>
    `${cells[0]!.padEnd(30)} ${cells[1]!.padEnd(30)} ${cells[2]!.padEnd(10)} ${cells[3]!.padEnd(15)}\n`;
  let out = `\n${line(['GROUP', 'TOPIC', 'PARTITION', 'NEW-OFFSET'])}`;
  for (const [groupId, offsets] of groups)
    for (const o of offsets) out += line([groupId, o.topic, String(o.partition), String(o.offset)]);
  svc.out(out);
}

/** `exportOffsetsToCsv`: `topic,partition,offset` lines (with the group first for several groups). */
export function exportOffsetsToCsv(
  svc: ConsumerGroupService,
  groups: [string, PreparedOffsets][],
): string {
  const singleGroup = svc.options.valuesOf('group').length === 1;
  return groups
    .flatMap(([groupId, offsets]) =>
      offsets.map((o) =>
        singleGroup
          ? `${o.topic},${o.partition},${o.offset}\n`
          : `${groupId},${o.topic},${o.partition},${o.offset}\n`,
      ),
    )
    .join('');
}

/** `parseTopicsWithPartitions("topic:0,1")`; a malformed argument is an IllegalArgumentException. */
export function parseTopicsWithPartitions(topicArg: string): TopicPartitionRef[] {
  const arr = topicArg.split(':');
  while (arr.length > 0 && arr[arr.length - 1] === '') arr.pop();
  if (arr.length !== 2)
    throw illegalArgument(`Invalid topic arg '${topicArg}', expected topic name and partitions`);
  const [topic, partitions] = arr as [string, string];
  const items = partitions.split(',');
  while (items.length > 0 && items[items.length - 1] === '') items.pop();
  return items.map((p) => {
    const n = /^[+-]?\d+$/.test(p) ? Number(p) : NaN;
    if (!Number.isInteger(n) || n > 2147483647 || n < -2147483648)
      throw illegalArgument(`Invalid partition '${p}' specified in topic arg '${topicArg}''`);
    return { topic, partition: n };
  });
}

/** `parseTopicPartitionsToReset`: `t:0,1` as given, then every partition of each plain `t`. */
function* parseTopicPartitionsToReset(
  svc: ConsumerGroupService,
  topicArgs: string[],
): Op<TopicPartitionRef[]> {
  const specified = topicArgs.filter((t) => t.includes(':')).flatMap(parseTopicsWithPartitions);
  const topics = topicArgs.filter((t) => !t.includes(':'));
  if (topics.length > 0) {
    const described = yield* get(svc.admin.describeTopics([...new Set(topics)]));
    for (const t of described) {
      if (t.error !== 'NONE') throw executionException(kafkaException(t.error));
    }
    for (const name of stringHashMapOrder(described.map((t) => t.name)))
      for (const partition of described.find((t) => t.name === name)!.partitions)
        specified.push({ topic: name, partition });
  }
  return specified;
}

/** `getPartitionsToReset`: the committed partitions, the `--topic` ones, or none for `--from-file`. */
function* getPartitionsToReset(
  svc: ConsumerGroupService,
  groupId: string,
): Op<TopicPartitionRef[]> {
  const options = svc.options;
  if (options.has('all-topics'))
    return [...(yield* svc.getCommittedOffsets(groupId)).values()].map((c) => c.tp);
  if (options.has('topic'))
    return yield* parseTopicPartitionsToReset(svc, options.valuesOf('topic'));
  if (!options.has('from-file'))
    throw new ExitRequest(
      printUsageAndExit(
        options.specs,
        'One of the reset scopes should be defined: --all-topics, --topic.',
      ),
    );
  return [];
}

/** Collectors.toMap over `partitions` with `value`: the prepared offsets in HashMap order. */
function toMap(
  partitions: readonly TopicPartitionRef[],
  value: (tp: TopicPartitionRef) => number,
): PreparedOffsets {
  return hashMapOrder(partitions).map((tp) => ({
    topic: tp.topic,
    partition: tp.partition,
    offset: value(tp),
  }));
}

function logOffsetOrExit(
  svc: ConsumerGroupService,
  result: LogOffsetResult | undefined,
  what: string,
  tp: TopicPartitionRef,
): number {
  if (result?.kind === 'offset') return result.value;
  throw new ExitRequest(
    printUsageAndExit(
      svc.options.specs,
      `Error getting ${what} of topic partition: ${tpString(tp)}`,
    ),
  );
}

function* prepareOffsetsToReset(
  svc: ConsumerGroupService,
  groupId: string,
  partitions: TopicPartitionRef[],
): Op<PreparedOffsets> {
  const options = svc.options;
  if (options.has('to-offset')) {
    const offset = Number(options.longValueOf('to-offset'));
    return yield* checkOffsetsRange(
      svc,
      toMap(partitions, () => offset),
    );
  }
  if (options.has('to-earliest')) {
    const start = yield* svc.getLogOffsets(partitions, 'earliest');
    return toMap(partitions, (tp) =>
      logOffsetOrExit(svc, start.get(tpKey(tp)), 'starting offset', tp),
    );
  }
  if (options.has('to-latest')) {
    const end = yield* svc.getLogOffsets(partitions, 'latest');
    return toMap(partitions, (tp) => logOffsetOrExit(svc, end.get(tpKey(tp)), 'ending offset', tp));
  }
  if (options.has('shift-by')) {
    const committed = yield* svc.getCommittedOffsets(groupId);
    const requested = toMap(partitions, (tp) => {
      const shiftBy = Number(options.longValueOf('shift-by'));
      const current = committed.get(tpKey(tp));
      if (!current)
        throw illegalArgument(
          `Cannot shift offset for partition ${tpString(tp)} since there is no current committed offset`,
        );
      return current.offset + shiftBy;
    });
    return yield* checkOffsetsRange(svc, requested);
  }
  if (options.has('to-datetime')) {
    let timestamp: number;
    try {
      timestamp = getDateTime(options.valueOf('to-datetime')!);
    } catch (e) {
      throw e instanceof JavaThrowable ? runtimeException(e, 'prepareOffsetsToReset') : e;
    }
    const byTime = yield* getLogTimestampOffsets(svc, partitions, timestamp);
    return toMap(partitions, (tp) =>
      logOffsetOrExit(svc, byTime.get(tpKey(tp)), 'offset by timestamp', tp),
    );
  }
  if (options.has('by-duration')) {
    const duration = parseDurationMs(options.valueOf('by-duration')!);
    const timestamp = svc.ctx.clock.wallClockMs() - duration;
    const byTime = yield* getLogTimestampOffsets(svc, partitions, timestamp);
    return toMap(partitions, (tp) =>
      logOffsetOrExit(svc, byTime.get(tpKey(tp)), 'offset by timestamp', tp),
    );
  }
  if (options.has('from-file')) {
    const plan = resetPlanFromFile(svc).get(groupId);
    if (!plan) {
      svc.printError(`No reset plan for group ${groupId} found`);
      return [];
    }
    return yield* checkOffsetsRange(svc, hashMapOrder(plan));
  }
  if (options.has('to-current')) {
    const committed = yield* svc.getCommittedOffsets(groupId);
    const withCommitted = partitions.filter((tp) => committed.has(tpKey(tp)));
    const without = partitions.filter((tp) => !committed.has(tpKey(tp)));
    const end = yield* svc.getLogOffsets(without, 'latest');
    const offsets = new Map<string, number>();
    for (const tp of withCommitted) offsets.set(tpKey(tp), committed.get(tpKey(tp))!.offset);
    for (const tp of without)
      offsets.set(tpKey(tp), logOffsetOrExit(svc, end.get(tpKey(tp)), 'ending offset', tp));
    return toMap([...hashMapOrder(withCommitted), ...hashMapOrder(without)], (tp) =>
      offsets.get(tpKey(tp))!,
    );
  }
  const scenarios = optionSet(RESET_SCENARIOS)
    .map((n) => specToString(options.spec(n)))
    .join(', ');
  throw new ExitRequest(
    printUsageAndExit(
      options.specs,
      `Option '${specToString(options.spec('reset-offsets'))}' requires one of the following scenarios: [${scenarios}]`,
    ),
  );
}

/**
 * `checkOffsetsRange`: offsets above the log end or below the log start are clamped, each with
 * a WARN log line on stderr (tools-log4j.properties).
 */
function* checkOffsetsRange(
  svc: ConsumerGroupService,
  requested: PreparedOffsets,
): Op<PreparedOffsets> {
  const start = yield* svc.getLogOffsets(requested, 'earliest');
  const end = yield* svc.getLogOffsets(requested, 'latest');
  const result = new Map<string, number>();
  const warn = (message: string) =>
    svc.ctx.stderr(log4jLine(svc.ctx.clock.wallClockMs(), 'WARN', message, LOGGER));
  for (const r of requested) {
    const logEnd = end.get(tpKey(r));
    const logStart = start.get(tpKey(r));
    if (logEnd?.kind === 'offset' && r.offset > logEnd.value) {
      warn(
        `New offset (${r.offset}) is higher than latest offset for topic partition ${tpString(r)}. Value will be set to ${logEnd.value}`,
      );
      result.set(tpKey(r), logEnd.value);
    } else if (logStart?.kind === 'offset' && r.offset < logStart.value) {
      warn(
        `New offset (${r.offset}) is lower than earliest offset for topic partition ${tpString(r)}. Value will be set to ${logStart.value}`,
      );
      result.set(tpKey(r), logStart.value);
    } else {
      result.set(tpKey(r), r.offset);
    }
  }
  return toMap(requested, (tp) => result.get(tpKey(tp))!);
}

/**
 * `getLogTimestampOffsets`: the first offset at or after `timestamp`; partitions with none print
 * a `Warn:` line on stdout and fall back to the log end offset.
 */
function* getLogTimestampOffsets(
  svc: ConsumerGroupService,
  partitions: TopicPartitionRef[],
  timestamp: number,
): Op<Map<string, LogOffsetResult>> {
  const listed = yield* svc.listOffsets(partitions, timestamp, 'getLogTimestampOffsets');
  const ordered = hashMapOrder([...listed.values()]);
  const result = new Map<string, LogOffsetResult>();
  const unsuccessful: TopicPartitionRef[] = [];
  for (const l of ordered) {
    if (l.offset !== -1) result.set(tpKey(l), { kind: 'offset', value: l.offset });
    else unsuccessful.push(l);
  }
  for (const tp of hashMapOrder(unsuccessful))
    svc.out(
      `\nWarn: Partition ${tp.partition} from topic ${tp.topic} is empty. Falling back to latest known offset.\n`,
    );
  const end = yield* svc.getLogOffsets(unsuccessful, 'latest');
  for (const [key, value] of end) result.set(key, value);
  return result;
}

/**
 * `resetPlanFromFile` + `parseResetPlan`: `topic,partition,offset` lines for a single `--group`,
 * else `group,topic,partition,offset`.
 */
function resetPlanFromFile(svc: ConsumerGroupService): Map<string, PreparedOffsets> {
  const path = svc.options.valueOf('from-file')!;
  const text = svc.ctx.fs.read(VirtualFs.resolve(svc.ctx.cwd, path));
  if (text === undefined)
    throw runtimeException(
      new JavaThrowable('java.nio.file.NoSuchFileException', path),
      'resetPlanFromFile',
    );
  const lines = text.split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const groups = svc.options.valuesOf('group');
  const oldFormat = lines.length > 0 && lines[0]!.split(',').length === 3;
  const plan = new Map<string, PreparedOffsets>();
  for (const line of lines) {
    const fields = line.split(',');
    const withGroup = !(groups.length === 1 && oldFormat);
    const [group, topic, partition, offset] = withGroup ? fields : [groups[0]!, ...fields];
    if (
      fields.length !== (withGroup ? 4 : 3) ||
      !/^-?\d+$/.test(partition ?? '') ||
      !/^-?\d+$/.test(offset ?? '')
    )
      throw runtimeException(
        new JavaThrowable(
          'com.fasterxml.jackson.databind.RuntimeJsonMappingException',
          `Cannot parse CSV line '${line}'`,
        ),
        'parseResetPlan',
      );
    plan.set(group!, [
      ...(plan.get(group!) ?? []),
      { topic: topic!, partition: Number(partition), offset: Number(offset) },
    ]);
  }
  return plan;
}
