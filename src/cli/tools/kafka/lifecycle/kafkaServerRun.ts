/**
 * One `kafka.Kafka` process on this machine, followed through the engine's events: it logs the
 * startup as the broker connects to ZooKeeper / registers with the KRaft controller, reports
 * `started` or a fatal startup error, and logs the shutdown when it is stopped (Ctrl-C, SIGTERM from
 * `kafka-server-stop.sh`). It lives on the cluster clock, so a `-daemon` server keeps logging to
 * `logs/kafkaServer.out` after the script returned.
 */
import type { ClusterHost } from '../../../host/clusterHost';
import type { SimEvent } from '../../../../sim/index';
import type { BrokerLogInfo } from './kafkaLog';
import {
  kraftBecameActive,
  kraftStartupBegin,
  kraftUnfenced,
  zkConnected,
  zkConnectRefused,
  zkReconnected,
  zkRegistered,
  zkStartupBegin,
} from './kafkaLog';
import {
  fatalStartup,
  interruptedWhileStarting,
  shutdownBegin,
  shutdownEnd,
  zkClientClosing,
  zkConnectionLost,
} from './kafkaStopLog';
import type { LogWriter } from './logWriter';
import { parseLogText } from './logWriter';

type Phase = 'starting' | 'connected' | 'started' | 'stopping' | 'ended';

export interface KafkaServerRunOptions {
  host: ClusterHost;
  broker: BrokerLogInfo;
  log: LogWriter;
  /** The server logged `started`. */
  onStarted(): void;
  /** The JVM exited with `status` (1: fatal startup error, 130/143: signal, 137: killed). */
  onEnd(status: number): void;
}

export class KafkaServerRun {
  private phase: Phase = 'starting';
  private signal: 'SIGINT' | 'SIGTERM' = 'SIGTERM';
  private sessionId = '0x0';
  /** The ZooKeeper connection was lost after startup (ZooKeeper stopped). */
  private disconnected = false;
  private shutdownStartedAt = 0;
  private retryTimer: number | undefined;
  private readonly unsubscribe: () => void;

  constructor(private readonly o: KafkaServerRunOptions) {
    this.unsubscribe = o.host.cluster.subscribe((e) => this.onEvent(e));
  }

  private get b(): BrokerLogInfo {
    return this.o.broker;
  }

  /** Logs the first lines; the rest follow the broker's progress. */
  begin(): void {
    const { log } = this.o;
    if (this.b.kraft) {
      log.write(kraftStartupBegin(this.b));
      this.checkUnfenced();
    } else {
      log.write(zkStartupBegin(this.b));
      this.scheduleRetry();
    }
  }

  /** SIGINT (Ctrl-C) or SIGTERM: the shutdown hook runs KafkaServer.shutdown (controlled shutdown). */
  stop(signal: 'SIGINT' | 'SIGTERM'): void {
    if (this.phase === 'ended' || this.phase === 'stopping') return;
    this.signal = signal;
    const cluster = this.o.host.cluster;
    if (this.phase !== 'started' && !this.b.kraft) {
      this.o.log.write(interruptedWhileStarting(signal));
      this.end(1);
      cluster.stopBroker(this.b.id, { crash: true });
      return;
    }
    this.beginShutdown();
    cluster.stopBroker(this.b.id);
  }

  /** The process is gone (kill -9): the broker dies with it, without a word. */
  processGone(): void {
    if (this.phase === 'ended') return;
    this.dispose();
    this.o.host.cluster.stopBroker(this.b.id, { crash: true });
  }

  private end(status: number): void {
    if (this.phase === 'ended') return;
    this.dispose();
    this.o.onEnd(status);
  }

  private dispose(): void {
    this.phase = 'ended';
    this.unsubscribe();
    if (this.retryTimer !== undefined) this.o.host.cluster.scheduler.cancel(this.retryTimer);
  }

  private beginShutdown(): void {
    if (this.phase === 'stopping') return;
    this.phase = 'stopping';
    this.shutdownStartedAt = this.o.host.cluster.now;
    this.o.log.write(shutdownBegin(this.b, this.signal));
  }

