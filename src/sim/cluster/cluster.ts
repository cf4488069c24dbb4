/**
 * A simulated Apache Kafka 3.9 cluster: brokers, a controller (ZooKeeper or KRaft mode), the
 * network between them, clients, and virtual time. Everything is driven by one seeded PRNG and the
 * {@link Scheduler}, so the same seed and the same calls give the same events (DESIGN §3).
 */
import { Broker } from '../broker/broker';
import { BrokerConfig } from '../config/brokerDefaults';
import { EventBus } from '../events/bus';
import type { EventListener } from '../events/bus';
import { Network, brokerNode } from '../network/network';
import { Prng } from '../random/prng';
import { Scheduler } from '../time/scheduler';
import type { ModeDriver } from './modeDriver';
import { createKraftDriver } from './kraftDriver';
import { createZkDriver } from './zkDriver';
import { routeBrokerRequest } from './brokerRequests';
import { Admin } from './admin';
import { Future } from './future';
import { takeSnapshot } from './snapshot';
import type { ClusterSnapshot } from './snapshot';
import { watchDataLoss } from './dataLoss';
import { installGroupCoordinators } from './groupWiring';
import { clientTransport } from './clientTransport';
import { Consumer, Producer } from '../clients/index';

/** Options of {@link createCluster}. */
export interface ClusterOptions {
  /** Brokers to create and start, ids 1..n (0 = start empty). Default 3. */
  brokers?: number;
  /** Seed of every random choice. Default 1. */
  seed?: number;
  /** Controller mode. Default 'zookeeper' (the notes' docker-compose cluster). */
  mode?: 'kraft' | 'zookeeper';
  /** Broker config for every broker (server.properties keys). */
  config?: Record<string, string>;
  /** Per-broker config overrides. */
  brokerConfigs?: Record<number, Record<string, string>>;
  /**
   * KRaft only: `'dedicated'` (default) runs a quorum of 3 controller processes with node ids
   * 1001–1003 beside the brokers; `'combined'` makes brokers 1–3 `broker,controller` nodes, as the
   * single-node quickstart does (stopping a broker then also stops a voter).
   */
  kraftControllers?: 'dedicated' | 'combined';
  /** ZooKeeper mode: whether the ZooKeeper server starts with the cluster (default true). */
  zookeeperRunning?: boolean;
  /** Host name of every broker (default `localhost`); broker n listens on port 9091 + n. */
  host?: string;
}

/** Wall-clock time of virtual ms 0: 2025-01-01T00:00:00Z, so timestamps look like real ones. */
export const epochBaseMs = 1_735_689_600_000;

export class Cluster {
  readonly scheduler = new Scheduler();
  readonly bus = new EventBus(this.scheduler);
  readonly rng: Prng;
  readonly network: Network;
  readonly brokers = new Map<number, Broker>();
  readonly mode: 'kraft' | 'zookeeper';
  readonly clusterId: string;
  readonly driver: ModeDriver;
  readonly admin: Admin;
  /** server.properties shared by all brokers (per-broker overrides in brokerConfigs). */
  readonly baseConfig: Record<string, string>;
  private readonly brokerOverrides: Record<number, Record<string, string>>;
  private nextProducerId = 0;
  /**
   * Replaces how `host:port` bootstrap servers map to brokers (the CLI host knows containers'
   * internal listeners and port mappings).
   */
  bootstrapResolver: ((servers: string) => number[]) | undefined;
  /** Installed by the group layer: plain-data consumer groups for snapshots. */
  groupSnapshots: (() => unknown[]) | undefined;
  private clientSeq = 0;
  private producerSeq = 0;
  private consumerSeq = 0;

