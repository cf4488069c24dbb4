/**
 * `kafka-leader-election.sh`: preferred or unclean leader election (KIP-460) for one partition,
 * the partitions of a JSON file, or every partition.
 * Source: tools/src/main/java/org/apache/kafka/tools/LeaderElectionCommand.java (Kafka 3.9, with
 * `--admin.config`; `--command-config` came in 4.x).
 */
import type { ElectionOutcome } from '../../../../sim/cluster/admin';
import { kafkaErrors } from '../../../../sim/index';
import type { KafkaErrorName } from '../../../../sim/index';
import {
  maybePrintHelpOrVersion,
  OptionError,
  parseOptions,
  withDefaultOptions,
} from '../../../options/index';
import type { OptionSpec, ParsedOptions } from '../../../options/index';
import type { ProcessContext, Tool } from '../../../runtime/types';
import { bootstrapIds, readFileAsString, tpHashOrder, tpString } from './adminSupport';
import type { TopicPartition } from './adminSupport';
import {
  adminException,
  errorClassFor,
  JavaException,
  optionException,
  stackTrace,
} from './javaException';
import { parseJson, jsonField, asArray, asInt, asString } from './kafkaJson';
import { awaitFuture, FutureFailure, runTask } from './toolTask';
import type { ToolTask } from './toolTask';

const HELP =
  'This tool attempts to elect a new leader for a set of topic partitions. The type of elections supported are preferred replicas and unclean replicas.';

/** `LeaderElectionCommandOptions` (3.9). */
export const leaderElectionOptions: OptionSpec[] = withDefaultOptions([
  {
    name: 'bootstrap-server',
    description:
      'A hostname and port for the broker to connect to, in the form host:port. Multiple comma separated URLs can be given. REQUIRED.',
    argument: { kind: 'required', describedAs: 'host:port' },
  },
  {
    name: 'admin.config',
    description: 'Configuration properties files to pass to the admin client',
    argument: { kind: 'required', describedAs: 'config file' },
  },
  {
    name: 'path-to-json-file',
    description:
      'The JSON file with the list  of partition for which leader elections should be performed. This is an example format. \n{"partitions":\n\t[{"topic": "foo", "partition": 1},\n\t {"topic": "foobar", "partition": 2}]\n}\nNot allowed if --all-topic-partitions or --topic flags are specified.',
    argument: { kind: 'required', describedAs: 'Path to JSON file' },
  },
  {
    name: 'topic',
    description:
      'Name of topic for which to perform an election. Not allowed if --path-to-json-file or --all-topic-partitions is specified.',
    argument: { kind: 'required', describedAs: 'topic name' },
  },
  {
    name: 'partition',
    description: 'Partition id for which to perform an election. REQUIRED if --topic is specified.',
    argument: { kind: 'required', describedAs: 'partition id', type: 'Integer' },
  },
  {
    name: 'all-topic-partitions',
    description:
      'Perform election on all of the eligible topic partitions based on the type of election (see the --election-type flag). Not allowed if --topic or --path-to-json-file is specified.',
  },
  {
    name: 'election-type',
    description:
      'Type of election to attempt. Possible values are "preferred" for preferred leader election or "unclean" for unclean leader election. If preferred election is selection, the election is only performed if the current leader is not the preferred leader for the topic partition. If unclean election is selected, the election is only performed if there are no leader for the topic partition. REQUIRED.',
    // withValuesConvertedBy(ElectionTypeConverter): jopt shows the converter's value type.
    argument: { kind: 'required', describedAs: 'election type' },
  },
]);

const CLASS = 'org.apache.kafka.tools.LeaderElectionCommand';
const ADMIN_FAILED = 'org.apache.kafka.server.common.AdminCommandFailedException';
const ADMIN_OPERATION = 'org.apache.kafka.server.common.AdminOperationException';
const mainFrames = [
  `${CLASS}.run(LeaderElectionCommand.java:99)`,
  `${CLASS}.mainNoExit(LeaderElectionCommand.java:66)`,
  `${CLASS}.main(LeaderElectionCommand.java:61)`,
];

type ElectionType = 'PREFERRED' | 'UNCLEAN';

