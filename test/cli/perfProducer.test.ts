/**
 * kafka-producer-perf-test.sh against Kafka 3.9's
 * tools/src/main/java/org/apache/kafka/tools/ProducerPerformance.java: argparse4j's help, usage
 * and `producer-performance: error:` lines, `ConfigPostProcessor`'s checks, the `Stats` lines, and
 * the send loop in virtual time — records land in the topic, acks=all is slower than acks=1,
 * `--throughput` paces, Ctrl-C stops it.
 */
import { describe, expect, it } from 'vitest';
import { createHeadlessSession, runCommandLine } from '../../src/cli/headless/runHeadless';
import { parseScript } from '../../src/cli/shell/parse/index';
import { Terminal } from './harness';

const PERF = 'kafka-producer-perf-test.sh';
const PROPS = '--producer-props bootstrap.servers=localhost:9092';

const USAGE = `usage: producer-performance [-h] --topic TOPIC --num-records NUM-RECORDS
                            [--payload-delimiter PAYLOAD-DELIMITER]
                            --throughput THROUGHPUT
                            [--producer-props PROP-NAME=PROP-VALUE [PROP-NAME=PROP-VALUE ...]]
                            [--producer.config CONFIG-FILE]
                            [--print-metrics]
                            [--transactional-id TRANSACTIONAL-ID]
                            [--transaction-duration-ms TRANSACTION-DURATION]
                            (--record-size RECORD-SIZE |
                            --payload-file PAYLOAD-FILE |
                            --payload-monotonic)
`;

const HELP = `${USAGE}
This  tool  is  used  to   verify   the  producer  performance.  To  enable
transactions, you  can  specify  a  transaction  id  or  set  a transaction
duration using --transaction-duration-ms. There  are  three ways to specify
the transaction  id:  set  transaction.id=<id>  via  --producer-props,  set
transaction.id=<id> in the config  file  via  --producer.config,  or use --
transaction-id <id>.

optional arguments:
  -h, --help             show this help message and exit
  --topic TOPIC          produce messages to this topic
  --num-records NUM-RECORDS
                         number of messages to produce
  --payload-delimiter PAYLOAD-DELIMITER
                         provides delimiter to be  used when --payload-file
                         is provided. Defaults to new  line. Note that this
                         parameter will  be  ignored  if  --payload-file is
                         not provided. (default: \\n)
  --throughput THROUGHPUT
                         throttle    maximum    message    throughput    to
                         *approximately* THROUGHPUT messages/sec.  Set this
                         to -1 to disable throttling.
  --producer-props PROP-NAME=PROP-VALUE [PROP-NAME=PROP-VALUE ...]
                         kafka producer  related  configuration  properties
                         like   bootstrap.servers,client.id    etc.   These
                         configs take precedence over  those  passed via --
                         producer.config.
  --producer.config CONFIG-FILE
                         producer config properties file.
  --print-metrics        print  out  metrics  at  the   end  of  the  test.
                         (default: false)
  --transactional-id TRANSACTIONAL-ID
                         The transactional id  to  use.  This  config takes
                         precedence  over  the  transactional.id  specified
                         via --producer.config  or  --producer-props.  Note
                         that if  the  transactional  id  is  not specified
                         while --transaction-duration-ms  is  provided, the
                         default value for  the  transactional  id  will be
                         performance-producer- followed by a random uuid.
  --transaction-duration-ms TRANSACTION-DURATION
                         The   max   age    of    each   transaction.   The
                         commitTransaction will be  called  after this time
                         has elapsed. The value  should  be greater than 0.
                         If  the  transactional  id  is  specified  via  --
                         producer-props,    --producer.config,     or    --
                         transactional-id but  --transaction-duration-ms is
                         not specified, the default value will be 3000.

  either --record-size or --payload-file must be specified but not both.

  --record-size RECORD-SIZE
                         message size in bytes. Note  that you must provide
                         exactly one of --record-size  or --payload-file or
                         --payload-monotonic.
  --payload-file PAYLOAD-FILE
                         file to  read  the  message  payloads  from.  This
                         works only for UTF-8  encoded text files. Payloads
                         will be read from this file  and a payload will be
                         randomly  selected  when  sending  messages.  Note
                         that you must  provide  exactly  one  of --record-
                         size or --payload-file or --payload-monotonic.
  --payload-monotonic    payload is monotonically  increasing integer. Note
                         that you must  provide  exactly  one  of --record-
                         size  or  --payload-file  or  --payload-monotonic.
                         (default: false)
`;

