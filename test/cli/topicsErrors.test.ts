/**
 * kafka-topics' error paths, byte for byte as Kafka 3.9's TopicCommand prints them
 * (tools/src/main/java/org/apache/kafka/tools/TopicCommand.java):
 * - `mainNoExit`: option-parsing and option-checking exceptions go to stderr as the message, then
 *   `Utils.stackTrace(e)` and an empty line (println of a trace that ends in a newline); exit 1.
 * - `CommandLineUtils.printUsageAndExit`: the message and the jopt help table on stderr; exit 1.
 * - `printException`: `Error while executing topic command : <message>` on stdout and the trace
 *   logged at ERROR on stderr (`[date] ERROR <trace> (org.apache.kafka.tools.TopicCommand)`); exit 1.
 */
import { describe, expect, it } from 'vitest';
import { log4jDate } from '../../src/cli/tools/kafka/common/log4j';
import { Terminal } from './harness';

const BOOTSTRAP = '--bootstrap-server localhost:9092';
const MAIN = [
  '\tat org.apache.kafka.tools.TopicCommand.mainNoExit(TopicCommand.java:90)',
  '\tat org.apache.kafka.tools.TopicCommand.main(TopicCommand.java:85)',
];
/** Frames below `parser.parse(args)` in `new TopicCommandOptions(args)` (TopicCommand.java:830). */
const PARSE = [
  '\tat joptsimple.OptionParser.parse(OptionParser.java:396)',
  '\tat org.apache.kafka.tools.TopicCommand$TopicCommandOptions.<init>(TopicCommand.java:830)',
  '\tat org.apache.kafka.tools.TopicCommand.execute(TopicCommand.java:100)',
  ...MAIN,
];

/** What `mainNoExit` prints for an exception: message, trace, empty line. */
const mainNoExit = (message: string, trace: string[]) => `${message}\n${trace.join('\n')}\n\n`;

/** `[date] ERROR <trace> (org.apache.kafka.tools.TopicCommand)` at the terminal's current time. */
function errorLog(t: Terminal, trace: string[]): string {
  return `[${log4jDate(t.cluster.wallClockMs)}] ERROR ${trace.join('\n')}\n (org.apache.kafka.tools.TopicCommand)\n`;
}

