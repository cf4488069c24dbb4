/**
 * The `Admin` client kafka-topics creates (`Admin.create(props)` in `TopicService`), on top of the
 * engine's admin requests. It does what Kafka's KafkaAdminClient does around a request:
 * - `bootstrap.servers` is checked when the client is built (ClientUtils.parseAndValidateAddresses):
 *   a malformed address or one whose host does not resolve fails with a ConfigException;
 * - a call waits for a node it can connect to: first a bootstrap address (nodes -1, -2, …), then,
 *   once a Metadata answer named the brokers, any live broker. A refused connection logs
 *   NetworkClient's WARN and backs off (reconnect.backoff.ms 50, doubling to
 *   reconnect.backoff.max.ms 1000, ±20% jitter); a call that finds no node within
 *   default.api.timeout.ms (60 s) fails with `Timed out waiting for a node assignment. Call: <name>`.
 * All waiting happens in virtual time.
 */
import { Future } from '../../../../sim/cluster/future';
import type { CreateTopicRequest } from '../../../../sim/controller/controllerLogic';
import type { MetadataResponse } from '../../../../sim/protocol/messages';
import type { ProcessContext } from '../../../runtime/types';
import { log4jLine } from '../common/log4j';
import { exceptionFromEngine, nodeAssignmentTimeout } from './apiExceptions';
import type { JavaThrowable } from './javaThrowable';
import { JavaException } from './javaThrowable';
import { adminCreateFailure } from './topicCommandTraces';

/** `default.api.timeout.ms` of the admin client, ms. */
export const DEFAULT_API_TIMEOUT_MS = 60_000;
const RECONNECT_BACKOFF_MS = 50;
const RECONNECT_BACKOFF_MAX_MS = 1_000;
const RECONNECT_BACKOFF_JITTER = 0.2;
/** How often a pending call checks that its brokers are still reachable, ms. */
const CONNECTION_CHECK_MS = 100;

/** The outcome of an admin call. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: JavaThrowable };

/** A node the client connects to: a bootstrap address (id -1, -2, …) or a broker it learned of. */
interface Node {
  readonly nodeId: number;
  /** `InetSocketAddress.toString()`: `localhost/127.0.0.1:9092`, `/127.0.0.1:9092`. */
  readonly socketAddress: string;
  /** The broker listening there when it is up (bootstrap addresses: looked up on each attempt). */
  readonly broker: () => number | undefined;
  failedAttempts: number;
  nextAttemptAt: number;
}

/** `Utils.HOST_PORT_PATTERN`. */
const HOST_PORT = /^.*?\[?([0-9a-zA-Z\-%._:]*)\]?:([0-9]+)$/s;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** The admin client of one kafka-topics process. */
export class TopicAdminClient {
  /** Brokers named by the last Metadata answer (after that the client no longer uses bootstrap). */
  private brokers: Node[] | undefined;
  /** The broker that answered the last request. */
  private lastBroker: number | undefined;
  private readonly jitter: () => number;

  private constructor(
    private readonly ctx: ProcessContext,
    private readonly bootstrap: Node[],
  ) {
    const rng = ctx.host.cluster.rng.fork(`adminclient-reconnect-${ctx.clock.now()}`);
    this.jitter = () => 1 - RECONNECT_BACKOFF_JITTER + rng.float() * 2 * RECONNECT_BACKOFF_JITTER;
  }

  /**
   * `Admin.create({bootstrap.servers})`. Throws the KafkaException Kafka throws when the addresses
   * are unusable, after logging each host that does not resolve.
   */
  static create(ctx: ProcessContext, bootstrapServers: string): TopicAdminClient {
    // ConfigDef LIST parsing: split at commas with surrounding whitespace, empty entries skipped.
    const trimmed = bootstrapServers.trim();
    const urls = trimmed === '' ? [] : trimmed.split(/\s*,\s*/);
    if (urls.length === 0)
      throw new JavaException(
        adminCreateFailure('You must set either bootstrap.servers or bootstrap.controllers'),
      );
    const nodes: Node[] = [];
    for (const url of urls) {
      if (url === '') continue;
      const m = HOST_PORT.exec(url);
      if (!m)
        throw new JavaException(adminCreateFailure(`Invalid url in bootstrap.servers: ${url}`));
      const host = m[1] as string;
      const port = Number(m[2]);
      if (!Number.isSafeInteger(port) || port > 65535)
        throw new JavaException(adminCreateFailure(`Invalid port in bootstrap.servers: ${url}`));
      const ip = resolveHost(ctx, host, port);
      if (ip === undefined) {
        ctx.stderr(
          log4jLine(
            ctx.clock.wallClockMs(),
            'WARN',
            `Couldn't resolve server ${url} from bootstrap.servers as DNS resolution failed for ${host}`,
            'org.apache.kafka.clients.ClientUtils',
          ),
        );
        continue;
      }
      const shownHost = IPV4.test(host) || host.includes(':') ? '' : host;
      nodes.push({
        nodeId: -(nodes.length + 1),
        socketAddress: `${shownHost}/${ip}:${port}`,
        broker: () => ctx.host.resolveBootstrap(`${host}:${port}`)[0],
        failedAttempts: 0,
        nextAttemptAt: 0,
      });
    }
    if (nodes.length === 0)
      throw new JavaException(
        adminCreateFailure('No resolvable bootstrap urls given in bootstrap.servers'),
      );
    return new TopicAdminClient(ctx, nodes);
  }

