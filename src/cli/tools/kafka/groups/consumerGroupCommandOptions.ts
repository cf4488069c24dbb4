/**
 * kafka-consumer-groups' options and argument checks, transcribed from Kafka 3.9's
 * tools/src/main/java/org/apache/kafka/tools/consumer/group/ConsumerGroupCommandOptions.java
 * (`fromArgs` = parse + `checkArgs`; help/version first since KAFKA-16415).
 */
import type { CommandExit, OptionSpec, ParsedOptions } from '../../../options/index';
import {
  checkInvalidArgs,
  checkRequiredArgs,
  hashSetOrder,
  maybePrintHelpOrVersion,
  printUsageAndExit,
  specToString,
  withDefaultOptions,
} from '../../../options/index';

const NL = '\n';

/** The usage message `maybePrintHelpOrVersion` prints above the table. */
export const CONSUMER_GROUPS_USAGE =
  'This tool helps to list all consumer groups, describe a consumer group, delete consumer group info, or reset consumer group offsets.';

const required = (describedAs: string, type: 'String' | 'Long' = 'String') =>
  ({ kind: 'required', describedAs, type }) as const;

/** `ConsumerGroupCommandOptions`' parser, in declaration order. */
export const consumerGroupOptionSpecs: OptionSpec[] = withDefaultOptions([
  {
    name: 'bootstrap-server',
    description: 'REQUIRED: The server(s) to connect to.',
    argument: required('server to connect to'),
  },
  {
    name: 'group',
    description: 'The consumer group we wish to act on.',
    argument: required('consumer group'),
  },
  {
    name: 'topic',
    description:
      'The topic whose consumer group information should be deleted or topic whose should be included in the reset offset process. ' +
      'In `reset-offsets` case, partitions can be specified using this format: `topic1:0,1,2`, where 0,1,2 are the partition to be included in the process. ' +
      'Reset-offsets also supports multiple topic inputs.',
    argument: required('topic'),
  },
  {
    name: 'all-topics',
    description: 'Consider all topics assigned to a group in the `reset-offsets` process.',
  },
  { name: 'list', description: 'List all consumer groups.' },
  {
    name: 'describe',
    description:
      'Describe consumer group and list offset lag (number of messages not yet processed) related to given group.',
  },
  { name: 'all-groups', description: 'Apply to all consumer groups.' },
  {
    name: 'delete',
    description:
      'Pass in groups to delete topic partition offsets and ownership information over the entire consumer group. For instance --group g1 --group g2',
  },
  {
    name: 'timeout',
    description:
      'The timeout that can be set for some use cases. For example, it can be used when describing the group ' +
      'to specify the maximum amount of time in milliseconds to wait before the group stabilizes (when the group is just created, ' +
      'or is going through some changes).',
    argument: { ...required('timeout (ms)', 'Long'), defaultValues: ['5000'] },
  },
  {
    name: 'command-config',
    description: 'Property file containing configs to be passed to Admin Client and Consumer.',
    argument: required('command config property file'),
  },
  {
    name: 'reset-offsets',
    description:
      'Reset offsets of consumer group. Supports one consumer group at the time, and instances should be inactive' +
      NL +
      'Has 2 execution options: --dry-run (the default) to plan which offsets to reset, and --execute to update the offsets. ' +
      'Additionally, the --export option is used to export the results to a CSV format.' +
      NL +
      'You must choose one of the following reset specifications: --to-datetime, --by-duration, --to-earliest, ' +
      '--to-latest, --shift-by, --from-file, --to-current, --to-offset.' +
      NL +
      "To define the scope use --all-topics or --topic. One scope must be specified unless you use '--from-file'.",
  },
  {
    name: 'delete-offsets',
    description:
      'Delete offsets of consumer group. Supports one consumer group at the time, and multiple topics.',
  },
  {
    name: 'dry-run',
    description:
      'Only show results without executing changes on Consumer Groups. Supported operations: reset-offsets.',
  },
  { name: 'execute', description: 'Execute operation. Supported operations: reset-offsets.' },
  {
    name: 'export',
    description: 'Export operation execution to a CSV file. Supported operations: reset-offsets.',
  },
  {
    name: 'to-offset',
    description: 'Reset offsets to a specific offset.',
    argument: required('offset', 'Long'),
  },
  {
    name: 'from-file',
    description: 'Reset offsets to values defined in CSV file.',
    argument: required('path to CSV file'),
  },
  {
    name: 'to-datetime',
    description: "Reset offsets to offset from datetime. Format: 'YYYY-MM-DDTHH:mm:SS.sss'",
    argument: required('datetime'),
  },
  {
    name: 'by-duration',
    description: "Reset offsets to offset by duration from current timestamp. Format: 'PnDTnHnMnS'",
    argument: required('duration'),
  },
  { name: 'to-earliest', description: 'Reset offsets to earliest offset.' },
  { name: 'to-latest', description: 'Reset offsets to latest offset.' },
  { name: 'to-current', description: 'Reset offsets to current offset.' },
  {
    name: 'shift-by',
    description:
      "Reset offsets shifting current offset by 'n', where 'n' can be positive or negative.",
    argument: required('number-of-offsets', 'Long'),
  },
  {
    name: 'members',
    description:
      "Describe members of the group. This option may be used with '--describe' and '--bootstrap-server' options only." +
      NL +
      'Example: --bootstrap-server localhost:9092 --describe --group group1 --members',
    availableIf: ['describe'],
  },
  {
    name: 'verbose',
    description:
      'Provide additional information, if any, when describing the group. This option may be used ' +
      "with '--offsets'/'--members'/'--state' and '--bootstrap-server' options only." +
      NL +
      'Example: --bootstrap-server localhost:9092 --describe --group group1 --members --verbose',
    availableIf: ['describe'],
  },
  {
    name: 'offsets',
    description:
      'Describe the group and list all topic partitions in the group along with their offset lag. ' +
      "This is the default sub-action of and may be used with '--describe' and '--bootstrap-server' options only." +
      NL +
      'Example: --bootstrap-server localhost:9092 --describe --group group1 --offsets',
    availableIf: ['describe'],
  },
  {
    name: 'state',
    description:
      "When specified with '--describe', includes the state of the group." +
      NL +
      'Example: --bootstrap-server localhost:9092 --describe --group group1 --state' +
      NL +
      "When specified with '--list', it displays the state of all groups. It can also be used to list groups with specific states." +
      NL +
      'Example: --bootstrap-server localhost:9092 --list --state stable,empty' +
      NL +
      "This option may be used with '--describe', '--list' and '--bootstrap-server' options only.",
    availableIf: ['describe', 'list'],
    argument: { kind: 'optional', type: 'String' },
  },
  {
    name: 'type',
    description:
      "When specified with '--list', it displays the types of all the groups. It can also be used to list groups with specific types." +
      NL +
      'Example: --bootstrap-server localhost:9092 --list --type classic,consumer' +
      NL +
      "This option may be used with the '--list' option only.",
    availableIf: ['list'],
    argument: { kind: 'optional', type: 'String' },
  },
]);

