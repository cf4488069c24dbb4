/**
 * kafka-console-consumer.sh against Kafka 3.9's tools/src/main/java/org/apache/kafka/tools/consumer/
 * ConsoleConsumer.java (run/process/receive/cleanup), ConsoleConsumerOptions.java (validation,
 * group id, auto.offset.reset) and DefaultMessageFormatter.java (field order and separators).
 */
import { describe, expect, it } from 'vitest';
import { createHeadlessSession, runCommandLine } from '../../src/cli/headless/runHeadless';
import { formatHelp } from '../../src/cli/options/index';
import { parseScript } from '../../src/cli/shell/parse/index';
import { consoleConsumerSpecs } from '../../src/cli/tools/kafka/console/consoleConsumerOptions';
import { epochBaseMs, partitionForKey } from '../../src/sim/index';
import { Terminal } from './harness';

const BOOTSTRAP = '--bootstrap-server localhost:9092';
const LOG_DATE = /^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\] /gm;
const undated = (text: string) => text.replace(LOG_DATE, '[DATE] ');
const consume = (args: string) => `kafka-console-consumer.sh ${BOOTSTRAP} ${args}`;

function createTopic(t: Terminal, name: string, partitions: number, configs = {}): void {
  const f = t.cluster.settle(
    t.cluster.admin.createTopic({ name, numPartitions: partitions, replicationFactor: 3, configs }),
  );
  expect(f.result).toBeUndefined();
  t.wait(1_000);
}

function produce(t: Terminal, topic: string, lines: string[], extra = ''): void {
  const r = t.run(
    `kafka-console-producer.sh ${BOOTSTRAP} --topic ${topic} ${extra}<<'EOF'\n${lines.join('\n')}\nEOF`,
  );
  expect(r.status).toBe(0);
}

/** Committed offsets of `group`, by partition, as the group coordinator holds them. */
function committed(t: Terminal, group: string): Record<string, number> {
  const groups = (
    t.cluster.snapshot() as unknown as {
      groups: {
        groupId: string;
        offsets: { topic: string; partition: number; offset: number }[];
      }[];
    }
  ).groups;
  const g = groups.find((x) => x.groupId === group);
  return Object.fromEntries((g?.offsets ?? []).map((o) => [`${o.topic}-${o.partition}`, o.offset]));
}

describe('kafka-console-consumer: a producer → consumer round trip', () => {
  it('--from-beginning prints every line, then headless stops after 10 s idle with "Processed a total of N messages" (exit 0)', () => {
    const t = new Terminal();
    produce(t, 'quickstart-events', ['This is my first event', 'This is my second event']);
    const start = t.cluster.now;
    const r = t.run(consume('--topic quickstart-events --from-beginning'));
    expect(r).toEqual({
      stdout: 'This is my first event\nThis is my second event\n',
      stderr: 'Processed a total of 2 messages\n',
      status: 0,
    });
    // DESIGN §4: the foreground consumer gives up once idle for 10 s of virtual time.
    expect(t.cluster.now - start).toBeGreaterThanOrEqual(10_000);
    expect(t.cluster.now - start).toBeLessThan(12_000);
  });

  it('without --from-beginning a new group starts at the end (auto.offset.reset=latest)', () => {
    const t = new Terminal();
    produce(t, 'events', ['old']);
    expect(t.run(consume('--topic events'))).toEqual({
      stdout: '',
      stderr: 'Processed a total of 0 messages\n',
      status: 0,
    });
  });

  it('a consumer started before the producer prints the lines produced later', () => {
    const t = new Terminal();
    createTopic(t, 'live', 1);
    const r = t.run(
      [
        `${consume('--topic live')} &`,
        'sleep 5',
        `kafka-console-producer.sh ${BOOTSTRAP} --topic live`,
        'sleep 3',
        'kill -INT %1',
        'sleep 1',
      ].join('\n'),
      'later one\nlater two\n',
    );
    expect(r.stdout).toBe('>>>later one\nlater two\n');
    expect(r.stderr).toBe('Processed a total of 2 messages\n');
  });

  it('Ctrl-C runs the shutdown hook: the consumer closes, prints the count, and the JVM exits 130', () => {
    let out = '';
    let err = '';
    const session = createHeadlessSession(
      {},
      { stdout: (s) => (out += s), stderr: (s) => (err += s) },
    );
    const run = (text: string, limitMs?: number) =>
      parseScript(text)
        .commands.map((list) => runCommandLine(session, list, limitMs))
        .pop();
    run(`echo hello | kafka-console-producer.sh ${BOOTSTRAP} --topic ctrl-c`);
    err = '';
    // --max-messages switches the headless idle stop off; Ctrl-C comes after 5 s.
    const status = run(consume('--topic ctrl-c --from-beginning --max-messages 10'), 5_000);
    expect(status).toBe(130);
    expect(out).toBe('hello\n');
    expect(err).toBe('Processed a total of 1 messages\n');
  });
});

