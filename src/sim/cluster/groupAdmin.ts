/**
 * The consumer-group half of Kafka's admin client (`KafkaAdminClient` 3.9: listConsumerGroups,
 * describeConsumerGroups, listConsumerGroupOffsets, alterConsumerGroupOffsets,
 * deleteConsumerGroups, deleteConsumerGroupOffsets, plus the listOffsets and describeTopics calls
 * `kafka-consumer-groups.sh` needs). Every request travels over the simulated network: group
 * requests first ask a bootstrap broker for the group's coordinator (FindCoordinator), then go to
 * that broker, retrying NOT_COORDINATOR / COORDINATOR_NOT_AVAILABLE / COORDINATOR_LOAD_IN_PROGRESS
 * every `retry.backoff.ms` until the call's timeout, as the admin client's AdminApiDriver does.
 *
 * Results resolve with Kafka error names; a call that runs out of time rejects with the
 * TimeoutException text the admin client gives.
 */
import type { Broker } from '../broker/broker';
import type { GroupCoordinator } from '../groups/groupCoordinator';
import type {
  DescribeGroupResult,
  FetchedOffset,
  OffsetCommitPartition,
  OffsetCommitResponse,
  OffsetDeleteResult,
  OffsetFetchResponse,
  PartitionError,
  TopicPartitionRef,
} from '../groups/protocol';
import { NO_GENERATION, UNKNOWN_MEMBER_ID } from '../groups/protocol';
import type { KafkaErrorName } from '../protocol/errors';
import type {
  FindCoordinatorResponse,
  ListOffsetsResponse,
  MetadataResponse,
} from '../protocol/messages';
import type { Cluster } from './cluster';
import { Future } from './future';
import { coordinatorOf } from './groupWiring';

/** `retry.backoff.ms` of the admin client, ms. */
const RETRY_BACKOFF_MS = 100;

/** The admin client's client id as brokers see it. */
const ADMIN_CLIENT_ID = 'adminclient-1';

/** `ListOffsetsRequest.EARLIEST_TIMESTAMP` / `LATEST_TIMESTAMP`. */
export const EARLIEST_TIMESTAMP = -2;
export const LATEST_TIMESTAMP = -1;

/** A broker as `Node` shows it: `host:port (id: n)`. */
export interface GroupCoordinatorNode {
  id: number;
  host: string;
  port: number;
}

/** One entry of ListGroups (`ConsumerGroupListing`). */
export interface GroupListing {
  groupId: string;
  protocolType: string;
  /** `Stable`, `Empty`, … as the coordinator names it. */
  state: string;
  /** The classic coordinator lists every group as `classic` (KIP-848 group types). */
  type: 'classic';
}

/** DescribeGroups of one group plus the coordinator that answered. */
export interface GroupDescription extends DescribeGroupResult {
  coordinator: GroupCoordinatorNode;
}

/** One partition's offset as ListOffsets answers it; `offset` -1 when none matches. */
export interface ListedOffset extends TopicPartitionRef {
  error: KafkaErrorName;
  offset: number;
}

/** One topic as Metadata describes it. */
export interface TopicPartitions {
  name: string;
  error: KafkaErrorName;
  partitions: number[];
}

type RetryDecision<T> = { done: T } | { retry: true };

const retriableCoordinatorErrors = new Set<string>([
  'NOT_COORDINATOR',
  'COORDINATOR_NOT_AVAILABLE',
  'COORDINATOR_LOAD_IN_PROGRESS',
]);

/** Admin operations on consumer groups through the simulated network. */
export class GroupAdmin {
  /**
   * @param bootstrap broker ids `bootstrap.servers` resolves to (the first reachable one answers)
   * @param timeoutMs the timeout of each call (`--timeout`, `default.api.timeout.ms`), ms
   */
  constructor(
    private readonly cluster: Cluster,
    private readonly bootstrap: number[],
    private readonly timeoutMs: number,
  ) {}

