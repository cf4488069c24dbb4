/**
 * How `kafka-server-start.sh` ends (Kafka 3.9.0): the shutdown hook after SIGINT/SIGTERM (controlled
 * shutdown first), Ctrl-C while still starting, and the fatal startup errors with the stack traces
 * a 3.9 broker prints (kafka.Kafka `Exiting Kafka due to fatal exception during startup.`).
 */
import type { BrokerLogInfo } from './kafkaLog';
import { appInfo, cnxn, kafkaServer, zkClient, zkServerAddress } from './kafkaLog';
import type { LogEntry } from './logWriter';
import { error, frames, info, warn } from './logWriter';
import { newInputStreamFrames } from '../common/javaFileFrames';

/** `Utils.loadProps` on a missing file: `Exiting Kafka due to fatal exception`, status 1. */
export function missingProperties(pathArg: string): LogEntry[] {
  return [
    error('Exiting Kafka due to fatal exception', 'kafka.Kafka$'),
    { raw: `java.nio.file.NoSuchFileException: ${pathArg}` },
    ...frames(
      ...newInputStreamFrames,
      'org.apache.kafka.common.utils.Utils.loadProps(Utils.java:699)',
      'org.apache.kafka.common.utils.Utils.loadProps(Utils.java:686)',
      'kafka.Kafka$.getPropsFromArgs(Kafka.scala:53)',
      'kafka.Kafka$.main(Kafka.scala:88)',
      'kafka.Kafka.main(Kafka.scala)',
    ),
  ];
}

/** LoggingSignalHandler, then the shutdown hook starts: controlled shutdown first. */
export function shutdownBegin(b: BrokerLogInfo, signal: 'SIGINT' | 'SIGTERM'): LogEntry[] {
  const terminating = info(
    `Terminating process due to signal ${signal}`,
    'org.apache.kafka.common.utils.LoggingSignalHandler',
  );
  if (b.kraft)
    return [
      terminating,
      info(
        `[BrokerServer id=${b.id}] Transition from STARTED to SHUTTING_DOWN`,
        'kafka.server.BrokerServer',
      ),
      info(`[BrokerServer id=${b.id}] shutting down`, 'kafka.server.BrokerServer'),
      info(
        `[BrokerLifecycleManager id=${b.id}] Beginning controlled shutdown.`,
        'kafka.server.BrokerLifecycleManager',
      ),
    ];
  return [
    terminating,
    info(`[KafkaServer id=${b.id}] shutting down`, kafkaServer),
    info(`[KafkaServer id=${b.id}] Starting controlled shutdown`, kafkaServer),
  ];
}

