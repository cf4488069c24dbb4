/**
 * KRaft mode (KIP-500): a quorum of controllers (combined with brokers 1–3, `process.roles=broker,controller`)
 * elects a leader with Raft (KIP-595); the leader is the active controller and appends metadata
 * records to the replicated metadata log, which commit once a majority has them. Brokers register,
 * heartbeat every `broker.heartbeat.interval.ms` (2 s) and are fenced after `broker.session.timeout.ms`
 * (9 s) without one. Committed records reach brokers as they would by fetching the metadata log.
 * Source: metadata/src/main/java/org/apache/kafka/controller/QuorumController.java, BrokerHeartbeatManager.java.
 */
import type { AlterPartitionRequest, Broker, ControllerChannel } from '../broker/broker';
import { ActiveController } from '../controller/activeController';
import type { CommittedRecord } from '../controller/activeController';
import { ControllerLogic } from '../controller/controllerLogic';
import { emptyImage } from '../metadata/image';
import type { MetadataRecord } from '../metadata/records';
import { brokerNode } from '../network/network';
import { rpc } from '../network/rpc';
import { RaftNode } from '../kraft/raftNode';
import type { Cluster } from './cluster';
import type { ControllerSideSnapshot, ModeDriver } from './modeDriver';

interface ControllerNode {
  id: number;
  raft: RaftNode<MetadataRecord[]>;
  ctrl: ActiveController;
  pending: Map<number, (error?: string) => void>;
}

/** KRaft controller layout: dedicated controller processes, or `broker,controller` combined nodes. */
export interface KraftLayout {
  voters: number[];
  combined: boolean;
}

/** Network address of controller `id`: its own process, or the broker it is combined with. */
export const controllerNodeFor = (layout: KraftLayout, id: number): string =>
  layout.combined ? brokerNode(id) : `controller-${id}`;

export interface KraftDriver extends ModeDriver {
  readonly layout: KraftLayout;
  /** Starts a dedicated controller process (no-op in combined mode, where the broker does it). */
  startController(id: number): void;
  /** Stops a dedicated controller process (crash: its Raft state stays on disk). */
  stopController(id: number): void;
}

