/**
 * Every kafka-topics line of the learner notes in /work/shared/seeds, typed verbatim, with what Kafka
 * 3.9's TopicCommand (tools/src/main/java/org/apache/kafka/tools/TopicCommand.java) answers. Unset
 * `${topic_name}` expands to nothing, as in bash: `--topic --bootstrap-server …` makes
 * `--bootstrap-server` the topic name, and a trailing `--topic` has no argument at all.
 */
import { describe, expect, it } from 'vitest';
import { Terminal } from './harness';

const modes = ['zookeeper', 'kraft'] as const;

function terminal(mode: (typeof modes)[number]): Terminal {
  return mode === 'kraft' ? new Terminal({ mode: 'kraft' }) : new Terminal();
}

function topicId(t: Terminal, name: string): string {
  return t.cluster.snapshot().topics.find((x) => x.name === name)?.topicId ?? '';
}

const MAIN = [
  '\tat org.apache.kafka.tools.TopicCommand.mainNoExit(TopicCommand.java:90)',
  '\tat org.apache.kafka.tools.TopicCommand.main(TopicCommand.java:85)',
];

const bootstrapMissing =
  [
    '--bootstrap-server must be specified',
    'java.lang.IllegalArgumentException: --bootstrap-server must be specified',
    '\tat org.apache.kafka.tools.TopicCommand$TopicCommandOptions.checkRequiredArgs(TopicCommand.java:978)',
    '\tat org.apache.kafka.tools.TopicCommand$TopicCommandOptions.checkArgs(TopicCommand.java:971)',
    '\tat org.apache.kafka.tools.TopicCommand$TopicCommandOptions.<init>(TopicCommand.java:835)',
    '\tat org.apache.kafka.tools.TopicCommand.execute(TopicCommand.java:100)',
    ...MAIN,
  ].join('\n') + '\n\n';

const topicWithoutArgument =
  [
    'Option topic requires an argument',
    'joptsimple.OptionMissingRequiredArgumentException: Option topic requires an argument',
    '\tat joptsimple.RequiredArgumentOptionSpec.detectOptionArgument(RequiredArgumentOptionSpec.java:48)',
    '\tat joptsimple.ArgumentAcceptingOptionSpec.handleOption(ArgumentAcceptingOptionSpec.java:257)',
    '\tat joptsimple.OptionParser.handleLongOptionToken(OptionParser.java:513)',
    '\tat joptsimple.OptionParserState$2.handleArgument(OptionParserState.java:56)',
    '\tat joptsimple.OptionParser.parse(OptionParser.java:396)',
    '\tat org.apache.kafka.tools.TopicCommand$TopicCommandOptions.<init>(TopicCommand.java:830)',
    '\tat org.apache.kafka.tools.TopicCommand.execute(TopicCommand.java:100)',
    ...MAIN,
  ].join('\n') + '\n\n';

