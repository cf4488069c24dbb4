/**
 * kafka-reassign-partitions' options and their checks, from
 * tools/src/main/java/org/apache/kafka/tools/reassign/ReassignPartitionsCommandOptions.java and
 * `ReassignPartitionsCommand.validateAndParseArgs` (Kafka 3.9: `--bootstrap-server` only;
 * `--bootstrap-controller` came in 4.0, KAFKA-17374).
 */
import {
  checkRequiredArgs,
  maybePrintHelpOrVersion,
  printUsageAndExit,
  specToString,
  withDefaultOptions,
} from '../../../options/index';
import type { CommandExit, OptionSpec, ParsedOptions } from '../../../options/index';

export const REASSIGN_HELP = 'This tool helps to move topic partitions between replicas.';

export const reassignOptions: OptionSpec[] = withDefaultOptions([
  {
    name: 'verify',
    description:
      'Verify if the reassignment completed as specified by the --reassignment-json-file option. If there is a throttle engaged for the replicas specified, and the rebalance has completed, the throttle will be removed',
  },
  {
    name: 'generate',
    description:
      'Generate a candidate partition reassignment configuration. Note that this only generates a candidate assignment, it does not execute it.',
  },
  {
    name: 'execute',
    description: 'Kick off the reassignment as specified by the --reassignment-json-file option.',
  },
  { name: 'cancel', description: 'Cancel an active reassignment.' },
  { name: 'list', description: 'List all active partition reassignments.' },
  {
    name: 'bootstrap-server',
    description: 'REQUIRED: the server(s) to use for bootstrapping.',
    argument: { kind: 'required', describedAs: 'Server(s) to use for bootstrapping' },
  },
  {
    name: 'command-config',
    description: 'Property file containing configs to be passed to Admin Client.',
    argument: { kind: 'required', describedAs: 'Admin client property file' },
  },
  {
    name: 'reassignment-json-file',
    description:
      'The JSON file with the partition reassignment configurationThe format to use is - \n{"partitions":\n\t[{"topic": "foo",\n\t  "partition": 1,\n\t  "replicas": [1,2,3],\n\t  "log_dirs": ["dir1","dir2","dir3"] }],\n"version":1\n}\nNote that "log_dirs" is optional. When it is specified, its length must equal the length of the replicas list. The value in this list can be either "any" or the absolution path of the log directory on the broker. If absolute log directory path is specified, the replica will be moved to the specified log directory on the broker.',
    argument: { kind: 'required', describedAs: 'manual assignment json file path' },
  },
  {
    name: 'topics-to-move-json-file',
    description:
      'Generate a reassignment configuration to move the partitions of the specified topics to the list of brokers specified by the --broker-list option. The format to use is - \n{"topics":\n\t[{"topic": "foo"},{"topic": "foo1"}],\n"version":1\n}',
    argument: { kind: 'required', describedAs: 'topics to reassign json file path' },
  },
  {
    name: 'broker-list',
    description:
      'The list of brokers to which the partitions need to be reassigned in the form "0,1,2". This is required if --topics-to-move-json-file is used to generate reassignment configuration',
    argument: { kind: 'required', describedAs: 'brokerlist' },
  },
  { name: 'disable-rack-aware', description: 'Disable rack aware replica assignment' },
  {
    name: 'throttle',
    description:
      'The movement of partitions between brokers will be throttled to this value (bytes/sec). This option can be included with --execute when a reassignment is started, and it can be altered by resubmitting the current reassignment along with the --additional flag. The throttle rate should be at least 1 KB/s.',
    argument: { kind: 'required', describedAs: 'throttle', type: 'Long', defaultValues: ['-1'] },
  },
  {
    name: 'replica-alter-log-dirs-throttle',
    description:
      'The movement of replicas between log directories on the same broker will be throttled to this value (bytes/sec). This option can be included with --execute when a reassignment is started, and it can be altered by resubmitting the current reassignment along with the --additional flag. The throttle rate should be at least 1 KB/s.',
    argument: {
      kind: 'required',
      describedAs: 'replicaAlterLogDirsThrottle',
      type: 'Long',
      defaultValues: ['-1'],
    },
  },
  {
    name: 'timeout',
    description: 'The maximum time in ms to wait for log directory replica assignment to begin.',
    argument: { kind: 'required', describedAs: 'timeout', type: 'Long', defaultValues: ['10000'] },
  },
  {
    name: 'additional',
    description:
      'Execute this reassignment in addition to any other ongoing ones. This option can also be used to change the throttle of an ongoing reassignment.',
  },
  { name: 'preserve-throttles', description: 'Do not modify broker or topic throttles.' },
]);

export type ReassignAction = 'generate' | 'execute' | 'verify' | 'cancel' | 'list';

const validActions: ReassignAction[] = ['generate', 'execute', 'verify', 'cancel', 'list'];

const requiredArgs: Record<ReassignAction, string[]> = {
  verify: ['reassignment-json-file'],
  generate: ['topics-to-move-json-file', 'broker-list'],
  execute: ['reassignment-json-file'],
  cancel: ['reassignment-json-file'],
  list: [],
};

const permittedArgs: Record<ReassignAction, string[]> = {
  verify: ['bootstrap-server', 'command-config', 'preserve-throttles'],
  generate: ['bootstrap-server', 'broker-list', 'command-config', 'disable-rack-aware'],
  execute: [
    'additional',
    'bootstrap-server',
    'command-config',
    'throttle',
    'replica-alter-log-dirs-throttle',
    'timeout',
  ],
  cancel: ['bootstrap-server', 'command-config', 'preserve-throttles', 'timeout'],
  list: ['bootstrap-server', 'command-config'],
};

/**
 * `validateAndParseArgs` after parsing: help/version, exactly one action, `--bootstrap-server`,
 * the action's required arguments, and no option the action does not permit (checked in the
 * order the options appear on the command line, as `OptionSet.specs()` lists them).
 */
export function validateReassignArgs(
  options: ParsedOptions,
): { action: ReassignAction } | CommandExit {
  const help = maybePrintHelpOrVersion(options, REASSIGN_HELP);
  if (help) return help;
  const actions = validActions.filter((a) => options.has(a));
  if (actions.length !== 1)
    return printUsageAndExit(
      options.specs,
      `Command must include exactly one action: ${validActions.map((a) => `--${a}`).join(', ')}`,
    );
  const action = actions[0]!;
  if (!options.has('bootstrap-server'))
    return printUsageAndExit(options.specs, 'Please specify --bootstrap-server');
  const missing = checkRequiredArgs(options, ...requiredArgs[action]);
  if (missing) return missing;
  const allowed = new Set<string>([action, ...requiredArgs[action], ...permittedArgs[action]]);
  for (const name of detectedInOrder(options)) {
    if (!allowed.has(name))
      return printUsageAndExit(
        options.specs,
        `Option "${specToString(options.spec(name))}" can't be used with action "${specToString(options.spec(action))}"`,
      );
  }
  return { action };
}

/** The options given, in the order they first appear on the command line. */
function detectedInOrder(options: ParsedOptions): string[] {
  const seen: string[] = [];
  for (const arg of options.argv) {
    const m = /^--?([^=]+)/.exec(arg);
    if (!m) continue;
    const name = m[1]!;
    if (options.specs.some((s) => s.name === name) && options.has(name) && !seen.includes(name))
      seen.push(name);
  }
  return seen;
}
