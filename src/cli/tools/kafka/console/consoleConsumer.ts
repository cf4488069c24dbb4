/**
 * `kafka-console-consumer.sh`: prints the records of a topic to stdout
 * (tools/src/main/java/org/apache/kafka/tools/consumer/ConsoleConsumer.java, Kafka 3.9).
 *
 * `run`: create the consumer, subscribe (or assign and seek with `--partition`), then
 * `process()` — receive and format records until `--max-messages`, a receive error (the
 * `--timeout-ms` TimeoutException among them), a failed write to stdout (`| head` exited: the JVM
 * ignores SIGPIPE, `checkErr` sees the error) or the shutdown hook's wakeup (Ctrl-C) — then
 * `cleanup()` (seek back over unprinted records, `consumer.close()`) and
 * `Processed a total of N messages` on stderr.
 *
 * The Java consumer blocks in `poll(timeout)`; the simulated one never blocks, so the tool polls
 * every {@link POLL_INTERVAL_MS} of virtual time.
 */
import type { Consumer } from '../../../../sim/index';
import { parseProperties } from '../../../host/kafkaDistribution';
import { VirtualFs } from '../../../host/virtualFs';
import { signalNumbers } from '../../../runtime/process';
import { EmptyInput } from '../../../runtime/streams';
import type { ProcessContext, Signal, Tool } from '../../../runtime/types';
import {
  createConsoleConsumer,
  invalidBootstrapUrl,
  javaThrowable,
  logTo,
  randomGroupSuffix,
} from './consoleClients';
import type { ConsoleConsumerConfig } from './consoleConsumerOptions';
import {
  consoleConsumerSpecs,
  EARLIEST,
  LATEST,
  parseConsumerOptions,
} from './consoleConsumerOptions';
import { defaultMessageFormatter, noOpMessageFormatter } from './defaultMessageFormatter';
import type { MessageFormatter, TimestampType } from './defaultMessageFormatter';
import { PatternSubscription } from './patternSubscription';

/** How often the tool polls the simulated consumer, virtual ms. */
export const POLL_INTERVAL_MS = 100;

/** DESIGN §4: headless, a foreground consumer without an end condition stops after this idle time, ms. */
export const HEADLESS_IDLE_MS = 10_000;

/** `LoggerFactory.getLogger(ConsoleConsumer.class)`. */
const LOGGER = 'org.apache.kafka.tools.consumer.ConsoleConsumer';

/** Runs the console consumer. */
function run(ctx: ProcessContext): void {
  const cluster = ctx.host.cluster;
  const config = parseConsumerOptions(
    ctx.argv.slice(1),
    (path) => {
      const text = ctx.fs.read(VirtualFs.resolve(ctx.cwd, path));
      return text === undefined ? undefined : parseProperties(text);
    },
    () => randomGroupSuffix(cluster),
  );
  if ('uncaught' in config) {
    ctx.stderr(config.uncaught);
    return ctx.exit(1);
  }
  if ('exitCode' in config) {
    if (config.stdout) ctx.stdout(config.stdout);
    if (config.stderr) ctx.stderr(config.stderr);
    return ctx.exit(config.exitCode);
  }
  if (config.warnings) ctx.stderr(config.warnings);

  // main: `catch (Throwable t) { LOG.error("Unknown error when running consumer: ", t); Exit.exit(1); }`
  const unknownError = (throwable: string) => {
    logTo(ctx, 'ERROR', 'Unknown error when running consumer: ', LOGGER, throwable);
    ctx.exit(1);
  };
  const props = config.consumerProps;
  const badUrl = invalidBootstrapUrl(props['bootstrap.servers']!);
  let consumer: Consumer;
  try {
    if (badUrl !== undefined) {
      return unknownError(
        [
          'org.apache.kafka.common.KafkaException: Failed to construct kafka consumer',
          '\tat org.apache.kafka.clients.consumer.internals.LegacyKafkaConsumer.<init>(LegacyKafkaConsumer.java:265)',
          '\tat org.apache.kafka.clients.consumer.KafkaConsumer.<init>(KafkaConsumer.java:711)',
          '\tat org.apache.kafka.tools.consumer.ConsoleConsumer.run(ConsoleConsumer.java:76)',
          '\tat org.apache.kafka.tools.consumer.ConsoleConsumer.main(ConsoleConsumer.java:64)',
          `Caused by: org.apache.kafka.common.config.ConfigException: Invalid url in bootstrap.servers: ${badUrl}`,
          '',
        ].join('\n'),
      );
    }
    consumer = createConsoleConsumer(ctx, props);
  } catch (e) {
    return unknownError(`${javaThrowable(e)}\n`);
  }
  const formatter = config.formatterClass.endsWith('NoOpMessageFormatter')
    ? noOpMessageFormatter
    : defaultMessageFormatter(config.formatterProps);
  new ConsoleConsumerRun(ctx, config, consumer, formatter).start();
}

