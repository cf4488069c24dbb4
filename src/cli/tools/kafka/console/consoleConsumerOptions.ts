/**
 * kafka-console-consumer's options and their validation, transcribed from
 * tools/src/main/java/org/apache/kafka/tools/consumer/ConsoleConsumerOptions.java (Kafka 3.8/3.9,
 * a `CommandDefaultOptions`, so `--help` and `--version` come first).
 *
 * INFERRED for 3.9: the stored Java source is a slightly later trunk revision; `--whitelist` is
 * restored from the 3.x line (removed only in 4.0, as its leftover comment in that revision shows),
 * and `--timeout-ms` keeps the `Integer` type of the Scala original.
 */
import type { CommandExit, OptionSpec, ParsedOptions } from '../../../options/index';
import {
  checkRequiredArgs,
  maybePrintHelpOrVersion,
  OptionError,
  parseKeyValueArgs,
  parseOptions,
  printUsageAndExit,
  withDefaultOptions,
} from '../../../options/index';

/** `DefaultMessageFormatter.class.getName()`: the default of `--formatter`. */
export const DEFAULT_MESSAGE_FORMATTER = 'org.apache.kafka.tools.consumer.DefaultMessageFormatter';

/** `ListOffsetsRequest.EARLIEST_TIMESTAMP` / `LATEST_TIMESTAMP`, the special `--offset` values. */
export const EARLIEST = -2;
export const LATEST = -1;

const PROPERTY_DESCRIPTION =
  'The properties to initialize the message formatter. Default properties include: \n' +
  ' print.timestamp=true|false\n' +
  ' print.key=true|false\n' +
  ' print.offset=true|false\n' +
  ' print.epoch=true|false\n' +
  ' print.partition=true|false\n' +
  ' print.headers=true|false\n' +
  ' print.value=true|false\n' +
  ' key.separator=<key.separator>\n' +
  ' line.separator=<line.separator>\n' +
  ' headers.separator=<line.separator>\n' +
  ' null.literal=<null.literal>\n' +
  ' key.deserializer=<key.deserializer>\n' +
  ' value.deserializer=<value.deserializer>\n' +
  ' header.deserializer=<header.deserializer>\n' +
  "\nUsers can also pass in customized properties for their formatter; more specifically, users can pass in properties keyed with 'key.deserializer.', 'value.deserializer.' and 'headers.deserializer.' prefixes to configure their deserializers.";

