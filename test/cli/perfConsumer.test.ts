/**
 * kafka-consumer-perf-test.sh against Kafka 3.9's
 * tools/src/main/java/org/apache/kafka/tools/ConsumerPerformance.java: the jopt-simple options of
 * `ConsumerPerfOptions`, the header and stats lines (`%s, %s, %.4f, %.4f, %d, %.4f, %d, %d, %.4f,
 * %.4f`), `--show-detailed-stats` progress lines, the timeout warning, and `main`'s Throwable
 * handler (message, stack trace, blank line; exit 1).
 */
import { describe, expect, it } from 'vitest';
import { createHeadlessSession, runCommandLine } from '../../src/cli/headless/runHeadless';
import { formatHelp } from '../../src/cli/options/index';
import { parseScript } from '../../src/cli/shell/parse/index';
import { consumerPerfSpecs } from '../../src/cli/tools/kafka/perf/consumerPerformanceOptions';
import { Terminal } from './harness';

const PERF = 'kafka-consumer-perf-test.sh --bootstrap-server localhost:9092';
const PRODUCE = 'kafka-producer-perf-test.sh --producer-props bootstrap.servers=localhost:9092';
const HEADER =
  'start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec\n';
const DETAILED_HEADER =
  'time, threadId, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec\n';
const DATE = '\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d:\\d{3}';
const NUM = '-?\\d+\\.\\d{4}';
const STATS = new RegExp(
  `^(${DATE}), (${DATE}), (${NUM}), (${NUM}), (\\d+), (${NUM}), (\\d+), (-?\\d+), (${NUM}), (${NUM})$`,
);
const PROGRESS = new RegExp(
  `^${DATE}, 0, ${NUM}, ${NUM}, \\d+, ${NUM}, \\d+, -?\\d+, ${NUM}, ${NUM}$`,
);
const TIMEOUT_WARNING = (ms: number) =>
  `WARNING: Exiting before consuming the expected number of messages: timeout (${ms} ms) exceeded. You can use the --timeout option to increase the timeout.`;

/** Epoch ms of a `yyyy-MM-dd HH:mm:ss:SSS` date (UTC). */
const epoch = (d: string) => Date.parse(`${d.slice(0, 10)}T${d.slice(11, 19)}.${d.slice(20)}Z`);

interface Stats {
  start: number;
  end: number;
  mb: string;
  messages: number;
  rebalanceMs: number;
  fetchMs: number;
}

function stats(line: string): Stats {
  const m = STATS.exec(line);
  if (!m) throw new Error(`not a stats line: ${line}`);
  return {
    start: epoch(m[1]!),
    end: epoch(m[2]!),
    mb: m[3]!,
    messages: Number(m[5]),
    rebalanceMs: Number(m[7]),
    fetchMs: Number(m[8]),
  };
}

/** A topic `perf` (3 partitions, RF 3) holding `records` records of 100 bytes. */
function withRecords(mode: 'zookeeper' | 'kraft', records: number): Terminal {
  const t = new Terminal({ mode });
  const f = t.cluster.settle(
    t.cluster.admin.createTopic({
      name: 'perf',
      numPartitions: 3,
      replicationFactor: 3,
      configs: {},
    }),
  );
  expect(f.result).toBeUndefined();
  t.wait(2_000);
  if (records > 0) {
    const r = t.run(
      `${PRODUCE} --topic perf --num-records ${records} --record-size 100 --throughput -1`,
    );
    expect(r.status).toBe(0);
  }
  return t;
}

describe.each(['zookeeper', 'kraft'] as const)('kafka-consumer-perf-test (%s mode)', (mode) => {
  it('consumes the records the producer perf test wrote and prints the header and one stats line', () => {
    const t = withRecords(mode, 50_000);
    const r = t.run(`${PERF} --topic perf --messages 50000 --group perf-group`);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const [header, line, ...rest] = r.stdout.split('\n');
    expect(`${header}\n`).toBe(HEADER);
    expect(rest).toEqual(['']);
    const s = stats(line!);
    expect(s.messages).toBe(50_000);
    expect(s.mb).toBe('4.7684'); // 50,000 × 100 bytes / 1024²
    expect(s.rebalanceMs).toBeGreaterThan(0);
    expect(s.fetchMs).toBe(s.end - s.start - s.rebalanceMs);
    // The group committed everything it read: no lag.
    const described = t.run(
      'kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe --group perf-group',
    ).stdout;
    const lags = described
      .split('\n')
      .filter((l) => l.startsWith('perf-group'))
      .map((l) => l.split(/\s+/)[5]);
    expect(lags).toEqual(['0', '0', '0']);
  });

  it('warns and reports what it got when --timeout passes without records', () => {
    const t = withRecords(mode, 1_000);
    const r = t.run(`${PERF} --topic perf --messages 5000 --timeout 5000`);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(HEADER.trimEnd());
    expect(lines[1]).toBe(TIMEOUT_WARNING(5000));
    const s = stats(lines[2]!);
    expect(s.messages).toBe(1_000);
    expect(r.status).toBe(0);
  });

  it('--from-latest skips the records already there', () => {
    const t = withRecords(mode, 1_000);
    const r = t.run(
      `${PERF} --topic perf --messages 10 --timeout 1000 --from-latest --hide-header`,
    );
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(TIMEOUT_WARNING(1000));
    expect(stats(lines[1]!).messages).toBe(0);
  });

  it('--show-detailed-stats prints a line per reporting interval while a background producer writes', () => {
    const t = withRecords(mode, 0);
    t.run(
      `${PRODUCE} --topic perf --num-records 10000 --record-size 100 --throughput 1000 > /dev/null &`,
    );
    const r = t.run(
      `${PERF} --topic perf --messages 10000 --show-detailed-stats --reporting-interval 1000`,
    );
    expect(r.status).toBe(0);
    const [header, ...lines] = r.stdout.trimEnd().split('\n');
    expect(`${header}\n`).toBe(DETAILED_HEADER);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) expect(line).toMatch(PROGRESS);
    // Only the first interval carries the join time: consume() then swaps in a fresh counter.
    expect(lines.slice(1).every((l) => l.split(', ')[6] === '0')).toBe(true);
  });
});

