/**
 * `bin/kafka-server-start.sh [-daemon] config/server.properties [--override property=value]*`: a
 * Kafka broker (ZooKeeper mode) or KRaft node on this machine. In the foreground it prints its log
 * and runs until Ctrl-C (controlled shutdown, exit 130) or `kafka-server-stop.sh` (143); headless,
 * the shell goes on once the server logged `started`. Fatal startup errors end it with status 1.
 */
import { parseProperties } from '../../../host/kafkaDistribution';
import type { ProcessContext, Tool } from '../../../runtime/types';
import type { BrokerLogInfo } from './kafkaLog';
import { kraftStartupBegin, log4jControllerRegistered, zkStartupBegin } from './kafkaLog';
import { exception, fatalStartup, missingProperties } from './kafkaStopLog';
import { KafkaServerRun } from './kafkaServerRun';
import type { LogEntry } from './logWriter';
import { LogWriter, parseLogText } from './logWriter';
import { daemonOutputSink, parseOverrides, parseStartArgs } from './serverScript';

/** Ms from the script's start to the broker's first log line (JVM start). */
const jvmStartupMs = 450;

/** The broker listener (not the controller's) of `listeners`: name and port. */
function brokerListener(props: Record<string, string>): { name: string; port: number } {
  const controllers = (props['controller.listener.names'] ?? '').split(',');
  for (const l of (props['listeners'] ?? 'PLAINTEXT://:9092').split(',')) {
    const m = /^\s*([A-Za-z_]+):\/\/[^:]*:(\d+)/.exec(l);
    if (m && !controllers.includes(m[1]!)) return { name: m[1]!, port: Number(m[2]) };
  }
  return { name: 'PLAINTEXT', port: 9092 };
}

function controllerPort(props: Record<string, string>): number {
  const names = (props['controller.listener.names'] ?? 'CONTROLLER').split(',');
  for (const l of (props['listeners'] ?? '').split(',')) {
    const m = /^\s*([A-Za-z_]+):\/\/[^:]*:(\d+)/.exec(l);
    if (m && names.includes(m[1]!)) return Number(m[2]);
  }
  return 9093;
}

/** The host's start errors as the broker logs them (a second broker on the same log.dirs fails to lock them). */
function startErrorLines(lines: readonly string[], b: BrokerLogInfo): LogEntry[] {
  if (lines.some((l) => l.includes('already running on this machine')))
    return [
      parseLogText(
        `ERROR ${b.kraft ? `[BrokerServer id=${b.id}] Fatal error during broker startup.` : `[KafkaServer id=${b.id}] Fatal error during KafkaServer startup.`} Prepare to shutdown (${b.kraft ? 'kafka.server.BrokerServer' : 'kafka.server.KafkaServer'})`,
      ),
      {
        raw: `org.apache.kafka.common.KafkaException: Failed to acquire lock on file .lock in ${b.logDirs.split(',')[0]}. A Kafka instance in another process or thread is using this directory.`,
      },
    ];
  return lines.map((l) =>
    parseLogText(
      b.kraft
        ? l.replace(
            /\[KafkaServer id=(\d+)\] Fatal error during KafkaServer startup\. Prepare to shutdown \(kafka\.server\.KafkaServer\)/,
            '[BrokerServer id=$1] Fatal error during broker startup. Prepare to shutdown (kafka.server.BrokerServer)',
          )
        : l,
    ),
  );
}

