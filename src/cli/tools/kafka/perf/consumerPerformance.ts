/**
 * `kafka-consumer-perf-test.sh` (`org.apache.kafka.tools.ConsumerPerformance`,
 * tools/src/main/java/org/apache/kafka/tools/ConsumerPerformance.java, Kafka 3.9): subscribes to
 * `--topic` in a group, consumes until `--messages` records or `--timeout` ms without records, and
 * prints one stats line (or a line per `--reporting-interval` with `--show-detailed-stats`):
 * start and end time, MB and records consumed and their rates, the time spent joining the group
 * (`rebalance.time.ms`) and the rest (`fetch.*`). Times are the simulation's virtual wall clock,
 * so the figures are deterministic for a seed.
 *
 * `main` catches every Throwable: its message, then `Utils.stackTrace` and a blank line on stderr,
 * exit 1. There is no shutdown hook: Ctrl-C ends the JVM without closing the consumer.
 *
 * The Java loop blocks in `poll(100 ms)`, which returns as soon as records arrive; the simulated
 * consumer never blocks, so the loop polls every virtual ms and treats 100 ms without records as
 * an empty poll. `--print-metrics` lists the few consumer metrics the simulation counts.
 */
import type { Cluster, Consumer } from '../../../../sim/index';
import { utf8Length } from '../../../../sim/log/recordSize';
import type { Prng } from '../../../../sim/random/prng';
import { signalNumbers } from '../../../runtime/process';
import type { ProcessContext, Tool } from '../../../runtime/types';
import { JavaException, stackTrace } from '../admin/javaException';
import {
  createConsoleConsumer,
  invalidBootstrapUrl,
  javaThrowable,
} from '../console/consoleClients';
import { consumerPerfSpecs, parseConsumerPerfOptions } from './consumerPerformanceOptions';
import type { ConsumeSettings } from './consumerPerfSettings';
import { consumerProps, consumeSettings, Failure, MAIN_FRAME } from './consumerPerfSettings';
import { javaFixed } from './javaFormat';
import { formatMetrics } from './printMetrics';

/** `consumer.poll(Duration.ofMillis(100))`: how long an empty poll waits, ms. */
const POLL_TIMEOUT_MS = 100;

const streams = new WeakMap<Cluster, Prng>();

/** `RND.nextInt(100_000)` for the default group id, from the cluster's seeded PRNG. */
function groupSuffix(cluster: Cluster): number {
  let rng = streams.get(cluster);
  if (rng === undefined) {
    rng = cluster.rng.fork('consumer-performance-group-id');
    streams.set(cluster, rng);
  }
  return rng.int(100_000);
}

/** `printHeader(showDetailedStats)`. */
function header(showDetailedStats: boolean): string {
  const newFields = ', rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec';
  return showDetailedStats
    ? `time, threadId, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec${newFields}\n`
    : `start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec${newFields}\n`;
}

const MB = 1024 * 1024;
const f4 = (v: number) => javaFixed(v, 4);

/** `consume()` and the rest of `main`, driven by virtual-time polls. */
class ConsumerPerfRun {
  private messagesRead = 0;
  private bytesRead = 0;
  private lastMessagesRead = 0;
  private lastBytesRead = 0;
  private lastReportTimeMs: number;
  private lastConsumedTimeMs: number;
  private pollStart: number;
  /** `joinTimeMs`, added to on every assignment. */
  private joinTimeMs = 0;
  private joinStartMs: number;
  /** The listener's `joinTimeMsInSingleRound`. */
  private readonly listenerRound = { value: 0 };
  /** consume()'s variable: after the first report a fresh AtomicLong the listener never sees. */
  private round = this.listenerRound;
  private assignments = 0;
  private done = false;

  constructor(
    private readonly ctx: ProcessContext,
    private readonly consumer: Consumer,
    private readonly settings: ConsumeSettings,
    private readonly startMs: number,
    private readonly printMetrics: boolean,
    private readonly clientId: string,
  ) {
    this.joinStartMs = startMs;
    this.lastReportTimeMs = startMs;
    this.lastConsumedTimeMs = startMs;
    this.pollStart = startMs;
  }

  private now(): number {
    return this.ctx.clock.wallClockMs();
  }

  start(): void {
    this.consumer.subscribe([this.settings.topic], {
      onPartitionsRevoked: () => {
        this.joinStartMs = this.now();
      },
      onPartitionsAssigned: () => {
        const elapsed = this.now() - this.joinStartMs;
        this.joinTimeMs += elapsed;
        this.listenerRound.value += elapsed;
        this.assignments++;
      },
    });
    this.tick();
  }

