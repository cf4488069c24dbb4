/**
 * What the console tools share: their Java clients built on the simulated cluster, with each
 * client's WARN/ERROR log lines (`client.warning` events) printed to the tool's stderr as
 * config/tools-log4j.properties prints them (`[%d] %p %m (%c)%n` on System.err), and Java
 * exception text for the errors the tools log.
 */
import type { Cluster } from '../../../../sim/index';
import { Consumer, Producer } from '../../../../sim/index';
import { clientTransport } from '../../../../sim/cluster/clientTransport';
import type { ClientTransport } from '../../../../sim/clients/index';
import type { Prng } from '../../../../sim/random/prng';
import type { ProcessContext } from '../../../runtime/types';
import { log4jDate, log4jLine } from '../common/log4j';

type Level = 'WARN' | 'ERROR';

/** Writes one log4j line, `[date] LEVEL message (logger)`, plus a throwable's lines if any. */
export function logTo(
  ctx: ProcessContext,
  level: Level,
  message: string,
  logger: string,
  throwable?: string,
): void {
  const line = log4jLine(ctx.clock.wallClockMs(), level, message, logger);
  ctx.stderr(throwable === undefined ? line : `${line}${throwable}`);
}

/**
 * The client's own transport, with its log events copied to `ctx.stderr`. A transport per
 * client (rather than a bus listener filtering on `client.id`) keeps two console producers, both
 * `console-producer`, from printing each other's warnings. Bootstrap servers resolve as the
 * tool's machine (`ctx.host`) resolves them.
 */
export function loggingTransport(
  ctx: ProcessContext,
  clientId: string,
  servers: string,
): ClientTransport {
  const cluster = ctx.host.cluster;
  const base = clientTransport(cluster, clientId, servers);
  return {
    ...base,
    // Resolved on the machine the tool runs on (inside a container with `docker exec`).
    bootstrapBrokers: () => ctx.host.resolveBootstrap(servers),
    emit(type, fields) {
      base.emit(type, fields);
      if (type === 'client.warning' && typeof fields['message'] === 'string') {
        const level = typeof fields['level'] === 'string' ? fields['level'] : 'WARN';
        ctx.stderr(`[${log4jDate(ctx.clock.wallClockMs())}] ${level} ${fields['message']}\n`);
      }
    },
  };
}

/**
 * `new KafkaProducer(props)` whose log lines go to the tool's stderr.
 * @throws ConfigException for invalid properties, as the Java constructor does
 */
export function createConsoleProducer(
  ctx: ProcessContext,
  props: Record<string, string>,
): Producer {
  const clientId = props['client.id']!;
  return new Producer(loggingTransport(ctx, clientId, props['bootstrap.servers']!), props);
}

/**
 * `new KafkaConsumer(props)` whose log lines go to the tool's stderr.
 * @throws ConfigException for invalid properties, as the Java constructor does
 */
export function createConsoleConsumer(
  ctx: ProcessContext,
  props: Record<string, string>,
): Consumer {
  const clientId = props['client.id']!;
  return new Consumer(loggingTransport(ctx, clientId, props['bootstrap.servers']!), props);
}

const groupIdStreams = new WeakMap<Cluster, Prng>();

/**
 * `RANDOM.nextInt(100000)` of ConsoleConsumerOptions (the `console-consumer-<n>` group id), drawn
 * from the cluster's seeded PRNG: the same seed and commands give the same group ids.
 */
export function randomGroupSuffix(cluster: Cluster): number {
  let rng = groupIdStreams.get(cluster);
  if (rng === undefined) {
    rng = cluster.rng.fork('console-consumer-group-id');
    groupIdStreams.set(cluster, rng);
  }
  return rng.int(100000);
}

/** `Utils.getHost`/`getPort` as `ClientUtils.parseAndValidateAddresses` checks `bootstrap.servers`. */
export function invalidBootstrapUrl(servers: string): string | undefined {
  for (const raw of servers.split(',')) {
    const url = raw.trim();
    if (url === '') continue;
    if (!/^.*?\[?([0-9a-zA-Z\-%._:]*)\]?:([0-9]+)$/s.test(url)) return url;
    const host = /^.*?\[?([0-9a-zA-Z\-%._:]*)\]?:([0-9]+)$/s.exec(url)![1]!;
    if (host === '') return url;
  }
  return undefined;
}

/** The thrown error as Java prints it (`Throwable.toString()`), for the errors the clients raise. */
export function javaThrowable(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const javaClass = (e as { javaClass?: string }).javaClass;
  if (javaClass !== undefined) return `${javaClass}: ${e.message}`;
  if (e instanceof SyntaxError) return `java.util.regex.PatternSyntaxException: ${e.message}`;
  switch (e.name) {
    case 'ConfigException':
      return `org.apache.kafka.common.config.ConfigException: ${e.message}`;
    case 'NoOffsetForPartitionException':
    case 'OffsetOutOfRangeException':
      return `org.apache.kafka.clients.consumer.${e.name}: ${e.message}`;
    case 'IllegalStateException':
      return `java.lang.IllegalStateException: ${e.message}`;
    case 'InvalidGroupIdException':
      return `org.apache.kafka.common.errors.InvalidGroupIdException: ${e.message}`;
    default:
      return /^[A-Z_]+$/.test(e.name)
        ? `org.apache.kafka.common.errors.${camelException(e.name)}: ${e.message}`
        : `java.lang.RuntimeException: ${e.message}`;
  }
}

/** `GROUP_AUTHORIZATION_FAILED` → `GroupAuthorizationFailedException`, Errors.java's naming. */
function camelException(errorName: string): string {
  const base = errorName
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
  return base.endsWith('Exception') ? base : `${base}Exception`;
}
