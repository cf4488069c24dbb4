/**
 * `kafka-get-offsets.sh` (GetOffsetShell): the offset at a time spec for each matching partition,
 * printed `topic:partition:offset`, sorted by `TopicPartition.toString()`.
 * Source: tools/src/main/java/org/apache/kafka/tools/GetOffsetShell.java (Kafka 3.9: deprecated
 * `--broker-list` still accepted; `-4 earliest-local` / `-5 latest-tiered` from KIP-1005).
 */
import {
  checkRequiredArgs,
  OptionError,
  parseOptions,
  printUsageAndExit,
  withDefaultOptions,
} from '../../../options/index';
import type { OptionSpec, ParsedOptions } from '../../../options/index';
import type { ProcessContext, Tool } from '../../../runtime/types';
import { bootstrapIds, tpString } from './adminSupport';
import type { TopicPartition } from './adminSupport';
import { adminException, JavaException, stackTrace } from './javaException';
import { awaitFuture, FutureFailure, runTask, ToolExit } from './toolTask';
import type { ToolTask } from './toolTask';

const USAGE = 'An interactive shell for getting topic-partition offsets.';
const TOPIC_PARTITION_PATTERN = '([^:,]*)(?::(?:([0-9]*)|(?:([0-9]*)-([0-9]*))))?';
const TERSE = 'org.apache.kafka.tools.TerseException';

export const getOffsetsOptions: OptionSpec[] = withDefaultOptions([
  {
    name: 'broker-list',
    description:
      'DEPRECATED, use --bootstrap-server instead; ignored if --bootstrap-server is specified. The server(s) to connect to in the form HOST1:PORT1,HOST2:PORT2.',
    argument: { kind: 'required', describedAs: 'HOST1:PORT1,...,HOST3:PORT3' },
  },
  {
    name: 'bootstrap-server',
    description: 'REQUIRED. The server(s) to connect to in the form HOST1:PORT1,HOST2:PORT2.',
    requiredUnless: ['broker-list'],
    argument: { kind: 'required', describedAs: 'HOST1:PORT1,...,HOST3:PORT3' },
  },
  {
    name: 'topic-partitions',
    description: `Comma separated list of topic-partition patterns to get the offsets for, with the format of '${TOPIC_PARTITION_PATTERN}'. The first group is an optional regex for the topic name, if omitted, it matches any topic name. The section after ':' describes a 'partition' pattern, which can be: a number, a range in the format of 'NUMBER-NUMBER' (lower inclusive, upper exclusive), an inclusive lower bound in the format of 'NUMBER-', an exclusive upper bound in the format of '-NUMBER' or may be omitted to accept all partitions.`,
    argument: { kind: 'required', describedAs: 'topic1:1,topic2:0-3,topic3,topic4:5-,topic5:-3' },
  },
  {
    name: 'topic',
    description:
      'The topic to get the offsets for. It also accepts a regular expression. If not present, all authorized topics are queried. Cannot be used if --topic-partitions is present.',
    argument: { kind: 'required', describedAs: 'topic' },
  },
  {
    name: 'partitions',
    description:
      'Comma separated list of partition ids to get the offsets for. If not present, all partitions of the authorized topics are queried. Cannot be used if --topic-partitions is present.',
    argument: { kind: 'required', describedAs: 'partition ids' },
  },
  {
    name: 'time',
    description:
      'timestamp of the offsets before that. [Note: No offset is returned, if the timestamp greater than recently committed record timestamp is given.]',
    argument: {
      kind: 'required',
      describedAs:
        '<timestamp> / -1 or latest / -2 or earliest / -3 or max-timestamp / -4 or earliest-local / -5 or latest-tiered',
      defaultValues: ['latest'],
    },
  },
  {
    name: 'command-config',
    description: 'Property file containing configs to be passed to Admin Client.',
    argument: { kind: 'required', describedAs: 'config file' },
  },
  {
    name: 'exclude-internal-topics',
    description:
      'By default, internal topics are included. If specified, internal topics are excluded.',
  },
]);

