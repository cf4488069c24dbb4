/**
 * What a broker does with each client request it receives (Kafka `KafkaApis`): produce, fetch and
 * list offsets go to the replica manager; metadata comes from the broker's own metadata cache
 * (auto-creating topics when allowed); admin requests are forwarded to the active controller.
 */
import type { Broker } from '../broker/broker';
import { isUsableBroker } from '../metadata/image';
import { brokerNode } from '../network/network';
import { rpc } from '../network/rpc';
import { brokerApiVersions } from '../protocol/apiKeys';
import type {
  ApiVersionsResponse,
  FetchRequest,
  FindCoordinatorRequest,
  ListOffsetsRequest,
  MetadataRequest,
  MetadataResponse,
  ProduceRequest,
  TopicMetadata,
} from '../protocol/messages';
import type { Cluster } from './cluster';
import { internalTopics } from '../controller/controllerLogic';

/** Name of the internal topic that stores committed offsets and group metadata. */
export const offsetsTopic = '__consumer_offsets';

type Respond = (response: unknown) => void;

export function routeBrokerRequest(
  cluster: Cluster,
  broker: Broker,
  request: unknown,
  respond: Respond,
  _from: string,
): void {
  const req = request as { kind: string; api?: string; clientHost?: string };
  if (req.api !== undefined) {
    const handler = broker.handlers.get('Group');
    // The coordinator records the connection's remote address as the member's host
    // (`context.clientAddress.toString`); simulated clients run on the learner's machine.
    const withHost =
      req.api === 'JoinGroup' && req.clientHost === undefined
        ? { ...req, clientHost: '/127.0.0.1' }
        : request;
    if (handler) handler(withHost, respond, _from);
    return;
  }
  switch (req.kind) {
    case 'Produce':
      broker.replicaManager.handleProduce(req as ProduceRequest, respond);
      return;
    case 'Fetch':
      broker.replicaManager.handleFetch(req as FetchRequest, respond);
      return;
    case 'ListOffsets':
      broker.replicaManager.handleListOffsets(req as ListOffsetsRequest, respond);
      return;
    case 'Metadata':
      respond(metadataResponse(cluster, broker, req as MetadataRequest));
      return;
    case 'FindCoordinator':
      respond(findCoordinator(cluster, broker, req as FindCoordinatorRequest));
      return;
    case 'ApiVersions':
      respond(apiVersionsResponse(cluster));
      return;
    case 'InitProducerId':
      respond({
        kind: 'InitProducerId',
        error: 'NONE',
        producerId: cluster.allocateProducerId(),
        producerEpoch: 0,
      });
      return;
    case 'AdminGroup':
      // Group admin requests the coordinator answers (DescribeGroups, ListGroups, DeleteGroups,
      // OffsetDelete): the op runs against this broker's coordinator (see groupAdmin.ts).
      (req as unknown as { op: (b: Broker, done: Respond) => void }).op(broker, respond);
      return;
    case 'Admin': {
      const { op } = req as unknown as {
        op: (
          ctrl: NonNullable<ReturnType<Cluster['driver']['active']>>,
          done: (result: unknown) => void,
        ) => void;
      };
      forwardToController(cluster, broker, op, respond);
      return;
    }
    default:
      respond({ error: 'INVALID_REQUEST' });
  }
}

/** Forwards an admin operation from `broker` to the active controller over the network. */
export function forwardToController(
  cluster: Cluster,
  broker: Broker,
  op: (
    ctrl: NonNullable<ReturnType<Cluster['driver']['active']>>,
    done: (result: unknown) => void,
  ) => void,
  respond: Respond,
): void {
  const controllerId = cluster.driver.controllerId();
  if (controllerId < 0) {
    respond({ error: 'NOT_CONTROLLER' });
    return;
  }
  rpc<unknown>(
    cluster.network,
    cluster.scheduler,
    broker.node,
    brokerNode(controllerId),
    'Forward',
    (reply) => {
      const ctrl = cluster.driver.active();
      if (!ctrl || ctrl.nodeId !== controllerId) reply({ error: 'NOT_CONTROLLER' });
      else op(ctrl, reply);
    },
    respond,
    (error) => respond({ error }),
    broker.config.int('request.timeout.ms'),
  );
}

