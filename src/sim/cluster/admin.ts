/**
 * The admin client the CLI tools use (Kafka `Admin` / `KafkaAdminClient`): requests go over the
 * simulated network to a bootstrap broker, which answers from its metadata cache or forwards to the
 * active controller. Results arrive as {@link Future}s in virtual time.
 */
import type { ActiveController } from '../controller/activeController';
import type { CreateTopicRequest } from '../controller/controllerLogic';
import type { MetadataRecord } from '../metadata/records';
import { brokerNode } from '../network/network';
import { rpc } from '../network/rpc';
import { KafkaError } from '../protocol/errors';
import { topicConfigDefs, validateTopicConfig } from '../config/topicConfigs';
import type { MetadataResponse } from '../protocol/messages';
import type { Cluster } from './cluster';
import { Future } from './future';

/** `default.api.timeout.ms` of the admin client, ms. */
export const defaultApiTimeoutMs = 60_000;

/** Per-partition outcome of an election. */
export interface ElectionOutcome {
  topic: string;
  partition: number;
  /** Kafka error name, 'NONE' on success. */
  error: string;
}

export class Admin {
  private seq = 0;

  constructor(private readonly cluster: Cluster) {}

  /**
   * Sends a request to the first reachable bootstrap broker; the admin client retries other nodes
   * until `default.api.timeout.ms`, then fails with Kafka's TimeoutException text.
   */
  call<T>(
    callName: string,
    bootstrap: number[] | undefined,
    request: unknown,
    timeoutMs = defaultApiTimeoutMs,
  ): Future<T> {
    const f = new Future<T>();
    const cluster = this.cluster;
    const candidates = bootstrap && bootstrap.length > 0 ? bootstrap : [...cluster.brokers.keys()];
    const client = `client-adminclient-${++this.seq}`;
    const deadline = cluster.now + timeoutMs;
    let attempt = 0;
    const tryNext = () => {
      if (cluster.now >= deadline) {
        f.reject(
          `org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment. Call: ${callName}`,
        );
        return;
      }
      const id = candidates[attempt++ % candidates.length]!;
      const broker = cluster.brokers.get(id);
      rpc<unknown>(
        cluster.network,
        cluster.scheduler,
        client,
        brokerNode(id),
        callName,
        (respond) =>
          broker?.isRunning ? broker.handlers.get('*')!(request, respond, client) : undefined,
        (res) => {
          const err = (res as { error?: string }).error;
          if (
            err === 'NOT_CONTROLLER' ||
            err === 'REQUEST_TIMED_OUT' ||
            err === 'NETWORK_EXCEPTION'
          )
            cluster.scheduler.schedule(100, tryNext);
          else f.resolve(res as T);
        },
        () => cluster.scheduler.schedule(100, tryNext),
        Math.min(30_000, Math.max(1, deadline - cluster.now)),
      );
    };
    cluster.network.setUp(client, true);
    tryNext();
    return f;
  }

  /** Runs `build` on the active controller; resolves with the error text or undefined. */
  controllerOp(
    callName: string,
    bootstrap: number[] | undefined,
    build: (ctrl: ActiveController) => MetadataRecord[],
  ): Future<string | undefined> {
    const out = new Future<string | undefined>();
    const f = this.call<{ error?: string }>(callName, bootstrap, {
      kind: 'Admin',
      op: (ctrl: ActiveController, done: (r: unknown) => void) =>
        ctrl.submit(
          () => build(ctrl),
          (error) => done({ error }),
        ),
    });
    f.onSettled(() => (f.error !== undefined ? out.reject(f.error) : out.resolve(f.result.error)));
    return out;
  }

  /** CreateTopics. Resolves with undefined or `ERROR_NAME: message`. */
  createTopic(req: CreateTopicRequest, bootstrap?: number[]): Future<string | undefined> {
    const topicId = this.cluster.rng.fork(`topic-id-${req.name}-${this.cluster.now}`).kafkaUuid();
    return this.controllerOp('createTopics', bootstrap, (ctrl) =>
      ctrl.logic.createTopic(ctrl.image, req, topicId),
    );
  }

  /** DeleteTopics for each name (exact names; regex expansion is the CLI's job). */
  deleteTopic(name: string, bootstrap?: number[]): Future<string | undefined> {
    return this.controllerOp('deleteTopics', bootstrap, (ctrl) =>
      ctrl.logic.deleteTopic(ctrl.image, name),
    );
  }

