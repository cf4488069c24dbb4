/**
 * kafka-topics' option tables, transcribed from `TopicCommand.TopicCommandOptions`
 * (tools/src/main/java/org/apache/kafka/tools/TopicCommand.java) for the help-formatter tests.
 */
import type { OptionSpec } from '../optionSpec';
import { withDefaultOptions } from '../optionSpec';
import {
  LOG_CONFIG_NAMES,
  topicCommandOptions,
} from '../../tools/kafka/topics/topicCommandOptions';

const nl = '\n';

/** `LogConfig.configNames()` of Kafka 3.9: the list kafka-topics itself prints (one source). */
export const LOG_CONFIG_NAMES_3_9: readonly string[] = LOG_CONFIG_NAMES;

export const LOG_CONFIG_NAMES_4_0 = LOG_CONFIG_NAMES_3_9.filter(
  (name) =>
    ![
      'message.downconversion.enable',
      'message.format.version',
      'message.timestamp.difference.max.ms',
    ].includes(name),
);

const REPLICA_ASSIGNMENT_ARG =
  'broker_id_for_part1_replica1 : broker_id_for_part1_replica2 , ' +
  'broker_id_for_part2_replica1 : broker_id_for_part2_replica2 , ...';

const TOPIC_DESCRIPTION =
  'The topic to create, alter, describe or delete. It also accepts a regular ' +
  "expression, except for --create option. Put topic name in double quotes and use the '\\' prefix " +
  'to escape regular expression symbols; e.g. "test\\.topic".';

/** Kafka 3.9: the table kafka-topics itself uses (src/cli/tools/kafka/topics), as a fresh array. */
export function topicCommandOptions39(): OptionSpec[] {
  return [...topicCommandOptions];
}

/** Kafka 4.0 (apache/kafka trunk TopicCommandOptions at commit 0be3b2b9), for topicHelp40. */
export function topicCommandOptions40(
  configNames: readonly string[] = LOG_CONFIG_NAMES_4_0,
): OptionSpec[] {
  const kafkaConfigs = ' (To alter topic configurations, the kafka-configs tool can be used.)';
  const logConfigNames = configNames.map((c) => '\t' + c).join(nl);
  return withDefaultOptions([
    {
      name: 'bootstrap-server',
      description: 'REQUIRED: The Kafka server to connect to.',
      argument: { kind: 'required', describedAs: 'server to connect to', type: 'String' },
    },
    {
      name: 'command-config',
      description: 'Property file containing configs to be passed to Admin Client.',
      argument: { kind: 'required', describedAs: 'command config property file', type: 'String' },
    },
    { name: 'list', description: 'List all available topics.' },
    { name: 'create', description: 'Create a new topic.' },
    { name: 'delete', description: 'Delete a topic.' },
    {
      name: 'alter',
      description: 'Alter the number of partitions and replica assignment.' + kafkaConfigs,
    },
    { name: 'describe', description: 'List details for the given topics.' },
    {
      name: 'topic',
      description: TOPIC_DESCRIPTION,
      argument: { kind: 'required', describedAs: 'topic', type: 'String' },
    },
    {
      name: 'topic-id',
      description: 'The topic-id to describe.',
      argument: { kind: 'required', describedAs: 'topic-id', type: 'String' },
    },
    {
      name: 'config',
      description:
        'A topic configuration override for the topic being created.' +
        ' The following is a list of valid configurations: ' +
        nl +
        logConfigNames +
        nl +
        'See the Kafka documentation for full details on the topic configs.' +
        ' It is supported only in combination with --create.' +
        kafkaConfigs,
      argument: { kind: 'required', describedAs: 'name=value', type: 'String' },
    },
    {
      name: 'delete-config',
      description: 'This option is no longer supported and has been deprecated since 4.0',
      argument: { kind: 'required', describedAs: 'name', type: 'String' },
    },
    {
      name: 'partitions',
      description:
        'The number of partitions for the topic being created or ' +
        'altered. If not supplied with --create, the topic uses the cluster default. (WARNING: If partitions are increased for a topic that has a key, the partition logic or ordering of the messages will be affected).',
      argument: { kind: 'required', describedAs: '# of partitions', type: 'Integer' },
    },
    {
      name: 'replication-factor',
      description:
        'The replication factor for each partition in the topic being created. If not supplied, the topic uses the cluster default.',
      argument: { kind: 'required', describedAs: 'replication factor', type: 'Integer' },
    },
    {
      name: 'replica-assignment',
      description:
        'A list of manual partition-to-broker assignments for the topic being created or altered.',
      argument: { kind: 'required', describedAs: REPLICA_ASSIGNMENT_ARG, type: 'String' },
    },
    {
      name: 'under-replicated-partitions',
      description: 'If set when describing topics, only show under-replicated partitions.',
    },
    {
      name: 'unavailable-partitions',
      description:
        'If set when describing topics, only show partitions whose leader is not available.',
    },
    {
      name: 'under-min-isr-partitions',
      description:
        'If set when describing topics, only show partitions whose isr count is less than the configured minimum.',
    },
    {
      name: 'at-min-isr-partitions',
      description:
        'If set when describing topics, only show partitions whose isr count is equal to the configured minimum.',
    },
    {
      name: 'topics-with-overrides',
      description: 'If set when describing topics, only show topics that have overridden configs.',
    },
    {
      name: 'if-exists',
      description:
        'If set when altering or deleting or describing topics, the action will only execute if the topic exists.',
    },
    {
      name: 'if-not-exists',
      description:
        'If set when creating topics, the action will only execute if the topic does not already exist.',
    },
    {
      name: 'exclude-internal',
      description:
        'Exclude internal topics when listing or describing topics. By default, the internal topics are included.',
    },
    {
      name: 'partition-size-limit-per-response',
      description:
        'The maximum partition size to be included in one DescribeTopicPartitions response.',
      argument: {
        kind: 'required',
        describedAs: 'maximum number of partitions per response',
        type: 'Integer',
      },
    },
  ]);
}
