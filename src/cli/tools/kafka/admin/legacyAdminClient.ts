/**
 * The admin client kafka-broker-api-versions inlines (`BrokerApiVersionsCommand.AdminClient` in
 * Kafka 3.9's core/src/main/scala/kafka/admin/BrokerApiVersionsCommand.scala): a
 * ConsumerNetworkClient that sends one request at a time and waits for it, without retries.
 * - `bootstrap.servers` is checked when it is built (ClientUtils.parseAndValidateAddresses); the
 *   bootstrap nodes -1, -2, … are shuffled, as `Cluster.bootstrap` shuffles every node list.
 * - A refused connection logs NetworkClient's WARN and fails the request with
 *   DisconnectException; the node is not retried within reconnect.backoff.ms (50 ms). A request
 *   that gets nowhere fails after request.timeout.ms (5000 ms here) with TimeoutException.
 * - Metadata goes to the bootstrap nodes in turn (`sendAnyNode`); when none answers, a
 *   RuntimeException names them all. Each answer's brokers are shuffled (`Cluster`'s constructor).
 * All waiting happens in virtual time.
 */
import { confluentEnvToProperties } from '../../../host/composeFile';
import { ConfigException, ConfigReader } from '../../../../sim/clients/configReader';
import { brokerNode } from '../../../../sim/network/network';
import type { Prng } from '../../../../sim/random/prng';
import type { ApiVersion } from '../../../../sim/protocol/apiKeys';
import type {
  ApiVersionsRequest,
  ApiVersionsResponse,
  BrokerEndpoint,
  MetadataRequest,
  MetadataResponse,
} from '../../../../sim/protocol/messages';
import { javaStringHash } from '../../../options/javaHash';
import type { ProcessContext } from '../../../runtime/types';
import { log4jLine } from '../common/log4j';
import { resolveHost } from '../topics/topicAdminClient';
import { adminException, JavaException } from './javaException';
import { scalaMapOrder } from './scalaMapOrder';
import { awaitFuture, FutureFailure, sleep } from './toolTask';
import type { Step } from './toolTask';

/** `org.apache.kafka.common.Node` (3.9: no `isFenced` yet, KIP-1073 came in 4.0). */
export interface KafkaNode {
  readonly id: number;
  readonly host: string;
  readonly port: number;
  readonly rack: string | null;
}

/** `Node.toString()`: `localhost:9092 (id: 1 rack: null)`. */
export const nodeString = (n: KafkaNode): string =>
  `${n.host}:${n.port} (id: ${n.id} rack: ${n.rack ?? 'null'})`;

/** `Node.hashCode()`. */
export function nodeHash(n: KafkaNode): number {
  let h = (31 + javaStringHash(n.host)) | 0;
  h = (Math.imul(31, h) + n.id) | 0;
  h = (Math.imul(31, h) + n.port) | 0;
  return (Math.imul(31, h) + (n.rack === null ? 0 : javaStringHash(n.rack))) | 0;
}

/** A broker's answer to ApiVersions, or the exception `Try` caught. */
export type VersionInfo =
  { node: KafkaNode; apiVersions: ApiVersion[] } | { node: KafkaNode; error: JavaException };

const CLIENT_ID = 'admin-1';
const LOG_PREFIX = `[LegacyAdminClient clientId=${CLIENT_ID}] `;
const DEFAULT_REQUEST_TIMEOUT_MS = 5000;
const RECONNECT_BACKOFF_MS = 50;
const RECONNECT_BACKOFF_JITTER = 0.2;
const CONFIG_EXCEPTION = 'org.apache.kafka.common.config.ConfigException';
const DISCONNECT = 'org.apache.kafka.common.errors.DisconnectException';