describe('kafka-console-consumer: DefaultMessageFormatter', () => {
  it('keyed records (parse.key, key.separator=:) are printed with print.key / print.partition / print.offset in murmur2 partitions', () => {
    const t = new Terminal();
    createTopic(t, 'orders', 3);
    produce(
      t,
      'orders',
      ['user-1:hello', 'user-2:bye', 'user-1:again'],
      '--property parse.key=true --property key.separator=: ',
    );
    const r = t.run(
      consume(
        '--topic orders --from-beginning --property print.key=true --property print.partition=true --property print.offset=true',
      ),
    );
    const lines = r.stdout.split('\n').filter(Boolean).sort();
    // Offsets count per partition, in the order the lines were produced.
    const next = new Map<number, number>();
    const expected = [
      ['user-1', 'hello'],
      ['user-2', 'bye'],
      ['user-1', 'again'],
    ].map(([key, value]) => {
      const p = partitionForKey(key!, 3);
      const offset = next.get(p) ?? 0;
      next.set(p, offset + 1);
      return `Partition:${p}\tOffset:${offset}\t${key}\t${value}`;
    });
    expect(lines).toEqual(expected.sort());
    expect(r.stderr).toBe('Processed a total of 3 messages\n');
  });

  it('key.separator, null keys as null.literal, and CreateTime timestamps first', () => {
    const t = new Terminal();
    const before = epochBaseMs + t.cluster.now;
    produce(t, 'fmt', ['no key']);
    const r = t.run(
      consume(
        '--topic fmt --from-beginning --property print.timestamp=true --property print.key=true --property key.separator=" | " --property null.literal=∅',
      ),
    );
    const m = /^CreateTime:(\d+) \| ∅ \| no key\n$/.exec(r.stdout);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThanOrEqual(before);
  });

  it('LogAppendTime topics print LogAppendTime:<ms>; print.value=false ends the line after the last field', () => {
    const t = new Terminal();
    createTopic(t, 'appended', 1, { 'message.timestamp.type': 'LogAppendTime' });
    produce(t, 'appended', ['v']);
    const r = t.run(
      consume(
        '--topic appended --from-beginning --property print.timestamp=true --property print.offset=true --property print.value=false',
      ),
    );
    expect(r.stdout).toMatch(/^LogAppendTime:\d{13}\tOffset:0\n$/);
  });

  it('print.headers prints k:v pairs joined by headers.separator, NO_HEADERS without any', () => {
    const t = new Terminal();
    produce(
      t,
      'hdr',
      ['a:1,b:NULL\tk\tv', 'NULL\tk2\tv2'],
      '--property parse.headers=true --property parse.key=true --property null.marker=NULL ',
    );
    const r = t.run(
      consume(
        '--topic hdr --from-beginning --property print.headers=true --property print.key=true --property headers.separator=";"',
      ),
    );
    expect(r.stdout).toBe('a:1;b:null\tk\tv\nNO_HEADERS\tk2\tv2\n');
  });

  it('the deprecated Scala formatter name still works with a warning; an unknown class is a usage error', () => {
    const t = new Terminal();
    produce(t, 'legacy', ['x']);
    const r = t.run(
      consume('--topic legacy --from-beginning --formatter kafka.tools.DefaultMessageFormatter'),
    );
    expect(r.stdout).toBe('x\n');
    expect(r.stderr).toBe(
      'WARNING: kafka.tools.DefaultMessageFormatter is deprecated and will be removed in the next major release. Please use org.apache.kafka.tools.consumer.DefaultMessageFormatter instead\nProcessed a total of 1 messages\n',
    );
    const bad = t.run(consume('--topic legacy --formatter com.example.Nope'));
    expect(bad).toEqual({
      stdout: '',
      stderr: `com.example.Nope\n${formatHelp(consoleConsumerSpecs)}`,
      status: 1,
    });
  });
});

