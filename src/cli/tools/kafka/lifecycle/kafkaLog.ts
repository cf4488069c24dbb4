/**
 * The startup log of `kafka-server-start.sh` (kafka.Kafka, Kafka 3.9.0), condensed to the lines
 * people look for: ZooKeeper mode (KafkaServer) and KRaft (KafkaRaftServer: ControllerServer and
 * BrokerServer). Shutdown and fatal errors are in kafkaStopLog.ts. Texts follow Kafka 3.9 console
 * output and core/src/main/scala/kafka/{Kafka,server/KafkaServer,server/KafkaRaftServer}.scala.
 */
import type { LogEntry } from './logWriter';
import { info } from './logWriter';

/** `AppInfoParser`: version and commit of the Kafka 3.9.0 release. */
export const kafkaVersion = '3.9.0';
export const kafkaCommitId = 'a60e31147e6b01ee';

/** Logger names (log4j `%c`) the broker's lines carry. */
export const kafkaServer = 'kafka.server.KafkaServer';
export const zkClient = 'kafka.zookeeper.ZooKeeperClient';
export const cnxn = 'org.apache.zookeeper.ClientCnxn';
export const appInfo = 'org.apache.kafka.common.utils.AppInfoParser';

/** What the log needs to know about the broker being started. */
export interface BrokerLogInfo {
  id: number;
  kraft: boolean;
  /** KRaft `process.roles` includes `controller`. */
  controller: boolean;
  zkConnect: string;
  zkSessionTimeoutMs: number;
  logDirs: string;
  listenerName: string;
  /** Advertised host and port (`PLAINTEXT://localhost:9092`). */
  host: string;
  port: number;
  controllerPort: number;
  clusterId: string;
  /** All advertised endpoints, when more than the one listener (`INTERNAL://kafka1:29092,…`). */
  endpoints?: string;
  /** Random-looking hex for `Watcher$@…` and incarnation ids (from the seeded PRNG). */
  hash: string;
  incarnationId: string;
}

/** Printed by every `kafka.Kafka` start, before the properties file is read. */
export const log4jControllerRegistered = info(
  'Registered kafka:type=kafka.Log4jController MBean',
  'kafka.utils.Log4jControllerRegistration$',
);

/** From `starting` until the ZooKeeper client waits for its session (KafkaServer.initZkClient). */
export function zkStartupBegin(b: BrokerLogInfo): LogEntry[] {
  const zk = 'org.apache.zookeeper.ZooKeeper';
  return [
    info(
      'Setting -D jdk.tls.rejectClientInitiatedRenegotiation=true to disable client-initiated TLS renegotiation',
      'org.apache.zookeeper.common.X509Util',
    ),
    info(
      'Registered signal handlers for TERM, INT, HUP',
      'org.apache.kafka.common.utils.LoggingSignalHandler',
    ),
    info('starting', kafkaServer),
    info(`Connecting to zookeeper on ${b.zkConnect}`, kafkaServer),
    info(`[ZooKeeperClient Kafka server] Initializing a new session to ${b.zkConnect}.`, zkClient),
    info(
      'Client environment:zookeeper.version=3.8.4-9316c2a7a97e1666d8f4593f34dd6fc36ecc436c, built on 2024-02-12 22:16 UTC',
      zk,
    ),
    info('Client environment:host.name=localhost', zk),
    info('Client environment:java.version=17.0.13', zk),
    info('Client environment:os.name=Linux', zk),
    info('Client environment:user.dir=/opt/kafka', zk),
    info(
      `Initiating client connection, connectString=${b.zkConnect} sessionTimeout=${b.zkSessionTimeoutMs} watcher=kafka.zookeeper.ZooKeeperClient$ZooKeeperClientWatcher$@${b.hash}`,
      zk,
    ),
    info('jute.maxbuffer value is 4194304 Bytes', 'org.apache.zookeeper.ClientCnxnSocket'),
    info('zookeeper.request.timeout value is 0. feature enabled=false', cnxn),
    info('[ZooKeeperClient Kafka server] Waiting until connected.', zkClient),
    info(`Opening socket connection to server ${zkServerAddress(b)}.`, cnxn),
  ];
}