/** Frames of BrokerApiVersionsCommand.scala (3.9) above a call, innermost first. */
const SRC = 'BrokerApiVersionsCommand.scala';
const CMD = 'kafka.admin.BrokerApiVersionsCommand';
export const commandFrames = {
  main: [`${CMD}$.main(${SRC}:54)`, `${CMD}.main(${SRC})`],
  execute: (line: number) => [`${CMD}$.execute(${SRC}:${line})`, ...commandFrames.main],
  createAdminClient: (line: number) => [
    `${CMD}$.createAdminClient(${SRC}:${line})`,
    ...commandFrames.execute(59),
  ],
};
const createFrames = (line: number, ...inner: string[]) => [
  ...inner,
  `${CMD}$AdminClient$.create(${SRC}:${line})`,
  `${CMD}$AdminClient$.create(${SRC}:267)`,
  `${CMD}$AdminClient$.create(${SRC}:265)`,
  ...commandFrames.createAdminClient(77),
];
const AWAIT_BROKERS = [`${CMD}$AdminClient.awaitBrokers(${SRC}:170)`, ...commandFrames.execute(60)];
const LIST_BROKERS = [
  `${CMD}$AdminClient.listAllBrokerVersionInfo(${SRC}:186)`,
  ...commandFrames.execute(61),
];

/** `Utils.HOST_PORT_PATTERN`. */
const HOST_PORT = /^.*?\[?([0-9a-zA-Z\-%._:]*)\]?:([0-9]+)$/s;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** A node the client connects to, with the address NetworkClient's log shows. */
interface Peer {
  readonly node: KafkaNode;
  /** `InetSocketAddress.toString()`: `localhost/127.0.0.1:9092`, `/127.0.0.1:9092`. */
  readonly socketAddress: string;
}

function configException(message: string, frames: string[]): JavaException {
  return new JavaException(CONFIG_EXCEPTION, message, frames);
}

/** `ClientUtils.parseAndValidateAddresses`, checking `url`. */
const parseFrames = createFrames(
  286,
  'org.apache.kafka.clients.ClientUtils.parseAndValidateAddresses(ClientUtils.java:103)',
  'org.apache.kafka.clients.ClientUtils.parseAndValidateAddresses(ClientUtils.java:62)',
  'org.apache.kafka.clients.ClientUtils.parseAndValidateAddresses(ClientUtils.java:58)',
);

/** `new AdminConfig(props)`: ConfigDef's parse of a bad value. */
const adminConfigFrames = [
  'org.apache.kafka.common.config.ConfigDef.parseValue(ConfigDef.java:533)',
  'org.apache.kafka.common.config.ConfigDef.parse(ConfigDef.java:524)',
  'org.apache.kafka.common.config.AbstractConfig.<init>(AbstractConfig.java:115)',
  'org.apache.kafka.common.config.AbstractConfig.<init>(AbstractConfig.java:199)',
  `${CMD}$AdminClient$AdminConfig.<init>(${SRC}:263)`,
  `${CMD}$AdminClient$.create(${SRC}:267)`,
  `${CMD}$AdminClient$.create(${SRC}:265)`,
  ...commandFrames.createAdminClient(77),
];

export class LegacyAdminClient {
  /** When each node that refused a connection may be tried again (`ClusterConnectionStates`). */
  private readonly reconnectAt = new Map<number, number>();

  private constructor(
    private readonly ctx: ProcessContext,
    private readonly bootstrapBrokers: readonly Peer[],
    private readonly requestTimeoutMs: number,
    private readonly rng: Prng,
  ) {}