/** After the controller moved leadership away: the rest of KafkaServer/BrokerServer.shutdown. */
export function shutdownEnd(
  b: BrokerLogInfo,
  controlledShutdownMs: number,
  sessionId: string,
): LogEntry[] {
  const socket = 'kafka.network.SocketServer';
  const listenerType = b.kraft ? 'BROKER' : 'ZK_BROKER';
  const common = [
    info(
      `[SocketServer listenerType=${listenerType}, nodeId=${b.id}] Stopping socket server request processors`,
      socket,
    ),
    info(
      `[SocketServer listenerType=${listenerType}, nodeId=${b.id}] Stopped socket server request processors`,
      socket,
    ),
    info(
      `[TransactionCoordinator id=${b.id}] Shutting down.`,
      'kafka.coordinator.transaction.TransactionCoordinator',
    ),
    info(
      `[TransactionCoordinator id=${b.id}] Shutdown complete.`,
      'kafka.coordinator.transaction.TransactionCoordinator',
    ),
    info(`[GroupCoordinator ${b.id}]: Shutting down.`, 'kafka.coordinator.group.GroupCoordinator'),
    info(
      `[GroupCoordinator ${b.id}]: Shutdown complete.`,
      'kafka.coordinator.group.GroupCoordinator',
    ),
    info(`[ReplicaManager broker=${b.id}] Shutting down`, 'kafka.server.ReplicaManager'),
    info(`[ReplicaManager broker=${b.id}] Shut down completely`, 'kafka.server.ReplicaManager'),
    info('Shutting down.', 'kafka.log.LogManager'),
    info('Shutdown complete.', 'kafka.log.LogManager'),
  ];
  const metrics = [
    info('Metrics scheduler closed', 'org.apache.kafka.common.metrics.Metrics'),
    info(
      'Closing reporter org.apache.kafka.common.metrics.JmxReporter',
      'org.apache.kafka.common.metrics.Metrics',
    ),
    info('Metrics reporters closed', 'org.apache.kafka.common.metrics.Metrics'),
    info('Broker and topic stats closed', 'kafka.server.BrokerTopicStats'),
    info(`App info kafka.server for ${b.id} unregistered`, appInfo),
  ];
  if (b.kraft) {
    const blm = 'kafka.server.BrokerLifecycleManager';
    return [
      info(
        `[BrokerLifecycleManager id=${b.id}] The controller has asked us to exit controlled shutdown.`,
        blm,
      ),
      info(
        `[BrokerLifecycleManager id=${b.id}] Transitioning from PENDING_CONTROLLED_SHUTDOWN to SHUTTING_DOWN.`,
        blm,
      ),
      ...common,
      info(`[BrokerServer id=${b.id}] shut down completed`, 'kafka.server.BrokerServer'),
      info(
        `[BrokerServer id=${b.id}] Transition from SHUTTING_DOWN to SHUTDOWN`,
        'kafka.server.BrokerServer',
      ),
      ...(b.controller
        ? [
            info(`[ControllerServer id=${b.id}] shutting down`, 'kafka.server.ControllerServer'),
            info(
              `[RaftManager id=${b.id}] Beginning graceful shutdown`,
              'org.apache.kafka.raft.KafkaRaftClient',
            ),
            info(
              `[RaftManager id=${b.id}] Graceful shutdown completed`,
              'org.apache.kafka.raft.KafkaRaftClient',
            ),
          ]
        : []),
      ...metrics,
    ];
  }
  return [
    info(
      `[KafkaServer id=${b.id}] Controlled shutdown request returned successfully after ${controlledShutdownMs}ms`,
      kafkaServer,
    ),
    info(
      '[/config/changes-event-process-thread]: Shutting down',
      'kafka.common.ZkNodeChangeNotificationListener$ChangeEventProcessThread',
    ),
    info(
      '[/config/changes-event-process-thread]: Stopped',
      'kafka.common.ZkNodeChangeNotificationListener$ChangeEventProcessThread',
    ),
    info(
      '[/config/changes-event-process-thread]: Shutdown completed',
      'kafka.common.ZkNodeChangeNotificationListener$ChangeEventProcessThread',
    ),
    ...common,
    info('[ZooKeeperClient Kafka server] Closing.', zkClient),
    info(`Session: ${sessionId} closed`, 'org.apache.zookeeper.ZooKeeper'),
    info(`EventThread shut down for session: ${sessionId}`, cnxn),
    info('[ZooKeeperClient Kafka server] Closed.', zkClient),
    info(
      `[SocketServer listenerType=ZK_BROKER, nodeId=${b.id}] Shutting down socket server`,
      socket,
    ),
    info(`[SocketServer listenerType=ZK_BROKER, nodeId=${b.id}] Shutdown completed`, socket),
    ...metrics,
    info(`[KafkaServer id=${b.id}] shut down completed`, kafkaServer),
  ];
}

/** Ctrl-C while KafkaServer.startup still waits (for ZooKeeper): the hook cannot shut down; halt. */
export function interruptedWhileStarting(signal: 'SIGINT' | 'SIGTERM'): LogEntry[] {
  return [
    info(
      `Terminating process due to signal ${signal}`,
      'org.apache.kafka.common.utils.LoggingSignalHandler',
    ),
    info('shutting down', kafkaServer),
    error('Fatal error during KafkaServer shutdown.', kafkaServer),
    {
      raw: 'java.lang.IllegalStateException: Kafka server is still starting up, cannot shut down!',
    },
    ...frames(
      'kafka.server.KafkaServer.shutdown(KafkaServer.scala:952)',
      'kafka.Kafka$.$anonfun$main$3(Kafka.scala:102)',
      'kafka.utils.Exit$.$anonfun$addShutdownHook$1(Exit.scala:38)',
      'java.base/java.lang.Thread.run(Thread.java:840)',
    ),
    error('Halting Kafka.', 'kafka.Kafka$'),
  ];
}

