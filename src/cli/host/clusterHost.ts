/**
 * The machine the learner's terminal runs on: the simulated cluster plus the processes and
 * containers that make it up. Lifecycle commands (`zookeeper-server-start.sh`,
 * `kafka-server-start.sh`, `kafka-storage.sh format`, `docker compose up`, `docker stop kafka2`)
 * act here; every Kafka tool reaches brokers through {@link ClusterHost.resolveBootstrap}.
 */
import { createCluster } from '../../sim/index';
import type { Cluster } from '../../sim/index';
import type { ZkDriver } from '../../sim/cluster/zkDriver';
import { VirtualFs } from './virtualFs';
import { kafkaDistributionFiles, kafkaHome } from './kafkaDistribution';
import { confluentEnvToProperties, defaultComposeYaml, parseCompose } from './composeFile';
import type { ComposeService } from './composeFile';

/** Which cluster a session starts with (DESIGN §4 `kafka-sim` options). */
export type HostPreset = 'compose' | 'kraft' | 'empty';

export interface HostOptions {
  preset?: HostPreset;
  mode?: 'zookeeper' | 'kraft';
  /** For `compose`/`kraft`: how many brokers (default 3). */
  brokers?: number;
  seed?: number;
  /** For `compose`: the compose file (default: the notes' file). */
  composeYaml?: string;
}

/** A container of the compose project. */
export interface Container {
  name: string;
  service: ComposeService;
  running: boolean;
  /** Virtual ms it was created / last started. */
  createdAt: number;
  startedAt: number;
  brokerId?: number;
}

/** One listener a broker is reachable on. */
interface Endpoint {
  hosts: string[];
  port: number;
}

/** Outcome of starting a server process. */
export type StartResult = { ok: true; brokerId?: number } | { ok: false; error: string[] };

export class ClusterHost {
  readonly cluster: Cluster;
  readonly fs: VirtualFs;
  readonly mode: 'zookeeper' | 'kraft';
  readonly containers = new Map<string, Container>();
  /** Broker ids started on this machine with `kafka-server-start.sh` (not in containers). */
  readonly localBrokers = new Set<number>();
  /** Whether a ZooKeeper started with `zookeeper-server-start.sh` runs on this machine. */
  localZooKeeper = false;
  /** KRaft: log directories formatted with `kafka-storage.sh format`, with their cluster id. */
  readonly formattedLogDirs = new Map<string, string>();
  private readonly endpoints = new Map<number, Endpoint[]>();

  constructor(options: HostOptions = {}) {
    const preset = options.preset ?? 'compose';
    this.mode = options.mode ?? (preset === 'kraft' ? 'kraft' : 'zookeeper');
    this.fs = new VirtualFs(kafkaDistributionFiles());
    const composeYaml = options.composeYaml ?? defaultComposeYaml;
    this.fs.write('/root/docker-compose.yml', composeYaml);
    const seed = options.seed ?? 1;
    if (preset === 'empty') {
      this.cluster = createCluster({
        brokers: 0,
        seed,
        mode: this.mode,
        zookeeperRunning: false,
        kraftControllers: 'combined',
      });
    } else if (this.mode === 'kraft') {
      this.cluster = createCluster({ brokers: options.brokers ?? 3, seed, mode: 'kraft' });
      for (const id of this.cluster.brokers.keys())
        this.endpoints.set(id, [{ hosts: ['localhost', '127.0.0.1'], port: 9091 + id }]);
    } else {
      this.cluster = createCluster({
        brokers: 0,
        seed,
        mode: 'zookeeper',
        zookeeperRunning: false,
      });
      this.composeUp(composeYaml);
    }
    this.cluster.bootstrapResolver = (servers) => this.resolveBootstrap(servers);
    // Let the cluster settle (registration, controller election) before the first command.
    this.cluster.advance(5_000);
  }

  /** The ZooKeeper-mode driver (undefined in KRaft mode). */
  get zk(): ZkDriver | undefined {
    return this.mode === 'zookeeper' ? (this.cluster.driver as ZkDriver) : undefined;
  }