  /** ListGroups sent to every live broker (`listConsumerGroups`); groups in arrival order. */
  listGroups(): Future<GroupListing[]> {
    const out = new Future<GroupListing[]>();
    const deadline = this.cluster.now + this.timeoutMs;
    const metadata = this.metadataCall([], deadline, 'findAllBrokers');
    metadata.onSettled(() => {
      if (metadata.error !== undefined) return out.reject(metadata.error);
      const nodes = metadata.result.brokers.map((b) => b.nodeId);
      const perNode = new Map<number, GroupListing[]>();
      const order: number[] = [];
      let failed = false;
      if (nodes.length === 0) return out.resolve([]);
      for (const node of nodes) {
        const f = this.retrying<GroupListing[]>('listConsumerGroups', deadline, (done) =>
          this.adminGroupOp(
            node,
            deadline,
            (c) => c.listGroups(),
            (res) => {
              const r = res as { error: string; groups?: GroupListing[] };
              if (retriableCoordinatorErrors.has(r.error)) return done({ retry: true });
              done({
                done: (r.groups ?? []).map((g) => ({ ...g, type: 'classic' as const })),
              });
            },
          ),
        );
        f.onSettled(() => {
          if (failed) return;
          if (f.error !== undefined) {
            failed = true;
            return out.reject(f.error);
          }
          perNode.set(node, f.result);
          order.push(node);
          if (perNode.size === nodes.length)
            out.resolve(order.flatMap((n) => perNode.get(n) ?? []));
        });
      }
    });
    return out;
  }

  /** FindCoordinator for `groupId`, asked of a bootstrap broker. */
  findCoordinator(groupId: string, deadline = this.cluster.now + this.timeoutMs) {
    return this.retrying<GroupCoordinatorNode>('findCoordinator', deadline, (done, fail) => {
      const f = this.bootstrapCall<FindCoordinatorResponse | { error: string }>(
        'findCoordinator',
        { kind: 'FindCoordinator', clientId: ADMIN_CLIENT_ID, keyType: 'group', key: groupId },
        deadline,
      );
      f.onSettled(() => {
        if (f.error !== undefined) return fail(f.error);
        const r = f.result as FindCoordinatorResponse;
        if (r.error !== 'NONE') return done({ retry: true });
        done({ done: { id: r.nodeId, host: r.host, port: r.port } });
      });
    });
  }

  /**
   * DescribeGroups of `groupId` (v5: an unknown group is `Dead` with no members and no error, the
   * coordinator's GROUP_ID_NOT_FOUND being a v6 answer).
   */
  describeGroup(groupId: string): Future<GroupDescription> {
    return this.onCoordinator(
      'describeConsumerGroups',
      groupId,
      (c) => c.describeGroup(groupId),
      (r, coordinator) =>
        r.error === 'GROUP_ID_NOT_FOUND'
          ? { ...r, error: 'NONE', state: 'Dead', coordinator }
          : { ...r, coordinator },
    );
  }

  /** OffsetFetch of every committed offset of `groupId` (`listConsumerGroupOffsets`). */
  listGroupOffsets(groupId: string): Future<FetchedOffset[]> {
    return this.onCoordinator(
      'listConsumerGroupOffsets',
      groupId,
      { api: 'OffsetFetch', groupId },
      (r: OffsetFetchResponse) => r.partitions.filter((p) => p.offset >= 0),
    );
  }

  /**
   * OffsetCommit outside group management (generation -1, no member id): what
   * `alterConsumerGroupOffsets` sends. The coordinator accepts it only while the group is Empty
   * (or unknown, which creates it).
   */
  alterGroupOffsets(groupId: string, offsets: OffsetCommitPartition[]): Future<PartitionError[]> {
    const request = {
      api: 'OffsetCommit',
      groupId,
      generationId: NO_GENERATION,
      memberId: UNKNOWN_MEMBER_ID,
      offsets,
    };
    return this.onCoordinator(
      'alterConsumerGroupOffsets',
      groupId,
      request,
      (r: OffsetCommitResponse & { error: string }) => r.partitions,
    );
  }

  /** DeleteGroups of one group: NONE, GROUP_ID_NOT_FOUND or NON_EMPTY_GROUP. */
  deleteGroup(groupId: string): Future<KafkaErrorName> {
    return this.onCoordinator(
      'deleteConsumerGroups',
      groupId,
      (c) => ({ error: c.deleteGroups([groupId]).results[0]?.error ?? 'NONE' }),
      (r) => r.error,
    );
  }

  /** OffsetDelete (KIP-496) of `partitions` in `groupId`. */
  deleteOffsets(groupId: string, partitions: TopicPartitionRef[]): Future<OffsetDeleteResult> {
    return this.onCoordinator(
      'deleteConsumerGroupOffsets',
      groupId,
      (c) => c.deleteOffsets(groupId, partitions),
      (r) => r,
    );
  }