/** One run of `ConsoleConsumer.run`: the consumer wrapper and the `process` loop. */
class ConsoleConsumerRun {
  private messageCount = 0;
  /** Virtual time `receive()` started waiting: the last time records were handed out, ms. */
  private receiveStart: number;
  private stopping = false;
  private exitStatus = 0;
  private timer: number | undefined;
  private pattern: PatternSubscription | undefined;
  /** The headless idle rule applies: foreground, and neither --max-messages nor --timeout-ms. */
  private readonly idleStop: boolean;

  constructor(
    private readonly ctx: ProcessContext,
    private readonly config: ConsoleConsumerConfig,
    private readonly consumer: Consumer,
    private readonly formatter: MessageFormatter,
  ) {
    this.receiveStart = ctx.clock.now();
    this.idleStop =
      ctx.headless &&
      !(ctx.stdin instanceof EmptyInput) &&
      config.maxMessages === -1 &&
      config.timeoutMs === Infinity;
  }

  start(): void {
    const { config, consumer, ctx } = this;
    try {
      if (config.partition !== undefined) {
        // ConsumerWrapper.seek: assign, then seekToBeginning / seekToEnd / seek.
        const tp = { topic: config.topic!, partition: config.partition };
        consumer.assign([tp]);
        if (config.offset === EARLIEST) consumer.seekToBeginning([tp]);
        else if (config.offset === LATEST) consumer.seekToEnd([tp]);
        else consumer.seek(tp, config.offset);
      } else if (config.topic !== undefined) {
        if (config.topic.trim() === '')
          throw new IllegalArgument(
            'Topic collection to subscribe to cannot contain null or empty topic',
          );
        consumer.subscribe([config.topic]);
      } else {
        this.pattern = new PatternSubscription(
          ctx,
          consumer,
          config.include!,
          config.consumerProps['bootstrap.servers']!,
        );
      }
    } catch (e) {
      consumer.close();
      logTo(ctx, 'ERROR', 'Unknown error when running consumer: ', LOGGER, `${javaThrowable(e)}\n`);
      ctx.exit(1);
      return;
    }
    // The shutdown hook: wakeup() ends process(); cleanup runs; the JVM then exits 128+signal.
    ctx.onSignal((signal: Signal) => {
      this.exitStatus = 128 + signalNumbers[signal];
      this.shutdown([]);
    });
    // process(): `while (messageCount < maxMessages || maxMessages == -1)` is never entered.
    if (config.maxMessages !== -1 && config.maxMessages <= 0) this.shutdown([]);
    else this.tick();
  }

