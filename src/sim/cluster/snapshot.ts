/**
 * `cluster.snapshot()`: the whole cluster as plain serialisable data (DESIGN §3) — what the diagram,
 * the operator tables and tests read. Partition state is the controller's view plus, per replica,
 * the hosting broker's log-end offset, log-start offset and high watermark.
 */
import type { Cluster } from './cluster';
import type { ControllerSideSnapshot } from './modeDriver';
import { internalTopics } from '../controller/controllerLogic';

export interface ReplicaSnapshot {
  brokerId: number;
  logStartOffset: number;
  logEndOffset: number;
  highWatermark: number;
  inSync: boolean;
  /** 'leader' | 'follower' | 'offline' (its broker is not running). */
  role: 'leader' | 'follower' | 'offline';
}

export interface PartitionSnapshot {
  topic: string;
  partition: number;
  leader: number;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
  /** The leader's high watermark (-1 when offline). */
  highWatermark: number;
  logEndOffset: number;
  logStartOffset: number;
  replicaStates: ReplicaSnapshot[];
}

export interface TopicSnapshot {
  name: string;
  topicId: string;
  internal: boolean;
  configs: Record<string, string>;
  partitions: PartitionSnapshot[];
}

export interface BrokerSnapshot {
  id: number;
  host: string;
  port: number;
  state: 'running' | 'stopped' | 'shutting-down';
  isolated: boolean;
  isController: boolean;
  fenced: boolean;
  partitions: number;
  leaders: number;
}

export interface ClusterSnapshot {
  now: number;
  wallClockMs: number;
  seed: number;
  mode: 'kraft' | 'zookeeper';
  clusterId: string;
  controllerId: number;
  controller: ControllerSideSnapshot;
  brokers: BrokerSnapshot[];
  topics: TopicSnapshot[];
  groups: unknown[];
}

export function takeSnapshot(cluster: Cluster): ClusterSnapshot {
  const image = cluster.driver.latestImage();
  const controllerId = cluster.driver.controllerId();
  const topics: TopicSnapshot[] = image
    ? [...image.topics.values()]
        .sort((a, b) => (a.name < b.name ? -1 : 1))
        .map((t) => ({
          name: t.name,
          topicId: t.topicId,
          internal: internalTopics.has(t.name),
          configs: { ...t.configs },
          partitions: t.partitions.map((p, partition) => {
            const replicaStates = p.replicas.map((id) => {
              const broker = cluster.brokers.get(id);
              const hosted =
                broker?.isRunning || broker?.state === 'shutting-down'
                  ? broker.replicaManager.get(t.name, partition)
                  : undefined;
              const log = hosted?.log ?? broker?.logs.get(`${t.name}-${partition}`);
              return {
                brokerId: id,
                logStartOffset: log?.logStartOffset ?? 0,
                logEndOffset: log?.logEndOffset ?? 0,
                highWatermark: hosted?.highWatermark ?? 0,
                inSync: p.isr.includes(id),
                role: (!hosted
                  ? 'offline'
                  : p.leader === id
                    ? 'leader'
                    : 'follower') as ReplicaSnapshot['role'],
              };
            });
            const leader = replicaStates.find(
              (r) => r.brokerId === p.leader && r.role === 'leader',
            );
            return {
              topic: t.name,
              partition,
              leader: p.leader,
              leaderEpoch: p.leaderEpoch,
              replicas: p.replicas.slice(),
              isr: p.isr.slice(),
              highWatermark: leader?.highWatermark ?? -1,
              logEndOffset: leader?.logEndOffset ?? -1,
              logStartOffset: leader?.logStartOffset ?? -1,
              replicaStates,
            };
          }),
        }))
    : [];
  const brokers = [...cluster.brokers.values()]
    .sort((a, b) => a.id - b.id)
    .map((b) => {
      let partitions = 0;
      let leaders = 0;
      for (const t of topics)
        for (const p of t.partitions) {
          if (p.replicas.includes(b.id)) partitions++;
          if (p.leader === b.id) leaders++;
        }
      return {
        id: b.id,
        host: b.host,
        port: b.port,
        state: b.state,
        isolated: cluster.network.isIsolated(b.node),
        isController: controllerId === b.id,
        fenced: image?.brokers.get(b.id)?.fenced ?? true,
        partitions,
        leaders,
      };
    });
  return {
    now: cluster.now,
    wallClockMs: cluster.wallClockMs,
    seed: cluster.options.seed ?? 1,
    mode: cluster.mode,
    clusterId: cluster.clusterId,
    controllerId,
    controller: cluster.driver.describe(),
    brokers,
    topics,
    groups: cluster.groupSnapshots ? cluster.groupSnapshots() : [],
  };
}