/** jopt's `EnumConverter<ElectionType>`: enum names, case-insensitive. */
function electionTypeOf(options: ParsedOptions): ElectionType {
  const raw = options.valueOf('election-type') as string;
  const type = (['PREFERRED', 'UNCLEAN'] as const).find((t) => t === raw.toUpperCase());
  if (!type)
    throw new JavaException(
      'joptsimple.OptionArgumentConversionException',
      `Cannot parse argument '${raw}' of option election-type`,
      [
        'joptsimple.AbstractOptionSpec.convertWith(AbstractOptionSpec.java:92)',
        'joptsimple.ArgumentAcceptingOptionSpec.convert(ArgumentAcceptingOptionSpec.java:277)',
        'joptsimple.OptionSet.valuesOf(OptionSet.java:223)',
        'joptsimple.OptionSet.valueOf(OptionSet.java:172)',
        `${CLASS}$LeaderElectionCommandOptions.getElectionType(LeaderElectionCommand.java:319)`,
        ...mainFrames,
      ],
    );
  return type;
}

/** `LeaderElectionCommandOptions.validate`. */
function validate(options: ParsedOptions): void {
  const fail = (message: string) =>
    new JavaException(ADMIN_FAILED, message, [
      `${CLASS}$LeaderElectionCommandOptions.validate(LeaderElectionCommand.java:343)`,
      `${CLASS}.run(LeaderElectionCommand.java:75)`,
      ...mainFrames.slice(1),
    ]);
  const missing = ['bootstrap-server', 'election-type'].filter((o) => !options.has(o));
  if (missing.length > 0) throw fail(`Missing required option(s): ${missing.join(', ')}`);
  const exclusive = ['topic', 'all-topic-partitions', 'path-to-json-file'];
  if (exclusive.filter((o) => options.has(o)).length !== 1)
    throw fail(`One and only one of the following options is required: ${exclusive.join(', ')}`);
  if (options.has('topic') && !options.has('partition'))
    throw fail('Missing required option(s): partition');
  if (!options.has('topic') && options.has('partition'))
    throw fail('Option partition is only allowed if topic is used');
}

/** `parseReplicaElectionData`: the `partitions` of the JSON file, duplicates refused. */
function parseElectionData(ctx: ProcessContext, path: string): TopicPartition[] {
  const frames = [`${CLASS}.parseReplicaElectionData(LeaderElectionCommand.java:208)`];
  const text = readFileAsString(ctx, path, [...frames, ...mainFrames]);
  const json = parseJson(text, [...frames, ...mainFrames]);
  if (json === undefined)
    throw new JavaException(ADMIN_OPERATION, 'Replica election data is empty', mainFrames);
  const list = jsonField(json, 'partitions', false);
  if (list === undefined)
    throw new JavaException(
      ADMIN_OPERATION,
      'Replica election data is missing "partitions" field',
      mainFrames,
    );
  const partitions = asArray(list).map((entry) => ({
    topic: asString(jsonField(entry, 'topic')),
    partition: asInt(jsonField(entry, 'partition')),
  }));
  const counts = new Map<string, number>();
  for (const tp of partitions) counts.set(tpString(tp), (counts.get(tpString(tp)) ?? 0) + 1);
  const duplicates = tpHashOrder(partitions.filter((tp) => counts.get(tpString(tp))! > 1));
  if (duplicates.length > 0)
    throw new JavaException(
      ADMIN_OPERATION,
      `Replica election data contains duplicate partitions: [${duplicates.map(tpString).join(', ')}]`,
      mainFrames,
    );
  return tpHashOrder(partitions);
}

/** The exception the admin client hands back for one partition's failed election. */
function electionError(
  ctx: ProcessContext,
  outcome: ElectionOutcome,
  type: ElectionType,
  topics: Set<string>,
): JavaException {
  const kraft = ctx.host.mode === 'kraft';
  const name = outcome.error as KafkaErrorName;
  if (name === 'UNKNOWN_TOPIC_OR_PARTITION') {
    // KRaft: ReplicationControlManager.electLeader; ZooKeeper: KafkaController.processReplicaLeaderElection.
    const message = !kraft
      ? 'The partition does not exist.'
      : topics.has(outcome.topic)
        ? `No such partition as ${outcome.topic}-${outcome.partition}`
        : `No such topic as ${outcome.topic}`;
    return new JavaException(errorClassFor(name), message);
  }
  if (
    !kraft &&
    (name === 'PREFERRED_LEADER_NOT_AVAILABLE' || name === 'ELIGIBLE_LEADERS_NOT_AVAILABLE')
  ) {
    const strategy =
      type === 'PREFERRED'
        ? 'PreferredReplicaPartitionLeaderElectionStrategy'
        : 'OfflinePartitionLeaderElectionStrategy(true)';
    return new JavaException(
      errorClassFor(name),
      `Failed to elect leader for partition ${outcome.topic}-${outcome.partition} under strategy ${strategy}`,
    );
  }
  const known = kafkaErrors[name] as { message: string } | undefined;
  return new JavaException(errorClassFor(name), known?.message ?? null);
}