/** The option table in declaration order. */
export const consoleConsumerSpecs: readonly OptionSpec[] = withDefaultOptions([
  {
    name: 'topic',
    description: 'The topic to consume on.',
    argument: { kind: 'required', describedAs: 'topic' },
  },
  {
    name: 'whitelist',
    description:
      'DEPRECATED, use --include instead; ignored if --include specified. Regular expression specifying list of topics to include for consumption.',
    argument: { kind: 'required', describedAs: 'Java regex (String)' },
  },
  {
    name: 'include',
    description: 'Regular expression specifying list of topics to include for consumption.',
    argument: { kind: 'required', describedAs: 'Java regex (String)' },
  },
  {
    name: 'partition',
    description:
      "The partition to consume from. Consumption starts from the end of the partition unless '--offset' is specified.",
    argument: { kind: 'required', describedAs: 'partition', type: 'Integer' },
  },
  {
    name: 'offset',
    description:
      "The offset to consume from (a non-negative number), or 'earliest' which means from beginning, or 'latest' which means from end",
    argument: { kind: 'required', describedAs: 'consume offset', defaultValues: ['latest'] },
  },
  {
    name: 'consumer-property',
    description:
      'A mechanism to pass user-defined properties in the form key=value to the consumer.',
    argument: { kind: 'required', describedAs: 'consumer_prop' },
  },
  {
    name: 'consumer.config',
    description:
      'Consumer config properties file. Note that [consumer-property] takes precedence over this config.',
    argument: { kind: 'required', describedAs: 'config file' },
  },
  {
    name: 'formatter',
    description: 'The name of a class to use for formatting kafka messages for display.',
    argument: {
      kind: 'required',
      describedAs: 'class',
      defaultValues: [DEFAULT_MESSAGE_FORMATTER],
    },
  },
  {
    name: 'property',
    description: PROPERTY_DESCRIPTION,
    argument: { kind: 'required', describedAs: 'prop' },
  },
  {
    name: 'formatter-config',
    description:
      'Config properties file to initialize the message formatter. Note that [property] takes precedence over this config.',
    argument: { kind: 'required', describedAs: 'config file' },
  },
  {
    name: 'from-beginning',
    description:
      'If the consumer does not already have an established offset to consume from, start with the earliest message present in the log rather than the latest message.',
  },
  {
    name: 'max-messages',
    description:
      'The maximum number of messages to consume before exiting. If not set, consumption is continual.',
    argument: { kind: 'required', describedAs: 'num_messages', type: 'Integer' },
  },
  {
    name: 'timeout-ms',
    description:
      'If specified, exit if no message is available for consumption for the specified interval.',
    argument: { kind: 'required', describedAs: 'timeout_ms', type: 'Integer' },
  },
  {
    name: 'skip-message-on-error',
    description: 'If there is an error when processing a message, skip it instead of halt.',
  },
  {
    name: 'bootstrap-server',
    description: 'REQUIRED: The server(s) to connect to.',
    argument: { kind: 'required', describedAs: 'server to connect to' },
  },
  {
    name: 'key-deserializer',
    description: '',
    argument: { kind: 'required', describedAs: 'deserializer for key' },
  },
  {
    name: 'value-deserializer',
    description: '',
    argument: { kind: 'required', describedAs: 'deserializer for values' },
  },
  {
    name: 'enable-systest-events',
    description:
      'Log lifecycle events of the consumer in addition to logging consumed messages. (This is specific for system tests.)',
  },
  {
    name: 'isolation-level',
    description:
      'Set to read_committed in order to filter out transactional messages which are not committed. Set to read_uncommitted to read all messages.',
    argument: { kind: 'required', defaultValues: ['read_uncommitted'] },
  },
  {
    name: 'group',
    description: 'The consumer group id of the consumer.',
    argument: { kind: 'required', describedAs: 'consumer group id' },
  },
]);

/** `CommandLineUtils.maybePrintHelpOrVersion(this, …)`: the line printed above the usage. */
export const CONSUMER_HELP_MESSAGE =
  'This tool helps to read data from Kafka topics and outputs it to standard output.';

/** What the consumer runs with once the options are valid. */
export interface ConsoleConsumerConfig {
  readonly options: ParsedOptions;
  readonly topic: string | undefined;
  /** `--include` (or the deprecated `--whitelist`): a Java regex over topic names. */
  readonly include: string | undefined;
  readonly partition: number | undefined;
  /** `--offset` as a number, or {@link EARLIEST} / {@link LATEST}. */
  readonly offset: number;
  /** -1 when not set. */
  readonly maxMessages: number;
  /** `Long.MAX_VALUE` (here Infinity) when not set or negative. */
  readonly timeoutMs: number;
  readonly enableSystestEvents: boolean;
  readonly consumerProps: Record<string, string>;
  readonly formatterClass: string;
  readonly formatterProps: ReadonlyMap<string, string>;
  /** What the options printed to stderr on the way (the deprecated formatter class names). */
  readonly warnings: string;
}

/** Reads a properties file for `Utils.loadProps`; undefined when it does not exist. */
export type LoadProps = (path: string) => Record<string, string> | undefined;

/** A failure that ends the tool: usage and status 1, or an exception the JVM prints. */
export type OptionsExit = CommandExit | { readonly uncaught: string };

/**
 * `new ConsoleConsumerOptions(args)`: parses and validates, in the source's order.
 * @returns the config, or how the tool exits
 */