  constructor(readonly options: ClusterOptions = {}) {
    this.rng = new Prng(options.seed ?? 1);
    this.mode = options.mode ?? 'zookeeper';
    this.network = new Network(this.scheduler, this.rng.fork('network'), this.bus);
    this.clusterId = this.rng.fork('cluster-id').kafkaUuid();
    this.baseConfig = { ...(options.config ?? {}) };
    this.brokerOverrides = { ...(options.brokerConfigs ?? {}) };
    const n = options.brokers ?? 3;
    const combined = options.kraftControllers === 'combined';
    this.driver =
      this.mode === 'kraft'
        ? createKraftDriver(this, {
            combined,
            voters: combined
              ? Array.from({ length: Math.min(3, Math.max(n, 1)) }, (_, i) => i + 1)
              : [1001, 1002, 1003],
          })
        : createZkDriver(this);
    this.admin = new Admin(this);
    watchDataLoss(this);
    installGroupCoordinators(this);
    if (this.mode === 'kraft' || options.zookeeperRunning !== false) this.driver.boot();
    for (let id = 1; id <= n; id++) this.addBroker(id);
    for (let id = 1; id <= n; id++) this.startBroker(id);
  }

  /** Current virtual time, ms since the cluster was created. */
  get now(): number {
    return this.scheduler.now;
  }

  /** Wall-clock epoch ms of the current virtual time (record timestamps). */
  get wallClockMs(): number {
    return epochBaseMs + this.scheduler.now;
  }

  /** Advances virtual time by `ms`, running everything that happens meanwhile. */
  advance(ms: number): void {
    this.scheduler.advance(ms);
  }

  /** Advances time until `future` settles or `maxMs` passed; returns it. */
  settle<T>(future: Future<T>, maxMs = 120_000): Future<T> {
    const deadline = this.scheduler.now + maxMs;
    while (!future.isDone && this.scheduler.now < deadline) {
      const next = this.scheduler.nextDue();
      if (next === undefined) break;
      this.scheduler.runUntil(Math.min(Math.max(next, this.scheduler.now), deadline));
    }
    return future;
  }

  /** Attaches an event listener; returns the function that detaches it. */
  subscribe(listener: EventListener): () => void {
    return this.bus.subscribe(listener);
  }

  /** Plain, serialisable state of the whole cluster (DESIGN §3). */
  snapshot(): ClusterSnapshot {
    return takeSnapshot(this);
  }

  // ---- Brokers ---------------------------------------------------------------------------------

  /** Effective config of broker `id`: server.properties, per-broker overrides, then its id and listener. */
  brokerConfig(id: number): BrokerConfig {
    return BrokerConfig.withOverrides(this.baseConfig, this.brokerOverrides[id], {
      'broker.id': String(id),
      'node.id': String(id),
    });
  }

  /**
   * Creates broker `id` (not started). Scale-out: add a broker, then start it. `endpoint` is the
   * advertised listener clients use (default `localhost`, port 9091 + id).
   */
  addBroker(
    id?: number,
    config?: Record<string, string>,
    endpoint?: { host: string; port: number },
  ): Broker {
    const brokerId = id ?? Math.max(0, ...this.brokers.keys()) + 1;
    const existing = this.brokers.get(brokerId);
    if (existing) return existing;
    if (config)
      this.brokerOverrides[brokerId] = { ...(this.brokerOverrides[brokerId] ?? {}), ...config };
    const broker = new Broker(
      brokerId,
      endpoint?.host ?? this.options.host ?? 'localhost',
      endpoint?.port ?? 9091 + brokerId,
      this.brokerConfig(brokerId),
      {
        scheduler: this.scheduler,
        network: this.network,
        bus: this.bus,
        controller: this.driver.channel,
        epochBaseMs,
      },
    );
    broker.peerFetch = (leaderId, request, respond) => {
      const leader = this.brokers.get(leaderId);
      if (leader?.isRunning || leader?.state === 'shutting-down')
        leader.replicaManager.handleFetch(request, respond);
    };
    broker.handlers.set('*', (request, respond, from) =>
      routeBrokerRequest(this, broker, request, respond, from),
    );
    this.network.setUp(broker.node, false);
    this.brokers.set(brokerId, broker);
    this.bus.emit('broker.added', { broker: brokerId, host: broker.host, port: broker.port });
    return broker;
  }