describe('kafka-console-consumer: groups and offsets', () => {
  it('--group commits on close; a second consumer of the group starts after the committed offsets', () => {
    const t = new Terminal();
    produce(t, 'jobs', ['j1', 'j2', 'j3']);
    const first = t.run(consume('--topic jobs --group workers --from-beginning --max-messages 2'));
    expect(first).toEqual({
      stdout: 'j1\nj2\n',
      stderr: 'Processed a total of 2 messages\n',
      status: 0,
    });
    // cleanup() sought back to the first unprinted record, so the commit on close is 2, not 3.
    expect(committed(t, 'workers')).toEqual({ 'jobs-0': 2 });
    const second = t.run(consume('--topic jobs --group workers --from-beginning'));
    expect(second.stdout).toBe('j3\n');
    expect(committed(t, 'workers')).toEqual({ 'jobs-0': 3 });
  });

  it('without --group the group is console-consumer-<0..99999> from the seeded PRNG and nothing is committed', () => {
    const groupsAfter = () => {
      const t = new Terminal({ seed: 7 });
      produce(t, 'anon', ['a']);
      t.run(consume('--topic anon --from-beginning'));
      const groups = (
        t.cluster.snapshot() as unknown as {
          groups: { groupId: string; offsets: unknown[] }[];
        }
      ).groups;
      return groups.map((g) => ({ id: g.groupId, offsets: g.offsets.length }));
    };
    const a = groupsAfter();
    expect(a).toHaveLength(1);
    expect(a[0]!.id).toMatch(/^console-consumer-\d{1,5}$/);
    expect(a[0]!.offsets).toBe(0);
    expect(groupsAfter()).toEqual(a);
  });

  it('--partition with --offset N / earliest / latest assigns the partition and seeks', () => {
    const t = new Terminal();
    produce(t, 'seek', ['r0', 'r1', 'r2']);
    expect(t.run(consume('--topic seek --partition 0 --offset 1')).stdout).toBe('r1\nr2\n');
    expect(t.run(consume('--topic seek --partition 0 --offset earliest')).stdout).toBe(
      'r0\nr1\nr2\n',
    );
    expect(t.run(consume('--topic seek --partition 0 --from-beginning')).stdout).toBe(
      'r0\nr1\nr2\n',
    );
    expect(t.run(consume('--topic seek --partition 0')).stdout).toBe('');
  });

  it('--include subscribes to every matching topic', () => {
    const t = new Terminal();
    produce(t, 'metrics-a', ['from a']);
    produce(t, 'metrics-b', ['from b']);
    produce(t, 'other', ['not me']);
    const r = t.run(consume("--include 'metrics-.*' --from-beginning"));
    expect(r.stdout.split('\n').filter(Boolean).sort()).toEqual(['from a', 'from b']);
  });
});

describe('kafka-console-consumer: ending', () => {
  it('--max-messages N stops after N records (exit 0)', () => {
    const t = new Terminal();
    produce(t, 'many', ['1', '2', '3', '4']);
    expect(t.run(consume('--topic many --from-beginning --max-messages 3'))).toEqual({
      stdout: '1\n2\n3\n',
      stderr: 'Processed a total of 3 messages\n',
      status: 0,
    });
    expect(t.run(consume('--topic many --from-beginning --max-messages 0'))).toEqual({
      stdout: '',
      stderr: 'Processed a total of 0 messages\n',
      status: 0,
    });
  });

  it('--timeout-ms logs the TimeoutException as "Error processing message, terminating consumer process" and exits 0 after timeout-ms without records', () => {
    const t = new Terminal();
    produce(t, 'quiet', ['only']);
    const start = t.cluster.now;
    const r = t.run(consume('--topic quiet --from-beginning --timeout-ms 3000'));
    expect(r.stdout).toBe('only\n');
    expect(undated(r.stderr)).toBe(
      '[DATE] ERROR Error processing message, terminating consumer process:  (org.apache.kafka.tools.consumer.ConsoleConsumer)\n' +
        'org.apache.kafka.common.errors.TimeoutException\n' +
        'Processed a total of 1 messages\n',
    );
    expect(r.status).toBe(0);
    expect(t.cluster.now - start).toBeGreaterThanOrEqual(3_000);
  });

  it('a background consumer is not stopped by the headless idle rule', () => {
    const t = new Terminal();
    createTopic(t, 'bg', 1);
    const r = t.run(`${consume('--topic bg')} &\nsleep 30\njobs`);
    expect(r.stdout).toMatch(/^\[1\]\+ {2}Running/);
    expect(t.run('kill %1\nsleep 1').stderr).toBe('Processed a total of 0 messages\n');
  });

  it('auto.offset.reset=none with no committed offset ends process() with NoOffsetForPartitionException', () => {
    const t = new Terminal();
    produce(t, 'strict', ['x']);
    const r = t.run(consume('--topic strict --consumer-property auto.offset.reset=none'));
    expect(undated(r.stderr)).toBe(
      '[DATE] ERROR Error processing message, terminating consumer process:  (org.apache.kafka.tools.consumer.ConsoleConsumer)\n' +
        'org.apache.kafka.clients.consumer.NoOffsetForPartitionException: Undefined offset with no reset policy for partitions: [strict-0]\n' +
        'Processed a total of 0 messages\n',
    );
    expect(r.status).toBe(0);
  });

  it('--enable-systest-events prints shutdown_complete from the shutdown hook', () => {
    const t = new Terminal();
    produce(t, 'sys', ['x']);
    expect(
      t.run(consume('--topic sys --from-beginning --max-messages 1 --enable-systest-events'))
        .stdout,
    ).toBe('x\nshutdown_complete\n');
  });
});