  /** One `poll` and the records it returned; then the exit checks, or the next poll. */
  private tick(): void {
    this.timer = undefined;
    if (this.stopping) return;
    const { ctx, config } = this;
    let records;
    try {
      records = this.pattern === undefined || this.pattern.active ? this.consumer.poll() : [];
    } catch (e) {
      return this.receiveFailed(`${javaThrowable(e)}\n`);
    }
    const now = ctx.clock.now();
    if (records.length > 0) this.receiveStart = now;
    for (let i = 0; i < records.length; i++) {
      if (config.maxMessages !== -1 && this.messageCount >= config.maxMessages)
        return this.shutdown(records.slice(i));
      const record = records[i]!;
      this.messageCount += 1;
      ctx.stdout(this.formatter.format(record, timestampType(ctx, record.topic, record.partition)));
      // checkErr(output): nobody reads stdout any more (`| head -n 3` has exited), so shut down.
      if (ctx.checkError()) {
        ctx.stderr('Unable to write to standard out, closing consumer.\n');
        return this.shutdown(records.slice(i + 1));
      }
    }
    if (config.maxMessages !== -1 && this.messageCount >= config.maxMessages)
      return this.shutdown([]);
    const waited = now - this.receiveStart;
    // receive(): `if (!recordIter.hasNext() && (time - startTimeMs > timeoutMs)) throw new TimeoutException()`
    if (waited >= config.timeoutMs)
      return this.receiveFailed('org.apache.kafka.common.errors.TimeoutException\n');
    if (this.idleStop && waited >= HEADLESS_IDLE_MS) return this.shutdown([]);
    const deadline =
      this.receiveStart + Math.min(config.timeoutMs, this.idleStop ? HEADLESS_IDLE_MS : Infinity);
    const delay = Math.max(1, Math.min(POLL_INTERVAL_MS, deadline - now));
    this.timer = ctx.clock.schedule(delay, () => this.tick());
  }

  /** `process`: `LOG.error("Error processing message, terminating consumer process: ", t)`. */
  private receiveFailed(throwable: string): void {
    logTo(
      this.ctx,
      'ERROR',
      'Error processing message, terminating consumer process: ',
      LOGGER,
      throwable,
    );
    this.shutdown([]);
  }

  /**
   * `cleanup()` and the rest of `run`'s finally: seek back to the first record not printed (so
   * an auto-commit does not pass it), close the consumer, then report the count.
   */
  private shutdown(
    unprinted: readonly { topic: string; partition: number; offset: number }[],
  ): void {
    if (this.stopping) return;
    this.stopping = true;
    if (this.timer !== undefined) this.ctx.clock.cancel(this.timer);
    this.pattern?.stop();
    const smallest = new Map<string, { topic: string; partition: number; offset: number }>();
    for (const r of unprinted) {
      const key = `${r.topic}-${r.partition}`;
      if (!smallest.has(key)) smallest.set(key, r);
    }
    for (const r of smallest.values())
      this.consumer.seek({ topic: r.topic, partition: r.partition }, r.offset);
    this.consumer.close(() => {
      this.ctx.stderr(`Processed a total of ${this.messageCount} messages\n`);
      if (this.config.enableSystestEvents) this.ctx.stdout('shutdown_complete\n');
      this.ctx.exit(this.exitStatus);
    });
  }
}

/** `java.lang.IllegalArgumentException`, as `KafkaConsumer.subscribe` throws it. */
class IllegalArgument extends Error {
  readonly javaClass = 'java.lang.IllegalArgumentException';
}

/**
 * The timestamp type a record's batch carries: `LogAppendTime` when its topic is configured so
 * (`message.timestamp.type`), read from a replica's log.
 */
function timestampType(ctx: ProcessContext, topic: string, partition: number): TimestampType {
  for (const broker of ctx.host.cluster.brokers.values()) {
    const log = broker.logs.get(`${topic}-${partition}`);
    if (log !== undefined) return log.config.messageTimestampType;
  }
  return 'CreateTime';
}

/** The `kafka-console-consumer` tool. */
export const consoleConsumerTool: Tool = {
  name: 'kafka-console-consumer',
  summary: 'Read data from Kafka topics and write it to standard output.',
  optionNames: consoleConsumerSpecs.map((s) => s.name),
  run,
};
