/**
 * `docker logs NAME` / `docker compose logs`: what the container printed since it last started — the
 * Confluent image's entrypoint lines, then the server's console log (condensed, as
 * kafka-server-start.sh / zookeeper-server-start.sh print it), and its shutdown if it stopped.
 */
import { epochBaseMs } from '../../../../../sim/index';
import type { ClusterHost, Container } from '../../../../host/clusterHost';
import { confluentEnvToProperties } from '../../../../host/composeFile';
import type { BrokerLogInfo } from '../kafkaLog';
import { log4jControllerRegistered, zkConnected, zkRegistered, zkStartupBegin } from '../kafkaLog';
import { shutdownBegin, shutdownEnd } from '../kafkaStopLog';
import { LogWriter } from '../logWriter';
import { startupAfterBind, startupUntilBind } from '../zookeeperLog';
import { containerId, daemonState } from './containerState';

const preamble = (kind: 'kafka' | 'zookeeper') =>
  [
    '===> User',
    'uid=1000(appuser) gid=1000(appuser) groups=1000(appuser)',
    '===> Configuring ...',
    ...(kind === 'kafka' ? ['Running in Zookeeper mode...'] : []),
    '===> Running preflight checks ... ',
    ...(kind === 'kafka'
      ? [
          '===> Check if /var/lib/kafka/data is writable ...',
          '===> Check if Zookeeper is healthy ...',
        ]
      : [
          '===> Check if /var/lib/zookeeper/data is writable ...',
          '===> Check if /var/lib/zookeeper/log is writable ...',
        ]),
    '===> Launching ... ',
    `===> Launching ${kind} ... `,
  ].join('\n') + '\n';

export function containerLogs(host: ClusterHost, c: Container): string {
  let out = '';
  let at = epochBaseMs + c.startedAt + 1500;
  const rng = host.cluster.rng.fork(`container-log-${containerId(host, c)}-${c.startedAt}`);
  const log = new LogWriter({ wallClockMs: () => at, sink: (t) => (out += t), rng });
  if (c.service.kind === 'zookeeper') {
    const env = c.service.environment;
    const settings = {
      pathArg: '/etc/kafka/zookeeper.properties',
      clientPort: Number(env['ZOOKEEPER_CLIENT_PORT'] ?? 2181),
      dataDir: '/var/lib/zookeeper/data',
      tickTime: Number(env['ZOOKEEPER_TICK_TIME'] ?? 3000),
      objectHash: rng.nextUint32().toString(16),
      restart: false,
    };
    out += preamble('zookeeper');
    log.write(startupUntilBind(settings));
    log.write(startupAfterBind(settings));
    return out;
  }
  if (c.service.kind !== 'kafka' || c.brokerId === undefined) return out;
  const props = confluentEnvToProperties(c.service.environment);
  const listeners = props['advertised.listeners'] ?? 'PLAINTEXT://localhost:9092';
  const first = /([A-Z_]+):\/\/([^:,]+):(\d+)/.exec(listeners);
  const b: BrokerLogInfo = {
    id: c.brokerId,
    kraft: false,
    controller: false,
    zkConnect: props['zookeeper.connect'] ?? 'zookeeper:2181',
    zkSessionTimeoutMs: 18000,
    logDirs: '/var/lib/kafka/data',
    listenerName: first?.[1] ?? 'PLAINTEXT',
    host: first?.[2] ?? 'localhost',
    port: Number(first?.[3] ?? 9092),
    controllerPort: 9093,
    clusterId: host.cluster.clusterId,
    endpoints: listeners,
    hash: rng.nextUint32().toString(16),
    incarnationId: rng.kafkaUuid(),
  };
  const sessionId = `0x1${rng.nextUint32().toString(16).padStart(14, '0')}`;
  out += preamble('kafka');
  log.write([log4jControllerRegistered, ...zkStartupBegin(b)]);
  at += 200;
  log.write(zkConnected(b, sessionId, 18000, 40000 + rng.int(20000)));
  at += 300;
  log.write(
    zkRegistered(
      b,
      {
        zxid: 0x18 + b.id,
        ctimeMs: at,
        ephemeralOwner: sessionId,
        dataLength: 230 + listeners.length,
      },
      at,
    ),
  );
  const exit = daemonState(host).exits.get(c.name);
  if (!c.running && exit && exit.exitCode === 143) {
    at = epochBaseMs + exit.finishedAt;
    log.write(shutdownBegin(b, 'SIGTERM'));
    log.write(shutdownEnd(b, 40 + rng.int(200), sessionId));
  }
  return out;
}
