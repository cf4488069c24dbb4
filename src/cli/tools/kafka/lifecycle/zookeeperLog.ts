/**
 * The console log of ZooKeeper 3.8.4 (the version Kafka 3.9 ships) started by
 * `zookeeper-server-start.sh`, condensed: QuorumPeerMain finds no quorum and runs
 * ZooKeeperServerMain standalone, which prints its banner, binds the client port and loads the data
 * directory. Texts as in Kafka 3.9.1's console output and ZooKeeper's QuorumPeerConfig,
 * VerifyingFileFactory, ZooKeeperServerMain and NIOServerCnxnFactory.
 */
import type { LogEntry } from './logWriter';
import { error, frames, info, warn } from './logWriter';

const config = 'org.apache.zookeeper.server.quorum.QuorumPeerConfig';
const server = 'org.apache.zookeeper.server.ZooKeeperServer';

/** ZooKeeper's own version string (`Version.getFullVersion()`). */
export const zookeeperVersion =
  '3.8.4-9316c2a7a97e1666d8f4593f34dd6fc36ecc436c, built on 2024-02-12 22:16 UTC';

const banner = [
  '',
  '  ______                  _                                          ',
  ' |___  /                 | |                                         ',
  '    / /    ___     ___   | | __   ___    ___   _ __     ___   _ __   ',
  "   / /    / _ \\   / _ \\  | |/ /  / _ \\  / _ \\ | '_ \\   / _ \\ | '__|",
  '  / /__  | (_) | | (_) | |   <  |  __/ |  __/ | |_) | |  __/ | |    ',
  ' /_____|  \\___/   \\___/  |_|\\_\\  \\___|  \\___| | .__/   \\___| |_|',
  '                                              | |                     ',
  '                                              |_|                     ',
  '',
];

/** `QuorumPeerConfig.parse`: the path as given, with VerifyingFileFactory's relative-path warning. */
export function readingConfiguration(pathArg: string): LogEntry[] {
  return [info(`Reading configuration from: ${pathArg}`, config), ...relativeWarning(pathArg)];
}

/**
 * VerifyingFileFactory.doWarnForRelativePath, with the platform's File.separator: on Windows
 * (`bin\windows\*.bat`) paths print with `\`, and `/tmp/zookeeper` has no drive, so it is relative.
 */
function relativeWarning(path: string): LogEntry[] {
  const windows = path.includes('\\');
  const sep = windows ? '\\' : '/';
  const absolute = windows ? /^[A-Za-z]:\\/.test(path) : path.startsWith('/');
  if (absolute || path.startsWith(`.${sep}`)) return [];
  return [warn(`${path} is relative. Prepend .${sep} to indicate that you're sure!`, config)];
}

/** The properties file does not exist: QuorumPeerMain exits with ExitCode.INVALID_INVOCATION (2). */
export function missingConfiguration(pathArg: string): LogEntry[] {
  return [
    ...readingConfiguration(pathArg),
    error(
      'Invalid config, exiting abnormally',
      'org.apache.zookeeper.server.quorum.QuorumPeerMain',
    ),
    {
      raw: `org.apache.zookeeper.server.quorum.QuorumPeerConfig$ConfigException: Error processing ${pathArg}`,
    },
    ...frames(
      'org.apache.zookeeper.server.quorum.QuorumPeerConfig.parse(QuorumPeerConfig.java:198)',
      'org.apache.zookeeper.server.quorum.QuorumPeerMain.initializeAndRun(QuorumPeerMain.java:125)',
      'org.apache.zookeeper.server.quorum.QuorumPeerMain.main(QuorumPeerMain.java:91)',
    ),
    { raw: `Caused by: java.lang.IllegalArgumentException: ${pathArg} file is missing` },
    ...frames(
      'org.apache.zookeeper.server.util.VerifyingFileFactory.doFailForNonExistingPath(VerifyingFileFactory.java:54)',
      'org.apache.zookeeper.server.util.VerifyingFileFactory.validate(VerifyingFileFactory.java:47)',
      'org.apache.zookeeper.server.util.VerifyingFileFactory.create(VerifyingFileFactory.java:39)',
      'org.apache.zookeeper.server.quorum.QuorumPeerConfig.parse(QuorumPeerConfig.java:183)',
    ),
    { raw: '\t... 2 more' },
  ];
}