/** `allResetOffsetScenarioOpts`, a HashSet in the source. */
export const RESET_SCENARIOS = [
  'to-offset',
  'shift-by',
  'to-datetime',
  'by-duration',
  'to-earliest',
  'to-latest',
  'to-current',
  'from-file',
] as const;

/** `allGroupSelectionScopeOpts` / `allConsumerGroupLevelOpts` / `allDeleteOffsetsOpts`. */
const GROUP_SELECTION_SCOPE = ['group', 'all-groups'];
const CONSUMER_GROUP_LEVEL = ['list', 'describe', 'delete', 'reset-offsets'];
const DELETE_OFFSETS_OPTS = ['group', 'topic'];

/** `new HashSet<>(Arrays.asList(...))` of these options, in iteration order. */
export function optionSet(names: readonly string[]): string[] {
  return hashSetOrder(consumerGroupOptionSpecs, names);
}

/** `Utils.join(set, ", ")` / `Set.toString()` items: `[group], [all-groups]`. */
export function joinOptions(options: ParsedOptions, names: readonly string[]): string {
  return names.map((n) => specToString(options.spec(n))).join(', ');
}

/** `ToolsUtils.minus(set, ...remove)`: a HashSet copy without those; same iteration order. */
function minus(set: readonly string[], ...remove: string[]): string[] {
  return set.filter((n) => !remove.includes(n));
}

