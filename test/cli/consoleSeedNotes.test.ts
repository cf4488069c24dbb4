/**
 * Every console producer/consumer line of the learners' notes (/work/shared/seeds), run verbatim
 * against the notes' default cluster, answering as Kafka 3.9's ConsoleProducer.scala and
 * ConsoleConsumer.java / ConsoleConsumerOptions.java do — typos and unset variables included.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatHelp } from '../../src/cli/options/index';
import { consoleConsumerSpecs } from '../../src/cli/tools/kafka/console/consoleConsumerOptions';
import { consoleProducerSpecs } from '../../src/cli/tools/kafka/console/consoleProducerOptions';
import { Terminal } from './harness';

const seedsDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../shared/seeds');

/** The lines, as written in the notes (file, then the line). */
const seed = {
  producer000: [
    '000_6bed7fb3421f8a1c.txt',
    './bin/kafka-console-producer.sh --broker-list localhost:9092 --topic quickstart-events',
  ],
  consumer000: [
    '000_6bed7fb3421f8a1c.txt',
    './bin/kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic quickstart-events --from-beginning',
  ],
  producer001: [
    '001_cb56c6c1d5e73aea.txt',
    '$KAFKA_HOME/bin/kafka-console-producer.sh --broker-list localhost:9092 --topic ${topic_name} ',
  ],
  consumer001: [
    '001_cb56c6c1d5e73aea.txt',
    '$KAFKA_HOME/bin/kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic ${topic_name}',
  ],
  consumer001FromBeginning: [
    '001_cb56c6c1d5e73aea.txt',
    '$KAFKA_HOME/bin/kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic ${topic_name} --from-beginning',
  ],
  producer003: [
    '003_87d0360e86efe48c.txt',
    '$KAFKA_HOME/bin/kafka-console-producer.sh --broker-list localhost:9092 --topic quickstart-events',
  ],
  consumer003Typo: [
    '003_87d0360e86efe48c.txt',
    '$KAFKA_HOME/bin/kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic quickstart-events --from-begining',
  ],
  producer004: [
    '004_7f5ce2cc13a9888c.txt',
    'kafka-console-producer --bootstrap-server {broker url} --topic {topic 이름}',
  ],
  consumer004: [
    '004_7f5ce2cc13a9888c.txt',
    'kafka-console-consumer --bootstrap-server {broker url} --topic {topic 이름} --from-beginning',
  ],
} as const;

const line = (key: keyof typeof seed) => seed[key][1];
const LOG_DATE = /^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\] /gm;
const undated = (text: string) => text.replace(LOG_DATE, '[DATE] ');

describe.runIf(existsSync(seedsDir))('the seed notes hold these lines verbatim', () => {
  it.each(Object.entries(seed))('%s', (_, [file, text]) => {
    expect(readFileSync(resolve(seedsDir, file), 'utf8')).toContain(text);
  });
});

describe('seed 000: the quickstart with --broker-list', () => {
  it('the deprecated --broker-list producer sends typed lines; the consumer prints them --from-beginning', () => {
    const t = new Terminal();
    const produced = t.run(
      line('producer000'),
      'This is my first event\nThis is my second event\n',
    );
    expect(produced.stdout).toBe('>>>');
    expect(undated(produced.stderr)).toMatch(
      /^\[DATE\] WARN \[Producer clientId=console-producer\] Error while fetching metadata with correlation id \d+ : \{quickstart-events=LEADER_NOT_AVAILABLE\} \(org\.apache\.kafka\.clients\.NetworkClient\)\n$/,
    );
    expect(produced.status).toBe(0);
    expect(t.run(line('consumer000'))).toEqual({
      stdout: 'This is my first event\nThis is my second event\n',
      stderr: 'Processed a total of 2 messages\n',
      status: 0,
    });
  });
});

describe('seed 001: ${topic_name} placeholders', () => {
  it('with topic_name set, the producer and both consumers work', () => {
    const t = new Terminal();
    t.run('topic_name=reserve');
    expect(t.run(line('producer001'), 'booked\n').status).toBe(0);
    // A new group starts at the end: nothing to print.
    expect(t.run(line('consumer001'))).toEqual({
      stdout: '',
      stderr: 'Processed a total of 0 messages\n',
      status: 0,
    });
    expect(t.run(line('consumer001FromBeginning')).stdout).toBe('booked\n');
  });

  it('unset, `--topic` is left without its argument: "Option topic requires an argument"', () => {
    const t = new Terminal();
    expect(t.run(line('producer001'))).toEqual({
      stdout: '',
      stderr: `Option topic requires an argument\n${formatHelp(consoleProducerSpecs)}`,
      status: 1,
    });
    expect(t.run(line('consumer001'))).toEqual({
      stdout: '',
      stderr: `Option topic requires an argument\n${formatHelp(consoleConsumerSpecs)}`,
      status: 1,
    });
  });

  it('unset before --from-beginning, jopt takes "--from-beginning" as the topic name (a legal one, auto-created)', () => {
    const t = new Terminal();
    const r = t.run(line('consumer001FromBeginning'));
    expect(undated(r.stderr)).toMatch(
      /^\[DATE\] WARN \[Consumer clientId=console-consumer, groupId=console-consumer-\d+\] Error while fetching metadata with correlation id \d+ : \{--from-beginning=LEADER_NOT_AVAILABLE\} \(org\.apache\.kafka\.clients\.NetworkClient\)\nProcessed a total of 0 messages\n$/,
    );
    expect(r.status).toBe(0);
  });
});

describe('seed 003: the --from-begining typo', () => {
  it('the producer works; the consumer fails as Kafka does: "from-begining is not a recognized option" and the usage, exit 1', () => {
    const t = new Terminal();
    expect(t.run(line('producer003'), 'hello\n').status).toBe(0);
    expect(t.run(line('consumer003Typo'))).toEqual({
      stdout: '',
      stderr: `from-begining is not a recognized option\n${formatHelp(consoleConsumerSpecs)}`,
      status: 1,
    });
  });
});

describe('seed 004: {broker url} placeholders typed as they are', () => {
  it('bash splits "{broker url}"; the producer rejects "{broker" as host:port (ToolsUtils.validatePortOrDie)', () => {
    expect(new Terminal().run(line('producer004'))).toEqual({
      stdout: '',
      stderr: `Please provide valid host:port like host1:9091,host2:9092\n \n${formatHelp(consoleProducerSpecs)}`,
      status: 1,
    });
  });

  it('the consumer fails constructing KafkaConsumer: Invalid url in bootstrap.servers: {broker', () => {
    const r = new Terminal().run(line('consumer004'));
    expect(r.status).toBe(1);
    const lines = undated(r.stderr).split('\n');
    expect(lines[0]).toBe(
      '[DATE] ERROR Unknown error when running consumer:  (org.apache.kafka.tools.consumer.ConsoleConsumer)',
    );
    expect(lines).toContain(
      'Caused by: org.apache.kafka.common.config.ConfigException: Invalid url in bootstrap.servers: {broker',
    );
  });

  it('with the placeholders filled in (the Confluent image names, no .sh) both work', () => {
    const t = new Terminal();
    expect(
      t.run('kafka-console-producer --bootstrap-server localhost:9092 --topic reserve', 'seat 1\n')
        .status,
    ).toBe(0);
    expect(
      t.run(
        'kafka-console-consumer --bootstrap-server localhost:9092 --topic reserve --from-beginning',
      ).stdout,
    ).toBe('seat 1\n');
  });
});
