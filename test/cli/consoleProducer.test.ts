/**
 * kafka-console-producer.sh against Kafka 3.9's core/src/main/scala/kafka/tools/ConsoleProducer.scala
 * (options, `producerProps`, `LineMessageReader`, `main`'s error handling) and the Java producer it
 * drives (murmur2 partitioning, ErrorLoggingCallback, NetworkClient's metadata WARN).
 */
import { describe, expect, it } from 'vitest';
import { createHeadlessSession, runCommandLine } from '../../src/cli/headless/runHeadless';
import { formatHelp } from '../../src/cli/options/index';
import { parseScript } from '../../src/cli/shell/parse/index';
import { consoleProducerSpecs } from '../../src/cli/tools/kafka/console/consoleProducerOptions';
import { epochBaseMs, partitionForKey } from '../../src/sim/index';
import type { LogRecord } from '../../src/sim/index';
import { expandBatch } from '../../src/sim/log/batchRecords';
import type { LogEntry } from '../../src/sim/log/batchRecords';
import { LineQueue } from '../../src/cli/runtime/streams';
import { Terminal } from './harness';

const BOOTSTRAP = '--bootstrap-server localhost:9092';
const LOG_DATE = /^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\] /gm;
/** Log lines with their (virtual) date replaced, so a golden text does not pin engine timing. */
const undated = (text: string) => text.replace(LOG_DATE, '[DATE] ');

function createTopic(t: Terminal, name: string, partitions: number, configs = {}): void {
  const f = t.cluster.settle(
    t.cluster.admin.createTopic({ name, numPartitions: partitions, replicationFactor: 3, configs }),
  );
  expect(f.result).toBeUndefined();
  t.wait(1_000);
}

/** Every record of `topic`, read from each partition leader's log, partition by partition. */
function records(t: Terminal, topic: string): LogRecord[] {
  const out: LogRecord[] = [];
  for (const p of t.cluster.snapshot().topics.find((x) => x.name === topic)?.partitions ?? []) {
    const log = t.cluster.brokers.get(p.leader)!.logs.get(`${topic}-${p.partition}`)!;
    const batches = log.read(0, Number.MAX_SAFE_INTEGER, p.highWatermark);
    if (!Array.isArray(batches)) throw new Error(`cannot read ${topic}-${p.partition}`);
    const entries: LogEntry[] = [];
    for (const b of batches) expandBatch(b, 0, p.highWatermark, Infinity, entries);
    out.push(...entries.map((e) => ({ ...e, topic, partition: p.partition })));
  }
  return out;
}

describe('kafka-console-producer: reading stdin', () => {
  it('prints `>` before every read on a terminal, none for a pipe or a here-document (LineMessageReader: printPrompt = System.console != null)', () => {
    const t = new Terminal();
    const tty = t.run(
      `kafka-console-producer.sh ${BOOTSTRAP} --topic quickstart-events`,
      'first\nsecond\n',
    );
    // Two lines and EOF: the third `>` is printed before the read that returns null.
    expect(tty.stdout).toBe('>>>');
    expect(tty.status).toBe(0);
    const piped = t.run(
      `echo "third" | kafka-console-producer.sh ${BOOTSTRAP} --topic quickstart-events`,
    );
    expect(piped).toEqual({ stdout: '', stderr: '', status: 0 });
    const hereDoc = t.run(
      `kafka-console-producer.sh ${BOOTSTRAP} --topic quickstart-events <<EOF\nfourth\nfifth\nEOF`,
    );
    expect(hereDoc).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(records(t, 'quickstart-events').map((r) => r.value)).toEqual([
      'first',
      'second',
      'third',
      'fourth',
      'fifth',
    ]);
  });

  it('prints the NetworkClient WARN of a topic being auto-created to stderr, in tools-log4j layout', () => {
    const t = new Terminal();
    const r = t.run(`kafka-console-producer.sh ${BOOTSTRAP} --topic brand-new`, 'hello\n');
    expect(undated(r.stderr)).toMatch(
      /^\[DATE\] WARN \[Producer clientId=console-producer\] Error while fetching metadata with correlation id \d+ : \{brand-new=LEADER_NOT_AVAILABLE\} \(org\.apache\.kafka\.clients\.NetworkClient\)\n$/,
    );
    expect(r.status).toBe(0);
    expect(records(t, 'brand-new').map((x) => x.value)).toEqual(['hello']);
  });

  it('stamps CreateTime from the wall clock and sends records without a key (parse.key=false)', () => {
    const t = new Terminal();
    const before = epochBaseMs + t.cluster.now;
    t.run(`kafka-console-producer.sh ${BOOTSTRAP} --topic plain`, 'k:v\n');
    const [r] = records(t, 'plain');
    expect(r!.key).toBeNull();
    expect(r!.value).toBe('k:v');
    expect(r!.timestamp).toBeGreaterThanOrEqual(before);
  });
});

