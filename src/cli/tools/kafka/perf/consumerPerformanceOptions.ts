/**
 * `ConsumerPerformance.ConsumerPerfOptions` (tools/src/main/java/org/apache/kafka/tools/
 * ConsumerPerformance.java, Kafka 3.9, a `CommandDefaultOptions`): the jopt-simple option table,
 * the checks of its constructor, and the consumer properties `props()` builds. Kafka 3.9 still has
 * the deprecated `--broker-list`, `--threads` and `--num-fetch-threads` (removed in 4.0, when
 * `--include` came).
 */
import type { CommandExit, OptionSpec, ParsedOptions } from '../../../options/index';
import {
  checkRequiredArgs,
  maybePrintHelpOrVersion,
  OptionError,
  parseOptions,
  printUsageAndExit,
  withDefaultOptions,
} from '../../../options/index';

/** `maybePrintHelpOrVersion`'s message. */
export const CONSUMER_PERF_HELP = 'This tool is used to verify the consumer performance.';

/** `--date-format`'s default. */
export const DEFAULT_DATE_FORMAT = 'yyyy-MM-dd HH:mm:ss:SSS';

/**
 * The option table in declaration order. `--group` defaults to `perf-consumer-` and a random
 * number below 100,000 (`RND.nextInt(100_000)`), drawn from the cluster's seeded PRNG.
 */
export function consumerPerfSpecs(groupSuffix: number): readonly OptionSpec[] {
  return withDefaultOptions([
    {
      name: 'broker-list',
      description:
        'DEPRECATED, use --bootstrap-server instead; ignored if --bootstrap-server is specified. The broker list string in the form HOST1:PORT1,HOST2:PORT2.',
      argument: { kind: 'required', describedAs: 'broker-list' },
    },
    {
      name: 'bootstrap-server',
      description:
        'REQUIRED unless --broker-list(deprecated) is specified. The server(s) to connect to.',
      requiredUnless: ['broker-list'],
      argument: { kind: 'required', describedAs: 'server to connect to' },
    },
    {
      name: 'topic',
      description: 'REQUIRED: The topic to consume from.',
      argument: { kind: 'required', describedAs: 'topic' },
    },
    {
      name: 'group',
      description: 'The group id to consume on.',
      argument: {
        kind: 'required',
        describedAs: 'gid',
        defaultValues: [`perf-consumer-${groupSuffix}`],
      },
    },
    {
      name: 'fetch-size',
      description: 'The amount of data to fetch in a single request.',
      argument: {
        kind: 'required',
        describedAs: 'size',
        type: 'Integer',
        defaultValues: ['1048576'],
      },
    },
    {
      name: 'from-latest',
      description:
        'If the consumer does not already have an established offset to consume from, start with the latest message present in the log rather than the earliest message.',
    },
    {
      name: 'socket-buffer-size',
      description: 'The size of the tcp RECV size.',
      argument: {
        kind: 'required',
        describedAs: 'size',
        type: 'Integer',
        defaultValues: ['2097152'],
      },
    },
    {
      name: 'threads',
      description: 'DEPRECATED AND IGNORED: Number of processing threads.',
      argument: { kind: 'required', describedAs: 'count', type: 'Integer', defaultValues: ['10'] },
    },
    {
      name: 'num-fetch-threads',
      description: 'DEPRECATED AND IGNORED: Number of fetcher threads.',
      argument: { kind: 'required', describedAs: 'count', type: 'Integer', defaultValues: ['1'] },
    },
    {
      name: 'consumer.config',
      description: 'Consumer config properties file.',
      argument: { kind: 'required', describedAs: 'config file' },
    },
    { name: 'print-metrics', description: 'Print out the metrics.' },
    {
      name: 'show-detailed-stats',
      description:
        'If set, stats are reported for each reporting interval as configured by reporting-interval',
    },
    {
      name: 'timeout',
      description: 'The maximum allowed time in milliseconds between returned records.',
      argument: {
        kind: 'optional',
        describedAs: 'milliseconds',
        type: 'Long',
        defaultValues: ['10000'],
      },
    },
    {
      name: 'messages',
      description: 'REQUIRED: The number of messages to send or consume',
      argument: { kind: 'required', describedAs: 'count', type: 'Long' },
    },
    {
      // withValuesConvertedBy(regex("^\\d+$")) is replaced by the ofType(Long.class) after it.
      name: 'reporting-interval',
      description: 'Interval in milliseconds at which to print progress info.',
      argument: {
        kind: 'required',
        describedAs: 'interval_ms',
        type: 'Long',
        defaultValues: ['5000'],
      },
    },
    {
      name: 'date-format',
      description:
        'The date format to use for formatting the time field. See java.text.SimpleDateFormat for options.',
      argument: {
        kind: 'required',
        describedAs: 'date format',
        defaultValues: [DEFAULT_DATE_FORMAT],
      },
    },
    { name: 'hide-header', description: 'If set, skips printing the header for the stats' },
  ]);
}

/** The options once the constructor's checks passed, and what it printed on stdout. */
export interface ConsumerPerfParse {
  options: ParsedOptions;
  /** The deprecation warning for `--threads` / `--num-fetch-threads`, if any. */
  stdout: string;
}

/**
 * `new ConsumerPerfOptions(args)`: parse (an OptionException prints the usage, exit 1), warn about
 * the ignored thread options, print the help for no arguments or `--help`, then require `--topic`
 * and `--messages`.
 */
export function parseConsumerPerfOptions(
  argv: readonly string[],
  groupSuffix: number,
): ConsumerPerfParse | CommandExit {
  const specs = consumerPerfSpecs(groupSuffix);
  const parsed = parseOptions(specs, argv);
  if (parsed instanceof OptionError) return printUsageAndExit(specs, parsed.message);
  const warning =
    parsed.has('threads') || parsed.has('num-fetch-threads')
      ? 'WARNING: option [threads] and [num-fetch-threads] have been deprecated and will be ignored by the test\n'
      : '';
  const exit =
    maybePrintHelpOrVersion(parsed, CONSUMER_PERF_HELP) ??
    checkRequiredArgs(parsed, 'topic', 'messages');
  if (exit) return { ...exit, stdout: warning + exit.stdout };
  return { options: parsed, stdout: warning };
}