/** `localhost/127.0.0.1:2181`, as Java prints an InetSocketAddress. */
export function zkServerAddress(b: BrokerLogInfo): string {
  const first = b.zkConnect.split(',')[0]!.replace(/\/.*$/, '');
  const [hostName, port] = first.includes(':') ? first.split(':') : [first, '2181'];
  const ip = hostName === 'localhost' || hostName === '127.0.0.1' ? '127.0.0.1' : '172.18.0.2';
  return `${hostName}/${ip}:${port}`;
}

/** ClientCnxn retrying while nothing listens on the ZooKeeper port. */
export function zkConnectRefused(b: BrokerLogInfo): LogEntry[] {
  return [
    info(`Socket error occurred: ${zkServerAddress(b)}: Connection refused`, cnxn),
    info(`Opening socket connection to server ${zkServerAddress(b)}.`, cnxn),
  ];
}

/** ClientCnxn found a server again and resumed the session. */
export function zkReconnected(
  b: BrokerLogInfo,
  sessionId: string,
  negotiatedMs: number,
): LogEntry[] {
  return [
    info(
      `Socket connection established, initiating session, client: /127.0.0.1:${40000 + (b.id % 1000)}, server: ${zkServerAddress(b)}`,
      cnxn,
    ),
    info(
      `Session establishment complete on server ${zkServerAddress(b)}, session id = ${sessionId}, negotiated timeout = ${negotiatedMs}`,
      cnxn,
    ),
  ];
}

/** The session is established; KafkaServer.startup goes on to the log manager and socket server. */
export function zkConnected(
  b: BrokerLogInfo,
  sessionId: string,
  negotiatedMs: number,
  clientPort: number,
): LogEntry[] {
  return [
    info(
      `Socket connection established, initiating session, client: /127.0.0.1:${clientPort}, server: ${zkServerAddress(b)}`,
      cnxn,
    ),
    info(
      `Session establishment complete on server ${zkServerAddress(b)}, session id = ${sessionId}, negotiated timeout = ${negotiatedMs}`,
      cnxn,
    ),
    info('[ZooKeeperClient Kafka server] Connected.', zkClient),
    info(`Cluster ID = ${b.clusterId}`, kafkaServer),
    ...logManagerStartup(b),
    info(
      `[MetadataCache brokerId=${b.id}] Updated cache from existing None to latest Features(metadataVersion=3.9-IV0, finalizedFeatures={}, finalizedFeaturesEpoch=0).`,
      'kafka.server.metadata.ZkMetadataCache',
    ),
    info(
      'Updated connection-accept-rate max connection creation rate to 2147483647',
      'kafka.network.ConnectionQuotas',
    ),
    info(
      `[SocketServer listenerType=ZK_BROKER, nodeId=${b.id}] Created data-plane acceptor and processors for endpoint : ListenerName(${b.listenerName})`,
      'kafka.network.SocketServer',
    ),
    info(`Creating /brokers/ids/${b.id} (is it secure? false)`, 'kafka.zk.KafkaZkClient'),
  ];
}

function logManagerStartup(b: BrokerLogInfo): LogEntry[] {
  const lm = 'kafka.log.LogManager';
  return [
    info(`Loading logs from log dirs ArrayBuffer(${b.logDirs})`, lm),
    info('Loaded 0 logs in 9ms', lm),
    info('Starting log cleanup with a period of 300000 ms.', lm),
    info('Starting log flusher with a default period of 9223372036854775807 ms.', lm),
    info('[kafka-log-cleaner-thread-0]: Starting', 'kafka.log.LogCleaner$CleanerThread'),
  ];
}

