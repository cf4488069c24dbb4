/**
 * `kafka-console-producer.sh`: reads lines from stdin and sends each as a record
 * (core/src/main/scala/kafka/tools/ConsoleProducer.scala, Kafka 3.9 — still Scala in 3.9).
 *
 * `main`: parse the options (an OptionException prints the message and the usage), build the
 * producer properties, create the producer, configure the `LineMessageReader`, then send a record
 * per line until EOF and `producer.close()`. Any other exception is `printStackTrace`d, exit 1.
 * There is no shutdown hook: Ctrl-C kills the JVM, and records still lingering are lost.
 */
import type { Producer } from '../../../../sim/index';
import {
  checkRequiredArgs,
  IllegalArgumentError,
  maybePrintHelpOrVersion,
  OptionError,
  ParsedOptions,
  parseKeyValueArgs,
  parseOptions,
  printUsageAndExit,
} from '../../../options/index';
import type { CommandExit } from '../../../options/index';
import { parseProperties } from '../../../host/kafkaDistribution';
import { VirtualFs } from '../../../host/virtualFs';
import { signalNumbers } from '../../../runtime/process';
import type { ProcessContext, Tool } from '../../../runtime/types';
import { createConsoleProducer, javaThrowable, logTo } from './consoleClients';
import {
  consoleProducerSpecs,
  LINE_MESSAGE_READER,
  PRODUCER_HELP_MESSAGE,
  producerProps,
  validHostPorts,
} from './consoleProducerOptions';
import { KafkaException, LineMessageReader } from './lineMessageReader';
import type { ReadRecord } from './lineMessageReader';
import { utf8 } from '../../../../sim/partitioner/index';

const ERROR_LOGGING_CALLBACK = 'org.apache.kafka.clients.producer.internals.ErrorLoggingCallback';

/** `main`'s frames under an exception it prints (INFERRED from a 3.x stack trace). */
const MAIN_FRAMES = [
  '\tat kafka.tools.ConsoleProducer$.main(ConsoleProducer.scala:100)',
  '\tat kafka.tools.ConsoleProducer.main(ConsoleProducer.scala)',
];

function finish(ctx: ProcessContext, result: CommandExit): void {
  if (result.stdout) ctx.stdout(result.stdout);
  if (result.stderr) ctx.stderr(result.stderr);
  ctx.exit(result.exitCode);
}

/** `Utils.loadProps(path)`: the file's properties, or the NoSuchFileException `main` prints. */
function loadProps(ctx: ProcessContext, path: string): Record<string, string> | string {
  const text = ctx.fs.read(VirtualFs.resolve(ctx.cwd, path));
  if (text === undefined)
    return [
      `java.nio.file.NoSuchFileException: ${path}`,
      '\tat java.base/sun.nio.fs.UnixException.translateToIOException(UnixException.java:92)',
      '\tat org.apache.kafka.common.utils.Utils.loadProps(Utils.java:673)',
      ...MAIN_FRAMES,
    ].join('\n');
  return parseProperties(text);
}

/** `ProducerConfig(args)`: parse and validate; an exit when the tool stops here. */
function parseConfig(argv: readonly string[]): ParsedOptions | CommandExit {
  const specs = consoleProducerSpecs;
  const parsed = parseOptions(specs, argv);
  // tryParse → ToolsUtils.printUsageAndExit(parser, e.getMessage)
  if (parsed instanceof OptionError) return printUsageAndExit(specs, parsed.message);
  const early =
    maybePrintHelpOrVersion(parsed, PRODUCER_HELP_MESSAGE) ?? checkRequiredArgs(parsed, 'topic');
  if (early) return early;
  const hostPorts = parsed.valueOf(
    parsed.has('bootstrap-server') ? 'bootstrap-server' : 'broker-list',
  );
  if (!validHostPorts(hostPorts ?? ''))
    return printUsageAndExit(specs, 'Please provide valid host:port like host1:9091,host2:9092\n ');
  return parsed;
}

