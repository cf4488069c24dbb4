/**
 * `kafka-producer-perf-test.sh` (`org.apache.kafka.tools.ProducerPerformance`,
 * tools/src/main/java/org/apache/kafka/tools/ProducerPerformance.java, Kafka 3.9): sends
 * `--num-records` records of `--record-size` bytes (or from `--payload-file`, or increasing
 * numbers) at up to `--throughput` records/s, prints a progress line every 5 s and a total line
 * with latency percentiles. Everything runs in the cluster's virtual time, so the figures are
 * deterministic for a seed and come from the simulated network and replication (see
 * producerPerfRun.ts).
 *
 * `start()`: no arguments print the help (exit 0); an ArgumentParserException prints the usage
 * and `producer-performance: error: …` on stderr (exit 1, also after `--help`, which argparse4j
 * answers by printing the help and throwing); other exceptions escape `main` (exit 1).
 *
 * Simplifications: payloads are drawn from the cluster's seeded PRNG (Kafka's come from
 * `SplittableRandom(0)`); there is no transaction coordinator, so a transactional run commits by
 * flushing and writes no transaction markers; `--print-metrics` lists the few producer metrics
 * the simulation counts.
 */
import type { Cluster } from '../../../../sim/index';
import { Producer } from '../../../../sim/index';
import { ConfigReader } from '../../../../sim/clients/configReader';
import { parseProducerConfig } from '../../../../sim/clients/producerConfig';
import type { Prng } from '../../../../sim/random/prng';
import { VirtualFs } from '../../../host/virtualFs';
import { signalNumbers } from '../../../runtime/process';
import type { ProcessContext, Tool } from '../../../runtime/types';
import { invalidBootstrapUrl, loggingTransport } from '../console/consoleClients';
import { JavaException } from '../admin/javaException';
import {
  ArgumentParserException,
  formatError,
  formatHelp,
  HelpScreenException,
  parseArgs,
} from './argparse4j';
import type { Namespace } from './argparse4j';
import { formatMetrics } from './printMetrics';
import type { ProducerCounts } from './producerPerfRun';
import { ProducerPerfRun } from './producerPerfRun';
import {
  postProcess,
  producerPerformanceOptionNames,
  producerPerformanceParser,
  UncaughtJavaException,
} from './producerPerformanceOptions';
import type { ProducerPerfConfig } from './producerPerformanceOptions';

const parser = producerPerformanceParser;

const CREATE_FRAMES = [
  'org.apache.kafka.tools.ProducerPerformance.createKafkaProducer(ProducerPerformance.java:146)',
  'org.apache.kafka.tools.ProducerPerformance.start(ProducerPerformance.java:64)',
  'org.apache.kafka.tools.ProducerPerformance.main(ProducerPerformance.java:56)',
];

const CONFIG_FRAMES = [
  'org.apache.kafka.clients.producer.ProducerConfig.<init>(ProducerConfig.java:642)',
  'org.apache.kafka.clients.producer.KafkaProducer.<init>(KafkaProducer.java:300)',
  'org.apache.kafka.clients.producer.KafkaProducer.<init>(KafkaProducer.java:327)',
  'org.apache.kafka.clients.producer.KafkaProducer.<init>(KafkaProducer.java:312)',
  ...CREATE_FRAMES,
];

const CONFIG_EXCEPTION = 'org.apache.kafka.common.config.ConfigException';

const streams = new WeakMap<Cluster, Prng>();

/** The cluster's stream for the tool's random choices (payloads, transactional ids). */
function perfRandom(cluster: Cluster): Prng {
  let rng = streams.get(cluster);
  if (rng === undefined) {
    rng = cluster.rng.fork('producer-performance');
    streams.set(cluster, rng);
  }
  return rng;
}

/**
 * `new KafkaProducer<>(props)`: the ProducerConfig checks (a ConfigException escapes `main`), then
 * the client, whose transport also counts what `--print-metrics` reports.
 */
