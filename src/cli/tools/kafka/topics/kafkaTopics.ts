/**
 * `kafka-topics.sh` — Kafka 3.9's `org.apache.kafka.tools.TopicCommand`
 * (tools/src/main/java/org/apache/kafka/tools/TopicCommand.java):
 * - `mainNoExit`: an exception from parsing or checking the options, or from building the admin
 *   client, goes to stderr as its message and then its stack trace; exit 1.
 * - `checkArgs`: usage errors (`printUsageAndExit`) print the message and the option table on
 *   stderr; exit 1. `--help` does the same; `--version` prints the version.
 * - `execute`: the action's failure prints `Error while executing topic command : <message>` on
 *   stdout and logs the stack trace at ERROR on stderr (tools-log4j.properties); exit 1.
 */
import type { CommandExit, ParsedOptions } from '../../../options/index';
import {
  checkInvalidArgs,
  checkInvalidArgsSet,
  checkRequiredArgs,
  hashSetOrder,
  maybePrintHelpOrVersion,
  optionNames,
  OptionError,
  parseOptions,
  printUsageAndExit,
} from '../../../options/index';
import { VirtualFs } from '../../../host/virtualFs';
import type { ProcessContext, Tool } from '../../../runtime/types';
import { log4jLine } from '../common/log4j';
import type { JavaThrowable } from './javaThrowable';
import { JavaException, javaThrowable, messageOf, stackTrace } from './javaThrowable';
import { TopicAdminClient } from './topicAdminClient';
import {
  KAFKA_CONFIGS_CAN_ALTER_TOPIC_CONFIGS,
  TOPIC_ACTIONS,
  topicCommandOptions as specs,
} from './topicCommandOptions';
import {
  bootstrapServerMissing,
  commandConfigMissing,
  executeFrames,
  parseFailure,
} from './topicCommandTraces';
import { TopicService } from './topicService';

const LOGGER = 'org.apache.kafka.tools.TopicCommand';

/** Whether jopt failed on a `-x` token rather than a `--name` one. */
function failedOnShortToken(error: OptionError, args: readonly string[]): boolean {
  const [option] = error.options;
  if (error.javaClass === 'joptsimple.OptionMissingRequiredArgumentException') {
    const last = args[args.length - 1] ?? '';
    return !last.startsWith('--');
  }
  return !args.some((a) => a === `--${option}` || a.startsWith(`--${option}=`));
}

/** `invalidOptions(addOptions, removeOptions)`: allTopicLevelOpts' HashSet order, edited. */
function invalidOptions(remove: readonly string[], add: readonly string[] = []): string[] {
  const levels = hashSetOrder(specs, ['alter', 'create', 'describe', 'list', 'delete']);
  const kept = levels.filter((o) => !remove.includes(o));
  return [...kept, ...add.filter((o) => !kept.includes(o))];
}

/**
 * `TopicCommandOptions.checkArgs`: a usage exit, the exception `checkRequiredArgs` throws, or
 * undefined when the command line is acceptable.
 */
