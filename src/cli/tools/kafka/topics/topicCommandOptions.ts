/**
 * kafka-topics' option table, transcribed from Kafka 3.9's `TopicCommand.TopicCommandOptions`
 * (tools/src/main/java/org/apache/kafka/tools/TopicCommand.java, as carried by the 3.9-based trees
 * aiven/kafka and AutoMQ/automq), in declaration order after CommandDefaultOptions' --help and
 * --version. `--help` prints it with jopt's BuiltinHelpFormatter.
 */
import type { OptionSpec } from '../../../options/index';
import { withDefaultOptions } from '../../../options/index';

/**
 * `LogConfig.configNames()` of Kafka 3.9, sorted, as `--config`'s description lists them. The
 * three deprecated message-format configs were removed in 4.0 (KIP-724) and are still here.
 */
export const LOG_CONFIG_NAMES: readonly string[] = [
  'cleanup.policy',
  'compression.gzip.level',
  'compression.lz4.level',
  'compression.type',
  'compression.zstd.level',
  'delete.retention.ms',
  'file.delete.delay.ms',
  'flush.messages',
  'flush.ms',
  'follower.replication.throttled.replicas',
  'index.interval.bytes',
  'leader.replication.throttled.replicas',
  'local.retention.bytes',
  'local.retention.ms',
  'max.compaction.lag.ms',
  'max.message.bytes',
  'message.downconversion.enable',
  'message.format.version',
  'message.timestamp.after.max.ms',
  'message.timestamp.before.max.ms',
  'message.timestamp.difference.max.ms',
  'message.timestamp.type',
  'min.cleanable.dirty.ratio',
  'min.compaction.lag.ms',
  'min.insync.replicas',
  'preallocate',
  'remote.log.copy.disable',
  'remote.log.delete.on.disable',
  'remote.storage.enable',
  'retention.bytes',
  'retention.ms',
  'segment.bytes',
  'segment.index.bytes',
  'segment.jitter.ms',
  'segment.ms',
  'unclean.leader.election.enable',
];

/** `KAFKA_CONFIGS_CLI_SUPPORTS_ALTERING_TOPIC_CONFIGS_WITH_A_BOOTSTRAP_SERVER`. */
export const KAFKA_CONFIGS_CAN_ALTER_TOPIC_CONFIGS =
  ' (the kafka-configs CLI supports altering topic configs with a --bootstrap-server option)';

const nl = '\n';

/** The five actions, of which a command line must name exactly one. */
export const TOPIC_ACTIONS = ['create', 'list', 'alter', 'describe', 'delete'] as const;

/** The table `new TopicCommandOptions(args)` builds, `--help`/`--version` first. */
export const topicCommandOptions: readonly OptionSpec[] = withDefaultOptions([
  {
    name: 'bootstrap-server',
    description: 'REQUIRED: The Kafka server to connect to.',
    argument: { kind: 'required', describedAs: 'server to connect to', type: 'String' },
  },
  {
    name: 'command-config',
    description:
      'Property file containing configs to be passed to Admin Client. ' +
      'This is used only with --bootstrap-server option for describing and altering broker configs.',
    argument: { kind: 'required', describedAs: 'command config property file', type: 'String' },
  },
  { name: 'list', description: 'List all available topics.' },
  { name: 'create', description: 'Create a new topic.' },
  { name: 'delete', description: 'Delete a topic' },
  {
    name: 'alter',
    description:
      'Alter the number of partitions and replica assignment. ' +
      'Update the configuration of an existing topic via --alter is no longer supported here' +
      KAFKA_CONFIGS_CAN_ALTER_TOPIC_CONFIGS +
      '.',
  },
  { name: 'describe', description: 'List details for the given topics.' },
  {
    name: 'topic',
    description:
      'The topic to create, alter, describe or delete. It also accepts a regular ' +
      "expression, except for --create option. Put topic name in double quotes and use the '\\' prefix " +
      'to escape regular expression symbols; e.g. "test\\.topic".',
    argument: { kind: 'required', describedAs: 'topic', type: 'String' },
  },
  {
    name: 'topic-id',
    description:
      'The topic-id to describe.' +
      'This is used only with --bootstrap-server option for describing topics.',
    argument: { kind: 'required', describedAs: 'topic-id', type: 'String' },
  },
  {
    name: 'config',
    description:
      'A topic configuration override for the topic being created.' +
      ' The following is a list of valid configurations: ' +
      nl +
      LOG_CONFIG_NAMES.map((c) => '\t' + c).join(nl) +
      nl +
      'See the Kafka documentation for full details on the topic configs.' +
      ' It is supported only in combination with --create if --bootstrap-server option is used' +
      KAFKA_CONFIGS_CAN_ALTER_TOPIC_CONFIGS +
      '.',
    argument: { kind: 'required', describedAs: 'name=value', type: 'String' },
  },
  {
    name: 'delete-config',
    description:
      'A topic configuration override to be removed for an existing topic (see the list of configurations under the --config option). ' +
      'Not supported with the --bootstrap-server option.',
    argument: { kind: 'required', describedAs: 'name', type: 'String' },
  },
  {
    name: 'partitions',
    description:
      'The number of partitions for the topic being created or ' +
      'altered (WARNING: If partitions are increased for a topic that has a key, the partition logic or ordering of the messages will be affected). If not supplied for create, defaults to the cluster default.',
    argument: { kind: 'required', describedAs: '# of partitions', type: 'Integer' },
  },
  {
    name: 'replication-factor',
    description:
      'The replication factor for each partition in the topic being created. If not supplied, defaults to the cluster default.',
    argument: { kind: 'required', describedAs: 'replication factor', type: 'Integer' },
  },
  {
    name: 'replica-assignment',
    description:
      'A list of manual partition-to-broker assignments for the topic being created or altered.',
    argument: {
      kind: 'required',
      describedAs:
        'broker_id_for_part1_replica1 : broker_id_for_part1_replica2 , ' +
        'broker_id_for_part2_replica1 : broker_id_for_part2_replica2 , ...',
      type: 'String',
    },
  },
  {
    name: 'under-replicated-partitions',
    description: 'if set when describing topics, only show under replicated partitions',
  },
  {
    name: 'unavailable-partitions',
    description:
      'if set when describing topics, only show partitions whose leader is not available',
  },
  {
    name: 'under-min-isr-partitions',
    description:
      'if set when describing topics, only show partitions whose isr count is less than the configured minimum.',
  },
  {
    name: 'at-min-isr-partitions',
    description:
      'if set when describing topics, only show partitions whose isr count is equal to the configured minimum.',
  },
  {
    name: 'topics-with-overrides',
    description: 'if set when describing topics, only show topics that have overridden configs',
  },
  {
    name: 'if-exists',
    description:
      'if set when altering or deleting or describing topics, the action will only execute if the topic exists.',
  },
  {
    name: 'if-not-exists',
    description:
      'if set when creating topics, the action will only execute if the topic does not already exist.',
  },
  {
    name: 'exclude-internal',
    description:
      'exclude internal topics when running list or describe command. The internal topics will be listed by default',
  },
  {
    name: 'partition-size-limit-per-response',
    description:
      'the maximum partition size to be included in one DescribeTopicPartitions response.',
    argument: {
      kind: 'required',
      describedAs: 'maximum number of partitions in one response.',
      type: 'Integer',
    },
  },
]);