function createKafkaProducer(
  ctx: ProcessContext,
  props: Record<string, string>,
  counts: ProducerCounts,
): { producer: Producer; bufferMemory: number } {
  const servers = props['bootstrap.servers'];
  if (servers === undefined)
    throw new UncaughtJavaException(
      CONFIG_EXCEPTION,
      'Missing required configuration "bootstrap.servers" which has no default value.',
      [
        'org.apache.kafka.common.config.ConfigDef.parseValue(ConfigDef.java:493)',
        'org.apache.kafka.common.config.ConfigDef.parse(ConfigDef.java:483)',
        'org.apache.kafka.common.config.AbstractConfig.<init>(AbstractConfig.java:113)',
        'org.apache.kafka.common.config.AbstractConfig.<init>(AbstractConfig.java:146)',
        ...CONFIG_FRAMES,
      ],
    );
  let bufferMemory: number;
  try {
    const config = parseProducerConfig(props);
    const compression = (props['compression.type'] ?? 'none').trim();
    if (!['none', 'gzip', 'snappy', 'lz4', 'zstd'].includes(compression))
      throw new Error(
        `Invalid value ${compression} for configuration compression.type: String must be one of: none, gzip, snappy, lz4, zstd`,
      );
    bufferMemory = new ConfigReader(props).int('buffer.memory', 33554432, 0, 'LONG');
    if ('transactional.id' in props && !config.enableIdempotence)
      throw new Error('Cannot set a transactional.id without also enabling idempotence.');
  } catch (e) {
    throw new UncaughtJavaException(CONFIG_EXCEPTION, (e as Error).message, CONFIG_FRAMES);
  }
  const badUrl = invalidBootstrapUrl(servers);
  if (badUrl !== undefined)
    throw new UncaughtJavaException(
      'org.apache.kafka.common.KafkaException',
      'Failed to construct kafka producer',
      [
        'org.apache.kafka.clients.producer.KafkaProducer.<init>(KafkaProducer.java:473)',
        ...CONFIG_FRAMES.slice(1),
      ],
      new JavaException(CONFIG_EXCEPTION, `Invalid url in bootstrap.servers: ${badUrl}`, [
        'org.apache.kafka.clients.ClientUtils.parseAndValidateAddresses(ClientUtils.java:78)',
        'org.apache.kafka.clients.producer.KafkaProducer.<init>(KafkaProducer.java:416)',
        ...CONFIG_FRAMES.slice(1),
      ]),
    );
  const base = loggingTransport(ctx, props['client.id']!, servers);
  const transport = {
    ...base,
    emit(type: string, fields: Record<string, unknown>) {
      base.emit(type, fields);
      if (type === 'producer.batch.sent') {
        counts.requests++;
        counts.recordsSent += fields['count'] as number;
      } else if (type === 'producer.error') {
        if (fields['retriable'] === true) counts.recordsRetried += fields['count'] as number;
        else counts.recordsFailed += fields['count'] as number;
      }
    },
  };
  return { producer: new Producer(transport, props), bufferMemory };
}

/** `ToolsUtils.printMetrics(producer.metrics())` over the counted metrics. */
function producerMetrics(
  clientId: string,
  counts: ProducerCounts,
  bufferMemory: number,
): () => string {
  return () => {
    const tags = { 'client-id': clientId };
    const metric = (name: string, value: number) => ({
      group: 'producer-metrics',
      name,
      tags,
      value,
    });
    return formatMetrics([
      metric('buffer-total-bytes', bufferMemory),
      metric('record-error-total', counts.recordsFailed),
      metric('record-retry-total', counts.recordsRetried),
      metric('record-send-total', counts.recordsSent),
      metric(
        'records-per-request-avg',
        counts.requests === 0 ? NaN : counts.recordsSent / counts.requests,
      ),
      metric('request-total', counts.requests),
    ]);
  };
}

/** Parses and post-processes the arguments; prints and returns the exit status when it stops. */
function configure(ctx: ProcessContext): ProducerPerfConfig | number {
  const argv = ctx.argv.slice(1);
  let ns: Namespace;
  try {
    ns = parseArgs(parser, argv, (help) => ctx.stdout(help));
    return postProcess(ns, {
      read: (path) => ctx.fs.read(VirtualFs.resolve(ctx.cwd, path)),
      absolute: (path) => (path.startsWith('/') ? path : `${ctx.cwd}/${path}`),
      randomUuid: () => perfRandom(ctx.host.cluster).uuid(),
      stdout: (text) => ctx.stdout(text),
    });
  } catch (e) {
    if (e instanceof HelpScreenException) return 1;
    if (e instanceof ArgumentParserException) {
      if (argv.length === 0) {
        ctx.stdout(formatHelp(parser));
        return 0;
      }
      ctx.stderr(formatError(parser, e));
      return 1;
    }
    if (e instanceof UncaughtJavaException) {
      ctx.stderr(e.trace());
      return 1;
    }
    throw e;
  }
}

function run(ctx: ProcessContext): void {
  const config = configure(ctx);
  if (typeof config === 'number') return ctx.exit(config);
  const counts: ProducerCounts = {
    recordsSent: 0,
    requests: 0,
    recordsFailed: 0,
    recordsRetried: 0,
  };
  let created: { producer: Producer; bufferMemory: number };
  try {
    created = createKafkaProducer(ctx, config.producerProps, counts);
  } catch (e) {
    if (!(e instanceof UncaughtJavaException)) throw e;
    ctx.stderr(e.trace());
    return ctx.exit(1);
  }
  const perf = new ProducerPerfRun(
    ctx,
    config,
    created.producer,
    perfRandom(ctx.host.cluster),
    created.bufferMemory,
    producerMetrics(config.producerProps['client.id']!, counts, created.bufferMemory),
  );
  ctx.onSignal((signal) => {
    perf.abort();
    ctx.exit(128 + signalNumbers[signal]);
  });
  perf.start();
}

/** The `kafka-producer-perf-test` tool. */
export const producerPerfTestTool: Tool = {
  name: 'kafka-producer-perf-test',
  summary: 'Measure producer throughput and latency: send records at a target rate.',
  optionNames: producerPerformanceOptionNames,
  run,
};