/** jopt's help table for TopicCommandOptions (trailing padding trimmed; checked separately). */
const HELP_TABLE: readonly string[] = [
  'Option                                   Description',
  '------                                   -----------',
  '--alter                                  Alter the number of partitions and',
  '                                           replica assignment. Update the',
  '                                           configuration of an existing topic',
  '                                           via --alter is no longer supported',
  '                                           here (the kafka-configs CLI supports',
  '                                           altering topic configs with a --',
  '                                           bootstrap-server option).',
  '--at-min-isr-partitions                  if set when describing topics, only',
  '                                           show partitions whose isr count is',
  '                                           equal to the configured minimum.',
  '--bootstrap-server <String: server to    REQUIRED: The Kafka server to connect',
  '  connect to>                              to.',
  '--command-config <String: command        Property file containing configs to be',
  '  config property file>                    passed to Admin Client. This is used',
  '                                           only with --bootstrap-server option',
  '                                           for describing and altering broker',
  '                                           configs.',
  '--config <String: name=value>            A topic configuration override for the',
  '                                           topic being created. The following',
  '                                           is a list of valid configurations:',
  '                                         \tcleanup.policy',
  '                                         \tcompression.gzip.level',
  '                                         \tcompression.lz4.level',
  '                                         \tcompression.type',
  '                                         \tcompression.zstd.level',
  '                                         \tdelete.retention.ms',
  '                                         \tfile.delete.delay.ms',
  '                                         \tflush.messages',
  '                                         \tflush.ms',
  '                                         \tfollower.replication.throttled.',
  '                                           replicas',
  '                                         \tindex.interval.bytes',
  '                                         \tleader.replication.throttled.replicas',
  '                                         \tlocal.retention.bytes',
  '                                         \tlocal.retention.ms',
  '                                         \tmax.compaction.lag.ms',
  '                                         \tmax.message.bytes',
  '                                         \tmessage.downconversion.enable',
  '                                         \tmessage.format.version',
  '                                         \tmessage.timestamp.after.max.ms',
  '                                         \tmessage.timestamp.before.max.ms',
  '                                         \tmessage.timestamp.difference.max.ms',
  '                                         \tmessage.timestamp.type',
  '                                         \tmin.cleanable.dirty.ratio',
  '                                         \tmin.compaction.lag.ms',
  '                                         \tmin.insync.replicas',
  '                                         \tpreallocate',
  '                                         \tremote.log.copy.disable',
  '                                         \tremote.log.delete.on.disable',
  '                                         \tremote.storage.enable',
  '                                         \tretention.bytes',
  '                                         \tretention.ms',
  '                                         \tsegment.bytes',
  '                                         \tsegment.index.bytes',
  '                                         \tsegment.jitter.ms',
  '                                         \tsegment.ms',
  '                                         \tunclean.leader.election.enable',
  '                                         See the Kafka documentation for full',
  '                                           details on the topic configs. It is',
  '                                           supported only in combination with --',
  '                                           create if --bootstrap-server option',
  '                                           is used (the kafka-configs CLI',
  '                                           supports altering topic configs with',
  '                                           a --bootstrap-server option).',
  '--create                                 Create a new topic.',
  '--delete                                 Delete a topic',
  '--delete-config <String: name>           A topic configuration override to be',
  '                                           removed for an existing topic (see',
  '                                           the list of configurations under the',
  '                                           --config option). Not supported with',
  '                                           the --bootstrap-server option.',
  '--describe                               List details for the given topics.',
  '--exclude-internal                       exclude internal topics when running',
  '                                           list or describe command. The',
  '                                           internal topics will be listed by',
  '                                           default',
  '--help                                   Print usage information.',
  '--if-exists                              if set when altering or deleting or',
  '                                           describing topics, the action will',
  '                                           only execute if the topic exists.',
  '--if-not-exists                          if set when creating topics, the',
  '                                           action will only execute if the',
  '                                           topic does not already exist.',
  '--list                                   List all available topics.',
  '--partition-size-limit-per-response      the maximum partition size to be',
  '  <Integer: maximum number of              included in one',
  '  partitions in one response.>             DescribeTopicPartitions response.',
  '--partitions <Integer: # of partitions>  The number of partitions for the topic',
  '                                           being created or altered (WARNING:',
  '                                           If partitions are increased for a',
  '                                           topic that has a key, the partition',
  '                                           logic or ordering of the messages',
  '                                           will be affected). If not supplied',
  '                                           for create, defaults to the cluster',
  '                                           default.',
  '--replica-assignment <String:            A list of manual partition-to-broker',
  '  broker_id_for_part1_replica1 :           assignments for the topic being',
  '  broker_id_for_part1_replica2 ,           created or altered.',
  '  broker_id_for_part2_replica1 :',
  '  broker_id_for_part2_replica2 , ...>',
  '--replication-factor <Integer:           The replication factor for each',
  '  replication factor>                      partition in the topic being',
  '                                           created. If not supplied, defaults',
  '                                           to the cluster default.',
  '--topic <String: topic>                  The topic to create, alter, describe',
  '                                           or delete. It also accepts a regular',
  '                                           expression, except for --create',
  '                                           option. Put topic name in double',
  "                                           quotes and use the '\\' prefix to",
  '                                           escape regular expression symbols; e.',
  '                                           g. "test\\.topic".',
  '--topic-id <String: topic-id>            The topic-id to describe.This is used',
  '                                           only with --bootstrap-server option',
  '                                           for describing topics.',
  '--topics-with-overrides                  if set when describing topics, only',
  '                                           show topics that have overridden',
  '                                           configs',
  '--unavailable-partitions                 if set when describing topics, only',
  '                                           show partitions whose leader is not',
  '                                           available',
  '--under-min-isr-partitions               if set when describing topics, only',
  '                                           show partitions whose isr count is',
  '                                           less than the configured minimum.',
  '--under-replicated-partitions            if set when describing topics, only',
  '                                           show under replicated partitions',
  '--version                                Display Kafka version.',
];

/** stderr of `printUsageAndExit(parser, message)`. */
function usage(message: string): string[] {
  return [message, ...HELP_TABLE];
}

const trimmedLines = (text: string) =>
  text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => l.trimEnd());