  /** Polls until a poll returns (records, or 100 ms without), then checks the loop condition. */
  private tick(): void {
    const s = this.settings;
    while (!this.done) {
      const now = this.now();
      const records = this.consumer.poll();
      if (records.length === 0 && now - this.pollStart < POLL_TIMEOUT_MS) {
        this.ctx.clock.schedule(1, () => this.tickSafely());
        return;
      }
      if (records.length > 0) this.lastConsumedTimeMs = now;
      for (const record of records) {
        this.messagesRead += 1;
        if (record.key !== null) this.bytesRead += utf8Length(record.key);
        if (record.value !== null) this.bytesRead += utf8Length(record.value);
        if (now - this.lastReportTimeMs >= s.reportingIntervalMs) {
          if (s.showDetailedStats) this.printProgress(now);
          this.round = { value: 0 };
          this.lastReportTimeMs = now;
          this.lastMessagesRead = this.messagesRead;
          this.lastBytesRead = this.bytesRead;
        }
      }
      this.pollStart = now;
      if (!(
        this.messagesRead < s.numMessages && now - this.lastConsumedTimeMs <= s.recordFetchTimeoutMs
      ))
        return this.end(now);
    }
  }

  private tickSafely(): void {
    try {
      this.tick();
    } catch (e) {
      this.fail(e);
    }
  }

  /** `printConsumerProgress(0, …)`: the basic and the extended columns of one interval. */
  private printProgress(endMs: number): void {
    const startMs = this.lastReportTimeMs;
    const elapsedMs = endMs - startMs;
    const totalMbRead = this.bytesRead / MB;
    const intervalMbRead = (this.bytesRead - this.lastBytesRead) / MB;
    const intervalMessages = this.messagesRead - this.lastMessagesRead;
    const basic = `${this.settings.dateFormat(endMs)}, 0, ${f4(totalMbRead)}, ${f4((1000.0 * intervalMbRead) / elapsedMs)}, ${this.messagesRead}, ${f4((intervalMessages / elapsedMs) * 1000.0)}`;
    const join = this.round.value;
    const fetchTimeMs = endMs - startMs - join;
    const fetchMbPerSec = fetchTimeMs <= 0 ? 0.0 : (1000.0 * intervalMbRead) / fetchTimeMs;
    const fetchMsgPerSec = fetchTimeMs <= 0 ? 0.0 : (1000.0 * intervalMessages) / fetchTimeMs;
    this.ctx.stdout(
      `${basic}, ${join}, ${fetchTimeMs}, ${f4(fetchMbPerSec)}, ${f4(fetchMsgPerSec)}\n`,
    );
  }

  /** The end of `consume()` and of `main`: warning, metrics, close, the stats line. */
  private end(endMs: number): void {
    this.done = true;
    const s = this.settings;
    if (this.messagesRead < s.numMessages)
      this.ctx.stdout(
        `WARNING: Exiting before consuming the expected number of messages: timeout (${s.recordFetchTimeoutMs} ms) exceeded. You can use the --timeout option to increase the timeout.\n`,
      );
    const metrics = this.printMetrics ? this.metrics() : '';
    this.consumer.close(() => {
      const elapsedSec = (endMs - this.startMs) / 1_000.0;
      const fetchTimeInMs = endMs - this.startMs - this.joinTimeMs;
      if (!s.showDetailedStats) {
        const totalMbRead = this.bytesRead / MB;
        this.ctx.stdout(
          `${s.dateFormat(this.startMs)}, ${s.dateFormat(endMs)}, ${f4(totalMbRead)}, ${f4(totalMbRead / elapsedSec)}, ${this.messagesRead}, ${f4(this.messagesRead / elapsedSec)}, ${this.joinTimeMs}, ${fetchTimeInMs}, ${f4(totalMbRead / (fetchTimeInMs / 1000.0))}, ${f4(this.messagesRead / (fetchTimeInMs / 1000.0))}\n`,
        );
      }
      this.ctx.stdout(metrics);
      this.ctx.exit(0);
    });
  }