  /** CreatePartitions: grow `name` to `totalCount`. */
  createPartitions(
    name: string,
    totalCount: number,
    bootstrap?: number[],
    assignments?: number[][],
  ): Future<string | undefined> {
    return this.controllerOp('createPartitions', bootstrap, (ctrl) =>
      ctrl.logic.createPartitions(ctrl.image, name, totalCount, assignments),
    );
  }

  /** IncrementalAlterConfigs: set and delete overrides of a topic, broker ('' = default) or group. */
  alterConfigs(
    resource: 'topic' | 'broker' | 'group',
    name: string,
    set: Record<string, string>,
    remove: string[],
    bootstrap?: number[],
  ): Future<string | undefined> {
    return this.controllerOp('incrementalAlterConfigs', bootstrap, (ctrl) => {
      // QuorumController.ConfigResourceExistenceChecker / ZkAdminManager.alterTopicConfigs.
      if (resource === 'topic' && !ctrl.image.topics.has(name))
        throw new KafkaError('UNKNOWN_TOPIC_OR_PARTITION', `The topic '${name}' does not exist.`);
      if (resource === 'topic') validateTopicOverrides(ctrl.logic.mode, name, set);
      return [
        ...Object.entries(set).map(([key, value]) => ({
          type: 'Config' as const,
          resource,
          name,
          key,
          value,
        })),
        ...remove.map((key) => ({ type: 'Config' as const, resource, name, key, value: null })),
      ];
    });
  }

  /** ElectLeaders (KIP-460): preferred or unclean, for the given partitions. */
  electLeaders(
    type: 'preferred' | 'unclean',
    partitions: { topic: string; partition: number }[],
    bootstrap?: number[],
  ): Future<ElectionOutcome[]> {
    const out = new Future<ElectionOutcome[]>();
    const outcomes: ElectionOutcome[] = [];
    const f = this.call<{ error?: string }>('electLeaders', bootstrap, {
      kind: 'Admin',
      op: (ctrl: ActiveController, done: (r: unknown) => void) =>
        ctrl.submit(
          () => {
            outcomes.length = 0;
            const results = ctrl.logic.electLeaders(ctrl.image, type, partitions, (id) =>
              ctrl.live(id),
            );
            outcomes.push(
              ...results.map(({ topic, partition, error }) => ({ topic, partition, error })),
            );
            return results.flatMap((r) => r.records);
          },
          (error) => done({ error }),
        ),
    });
    f.onSettled(() => (f.error !== undefined ? out.reject(f.error) : out.resolve(outcomes)));
    return out;
  }

  /** A Metadata request (all topics, or the named ones) answered by a bootstrap broker. */
  metadata(topics: string[] | null = null, bootstrap?: number[]): Future<MetadataResponse> {
    return this.call<MetadataResponse>('describeTopics', bootstrap, {
      kind: 'Metadata',
      clientId: 'adminclient-1',
      topics,
      allowAutoTopicCreation: false,
    });
  }
}

/**
 * Validates topic config overrides to set as `LogConfig.validate` does: an unknown name is INVALID_CONFIG;
 * a bad value is INVALID_CONFIG in KRaft (ConfigurationControlManager) and, in ZooKeeper mode,
 * the INVALID_REQUEST that ZkAdminManager.incrementalAlterConfigs wraps the ConfigException in.
 */
function validateTopicOverrides(
  mode: 'kraft' | 'zookeeper',
  topic: string,
  set: Record<string, string>,
): void {
  // Deleting an override that is not set is a no-op in both modes, whatever its name.
  for (const key of Object.keys(set))
    if (!topicConfigDefs[key])
      throw new KafkaError('INVALID_CONFIG', `Unknown topic config name: ${key}`);
  for (const [key, value] of Object.entries(set)) {
    const problem = validateTopicConfig(key, value);
    if (problem === undefined) continue;
    if (mode === 'kraft') throw new KafkaError('INVALID_CONFIG', problem);
    throw new KafkaError(
      'INVALID_REQUEST',
      `Invalid config value for resource ConfigResource(type=TOPIC, name='${topic}'): ${problem}`,
    );
  }
}