  /** Metadata of `topics` (`describeTopics`): the partition ids of each, or its error. */
  describeTopics(topics: string[]): Future<TopicPartitions[]> {
    const out = new Future<TopicPartitions[]>();
    const f = this.metadataCall(topics, this.cluster.now + this.timeoutMs);
    f.onSettled(() => {
      if (f.error !== undefined) return out.reject(f.error);
      out.resolve(
        f.result.topics.map((t) => ({
          name: t.name,
          error: t.error,
          partitions: t.partitions.map((p) => p.partition).sort((a, b) => a - b),
        })),
      );
    });
    return out;
  }

  /**
   * ListOffsets (`listOffsets`) of `partitions` at `timestamp`: {@link EARLIEST_TIMESTAMP},
   * {@link LATEST_TIMESTAMP} (the high watermark, read_uncommitted) or epoch ms. Each partition's
   * request goes to its leader; NOT_LEADER_OR_FOLLOWER and LEADER_NOT_AVAILABLE are retried.
   */
  listOffsets(partitions: TopicPartitionRef[], timestamp: number): Future<ListedOffset[]> {
    const deadline = this.cluster.now + this.timeoutMs;
    return this.retrying<ListedOffset[]>('listOffsets', deadline, (done, fail) => {
      if (partitions.length === 0) return done({ done: [] });
      const topics = [...new Set(partitions.map((tp) => tp.topic))];
      const metadata = this.metadataCall(topics, deadline);
      metadata.onSettled(() => {
        if (metadata.error !== undefined) return fail(metadata.error);
        const byLeader = new Map<number, TopicPartitionRef[]>();
        const results: ListedOffset[] = [];
        for (const tp of partitions) {
          const topic = metadata.result.topics.find((t) => t.name === tp.topic);
          const meta = topic?.partitions.find((p) => p.partition === tp.partition);
          if (!topic || topic.error === 'UNKNOWN_TOPIC_OR_PARTITION' || !meta) {
            results.push({ ...tp, error: 'UNKNOWN_TOPIC_OR_PARTITION', offset: -1 });
            continue;
          }
          if (meta.leaderId < 0) return done({ retry: true });
          byLeader.set(meta.leaderId, [...(byLeader.get(meta.leaderId) ?? []), tp]);
        }
        if (byLeader.size === 0) return done({ done: results });
        let pending = byLeader.size;
        let retry = false;
        for (const [leader, tps] of byLeader) {
          const f = this.cluster.admin.call<ListOffsetsResponse | { error: string }>(
            'listOffsets',
            [leader],
            {
              kind: 'ListOffsets',
              clientId: ADMIN_CLIENT_ID,
              isolationLevel: 'read_uncommitted',
              partitions: tps.map((tp) => ({ ...tp, timestamp, currentLeaderEpoch: -1 })),
            },
            this.remaining(deadline),
          );
          f.onSettled(() => {
            if (f.error !== undefined) return fail(f.error);
            const r = f.result as ListOffsetsResponse;
            for (const p of r.partitions ?? []) {
              if (p.error === 'NOT_LEADER_OR_FOLLOWER' || p.error === 'LEADER_NOT_AVAILABLE')
                retry = true;
              results.push({
                topic: p.topic,
                partition: p.partition,
                error: p.error,
                offset: p.offset,
              });
            }
            if (!r.partitions) retry = true;
            if (--pending === 0) done(retry ? { retry: true } : { done: results });
          });
        }
      });
    });
  }

  // ---- Plumbing ----------------------------------------------------------------------------------

  private remaining(deadline: number): number {
    return Math.max(1, deadline - this.cluster.now);
  }

  private metadataCall(
    topics: string[],
    deadline: number,
    callName = 'describeTopics',
  ): Future<MetadataResponse> {
    return this.bootstrapCall<MetadataResponse>(
      callName,
      {
        kind: 'Metadata',
        clientId: ADMIN_CLIENT_ID,
        topics: topics.length === 0 ? null : topics,
        allowAutoTopicCreation: false,
      },
      deadline,
    );
  }