function* electLeaders(ctx: ProcessContext, options: ParsedOptions): ToolTask {
  const type = electionTypeOf(options);
  const fromFile = options.has('path-to-json-file')
    ? parseElectionData(ctx, options.valueOf('path-to-json-file') as string)
    : undefined;
  let partitions: TopicPartition[] | null = fromFile ?? null;
  if (!fromFile && options.has('topic') && options.has('partition'))
    partitions = [
      { topic: options.valueOf('topic') as string, partition: options.intValueOf('partition')! },
    ];
  const bootstrap = bootstrapIds(ctx, options.valueOf('bootstrap-server') as string);
  const admin = ctx.host.cluster.admin;
  let outcomes: ElectionOutcome[];
  let topics = new Set<string>();
  try {
    const meta = yield* awaitFuture(admin.metadata(null, bootstrap));
    topics = new Set(meta.topics.map((t) => t.name));
    outcomes = yield* awaitFuture(
      admin.electLeaders(type === 'PREFERRED' ? 'preferred' : 'unclean', partitions, bootstrap),
    );
  } catch (e) {
    if (!(e instanceof FutureFailure)) throw e;
    const cause = adminException(e.error);
    if (!cause.javaClass.endsWith('.TimeoutException')) throw cause;
    ctx.stdout('Timeout waiting for election results\n');
    throw new JavaException(
      ADMIN_FAILED,
      'Timeout waiting for election results',
      [`${CLASS}.electLeaders(LeaderElectionCommand.java:136)`, ...mainFrames],
      cause,
    );
  }
  const ordered = tpHashOrder(outcomes);
  const byKey = new Map(outcomes.map((o) => [tpString(o), o]));
  const succeeded: TopicPartition[] = [];
  const noop: TopicPartition[] = [];
  const failed: ElectionOutcome[] = [];
  for (const tp of ordered) {
    const o = byKey.get(tpString(tp))!;
    if (o.error === 'NONE') succeeded.push(tp);
    else if (o.error === 'ELECTION_NOT_NEEDED') noop.push(tp);
    else failed.push(o);
  }
  if (succeeded.length > 0)
    ctx.stdout(
      `Successfully completed leader election (${type}) for partitions ${succeeded.map(tpString).join(', ')}\n`,
    );
  if (noop.length > 0)
    ctx.stdout(`Valid replica already elected for partitions ${noop.map(tpString).join(', ')}\n`);
  if (failed.length > 0) {
    for (const o of failed)
      ctx.stdout(
        `Error completing leader election (${type}) for partition: ${tpString(o)}: ${electionError(ctx, o, type, topics)}\n`,
      );
    throw new JavaException(ADMIN_FAILED, `${failed.length} replica(s) could not be elected`, [
      `${CLASS}.electLeaders(LeaderElectionCommand.java:178)`,
      `${CLASS}.run(LeaderElectionCommand.java:117)`,
      ...mainFrames.slice(1),
    ]);
  }
  return 0;
}

/** `mainNoExit`: any Throwable prints its message and stack trace to stderr, status 1. */
function* main(ctx: ProcessContext): ToolTask {
  try {
    const parsed = parseOptions(leaderElectionOptions, ctx.argv.slice(1));
    if (parsed instanceof OptionError) throw optionException(parsed);
    const helpExit = maybePrintHelpOrVersion(parsed, HELP);
    if (helpExit) {
      ctx.stdout(helpExit.stdout);
      ctx.stderr(helpExit.stderr);
      return helpExit.exitCode;
    }
    validate(parsed);
    return yield* electLeaders(ctx, parsed);
  } catch (e) {
    const ex = toJavaException(e);
    ctx.stderr(`${ex.javaMessage}\n${stackTrace(ex)}\n`);
    return 1;
  }
}

/** Errors a tool can throw, as the Java exception its main catches. */
function toJavaException(e: unknown): JavaException {
  if (e instanceof JavaException) return e;
  if (e instanceof OptionError) return optionException(e);
  if (e instanceof FutureFailure) return adminException(e.error);
  throw e;
}

export const leaderElectionTool: Tool = {
  name: 'kafka-leader-election',
  summary: 'Elect the preferred or an unclean leader for topic partitions.',
  optionNames: leaderElectionOptions.map((o) => o.name),
  run: (ctx) => runTask(ctx, main(ctx)),
};