/** The final line, e.g. `1000 records sent, 99.900100 records/sec (0.01 MB/sec), 3.00 ms avg latency, …`. */
const TOTAL =
  /^(\d+) records sent, (\d+\.\d{6}) records\/sec \((\d+\.\d\d) MB\/sec\), (\d+\.\d\d) ms avg latency, (\d+\.\d\d) ms max latency, (\d+) ms 50th, (\d+) ms 95th, (\d+) ms 99th, (\d+) ms 99\.9th\.$/;
/** A line every 5 s: `%d records sent, %.1f records/sec (%.2f MB/sec), %.1f ms avg latency, %.1f ms max latency.` */
const WINDOW =
  /^\d+ records sent, \d+\.\d records\/sec \(\d+\.\d\d MB\/sec\), \d+\.\d ms avg latency, \d+\.\d ms max latency\.$/;

interface Total {
  records: number;
  recordsPerSec: number;
  avgLatency: number;
  maxLatency: number;
  p50: number;
}

function total(stdout: string): Total {
  const lines = stdout.trimEnd().split('\n');
  const m = TOTAL.exec(lines[lines.length - 1]!);
  if (!m) throw new Error(`no total line in:\n${stdout}`);
  return {
    records: Number(m[1]),
    recordsPerSec: Number(m[2]),
    avgLatency: Number(m[4]),
    maxLatency: Number(m[5]),
    p50: Number(m[6]),
  };
}

function withTopic(mode: 'zookeeper' | 'kraft', name = 'perf', partitions = 1): Terminal {
  const t = new Terminal({ mode });
  const f = t.cluster.settle(
    t.cluster.admin.createTopic({
      name,
      numPartitions: partitions,
      replicationFactor: 3,
      configs: {},
    }),
  );
  expect(f.result).toBeUndefined();
  t.wait(2_000);
  return t;
}