export function createKraftDriver(cluster: Cluster, layout: KraftLayout): KraftDriver {
  const { scheduler, network, bus } = cluster;
  const { voters } = layout;
  const nodeOf = (id: number) => controllerNodeFor(layout, id);
  const nodes = new Map<number, ControllerNode>();
  const lastHeartbeat = new Map<number, number>();
  const heartbeatTimers = new Map<number, number>();
  let activeId = -1;
  let fenceTimer: number | undefined;
  const logic = new ControllerLogic('kraft', cluster.rng.fork('placement'), () =>
    cluster.brokerConfig(activeId > 0 ? activeId : (voters[0] ?? 1)),
  );
  const active = () => (activeId >= 0 ? nodes.get(activeId)?.ctrl : undefined);
  const isLive = (id: number) => {
    const reg = active()?.image.brokers.get(id);
    return !!reg && !reg.fenced && !reg.inControlledShutdown;
  };

  const publish = (records: CommittedRecord[]) => {
    const ctrl = active();
    if (!ctrl) return;
    const first = records[0]?.offset ?? ctrl.offset;
    for (const b of cluster.brokers.values()) {
      if (!b.isRunning && b.state !== 'shutting-down') continue;
      network.send(nodeOf(ctrl.nodeId), b.node, 'MetadataFetch', () => {
        if (b.metadataOffset < first - 1) b.applyMetadata(ctrl.since(b.metadataOffset));
        else b.applyMetadata(records);
      });
    }
  };

  /** Brokers started since they last caught up: they load the whole image, not just new records. */
  const starting = new Set<number>();

  const catchUp = (b: Broker) => {
    const ctrl = active();
    if (!ctrl) return;
    network.send(nodeOf(ctrl.nodeId), b.node, 'MetadataFetch', () => {
      // A starting broker replays its metadata log and publishes the whole image (every hosted
      // replica is created again, BrokerMetadataPublisher's first publish), not only what changed.
      if (starting.delete(b.id)) b.loadImage(ctrl.image, ctrl.offset);
      else b.applyMetadata(ctrl.since(b.metadataOffset));
    });
  };

  const checkFencing = () => {
    fenceTimer = undefined;
    const ctrl = active();
    if (!ctrl) return;
    const timeout = cluster.brokerConfig(ctrl.nodeId).int('broker.session.timeout.ms');
    for (const reg of ctrl.image.brokers.values()) {
      if (reg.fenced) continue;
      const last = lastHeartbeat.get(reg.id) ?? scheduler.now;
      if (scheduler.now - last > timeout)
        ctrl.submit(() =>
          ctrl.image.brokers.get(reg.id)?.fenced
            ? []
            : [
                { type: 'FenceBroker', brokerId: reg.id },
                ...logic.brokerFailed(ctrl.image, reg.id, (x) => x !== reg.id && isLive(x)),
              ],
        );
    }
    fenceTimer = scheduler.schedule(1000, checkFencing);
  };

  for (const id of voters) {
    const node: ControllerNode = {
      id,
      pending: new Map(),
      ctrl: undefined as unknown as ActiveController,
      raft: undefined as unknown as RaftNode<MetadataRecord[]>,
    };
    node.ctrl = new ActiveController(
      id,
      emptyImage(cluster.clusterId),
      logic,
      {
        commit(records, done) {
          // A lone voter commits inside append(): register the callback under the entry's offset first.
          const expected = node.raft.logEndOffset;
          node.pending.set(expected, done);
          const offset = node.raft.append([records]);
          if (offset === undefined) {
            node.pending.delete(expected);
            done('NOT_CONTROLLER');
          } else if (offset !== expected && node.pending.get(expected) === done) {
            node.pending.delete(expected);
            node.pending.set(offset, done);
          }
        },
      },
      bus,
      publish,
      isLive,
    );
    node.ctrl.active = false;
    node.raft = new RaftNode<MetadataRecord[]>({
      nodeId: id,
      voters,
      now: () => scheduler.now,
      schedule: (ms, fn) => scheduler.schedule(ms, fn),
      cancel: (t) => scheduler.cancel(t),
      rng: cluster.rng.fork(`kraft-${id}`),
      send: (to, message) =>
        network.send(nodeOf(id), nodeOf(to), 'Raft', () =>
          nodes.get(to)?.raft.receive(id, message),
        ),
      emit: (type, fields) => bus.emit(type, fields),
      onCommit: (entries) => {
        for (const e of entries) {
          node.ctrl.applyCommitted(e.record);
          const done = node.pending.get(e.offset);
          node.pending.delete(e.offset);
          done?.();
        }
      },
      onBecomeLeader: (epoch) => {
        activeId = id;
        node.ctrl.active = true;
        for (const b of cluster.brokers.values()) lastHeartbeat.set(b.id, scheduler.now);
        bus.emit('controller.elected', { mode: 'kraft', controller: id, epoch });
        for (const b of cluster.brokers.values()) if (b.isRunning) catchUp(b);
        scheduler.cancel(fenceTimer);
        fenceTimer = scheduler.schedule(1000, checkFencing);
        const rebalance = () => {
          if (activeId !== id || !node.ctrl.active) return;
          const cfg = cluster.brokerConfig(id);
          if (cfg.bool('auto.leader.rebalance.enable'))
            node.ctrl.submit(() => logic.autoRebalance(node.ctrl.image, isLive));
          scheduler.schedule(cfg.int('leader.imbalance.check.interval.seconds') * 1000, rebalance);
        };
        scheduler.schedule(
          cluster.brokerConfig(id).int('leader.imbalance.check.interval.seconds') * 1000,
          rebalance,
        );
      },
      onResign: () => {
        node.ctrl.resign();
        for (const done of node.pending.values()) done('NOT_CONTROLLER');
        node.pending.clear();
        if (activeId === id) {
          activeId = -1;
          bus.emit('controller.resigned', { mode: 'kraft', controller: id });
        }
      },
    });
    nodes.set(id, node);
  }

  const toController = <R>(
    b: Broker,
    kind: string,
    handle: (ctrl: ActiveController, reply: (r: R) => void) => void,
    onResponse: (r: R) => void,
    onError: () => void,
  ) => {
    const ctrl = active();
    if (!ctrl) return onError();
    rpc<R>(
      network,
      scheduler,
      b.node,
      nodeOf(ctrl.nodeId),
      kind,
      (reply) => {
        const now = active();
        if (now !== ctrl) return;
        handle(ctrl, reply);
      },
      onResponse,
      onError,
      b.config.int('request.timeout.ms'),
    );
  };

  const heartbeat = (b: Broker) => {
    if (!b.isRunning && b.state !== 'shutting-down') return;
    toController<{ offset: number }>(
      b,
      'BrokerHeartbeat',
      (ctrl, reply) => {
        lastHeartbeat.set(b.id, scheduler.now);
        const reg = ctrl.image.brokers.get(b.id);
        if (!reg) {
          ctrl.submit(() =>
            ctrl.image.brokers.has(b.id)
              ? []
              : [
                  {
                    type: 'RegisterBroker',
                    broker: {
                      id: b.id,
                      host: b.host,
                      port: b.port,
                      rack: null,
                      epoch: scheduler.now + 1,
                      fenced: false,
                      inControlledShutdown: false,
                    },
                  },
                  ...logic.brokerRecovered(ctrl.image, b.id, (x) => x === b.id || isLive(x)),
                ],
          );
        } else if (reg.fenced && b.isRunning) {
          ctrl.submit(() =>
            ctrl.image.brokers.get(b.id)?.fenced
              ? [
                  { type: 'UnfenceBroker', brokerId: b.id },
                  ...logic.brokerRecovered(ctrl.image, b.id, (x) => x === b.id || isLive(x)),
                ]
              : [],
          );
        }
        reply({ offset: ctrl.offset });
      },
      (r) => {
        if (b.metadataOffset < r.offset) catchUp(b);
      },
      () => {},
    );
    heartbeatTimers.set(
      b.id,
      scheduler.schedule(b.config.int('broker.heartbeat.interval.ms'), () => heartbeat(b)),
    );
  };

  const channel: ControllerChannel = {
    register(b) {
      scheduler.cancel(heartbeatTimers.get(b.id));
      starting.add(b.id);
      heartbeat(b);
      catchUp(b);
    },
    controlledShutdown(b, done) {
      toController<unknown>(
        b,
        'ControlledShutdown',
        (ctrl, reply) =>
          ctrl.submit(
            () => logic.controlledShutdown(ctrl.image, b.id, isLive),
            () =>
              // Leaderships moved: the controller answers SHUTDOWN_NOW and fences the broker
              // (ReplicationControlManager.processBrokerHeartbeat → handleBrokerFenced), so
              // partitions it still leads go offline and on restart its heartbeats unfence it.
              ctrl.submit(
                () =>
                  ctrl.image.brokers.get(b.id)?.fenced
                    ? []
                    : [
                        { type: 'FenceBroker', brokerId: b.id },
                        ...logic.brokerFailed(ctrl.image, b.id, (x) => x !== b.id && isLive(x)),
                      ],
                () => reply({}),
              ),
          ),
        () => done(),
        () => done(),
      );
    },
    alterPartition(b, req: AlterPartitionRequest, done) {
      toController<{ error: string }>(
        b,
        'AlterPartition',
        (ctrl, reply) => ctrl.alterPartition(req, (error) => reply({ error })),
        (r) => done(r.error),
        () => done('REQUEST_TIMED_OUT'),
      );
    },
    unregister(b) {
      scheduler.cancel(heartbeatTimers.get(b.id));
      heartbeatTimers.delete(b.id);
    },
  };

  const startNode = (id: number) => {
    const node = nodes.get(id);
    if (!node || node.raft.running) return;
    network.setUp(nodeOf(id), true);
    if (node.raft.log.length === 0 && node.raft.epoch === 0) node.raft.start();
    else node.raft.restart();
    bus.emit('controller.started', { controller: id });
  };
  const stopNode = (id: number) => {
    const node = nodes.get(id);
    if (!node || !node.raft.running) return;
    node.raft.stop();
    if (!layout.combined) network.setUp(nodeOf(id), false);
    bus.emit('controller.stopped', { controller: id });
  };

  return {
    mode: 'kraft',
    layout,
    channel,
    boot: () => {
      if (!layout.combined) for (const id of voters) startNode(id);
    },
    startController: (id) => !layout.combined && startNode(id),
    stopController: (id) => !layout.combined && stopNode(id),
    active,
    latestImage() {
      const current = active();
      if (current) return current.image;
      let best: ActiveController | undefined;
      for (const n of nodes.values()) if (!best || n.ctrl.offset > best.offset) best = n.ctrl;
      return best?.image;
    },
    controllerId: () => activeId,
    onBrokerProcessStarted(id) {
      if (layout.combined) startNode(id);
    },
    onBrokerProcessStopped(id) {
      if (layout.combined) stopNode(id);
    },
    describe(): ControllerSideSnapshot {
      const leader = activeId >= 0 ? nodes.get(activeId) : undefined;
      return {
        mode: 'kraft',
        controllerId: activeId,
        controllerEpoch: leader?.raft.epoch ?? -1,
        quorum: {
          leaderId: activeId,
          leaderEpoch: leader?.raft.epoch ?? -1,
          highWatermark: leader?.raft.highWatermark ?? -1,
          voters: (() => {
            // The leader's DescribeQuorum view: when each voter last fetched and was caught up,
            // in virtual ms (-1 when unknown).
            const replicas = leader?.raft.describeQuorum()?.replicas ?? [];
            return [...nodes.values()].map((n) => {
              const r = replicas.find((x) => x.nodeId === n.id);
              return {
                nodeId: n.id,
                role: n.raft.role,
                logEndOffset: n.raft.logEndOffset,
                running: n.raft.running,
                lastFetchTimestamp: r?.lastFetchTimestamp ?? -1,
                lastCaughtUpTimestamp: r?.lastCaughtUpTimestamp ?? -1,
              };
            });
          })(),
        },
      };
    },
  };
}