function run(ctx: ProcessContext): void {
  const args = parseStartArgs(ctx, {
    sh: '[-daemon] server.properties [--override property=value]*',
    bat: 'server.properties',
  });
  if (!args) return;
  const host = ctx.host;
  const cluster = host.cluster;
  let quiet = false;
  const out = args.daemon ? daemonOutputSink(ctx, 'kafkaServer') : ctx.stdout;
  const log = new LogWriter({
    wallClockMs: () => cluster.wallClockMs,
    schedule: (ms, fn) => cluster.scheduler.schedule(ms, fn),
    sink: (text) => {
      if (!quiet) out(text);
    },
    rng: cluster.rng.fork(`kafka-log-${cluster.now}`),
    startupMs: jvmStartupMs,
  });
  // -daemon: kafka-run-class.sh starts Java with nohup in the background and returns at once.
  const end = (status: number) => {
    if (args.daemon) return ctx.exit(0);
    ctx.clock.schedule(log.pendingMs(), () => {
      log.flush();
      ctx.exit(status);
    });
  };

  log.write([log4jControllerRegistered]);
  const text = ctx.fs.isDir(args.configPath) ? undefined : ctx.fs.read(args.configPath);
  if (text === undefined) {
    log.write(missingProperties(args.configArg));
    return end(1);
  }
  const props = { ...parseProperties(text), ...parseOverrides(args.rest) };
  const kraft = props['process.roles'] !== undefined;
  const id = Number(props[kraft ? 'node.id' : 'broker.id'] ?? (kraft ? 1 : 0));
  const listener = brokerListener(props);
  const rng = cluster.rng.fork(`kafka-server-${id}-${cluster.now}`);
  const broker: BrokerLogInfo = {
    id,
    kraft,
    controller: (props['process.roles'] ?? '').includes('controller'),
    zkConnect: props['zookeeper.connect'] ?? 'localhost:2181',
    zkSessionTimeoutMs: Number(props['zookeeper.session.timeout.ms'] ?? 18000),
    logDirs:
      props['log.dirs'] ??
      props['log.dir'] ??
      (kraft ? '/tmp/kraft-combined-logs' : '/tmp/kafka-logs'),
    listenerName: listener.name,
    host: 'localhost',
    port: listener.port,
    controllerPort: controllerPort(props),
    clusterId: cluster.clusterId,
    hash: rng.nextUint32().toString(16),
    incarnationId: rng.kafkaUuid(),
  };

  const started = host.startKafka(props);
  if (!started.ok) {
    if (!/^(ERROR|WARN|INFO) /.test(started.error[0] ?? '')) {
      // Not something Kafka prints: the workbench cannot run this kind of node in this session.
      ctx.stderr(`${started.error.join('\n')}\n`);
      return end(1);
    }
    const lines = startErrorLines(started.error, broker);
    const first = lines[0];
    if (first && 'message' in first && first.logger === 'kafka.Kafka$') {
      // Before the server object exists (e.g. KRaft log dirs not formatted).
      log.write(lines.flatMap((l) => ('raw' in l ? exception(l.raw) : [l])));
      return end(1);
    }
    log.write(kraft ? kraftStartupBegin(broker) : zkStartupBegin(broker));
    log.write(fatalStartup(broker, lines, true));
    return end(1);
  }
  const b = cluster.brokers.get(id);
  if (b) {
    broker.host = b.host;
    broker.port = b.port;
  }
  const server = new KafkaServerRun({
    host,
    broker,
    log,
    onStarted: () => {
      if (args.daemon || !ctx.headless) return;
      // Headless: the shell goes on once the log is written; a server it left behind in the
      // foreground keeps running without printing into later commands' output (a `&` job prints).
      ctx.clock.schedule(log.pendingMs(), () => {
        log.flush();
        quiet = ctx.detach();
      });
    },
    onEnd: (status) => {
      if (args.daemon) return;
      ctx.clock.schedule(log.pendingMs(), () => {
        log.flush();
        ctx.exit(status);
      });
    },
  });
  server.begin();
  if (args.daemon) return ctx.exit(0);
  ctx.onSignal((signal) => {
    if (signal !== 'SIGKILL') server.stop(signal);
  });
  ctx.atExit(() => server.processGone());
}

export const kafkaServerStartTool: Tool = {
  name: 'kafka-server-start',
  summary: 'Start a Kafka broker (or KRaft node) from a server.properties file.',
  optionNames: ['override'],
  run,
};