  /**
   * `AdminClient.create(props)`: throws the ConfigException Kafka throws for an unusable
   * `request.timeout.ms` or `bootstrap.servers`, after logging each host that does not resolve.
   */
  static create(
    ctx: ProcessContext,
    bootstrapServers: string,
    props: ReadonlyMap<string, string>,
  ): LegacyAdminClient {
    let requestTimeoutMs: number;
    try {
      requestTimeoutMs = new ConfigReader(Object.fromEntries(props)).int(
        'request.timeout.ms',
        DEFAULT_REQUEST_TIMEOUT_MS,
      );
    } catch (e) {
      if (e instanceof ConfigException) throw configException(e.message, adminConfigFrames);
      throw e;
    }
    // ConfigDef LIST: split at commas with surrounding whitespace; empty entries are skipped.
    const trimmed = bootstrapServers.trim();
    const urls = trimmed === '' ? [] : trimmed.split(/\s*,\s*/);
    const peers: Peer[] = [];
    for (const url of urls) {
      if (url === '') continue;
      const m = HOST_PORT.exec(url);
      if (!m) throw configException(`Invalid url in bootstrap.servers: ${url}`, parseFrames);
      const host = m[1]!;
      const port = Number(m[2]);
      if (!Number.isSafeInteger(port) || port > 65535)
        throw configException(`Invalid port in bootstrap.servers: ${url}`, parseFrames);
      if (resolveHost(ctx, host, port) === undefined) {
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
      const node = { id: -(peers.length + 1), host, port, rack: null };
      peers.push({ node, socketAddress: socketAddress(ctx, host, port) });
    }
    if (peers.length === 0)
      throw configException('No resolvable bootstrap urls given in bootstrap.servers', parseFrames);
    const rng = ctx.host.cluster.rng.fork(`legacy-admin-client-${ctx.clock.now()}`);
    return new LegacyAdminClient(ctx, rng.shuffle(peers), requestTimeoutMs, rng);
  }

  /** `awaitBrokers`: Metadata until it names a broker, 50 ms apart. */
  *awaitBrokers(): Step<void> {
    for (;;) {
      const nodes = yield* this.findAllBrokers(AWAIT_BROKERS);
      if (nodes.length > 0) return;
      yield* sleep(this.ctx, 50);
    }
  }

  /**
   * `listAllBrokerVersionInfo`: ApiVersions from each broker in turn, in the order the resulting
   * Scala `Map[Node, Try[NodeApiVersions]]` iterates.
   */
  *listAllBrokerVersionInfo(): Step<VersionInfo[]> {
    const nodes = yield* this.findAllBrokers(LIST_BROKERS);
    const infos: VersionInfo[] = [];
    for (const node of nodes) {
      const peer = { node, socketAddress: socketAddress(this.ctx, node.host, node.port) };
      try {
        const request: ApiVersionsRequest = { kind: 'ApiVersions', clientId: CLIENT_ID };
        const response = yield* this.send<ApiVersionsResponse>(peer, request);
        // Errors.forCode(response.data.errorCode).maybeThrow()
        if (response.error !== 'NONE') infos.push({ node, error: adminException(response.error) });
        else infos.push({ node, apiVersions: response.apiKeys });
      } catch (e) {
        if (!(e instanceof JavaException)) throw e;
        infos.push({ node, error: e });
      }
    }
    return scalaMapOrder(infos, (info) => nodeHash(info.node));
  }

  /** `findAllBrokers`: a Metadata request for all topics; its brokers, shuffled. */
  private *findAllBrokers(callerFrames: readonly string[]): Step<KafkaNode[]> {
    // MetadataRequest.Builder.allTopics()
    const request: MetadataRequest = {
      kind: 'Metadata',
      clientId: CLIENT_ID,
      topics: null,
      allowAutoTopicCreation: true,
    };
    const { response, via } = yield* this.sendAnyNode<MetadataResponse>('METADATA', request, [
      `${CMD}$AdminClient.findAllBrokers(${SRC}:178)`,
      ...callerFrames,
    ]);
    const listener = this.listenerOf(via.node);
    return this.rng.shuffle(response.brokers.map((b) => this.advertised(b, listener)));
  }

  /** `sendAnyNode`: the bootstrap nodes in turn until one answers. */
  private *sendAnyNode<T>(
    apiKey: string,
    request: unknown,
    callerFrames: readonly string[],
  ): Step<{ response: T; via: Peer }> {
    for (const peer of this.bootstrapBrokers) {
      try {
        return { response: yield* this.send<T>(peer, request), via: peer };
      } catch (e) {
        // Logged at DEBUG ("Request … failed against node …"), which the tools' log4j hides.
        if (!(e instanceof JavaException)) throw e;
      }
    }
    const brokers = this.bootstrapBrokers.map((p) => nodeString(p.node)).join(', ');
    throw new JavaException(
      'java.lang.RuntimeException',
      `Request ${apiKey} failed on brokers List(${brokers})`,
      [`${CMD}$AdminClient.sendAnyNode(${SRC}:155)`, ...callerFrames],
    );
  }

  /** `send`: one request to `peer`, waiting for its answer; throws what the future failed with. */
  private *send<T>(peer: Peer, request: unknown): Step<T> {
    const { ctx } = this;
    const { cluster } = ctx.host;
    const { node } = peer;
    const retryAt = this.reconnectAt.get(node.id);
    // Still backing off after a refused connection: the request fails without a new attempt.
    if (retryAt !== undefined && ctx.clock.now() < retryAt)
      throw new JavaException(DISCONNECT, null);
    const brokerId =
      node.id >= 0 ? node.id : ctx.host.resolveBootstrap(`${node.host}:${node.port}`)[0];
    const broker = brokerId === undefined ? undefined : cluster.brokers.get(brokerId);
    if (!broker?.isRunning || !cluster.network.isUp(brokerNode(broker.id))) {
      // NetworkClient.processDisconnection of a connection that was never established.
      ctx.stderr(
        log4jLine(
          ctx.clock.wallClockMs(),
          'WARN',
          `${LOG_PREFIX}Connection to node ${node.id} (${peer.socketAddress}) could not be established. Node may not be available.`,
          'org.apache.kafka.clients.NetworkClient',
        ),
      );
      const jitter = 1 - RECONNECT_BACKOFF_JITTER + this.rng.float() * 2 * RECONNECT_BACKOFF_JITTER;
      this.reconnectAt.set(node.id, ctx.clock.now() + Math.floor(RECONNECT_BACKOFF_MS * jitter));
      throw new JavaException(DISCONNECT, null);
    }
    const kind = (request as { kind: string }).kind;
    try {
      return yield* awaitFuture(
        cluster.admin.sendOnce<T>(broker.id, kind, request, this.requestTimeoutMs),
      );
    } catch (e) {
      if (!(e instanceof FutureFailure)) throw e;
      // Nothing got through: the unsent request expires (ConsumerNetworkClient.failExpiredRequests).
      if (e.error === 'REQUEST_TIMED_OUT')
        throw new JavaException(
          'org.apache.kafka.common.errors.TimeoutException',
          `Failed to send request after ${this.requestTimeoutMs} ms.`,
        );
      // The broker went away while the request was out: the connection closed.
      throw new JavaException(DISCONNECT, null);
    }
  }

  /**
   * The name of the listener `node`'s address belongs to (`INTERNAL` for `kafka1:29092`), when a
   * compose container runs the broker behind it.
   */
  private listenerOf(node: KafkaNode): string | undefined {
    const id = this.ctx.host.resolveBootstrap(`${node.host}:${node.port}`)[0];
    if (id === undefined) return undefined;
    for (const [name, endpoint] of advertisedListeners(this.ctx, id))
      if (endpoint.port === node.port) return name;
    return undefined;
  }

  /**
   * A broker as the Metadata answer names it: its address on the listener the request came in on
   * (KafkaApis answers with that listener's advertised endpoints), else its registered one.
   */
  private advertised(b: BrokerEndpoint, listener: string | undefined): KafkaNode {
    const endpoint =
      listener === undefined ? undefined : advertisedListeners(this.ctx, b.nodeId).get(listener);
    return {
      id: b.nodeId,
      host: endpoint?.host ?? b.host,
      port: endpoint?.port ?? b.port,
      rack: b.rack,
    };
  }
}

/** `advertised.listeners` of the compose container that runs broker `id`, by listener name. */
function advertisedListeners(
  ctx: ProcessContext,
  id: number,
): Map<string, { host: string; port: number }> {
  const out = new Map<string, { host: string; port: number }>();
  for (const c of ctx.host.containers.values()) {
    if (c.brokerId !== id) continue;
    const listeners = confluentEnvToProperties(c.service.environment)['advertised.listeners'] ?? '';
    for (const entry of listeners.split(',')) {
      const m = /^\s*([A-Za-z0-9_]+):\/\/\[?([^\]]*?)\]?:(\d+)\s*$/.exec(entry);
      if (m) out.set(m[1]!, { host: m[2]!, port: Number(m[3]) });
    }
  }
  return out;
}

/** `InetSocketAddress.toString()` of a resolved `host:port`. */
function socketAddress(ctx: ProcessContext, host: string, port: number): string {
  const ip = resolveHost(ctx, host, port) ?? host;
  const shownHost = IPV4.test(host) || host.includes(':') ? '' : host;
  return `${shownHost}/${ip}:${port}`;
}