describe('usage errors (CommandLineUtils.printUsageAndExit)', () => {
  it('no arguments: "Create, delete, describe, or change a topic." and the option table', () => {
    const r = new Terminal().run('kafka-topics.sh');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(1);
    expect(trimmedLines(r.stderr)).toEqual(usage('Create, delete, describe, or change a topic.'));
  });

  it('--help prints the jopt table, every row padded to 80 columns, and exits 1', () => {
    const r = new Terminal().run(`kafka-topics.sh --help`);
    expect(r.status).toBe(1);
    expect(trimmedLines(r.stderr)).toEqual(
      usage('This tool helps to create, delete, describe, or change a topic.'),
    );
    const rows = r.stderr.replace(/\n$/, '').split('\n').slice(1);
    expect(rows.filter((row) => row.length !== 80)).toEqual([]);
  });

  it('--version prints the Kafka version on stdout', () => {
    expect(new Terminal().run('kafka-topics.sh --version')).toEqual({
      stdout: '3.9.0\n',
      stderr: '',
      status: 0,
    });
  });

  const usageCases: [string, string][] = [
    [
      BOOTSTRAP,
      'Command must include exactly one action: --list, --describe, --create, --alter or --delete',
    ],
    [
      `${BOOTSTRAP} --list --describe`,
      'Command must include exactly one action: --list, --describe, --create, --alter or --delete',
    ],
    [`${BOOTSTRAP} --create --partitions 3`, 'Missing required argument "[topic]"'],
    [`${BOOTSTRAP} --alter --partitions 3`, 'Missing required argument "[topic]"'],
    [`${BOOTSTRAP} --delete`, 'Missing required argument "[topic]"'],
    [`${BOOTSTRAP} --alter --topic orders`, 'Missing required argument "[partitions]"'],
    [
      `${BOOTSTRAP} --alter --topic orders --config retention.ms=1000`,
      'Option combination "[[bootstrap-server], [config]]" can\'t be used with option "[alter]" (the kafka-configs CLI supports altering topic configs with a --bootstrap-server option)',
    ],
    [
      `${BOOTSTRAP} --alter --topic orders --partitions 3 --replication-factor 3`,
      'Option "[replication-factor]" can\'t be used with option "[alter]"',
    ],
    [
      `${BOOTSTRAP} --describe --partitions 3`,
      'Option "[partitions]" can\'t be used with option "[describe]"',
    ],
    [
      `${BOOTSTRAP} --list --config retention.ms=1`,
      'Option "[config]" can\'t be used with option "[list]"',
    ],
    [`${BOOTSTRAP} --list --if-exists`, 'Option "[if-exists]" can\'t be used with option "[list]"'],
    [
      `${BOOTSTRAP} --delete --topic t --if-not-exists`,
      'Option "[if-not-exists]" can\'t be used with option "[delete]"',
    ],
    [
      `${BOOTSTRAP} --create --topic t --exclude-internal`,
      'Option "[exclude-internal]" can\'t be used with option "[create]"',
    ],
    [
      `${BOOTSTRAP} --create --topic t --replica-assignment 1:2 --partitions 2`,
      'Option "[replica-assignment]" can\'t be used with option "[partitions]"',
    ],
    [
      `${BOOTSTRAP} --describe --under-replicated-partitions --topics-with-overrides`,
      'Option "[under-replicated-partitions]" can\'t be used with option "[topics-with-overrides]"',
    ],
    [
      `${BOOTSTRAP} --describe --if-exists`,
      '--topic or --topic-id is required to describe a topic',
    ],
    [
      `${BOOTSTRAP} --alter --topic t --partitions 2 --delete-config retention.ms`,
      'Option "[delete-config]" can\'t be used with option "[bootstrap-server]"',
    ],
  ];
  it.each(usageCases)('kafka-topics %s', (args, message) => {
    const r = new Terminal().run(`kafka-topics.sh ${args}`);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(1);
    expect(trimmedLines(r.stderr)).toEqual(usage(message));
  });
});