export function parseConsumerOptions(
  argv: readonly string[],
  loadProps: LoadProps,
  randomGroupSuffix: () => number,
): ConsoleConsumerConfig | OptionsExit {
  const specs = consoleConsumerSpecs;
  const options = parseOptions(specs, argv);
  if (options instanceof OptionError) return printUsageAndExit(specs, options.message);
  const usage = (message: string) => printUsageAndExit(specs, message);
  const early = maybePrintHelpOrVersion(options, CONSUMER_HELP_MESSAGE);
  if (early) return early;

  try {
    // checkRequiredArgs()
    const topic = options.valueOf('topic');
    const include = options.has('include')
      ? options.valueOf('include')
      : options.valueOf('whitelist');
    if ((topic === undefined) === (include === undefined)) {
      return usage(
        'Exactly one of --include/--topic is required. ' +
          (options.has('whitelist')
            ? '--whitelist is DEPRECATED use --include instead; ignored if --include specified.'
            : ''),
      );
    }
    const partition = options.has('partition') ? options.intValueOf('partition') : undefined;
    const fromBeginning = options.has('from-beginning');
    if (partition !== undefined) {
      if (!options.has('topic')) return usage('The topic is required when partition is specified.');
      if (fromBeginning && options.has('offset'))
        return usage('Options from-beginning and offset cannot be specified together.');
    } else if (options.has('offset')) {
      return usage('The partition is required when offset is specified.');
    }
    const missing = checkRequiredArgs(options, 'bootstrap-server');
    if (missing) return missing;

    const fileProps: Record<string, string> = {};
    if (options.has('consumer.config')) {
      const path = options.valueOf('consumer.config')!;
      const loaded = loadProps(path);
      if (loaded === undefined) return { uncaught: noSuchFile(path) };
      Object.assign(fileProps, loaded);
    }
    const extraProps = parseKeyValueArgs(options.valuesOf('consumer-property'));

    // checkConsumerGroup
    const groupIds: string[] = [];
    const addGroup = (g: string | undefined) => {
      if (g !== undefined && !groupIds.includes(g)) groupIds.push(g);
    };
    if (options.has('group')) addGroup(options.valueOf('group'));
    addGroup(fileProps['group.id']);
    addGroup(extraProps.get('group.id'));
    if (groupIds.length > 1)
      return usage(
        "The group ids provided in different places (directly using '--group', via '--consumer-property', or via '--consumer.config') do not match. " +
          `Detected group ids: ${groupIds.map((g) => `'${g}'`).join(', ')}`,
      );
    if (groupIds.length > 0 && partition !== undefined)
      return usage('Options group and partition cannot be specified together.');

    // buildConsumerProps
    const props: Record<string, string> = { ...fileProps };
    for (const [k, v] of extraProps) props[k] = v;
    if ('auto.offset.reset' in props) {
      const reset = props['auto.offset.reset']!;
      if (fromBeginning && reset !== 'earliest')
        return {
          stdout: '',
          stderr: `Can't simultaneously specify --from-beginning and 'auto.offset.reset=${reset}', please remove one option\n`,
          exitCode: 1,
        };
    } else {
      props['auto.offset.reset'] = fromBeginning ? 'earliest' : 'latest';
    }
    props['bootstrap.servers'] = options.valueOf('bootstrap-server')!;
    if (props['client.id'] === undefined) props['client.id'] = 'console-consumer';
    if (options.has('isolation-level') || !('isolation.level' in props))
      props['isolation.level'] = options.valueOf('isolation-level')!;
    if (groupIds.length === 0) {
      props['group.id'] = `console-consumer-${randomGroupSuffix()}`;
      // "avoid unnecessary expansion of the coordinator cache since the auto-generated group and
      // its offsets is not intended to be used again"
      if (!('enable.auto.commit' in props)) props['enable.auto.commit'] = 'false';
    } else {
      props['group.id'] = groupIds[0]!;
    }

    // parseOffset
    let offset = fromBeginning ? EARLIEST : LATEST;
    if (options.has('offset')) {
      const raw = options.valueOf('offset')!;
      const lower = raw.toLowerCase();
      if (lower === 'earliest') offset = EARLIEST;
      else if (lower === 'latest') offset = LATEST;
      else {
        const n = /^[+-]?\d+$/.test(raw) ? Number(raw) : NaN;
        if (!Number.isSafeInteger(n) || n < 0)
          return usage(
            `The provided offset value '${raw}' is incorrect. Valid values are 'earliest', 'latest', or a non-negative long.`,
          );
        offset = n;
      }
    }

    // parseTimeoutMs, then buildFormatter
    const timeout = options.has('timeout-ms') ? options.intValueOf('timeout-ms')! : -1;
    let formatterClass = options.valueOf('formatter')!;
    const formatterProps = new Map<string, string>();
    if (options.has('formatter-config')) {
      const path = options.valueOf('formatter-config')!;
      const loaded = loadProps(path);
      if (loaded === undefined) return usage(path);
      for (const [k, v] of Object.entries(loaded)) formatterProps.set(k, v);
    }
    const keyDeserializer = options.valueOf('key-deserializer');
    if (keyDeserializer) formatterProps.set('key.deserializer', keyDeserializer);
    const valueDeserializer = options.valueOf('value-deserializer');
    if (valueDeserializer) formatterProps.set('value.deserializer', valueDeserializer);
    for (const [k, v] of parseKeyValueArgs(options.valuesOf('property'))) formatterProps.set(k, v);
    let warnings = '';
    const modern = LEGACY_FORMATTERS[formatterClass];
    if (modern !== undefined) {
      warnings = `WARNING: ${formatterClass} is deprecated and will be removed in the next major release. Please use ${modern} instead\n`;
      formatterClass = modern;
    }
    if (!KNOWN_FORMATTERS.includes(formatterClass)) return usage(formatterClass);

    return {
      options,
      topic,
      include: topic === undefined ? include : undefined,
      partition,
      offset,
      maxMessages: options.has('max-messages') ? options.intValueOf('max-messages')! : -1,
      timeoutMs: timeout >= 0 ? timeout : Infinity,
      enableSystestEvents: options.has('enable-systest-events'),
      consumerProps: props,
      formatterClass,
      formatterProps,
      warnings,
    };
  } catch (e) {
    // A value jopt cannot convert (`--partition x`) throws from `valueOf`, outside any catch.
    if (e instanceof OptionError)
      return {
        uncaught: [
          `Exception in thread "main" ${e.toString()}`,
          '\tat joptsimple.ArgumentAcceptingOptionSpec.convert(ArgumentAcceptingOptionSpec.java:301)',
          '\tat joptsimple.OptionSet.valuesOf(OptionSet.java:249)',
          '\tat joptsimple.OptionSet.valueOf(OptionSet.java:172)',
          '\tat org.apache.kafka.tools.consumer.ConsoleConsumerOptions.<init>(ConsoleConsumerOptions.java:163)',
          '\tat org.apache.kafka.tools.consumer.ConsoleConsumer.main(ConsoleConsumer.java:62)',
          '',
        ].join('\n'),
      };
    throw e;
  }
}

