/**
 * The exceptions kafka-topics throws itself, with the stack frames a Kafka 3.9 JVM prints for them.
 *
 * Line numbers are those of tools/src/main/java/org/apache/kafka/tools/TopicCommand.java at 3.9
 * (counted in the 3.9-based AutoMQ tree). Four are confirmed by a real Kafka 3.9.0
 * (Confluent Platform 7.9.0) transcript: `main` 85, `mainNoExit` 90, `execute` 100 and the
 * `parser.parse` call at `TopicCommandOptions.<init>` 830; the jopt-simple 5.0.4 frames of an
 * unrecognized option are from real Kafka output too. JDK, jopt conversion and client-library frames
 * are modelled on Java 17 and Kafka 3.9's sources, not observed.
 */
import type { OptionError } from '../../../options/index';
import type { JavaThrowable } from './javaThrowable';
import { javaThrowable } from './javaThrowable';
import { newInputStreamFrames } from '../common/javaFileFrames';

const TC = 'org.apache.kafka.tools.TopicCommand';
const at = (owner: string, method: string, line: number) =>
  `${owner}.${method}(TopicCommand.java:${line})`;

/** `main` → `mainNoExit`: the bottom of every trace. */
const MAIN = [at(TC, 'mainNoExit', 90), at(TC, 'main', 85)];

/** Where `execute` calls into the service for each action (and builds the options and service). */
export const EXECUTE_LINE = {
  options: 100,
  service: 101,
  create: 105,
  alter: 107,
  list: 109,
  describe: 111,
  delete: 113,
} as const;

export type ExecuteStep = keyof typeof EXECUTE_LINE;

/** Frames from `execute` down to `main`, for a call made at `step`. */
export function executeFrames(step: ExecuteStep): string[] {
  return [at(TC, 'execute', EXECUTE_LINE[step]), ...MAIN];
}

const OPTIONS = `${TC}$TopicCommandOptions`;
const SERVICE = `${TC}$TopicService`;

/** The service method of each action and the line where it builds `CommandTopicPartition`. */
const SERVICE_FRAMES = {
  create: [at(SERVICE, 'createTopic', 460)],
  alter: [at(SERVICE, 'alterTopic', 510)],
} as const;

/** jopt's `parser.parse(args)` in the options constructor. */
const PARSE_FRAMES = [at(OPTIONS, '<init>', 830), ...executeFrames('options')];

/** jopt-simple 5.0.4 frames above `OptionParser.parse` for each way a parse fails. */
const JOPT_FRAMES: Record<string, readonly string[]> = {
  'joptsimple.UnrecognizedOptionException:long': [
    'joptsimple.OptionException.unrecognizedOption(OptionException.java:108)',
    'joptsimple.OptionParser.handleLongOptionToken(OptionParser.java:510)',
    'joptsimple.OptionParserState$2.handleArgument(OptionParserState.java:56)',
  ],
  'joptsimple.UnrecognizedOptionException:short': [
    'joptsimple.OptionException.unrecognizedOption(OptionException.java:108)',
    'joptsimple.OptionParser.validateOptionCharacters(OptionParser.java:633)',
    'joptsimple.OptionParser.handleShortOptionCluster(OptionParser.java:528)',
    'joptsimple.OptionParser.handleShortOptionToken(OptionParser.java:523)',
    'joptsimple.OptionParserState$2.handleArgument(OptionParserState.java:59)',
  ],
  'joptsimple.OptionMissingRequiredArgumentException:long': [
    'joptsimple.RequiredArgumentOptionSpec.detectOptionArgument(RequiredArgumentOptionSpec.java:48)',
    'joptsimple.ArgumentAcceptingOptionSpec.handleOption(ArgumentAcceptingOptionSpec.java:257)',
    'joptsimple.OptionParser.handleLongOptionToken(OptionParser.java:513)',
    'joptsimple.OptionParserState$2.handleArgument(OptionParserState.java:56)',
  ],
  'joptsimple.OptionMissingRequiredArgumentException:short': [
    'joptsimple.RequiredArgumentOptionSpec.detectOptionArgument(RequiredArgumentOptionSpec.java:48)',
    'joptsimple.ArgumentAcceptingOptionSpec.handleOption(ArgumentAcceptingOptionSpec.java:257)',
    'joptsimple.OptionParser.handleShortOptionToken(OptionParser.java:518)',
    'joptsimple.OptionParserState$2.handleArgument(OptionParserState.java:59)',
  ],
};

/**
 * The exception `parser.parse(args)` threw inside `new TopicCommandOptions(args)`.
 * @param shortToken whether the failing token was `-x` rather than `--x`
 */