describe('exceptions from the option parser and its checks (mainNoExit)', () => {
  it('an unknown long option: joptsimple.UnrecognizedOptionException', () => {
    const r = new Terminal().run(`kafka-topics.sh ${BOOTSTRAP} --list --from-begining`);
    expect(r).toEqual({
      stdout: '',
      stderr: mainNoExit('from-begining is not a recognized option', [
        'joptsimple.UnrecognizedOptionException: from-begining is not a recognized option',
        '\tat joptsimple.OptionException.unrecognizedOption(OptionException.java:108)',
        '\tat joptsimple.OptionParser.handleLongOptionToken(OptionParser.java:510)',
        '\tat joptsimple.OptionParserState$2.handleArgument(OptionParserState.java:56)',
        ...PARSE,
      ]),
      status: 1,
    });
  });

  it('abbreviations are not accepted: --partition is not --partitions', () => {
    const r = new Terminal().run(`kafka-topics.sh ${BOOTSTRAP} --create --topic t --partition 3`);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      'partition is not a recognized option',
      'joptsimple.UnrecognizedOptionException: partition is not a recognized option',
    ]);
    expect(r.status).toBe(1);
  });

  it('a single-dash token that is no full option name is a cluster of short options', () => {
    const r = new Terminal().run(`kafka-topics.sh ${BOOTSTRAP} --list -from-begining`);
    expect(r.stderr).toBe(
      mainNoExit('f is not a recognized option', [
        'joptsimple.UnrecognizedOptionException: f is not a recognized option',
        '\tat joptsimple.OptionException.unrecognizedOption(OptionException.java:108)',
        '\tat joptsimple.OptionParser.validateOptionCharacters(OptionParser.java:633)',
        '\tat joptsimple.OptionParser.handleShortOptionCluster(OptionParser.java:528)',
        '\tat joptsimple.OptionParser.handleShortOptionToken(OptionParser.java:523)',
        '\tat joptsimple.OptionParserState$2.handleArgument(OptionParserState.java:59)',
        ...PARSE,
      ]),
    );
  });

  it('an option missing its argument: joptsimple.OptionMissingRequiredArgumentException', () => {
    const r = new Terminal().run(`kafka-topics.sh ${BOOTSTRAP} --delete --topic`);
    expect(r).toEqual({
      stdout: '',
      stderr: mainNoExit('Option topic requires an argument', [
        'joptsimple.OptionMissingRequiredArgumentException: Option topic requires an argument',
        '\tat joptsimple.RequiredArgumentOptionSpec.detectOptionArgument(RequiredArgumentOptionSpec.java:48)',
        '\tat joptsimple.ArgumentAcceptingOptionSpec.handleOption(ArgumentAcceptingOptionSpec.java:257)',
        '\tat joptsimple.OptionParser.handleLongOptionToken(OptionParser.java:513)',
        '\tat joptsimple.OptionParserState$2.handleArgument(OptionParserState.java:56)',
        ...PARSE,
      ]),
      status: 1,
    });
  });

  it('no --bootstrap-server: IllegalArgumentException from checkRequiredArgs, without the usage table', () => {
    const r = new Terminal().run('kafka-topics.sh --list');
    expect(r).toEqual({
      stdout: '',
      stderr: mainNoExit('--bootstrap-server must be specified', [
        'java.lang.IllegalArgumentException: --bootstrap-server must be specified',
        '\tat org.apache.kafka.tools.TopicCommand$TopicCommandOptions.checkRequiredArgs(TopicCommand.java:978)',
        '\tat org.apache.kafka.tools.TopicCommand$TopicCommandOptions.checkArgs(TopicCommand.java:971)',
        '\tat org.apache.kafka.tools.TopicCommand$TopicCommandOptions.<init>(TopicCommand.java:835)',
        '\tat org.apache.kafka.tools.TopicCommand.execute(TopicCommand.java:100)',
        ...MAIN,
      ]),
      status: 1,
    });
  });

  it('a --command-config file that does not exist: NoSuchFileException from Utils.loadProps', () => {
    const r = new Terminal().run(
      `kafka-topics.sh ${BOOTSTRAP} --list --command-config admin.properties`,
    );
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      'admin.properties',
      'java.nio.file.NoSuchFileException: admin.properties',
    ]);
    expect(r.stderr).toContain(
      '\tat org.apache.kafka.tools.TopicCommand$TopicCommandOptions.commandConfig(TopicCommand.java:888)\n' +
        '\tat org.apache.kafka.tools.TopicCommand.execute(TopicCommand.java:101)\n',
    );
    expect(r.status).toBe(1);
  });
});