/** `/brokers/ids/N` exists: coordinators start, requests are enabled, `started`. */
export function zkRegistered(
  b: BrokerLogInfo,
  znode: { zxid: number; ctimeMs: number; ephemeralOwner: string; dataLength: number },
  startTimeMs: number,
): LogEntry[] {
  const zxid = znode.zxid;
  const stat = [
    zxid,
    zxid,
    znode.ctimeMs,
    znode.ctimeMs,
    1,
    0,
    0,
    BigInt(znode.ephemeralOwner).toString(),
    znode.dataLength,
    0,
    zxid,
  ].join(',');
  const zk = 'kafka.zk.KafkaZkClient';
  const endpoint = b.endpoints ?? `${b.listenerName}://${b.host}:${b.port}`;
  return [
    info(`Stat of the created znode at /brokers/ids/${b.id} is: ${stat}\n`, zk),
    info(
      `Registered broker ${b.id} at path /brokers/ids/${b.id} with addresses: ${endpoint}, czxid (broker epoch): ${zxid}`,
      zk,
    ),
    info(`[GroupCoordinator ${b.id}]: Starting up.`, 'kafka.coordinator.group.GroupCoordinator'),
    info(
      `[GroupCoordinator ${b.id}]: Startup complete.`,
      'kafka.coordinator.group.GroupCoordinator',
    ),
    info(
      `[TransactionCoordinator id=${b.id}] Starting up.`,
      'kafka.coordinator.transaction.TransactionCoordinator',
    ),
    info(
      `[TransactionCoordinator id=${b.id}] Startup complete.`,
      'kafka.coordinator.transaction.TransactionCoordinator',
    ),
    info(
      '[/config/changes-event-process-thread]: Starting',
      'kafka.common.ZkNodeChangeNotificationListener$ChangeEventProcessThread',
    ),
    info(
      `[SocketServer listenerType=ZK_BROKER, nodeId=${b.id}] Enabling request processing.`,
      'kafka.network.SocketServer',
    ),
    info(`Awaiting socket connections on 0.0.0.0:${b.port}.`, 'kafka.network.DataPlaneAcceptor'),
    info(`[KafkaServer id=${b.id}] Start processing authorizer futures`, kafkaServer),
    info(`[KafkaServer id=${b.id}] End processing authorizer futures`, kafkaServer),
    info(`[KafkaServer id=${b.id}] Start processing enable request processing future`, kafkaServer),
    info(`[KafkaServer id=${b.id}] End processing enable request processing future`, kafkaServer),
    ...appInfoLines(startTimeMs),
    info(`[KafkaServer id=${b.id}] started`, kafkaServer),
  ];
}

function appInfoLines(startTimeMs: number): LogEntry[] {
  return [
    info(`Kafka version: ${kafkaVersion}`, appInfo),
    info(`Kafka commitId: ${kafkaCommitId}`, appInfo),
    info(`Kafka startTimeMs: ${startTimeMs}`, appInfo),
  ];
}