export function parseFailure(error: OptionError, shortToken: boolean): JavaThrowable {
  const above = JOPT_FRAMES[`${error.javaClass}:${shortToken ? 'short' : 'long'}`] ?? [];
  return javaThrowable(error.javaClass, error.message, [
    ...above,
    'joptsimple.OptionParser.parse(OptionParser.java:396)',
    ...PARSE_FRAMES,
  ]);
}

/** `checkRequiredArgs`: `--bootstrap-server must be specified`. */
export function bootstrapServerMissing(): JavaThrowable {
  return javaThrowable(
    'java.lang.IllegalArgumentException',
    '--bootstrap-server must be specified',
    [
      at(OPTIONS, 'checkRequiredArgs', 978),
      at(OPTIONS, 'checkArgs', 971),
      at(OPTIONS, '<init>', 835),
      ...executeFrames('options'),
    ],
  );
}

/** `Utils.loadProps(file)` of `--command-config` on a file that is not there. */
export function commandConfigMissing(path: string): JavaThrowable {
  return javaThrowable('java.nio.file.NoSuchFileException', path, [
    ...newInputStreamFrames,
    'org.apache.kafka.common.utils.Utils.loadProps(Utils.java:699)',
    'org.apache.kafka.common.utils.Utils.loadProps(Utils.java:686)',
    at(OPTIONS, 'commandConfig', 888),
    ...executeFrames('service'),
  ]);
}

/**
 * `Admin.create` failing in `new TopicService(...)`: `KafkaException: Failed to create new
 * KafkaAdminClient` caused by the bootstrap address check's ConfigException.
 */
export function adminCreateFailure(configMessage: string): JavaThrowable {
  const below = [
    'org.apache.kafka.clients.admin.KafkaAdminClient.createInternal(KafkaAdminClient.java:492)',
    'org.apache.kafka.clients.admin.Admin.create(Admin.java:134)',
    at(SERVICE, 'createAdminClient', 456),
    at(SERVICE, '<init>', 445),
    ...executeFrames('service'),
  ];
  const cause = javaThrowable('org.apache.kafka.common.config.ConfigException', configMessage, [
    'org.apache.kafka.clients.ClientUtils.parseAndValidateAddresses(ClientUtils.java:103)',
    'org.apache.kafka.clients.ClientUtils.parseAndValidateAddresses(ClientUtils.java:62)',
    'org.apache.kafka.clients.ClientUtils.parseAndValidateAddresses(ClientUtils.java:58)',
    'org.apache.kafka.clients.admin.internals.AdminBootstrapAddresses.fromConfig(AdminBootstrapAddresses.java:72)',
    'org.apache.kafka.clients.admin.KafkaAdminClient.createInternal(KafkaAdminClient.java:523)',
    ...below,
  ]);
  return javaThrowable(
    'org.apache.kafka.common.KafkaException',
    'Failed to create new KafkaAdminClient',
    [
      'org.apache.kafka.clients.admin.KafkaAdminClient.createInternal(KafkaAdminClient.java:551)',
      ...below,
    ],
    cause,
  );
}

/** The action that called `ensureTopicExists` and the line it did so on. */
const ENSURE_CALLERS = {
  describe: at(SERVICE, 'describeTopic', 578),
  alter: at(SERVICE, 'alterTopic', 512),
  delete: at(SERVICE, 'deleteTopic', 656),
} as const;

/**
 * `ensureTopicExists`: 3.8/3.9 format the `Optional<String>` itself, so the name prints as
 * `Optional[nope]` (fixed in 4.0).
 */
export function topicDoesNotExist(
  requestedTopic: string,
  action: keyof typeof ENSURE_CALLERS,
): JavaThrowable {
  return javaThrowable(
    'java.lang.IllegalArgumentException',
    `Topic 'Optional[${requestedTopic}]' does not exist as expected`,
    [at(TC, 'ensureTopicExists', 218), ENSURE_CALLERS[action], ...executeFrames(action)],
  );
}

/** `ensureTopicIdExists` (describe with `--topic-id`). */
export function topicIdDoesNotExist(topicId: string): JavaThrowable {
  return javaThrowable(
    'java.lang.IllegalArgumentException',
    `TopicId '${topicId}' does not exist as expected`,
    [
      at(TC, 'ensureTopicIdExists', 248),
      at(SERVICE, 'describeTopic', 576),
      ...executeFrames('describe'),
    ],
  );
}

/** `Uuid.fromString` on a `--topic-id` that is not a base64 UUID. */
export function invalidTopicId(message: string): JavaThrowable {
  return javaThrowable('java.lang.IllegalArgumentException', message, [
    'org.apache.kafka.common.Uuid.fromString(Uuid.java:136)',
    'java.base/java.util.Optional.map(Optional.java:260)',
    at(SERVICE, 'describeTopic', 561),
    ...executeFrames('describe'),
  ]);
}