  /** The broker that answered the last request (its metadata cache and configs), if any. */
  get broker(): number | undefined {
    return this.lastBroker;
  }

  /** ListTopics: every topic (internal ones only with `listInternal`), with its id. */
  listTopics(
    listInternal: boolean,
    done: (r: Result<{ name: string; topicId: string; internal: boolean }[]>) => void,
  ): void {
    this.metadata('listTopics', null, (r) => {
      if (!r.ok) return done(r);
      done({
        ok: true,
        value: r.value.topics
          .filter((t) => t.error === 'NONE' && (listInternal || !t.isInternal))
          .map((t) => ({ name: t.name, topicId: t.topicId, internal: t.isInternal })),
      });
    });
  }

  /** A Metadata request named `callName` (describeTopics, describeConfigs, listNodes, …). */
  metadata(
    callName: string,
    topics: string[] | null,
    done: (r: Result<MetadataResponse>) => void,
  ): void {
    this.call(
      callName,
      (candidates) =>
        this.ctx.host.cluster.admin.call<MetadataResponse>(callName, candidates, {
          kind: 'Metadata',
          clientId: 'adminclient-1',
          topics,
          allowAutoTopicCreation: false,
        }),
      (r) => {
        if (r.ok) this.learnBrokers(r.value);
        done(r);
      },
    );
  }

  /** CreateTopics for one topic. */
  createTopic(req: CreateTopicRequest, done: (r: Result<void>) => void): void {
    this.allOf('createTopics', [(ids) => this.ctx.host.cluster.admin.createTopic(req, ids)], done);
  }

  /** DeleteTopics: one request for all names; fails with the first topic's error. */
  deleteTopics(names: readonly string[], done: (r: Result<void>) => void): void {
    if (names.length === 0) return done({ ok: true, value: undefined });
    this.allOf(
      'deleteTopics',
      names.map((name) => (ids: number[]) => this.ctx.host.cluster.admin.deleteTopic(name, ids)),
      done,
    );
  }

  /** CreatePartitions: grow each topic to its count, with optional replica assignments. */
  createPartitions(
    increases: readonly { topic: string; totalCount: number; assignments?: number[][] }[],
    done: (r: Result<void>) => void,
  ): void {
    if (increases.length === 0) return done({ ok: true, value: undefined });
    this.allOf(
      'createPartitions',
      increases.map(
        ({ topic, totalCount, assignments }) =>
          (ids: number[]) =>
            this.ctx.host.cluster.admin.createPartitions(topic, totalCount, ids, assignments),
      ),
      done,
    );
  }

  /** Several per-topic operations of one request; the first failure (in request order) wins. */
  private allOf(
    callName: string,
    sends: ((candidates: number[]) => Future<string | undefined>)[],
    done: (r: Result<void>) => void,
  ): void {
    this.call(
      callName,
      (candidates) => allOf(sends.map((send) => send(candidates))),
      (r) => {
        if (!r.ok) return done(r);
        done(
          r.value === undefined
            ? { ok: true, value: undefined }
            : { ok: false, error: exceptionFromEngine(r.value) },
        );
      },
    );
  }

  /** Runs one call: waits for a node, sends, and converts an engine failure to its exception. */
  private call<T>(
    callName: string,
    send: (candidates: number[]) => Future<T>,
    done: (r: Result<T>) => void,
  ): void {
    this.awaitNode(callName, (node) => {
      if (!node.ok) return done(node);
      this.lastBroker = node.value[0];
      const f = send(node.value);
      const stopWatching = this.watchWhilePending(() => f.isDone);
      f.onSettled(() => {
        stopWatching();
        done(
          f.error !== undefined
            ? { ok: false, error: exceptionFromEngine(f.error) }
            : { ok: true, value: f.result },
        );
      });
    });
  }

  /** The nodes a call may use now: known brokers once metadata named them, else bootstrap. */
  private get nodes(): Node[] {
    return this.brokers ?? this.bootstrap;
  }

  /** Reachable brokers, in node order. */
  private reachableBrokers(): number[] {
    const ids = this.nodes.map((n) => n.broker()).filter((id): id is number => id !== undefined);
    return [...new Set(ids)].filter((id) => this.reachable(id));
  }