/** Stack frames of the exceptions the engine and host report, as a 3.9 broker prints them. */
const stackFrames: Record<string, string[]> = {
  'kafka.zookeeper.ZooKeeperClientTimeoutException': [
    'kafka.zookeeper.ZooKeeperClient.waitUntilConnected(ZooKeeperClient.scala:257)',
    'kafka.zookeeper.ZooKeeperClient.<init>(ZooKeeperClient.scala:115)',
    'kafka.zk.KafkaZkClient$.apply(KafkaZkClient.scala:2277)',
    'kafka.zk.KafkaZkClient$.createZkClient(KafkaZkClient.scala:2369)',
    'kafka.server.KafkaServer.initZkClient(KafkaServer.scala:662)',
    'kafka.server.KafkaServer.startup(KafkaServer.scala:223)',
    'kafka.Kafka$.main(Kafka.scala:112)',
    'kafka.Kafka.main(Kafka.scala)',
  ],
  'org.apache.zookeeper.KeeperException$NodeExistsException': [
    'org.apache.zookeeper.KeeperException.create(KeeperException.java:126)',
    'kafka.zk.KafkaZkClient$CheckedEphemeral.getAfterNodeExists(KafkaZkClient.scala:2189)',
    'kafka.zk.KafkaZkClient$CheckedEphemeral.create(KafkaZkClient.scala:2127)',
    'kafka.zk.KafkaZkClient.checkedEphemeralCreate(KafkaZkClient.scala:2094)',
    'kafka.zk.KafkaZkClient.registerBroker(KafkaZkClient.scala:106)',
    'kafka.server.KafkaServer.startup(KafkaServer.scala:365)',
    'kafka.Kafka$.main(Kafka.scala:112)',
    'kafka.Kafka.main(Kafka.scala)',
  ],
  'org.apache.kafka.common.KafkaException': [
    'kafka.server.KafkaServer.startup(KafkaServer.scala:338)',
    'kafka.Kafka$.main(Kafka.scala:112)',
    'kafka.Kafka.main(Kafka.scala)',
  ],
  'java.lang.RuntimeException': [
    'org.apache.kafka.metadata.properties.MetaPropertiesEnsemble.verify(MetaPropertiesEnsemble.java:480)',
    'kafka.server.KafkaRaftServer$.initializeLogDirs(KafkaRaftServer.scala:141)',
    'kafka.server.KafkaRaftServer.<init>(KafkaRaftServer.scala:56)',
    'kafka.Kafka$.buildServer(Kafka.scala:83)',
    'kafka.Kafka$.main(Kafka.scala:91)',
    'kafka.Kafka.main(Kafka.scala)',
  ],
};

/** An exception line followed by its stack frames (when known). */
export function exception(text: string): LogEntry[] {
  const cls = text.split(':')[0]!;
  return [{ raw: text }, ...frames(...(stackFrames[cls] ?? []))];
}

/**
 * A fatal error in KafkaServer.startup: the error and exception, the server shuts itself down,
 * kafka.Kafka logs `Exiting Kafka due to fatal exception during startup.` with the exception again
 * and exits 1, and the shutdown hook runs once more.
 */
export function fatalStartup(
  b: BrokerLogInfo,
  errorLines: readonly LogEntry[],
  prefixed: boolean,
): LogEntry[] {
  const exceptionLine = errorLines.find((e) => 'raw' in e && !e.raw.startsWith('\t'));
  const ident = prefixed
    ? b.kraft
      ? `[BrokerServer id=${b.id}] `
      : `[KafkaServer id=${b.id}] `
    : '';
  const logger = b.kraft ? 'kafka.server.BrokerServer' : kafkaServer;
  return [
    ...errorLines.flatMap((e) => ('raw' in e && e === exceptionLine ? exception(e.raw) : [e])),
    info(`${ident}shutting down`, logger),
    info(`App info kafka.server for ${b.id} unregistered`, appInfo),
    info(`${ident}shut down completed`, logger),
    error('Exiting Kafka due to fatal exception during startup.', 'kafka.Kafka$'),
    ...(exceptionLine && 'raw' in exceptionLine ? exception(exceptionLine.raw) : []),
    info(`${ident}shutting down`, logger),
  ];
}

/** ZooKeeper never answered within zookeeper.connection.timeout.ms: the client gives up. */
export function zkClientClosing(): LogEntry[] {
  return [
    info('[ZooKeeperClient Kafka server] Closing.', zkClient),
    info('Session: 0x0 closed', 'org.apache.zookeeper.ZooKeeper'),
    info('EventThread shut down for session: 0x0', cnxn),
    info('[ZooKeeperClient Kafka server] Closed.', zkClient),
  ];
}

/** The broker's ZooKeeper session was lost (ZooKeeper stopped): the client keeps retrying. */
export function zkConnectionLost(b: BrokerLogInfo, sessionId: string): LogEntry[] {
  return [
    warn(
      `Session ${sessionId} for server ${zkServerAddress(b)}, Closing socket connection. Attempting reconnect except it is a SessionExpiredException.`,
      cnxn,
    ),
    {
      raw: `org.apache.zookeeper.ClientCnxn$EndOfStreamException: Unable to read additional data from server sessionid ${sessionId}, likely server has closed socket`,
    },
    ...frames(
      'org.apache.zookeeper.ClientCnxnSocketNIO.doIO(ClientCnxnSocketNIO.java:77)',
      'org.apache.zookeeper.ClientCnxnSocketNIO.doTransport(ClientCnxnSocketNIO.java:350)',
      'org.apache.zookeeper.ClientCnxn$SendThread.run(ClientCnxn.java:1289)',
    ),
  ];
}