describe('kafka-console-consumer: argument errors', () => {
  const usage = formatHelp(consoleConsumerSpecs);

  it.each([
    ['a misspelt option', '--topic t --from-begining', 'from-begining is not a recognized option'],
    ['neither --topic nor --include', '', 'Exactly one of --include/--topic is required. '],
    [
      'both --topic and --include',
      "--topic t --include 't.*'",
      'Exactly one of --include/--topic is required. ',
    ],
    [
      '--whitelist with --topic',
      "--topic t --whitelist 't.*'",
      'Exactly one of --include/--topic is required. --whitelist is DEPRECATED use --include instead; ignored if --include specified.',
    ],
    [
      '--partition without --topic',
      "--include 't.*' --partition 0",
      'The topic is required when partition is specified.',
    ],
    [
      '--from-beginning with --offset',
      '--topic t --partition 0 --offset 3 --from-beginning',
      'Options from-beginning and offset cannot be specified together.',
    ],
    [
      '--offset without --partition',
      '--topic t --offset 3',
      'The partition is required when offset is specified.',
    ],
    [
      '--group with --partition',
      '--topic t --partition 0 --group g',
      'Options group and partition cannot be specified together.',
    ],
    [
      'different group ids',
      '--topic t --group a --consumer-property group.id=b',
      "The group ids provided in different places (directly using '--group', via '--consumer-property', or via '--consumer.config') do not match. Detected group ids: 'a', 'b'",
    ],
    [
      'a negative offset',
      '--topic t --partition 0 --offset -5',
      "The provided offset value '-5' is incorrect. Valid values are 'earliest', 'latest', or a non-negative long.",
    ],
  ])('%s', (_, args, message) => {
    const r = new Terminal().run(consume(args));
    expect(r).toEqual({ stdout: '', stderr: `${message}\n${usage}`, status: 1 });
  });

  it('no --bootstrap-server: Missing required argument "[bootstrap-server]"', () => {
    expect(new Terminal().run('kafka-console-consumer.sh --topic t')).toEqual({
      stdout: '',
      stderr: `Missing required argument "[bootstrap-server]"\n${usage}`,
      status: 1,
    });
  });

  it('no arguments and --help print the tool description with the usage (exit 1)', () => {
    const expected = {
      stdout: '',
      stderr: `This tool helps to read data from Kafka topics and outputs it to standard output.\n${usage}`,
      status: 1,
    };
    expect(new Terminal().run('kafka-console-consumer.sh')).toEqual(expected);
    expect(new Terminal().run('kafka-console-consumer.sh --help')).toEqual(expected);
  });

  it('--from-beginning against auto.offset.reset=latest exits 1 with its own message, no usage', () => {
    expect(
      new Terminal().run(
        consume('--topic t --from-beginning --consumer-property auto.offset.reset=latest'),
      ),
    ).toEqual({
      stdout: '',
      stderr:
        "Can't simultaneously specify --from-beginning and 'auto.offset.reset=latest', please remove one option\n",
      status: 1,
    });
  });

  it('a server that is no host:port fails in new KafkaConsumer: "Unknown error when running consumer"', () => {
    const r = new Terminal().run('kafka-console-consumer.sh --bootstrap-server broker --topic t');
    expect(r.status).toBe(1);
    const lines = undated(r.stderr).split('\n');
    expect(lines[0]).toBe(
      '[DATE] ERROR Unknown error when running consumer:  (org.apache.kafka.tools.consumer.ConsoleConsumer)',
    );
    expect(lines[1]).toBe(
      'org.apache.kafka.common.KafkaException: Failed to construct kafka consumer',
    );
    expect(lines).toContain(
      'Caused by: org.apache.kafka.common.config.ConfigException: Invalid url in bootstrap.servers: broker',
    );
  });

  it('the usage is the 3.9 table: --property documents the formatter settings', () => {
    expect(usage).toContain(
      '--from-beginning                         If the consumer does not already have  \n',
    );
    expect(usage).toContain(
      '--property <String: prop>                The properties to initialize the       \n',
    );
    expect(usage).toContain(
      '--topic <String: topic>                  The topic to consume on.               \n',
    );
  });
});
