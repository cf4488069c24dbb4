/**
 * `bin/zookeeper-server-start.sh [-daemon] config/zookeeper.properties`: a standalone ZooKeeper on
 * this machine. In the foreground it prints its log and runs until Ctrl-C (exit 130) or
 * `zookeeper-server-stop.sh` (SIGTERM, 143); headless, the shell goes on once the port is bound.
 */
import type { ClusterHost } from '../../../host/clusterHost';
import { parseProperties } from '../../../host/kafkaDistribution';
import type { ProcessContext, Tool } from '../../../runtime/types';
import { LogWriter } from './logWriter';
import { daemonOutputSink, parseStartArgs } from './serverScript';
import {
  bindFailed,
  exitingJvm,
  missingConfiguration,
  newLogFile,
  startupAfterBind,
  startupUntilBind,
} from './zookeeperLog';

/** Ms from the script's start to ZooKeeper's first log line (JVM start). */
const jvmStartupMs = 320;

/** Data directories that already hold a snapshot, per machine. */
const usedDataDirs = new WeakMap<ClusterHost, Set<string>>();

function run(ctx: ProcessContext): void {
  const args = parseStartArgs(ctx, {
    sh: '[-daemon] zookeeper.properties',
    bat: 'zookeeper.properties',
  });
  if (!args) return;
  const host = ctx.host;
  const cluster = host.cluster;
  let quiet = false;
  const out = args.daemon ? daemonOutputSink(ctx, 'zookeeper') : ctx.stdout;
  const sink = (text: string) => {
    if (!quiet) out(text);
  };
  const log = new LogWriter({
    wallClockMs: () => cluster.wallClockMs,
    schedule: (ms, fn) => cluster.scheduler.schedule(ms, fn),
    sink,
    rng: cluster.rng.fork(`zookeeper-log-${cluster.now}`),
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

  // On Windows (bin\windows\zookeeper-server-start.bat) Java prints paths with `\`.
  const windows = /\.(bat|cmd)$/i.test(ctx.argv[0]!);
  const shown = (path: string) => (windows ? path.replace(/\//g, '\\') : path);
  const text = ctx.fs.isDir(args.configPath) ? undefined : ctx.fs.read(args.configPath);
  if (text === undefined) {
    log.write(missingConfiguration(shown(args.configArg)));
    log.flush();
    (args.daemon ? out : ctx.stderr)('Invalid config, exiting abnormally\n');
    log.write(exitingJvm(2));
    return end(2);
  }
  const props = parseProperties(text);
  const dataDir = (props['dataDir'] ?? '/tmp/zookeeper').replace(/\/+$/, '');
  const used = usedDataDirs.get(host) ?? new Set<string>();
  usedDataDirs.set(host, used);
  const settings = {
    pathArg: shown(args.configArg),
    clientPort: Number(props['clientPort'] ?? 2181),
    dataDir: shown(dataDir),
    tickTime: Number(props['tickTime'] ?? 3000),
    objectHash: cluster.rng.fork(`zookeeper-hash-${cluster.now}`).nextUint32().toString(16),
    restart: used.has(dataDir),
  };
  if (!host.zk) {
    ctx.stderr(
      'This workbench session runs a KRaft cluster, which has no ZooKeeper; start kafka-sim with --mode zookeeper to run one.\n',
    );
    return end(1);
  }
  log.write(startupUntilBind(settings));
  if (!host.startZooKeeper(props).ok) {
    log.write(bindFailed());
    return end(1);
  }
  used.add(dataDir);
  log.write(startupAfterBind(settings));
  if (args.daemon) return ctx.exit(0);
  // The foreground process has printed its startup once virtual time reaches the last stamp.
  ctx.clock.schedule(log.pendingMs(), () => {
    if (!ctx.headless || done) return;
    log.flush();
    quiet = ctx.detach();
  });

  let done = false;
  let wroteTxnLog = false;
  const unsubscribe = cluster.subscribe((e) => {
    if (done) return;
    if (e.type === 'zk.session.created' && !wroteTxnLog) {
      wroteTxnLog = true;
      log.write([newLogFile((Number(e['zxid']) || 1).toString(16))]);
    } else if (e.type === 'zookeeper.stopped') finish(143); // zookeeper-server-stop.sh: SIGTERM
  });
  const finish = (status: number) => {
    if (done) return;
    done = true;
    unsubscribe();
    ctx.exit(status);
  };
  // Ctrl-C or `kill`: the JVM exits at once; ZooKeeper has no shutdown hook that logs.
  ctx.onSignal((signal) => finish(signal === 'SIGINT' ? 130 : 143));
  ctx.atExit(() => {
    done = true;
    unsubscribe();
    host.stopZooKeeper();
  });
}

export const zookeeperServerStartTool: Tool = {
  name: 'zookeeper-server-start',
  summary: 'Start a standalone ZooKeeper server from a properties file.',
  run,
};