/** After the "Invalid config" line on stderr: the audit provider and ServiceUtils' exit line. */
export function exitingJvm(code: number): LogEntry[] {
  return [
    info('ZooKeeper audit is disabled.', 'org.apache.zookeeper.audit.ZKAuditProvider'),
    error(`Exiting JVM with code ${code}`, 'org.apache.zookeeper.util.ServiceUtils'),
  ];
}

export interface ZooKeeperSettings {
  pathArg: string;
  clientPort: number;
  dataDir: string;
  tickTime: number;
  /** A hash code for `DefaultMetricsProvider@…`. */
  objectHash: string;
  /** True when the data directory holds a snapshot from an earlier run. */
  restart: boolean;
}

/** QuorumPeerMain → ZooKeeperServerMain up to and including `binding to port`. */
export function startupUntilBind(s: ZooKeeperSettings): LogEntry[] {
  const parse = [
    ...readingConfiguration(s.pathArg),
    ...relativeWarning(s.dataDir),
    info(`clientPortAddress is 0.0.0.0:${s.clientPort}`, config),
    info('secureClientPort is not set', config),
    info('observerMasterPort is not set', config),
    info(
      'metricsProvider.className is org.apache.zookeeper.metrics.impl.DefaultMetricsProvider',
      config,
    ),
  ];
  const cleanup = 'org.apache.zookeeper.server.DatadirCleanupManager';
  const sep = s.dataDir.includes('\\') ? '\\' : '/';
  const versionDir = `${s.dataDir}${sep}version-2`;
  return [
    ...parse,
    info('autopurge.snapRetainCount set to 3', cleanup),
    info('autopurge.purgeInterval set to 0', cleanup),
    info('Purge task is not scheduled.', cleanup),
    warn(
      'Either no config or no quorum defined in config, running in standalone mode',
      'org.apache.zookeeper.server.quorum.QuorumPeerMain',
    ),
    info('Log4j 1.2 jmx support not found; jmx disabled.', 'org.apache.zookeeper.jmx.ManagedUtil'),
    ...parse,
    info('Starting server', 'org.apache.zookeeper.server.ZooKeeperServerMain'),
    info(
      `ServerMetrics initialized with provider org.apache.zookeeper.metrics.impl.DefaultMetricsProvider@${s.objectHash}`,
      'org.apache.zookeeper.server.ServerMetrics',
    ),
    info(
      'ACL digest algorithm is: SHA1',
      'org.apache.zookeeper.server.auth.DigestAuthenticationProvider',
    ),
    info(
      'zookeeper.DigestAuthenticationProvider.enabled = true',
      'org.apache.zookeeper.server.auth.DigestAuthenticationProvider',
    ),
    info(
      'zookeeper.snapshot.trust.empty : false',
      'org.apache.zookeeper.server.persistence.FileTxnSnapLog',
    ),
    ...banner.map((line) => info(line, server)),
    info(`Server environment:zookeeper.version=${zookeeperVersion}`, server),
    info('Server environment:host.name=localhost', server),
    info('Server environment:java.version=17.0.13', server),
    info('Server environment:os.name=Linux', server),
    info('Server environment:user.name=root', server),
    info('Server environment:user.dir=/opt/kafka', server),
    info('minSessionTimeout set to ' + 2 * s.tickTime + ' ms', server),
    info('maxSessionTimeout set to ' + 20 * s.tickTime + ' ms', server),
    info(
      'getData response cache size is initialized with value 400.',
      'org.apache.zookeeper.server.ResponseCache',
    ),
    info(
      'getChildren response cache size is initialized with value 400.',
      'org.apache.zookeeper.server.ResponseCache',
    ),
    info('The max bytes for all large requests are set to 104857600', server),
    info('The large request threshold is set to -1', server),
    info(
      `Created server with tickTime ${s.tickTime} ms minSessionTimeout ${2 * s.tickTime} ms maxSessionTimeout ${20 * s.tickTime} ms clientPortListenBacklog -1 datadir ${versionDir} snapdir ${versionDir}`,
      server,
    ),
    info(
      'Using org.apache.zookeeper.server.NIOServerCnxnFactory as server connection factory',
      'org.apache.zookeeper.server.ServerCnxnFactory',
    ),
    warn(
      'maxCnxns is not configured, using default value 0.',
      'org.apache.zookeeper.server.ServerCnxnFactory',
    ),
    info(
      'Configuring NIO connection handler with 10s sessionless connection timeout, 2 selector thread(s), 16 worker threads, and 64 kB direct buffers.',
      'org.apache.zookeeper.server.NIOServerCnxnFactory',
    ),
    info(
      `binding to port 0.0.0.0/0.0.0.0:${s.clientPort}`,
      'org.apache.zookeeper.server.NIOServerCnxnFactory',
    ),
  ];
}

