/**
 * `kafka-consumer-groups.sh`: Kafka 3.9's
 * tools/src/main/java/org/apache/kafka/tools/consumer/group/ConsumerGroupCommand.java.
 *
 * - `main`: `ConsumerGroupCommandOptions.fromArgs(args)` parses and checks the arguments *before*
 *   its try block, so a jopt parse error escapes to the JVM (`Exception in thread "main" …`).
 * - Exactly one action; then `run`: an IllegalArgumentException prints the usage (exit 1); any
 *   other failure prints `\nError: Executing consumer group command failed due to …` on stdout
 *   and the stack trace on stderr, with exit status 0 as the JVM ends normally.
 */
import { GroupAdmin } from '../../../../sim/cluster/groupAdmin';
import type { CommandExit, ParsedOptions } from '../../../options/index';
import { OptionError, optionNames, parseOptions, printUsageAndExit } from '../../../options/index';
import type { ProcessContext, Tool } from '../../../runtime/types';
import { checkArgs, consumerGroupOptionSpecs } from './consumerGroupCommandOptions';
import { ConsumerGroupService, messageOf } from './consumerGroupService';
import type { Op } from './coroutine';
import { runCoroutine } from './coroutine';
import { deleteGroups, deleteOffsets } from './deleteGroups';
import { describeGroups } from './describeGroups';
import { ExitRequest } from './exitRequest';
import { JavaThrowable, uncaughtOptionException } from './javaThrowable';
import { listGroups } from './listGroups';
import { exportOffsetsToCsv, printOffsetsToReset, resetOffsets } from './resetOffsets';

const ACTIONS = ['list', 'describe', 'delete', 'reset-offsets', 'delete-offsets'];

function finish(ctx: ProcessContext, exit: CommandExit): void {
  if (exit.stdout) ctx.stdout(exit.stdout);
  if (exit.stderr) ctx.stderr(exit.stderr);
  ctx.exit(exit.exitCode);
}

/** `run(opts)`: the action, inside Java's try block. */
function* run(svc: ConsumerGroupService): Op<void> {
  svc.createAdminClient();
  const options = svc.options;
  if (options.has('list')) yield* listGroups(svc);
  else if (options.has('describe')) yield* describeGroups(svc);
  else if (options.has('delete')) yield* deleteGroups(svc);
  else if (options.has('reset-offsets')) {
    const offsets = yield* resetOffsets(svc);
    if (options.has('export')) svc.out(`${exportOffsetsToCsv(svc, offsets)}\n`);
    else printOffsetsToReset(svc, offsets);
  } else if (options.has('delete-offsets')) yield* deleteOffsets(svc);
}

function main(ctx: ProcessContext): void {
  const argv = ctx.argv.slice(1);
  const parsed = parseOptions(consumerGroupOptionSpecs, argv);
  if (parsed instanceof OptionError) {
    ctx.stderr(uncaughtOptionException(parsed, argv));
    return ctx.exit(1);
  }
  const options: ParsedOptions = parsed;
  let checked: CommandExit | undefined;
  try {
    checked = checkArgs(options, (line) => ctx.stderr(`${line}\n`));
  } catch (e) {
    if (!(e instanceof OptionError)) throw e;
    ctx.stderr(uncaughtOptionException(e, argv));
    return ctx.exit(1);
  }
  if (checked) return finish(ctx, checked);

  if (ACTIONS.filter((a) => options.has(a)).length !== 1)
    return finish(
      ctx,
      printUsageAndExit(
        options.specs,
        `Command must include exactly one action: ${ACTIONS.map((a) => `--${optionNames(options.spec(a))[0]}`).join(', ')}`,
      ),
    );

  const svc = new ConsumerGroupService(
    ctx,
    options,
    (servers, timeoutMs) =>
      new GroupAdmin(ctx.host.cluster, ctx.host.resolveBootstrap(servers), timeoutMs),
  );
  runCoroutine(run(svc), (outcome) => {
    if (outcome.ok) return ctx.exit(0);
    const error = outcome.error;
    if (error instanceof ExitRequest) return finish(ctx, error.exit);
    if (error instanceof JavaThrowable && error.javaClass === 'java.lang.IllegalArgumentException')
      return finish(ctx, printUsageAndExit(options.specs, messageOf(error)));
    if (error instanceof JavaThrowable || error instanceof OptionError) {
      svc.printError(`Executing consumer group command failed due to ${messageOf(error)}`, error);
      return ctx.exit(0);
    }
    // A simulator bug, not a Java exception: show it rather than leave the process hanging.
    ctx.stderr(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    ctx.exit(1);
  });
}

/** `kafka-consumer-groups`: list, describe, delete consumer groups and reset their offsets. */
export const consumerGroupsTool: Tool = {
  name: 'kafka-consumer-groups',
  summary: 'List, describe and delete consumer groups; reset or delete their offsets.',
  optionNames: consumerGroupOptionSpecs.map((s) => s.name),
  run: main,
};