describe.each(['zookeeper', 'kraft'] as const)('kafka-producer-perf-test (%s mode)', (mode) => {
  it('writes --num-records records, which kafka-get-offsets then counts', () => {
    const t = withTopic(mode);
    const r = t.run(
      `${PERF} --topic perf --num-records 5000 --record-size 100 --throughput -1 ${PROPS}`,
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(total(r.stdout).records).toBe(5000);
    expect(
      t.run('kafka-get-offsets.sh --bootstrap-server localhost:9092 --topic perf').stdout,
    ).toBe('perf:0:5000\n');
  });

  it('acks=all waits for the followers: higher latency and lower throughput than acks=1', () => {
    const t = withTopic(mode);
    const paced = (acks: string) =>
      total(
        t.run(
          `${PERF} --topic perf --num-records 2000 --record-size 100 --throughput 500 ${PROPS} acks=${acks}`,
        ).stdout,
      );
    const one = paced('1');
    const all = paced('all');
    expect(one.records).toBe(2000);
    expect(all.records).toBe(2000);
    expect(all.p50).toBeGreaterThan(one.p50);
    expect(all.avgLatency).toBeGreaterThan(one.avgLatency);

    const flat = (acks: string) =>
      total(
        t.run(
          `${PERF} --topic perf --num-records 200000 --record-size 100 --throughput -1 ${PROPS} acks=${acks}`,
        ).stdout,
      );
    const fastOne = flat('1');
    const fastAll = flat('all');
    expect(fastAll.recordsPerSec).toBeLessThan(fastOne.recordsPerSec);
    expect(fastAll.avgLatency).toBeGreaterThan(fastOne.avgLatency);
  });

  it('--throughput paces in virtual time, with a progress line every 5 s', () => {
    const t = withTopic(mode);
    const start = t.cluster.now;
    const r = t.run(
      `${PERF} --topic perf --num-records 2400 --record-size 10 --throughput 200 ${PROPS}`,
    );
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(WINDOW);
    expect(lines[1]).toMatch(WINDOW);
    const elapsed = t.cluster.now - start;
    expect(elapsed).toBeGreaterThan(11_900);
    expect(elapsed).toBeLessThan(12_200);
    expect(total(r.stdout).recordsPerSec).toBeCloseTo(200, -1);
  });

  it('--payload-monotonic sends 0, 1, 2, … as the record values', () => {
    const t = withTopic(mode, 'numbers');
    const r = t.run(
      `${PERF} --topic numbers --num-records 5 --payload-monotonic --throughput -1 ${PROPS}`,
    );
    expect(total(r.stdout).records).toBe(5);
    expect(
      t.run(
        'kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic numbers --from-beginning --max-messages 5',
      ).stdout,
    ).toBe('0\n1\n2\n3\n4\n');
  });

  it('--payload-file sends lines of the file, announced on stdout', () => {
    const t = withTopic(mode, 'lines');
    t.run("cat > /tmp/payloads.txt <<'EOF'\nalpha\nbeta\ngamma\nEOF");
    const r = t.run(
      `${PERF} --topic lines --num-records 20 --payload-file /tmp/payloads.txt --throughput -1 ${PROPS}`,
    );
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'Reading payloads from: /tmp/payloads.txt',
      'Number of messages read: 3',
    ]);
    expect(total(r.stdout).records).toBe(20);
    const values = t.run(
      'kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic lines --from-beginning --max-messages 20',
    ).stdout;
    expect(new Set(values.trimEnd().split('\n'))).toEqual(new Set(['alpha', 'beta', 'gamma']));
  });

  it('a transactional run (--transaction-duration-ms) commits by flushing and writes every record', () => {
    const t = withTopic(mode);
    const r = t.run(
      `${PERF} --topic perf --num-records 300 --record-size 10 --throughput 100 --transaction-duration-ms 500 ${PROPS}`,
    );
    expect(r.status).toBe(0);
    expect(total(r.stdout).records).toBe(300);
    expect(
      t.run('kafka-get-offsets.sh --bootstrap-server localhost:9092 --topic perf').stdout,
    ).toBe('perf:0:300\n');
  });

  it('auto-creates a missing topic; the first record waits for its metadata', () => {
    const t = new Terminal({ mode });
    const r = t.run(
      `${PERF} --topic fresh --num-records 10 --record-size 10 --throughput -1 ${PROPS}`,
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /WARN \[Producer clientId=perf-producer-client\] Error while fetching metadata with correlation id \d+ : \{fresh=LEADER_NOT_AVAILABLE\}/,
    );
    const s = total(r.stdout);
    expect(s.records).toBe(10);
    expect(s.maxLatency).toBeGreaterThan(s.p50);
  });
});

describe('kafka-producer-perf-test figures', () => {
  it('are the same for the same seed and commands', () => {
    const once = () =>
      withTopic('zookeeper').run(
        `${PERF} --topic perf --num-records 30000 --record-size 200 --throughput 4000 ${PROPS} acks=all`,
      ).stdout;
    const a = once();
    expect(a).toBe(once());
    const lines = a.trimEnd().split('\n');
    expect(lines).toHaveLength(2); // a line at 5 s, then the total at 7.5 s
    expect(lines[0]).toMatch(WINDOW);
  });

  it('1,000,000 unthrottled records finish within seconds of real time', () => {
    const t = withTopic('zookeeper');
    const started = performance.now();
    const r = t.run(
      `${PERF} --topic perf --num-records 1000000 --record-size 100 --throughput -1 ${PROPS} acks=1`,
    );
    const seconds = (performance.now() - started) / 1000;
    expect(total(r.stdout).records).toBe(1_000_000);
    expect(seconds).toBeLessThan(20);
  }, 60_000);

  it('--print-metrics prints the counted producer metrics after the total', () => {
    const t = withTopic('zookeeper');
    const r = t.run(
      `${PERF} --topic perf --num-records 10 --record-size 10 --throughput -1 --print-metrics ${PROPS}`,
    );
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(TOTAL);
    expect(lines.slice(1)).toEqual([
      '',
      'Metric Name                                                                 Value',
      'producer-metrics:buffer-total-bytes:{client-id=perf-producer-client}      : 33554432.000',
      'producer-metrics:record-error-total:{client-id=perf-producer-client}      : 0.000',
      'producer-metrics:record-retry-total:{client-id=perf-producer-client}      : 0.000',
      'producer-metrics:record-send-total:{client-id=perf-producer-client}       : 10.000',
      'producer-metrics:records-per-request-avg:{client-id=perf-producer-client} : 10.000',
      'producer-metrics:request-total:{client-id=perf-producer-client}           : 1.000',
      '',
    ]);
  });
});