function checkArgs(
  opts: ParsedOptions,
  args: readonly string[],
  ctx: ProcessContext,
): CommandExit | JavaThrowable | undefined {
  if (args.length === 0)
    return printUsageAndExit(specs, 'Create, delete, describe, or change a topic.');
  const helpOrVersion = maybePrintHelpOrVersion(
    opts,
    'This tool helps to create, delete, describe, or change a topic.',
  );
  if (helpOrVersion) return helpOrVersion;
  if (TOPIC_ACTIONS.filter((a) => opts.has(a)).length !== 1)
    return printUsageAndExit(
      specs,
      'Command must include exactly one action: --list, --describe, --create, --alter or --delete',
    );

  // checkRequiredArgs
  if (!opts.has('bootstrap-server')) return bootstrapServerMissing();
  if (opts.has('describe') && opts.has('if-exists')) {
    if (!opts.has('topic') && !opts.has('topic-id'))
      return printUsageAndExit(specs, '--topic or --topic-id is required to describe a topic');
    if (opts.has('topic') && opts.has('topic-id'))
      ctx.stdout(
        'Only topic id will be used when both --topic and --topic-id are specified and topicId is not Uuid.ZERO_UUID\n',
      );
  }
  const required =
    (!opts.has('list') && !opts.has('describe') ? checkRequiredArgs(opts, 'topic') : undefined) ??
    (opts.has('alter')
      ? (checkInvalidArgsSet(
          opts,
          hashSetOrder(specs, ['bootstrap-server', 'config']),
          ['alter'],
          KAFKA_CONFIGS_CAN_ALTER_TOPIC_CONFIGS,
        ) ?? checkRequiredArgs(opts, 'partitions'))
      : undefined);
  if (required) return required;

  // checkInvalidArgs
  const reportOptions = hashSetOrder(specs, [
    'under-replicated-partitions',
    'under-min-isr-partitions',
    'at-min-isr-partitions',
    'unavailable-partitions',
  ]);
  const checks: [string, string[]][] = [
    ['config', invalidOptions(['alter', 'create'])],
    ['delete-config', invalidOptions(['alter'], ['bootstrap-server'])],
    ['partitions', invalidOptions(['alter', 'create'])],
    ['replication-factor', invalidOptions(['create'])],
    ['replica-assignment', invalidOptions(['alter', 'create'])],
  ];
  if (opts.has('create'))
    checks.push(['replica-assignment', hashSetOrder(specs, ['partitions', 'replication-factor'])]);
  for (const report of [
    'under-replicated-partitions',
    'under-min-isr-partitions',
    'at-min-isr-partitions',
    'unavailable-partitions',
  ])
    checks.push([report, invalidOptions(['describe', report], ['topics-with-overrides'])]);
  checks.push(
    ['topics-with-overrides', invalidOptions(['describe'], reportOptions)],
    ['if-exists', invalidOptions(['alter', 'delete', 'describe'])],
    ['if-not-exists', invalidOptions(['create'])],
    ['exclude-internal', invalidOptions(['list', 'describe'])],
  );
  for (const [used, invalid] of checks) {
    const exit = checkInvalidArgs(opts, used, invalid);
    if (exit) return exit;
  }
  return undefined;
}

/** Runs one `kafka-topics` process. */
function runTopicCommand(ctx: ProcessContext): void {
  const args = ctx.argv.slice(1);
  const failMain = (t: JavaThrowable) => {
    ctx.stderr(`${messageOf(t)}\n${stackTrace(t)}\n`);
    ctx.exit(1);
  };

  // new TopicCommandOptions(args): parse, then checkArgs.
  const opts = parseOptions(specs, args);
  if (opts instanceof OptionError)
    return failMain(parseFailure(opts, failedOnShortToken(opts, args)));
  const checked = checkArgs(opts, args, ctx);
  if (checked && 'exitCode' in checked) {
    if (checked.stdout) ctx.stdout(checked.stdout);
    if (checked.stderr) ctx.stderr(checked.stderr);
    return ctx.exit(checked.exitCode);
  }
  if (checked) return failMain(checked);

  // new TopicService(opts.commandConfig(), opts.bootstrapServer())
  if (opts.has('command-config')) {
    const file = opts.valuesOf('command-config')[0] ?? '';
    const path = VirtualFs.resolve(ctx.cwd, file);
    if (ctx.fs.read(path) === undefined) return failMain(commandConfigMissing(file));
  }
  const servers = opts.valuesOf('bootstrap-server');
  if (servers.length > 1)
    return failMain(
      javaThrowable(
        'joptsimple.MultipleArgumentsForOptionException',
        'Found multiple arguments for option bootstrap-server, but you asked for only one',
        ['joptsimple.OptionSet.valueOf(OptionSet.java:179)', ...executeFrames('service')],
      ),
    );
  let admin: TopicAdminClient;
  try {
    admin = TopicAdminClient.create(ctx, servers[0] ?? '');
  } catch (e) {
    if (e instanceof JavaException) return failMain(e.throwable);
    throw e;
  }

  const service = new TopicService(ctx, opts, admin);
  const done = (error?: JavaThrowable) => {
    if (error) {
      // printException
      ctx.stdout(`Error while executing topic command : ${messageOf(error)}\n`);
      ctx.stderr(log4jLine(ctx.clock.wallClockMs(), 'ERROR', stackTrace(error), LOGGER));
    }
    ctx.exit(error ? 1 : 0);
  };
  if (opts.has('create')) service.createTopic(done);
  else if (opts.has('alter')) service.alterTopic(done);
  else if (opts.has('list')) service.listTopics(done);
  else if (opts.has('describe')) service.describeTopic(done);
  else service.deleteTopic(done);
}

/** `kafka-topics` / `kafka-topics.sh` / `bin\windows\kafka-topics.bat`. */
export const kafkaTopicsTool: Tool = {
  name: 'kafka-topics',
  summary: 'Create, delete, describe, or change a topic.',
  optionNames: specs.flatMap((spec) => optionNames(spec)),
  run: runTopicCommand,
};
