/**
 * `kafka-broker-api-versions.sh`: for each broker the cluster metadata names, the API versions
 * its ApiVersions answer advertises, as `host:port (id: N rack: null) -> (` then one
 * `\tName(key): min to max [usable: n]` line per API and `)`.
 * Source: core/src/main/scala/kafka/admin/BrokerApiVersionsCommand.scala (Kafka 3.9, still Scala;
 * it moved to tools/ in 4.0), NodeApiVersions.toString(true), Node.toString().
 * - The options are parsed outside any try block: a jopt error, a ConfigException for
 *   `bootstrap.servers` or a missing `--command-config` file escapes `main`, and the JVM prints
 *   `Exception in thread "main" …` (exit status 1).
 * - No broker reachable: `RuntimeException: Request METADATA failed on brokers List(…)` (exit 1).
 * - A broker listed in the metadata that does not answer prints `… -> ERROR: <exception>`.
 * - The order of the brokers is that of a Scala `Map` built from a shuffled node list: random up
 *   to four brokers (seeded here), hash order from five on.
 */
import { VirtualFs } from '../../../host/virtualFs';
import {
  checkRequiredArgs,
  maybePrintHelpOrVersion,
  OptionError,
  parseOptions,
  withDefaultOptions,
} from '../../../options/index';
import type { OptionSpec, ParsedOptions } from '../../../options/index';
import type { ProcessContext, Tool } from '../../../runtime/types';
import { parseFrames } from '../groups/javaThrowable';
import { loadProps } from './adminSupport';
import { JavaException, stackTrace } from './javaException';
import { commandFrames, LegacyAdminClient, nodeString } from './legacyAdminClient';
import { nodeApiVersionsText } from './nodeApiVersions';
import { runTask, ToolExit } from './toolTask';
import type { ToolTask } from './toolTask';
import { newInputStreamFrames } from '../common/javaFileFrames';

const HELP = 'This tool helps to retrieve broker version information.';

/** `BrokerVersionCommandOptions` (3.9): CommandDefaultOptions' `--help`/`--version`, then these. */
export const brokerApiVersionsOptions: OptionSpec[] = withDefaultOptions([
  {
    name: 'command-config',
    description: 'A property file containing configs to be passed to Admin Client.',
    argument: { kind: 'required', describedAs: 'command config property file' },
  },
  {
    name: 'bootstrap-server',
    description: 'REQUIRED: The server to connect to.',
    argument: { kind: 'required', describedAs: 'server(s) to use for bootstrapping' },
  },
]);

/** `new BrokerVersionCommandOptions(args)`: the parse (line 92) and `checkArgs()`. */
function commandOptions(argv: readonly string[]): ParsedOptions {
  const parsed = parseOptions(brokerApiVersionsOptions, argv);
  if (parsed instanceof OptionError)
    throw new JavaException(parsed.javaClass, parsed.message, [
      ...parseFrames(parsed, argv),
      'kafka.admin.BrokerApiVersionsCommand$BrokerVersionCommandOptions.<init>(BrokerApiVersionsCommand.scala:92)',
      ...commandFrames.execute(58),
    ]);
  const exit =
    maybePrintHelpOrVersion(parsed, HELP) ?? checkRequiredArgs(parsed, 'bootstrap-server');
  if (exit) throw new ToolExit(exit);
  return parsed;
}

/** `opts.options.valueOf(opt)` in createAdminClient (line `line`): one value, else jopt's exception. */
function valueOf(options: ParsedOptions, name: string, line: number): string {
  try {
    return options.valueOf(name)!;
  } catch (e) {
    if (!(e instanceof OptionError)) throw e;
    throw new JavaException(e.javaClass, e.message, [
      'joptsimple.OptionSet.valueOf(OptionSet.java:179)',
      ...commandFrames.createAdminClient(line),
    ]);
  }
}

/** `Utils.loadProps(path)`: a missing file is the NoSuchFileException of `Files.newInputStream`. */
function loadCommandConfig(ctx: ProcessContext, path: string): Map<string, string> {
  const absolute = VirtualFs.resolve(ctx.cwd, path, ctx.env.get('HOME') ?? '/root');
  if (ctx.fs.read(absolute) === undefined && !ctx.fs.isDir(absolute))
    throw new JavaException('java.nio.file.NoSuchFileException', path, [
      ...newInputStreamFrames,
      'org.apache.kafka.common.utils.Utils.loadProps(Utils.java:673)',
      'org.apache.kafka.common.utils.Utils.loadProps(Utils.java:660)',
      ...commandFrames.createAdminClient(73),
    ]);
  // A directory opens but cannot be read: Properties.load fails with "Is a directory".
  if (ctx.fs.isDir(absolute))
    throw new JavaException('java.io.IOException', 'Is a directory', [
      'java.base/sun.nio.ch.FileDispatcherImpl.read0(Native Method)',
      'java.base/java.util.Properties.load(Properties.java:408)',
      'org.apache.kafka.common.utils.Utils.loadProps(Utils.java:674)',
      'org.apache.kafka.common.utils.Utils.loadProps(Utils.java:660)',
      ...commandFrames.createAdminClient(73),
    ]);
  return loadProps(ctx, path);
}

/** `BrokerApiVersionsCommand.execute(args, System.out)`. */
function* execute(ctx: ProcessContext): ToolTask {
  const options = commandOptions(ctx.argv.slice(1));
  const props = options.has('command-config')
    ? loadCommandConfig(ctx, valueOf(options, 'command-config', 73))
    : new Map<string, string>();
  const adminClient = LegacyAdminClient.create(
    ctx,
    valueOf(options, 'bootstrap-server', 76),
    props,
  );
  yield* adminClient.awaitBrokers();
  const brokerMap = yield* adminClient.listAllBrokerVersionInfo();
  for (const info of brokerMap) {
    ctx.stdout(
      'apiVersions' in info
        ? `${nodeString(info.node)} -> ${nodeApiVersionsText(info.apiVersions, true)}\n`
        : `${nodeString(info.node)} -> ERROR: ${info.error.toString()}\n`,
    );
  }
  return 0;
}

/** `main` has no try block: whatever `execute` throws, the JVM prints and exits 1 with. */
function* main(ctx: ProcessContext): ToolTask {
  try {
    return yield* execute(ctx);
  } catch (e) {
    if (!(e instanceof JavaException)) throw e;
    ctx.stderr(`Exception in thread "main" ${stackTrace(e)}`);
    return 1;
  }
}

export const brokerApiVersionsTool: Tool = {
  name: 'kafka-broker-api-versions',
  summary: 'Print the API versions each broker supports (ApiVersions).',
  optionNames: brokerApiVersionsOptions.map((o) => o.name),
  run: (ctx) => runTask(ctx, main(ctx)),
};