  /** While nothing listens on the ZooKeeper port, ClientCnxn retries about once a second. */
  private scheduleRetry(): void {
    const cluster = this.o.host.cluster;
    this.retryTimer = cluster.scheduler.schedule(1000, () => {
      this.retryTimer = undefined;
      if (this.phase !== 'starting' && !(this.phase === 'started' && this.disconnected)) return;
      if (!this.o.host.zk?.zookeeper.isRunning) this.o.log.write(zkConnectRefused(this.b));
      this.scheduleRetry();
    });
  }

  private checkUnfenced(): void {
    if (this.phase !== 'starting' || !this.b.kraft) return;
    const cluster = this.o.host.cluster;
    const reg = cluster.driver.latestImage()?.brokers.get(this.b.id);
    if (!reg || reg.fenced || !cluster.brokers.get(this.b.id)?.isRunning) return;
    this.phase = 'started';
    this.o.log.write(kraftUnfenced(this.b, cluster.wallClockMs));
    this.o.onStarted();
  }

  private onEvent(e: SimEvent): void {
    if (this.phase === 'ended') return;
    const id = this.b.id;
    const node = `broker-${id}`;
    const cluster = this.o.host.cluster;
    const { log } = this.o;
    switch (e.type) {
      case 'zk.client.connected':
        if (e['clientId'] !== node) return;
        this.sessionId = String(e['sessionId']);
        if (this.phase === 'started' && this.disconnected) {
          // ZooKeeper is back: the client resumes its session.
          this.disconnected = false;
          log.write(zkReconnected(this.b, this.sessionId, Number(e['sessionTimeoutMs'])));
        }
        if (this.phase !== 'starting') return;
        this.phase = 'connected';
        log.write(
          zkConnected(
            this.b,
            this.sessionId,
            Number(e['sessionTimeoutMs']),
            32768 + cluster.rng.fork(`zk-client-port-${node}-${cluster.now}`).int(28000),
          ),
        );
        return;
      case 'zk.node.created':
        if (e['path'] !== `/brokers/ids/${id}` || this.phase !== 'connected') return;
        this.phase = 'started';
        log.write(
          zkRegistered(
            this.b,
            {
              zxid: Number(e['zxid']),
              ctimeMs: cluster.wallClockMs,
              ephemeralOwner: String(e['ephemeralOwner']),
              dataLength: brokerJson(this.b, cluster.wallClockMs).length,
            },
            cluster.wallClockMs,
          ),
        );
        this.o.onStarted();
        return;
      case 'zk.client.disconnected':
        if (e['clientId'] !== node || this.phase !== 'started' || this.disconnected) return;
        this.disconnected = true;
        log.write(zkConnectionLost(this.b, this.sessionId));
        if (this.retryTimer === undefined) this.scheduleRetry();
        return;
      case 'controller.elected':
        if (
          this.b.kraft &&
          this.b.controller &&
          e['controller'] === id &&
          this.phase === 'starting'
        )
          log.write(kraftBecameActive(this.b, Number(e['epoch'])));
        break;
      case 'broker.start.failed': {
        if (e['broker'] !== id) return;
        const lines = (e['log'] as string[]).map(parseLogText);
        const timeout = lines.some(
          (l) => 'raw' in l && l.raw.includes('ZooKeeperClientTimeoutException'),
        );
        log.write(
          fatalStartup(
            this.b,
            [...(timeout ? zkClientClosing() : []), ...lines],
            lines.some((l) => 'message' in l && l.message.startsWith('[KafkaServer id=')),
          ),
        );
        return this.end(1);
      }
      case 'broker.shutting-down':
        if (e['broker'] === id) this.beginShutdown();
        return;
      case 'broker.stopped':
        if (e['broker'] !== id) return;
        if (e['clean'] === false) return this.end(137);
        this.beginShutdown();
        log.write(
          shutdownEnd(this.b, Math.max(1, cluster.now - this.shutdownStartedAt), this.sessionId),
        );
        return this.end(this.signal === 'SIGINT' ? 130 : 143);
    }
    this.checkUnfenced();
  }
}

/** The `/brokers/ids/N` znode data (BrokerInfo.toJson), for its stat's data length. */
function brokerJson(b: BrokerLogInfo, timestamp: number): string {
  return JSON.stringify({
    features: {},
    listener_security_protocol_map: { [b.listenerName]: 'PLAINTEXT' },
    endpoints: [`${b.listenerName}://${b.host}:${b.port}`],
    jmx_port: -1,
    port: b.port,
    host: b.host,
    version: 5,
    timestamp: String(timestamp),
  });
}