/** What `main` needs from the options, read once they are valid. */
interface ProducerSetup {
  props: Record<string, string>;
  readerProps: Map<string, string>;
  readerClass: string;
  topic: string;
  sync: boolean;
}

/**
 * Reads the options `ProducerConfig`, `producerProps` and `getReaderProps` use. A jopt error while
 * reading a value (`Cannot parse argument …`, `Found multiple arguments …`) reaches `main`'s
 * `case e: joptsimple.OptionException => System.err.println(e.getMessage)`.
 */
function setup(ctx: ProcessContext, config: ParsedOptions): ProducerSetup | string {
  try {
    const topic = config.valueOf('topic')!;
    const sync = config.has('sync');
    const readerClass = config.valueOf('line-reader')!;
    const cmdLineProps = parseKeyValueArgs(config.valuesOf('property'));
    const extraProps = parseKeyValueArgs(config.valuesOf('producer-property'));
    let fileProps: Record<string, string> = {};
    if (config.has('producer.config')) {
      const loaded = loadProps(ctx, config.valueOf('producer.config')!);
      if (typeof loaded === 'string') return loaded;
      fileProps = loaded;
    }
    const props = producerProps(config, fileProps, extraProps);
    const readerProps = new Map<string, string>();
    if (config.has('reader-config')) {
      const loaded = loadProps(ctx, config.valueOf('reader-config')!);
      if (typeof loaded === 'string') return loaded;
      for (const [k, v] of Object.entries(loaded)) readerProps.set(k, v);
    }
    readerProps.set('topic', topic);
    for (const [k, v] of cmdLineProps) readerProps.set(k, v);
    return { props, readerProps, readerClass, topic, sync };
  } catch (e) {
    if (e instanceof OptionError) return e.message;
    if (e instanceof IllegalArgumentError) return [e.toString(), ...MAIN_FRAMES].join('\n');
    throw e;
  }
}

/** Runs the console producer. */
function run(ctx: ProcessContext): void {
  let config: ParsedOptions | CommandExit;
  try {
    config = parseConfig(ctx.argv.slice(1));
  } catch (e) {
    if (!(e instanceof OptionError)) throw e;
    ctx.stderr(`${e.message}\n`);
    return ctx.exit(1);
  }
  if (!(config instanceof ParsedOptions)) return finish(ctx, config);
  const fail = (trace: string) => {
    ctx.stderr(trace.endsWith('\n') ? trace : `${trace}\n`);
    ctx.exit(1);
  };
  const ready = setup(ctx, config);
  if (typeof ready === 'string') return fail(ready);
  const { props, readerProps, readerClass, topic, sync } = ready;

  let producer: Producer;
  try {
    validateProducerProps(props);
    producer = createConsoleProducer(ctx, props);
  } catch (e) {
    return fail([javaThrowable(e), ...MAIN_FRAMES].join('\n'));
  }

  let reader: LineMessageReader;
  try {
    if (readerClass !== LINE_MESSAGE_READER) {
      throw new Error(
        [
          `java.lang.ClassNotFoundException: ${readerClass}`,
          '\tat java.base/java.lang.Class.forName(Class.java:375)',
          '\tat kafka.tools.ConsoleProducer$.newReader(ConsoleProducer.scala:43)',
          ...MAIN_FRAMES,
        ].join('\n'),
      );
    }
    reader = new LineMessageReader(readerProps);
  } catch (e) {
    const trace = e instanceof KafkaException ? e.stackTrace() : (e as Error).message;
    producer.close(() => fail(trace));
    return;
  }

  ctx.onSignal((signal) => {
    // No shutdown hook closes the producer: lingering records die with the JVM.
    producer.abort();
    ctx.exit(128 + signalNumbers[signal]);
  });
  new LineLoop(ctx, producer, reader, topic, sync).next();
}