function metadataResponse(
  cluster: Cluster,
  broker: Broker,
  req: MetadataRequest,
): MetadataResponse {
  const image = broker.image;
  const brokers = [...image.brokers.values()]
    .filter((b) => !b.fenced && cluster.network.isUp(brokerNode(b.id)))
    .sort((a, b) => a.id - b.id)
    .map((b) => ({ nodeId: b.id, host: b.host, port: b.port, rack: b.rack }));
  const names = req.topics ?? [...image.topics.keys()].sort();
  const topics: TopicMetadata[] = names.map((name) => {
    const t = image.topics.get(name);
    if (!t) {
      const canCreate =
        req.allowAutoTopicCreation &&
        broker.config.bool('auto.create.topics.enable') &&
        req.topics !== null;
      if (canCreate) autoCreateTopic(cluster, broker, name);
      return {
        name,
        topicId: 'AAAAAAAAAAAAAAAAAAAAAA',
        error: canCreate ? 'LEADER_NOT_AVAILABLE' : 'UNKNOWN_TOPIC_OR_PARTITION',
        isInternal: false,
        partitions: [],
      };
    }
    return {
      name,
      topicId: t.topicId,
      error: 'NONE',
      isInternal: internalTopics.has(name),
      partitions: t.partitions.map((p, partition) => ({
        partition,
        error: p.leader === -1 ? 'LEADER_NOT_AVAILABLE' : 'NONE',
        leaderId: p.leader,
        leaderEpoch: p.leaderEpoch,
        replicas: p.replicas.slice(),
        isr: p.isr.slice(),
        offlineReplicas: p.replicas.filter(
          (r) => !isUsableBroker(image, r) && image.brokers.get(r)?.inControlledShutdown !== true,
        ),
      })),
    };
  });
  return {
    kind: 'Metadata',
    brokers,
    clusterId: cluster.clusterId,
    controllerId: cluster.driver.controllerId(),
    topics,
  };
}

/** `ApiVersionsResponse.createApiVersionsResponse`: the APIs of the broker's listener type. */
function apiVersionsResponse(cluster: Cluster): ApiVersionsResponse {
  return {
    kind: 'ApiVersions',
    error: 'NONE',
    apiKeys: brokerApiVersions(cluster.mode === 'kraft' ? 'broker' : 'zkBroker'),
  };
}

const creating = new WeakMap<Cluster, Set<string>>();

/** Auto topic creation (`auto.create.topics.enable`): create with the broker defaults. */
export function autoCreateTopic(
  cluster: Cluster,
  broker: Broker,
  name: string,
  overrides: {
    partitions?: number;
    replicationFactor?: number;
    configs?: Record<string, string>;
  } = {},
): void {
  let pending = creating.get(cluster);
  if (!pending) creating.set(cluster, (pending = new Set()));
  if (pending.has(name)) return;
  pending.add(name);
  forwardToController(
    cluster,
    broker,
    (ctrl, done) =>
      ctrl.submit(
        () =>
          ctrl.image.topics.has(name)
            ? []
            : ctrl.logic.createTopic(
                ctrl.image,
                {
                  name,
                  numPartitions: overrides.partitions ?? -1,
                  replicationFactor: overrides.replicationFactor ?? -1,
                  configs: overrides.configs ?? {},
                },
                cluster.rng.fork(`topic-id-${name}-${cluster.now}`).kafkaUuid(),
              ),
        (error) => done({ error }),
      ),
    () => pending!.delete(name),
  );
}

function findCoordinator(cluster: Cluster, broker: Broker, req: FindCoordinatorRequest) {
  const none = { kind: 'FindCoordinator' as const, nodeId: -1, host: '', port: -1 };
  const t = broker.image.topics.get(offsetsTopic);
  if (!t) {
    const rf = broker.config.int('offsets.topic.replication.factor');
    const alive = [...broker.image.brokers.values()].filter((b) => !b.fenced).length;
    if (alive >= rf)
      autoCreateTopic(cluster, broker, offsetsTopic, {
        partitions: broker.config.int('offsets.topic.num.partitions'),
        replicationFactor: rf,
        configs: {
          'cleanup.policy': 'compact',
          'compression.type': 'producer',
          'segment.bytes': '104857600',
        },
      });
    return { ...none, error: 'COORDINATOR_NOT_AVAILABLE' as const };
  }
  const partition = partitionForGroupId(req.key, t.partitions.length);
  const leader = t.partitions[partition]?.leader ?? -1;
  const reg = broker.image.brokers.get(leader);
  if (leader < 0 || !reg) return { ...none, error: 'COORDINATOR_NOT_AVAILABLE' as const };
  return {
    kind: 'FindCoordinator' as const,
    error: 'NONE' as const,
    nodeId: leader,
    host: reg.host,
    port: reg.port,
  };
}

/** `Utils.abs(groupId.hashCode()) % partitions` (GroupMetadataManager.partitionFor). */
export function partitionForGroupId(groupId: string, partitions: number): number {
  let h = 0;
  for (let i = 0; i < groupId.length; i++) h = (Math.imul(31, h) + groupId.charCodeAt(i)) | 0;
  const abs = h === -2147483648 ? 0 : Math.abs(h);
  return abs % partitions;
}