  /** `consumer.metrics()` as far as the simulation counts them. */
  private metrics(): string {
    const tags = { 'client-id': this.clientId };
    return formatMetrics([
      {
        group: 'consumer-fetch-manager-metrics',
        name: 'bytes-consumed-total',
        tags,
        value: this.bytesRead,
      },
      {
        group: 'consumer-fetch-manager-metrics',
        name: 'records-consumed-total',
        tags,
        value: this.messagesRead,
      },
      {
        group: 'consumer-coordinator-metrics',
        name: 'assigned-partitions',
        tags,
        value: this.consumer.assignment().length,
      },
      {
        group: 'consumer-coordinator-metrics',
        name: 'rebalance-total',
        tags,
        value: this.assignments,
      },
    ]);
  }

  /** The JVM dies (Ctrl-C, or an exception out of `main`): the consumer just stops. */
  stop(): void {
    this.done = true;
    this.consumer.groupMember?.crash();
  }

  fail(e: unknown): void {
    this.stop();
    reportFailure(this.ctx, e);
  }
}

/** `catch (Throwable e)`: message, stack trace and a blank line on stderr; exit 1. */
function reportFailure(ctx: ProcessContext, e: unknown): void {
  const exception =
    e instanceof Failure
      ? e.exception
      : new JavaException(...splitThrowable(javaThrowable(e)), [
          'org.apache.kafka.tools.ConsumerPerformance.consume(ConsumerPerformance.java:128)',
          MAIN_FRAME,
        ]);
  ctx.stderr(`${exception.javaMessage}\n${stackTrace(exception)}\n`);
  ctx.exit(1);
}

/** `class: message` → its two parts. */
function splitThrowable(text: string): [string, string] {
  const i = text.indexOf(': ');
  return i < 0 ? [text, ''] : [text.slice(0, i), text.slice(i + 2)];
}

function run(ctx: ProcessContext): void {
  const parsed = parseConsumerPerfOptions(ctx.argv.slice(1), groupSuffix(ctx.host.cluster));
  if (parsed.stdout) ctx.stdout(parsed.stdout);
  if ('exitCode' in parsed) {
    if (parsed.stderr) ctx.stderr(parsed.stderr);
    return ctx.exit(parsed.exitCode);
  }
  const { options } = parsed;
  let clientId = '';
  if (!options.has('hide-header')) ctx.stdout(header(options.has('show-detailed-stats')));
  let consumer: Consumer;
  let settings: ConsumeSettings;
  try {
    const props = consumerProps(ctx, options);
    clientId = props['client.id']!;
    const badUrl = invalidBootstrapUrl(props['bootstrap.servers']!);
    if (badUrl !== undefined) {
      const frames = [
        'org.apache.kafka.clients.consumer.internals.LegacyKafkaConsumer.<init>(LegacyKafkaConsumer.java:265)',
        'org.apache.kafka.clients.consumer.KafkaConsumer.<init>(KafkaConsumer.java:711)',
        MAIN_FRAME,
      ];
      throw new Failure(
        new JavaException(
          'org.apache.kafka.common.KafkaException',
          'Failed to construct kafka consumer',
          frames,
          new JavaException(
            'org.apache.kafka.common.config.ConfigException',
            `Invalid url in bootstrap.servers: ${badUrl}`,
            [
              'org.apache.kafka.clients.ClientUtils.parseAndValidateAddresses(ClientUtils.java:78)',
              ...frames,
            ],
          ),
        ),
      );
    }
    try {
      consumer = createConsoleConsumer(ctx, props);
    } catch (e) {
      const [javaClass, message] = splitThrowable(javaThrowable(e));
      throw new Failure(
        new JavaException(javaClass, message, [
          'org.apache.kafka.clients.consumer.KafkaConsumer.<init>(KafkaConsumer.java:650)',
          MAIN_FRAME,
        ]),
      );
    }
  } catch (e) {
    return reportFailure(ctx, e);
  }
  const startMs = ctx.clock.wallClockMs();
  try {
    settings = consumeSettings(options);
  } catch (e) {
    consumer.groupMember?.crash();
    return reportFailure(ctx, e);
  }
  const perf = new ConsumerPerfRun(
    ctx,
    consumer,
    settings,
    startMs,
    options.has('print-metrics'),
    clientId,
  );
  ctx.onSignal((signal) => {
    perf.stop();
    ctx.exit(128 + signalNumbers[signal]);
  });
  try {
    perf.start();
  } catch (e) {
    perf.fail(e);
  }
}

/** The `kafka-consumer-perf-test` tool. */
export const consumerPerfTestTool: Tool = {
  name: 'kafka-consumer-perf-test',
  summary: 'Measure consumer throughput: consume records in a group and report the rates.',
  optionNames: consumerPerfSpecs(0).map((s) => s.name),
  run,
};