/** KRaft: the controller (combined mode) and the broker start, then wait to be unfenced. */
export function kraftStartupBegin(b: BrokerLogInfo): LogEntry[] {
  const cs = 'kafka.server.ControllerServer';
  const bs = 'kafka.server.BrokerServer';
  const controller = b.controller
    ? [
        info(`[ControllerServer id=${b.id}] Starting controller`, cs),
        info(
          `[SocketServer listenerType=CONTROLLER, nodeId=${b.id}] Created data-plane acceptor and processors for endpoint : ListenerName(CONTROLLER)`,
          'kafka.network.SocketServer',
        ),
        info(`[ControllerServer id=${b.id}] Waiting for controller quorum voters future`, cs),
        info(
          `[ControllerServer id=${b.id}] Finished waiting for controller quorum voters future`,
          cs,
        ),
        info(
          `[QuorumController id=${b.id}] Creating new QuorumController with clusterId ${b.clusterId}.`,
          'org.apache.kafka.controller.QuorumController',
        ),
        info(
          `[SocketServer listenerType=CONTROLLER, nodeId=${b.id}] Enabling request processing.`,
          'kafka.network.SocketServer',
        ),
        info(
          `Awaiting socket connections on 0.0.0.0:${b.controllerPort}.`,
          'kafka.network.DataPlaneAcceptor',
        ),
      ]
    : [];
  return [
    info(
      'Setting -D jdk.tls.rejectClientInitiatedRenegotiation=true to disable client-initiated TLS renegotiation',
      'org.apache.zookeeper.common.X509Util',
    ),
    info(
      'Registered signal handlers for TERM, INT, HUP',
      'org.apache.kafka.common.utils.LoggingSignalHandler',
    ),
    ...controller,
    info(`[BrokerServer id=${b.id}] Transition from SHUTDOWN to STARTING`, bs),
    info(`[BrokerServer id=${b.id}] Starting broker`, bs),
    ...logManagerStartup(b),
    info(
      `[SocketServer listenerType=BROKER, nodeId=${b.id}] Created data-plane acceptor and processors for endpoint : ListenerName(${b.listenerName})`,
      'kafka.network.SocketServer',
    ),
    info(
      `[BrokerLifecycleManager id=${b.id}] Incarnation ${b.incarnationId} of broker ${b.id} in cluster ${b.clusterId} is now STARTING.`,
      'kafka.server.BrokerLifecycleManager',
    ),
  ];
}

/** KRaft: this node's controller won the quorum election. */
export function kraftBecameActive(b: BrokerLogInfo, epoch: number): LogEntry[] {
  return [
    info(
      `[QuorumController id=${b.id}] Becoming the active controller at epoch ${epoch}, next write offset 1.`,
      'org.apache.kafka.controller.QuorumController',
    ),
  ];
}

/** KRaft: registered and unfenced; requests are enabled and the server reports `started`. */
export function kraftUnfenced(b: BrokerLogInfo, startTimeMs: number): LogEntry[] {
  const blm = 'kafka.server.BrokerLifecycleManager';
  const bs = 'kafka.server.BrokerServer';
  return [
    info(
      `[BrokerLifecycleManager id=${b.id}] The broker has caught up. Transitioning from STARTING to RECOVERY.`,
      blm,
    ),
    info(`[BrokerLifecycleManager id=${b.id}] The broker is in RECOVERY.`, blm),
    info(`[BrokerServer id=${b.id}] Waiting for the broker to be unfenced`, bs),
    info(
      `[BrokerLifecycleManager id=${b.id}] The broker has been unfenced. Transitioning from RECOVERY to RUNNING.`,
      blm,
    ),
    info(`[BrokerServer id=${b.id}] Finished waiting for the broker to be unfenced`, bs),
    info(
      `authorizerStart completed for endpoint ${b.listenerName}. Endpoint is now READY.`,
      'org.apache.kafka.server.network.EndpointReadyFutures',
    ),
    info(
      `[SocketServer listenerType=BROKER, nodeId=${b.id}] Enabling request processing.`,
      'kafka.network.SocketServer',
    ),
    info(`Awaiting socket connections on 0.0.0.0:${b.port}.`, 'kafka.network.DataPlaneAcceptor'),
    info(`[BrokerServer id=${b.id}] Waiting for all of the authorizer futures to be completed`, bs),
    info(
      `[BrokerServer id=${b.id}] Finished waiting for all of the authorizer futures to be completed`,
      bs,
    ),
    info(
      `[BrokerServer id=${b.id}] Waiting for all of the SocketServer Acceptors to be started`,
      bs,
    ),
    info(
      `[BrokerServer id=${b.id}] Finished waiting for all of the SocketServer Acceptors to be started`,
      bs,
    ),
    info(`[BrokerServer id=${b.id}] Transition from STARTING to STARTED`, bs),
    ...appInfoLines(startTimeMs),
    info(`[KafkaRaftServer nodeId=${b.id}] Kafka Server started`, 'kafka.server.KafkaRaftServer'),
  ];
}