/** `loopReader`: `while (iter.hasNext) send(producer, iter.next(), sync)`, then `producer.close()`. */
class LineLoop {
  constructor(
    private readonly ctx: ProcessContext,
    private readonly producer: Producer,
    private readonly reader: LineMessageReader,
    private readonly topic: string,
    private readonly sync: boolean,
  ) {}

  /** `hasNext`: count the line, print the `>` prompt on a terminal, read a line. */
  next(): void {
    this.reader.nextLine();
    if (this.ctx.stdin.isTTY) this.ctx.stdout('>');
    this.ctx.stdin.readLine((line) => {
      if (line === null) {
        this.producer.close(() => this.ctx.exit(0));
        return;
      }
      let record: ReadRecord;
      try {
        record = this.reader.parse(line);
      } catch (e) {
        if (!(e instanceof KafkaException)) throw e;
        this.producer.close(() => {
          this.ctx.stderr(e.stackTrace());
          this.ctx.exit(1);
        });
        return;
      }
      this.send(record);
    });
  }

  /** `send`: with `--sync`, `producer.send(record).get()`; else an `ErrorLoggingCallback`. */
  private send(record: ReadRecord): void {
    const { topic, ctx } = this;
    this.producer.send(
      // KafkaProducer stamps CreateTime from the JVM's wall clock (`time.milliseconds()`).
      {
        topic,
        key: record.key,
        value: record.value,
        headers: record.headers,
        timestamp: ctx.clock.wallClockMs(),
      },
      (error, _metadata, message) => {
        if (error === null) {
          if (this.sync) this.next();
          return;
        }
        const cause = message ?? `org.apache.kafka.common.errors.ApiException: ${error}`;
        if (this.sync) {
          // `.get()` throws ExecutionException; `finally producer.close()`; main prints it.
          this.producer.close(() => {
            ctx.stderr(
              [
                `java.util.concurrent.ExecutionException: ${cause}`,
                '\tat org.apache.kafka.clients.producer.internals.FutureRecordMetadata.valueOrError(FutureRecordMetadata.java:108)',
                '\tat org.apache.kafka.clients.producer.internals.FutureRecordMetadata.get(FutureRecordMetadata.java:70)',
                '\tat kafka.tools.ConsoleProducer$.send(ConsoleProducer.scala:115)',
                '\tat kafka.tools.ConsoleProducer$.loopReader(ConsoleProducer.scala:91)',
                ...MAIN_FRAMES,
                `Caused by: ${cause}`,
                '',
              ].join('\n'),
            );
            ctx.exit(1);
          });
          return;
        }
        const key = record.key === null ? 'null' : `${utf8(record.key).length} bytes`;
        const value = record.value === null ? 'null' : `${utf8(record.value).length} bytes`;
        logTo(
          ctx,
          'ERROR',
          `Error when sending message to topic ${topic} with key: ${key}, value: ${value} with error:`,
          ERROR_LOGGING_CALLBACK,
          `${cause}\n`,
        );
      },
    );
    if (!this.sync) this.next();
  }
}

/**
 * The `ProducerConfig` checks the simulated producer does not make itself
 * (clients/src/main/java/org/apache/kafka/clients/producer/ProducerConfig.java, 3.9).
 * @throws Error whose name is ConfigException
 */
function validateProducerProps(props: Record<string, string>): void {
  const compression = props['compression.type']!.trim();
  if (!['none', 'gzip', 'snappy', 'lz4', 'zstd'].includes(compression)) {
    const e = new Error(
      `Invalid value ${compression} for configuration compression.type: String must be one of: none, gzip, snappy, lz4, zstd`,
    );
    e.name = 'ConfigException';
    throw e;
  }
}

/** The `kafka-console-producer` tool. */
export const consoleProducerTool: Tool = {
  name: 'kafka-console-producer',
  summary: 'Read data from standard input and publish it to Kafka.',
  optionNames: consoleProducerSpecs.map((s) => s.name),
  run,
};
