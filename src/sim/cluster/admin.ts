/**
 * The admin client the CLI tools use (Kafka `Admin` / `KafkaAdminClient`): requests go over the
 * simulated network to a bootstrap broker, which answers from its metadata cache or forwards to the
 * active controller. Results arrive as {@link Future}s in virtual time.
 */
import type { ActiveController } from '../controller/activeController';
import type { CreateTopicRequest } from '../controller/controllerLogic';
import type { OngoingReassignment } from '../controller/reassignment';
import type { MetadataRecord } from '../metadata/records';
import { brokerNode } from '../network/network';
import { rpc } from '../network/rpc';
import { KafkaError } from '../protocol/errors';
import { topicConfigDefs, validateTopicConfig } from '../config/topicConfigs';
import type { ListOffsetsResponse, MetadataResponse } from '../protocol/messages';
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

  /**
   * One request to broker `brokerId` on a connection of its own, without retries (what
   * `ConsumerNetworkClient.send` does for the legacy admin client of kafka-broker-api-versions).
   * Fails with `NETWORK_EXCEPTION` when the connection is refused or closes (the broker stopped),
   * and with `REQUEST_TIMED_OUT` when nothing comes back within `timeoutMs` (a cut link).
   */
  sendOnce<T>(brokerId: number, kind: string, request: unknown, timeoutMs: number): Future<T> {
    const f = new Future<T>();
    const cluster = this.cluster;
    const client = `client-adminclient-${++this.seq}`;
    const broker = cluster.brokers.get(brokerId);
    cluster.network.setUp(client, true);
    rpc<T>(
      cluster.network,
      cluster.scheduler,
      client,
      brokerNode(brokerId),
      kind,
      (respond) =>
        broker?.isRunning
          ? broker.handlers.get('*')!(request, respond as (r: unknown) => void, client)
          : undefined,
      (res) => f.resolve(res),
      (error) => f.reject(error),
      timeoutMs,
    );
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

  /**
   * ElectLeaders (KIP-460): preferred or unclean, for the given partitions, or with `null` for every
   * partition — then, as the broker answers (KafkaApis.handleElectLeaders, ReplicationControlManager
   * .electLeaders), partitions that need no election are left out of the result.
   */
  electLeaders(
    type: 'preferred' | 'unclean',
    partitions: { topic: string; partition: number }[] | null,
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
            const all = partitions === null;
            const wanted =
              partitions ??
              [...ctrl.image.topics.values()].flatMap((t) =>
                t.partitions.map((_, partition) => ({ topic: t.name, partition })),
              );
            const results = ctrl.logic
              .electLeaders(ctrl.image, type, wanted, (id) => ctrl.live(id))
              .filter((r) => !all || r.error !== 'ELECTION_NOT_NEEDED');
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

  /**
   * AlterPartitionReassignments (KIP-455): target replicas per partition, `null` to cancel. Resolves
   * with the per-partition outcome (error NONE, or the Kafka error name and message).
   */
  alterPartitionReassignments(
    reassignments: { topic: string; partition: number; replicas: number[] | null }[],
    bootstrap?: number[],
  ): Future<{ topic: string; partition: number; error: string; message?: string }[]> {
    const out = new Future<
      { topic: string; partition: number; error: string; message?: string }[]
    >();
    let results: { topic: string; partition: number; error: string; message?: string }[] = [];
    const f = this.call<{ error?: string }>('alterPartitionReassignments', bootstrap, {
      kind: 'Admin',
      op: (ctrl: ActiveController, done: (r: unknown) => void) =>
        ctrl.submit(
          () => {
            const r = ctrl.logic.alterPartitionReassignments(ctrl.image, reassignments, (id) =>
              ctrl.live(id),
            );
            results = r.results;
            return r.records;
          },
          (error) => done({ error }),
        ),
    });
    f.onSettled(() => {
      if (f.error !== undefined) out.reject(f.error);
      else if (f.result.error) out.reject(f.result.error);
      else out.resolve(results);
    });
    return out;
  }

  /** ListPartitionReassignments: every partition with a reassignment under way. */
  listPartitionReassignments(bootstrap?: number[]): Future<OngoingReassignment[]> {
    const out = new Future<OngoingReassignment[]>();
    const f = this.call<{ error?: string; reassignments?: OngoingReassignment[] }>(
      'listPartitionReassignments',
      bootstrap,
      {
        kind: 'Admin',
        op: (ctrl: ActiveController, done: (r: unknown) => void) =>
          done({ reassignments: ctrl.logic.listPartitionReassignments(ctrl.image) }),
      },
    );
    f.onSettled(() => {
      if (f.error !== undefined) out.reject(f.error);
      else if (f.result.error) out.reject(f.result.error);
      else out.resolve(f.result.reassignments ?? []);
    });
    return out;
  }

  /**
   * DescribeConfigs data from the committed metadata: a topic's overrides (undefined when the topic
   * does not exist) or the dynamic configs of a broker ('' = cluster default).
   */
  describeConfigs(
    resource: 'topic' | 'broker' | 'group',
    name: string,
    bootstrap?: number[],
  ): Future<Record<string, string> | undefined> {
    const out = new Future<Record<string, string> | undefined>();
    const f = this.call<{ error?: string; configs?: Record<string, string> }>(
      'describeConfigs',
      bootstrap,
      {
        kind: 'Admin',
        op: (ctrl: ActiveController, done: (r: unknown) => void) => {
          const image = ctrl.image;
          const configs =
            resource === 'topic'
              ? image.topics.get(name)?.configs
              : ((resource === 'broker' ? image.brokerConfigs : image.groupConfigs).get(name) ??
                {});
          done({ configs: configs ? { ...configs } : undefined });
        },
      },
    );
    f.onSettled(() => {
      if (f.error !== undefined) out.reject(f.error);
      else if (f.result.error) out.reject(f.result.error);
      else out.resolve(f.result.configs);
    });
    return out;
  }

  /**
   * ListOffsets through the admin client: a Metadata request finds each partition's leader, then
   * one ListOffsets request goes to each leader (timestamp -1 latest, -2 earliest, or epoch ms).
   * A partition without a leader or whose leader fails gets its Kafka error name.
   */
  listOffsets(
    partitions: { topic: string; partition: number }[],
    timestamp: number,
    bootstrap?: number[],
  ): Future<{ topic: string; partition: number; offset: number; error: string }[]> {
    const out = new Future<{ topic: string; partition: number; offset: number; error: string }[]>();
    const topics = [...new Set(partitions.map((p) => p.topic))];
    const meta = this.metadata(topics, bootstrap);
    meta.onSettled(() => {
      if (meta.error !== undefined) return out.reject(meta.error);
      const leaders = new Map<string, number>();
      for (const t of meta.result.topics)
        for (const p of t.partitions) leaders.set(`${t.name}-${p.partition}`, p.leaderId);
      const results = partitions.map((p) => ({ ...p, offset: -1, error: 'NONE' }));
      const byLeader = new Map<number, typeof results>();
      for (const r of results) {
        const leader = leaders.get(`${r.topic}-${r.partition}`) ?? -1;
        if (leader < 0) {
          r.error = 'LEADER_NOT_AVAILABLE';
          continue;
        }
        byLeader.set(leader, [...(byLeader.get(leader) ?? []), r]);
      }
      let pending = byLeader.size;
      if (pending === 0) return out.resolve(results);
      for (const [leader, group] of byLeader) {
        const f = this.call<ListOffsetsResponse>('listOffsets', [leader], {
          kind: 'ListOffsets',
          clientId: 'adminclient-1',
          isolationLevel: 'read_uncommitted',
          partitions: group.map((g) => ({ ...g, timestamp, currentLeaderEpoch: -1 })),
        });
        f.onSettled(() => {
          for (const g of group) {
            const answer =
              f.error === undefined
                ? f.result.partitions?.find(
                    (x) => x.topic === g.topic && x.partition === g.partition,
                  )
                : undefined;
            if (!answer) g.error = 'REQUEST_TIMED_OUT';
            else if (answer.error !== 'NONE') g.error = answer.error;
            else g.offset = answer.offset;
          }
          if (--pending === 0) out.resolve(results);
        });
      }
    });
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