/** `OffsetSpec` as a ListOffsets timestamp; -5 (latest-tiered) finds nothing without tiered storage. */
function parseOffsetSpec(time: string): number {
  const named: Record<string, number> = {
    earliest: -2,
    latest: -1,
    'max-timestamp': -3,
    'earliest-local': -4,
    'latest-tiered': -5,
  };
  if (named[time] !== undefined) return named[time]!;
  if (!/^[+-]?\d+$/.test(time) || BigInt(time) > 2n ** 63n - 1n || BigInt(time) < -(2n ** 63n))
    throw new JavaException(
      TERSE,
      `Malformed time argument ${time}. Please use -1 or latest / -2 or earliest / -3 or max-timestamp / -4 or earliest-local / -5 or latest-tiered, or a specified long format timestamp`,
    );
  return Number(time);
}

/** `TopicFilter.IncludeList`: the raw regex cleaned as Kafka does, matched against the whole name. */
function includeList(raw: string): RegExp {
  const regex = raw
    .trim()
    .replace(/,/g, '|')
    .replace(/ /g, '')
    .replace(/^["']+/, '')
    .replace(/["']+$/, '');
  try {
    return new RegExp(`^(?:${regex})$`);
  } catch {
    throw new JavaException('java.lang.RuntimeException', `${regex} is an invalid regex.`);
  }
}

type Filter = { topic: RegExp; partition: (p: number) => boolean };

/** `createTopicPartitionFilterWithPatternList`: comma-separated `topicRegex:partitionSpec` rules. */
function patternListFilters(spec: string): Filter[] {
  return javaSplit(spec, ',').map((rule) => {
    const m = new RegExp(`^${TOPIC_PARTITION_PATTERN}$`).exec(rule);
    if (!m)
      throw new JavaException(
        'java.lang.RuntimeException',
        `${TERSE}: Invalid rule specification: ${rule}`,
      );
    const group = (g: number) => (m[g] ? m[g] : undefined);
    const topic = includeList(group(1) ?? '.*');
    if (group(2) !== undefined) {
      const only = Number(group(2));
      return { topic, partition: (p) => p === only };
    }
    const lower = group(3) !== undefined ? Number(group(3)) : 0;
    const upper = group(4) !== undefined ? Number(group(4)) : 2 ** 31 - 1;
    return { topic, partition: (p) => p >= lower && p < upper };
  });
}

/** `String.split(sep)`: trailing empty strings dropped. */
function javaSplit(s: string, sep: string): string[] {
  const parts = s.split(sep);
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** `createTopicPartitionFilterWithTopicAndPartitionPattern`. */
function topicAndPartitionsFilter(
  topic: string | undefined,
  partitions: string | undefined,
): Filter[] {
  let ids: number[] = [];
  if (partitions) {
    ids = javaSplit(partitions, ',').map((p) => {
      if (!/^[+-]?\d+$/.test(p))
        throw new JavaException(
          TERSE,
          `--partitions expects a comma separated list of numeric partition ids, but received: ${partitions}`,
        );
      return Number(p);
    });
  }
  return [
    {
      topic: includeList(topic ?? '.*'),
      partition: (p) => ids.length === 0 || ids.includes(p),
    },
  ];
}

/** Utils.getPort-based check of ToolsUtils.validateBootstrapServer. */
function validBootstrap(servers: string): boolean {
  if (servers.trim() === '') return false;
  return javaSplit(servers, ',').every((hp) => /^.*?\[?([0-9a-zA-Z\-%._:]*)\]?:([0-9]+)$/.test(hp));
}

function checkArgs(args: readonly string[]): ParsedOptions {
  if (args.length === 0) throw new ToolExit(printUsageAndExit(getOffsetsOptions, USAGE));
  const parsed = parseOptions(getOffsetsOptions, args);
  if (parsed instanceof OptionError) throw new JavaException(TERSE, parsed.message);
  const effective = parsed.has('bootstrap-server') ? 'bootstrap-server' : 'broker-list';
  const missing = checkRequiredArgs(parsed, effective);
  if (missing) throw new ToolExit(missing);
  const servers = parsed.valueOf(effective) as string;
  if (!validBootstrap(servers))
    throw new ToolExit(
      printUsageAndExit(
        getOffsetsOptions,
        servers.trim() === ''
          ? 'Error while validating the bootstrap address\n'
          : 'Please provide valid host:port like host1:9091,host2:9092\n',
      ),
    );
  return parsed;
}

function* fetchOffsets(ctx: ProcessContext, options: ParsedOptions): ToolTask {
  if (options.has('topic-partitions') && (options.has('topic') || options.has('partitions')))
    throw new JavaException(
      TERSE,
      '--topic-partitions cannot be used with --topic or --partitions',
    );
  const excludeInternal = options.has('exclude-internal-topics');
  const timestamp = parseOffsetSpec(options.valueOf('time') as string);
  const filters = options.has('topic-partitions')
    ? patternListFilters(options.valueOf('topic-partitions') as string)
    : topicAndPartitionsFilter(
        options.valueOf('topic') as string | undefined,
        options.valueOf('partitions') as string | undefined,
      );
  const servers = options.valueOf(
    options.has('bootstrap-server') ? 'bootstrap-server' : 'broker-list',
  );
  const bootstrap = bootstrapIds(ctx, servers as string);
  const admin = ctx.host.cluster.admin;
  const meta = yield* awaitFuture(admin.metadata(null, bootstrap));
  const partitions: TopicPartition[] = [];
  for (const t of meta.topics) {
    if (excludeInternal && t.isInternal) continue;
    if (!filters.some((f) => f.topic.test(t.name))) continue;
    for (const p of t.partitions) {
      const tp = { topic: t.name, partition: p.partition };
      if (filters.some((f) => f.topic.test(t.name) && f.partition(p.partition)))
        partitions.push(tp);
    }
  }
  if (partitions.length === 0)
    throw new JavaException(
      TERSE,
      'Could not match any topic-partitions with the specified filters',
    );
  const results =
    timestamp === -5
      ? partitions.map((p) => ({ ...p, offset: -1, error: 'NONE' }))
      : yield* awaitFuture(
          admin.listOffsets(partitions, timestamp === -4 ? -2 : timestamp, bootstrap),
        );
  const lines: { key: string; line: string }[] = [];
  for (const r of results) {
    if (r.error !== 'NONE') {
      const cause =
        r.error === 'LEADER_NOT_AVAILABLE'
          ? new JavaException(
              'org.apache.kafka.common.errors.TimeoutException',
              'Timed out waiting for a node assignment. Call: listOffsets(api=METADATA)',
            )
          : adminException(r.error);
      ctx.stderr(
        `Skip getting offsets for topic-partition ${tpString(r)} due to error: ${cause.toString()}\n`,
      );
      continue;
    }
    if (r.offset === -1) continue;
    lines.push({ key: tpString(r), line: `${r.topic}:${r.partition}:${r.offset}\n` });
  }
  lines.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const l of lines) ctx.stdout(l.line);
  return 0;
}

/** `mainNoExit`: TerseException → `Error occurred: msg`; other Throwables add the stack trace. */
function* main(ctx: ProcessContext): ToolTask {
  try {
    const options = checkArgs(ctx.argv.slice(1));
    return yield* fetchOffsets(ctx, options);
  } catch (e) {
    if (e instanceof ToolExit) throw e;
    const ex = e instanceof FutureFailure ? adminException(e.error) : e;
    if (!(ex instanceof JavaException)) throw e;
    if (ex.javaClass === TERSE) ctx.stderr(`Error occurred: ${ex.message}\n`);
    else ctx.stderr(`Error occurred: ${ex.javaMessage}\n${stackTrace(ex)}\n`);
    return 1;
  }
}

export const getOffsetsTool: Tool = {
  name: 'kafka-get-offsets',
  summary: 'Print the offsets of topic partitions at a time (earliest, latest or a timestamp).',
  optionNames: getOffsetsOptions.map((o) => o.name),
  run: (ctx) => runTask(ctx, main(ctx)),
};