describe('exceptions of the action itself (printException)', () => {
  const missing = (action: string, frames: string[]) => [
    "java.lang.IllegalArgumentException: Topic 'Optional[nope]' does not exist as expected",
    '\tat org.apache.kafka.tools.TopicCommand.ensureTopicExists(TopicCommand.java:218)',
    ...frames,
    ...MAIN,
  ];
  it.each([
    [
      '--describe --topic nope',
      [
        '\tat org.apache.kafka.tools.TopicCommand$TopicService.describeTopic(TopicCommand.java:578)',
        '\tat org.apache.kafka.tools.TopicCommand.execute(TopicCommand.java:111)',
      ],
    ],
    [
      '--alter --topic nope --partitions 3',
      [
        '\tat org.apache.kafka.tools.TopicCommand$TopicService.alterTopic(TopicCommand.java:512)',
        '\tat org.apache.kafka.tools.TopicCommand.execute(TopicCommand.java:107)',
      ],
    ],
    [
      '--delete --topic nope',
      [
        '\tat org.apache.kafka.tools.TopicCommand$TopicService.deleteTopic(TopicCommand.java:656)',
        '\tat org.apache.kafka.tools.TopicCommand.execute(TopicCommand.java:113)',
      ],
    ],
  ])("kafka-topics %s: 3.9 formats the Optional itself, 'Optional[nope]'", (args, frames) => {
    for (const mode of ['zookeeper', 'kraft'] as const) {
      const t = new Terminal({ mode });
      const r = t.run(`kafka-topics.sh ${BOOTSTRAP} ${args}`);
      expect(r).toEqual({
        stdout:
          "Error while executing topic command : Topic 'Optional[nope]' does not exist as expected\n",
        stderr: errorLog(t, missing(args, frames)),
        status: 1,
      });
    }
  });

  it('--replication-factor 0 is refused on the client', () => {
    const t = new Terminal();
    const r = t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic t --replication-factor 0`);
    expect(r).toEqual({
      stdout:
        'Error while executing topic command : The replication factor must be between 1 and 32767 inclusive\n',
      stderr: errorLog(t, [
        'java.lang.IllegalArgumentException: The replication factor must be between 1 and 32767 inclusive',
        '\tat org.apache.kafka.tools.TopicCommand$TopicService.createTopic(TopicCommand.java:470)',
        '\tat org.apache.kafka.tools.TopicCommand$TopicService.createTopic(TopicCommand.java:465)',
        '\tat org.apache.kafka.tools.TopicCommand.execute(TopicCommand.java:105)',
        ...MAIN,
      ]),
      status: 1,
    });
  });

  it('--partitions 0 is refused on the client', () => {
    const t = new Terminal({ mode: 'kraft' });
    const r = t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic t --partitions 0`);
    expect(r.stdout).toBe(
      'Error while executing topic command : The partitions must be greater than 0\n',
    );
    expect(r.stderr).toContain(
      '\tat org.apache.kafka.tools.TopicCommand$TopicService.createTopic(TopicCommand.java:473)\n',
    );
    expect(r.status).toBe(1);
  });

  it('a --partitions value that is not an Integer fails when CommandTopicPartition reads it', () => {
    const t = new Terminal();
    const r = t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic t --partitions abc`);
    const outer = [
      '\tat joptsimple.ArgumentAcceptingOptionSpec.convert(ArgumentAcceptingOptionSpec.java:277)',
      '\tat joptsimple.OptionSet.valuesOf(OptionSet.java:223)',
      '\tat joptsimple.OptionSet.valueOf(OptionSet.java:172)',
      '\tat org.apache.kafka.tools.TopicCommand$TopicCommandOptions.valueAsOption(TopicCommand.java:852)',
      '\tat org.apache.kafka.tools.TopicCommand$TopicCommandOptions.valueAsOption(TopicCommand.java:843)',
      '\tat org.apache.kafka.tools.TopicCommand$TopicCommandOptions.partitions(TopicCommand.java:903)',
      '\tat org.apache.kafka.tools.TopicCommand$CommandTopicPartition.<init>(TopicCommand.java:264)',
      '\tat org.apache.kafka.tools.TopicCommand$TopicService.createTopic(TopicCommand.java:460)',
      '\tat org.apache.kafka.tools.TopicCommand.execute(TopicCommand.java:105)',
      ...MAIN,
    ];
    expect(r).toEqual({
      stdout:
        "Error while executing topic command : Cannot parse argument 'abc' of option partitions\n",
      stderr: errorLog(t, [
        "joptsimple.OptionArgumentConversionException: Cannot parse argument 'abc' of option partitions",
        '\tat joptsimple.AbstractOptionSpec.convertWith(AbstractOptionSpec.java:92)',
        ...outer,
        'Caused by: joptsimple.internal.ReflectionException: java.lang.NumberFormatException: For input string: "abc"',
        '\tat joptsimple.internal.Reflection.reflectionException(Reflection.java:140)',
        '\tat joptsimple.internal.Reflection.invoke(Reflection.java:122)',
        '\tat joptsimple.internal.MethodInvokingValueConverter.convert(MethodInvokingValueConverter.java:48)',
        '\tat joptsimple.AbstractOptionSpec.convertWith(AbstractOptionSpec.java:90)',
        '\t... 11 more',
        'Caused by: java.lang.NumberFormatException: For input string: "abc"',
        '\tat java.base/java.lang.NumberFormatException.forInputString(NumberFormatException.java:67)',
        '\tat java.base/java.lang.Integer.parseInt(Integer.java:668)',
        '\tat java.base/java.lang.Integer.valueOf(Integer.java:999)',
        '\tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)',
        '\tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke(NativeMethodAccessorImpl.java:77)',
        '\tat java.base/jdk.internal.reflect.DelegatingMethodAccessorImpl.invoke(DelegatingMethodAccessorImpl.java:43)',
        '\tat java.base/java.lang.reflect.Method.invoke(Method.java:568)',
        '\tat joptsimple.internal.Reflection.invoke(Reflection.java:119)',
        '\t... 13 more',
      ]),
      status: 1,
    });
  });

  it('--config checks: key=val format, LogConfig names (InvalidConfigurationException), values (ConfigException)', () => {
    const t = new Terminal();
    let r = t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic t --config retention.ms`);
    expect(r.stdout).toBe(
      'Error while executing topic command : requirement failed: Invalid topic config: all configs to be added must be in the format "key=val".\n',
    );
    expect(r.stderr).toContain(
      '\tat org.apache.kafka.tools.TopicCommand.parseTopicConfigsToBeAdded(TopicCommand.java:170)\n',
    );
    r = t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic t --config retentions.ms=1000`);
    expect(r).toEqual({
      stdout: 'Error while executing topic command : Unknown topic config name: retentions.ms\n',
      stderr: errorLog(t, [
        'org.apache.kafka.common.errors.InvalidConfigurationException: Unknown topic config name: retentions.ms',
      ]),
      status: 1,
    });
    r = t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic t --config retention.ms=soon`);
    expect(r.stdout).toBe(
      'Error while executing topic command : Invalid value soon for configuration retention.ms: Not a number of type LONG\n',
    );
    expect(r.stderr.split('\n')[0]).toBe(
      `[${log4jDate(t.cluster.wallClockMs)}] ERROR org.apache.kafka.common.config.ConfigException: Invalid value soon for configuration retention.ms: Not a number of type LONG`,
    );
    expect(t.run(`kafka-topics.sh ${BOOTSTRAP} --list`).stdout).toBe('\n');
  });

  it('--replica-assignment checks: numbers, duplicates, equal replica counts', () => {
    const t = new Terminal();
    let r = t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic t --replica-assignment 1:1`);
    expect(r.stdout).toBe(
      'Error while executing topic command : Partition replica lists may not contain duplicate entries: 1\n',
    );
    expect(r.stderr).toContain(
      'ERROR org.apache.kafka.server.common.AdminCommandFailedException: ',
    );
    r = t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic t --replica-assignment 1:2,3`);
    expect(r.stdout).toBe(
      'Error while executing topic command : Partition 1 has different replication factor: [3]\n',
    );
    r = t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic t --replica-assignment 1:x`);
    expect(r.stdout).toBe('Error while executing topic command : For input string: "x"\n');
    expect(r.stderr).toContain(
      '\tat org.apache.kafka.tools.TopicCommand.parseReplicaAssignment(TopicCommand.java:145)\n',
    );
  });

  it('--topic that is not a valid regular expression fails in IncludeList', () => {
    const t = new Terminal();
    const r = t.run(`kafka-topics.sh ${BOOTSTRAP} --describe --topic '['`);
    expect(r.stdout).toBe('Error while executing topic command : [ is an invalid regex.\n');
    expect(r.stderr.split('\n')[0]).toBe(
      `[${log4jDate(t.cluster.wallClockMs)}] ERROR java.lang.RuntimeException: [ is an invalid regex.`,
    );
  });

  it('--topic-id: an unknown id and a string that is no base64 UUID', () => {
    const t = new Terminal({ mode: 'kraft' });
    let r = t.run(`kafka-topics.sh ${BOOTSTRAP} --describe --topic-id 6U0U9VNLRY_QNheJZ4LwxQ`);
    expect(r.stdout).toBe(
      "Error while executing topic command : TopicId '6U0U9VNLRY_QNheJZ4LwxQ' does not exist as expected\n",
    );
    r = t.run(`kafka-topics.sh ${BOOTSTRAP} --describe --topic-id abc`);
    expect(r.stdout).toBe(
      'Error while executing topic command : Input string `abc` decoded as 2 bytes, which is not equal to the expected 16 bytes of a base64-encoded UUID\n',
    );
    expect(r.status).toBe(1);
  });
});

describe('a --bootstrap-server the admin client cannot use', () => {
  const adminCreate = [
    '\tat org.apache.kafka.clients.admin.KafkaAdminClient.createInternal(KafkaAdminClient.java:551)',
    '\tat org.apache.kafka.clients.admin.KafkaAdminClient.createInternal(KafkaAdminClient.java:492)',
    '\tat org.apache.kafka.clients.admin.Admin.create(Admin.java:134)',
    '\tat org.apache.kafka.tools.TopicCommand$TopicService.createAdminClient(TopicCommand.java:456)',
    '\tat org.apache.kafka.tools.TopicCommand$TopicService.<init>(TopicCommand.java:445)',
    '\tat org.apache.kafka.tools.TopicCommand.execute(TopicCommand.java:101)',
    ...MAIN,
  ];
  const configException = (message: string) => [
    'org.apache.kafka.common.KafkaException: Failed to create new KafkaAdminClient',
    ...adminCreate,
    `Caused by: org.apache.kafka.common.config.ConfigException: ${message}`,
    '\tat org.apache.kafka.clients.ClientUtils.parseAndValidateAddresses(ClientUtils.java:103)',
    '\tat org.apache.kafka.clients.ClientUtils.parseAndValidateAddresses(ClientUtils.java:62)',
    '\tat org.apache.kafka.clients.ClientUtils.parseAndValidateAddresses(ClientUtils.java:58)',
    '\tat org.apache.kafka.clients.admin.internals.AdminBootstrapAddresses.fromConfig(AdminBootstrapAddresses.java:72)',
    '\tat org.apache.kafka.clients.admin.KafkaAdminClient.createInternal(KafkaAdminClient.java:523)',
    '\t... 7 more',
  ];

  it("a host without a port is an invalid url (the notes' `{broker url}` placeholder)", () => {
    const r = new Terminal().run('kafka-topics --bootstrap-server {broker url} --list');
    expect(r).toEqual({
      stdout: '',
      stderr: mainNoExit(
        'Failed to create new KafkaAdminClient',
        configException('Invalid url in bootstrap.servers: {broker'),
      ),
      status: 1,
    });
  });

  it('a host name that does not resolve is logged, then no bootstrap url is left', () => {
    const t = new Terminal();
    const r = t.run('kafka-topics --bootstrap-server kafka:9092 --list');
    expect(r.stderr).toBe(
      `[${log4jDate(t.cluster.wallClockMs)}] WARN Couldn't resolve server kafka:9092 from bootstrap.servers as DNS resolution failed for kafka (org.apache.kafka.clients.ClientUtils)\n` +
        mainNoExit(
          'Failed to create new KafkaAdminClient',
          configException('No resolvable bootstrap urls given in bootstrap.servers'),
        ),
    );
    expect(r.status).toBe(1);
  });

  it('an empty --bootstrap-server sets neither bootstrap.servers nor bootstrap.controllers', () => {
    const r = new Terminal().run("kafka-topics --bootstrap-server '' --list");
    expect(r.stderr).toBe(
      mainNoExit(
        'Failed to create new KafkaAdminClient',
        configException('You must set either bootstrap.servers or bootstrap.controllers'),
      ),
    );
  });
});

