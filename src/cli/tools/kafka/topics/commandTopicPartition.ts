/**
 * `TopicCommand.CommandTopicPartition` (Kafka 3.9): what --create and --alter read from the command
 * line — the topic name, --partitions, --replication-factor, --replica-assignment
 * (`parseReplicaAssignment`) and --config (`parseTopicConfigsToBeAdded`, then `LogConfig.validate`).
 * Each problem throws the exception the JVM would, frames included.
 */
import { validateTopicConfig } from '../../../../sim/config/topicConfigs';
import type { ParsedOptions } from '../../../options/index';
import { OptionError } from '../../../options/index';
import { apiException } from './apiExceptions';
import { JavaException, javaThrowable } from './javaThrowable';
import { LOG_CONFIG_NAMES } from './topicCommandOptions';
import {
  conversionFailure,
  executeFrames,
  invalidConfigFormat,
  invalidConfigValue,
  replicaAssignmentDuplicates,
  replicaAssignmentNotANumber,
  replicaAssignmentUneven,
} from './topicCommandTraces';

/** What `new CommandTopicPartition(opts)` holds. */
export interface CommandTopicPartition {
  readonly name: string;
  readonly partitions: number | undefined;
  readonly replicationFactor: number | undefined;
  /** Partition → broker ids; empty when --replica-assignment was not given. */
  readonly replicaAssignment: number[][];
  /** --config pairs, later keys replacing earlier ones. */
  readonly configsToAdd: Map<string, string>;
}

type Action = 'create' | 'alter';

/** Kafka 3.9's LogConfig `define` order, in which ConfigDef.parse checks values. */
const VALIDATION_ORDER = [
  'segment.bytes',
  'segment.ms',
  'retention.bytes',
  'retention.ms',
  'max.message.bytes',
  'delete.retention.ms',
  'min.compaction.lag.ms',
  'max.compaction.lag.ms',
  'file.delete.delay.ms',
  'min.cleanable.dirty.ratio',
  'cleanup.policy',
  'unclean.leader.election.enable',
  'min.insync.replicas',
  'compression.type',
  'preallocate',
  'message.timestamp.type',
  'flush.messages',
  'flush.ms',
];

/** `String.split(regex)`: like JS split, but trailing empty strings are dropped. */
export function javaSplit(s: string, separator: RegExp): string[] {
  if (s === '') return [''];
  const parts = s.split(separator);
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Reads an option's single value, turning jopt's errors into the JVM's exceptions. */
function readInt(
  opts: ParsedOptions,
  name: 'partitions' | 'replication-factor',
  action: Action,
): number | undefined {
  if (!opts.has(name)) return undefined;
  try {
    return opts.intValueOf(name);
  } catch (e) {
    if (!(e instanceof OptionError)) throw e;
    if (e.javaClass === 'joptsimple.OptionArgumentConversionException')
      throw new JavaException(conversionFailure(e, name, rejectedArgument(e), action));
    throw new JavaException(javaThrowable(e.javaClass, e.message, executeFrames(action)));
  }
}

/** The argument jopt could not convert, from `Cannot parse argument '…' of option …`. */
export function rejectedArgument(error: OptionError): string {
  return /^Cannot parse argument '([\s\S]*)' of option /.exec(error.message)?.[1] ?? '';
}

/** `parseReplicaAssignment("1:2,2:3")`. */
function parseReplicaAssignment(text: string, action: Action): number[][] {
  const result: number[][] = [];
  for (const [i, partition] of javaSplit(text, /,/).entries()) {
    const brokers = javaSplit(partition, /:/).map((raw) => {
      const entry = raw.trim();
      if (!/^[+-]?\d+$/.test(entry) || Math.abs(Number(entry)) > 2 ** 31)
        throw new JavaException(replicaAssignmentNotANumber(entry, action));
      return Number(entry);
    });
    const duplicates = [...new Set(brokers.filter((b, j) => brokers.indexOf(b) !== j))];
    if (duplicates.length > 0)
      throw new JavaException(replicaAssignmentDuplicates(duplicates.join(','), action));
    result.push(brokers);
    if (brokers.length !== (result[0] as number[]).length)
      throw new JavaException(replicaAssignmentUneven(i, brokers, action));
  }
  return result;
}

/** `parseTopicConfigsToBeAdded`: `key=val` pairs, checked by `LogConfig.validate`. */
function parseConfigs(opts: ParsedOptions, action: Action): Map<string, string> {
  const pairs = (opts.has('config') ? opts.valuesOf('config') : []).map((s) =>
    javaSplit(s, /\s*=\s*/),
  );
  if (!pairs.every((p) => p.length === 2)) throw new JavaException(invalidConfigFormat(action));
  const props = new Map<string, string>();
  for (const [key, value] of pairs) props.set((key as string).trim(), (value as string).trim());
  // LogConfig.validateNames, then ConfigDef.parse in definition order.
  for (const name of props.keys())
    if (!LOG_CONFIG_NAMES.includes(name))
      throw new JavaException(
        apiException('InvalidConfigurationException', `Unknown topic config name: ${name}`),
      );
  const ordered = [...props.keys()].sort((a, b) => rank(a) - rank(b));
  for (const name of ordered) {
    const problem = validateTopicConfig(name, props.get(name) as string);
    if (problem !== undefined && !problem.startsWith('Unknown topic config name'))
      throw new JavaException(invalidConfigValue(problem, action));
  }
  return props;
}

function rank(name: string): number {
  const i = VALIDATION_ORDER.indexOf(name);
  return i < 0 ? VALIDATION_ORDER.length : i;
}

/** `new CommandTopicPartition(opts)`, field by field in the constructor's order. */
export function commandTopicPartition(opts: ParsedOptions, action: Action): CommandTopicPartition {
  const name = opts.valuesOf('topic')[0] ?? '';
  const partitions = readInt(opts, 'partitions', action);
  const replicationFactor = readInt(opts, 'replication-factor', action);
  const assignmentText = opts.has('replica-assignment')
    ? (opts.valuesOf('replica-assignment')[0] ?? '')
    : '';
  const replicaAssignment =
    assignmentText === '' ? [] : parseReplicaAssignment(assignmentText, action);
  const configsToAdd = parseConfigs(opts, action);
  return { name, partitions, replicationFactor, replicaAssignment, configsToAdd };
}