  /**
   * Broker ids that `host:port[,host:port]` reaches: the advertised listener, `localhost` on a
   * published port, or a container's internal listener (`kafka1:29092`). Unknown ones are dropped.
   */
  resolveBootstrap(servers: string): number[] {
    const ids: number[] = [];
    for (const entry of servers.split(',')) {
      const m = /^\s*(?:[a-zA-Z]+:\/\/)?\[?([^\]]*?)\]?:(\d+)\s*$/.exec(entry);
      if (!m) continue;
      const [, host, portText] = m as unknown as [string, string, string];
      const port = Number(portText);
      for (const [id, endpoints] of this.endpoints)
        if (
          endpoints.some((e) => e.port === port && (e.hosts.includes(host) || host === '0.0.0.0'))
        )
          ids.push(id);
    }
    return [...new Set(ids)];
  }

  // ---- Compose -------------------------------------------------------------------------------

  /** `docker compose up -d`: creates (or starts) the project's containers. */
  composeUp(yaml: string): { created: string[]; started: string[] } {
    const services = parseCompose(yaml);
    const created: string[] = [];
    const started: string[] = [];
    const ordered = [
      ...services.filter((s) => s.kind === 'zookeeper'),
      ...services.filter((s) => s.kind !== 'zookeeper'),
    ];
    for (const service of ordered) {
      let c = this.containers.get(service.containerName);
      if (!c) {
        c = {
          name: service.containerName,
          service,
          running: false,
          createdAt: this.cluster.now,
          startedAt: this.cluster.now,
        };
        this.containers.set(c.name, c);
        created.push(c.name);
      }
      if (!c.running) {
        this.startContainer(c.name);
        started.push(c.name);
      }
    }
    return { created, started };
  }

  /** `docker compose down`: stops and removes the containers (their data goes with them). */
  composeDown(): string[] {
    const removed: string[] = [];
    for (const c of [...this.containers.values()].reverse()) {
      this.removeContainer(c.name);
      removed.push(c.name);
    }
    return removed;
  }

  /** `docker rm -f NAME`: stops the container and removes it with its data; false when unknown. */
  removeContainer(name: string): boolean {
    const c = this.containers.get(name);
    if (!c) return false;
    this.stopContainer(c.name, false);
    if (c.brokerId !== undefined) {
      const broker = this.cluster.brokers.get(c.brokerId);
      broker?.logs.clear();
      this.endpoints.delete(c.brokerId);
    }
    this.containers.delete(c.name);
    return true;
  }

  /** `docker start NAME`. Returns false when there is no such container. */
  startContainer(name: string): boolean {
    const c = this.containers.get(name);
    if (!c) return false;
    if (c.running) return true;
    c.running = true;
    c.startedAt = this.cluster.now;
    if (c.service.kind === 'zookeeper') {
      this.zk?.startZooKeeper();
    } else if (c.service.kind === 'kafka') {
      const props = confluentEnvToProperties(c.service.environment);
      const id = Number(props['broker.id'] ?? props['node.id'] ?? 1);
      c.brokerId = id;
      const external = /EXTERNAL:\/\/([^:,]+):(\d+)/.exec(props['advertised.listeners'] ?? '');
      const internal = /INTERNAL:\/\/([^:,]+):(\d+)/.exec(props['advertised.listeners'] ?? '');
      const published = c.service.ports[0]?.host ?? 9092;
      const hostName = external?.[1] ?? 'localhost';
      const endpoints: Endpoint[] = [
        { hosts: ['localhost', '127.0.0.1', hostName], port: Number(external?.[2] ?? published) },
      ];
      if (internal) endpoints.push({ hosts: [internal[1]!, name], port: Number(internal[2]) });
      this.endpoints.set(id, endpoints);
      this.cluster.addBroker(id, brokerOverrides(props), {
        host: hostName,
        port: Number(external?.[2] ?? published),
      });
      this.cluster.startBroker(id);
    }
    return true;
  }

  /** `docker stop NAME` (clean: SIGTERM) or `docker kill NAME` (crash). */
  stopContainer(name: string, crash = false): boolean {
    const c = this.containers.get(name);
    if (!c) return false;
    if (!c.running) return true;
    c.running = false;
    if (c.service.kind === 'zookeeper') this.zk?.stopZooKeeper();
    else if (c.brokerId !== undefined) this.cluster.stopBroker(c.brokerId, { crash });
    return true;
  }

  // ---- Processes on this machine ---------------------------------------------------------------

  /** `zookeeper-server-start.sh config/zookeeper.properties`. */
  startZooKeeper(props: Record<string, string>): StartResult {
    const zk = this.zk;
    if (!zk) return { ok: false, error: ['ZooKeeper is not part of this KRaft cluster.'] };
    const port = Number(props['clientPort'] ?? 2181);
    if (zk.zookeeper.isRunning)
      return {
        ok: false,
        error: [
          `ERROR Unexpected exception, exiting abnormally (org.apache.zookeeper.server.ZooKeeperServerMain)`,
          `java.net.BindException: Address already in use`,
          `\tat org.apache.zookeeper.server.NIOServerCnxnFactory.configure(NIOServerCnxnFactory.java:662) [port ${port}]`,
        ],
      };
    zk.startZooKeeper();
    this.localZooKeeper = true;
    return { ok: true };
  }

  /** `zookeeper-server-stop.sh`: stops the local ZooKeeper; false when none runs. */
  stopZooKeeper(): boolean {
    if (!this.localZooKeeper) return false;
    this.localZooKeeper = false;
    this.zk?.stopZooKeeper();
    return true;
  }

  /**
   * `kafka-server-start.sh config/server.properties [--override k=v]`: starts a broker with those
   * properties (`broker.id`/`node.id`, `listeners`, …).
   */
  startKafka(props: Record<string, string>): StartResult {
    const kraft = props['process.roles'] !== undefined;
    if (kraft !== (this.mode === 'kraft'))
      return {
        ok: false,
        error: [
          kraft
            ? 'This workbench session runs a ZooKeeper-mode cluster; start kafka-sim with --mode kraft to run KRaft nodes.'
            : 'This workbench session runs a KRaft cluster; start kafka-sim with --mode zookeeper to run ZooKeeper-mode brokers.',
        ],
      };
    const id = Number(props[kraft ? 'node.id' : 'broker.id'] ?? (kraft ? 1 : 0));
    if (kraft) {
      const dir = (props['log.dirs'] ?? props['log.dir'] ?? '/tmp/kraft-combined-logs').split(
        ',',
      )[0]!;
      if (!this.formattedLogDirs.has(dir))
        return {
          ok: false,
          error: [
            `ERROR Exiting Kafka due to fatal exception (kafka.Kafka$)`,
            `java.lang.RuntimeException: No readable meta.properties files found.`,
          ],
        };
    }
    const listener = /(?:PLAINTEXT|EXTERNAL|[A-Z_]+):\/\/([^:,]*):(\d+)/.exec(
      props['advertised.listeners'] ?? props['listeners'] ?? '',
    );
    const port = Number(listener?.[2] ?? 9092);
    const host = listener?.[1] || 'localhost';
    for (const [other, endpoints] of this.endpoints)
      if (
        other !== id &&
        this.cluster.brokers.get(other)?.isRunning &&
        endpoints.some((e) => e.port === port)
      )
        return {
          ok: false,
          error: [
            `ERROR [KafkaServer id=${id}] Fatal error during KafkaServer startup. Prepare to shutdown (kafka.server.KafkaServer)`,
            `org.apache.kafka.common.KafkaException: Socket server failed to bind to 0.0.0.0:${port}: Address already in use.`,
          ],
        };
    if (this.cluster.brokers.get(id)?.isRunning)
      return { ok: false, error: [`ERROR Broker ${id} is already running on this machine.`] };
    this.endpoints.set(id, [{ hosts: ['localhost', '127.0.0.1', host], port }]);
    this.cluster.addBroker(id, brokerOverrides(props), { host, port });
    this.cluster.startBroker(id);
    this.localBrokers.add(id);
    return { ok: true, brokerId: id };
  }

  /** `kafka-server-stop.sh`: SIGTERM to every Kafka process on this machine; how many there were. */
  stopLocalKafka(): number {
    let stopped = 0;
    for (const id of this.localBrokers) {
      if (!this.cluster.brokers.get(id)?.isRunning) continue;
      this.cluster.stopBroker(id);
      stopped++;
    }
    return stopped;
  }
}

/** Broker settings from properties, without the ones the host handles itself. */
function brokerOverrides(props: Record<string, string>): Record<string, string> {
  const out = { ...props };
  for (const k of [
    'broker.id',
    'node.id',
    'listeners',
    'advertised.listeners',
    'log.dirs',
    'zookeeper.connect',
  ])
    delete out[k];
  return out;
}

export { kafkaHome };