describe('no broker listens at --bootstrap-server: NetworkClient warnings, then a TimeoutException', () => {
  const warn = (t0: number, ms: number, node: string) =>
    `[${log4jDate(t0 + ms)}] WARN [AdminClient clientId=adminclient-1] Connection to node -1 (${node}) could not be established. Node may not be available. (org.apache.kafka.clients.NetworkClient)`;

  it.each([
    ['--list', 'listTopics'],
    ['--create --topic orders', 'createTopics'],
    ['--describe --topic orders', 'listTopics'],
    ['--alter --topic orders --partitions 3', 'listTopics'],
    ['--delete --topic orders', 'listTopics'],
  ])('kafka-topics %s fails after default.api.timeout.ms with "Call: %s"', (args, call) => {
    const t = new Terminal();
    const t0 = t.cluster.wallClockMs;
    const r = t.run(`kafka-topics --bootstrap-server localhost:9999 ${args}`);
    expect(t.cluster.wallClockMs - t0).toBe(60_000);
    expect(r.stdout).toBe(
      `Error while executing topic command : Timed out waiting for a node assignment. Call: ${call}\n`,
    );
    const lines = r.stderr.replace(/\n$/, '').split('\n');
    expect(lines.slice(-2)).toEqual([
      `[${log4jDate(t0 + 60_000)}] ERROR org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment. Call: ${call}`,
      ' (org.apache.kafka.tools.TopicCommand)',
    ]);
    const warnings = lines.slice(0, -2);
    expect(warnings[0]).toBe(warn(t0, 0, 'localhost/127.0.0.1:9999'));
    // reconnect.backoff.ms 50 doubling to reconnect.backoff.max.ms 1000: 5 quick retries, then one a second.
    expect(warnings.length).toBeGreaterThanOrEqual(60);
    expect(warnings.length).toBeLessThanOrEqual(66);
    expect(
      warnings.every((l) =>
        l.endsWith(
          '(localhost/127.0.0.1:9999) could not be established. Node may not be available. (org.apache.kafka.clients.NetworkClient)',
        ),
      ),
    ).toBe(true);
    expect(r.status).toBe(1);
  });

  it('a stopped broker behind a published port is refused the same way (IP literal prints /127.0.0.1)', () => {
    const t = new Terminal();
    t.cluster.stopBroker(1);
    t.wait(1_000);
    const t0 = t.cluster.wallClockMs;
    const r = t.run('kafka-topics --bootstrap-server 127.0.0.1:9092 --list');
    expect(r.stderr.split('\n')[0]).toBe(warn(t0, 0, '/127.0.0.1:9092'));
    expect(r.stdout).toBe(
      'Error while executing topic command : Timed out waiting for a node assignment. Call: listTopics\n',
    );
    expect(t.run('kafka-topics --bootstrap-server localhost:9093 --list')).toEqual({
      stdout: '\n',
      stderr: '',
      status: 0,
    });
  });

  /** Stops `brokers` just as the client sends its `call` request. */
  function stopOnRequest(t: Terminal, call: string, brokers: number[]): () => boolean {
    let stopped = false;
    const detach = t.cluster.subscribe((e) => {
      if (stopped || e.type !== 'network.sent' || e.kind !== call) return;
      if (!String(e.from).startsWith('client-adminclient')) return;
      stopped = true;
      t.cluster.scheduler.schedule(0, () => {
        for (const id of brokers) t.cluster.stopBroker(id, { crash: true });
      });
    });
    return () => {
      detach();
      return stopped;
    };
  }

  it.each([
    ['--describe --topic orders', 'describeTopics'],
    ['--alter --topic orders --partitions 3', 'createPartitions'],
    ['--delete --topic orders', 'deleteTopics'],
  ])('kafka-topics %s names "%s" when every broker dies after listTopics', (args, call) => {
    const t = new Terminal({ mode: 'kraft' });
    t.run(`kafka-topics ${BOOTSTRAP} --create --topic orders`);
    const done = stopOnRequest(t, call, [1, 2, 3]);
    const r = t.run(`kafka-topics ${BOOTSTRAP} ${args}`);
    expect(done()).toBe(true);
    expect(r.stdout).toBe(
      `Error while executing topic command : Timed out waiting for a node assignment. Call: ${call}\n`,
    );
    // After the first Metadata answer the client connects to the brokers it names, by their ids.
    for (const [id, port] of [
      [1, 9092],
      [2, 9093],
      [3, 9094],
    ])
      expect(r.stderr).toContain(
        `WARN [AdminClient clientId=adminclient-1] Connection to node ${id} (localhost/127.0.0.1:${port}) could not be established. Node may not be available.`,
      );
    expect(r.status).toBe(1);
  });

  it('a broker that dies mid-command is failed over: the call goes to another live broker', () => {
    const t = new Terminal({ mode: 'kraft' });
    t.run(`kafka-topics ${BOOTSTRAP} --create --topic orders --replication-factor 3`);
    const done = stopOnRequest(t, 'describeTopics', [1]);
    const r = t.run(`kafka-topics ${BOOTSTRAP} --describe --topic orders`);
    expect(done()).toBe(true);
    expect(r.stdout.startsWith('Topic: orders\t')).toBe(true);
    expect(r.status).toBe(0);
  });
});