describe('kafka-producer-perf-test and record size limits', () => {
  const tooLarge = (size: number, max: number) =>
    `org.apache.kafka.common.errors.RecordTooLargeException: The message is ${size} bytes when serialized which is larger than ${max}, which is the value of the max.request.size configuration.`;

  it('fails records over max.request.size in the producer, one callback error each', () => {
    const t = withTopic('zookeeper', 'big');
    const r = t.run(
      `${PERF} --topic big --num-records 3 --record-size 2000000 --throughput -1 ${PROPS}`,
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`${tooLarge(2000010, 1048576)}\n`.repeat(3));
    // No record acknowledged: Java divides 0 by 0 for the average latency.
    expect(r.stdout).toBe(
      '0 records sent, 0.000000 records/sec (0.00 MB/sec), NaN ms avg latency, 0.00 ms max latency, 0 ms 50th, 0 ms 95th, 0 ms 99th, 0 ms 99.9th.\n',
    );
  });

  it("fails a batch over the broker's max.message.bytes at the broker; the cluster carries on", () => {
    const t = withTopic('kraft', 'big');
    const r = t.run(
      `${PERF} --topic big --num-records 2 --record-size 2000000 --throughput -1 ${PROPS} max.request.size=3000000`,
    );
    expect(r.stderr).toBe(
      'org.apache.kafka.common.errors.RecordTooLargeException: The request included a message larger than the max message size the server will accept.\n'.repeat(
        2,
      ),
    );
    const ok = t.run(
      `${PERF} --topic big --num-records 10 --record-size 100 --throughput -1 ${PROPS}`,
    );
    expect(total(ok.stdout).records).toBe(10);
    expect(t.run('kafka-get-offsets.sh --bootstrap-server localhost:9092 --topic big').stdout).toBe(
      'big:0:10\n',
    );
  });

  it("runs out of the tool's 512 MB heap for a record size beyond it", () => {
    const t = new Terminal();
    const r = t.run(
      `${PERF} --topic t --num-records 1 --record-size 600000000 --throughput -1 ${PROPS}`,
    );
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(
      'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space',
    );
  });
});