  /** Starts broker `id` (its logs are kept from before it stopped). */
  startBroker(id: number): void {
    const b = this.brokers.get(id);
    if (!b || b.state !== 'stopped') return;
    b.config = this.brokerConfig(id);
    b.start();
    this.driver.onBrokerProcessStarted(id);
  }

  /**
   * Stops broker `id`. Clean (default): controlled shutdown first, like `kafka-server-stop.sh` or
   * `docker stop`; `crash: true`: the process dies at once, like `kill -9`.
   */
  stopBroker(id: number, opts: { crash?: boolean } = {}): Future<void> {
    const f = new Future<void>();
    const b = this.brokers.get(id);
    if (!b || b.state === 'stopped') {
      f.resolve();
      return f;
    }
    b.stop(!opts.crash, () => {
      this.driver.onBrokerProcessStopped(id);
      f.resolve();
    });
    return f;
  }

  /** Cuts broker `id` off the network (it keeps running). */
  isolateBroker(id: number): void {
    this.network.isolate(brokerNode(id));
  }

  /** Reconnects a broker cut off with {@link isolateBroker}. */
  healBroker(id: number): void {
    this.network.rejoin(brokerNode(id));
  }

  /** Cuts the link between two nodes (`broker-1`, `zookeeper`, …). */
  cutLink(a: string, b: string): void {
    this.network.cut(a, b);
  }

  healLink(a: string, b: string): void {
    this.network.heal(a, b);
  }

  /** Broker ids whose process is running. */
  runningBrokers(): number[] {
    return [...this.brokers.values()].filter((b) => b.isRunning).map((b) => b.id);
  }

  // ---- Clients ---------------------------------------------------------------------------------

  /**
   * A producer connected to `bootstrap.servers` (default: every broker), configured with Kafka's
   * producer property names.
   */
  createProducer(props: Record<string, string> = {}): Producer {
    const clientId = props['client.id'] ?? `producer-${++this.producerSeq}`;
    return new Producer(
      clientTransport(this, clientId, props['bootstrap.servers'] ?? this.allBootstrapServers()),
      { ...props, 'client.id': clientId },
    );
  }

  /** A consumer connected to `bootstrap.servers` (default: every broker). */
  createConsumer(props: Record<string, string> = {}): Consumer {
    const clientId =
      props['client.id'] ?? `consumer-${props['group.id'] ?? 'null'}-${++this.consumerSeq}`;
    return new Consumer(
      clientTransport(this, clientId, props['bootstrap.servers'] ?? this.allBootstrapServers()),
      { ...props, 'client.id': clientId },
    );
  }

  /** `host:port` of every broker, comma-separated. */
  allBootstrapServers(): string {
    return [...this.brokers.values()].map((b) => `${b.host}:${b.port}`).join(',');
  }

  /** A fresh producer id for InitProducerId (KIP-98), allocated in order. */
  allocateProducerId(): number {
    return this.nextProducerId++;
  }

  /** A unique client node name on the network. */
  clientNode(clientId: string): string {
    return `client-${clientId}-${++this.clientSeq}`;
  }

  /** Resolves `host:port[,host:port]` bootstrap servers to broker ids. Unknown ones are dropped. */
  resolveBootstrap(servers: string): number[] {
    if (this.bootstrapResolver) return this.bootstrapResolver(servers);
    const ids: number[] = [];
    for (const s of servers.split(',')) {
      const [host, portText] = s.trim().split(':');
      const port = Number(portText);
      for (const b of this.brokers.values())
        if (
          b.port === port &&
          (host === b.host ||
            host === 'localhost' ||
            host === '127.0.0.1' ||
            host === `kafka${b.id}` ||
            host === `broker${b.id}` ||
            host === 'host.docker.internal')
        )
          ids.push(b.id);
    }
    return [...new Set(ids)];
  }
}

/** Creates and starts a simulated cluster (DESIGN §3). */
export function createCluster(options: ClusterOptions = {}): Cluster {
  return new Cluster(options);
}