/** After the port is bound: the database loads (or a first snapshot is taken) and requests flow. */
export function startupAfterBind(s: ZooKeeperSettings): LogEntry[] {
  const sep = s.dataDir.includes('\\') ? '\\' : '/';
  const versionDir = `${s.dataDir}${sep}version-2`;
  const db = 'org.apache.zookeeper.server.ZKDatabase';
  const snapLog = 'org.apache.zookeeper.server.persistence.FileTxnSnapLog';
  const watch = info(
    'Using org.apache.zookeeper.server.watch.WatchManager as watch manager',
    'org.apache.zookeeper.server.watch.WatchManagerFactory',
  );
  const load = s.restart
    ? [
        info(
          `Reading snapshot ${versionDir}${sep}snapshot.0`,
          'org.apache.zookeeper.server.persistence.FileSnap',
        ),
        info('Snapshot loaded in 9 ms, highest zxid is 0x0, digest is 1371985504', db),
        info(`Snapshotting: 0x0 to ${versionDir}${sep}snapshot.0`, snapLog),
      ]
    : [
        info(`Snapshotting: 0x0 to ${versionDir}${sep}snapshot.0`, snapLog),
        info('Snapshot loaded in 5 ms, highest zxid is 0x0, digest is 1371985504', db),
        info(`Snapshotting: 0x0 to ${versionDir}${sep}snapshot.0`, snapLog),
      ];
  return [
    watch,
    watch,
    info('zookeeper.snapshotSizeFactor = 0.33', db),
    info('zookeeper.commitLogCount=500', db),
    info(
      'zookeeper.snapshot.compression.method = CHECKED',
      'org.apache.zookeeper.server.persistence.SnapStream',
    ),
    ...load,
    info('Snapshot taken in 1 ms', server),
    info(
      'PrepRequestProcessor (sid:0) started, reconfigEnabled=false',
      'org.apache.zookeeper.server.PrepRequestProcessor',
    ),
    info(
      'zookeeper.request_throttler.shutdownTimeout = 10000 ms',
      'org.apache.zookeeper.server.RequestThrottler',
    ),
    info(
      'Using checkIntervalMs=60000 maxPerMinute=10000 maxNeverUsedIntervalMs=0',
      'org.apache.zookeeper.server.ContainerManager',
    ),
    info('ZooKeeper audit is disabled.', 'org.apache.zookeeper.audit.ZKAuditProvider'),
  ];
}

/** Another process holds the client port: ZooKeeperServerMain exits with UNEXPECTED_ERROR (1). */
export function bindFailed(): LogEntry[] {
  return [
    error(
      'Unexpected exception, exiting abnormally',
      'org.apache.zookeeper.server.ZooKeeperServerMain',
    ),
    { raw: 'java.net.BindException: Address already in use' },
    ...frames(
      'java.base/sun.nio.ch.Net.bind0(Native Method)',
      'java.base/sun.nio.ch.Net.bind(Net.java:565)',
      'java.base/sun.nio.ch.ServerSocketChannelImpl.netBind(ServerSocketChannelImpl.java:344)',
      'java.base/sun.nio.ch.ServerSocketChannelImpl.bind(ServerSocketChannelImpl.java:301)',
      'java.base/sun.nio.ch.ServerSocketAdaptor.bind(ServerSocketAdaptor.java:89)',
      'org.apache.zookeeper.server.NIOServerCnxnFactory.configure(NIOServerCnxnFactory.java:676)',
      'org.apache.zookeeper.server.ZooKeeperServerMain.runFromConfig(ZooKeeperServerMain.java:158)',
      'org.apache.zookeeper.server.ZooKeeperServerMain.initializeAndRun(ZooKeeperServerMain.java:112)',
      'org.apache.zookeeper.server.ZooKeeperServerMain.main(ZooKeeperServerMain.java:67)',
      'org.apache.zookeeper.server.quorum.QuorumPeerMain.initializeAndRun(QuorumPeerMain.java:140)',
      'org.apache.zookeeper.server.quorum.QuorumPeerMain.main(QuorumPeerMain.java:90)',
    ),
    ...exitingJvm(1),
  ];
}

/** The first write after start opens a transaction log (FileTxnLog.append). */
export const newLogFile = (zxidHex: string): LogEntry =>
  info(
    `Creating new log file: log.${zxidHex}`,
    'org.apache.zookeeper.server.persistence.FileTxnLog',
  );