/** `createTopic(CommandTopicPartition)`'s client-side checks of --replication-factor / --partitions. */
export function createTopicArgument(message: string, line: 470 | 473): JavaThrowable {
  return javaThrowable('java.lang.IllegalArgumentException', message, [
    at(SERVICE, 'createTopic', line),
    at(SERVICE, 'createTopic', 465),
    ...executeFrames('create'),
  ]);
}

/** Frames from `new CommandTopicPartition(opts)` down, for create or alter. */
function commandTopicPartitionFrames(line: number, action: 'create' | 'alter'): string[] {
  return [
    at(`${TC}$CommandTopicPartition`, '<init>', line),
    ...SERVICE_FRAMES[action],
    ...executeFrames(action),
  ];
}

/** `parseTopicConfigsToBeAdded`: a `--config` that is not `key=val`. */
export function invalidConfigFormat(action: 'create' | 'alter'): JavaThrowable {
  return javaThrowable(
    'java.lang.IllegalArgumentException',
    'requirement failed: Invalid topic config: all configs to be added must be in the format "key=val".',
    [at(TC, 'parseTopicConfigsToBeAdded', 170), ...commandTopicPartitionFrames(267, action)],
  );
}

/** `LogConfig.validate(props)`: ConfigDef's ConfigException for a bad `--config` value. */
export function invalidConfigValue(message: string, action: 'create' | 'alter'): JavaThrowable {
  return javaThrowable('org.apache.kafka.common.config.ConfigException', message, [
    'org.apache.kafka.common.config.ConfigDef.parseValue(ConfigDef.java:533)',
    'org.apache.kafka.common.config.ConfigDef.parse(ConfigDef.java:524)',
    'org.apache.kafka.storage.internals.log.LogConfig.validate(LogConfig.java:565)',
    'org.apache.kafka.storage.internals.log.LogConfig.validate(LogConfig.java:556)',
    at(TC, 'parseTopicConfigsToBeAdded', 176),
    ...commandTopicPartitionFrames(267, action),
  ]);
}

/** Which `CommandTopicPartition` field read an Integer option that jopt could not convert. */
const CONVERTING_GETTERS = {
  partitions: { getter: 903, ctor: 264 },
  'replication-factor': { getter: 907, ctor: 265 },
} as const;

/**
 * `options.valueOf(...)` on an `ofType(Integer.class)` option whose argument is not a number:
 * jopt's OptionArgumentConversionException wrapping Integer.valueOf's NumberFormatException.
 */
export function conversionFailure(
  error: OptionError,
  option: keyof typeof CONVERTING_GETTERS | 'partition-size-limit-per-response',
  argument: string,
  action: 'create' | 'alter' | 'describe',
): JavaThrowable {
  const getterName =
    option === 'partitions'
      ? 'partitions'
      : option === 'replication-factor'
        ? 'replicationFactor'
        : 'partitionSizeLimitPerResponse';
  const below =
    option === 'partition-size-limit-per-response'
      ? [
          at(OPTIONS, getterName, 950),
          at(SERVICE, 'describeTopic', 592),
          ...executeFrames('describe'),
        ]
      : [
          at(OPTIONS, getterName, CONVERTING_GETTERS[option].getter),
          ...commandTopicPartitionFrames(
            CONVERTING_GETTERS[option].ctor,
            action as 'create' | 'alter',
          ),
        ];
  const outer = [
    'joptsimple.ArgumentAcceptingOptionSpec.convert(ArgumentAcceptingOptionSpec.java:277)',
    'joptsimple.OptionSet.valuesOf(OptionSet.java:223)',
    'joptsimple.OptionSet.valueOf(OptionSet.java:172)',
    at(OPTIONS, 'valueAsOption', 852),
    at(OPTIONS, 'valueAsOption', 843),
    ...below,
  ];
  const numberFormat = javaThrowable(
    'java.lang.NumberFormatException',
    `For input string: "${argument}"`,
    [
      'java.base/java.lang.NumberFormatException.forInputString(NumberFormatException.java:67)',
      'java.base/java.lang.Integer.parseInt(Integer.java:668)',
      'java.base/java.lang.Integer.valueOf(Integer.java:999)',
      'java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)',
      'java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke(NativeMethodAccessorImpl.java:77)',
      'java.base/jdk.internal.reflect.DelegatingMethodAccessorImpl.invoke(DelegatingMethodAccessorImpl.java:43)',
      'java.base/java.lang.reflect.Method.invoke(Method.java:568)',
      'joptsimple.internal.Reflection.invoke(Reflection.java:119)',
      'joptsimple.internal.MethodInvokingValueConverter.convert(MethodInvokingValueConverter.java:48)',
      'joptsimple.AbstractOptionSpec.convertWith(AbstractOptionSpec.java:90)',
      ...outer,
    ],
  );
  const reflection = javaThrowable(
    'joptsimple.internal.ReflectionException',
    `java.lang.NumberFormatException: For input string: "${argument}"`,
    [
      'joptsimple.internal.Reflection.reflectionException(Reflection.java:140)',
      'joptsimple.internal.Reflection.invoke(Reflection.java:122)',
      'joptsimple.internal.MethodInvokingValueConverter.convert(MethodInvokingValueConverter.java:48)',
      'joptsimple.AbstractOptionSpec.convertWith(AbstractOptionSpec.java:90)',
      ...outer,
    ],
    numberFormat,
  );
  return javaThrowable(
    error.javaClass,
    error.message,
    ['joptsimple.AbstractOptionSpec.convertWith(AbstractOptionSpec.java:92)', ...outer],
    reflection,
  );
}