/**
 * The WARN `checkArgs` prints with `System.err.println` when `--reset-offsets` has neither
 * `--execute` nor `--dry-run` (sic: no space after "missing.").
 */
export const NO_EXECUTE_WARNING =
  'WARN: No action will be performed as the --execute option is missing.' +
  'In a future major release, the default behavior of this command will be to prompt the user before ' +
  'executing the reset rather than doing a dry run. You should add the --dry-run option explicitly ' +
  'if you are scripting this command and want to keep the current default behavior without prompting.';

/**
 * `ConsumerGroupCommandOptions.checkArgs`. Returns how the tool exits when a check fails;
 * `warn` receives the stderr lines printed without exiting.
 */
export function checkArgs(
  options: ParsedOptions,
  warn: (line: string) => void,
): CommandExit | undefined {
  const helpOrVersion = maybePrintHelpOrVersion(options, CONSUMER_GROUPS_USAGE);
  if (helpOrVersion) return helpOrVersion;
  const missing = checkRequiredArgs(options, 'bootstrap-server');
  if (missing) return missing;
  const usage = (message: string) => printUsageAndExit(options.specs, message);
  const opt = (name: string) => specToString(options.spec(name));
  const scope = joinOptions(options, optionSet(GROUP_SELECTION_SCOPE));

  if (options.has('describe')) {
    if (!options.has('group') && !options.has('all-groups'))
      return usage(`Option ${opt('describe')} takes one of these options: ${scope}`);
    const exclusive = ['members', 'offsets', 'state'];
    if (exclusive.filter((n) => options.has(n)).length > 1)
      return usage(
        `Option ${opt('describe')} takes at most one of these options: ${joinOptions(options, exclusive)}`,
      );
    if (options.has('state') && options.valueOf('state') !== undefined)
      return usage(`Option ${opt('describe')} does not take a value for ${opt('state')}`);
  }

  if (options.has('delete')) {
    if (!options.has('group') && !options.has('all-groups'))
      return usage(`Option ${opt('delete')} takes one of these options: ${scope}`);
    if (options.has('topic'))
      return usage(
        'The consumer does not support topic-specific offset deletion from a consumer group.',
      );
  }

  if (options.has('delete-offsets') && (!options.has('group') || !options.has('topic')))
    return usage(
      `Option ${opt('delete-offsets')} takes the following options: ${joinOptions(options, optionSet(DELETE_OFFSETS_OPTS))}`,
    );

  if (options.has('reset-offsets')) {
    if (options.has('dry-run') && options.has('execute'))
      return usage(
        `Option ${opt('reset-offsets')} only accepts one of ${opt('execute')} and ${opt('dry-run')}`,
      );
    if (!options.has('dry-run') && !options.has('execute')) warn(NO_EXECUTE_WARNING);
    if (!options.has('group') && !options.has('all-groups'))
      return usage(`Option ${opt('reset-offsets')} takes one of these options: ${scope}`);
    const scenarios = optionSet(RESET_SCENARIOS);
    for (const scenario of [
      'to-offset',
      'to-datetime',
      'by-duration',
      'to-earliest',
      'to-latest',
      'to-current',
      'shift-by',
      'from-file',
    ]) {
      const invalid = checkInvalidArgs(options, scenario, minus(scenarios, scenario));
      if (invalid) return invalid;
    }
  }

  const groupLevel = optionSet(CONSUMER_GROUP_LEVEL);
  return (
    checkInvalidArgs(options, 'group', minus(optionSet(GROUP_SELECTION_SCOPE), 'group')) ??
    checkInvalidArgs(options, 'group', minus(groupLevel, 'describe', 'delete', 'reset-offsets')) ??
    checkInvalidArgs(options, 'topic', minus(groupLevel, 'delete', 'reset-offsets'))
  );
}