describe('kafka-consumer-perf-test options', () => {
  const t = new Terminal();

  it("prints jopt-simple's help table with the message on stderr, exit 1", () => {
    const r = t.run(PERF.replace(' --bootstrap-server localhost:9092', ' --help'));
    const group = /perf-consumer-(\d+)\)/.exec(r.stderr)![1]!;
    expect(r).toEqual({
      stdout: '',
      stderr: `This tool is used to verify the consumer performance.\n${formatHelp(consumerPerfSpecs(Number(group)))}`,
      status: 1,
    });
    expect(r.stderr).toContain(
      '--timeout [Long: milliseconds]           The maximum allowed time in            \n',
    );
  });

  it('requires --bootstrap-server (unless --broker-list), --topic and --messages', () => {
    const noArgs = t.run('kafka-consumer-perf-test.sh');
    expect(noArgs.status).toBe(1);
    expect(noArgs.stderr.split('\n')[0]).toBe('Missing required option(s) [bootstrap-server]');
    expect(t.run(PERF).stderr.split('\n')[0]).toBe('Missing required argument "[topic]"');
    expect(t.run(`${PERF} --topic t`).stderr.split('\n')[0]).toBe(
      'Missing required argument "[messages]"',
    );
    expect(t.run(`${PERF} --topic t --mesages 1`).stderr.split('\n')[0]).toBe(
      'mesages is not a recognized option',
    );
  });

  it('warns on stdout about the ignored thread options', () => {
    const r = t.run(`${PERF} --topic t --messages 1 --timeout 100 --threads 4`);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      'WARNING: option [threads] and [num-fetch-threads] have been deprecated and will be ignored by the test',
      HEADER.trimEnd(),
    ]);
  });

  it("reports main's Throwables after the header: message, stack trace, blank line", () => {
    const interval = t.run(`${PERF} --topic t --messages 1 --reporting-interval 0`);
    expect(interval.status).toBe(1);
    expect(interval.stdout).toBe(HEADER);
    expect(interval.stderr).toBe(
      [
        'Reporting interval must be greater than 0.',
        'java.lang.IllegalArgumentException: Reporting interval must be greater than 0.',
        '\tat org.apache.kafka.tools.ConsumerPerformance$ConsumerPerfOptions.reportingIntervalMs(ConsumerPerformance.java:345)',
        '\tat org.apache.kafka.tools.ConsumerPerformance.consume(ConsumerPerformance.java:122)',
        '\tat org.apache.kafka.tools.ConsumerPerformance.main(ConsumerPerformance.java:75)',
        '',
        '',
      ].join('\n'),
    );
    const pattern = t.run(`${PERF} --topic t --messages 1 --date-format yyyy-qq`);
    expect(pattern.stderr.split('\n').slice(0, 2)).toEqual([
      "Illegal pattern character 'q'",
      "java.lang.IllegalArgumentException: Illegal pattern character 'q'",
    ]);
    const messages = t.run(`${PERF} --topic t --messages lots`);
    expect(messages.stderr.split('\n').slice(0, 2)).toEqual([
      "Cannot parse argument 'lots' of option messages",
      "joptsimple.OptionArgumentConversionException: Cannot parse argument 'lots' of option messages",
    ]);
    const config = t.run(`${PERF} --topic t --messages 1 --consumer.config missing.properties`);
    expect(config.stderr.split('\n').slice(0, 2)).toEqual([
      'missing.properties',
      'java.nio.file.NoSuchFileException: missing.properties',
    ]);
  });

  it('formats the times with --date-format', () => {
    const r = t.run(
      `${PERF} --topic t --messages 1 --timeout 500 --hide-header --date-format HH:mm:ss.SSS`,
    );
    expect(r.stdout.split('\n')[1]).toMatch(
      /^\d\d:\d\d:\d\d\.\d{3}, \d\d:\d\d:\d\d\.\d{3}, 0\.0000, 0\.0000, 0, 0\.0000, \d+, \d+, 0\.0000, 0\.0000$/,
    );
  });

  it('answers to every spelling of the script', () => {
    for (const spelling of [
      'kafka-consumer-perf-test',
      './bin/kafka-consumer-perf-test.sh',
      'bin\\windows\\kafka-consumer-perf-test.bat',
    ])
      expect(t.run(`${spelling} --bootstrap-server localhost:9092`).stderr).toContain(
        'Missing required argument "[topic]"',
      );
    expect(t.run('ls bin').stdout).toContain('kafka-consumer-perf-test.sh\n');
  });
});

describe('kafka-consumer-perf-test and Ctrl-C', () => {
  it('ends the JVM at once (status 130): no stats line, and the group loses its member', () => {
    let out = '';
    const session = createHeadlessSession({}, { stdout: (s) => (out += s), stderr: () => {} });
    const run = (text: string, limitMs?: number) =>
      parseScript(text)
        .commands.map((list) => runCommandLine(session, list, limitMs))
        .pop();
    const status = run(`${PERF} --topic quiet --messages 10 --timeout 60000 --group g`, 5_000);
    expect(status).toBe(130);
    expect(out).toBe(HEADER);
  });
});