describe.each(modes)('seed notes on a %s cluster', (mode) => {
  const elr = mode === 'kraft' ? '\tElr: \tLastKnownElr: ' : '\tElr: N/A\tLastKnownElr: N/A';
  const quickstartDescribe = (t: Terminal) =>
    `Topic: quickstart-events\tTopicId: ${topicId(t, 'quickstart-events')}\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: \n` +
    `\tTopic: quickstart-events\tPartition: 0\tLeader: 1\tReplicas: 1\tIsr: 1${elr}\n`;

  it('note 000: ./bin/kafka-topics.sh with the single-dash -partitions', () => {
    const t = terminal(mode);
    expect(
      t.run(
        './bin/kafka-topics.sh --create --topic quickstart-events --bootstrap-server localhost:9092 -partitions 1 ',
      ),
    ).toEqual({ stdout: 'Created topic quickstart-events.\n', stderr: '', status: 0 });
    expect(t.run('./bin/kafka-topics.sh --bootstrap-server localhost:9092 --list')).toEqual({
      stdout: 'quickstart-events\n',
      stderr: '',
      status: 0,
    });
    expect(
      t.run(
        './bin/kafka-topics.sh --describe --topic quickstart-events --bootstrap-server localhost:9092',
      ),
    ).toEqual({ stdout: quickstartDescribe(t), stderr: '', status: 0 });
  });

  it('note 001: $KAFKA_HOME/bin/kafka-topics.sh with ${topic_name} unset', () => {
    const t = terminal(mode);
    const lines = [
      '$KAFKA_HOME/bin/kafka-topics.sh --create --topic ${topic_name} --bootstrap-server localhost:9092',
      '$KAFKA_HOME/bin/kafka-topics.sh --create --bootstrap-server localhost:9092 --replication-factor 1 --partitions 3 --topic ${topic_name}',
      '$KAFKA_HOME/bin/kafka-topics.sh --bootstrap-server localhost:9092 --list',
      '$KAFKA_HOME/bin/kafka-topics.sh --describe --topic ${topic_name} --bootstrap-server localhost:9092',
      '$KAFKA_HOME/bin/kafka-topics.sh --delete --bootstrap-server localhost:9092 --topic ${topic_name}',
    ];
    expect(lines.map((line) => t.run(line))).toEqual([
      { stdout: '', stderr: bootstrapMissing, status: 1 },
      { stdout: '', stderr: topicWithoutArgument, status: 1 },
      { stdout: '\n', stderr: '', status: 0 },
      { stdout: '', stderr: bootstrapMissing, status: 1 },
      { stdout: '', stderr: topicWithoutArgument, status: 1 },
    ]);
  });

  it('note 001: the same lines with topic_name=orders', () => {
    const t = terminal(mode);
    t.run('topic_name=orders');
    const created = t.run(
      '$KAFKA_HOME/bin/kafka-topics.sh --create --topic ${topic_name} --bootstrap-server localhost:9092',
    );
    expect(created).toEqual({ stdout: 'Created topic orders.\n', stderr: '', status: 0 });
    const again = t.run(
      '$KAFKA_HOME/bin/kafka-topics.sh --create --bootstrap-server localhost:9092 --replication-factor 1 --partitions 3 --topic ${topic_name}',
    );
    expect(again.stdout).toBe(
      "Error while executing topic command : Topic 'orders' already exists.\n",
    );
    expect(again.status).toBe(1);
    expect(
      t.run('$KAFKA_HOME/bin/kafka-topics.sh --bootstrap-server localhost:9092 --list').stdout,
    ).toBe('orders\n');
    expect(
      t.run(
        '$KAFKA_HOME/bin/kafka-topics.sh --describe --topic ${topic_name} --bootstrap-server localhost:9092',
      ).stdout,
    ).toBe(
      `Topic: orders\tTopicId: ${topicId(t, 'orders')}\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: \n` +
        `\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1\tIsr: 1${elr}\n`,
    );
    expect(
      t.run(
        '$KAFKA_HOME/bin/kafka-topics.sh --delete --bootstrap-server localhost:9092 --topic ${topic_name}',
      ),
    ).toEqual({ stdout: '', stderr: '', status: 0 });
  });

  it('note 003: $KAFKA_HOME/bin/kafka-topics.sh create, list, describe', () => {
    const t = terminal(mode);
    expect(
      t.run(
        '$KAFKA_HOME/bin/kafka-topics.sh --create --topic quickstart-events --bootstrap-server localhost:9092 --partitions 1',
      ).stdout,
    ).toBe('Created topic quickstart-events.\n');
    expect(
      t.run('$KAFKA_HOME/bin/kafka-topics.sh --bootstrap-server localhost:9092 --list').stdout,
    ).toBe('quickstart-events\n');
    expect(
      t.run(
        '$KAFKA_HOME/bin/kafka-topics.sh --describe --topic quickstart-events --bootstrap-server localhost:9092',
      ).stdout,
    ).toBe(quickstartDescribe(t));
  });

  it('note 004: Confluent `kafka-topics` with the {broker url} placeholder typed as is', () => {
    const t = terminal(mode);
    for (const line of [
      'kafka-topics --bootstrap-server {broker url} --list',
      'kafka-topics --bootstrap-server {broker url} --describe --topic {topic 이름}',
      'kafka-topics --bootstrap-server {broker url} --delete --topic {topic 이름}',
    ]) {
      const r = t.run(line);
      expect(r.stdout).toBe('');
      expect(r.status).toBe(1);
      expect(r.stderr.split('\n').slice(0, 2)).toEqual([
        'Failed to create new KafkaAdminClient',
        'org.apache.kafka.common.KafkaException: Failed to create new KafkaAdminClient',
      ]);
      expect(r.stderr).toContain(
        'Caused by: org.apache.kafka.common.config.ConfigException: Invalid url in bootstrap.servers: {broker\n',
      );
    }
  });

  it('note 004: the same commands with the broker url filled in, on the reserve topic', () => {
    const t = terminal(mode);
    t.run('kafka-topics --bootstrap-server localhost:9092 --create --topic reserve');
    expect(t.run('kafka-topics --bootstrap-server localhost:9092 --list').stdout).toBe('reserve\n');
    expect(
      t.run('kafka-topics --bootstrap-server localhost:9092 --describe --topic reserve').stdout,
    ).toBe(
      `Topic: reserve\tTopicId: ${topicId(t, 'reserve')}\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: \n` +
        `\tTopic: reserve\tPartition: 0\tLeader: 1\tReplicas: 1\tIsr: 1${elr}\n`,
    );
    expect(
      t.run('kafka-topics --bootstrap-server localhost:9092 --delete --topic reserve'),
    ).toEqual({
      stdout: '',
      stderr: '',
      status: 0,
    });
  });
});

describe('every spelling of the script runs the same tool', () => {
  it.each([
    'kafka-topics.sh',
    './bin/kafka-topics.sh',
    'bin/kafka-topics.sh',
    '$KAFKA_HOME/bin/kafka-topics.sh',
    'kafka-topics',
    'bin\\windows\\kafka-topics.bat',
    'docker exec -it kafka1 kafka-topics',
  ])('%s --bootstrap-server localhost:9092 --list', (program) => {
    const t = new Terminal();
    t.run('kafka-topics --bootstrap-server localhost:9092 --create --topic orders');
    expect(t.run(`${program} --bootstrap-server localhost:9092 --list`)).toEqual({
      stdout: 'orders\n',
      stderr: '',
      status: 0,
    });
  });

  it('--name=value works as well as --name value', () => {
    const t = new Terminal();
    expect(
      t.run('kafka-topics --bootstrap-server=localhost:9092 --create --topic=orders --partitions=3')
        .stdout,
    ).toBe('Created topic orders.\n');
    expect(t.cluster.snapshot().topics.find((x) => x.name === 'orders')?.partitions.length).toBe(3);
  });
});