describe('kafka-console-producer: keys, headers, null.marker', () => {
  it('parse.key=true with key.separator=: puts each record in murmur2(key) % partitions, as the Java client', () => {
    const t = new Terminal();
    createTopic(t, 'orders', 3);
    const keys = ['user-1', 'user-2', 'user-3', 'user-4', 'a', 'bb', '주문'];
    const r = t.run(
      `kafka-console-producer.sh ${BOOTSTRAP} --topic orders --property parse.key=true --property key.separator=:`,
      keys.map((k) => `${k}:value of ${k}`).join('\n') + '\n',
    );
    expect(r.status).toBe(0);
    const got = records(t, 'orders');
    expect(got).toHaveLength(keys.length);
    for (const rec of got) {
      expect(rec.partition).toBe(partitionForKey(rec.key!, 3));
      expect(rec.value).toBe(`value of ${rec.key}`);
    }
  });

  it('the default key.separator is a TAB; the value is everything after the first separator', () => {
    const t = new Terminal();
    t.run(
      `kafka-console-producer.sh ${BOOTSTRAP} --topic tabbed --property parse.key=true`,
      'k\ta\tb\nk2\t\n',
    );
    expect(records(t, 'tabbed').map((r) => [r.key, r.value])).toEqual([
      ['k', 'a\tb'],
      ['k2', ''],
    ]);
  });

  it('a line without the separator ends the tool with KafkaException "No key separator found on line number N" (exit 1); earlier lines are still sent', () => {
    const t = new Terminal();
    const r = t.run(
      `kafka-console-producer.sh ${BOOTSTRAP} --topic keyed --property parse.key=true --property key.separator=:`,
      'user1:ok\nuser1\nnever:read\n',
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('>>');
    expect(
      undated(r.stderr)
        .split('\n')
        .filter((l) => !l.startsWith('[DATE] WARN')),
    ).toEqual([
      "org.apache.kafka.common.KafkaException: No key separator found on line number 2: 'user1'",
      '\tat kafka.tools.ConsoleProducer$LineMessageReader.kafka$tools$ConsoleProducer$LineMessageReader$$parse(ConsoleProducer.scala:438)',
      '\tat kafka.tools.ConsoleProducer$LineMessageReader$$anon$3.hasNext(ConsoleProducer.scala:405)',
      '\tat kafka.tools.ConsoleProducer$.loopReader(ConsoleProducer.scala:91)',
      '\tat kafka.tools.ConsoleProducer$.main(ConsoleProducer.scala:100)',
      '\tat kafka.tools.ConsoleProducer.main(ConsoleProducer.scala)',
      '',
    ]);
    // `finally producer.close()` flushed the first record before the exception was printed.
    expect(records(t, 'keyed').map((x) => [x.key, x.value])).toEqual([['user1', 'ok']]);
  });

  it('ignore.error=true sends a line without separator with a null key', () => {
    const t = new Terminal();
    const r = t.run(
      `kafka-console-producer.sh ${BOOTSTRAP} --topic lenient --property parse.key=true --property key.separator=: --property ignore.error=true`,
      'no-separator\n',
    );
    expect(r.status).toBe(0);
    expect(records(t, 'lenient').map((x) => [x.key, x.value])).toEqual([[null, 'no-separator']]);
  });

  it('null.marker turns a key, value or header value equal to it into null', () => {
    const t = new Terminal();
    t.run(
      `kafka-console-producer.sh ${BOOTSTRAP} --topic nulls --property parse.key=true --property key.separator=: --property null.marker=NULL`,
      'NULL:v\nk:NULL\n',
    );
    expect(records(t, 'nulls').map((x) => [x.key, x.value])).toEqual([
      [null, 'v'],
      ['k', null],
    ]);
  });

  it('parse.headers=true reads "h1:v1,h2:v2<TAB>key<TAB>value"', () => {
    const t = new Terminal();
    const r = t.run(
      `kafka-console-producer.sh ${BOOTSTRAP} --topic with-headers --property parse.headers=true --property parse.key=true --property null.marker=NULL`,
      'source:web,trace:NULL\tk1\tpayload\n',
    );
    expect(r.status).toBe(0);
    const [rec] = records(t, 'with-headers');
    expect(rec!.headers).toEqual([
      { key: 'source', value: 'web' },
      { key: 'trace', value: null },
    ]);
    expect([rec!.key, rec!.value]).toEqual(['k1', 'payload']);
  });

  it('configure() rejects equal separators with a KafkaException stack trace (exit 1)', () => {
    const t = new Terminal();
    const r = t.run(
      `kafka-console-producer.sh ${BOOTSTRAP} --topic x --property null.marker=: --property parse.key=true --property key.separator=:`,
    );
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(
      'org.apache.kafka.common.KafkaException: null.marker and key.separator may not be equal',
    );
  });
});

describe('kafka-console-producer: delivery', () => {
  it('records lingering (linger.ms=1000, --timeout) when Ctrl-C arrives are lost: no shutdown hook closes the producer (exit 130)', () => {
    let out = '';
    let err = '';
    const session = createHeadlessSession(
      {},
      { stdout: (s) => (out += s), stderr: (s) => (err += s) },
    );
    const scheduler = session.host.cluster.scheduler;
    session.terminal = new LineQueue((fn) => scheduler.schedule(0, fn), true);
    session.typeLine('lost');
    const [list] = parseScript(`kafka-console-producer.sh ${BOOTSTRAP} --topic lingering`).commands;
    // Ctrl-C 500 ms after start: the record has been read (its metadata request auto-created the
    // topic) but it waits out linger.ms.
    const status = runCommandLine(session, list!, 500);
    expect(status).toBe(130);
    expect(out).toBe('>>');
    expect(undated(err)).toContain('{lingering=LEADER_NOT_AVAILABLE}');
    session.host.cluster.advance(5_000);
    const topic = session.host.cluster.snapshot().topics.find((x) => x.name === 'lingering');
    expect(topic!.partitions.map((p) => p.logEndOffset)).toEqual([0]);
  });

  it('--sync waits for each record before reading the next line', () => {
    const t = new Terminal();
    createTopic(t, 'synced', 1);
    const start = t.cluster.now;
    const r = t.run(`kafka-console-producer.sh ${BOOTSTRAP} --topic synced --sync`, 'a\nb\n');
    expect(r.status).toBe(0);
    // Each `send().get()` waits out linger.ms (1000 ms by --timeout's default).
    expect(t.cluster.now - start).toBeGreaterThanOrEqual(2_000);
    expect(records(t, 'synced').map((x) => x.value)).toEqual(['a', 'b']);
  });

  it('a record that never finds its topic is logged by ErrorLoggingCallback after max.block.ms; the tool still exits 0', () => {
    const t = new Terminal();
    const r = t.run(
      'echo hello | kafka-console-producer.sh --bootstrap-server localhost:9999 --topic t',
    );
    expect(r.status).toBe(0);
    expect(undated(r.stderr)).toBe(
      '[DATE] ERROR Error when sending message to topic t with key: null, value: 5 bytes with error: (org.apache.kafka.clients.producer.internals.ErrorLoggingCallback)\n' +
        'org.apache.kafka.common.errors.TimeoutException: Topic t not present in metadata after 60000 ms.\n',
    );
  });

  it('--producer.config and --producer-property reach the producer; an invalid value fails in new KafkaProducer', () => {
    const t = new Terminal();
    const ok = t.run(
      `echo a | kafka-console-producer.sh ${BOOTSTRAP} --producer.config config/producer.properties --topic cfg --producer-property linger.ms=0`,
    );
    expect(ok.status).toBe(0);
    expect(records(t, 'cfg').map((x) => x.value)).toEqual(['a']);
    const bad = t.run(
      `echo a | kafka-console-producer.sh ${BOOTSTRAP} --topic cfg --request-required-acks 2`,
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr.split('\n')[0]).toBe(
      'org.apache.kafka.common.config.ConfigException: Invalid value 2 for configuration acks: String must be one of: all, -1, 0, 1',
    );
    const missing = t.run(
      `echo a | kafka-console-producer.sh ${BOOTSTRAP} --topic cfg --producer.config nope.properties`,
    );
    expect(missing.status).toBe(1);
    expect(missing.stderr.split('\n')[0]).toBe(
      'java.nio.file.NoSuchFileException: nope.properties',
    );
  });
});

describe('kafka-console-producer: argument errors (CommandLineUtils.printUsageAndExit: message, usage, exit 1)', () => {
  const usage = formatHelp(consoleProducerSpecs);

  it.each([
    [
      'no --bootstrap-server or --broker-list (jopt requiredUnless)',
      '--topic t',
      'Missing required option(s) [bootstrap-server]',
    ],
    [
      'no arguments at all: the parse fails before the help check',
      '',
      'Missing required option(s) [bootstrap-server]',
    ],
    ['no --topic (checkRequiredArgs)', BOOTSTRAP, 'Missing required argument "[topic]"'],
    [
      'an unknown option',
      `${BOOTSTRAP} --topic t --from-begining`,
      'from-begining is not a recognized option',
    ],
    [
      'an abbreviation (abbreviations are off)',
      `--bootstrap ${BOOTSTRAP.split(' ')[1]} --topic t`,
      'bootstrap is not a recognized option',
    ],
    ['a value missing', `${BOOTSTRAP} --topic`, 'Option topic requires an argument'],
    [
      'a server without a port (ToolsUtils.validatePortOrDie)',
      '--bootstrap-server localhost --topic t',
      'Please provide valid host:port like host1:9091,host2:9092\n ',
    ],
  ])('%s', (_, args, message) => {
    const r = new Terminal().run(`kafka-console-producer.sh ${args}`);
    expect(r).toEqual({ stdout: '', stderr: `${message}\n${usage}`, status: 1 });
  });

  it('--help prints the tool description and the usage (exit 1); --version prints 3.9.0 (exit 0)', () => {
    const t = new Terminal();
    expect(t.run('kafka-console-producer.sh --help')).toEqual({
      stdout: '',
      stderr: `This tool helps to read data from standard input and publish it to Kafka.\n${usage}`,
      status: 1,
    });
    expect(t.run('kafka-console-producer.sh --version')).toEqual({
      stdout: '3.9.0\n',
      stderr: '',
      status: 0,
    });
  });

  it('a non-numeric --timeout fails when producerProps reads it: jopt message only, exit 1', () => {
    const r = new Terminal().run(
      `echo a | kafka-console-producer.sh ${BOOTSTRAP} --topic t --timeout soon`,
    );
    expect(r).toEqual({
      stdout: '',
      stderr: "Cannot parse argument 'soon' of option timeout\n",
      status: 1,
    });
  });

  it('the usage lists the 3.9 options, --broker-list marked deprecated', () => {
    expect(usage).toContain(
      '--broker-list <String: broker-list>      DEPRECATED, use --bootstrap-server',
    );
    expect(usage).toContain(
      '--request-required-acks <String:         The required `acks` of the producer',
    );
    expect(usage).toMatch(/^Option {35}Description {28}\n------ {35}----------- {28}\n/);
  });
});