/** Frames of `parseReplicaAssignment`, reached from `TopicCommandOptions.replicaAssignment()`. */
function replicaAssignmentFrames(line: number, action: 'create' | 'alter'): string[] {
  return [
    at(TC, 'parseReplicaAssignment', line),
    at(OPTIONS, 'replicaAssignment', 912),
    ...commandTopicPartitionFrames(266, action),
  ];
}

/** `Integer.parseInt` on a `--replica-assignment` entry that is not a broker id. */
export function replicaAssignmentNotANumber(
  entry: string,
  action: 'create' | 'alter',
): JavaThrowable {
  return javaThrowable('java.lang.NumberFormatException', `For input string: "${entry}"`, [
    'java.base/java.lang.NumberFormatException.forInputString(NumberFormatException.java:67)',
    'java.base/java.lang.Integer.parseInt(Integer.java:668)',
    'java.base/java.lang.Integer.parseInt(Integer.java:786)',
    'java.base/java.util.stream.ReferencePipeline$4$1.accept(ReferencePipeline.java:214)',
    'java.base/java.util.stream.ReferencePipeline$3$1.accept(ReferencePipeline.java:197)',
    'java.base/java.util.Spliterators$ArraySpliterator.forEachRemaining(Spliterators.java:992)',
    'java.base/java.util.stream.AbstractPipeline.copyInto(AbstractPipeline.java:509)',
    'java.base/java.util.stream.AbstractPipeline.wrapAndCopyInto(AbstractPipeline.java:499)',
    'java.base/java.util.stream.ReduceOps$ReduceOp.evaluateSequential(ReduceOps.java:921)',
    'java.base/java.util.stream.AbstractPipeline.evaluate(AbstractPipeline.java:234)',
    'java.base/java.util.stream.ReferencePipeline.collect(ReferencePipeline.java:682)',
    ...replicaAssignmentFrames(145, action),
  ]);
}

/** `parseReplicaAssignment`: a partition lists a broker twice. */
export function replicaAssignmentDuplicates(
  brokers: string,
  action: 'create' | 'alter',
): JavaThrowable {
  return javaThrowable(
    'org.apache.kafka.server.common.AdminCommandFailedException',
    `Partition replica lists may not contain duplicate entries: ${brokers}`,
    replicaAssignmentFrames(148, action),
  );
}

/** `parseReplicaAssignment`: partitions with different replica counts. */
export function replicaAssignmentUneven(
  partition: number,
  brokers: readonly number[],
  action: 'create' | 'alter',
): JavaThrowable {
  return javaThrowable(
    'org.apache.kafka.server.common.AdminOperationException',
    `Partition ${partition} has different replication factor: [${brokers.join(', ')}]`,
    replicaAssignmentFrames(156, action),
  );
}

/** `new IncludeList(regex)` on a `--topic` that is not a valid regular expression. */
export function invalidTopicRegex(
  regex: string,
  action: 'alter' | 'list' | 'describe' | 'delete',
): JavaThrowable {
  const caller = {
    alter: at(SERVICE, 'alterTopic', 511),
    list: at(SERVICE, 'listTopics', 503),
    describe: at(SERVICE, 'describeTopic', 571),
    delete: at(SERVICE, 'deleteTopic', 655),
  }[action];
  return javaThrowable('java.lang.RuntimeException', `${regex} is an invalid regex.`, [
    'org.apache.kafka.server.util.TopicFilter.<init>(TopicFilter.java:43)',
    'org.apache.kafka.server.util.TopicFilter$IncludeList.<init>(TopicFilter.java:61)',
    at(TC, 'doGetTopics', 224),
    at(SERVICE, 'getTopics', 669),
    caller,
    ...executeFrames(action),
  ]);
}