  /**
   * Waits until some node accepts a connection, logging each refused attempt, or fails the call
   * `callName` after default.api.timeout.ms.
   */
  private awaitNode(callName: string, done: (r: Result<number[]>) => void): void {
    const { ctx } = this;
    const ready = this.reachableBrokers();
    if (ready.length > 0 && this.brokers) return done({ ok: true, value: ready });
    const deadline = ctx.clock.now() + DEFAULT_API_TIMEOUT_MS;
    let finished = false;
    let timer: number | undefined;
    const finish = (r: Result<number[]>) => {
      finished = true;
      ctx.clock.cancel(deadlineTimer);
      if (timer !== undefined) ctx.clock.cancel(timer);
      done(r);
    };
    const attempt = () => {
      timer = undefined;
      if (finished) return;
      const connected = this.attemptConnections();
      if (connected) return finish({ ok: true, value: this.reachableBrokers() });
      const next = Math.min(...this.nodes.map((n) => n.nextAttemptAt));
      if (next < deadline) timer = ctx.clock.schedule(next - ctx.clock.now(), attempt);
    };
    const deadlineTimer = ctx.clock.schedule(DEFAULT_API_TIMEOUT_MS, () => {
      if (!finished) finish({ ok: false, error: nodeAssignmentTimeout(callName) });
    });
    attempt();
  }

  /**
   * One round of connection attempts: every node whose backoff has passed is tried in order; a
   * refused one logs NetworkClient's WARN and backs off. True once a node accepted.
   */
  private attemptConnections(): boolean {
    const { ctx } = this;
    const now = ctx.clock.now();
    for (const node of this.nodes) {
      if (node.nextAttemptAt > now) continue;
      const broker = node.broker();
      if (broker !== undefined && this.reachable(broker)) {
        node.failedAttempts = 0;
        return true;
      }
      // NetworkClient.processDisconnection → ClusterConnectionStates.updateReconnectBackoff.
      ctx.stderr(
        log4jLine(
          ctx.clock.wallClockMs(),
          'WARN',
          `[AdminClient clientId=adminclient-1] Connection to node ${node.nodeId} (${node.socketAddress}) could not be established. Node may not be available.`,
          'org.apache.kafka.clients.NetworkClient',
        ),
      );
      node.failedAttempts += 1;
      const term = RECONNECT_BACKOFF_MS * 2 ** Math.min(node.failedAttempts - 1, 5);
      node.nextAttemptAt =
        now + Math.min(RECONNECT_BACKOFF_MAX_MS, Math.floor(term * this.jitter()));
    }
    return false;
  }

  /**
   * While a sent call is pending, notices when every broker became unreachable and logs the
   * client's reconnection attempts. Returns the function that stops watching.
   */
  private watchWhilePending(settled: () => boolean): () => void {
    const { ctx } = this;
    let timer: number | undefined;
    const check = () => {
      timer = undefined;
      if (settled()) return;
      let delay = CONNECTION_CHECK_MS;
      if (this.reachableBrokers().length === 0) {
        this.attemptConnections();
        delay = Math.max(1, Math.min(...this.nodes.map((n) => n.nextAttemptAt)) - ctx.clock.now());
      }
      timer = ctx.clock.schedule(delay, check);
    };
    timer = ctx.clock.schedule(CONNECTION_CHECK_MS, check);
    return () => {
      if (timer !== undefined) ctx.clock.cancel(timer);
    };
  }

  /** Keeps the brokers a Metadata answer named, with their advertised addresses. */
  private learnBrokers(meta: MetadataResponse): void {
    const previous = new Map((this.brokers ?? []).map((n) => [n.nodeId, n]));
    this.brokers = meta.brokers.map(
      (b) =>
        previous.get(b.nodeId) ?? {
          nodeId: b.nodeId,
          socketAddress: `${b.host}/${resolveHost(this.ctx, b.host, b.port) ?? b.host}:${b.port}`,
          broker: () => b.nodeId,
          failedAttempts: 0,
          nextAttemptAt: 0,
        },
    );
    if (this.brokers.length === 0) this.brokers = undefined;
  }

  private reachable(brokerId: number): boolean {
    const { cluster } = this.ctx.host;
    const broker = cluster.brokers.get(brokerId);
    return (
      !!broker &&
      broker.isRunning &&
      cluster.network.isUp(broker.node) &&
      !cluster.network.isIsolated(broker.node)
    );
  }
}

/** `KafkaFuture.allOf` over per-topic results: the first error in request order, once all settled. */
function allOf(futures: Future<string | undefined>[]): Future<string | undefined> {
  const out = new Future<string | undefined>();
  let pending = futures.length;
  for (const f of futures)
    f.onSettled(() => {
      if (--pending > 0) return;
      const failed = futures.find((g) => g.error !== undefined);
      if (failed) return out.reject(failed.error as string);
      out.resolve(futures.map((g) => g.result).find((e) => e !== undefined));
    });
  return out;
}

/**
 * The address `InetSocketAddress(host, port)` resolves `host` to on the learner's machine, or
 * undefined when DNS does not know it: `localhost`, IP literals, the Docker host alias, the compose
 * containers, and whatever a broker advertises.
 */
export function resolveHost(ctx: ProcessContext, host: string, port: number): string | undefined {
  if (host === '' || host === 'localhost') return '127.0.0.1';
  if (IPV4.test(host) || host.includes(':')) return host;
  if (host === 'host.docker.internal') return '192.168.65.254';
  const containers = [...ctx.host.containers.keys()];
  const index = containers.indexOf(host);
  if (index >= 0) return `172.18.0.${index + 2}`;
  if (ctx.host.resolveBootstrap(`${host}:${port}`).length > 0) return '127.0.0.1';
  return undefined;
}