describe('kafka-producer-perf-test arguments', () => {
  const t = new Terminal();
  const usageError = (message: string) => ({ stdout: '', stderr: `${USAGE}${message}`, status: 1 });

  it('prints the help on stdout: exit 0 without arguments, 1 after --help (argparse4j throws)', () => {
    expect(t.run(PERF)).toEqual({ stdout: HELP, stderr: '', status: 0 });
    expect(t.run(`${PERF} --help`)).toEqual({ stdout: HELP, stderr: '', status: 1 });
    expect(t.run(`${PERF} --topic t -h --bogus`)).toEqual({ stdout: HELP, stderr: '', status: 1 });
  });

  it("rejects bad arguments with the usage and argparse4j's message, wrapped at 75 columns", () => {
    expect(t.run(`${PERF} --topic t`)).toEqual(
      usageError('producer-performance: error: argument --num-records is required\n'),
    );
    expect(t.run(`${PERF} --topic t --num-records 5 --throughput -1`)).toEqual(
      usageError(
        'producer-performance: error: one of  the arguments --record-size --payload-\nfile --payload-monotonic is required\n',
      ),
    );
    expect(t.run(`${PERF} --topic t --num-records 5 --throughput -1 --record-size 10`)).toEqual(
      usageError(
        'producer-performance: error: Either  --producer-props  or --producer.config\nmust be specified.\n',
      ),
    );
    expect(t.run(`${PERF} --topic t --num-records many --throughput -1 --record-size 10`)).toEqual(
      usageError(
        `producer-performance: error:  argument  --num-records:  could  not  convert\n'many' to Long (For input string: "many")\n`,
      ),
    );
    expect(
      t.run(
        `${PERF} --topic t --num-records 5 --throughput -1 --record-size 10 --payload-monotonic`,
      ),
    ).toEqual(
      usageError(
        'producer-performance:  error:  argument  --payload-monotonic:  not  allowed\nwith argument --record-size\n',
      ),
    );
    expect(
      t.run(`${PERF} --topic t --num-records 0 --throughput -1 --record-size 10 ${PROPS}`),
    ).toEqual(
      usageError('producer-performance: error: --num-records should be greater than zero\n'),
    );
    expect(
      t.run(`${PERF} --topic t --num-records 5 --throughput -1 --record-size -1 ${PROPS}`),
    ).toEqual(
      usageError('producer-performance: error: --record-size should be greater than zero\n'),
    );
    expect(
      t.run(
        `${PERF} --topic t --num-records 5 --throughput -1 --record-size 1 --transaction-duration-ms 0 ${PROPS}`,
      ),
    ).toEqual(
      usageError(
        'producer-performance: error:  --transaction-duration-ms  should  be greater\nthan zero\n',
      ),
    );
    expect(t.run(`${PERF} --tpoic t`)).toEqual(
      usageError(
        "producer-performance: error: unrecognized arguments: '--tpoic'\n\nDid you mean:\n\t--topic\n",
      ),
    );
  });

  it('lets exceptions out of main: bad property, missing file, missing bootstrap.servers', () => {
    const args = '--topic t --num-records 5 --throughput -1 --record-size 10';
    const bad = t.run(`${PERF} ${args} --producer-props acks`);
    expect(bad.status).toBe(1);
    expect(bad.stderr.split('\n')[0]).toBe(
      'Exception in thread "main" java.lang.IllegalArgumentException: Invalid property: acks',
    );
    const file = t.run(
      `${PERF} --topic t --num-records 5 --throughput -1 --payload-file nope.txt ${PROPS}`,
    );
    expect(file.stdout).toBe('Reading payloads from: /opt/kafka/nope.txt\n');
    expect(file.stderr.split('\n')[0]).toBe(
      'Exception in thread "main" java.lang.IllegalArgumentException: File does not exist or empty file provided.',
    );
    const noServers = t.run(`${PERF} ${args} --producer-props acks=1`);
    expect(noServers.stderr.split('\n')[0]).toBe(
      'Exception in thread "main" org.apache.kafka.common.config.ConfigException: Missing required configuration "bootstrap.servers" which has no default value.',
    );
    const tx = t.run(`${PERF} ${args} --transactional-id tx ${PROPS} acks=1`);
    expect(tx.stderr.split('\n')[0]).toBe(
      'Exception in thread "main" org.apache.kafka.common.config.ConfigException: Cannot set a transactional.id without also enabling idempotence.',
    );
  });

  it('answers to every spelling of the script', () => {
    for (const spelling of [
      'kafka-producer-perf-test',
      './bin/kafka-producer-perf-test.sh',
      '$KAFKA_HOME/bin/kafka-producer-perf-test.sh',
      'bin\\windows\\kafka-producer-perf-test.bat',
    ])
      expect(t.run(`${spelling} --topic t`).stderr).toContain('argument --num-records is required');
    expect(t.run('ls bin').stdout).toContain('kafka-producer-perf-test.sh\n');
  });
});

describe('kafka-producer-perf-test and Ctrl-C', () => {
  it('stops at once with status 130, keeping the progress lines already printed', () => {
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
    run(
      'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic slow --partitions 1 --replication-factor 3',
    );
    out = '';
    const status = run(
      `${PERF} --topic slow --num-records 100000 --record-size 10 --throughput 100 ${PROPS}`,
      12_000,
    );
    expect(status).toBe(130);
    expect(err).toBe('');
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2); // at 5 s and 10 s; no total line
    for (const line of lines) expect(line).toMatch(WINDOW);
    out = '';
    run('kafka-get-offsets.sh --bootstrap-server localhost:9092 --topic slow');
    const written = Number(out.trim().split(':')[2]);
    expect(written).toBeGreaterThan(1100);
    expect(written).toBeLessThan(1300);
  });
});