  /**
   * A request to the first reachable bootstrap broker. When `bootstrap.servers` names no broker
   * of the cluster, no connection ever succeeds and the call times out.
   */
  private bootstrapCall<T>(callName: string, request: unknown, deadline: number): Future<T> {
    if (this.bootstrap.length > 0)
      return this.cluster.admin.call<T>(
        callName,
        this.bootstrap,
        request,
        this.remaining(deadline),
      );
    const out = new Future<T>();
    this.cluster.scheduler.schedule(this.remaining(deadline), () =>
      out.reject(
        `org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment. Call: ${callName}`,
      ),
    );
    return out;
  }

  /**
   * Runs `attempt` until it gives a result; a `retry` answer runs it again after the backoff while
   * time remains, then fails with the admin client's TimeoutException.
   */
  private retrying<T>(
    callName: string,
    deadline: number,
    attempt: (done: (d: RetryDecision<T>) => void, fail: (error: string) => void) => void,
  ): Future<T> {
    const out = new Future<T>();
    const run = () => {
      if (this.cluster.now >= deadline) {
        out.reject(
          `org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment. Call: ${callName}`,
        );
        return;
      }
      attempt(
        (d) => {
          if ('done' in d) out.resolve(d.done);
          else this.cluster.scheduler.schedule(RETRY_BACKOFF_MS, run);
        },
        (error) => out.reject(error),
      );
    };
    run();
    return out;
  }

  /** FindCoordinator, then `request` to the coordinator; both retried until the call's timeout. */
  private toCoordinator<T>(
    callName: string,
    groupId: string,
    request: (node: GroupCoordinatorNode, done: (d: RetryDecision<T>) => void) => void,
  ): Future<T> {
    const deadline = this.cluster.now + this.timeoutMs;
    return this.retrying<T>(callName, deadline, (done, fail) => {
      const coordinator = this.findCoordinator(groupId, deadline);
      coordinator.onSettled(() => {
        if (coordinator.error !== undefined) return fail(coordinator.error);
        request(coordinator.result, done);
      });
    });
  }

  /**
   * A request to `groupId`'s coordinator: an OffsetFetch / OffsetCommit of the group protocol, or
   * an op the coordinator runs for the admin client. Retriable coordinator errors (top level, or
   * on any partition of an OffsetCommit) and transport failures look for the coordinator again.
   */
  private onCoordinator<R extends { error?: string }, T>(
    callName: string,
    groupId: string,
    request: ((c: GroupCoordinator) => R) | object,
    result: (response: R, coordinator: GroupCoordinatorNode) => T,
  ): Future<T> {
    return this.toCoordinator<T>(callName, groupId, (node, done) => {
      const onResponse = (res: unknown) => {
        const r = res as R & { partitions?: PartitionError[] };
        const retriable =
          r.error !== undefined
            ? retriableCoordinatorErrors.has(r.error)
            : (r.partitions ?? []).some((p) => retriableCoordinatorErrors.has(p.error));
        if (retriable || (r.error === undefined && r.partitions === undefined))
          done({ retry: true });
        else done({ done: result(r, node) });
      };
      if (typeof request === 'function')
        this.adminGroupOp(node.id, undefined, request as (c: GroupCoordinator) => R, onResponse);
      else {
        const f = this.cluster.admin.call<unknown>(callName, [node.id], request, this.timeoutMs);
        f.onSettled(() =>
          onResponse(f.error !== undefined ? { error: 'COORDINATOR_NOT_AVAILABLE' } : f.result),
        );
      }
    });
  }

  /**
   * An admin request the coordinator answers outside the member protocol (DescribeGroups,
   * ListGroups, DeleteGroups, OffsetDelete): sent as an `AdminGroup` request that broker `node`
   * runs against its own group coordinator.
   */
  private adminGroupOp(
    node: number,
    deadline: number | undefined,
    op: (coordinator: GroupCoordinator) => unknown,
    onResponse: (response: unknown) => void,
  ): void {
    const f = this.cluster.admin.call<unknown>(
      'adminGroup',
      [node],
      {
        kind: 'AdminGroup',
        op: (broker: Broker, respond: (r: unknown) => void) => {
          const c = coordinatorOf(broker);
          respond(c ? op(c) : { error: 'COORDINATOR_NOT_AVAILABLE' });
        },
      },
      deadline === undefined ? this.timeoutMs : this.remaining(deadline),
    );
    f.onSettled(() =>
      onResponse(f.error !== undefined ? { error: 'COORDINATOR_NOT_AVAILABLE' } : f.result),
    );
  }
}