/** Formatters the simulated tool can run (tools/src/main/java/org/apache/kafka/tools/consumer/). */
export const KNOWN_FORMATTERS = [
  DEFAULT_MESSAGE_FORMATTER,
  'org.apache.kafka.tools.consumer.LoggingMessageFormatter',
  'org.apache.kafka.tools.consumer.NoOpMessageFormatter',
];

/**
 * The pre-3.8 Scala formatter names, which 3.8/3.9 still accept with a warning on stderr
 * (MEMORY: `ConsoleConsumerOptions.convertDeprecatedClass`; dropped in 4.0).
 */
const LEGACY_FORMATTERS: Record<string, string> = {
  'kafka.tools.DefaultMessageFormatter': DEFAULT_MESSAGE_FORMATTER,
  'kafka.tools.LoggingMessageFormatter': 'org.apache.kafka.tools.consumer.LoggingMessageFormatter',
  'kafka.tools.NoOpMessageFormatter': 'org.apache.kafka.tools.consumer.NoOpMessageFormatter',
};

/** What the JVM prints when `Utils.loadProps` escapes `main` (`main` declares `throws Exception`). */
function noSuchFile(path: string): string {
  return [
    `Exception in thread "main" java.nio.file.NoSuchFileException: ${path}`,
    '\tat java.base/sun.nio.fs.UnixException.translateToIOException(UnixException.java:92)',
    '\tat org.apache.kafka.common.utils.Utils.loadProps(Utils.java:673)',
    '\tat org.apache.kafka.tools.consumer.ConsoleConsumerOptions.<init>(ConsoleConsumerOptions.java:172)',
    '\tat org.apache.kafka.tools.consumer.ConsoleConsumer.main(ConsoleConsumer.java:62)',
    '',
  ].join('\n');
}
