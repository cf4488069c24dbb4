/**
 * ZooKeeper mode (Kafka 3.9 with `zookeeper.connect`): brokers hold ZooKeeper sessions and register
 * ephemeral `/brokers/ids/N` znodes; the first broker to create the ephemeral `/controller` znode is
 * the controller; when its session ends, the others race to replace it. The controller keeps
 * partition state in `/brokers/topics/...` znodes and sends it to brokers (UpdateMetadata /
 * LeaderAndIsr). A crashed broker is noticed only when its session times out
 * (`zookeeper.session.timeout.ms`, 18 s). Source: core/src/main/scala/kafka/controller/KafkaController.scala.
 */
import type { AlterPartitionRequest, Broker, ControllerChannel } from '../broker/broker';
import { ActiveController } from '../controller/activeController';
import type { CommittedRecord, MetadataStore } from '../controller/activeController';
import { ControllerLogic } from '../controller/controllerLogic';
import { emptyImage } from '../metadata/image';
import type { MetadataImage } from '../metadata/image';
import type { MetadataRecord } from '../metadata/records';
import { brokerNode } from '../network/network';
import { rpc } from '../network/rpc';
import { ZooKeeperClient } from '../zookeeper/zooKeeperClient';
import { ZooKeeperServer } from '../zookeeper/zooKeeperServer';
import type { ZkRequest, ZkResponse, ZkWatchEvent } from '../zookeeper/zkProtocol';
import type { Cluster } from './cluster';
import type { ControllerSideSnapshot, ModeDriver } from './modeDriver';

/** The ZooKeeper server's network address. */
export const zookeeperNode = 'zookeeper';

export interface ZkDriver extends ModeDriver {
  readonly zookeeper: ZooKeeperServer;
  startZooKeeper(): void;
  stopZooKeeper(): void;
}

/** Creates a persistent znode, creating missing parents first (Kafka's `createRecursive`). */
function createWithParents(
  zk: ZooKeeperClient,
  path: string,
  data: string | null,
  done: (err: string) => void,
): void {
  zk.create(path, data, 'PERSISTENT', (r) => {
    if (r.err !== 'NONODE') return done(r.err);
    const parent = path.slice(0, path.lastIndexOf('/'));
    if (!parent) return done(r.err);
    createWithParents(zk, parent, null, (err) => {
      if (err !== 'OK' && err !== 'NODEEXISTS') return done(err);
      zk.create(path, data, 'PERSISTENT', (again) => done(again.err));
    });
  });
}

export function createZkDriver(cluster: Cluster): ZkDriver {
  const { scheduler, network, bus } = cluster;
  const clients = new Map<number, ZooKeeperClient>();
  let active: ActiveController | undefined;
  let controllerId = -1;
  let controllerEpoch = 0;
  const logic = new ControllerLogic('zookeeper', cluster.rng.fork('placement'), () =>
    cluster.brokerConfig(controllerId > 0 ? controllerId : 1),
  );

  const server = new ZooKeeperServer({
    now: () => scheduler.now,
    schedule: (ms, fn) => scheduler.schedule(ms, fn),
    cancel: (id) => scheduler.cancel(id),
    emit: (type, fields) => bus.emit(type, fields),
    send: (to, message) =>
      network.send(zookeeperNode, to, 'Zk', () => {
        const id = Number(to.replace('broker-', ''));
        clients.get(id)?.receive(message as ZkResponse | ZkWatchEvent);
      }),
  });

  const brokerJson = (b: Broker) =>
    JSON.stringify({
      features: {},
      listener_security_protocol_map: { PLAINTEXT: 'PLAINTEXT' },
      endpoints: [`PLAINTEXT://${b.host}:${b.port}`],
      jmx_port: -1,
      port: b.port,
      host: b.host,
      version: 5,
      timestamp: String(cluster.wallClockMs),
    });

  /** Writes the znodes that hold `records` durably, then calls `done`. */
  const store = (zk: ZooKeeperClient, image: () => MetadataImage): MetadataStore => ({
    commit(records, done) {
      const writes: { path: string; data: string | null; remove?: boolean }[] = [];
      const img = image();
      for (const r of records) {
        if (r.type === 'Topic')
          writes.push({
            path: `/brokers/topics/${r.name}`,
            data: JSON.stringify({ topic_id: r.topicId, version: 3 }),
          });
        else if (r.type === 'Partition' || r.type === 'PartitionChange') {
          const cur = img.topics.get(r.topic)?.partitions[r.partition];
          const leader =
            r.type === 'Partition' ? r.registration.leader : (r.leader ?? cur?.leader ?? -1);
          const isr = r.type === 'Partition' ? r.registration.isr : (r.isr ?? cur?.isr ?? []);
          const replicas =
            r.type === 'Partition' ? r.registration.replicas : (r.replicas ?? cur?.replicas ?? []);
          // Kafka keeps replica lists in the topic znode; the simulation keeps them beside the state.
          writes.push({
            path: `/brokers/topics/${r.topic}/partitions/${r.partition}/state`,
            data: JSON.stringify({
              controller_epoch: controllerEpoch,
              leader,
              version: 1,
              leader_epoch: (cur?.leaderEpoch ?? -1) + 1,
              isr,
              replicas,
            }),
          });
        } else if (r.type === 'RemoveTopic')
          writes.push({ path: `/admin/delete_topics/${r.name}`, data: null });
        else if (r.type === 'Config')
          writes.push({
            path: `/config/${r.resource === 'topic' ? 'topics' : r.resource === 'broker' ? 'brokers' : 'groups'}/${r.name || '<default>'}`,
            data: JSON.stringify({ version: 1, config: { [r.key]: r.value } }),
          });
      }
      let remaining = writes.length;
      if (remaining === 0) {
        active?.applyCommitted(records);
        done();
        return;
      }
      let failed: string | undefined;
      for (const w of writes) {
        const finish = (err: string) => {
          if (err !== 'OK' && err !== 'NODEEXISTS') failed = `KeeperErrorCode = ${err}`;
          if (--remaining > 0) return;
          if (failed) done(failed);
          else {
            active?.applyCommitted(records);
            done();
          }
        };
        zk.setData(w.path, w.data, -1, (r) => {
          if (r.err === 'NONODE') createWithParents(zk, w.path, w.data, finish);
          else finish(r.err);
        });
      }
    },
  });

  const publish = (records: CommittedRecord[]) => {
    if (!active) return;
    const from = brokerNode(active.nodeId);
    const first = records[0]?.offset ?? active.offset;
    for (const b of cluster.brokers.values()) {
      if (!b.isRunning && b.state !== 'shutting-down') continue;
      if (b.metadataOffset < first - 1) sendFull(b);
      else network.send(from, b.node, 'UpdateMetadata', () => b.applyMetadata(records));
    }
  };

  const sendFull = (b: Broker) => {
    if (!active) return;
    const ctrl = active;
    network.send(brokerNode(ctrl.nodeId), b.node, 'UpdateMetadata', () => {
      if (b.metadataOffset < ctrl.offset) b.loadImage(ctrl.image, ctrl.offset);
    });
  };

  const isLive = (id: number) => {
    const reg = active?.image.brokers.get(id);
    return !!reg && !reg.fenced && !reg.inControlledShutdown;
  };

  /** Controller: reconcile /brokers/ids with the image (KafkaController.processBrokerChange). */
  const watchBrokers = (zk: ZooKeeperClient, ctrl: ActiveController) => {
    if (active !== ctrl) return;
    zk.getChildren(
      '/brokers/ids',
      (res) => {
        if (active !== ctrl || res.err !== 'OK') return;
        const alive = new Set(res.children.map(Number));
        for (const id of alive) {
          const reg = ctrl.image.brokers.get(id);
          if (reg && !reg.fenced) continue;
          const b = cluster.brokers.get(id);
          if (!b) continue;
          const epoch = (reg?.epoch ?? 0) + 1;
          ctrl.submit(
            () => [
              {
                type: 'RegisterBroker',
                broker: {
                  id,
                  host: b.host,
                  port: b.port,
                  rack: null,
                  epoch,
                  fenced: false,
                  inControlledShutdown: false,
                },
              },
              ...logic.brokerRecovered(ctrl.image, id, (x) => x === id || isLive(x)),
            ],
            () => sendFull(b),
          );
        }
        for (const reg of ctrl.image.brokers.values()) {
          if (alive.has(reg.id) || reg.fenced) continue;
          ctrl.submit(() => [
            { type: 'FenceBroker', brokerId: reg.id },
            ...logic.brokerFailed(ctrl.image, reg.id, (x) => x !== reg.id && isLive(x)),
          ]);
        }
        ctrl.submit(() => logic.electLeaderless(ctrl.image, isLive));
      },
      () => watchBrokers(zk, ctrl),
    );
  };

  /** Loads partition state from ZooKeeper into a fresh image (controller failover). */
  const loadImage = (zk: ZooKeeperClient, done: (image: MetadataImage) => void) => {
    const image = emptyImage(cluster.clusterId);
    zk.getChildren('/brokers/topics', (topics) => {
      const names = topics.err === 'OK' ? topics.children : [];
      let pending = names.length;
      if (pending === 0) return done(image);
      for (const name of names) {
        zk.getData(`/brokers/topics/${name}`, (t) => {
          const topicId = t.data ? (JSON.parse(t.data) as { topic_id: string }).topic_id : '';
          image.topics.set(name, { name, topicId, partitions: [], configs: {} });
          zk.getChildren(`/brokers/topics/${name}/partitions`, (ps) => {
            const parts = ps.err === 'OK' ? ps.children.map(Number) : [];
            let left = parts.length + 1;
            const fin = () => {
              if (--left === 0 && --pending === 0) done(image);
            };
            zk.getData(`/config/topics/${name}`, (c) => {
              if (c.data)
                Object.assign(
                  image.topics.get(name)!.configs,
                  (JSON.parse(c.data) as { config: Record<string, string> }).config,
                );
              fin();
            });
            for (const p of parts)
              zk.getData(`/brokers/topics/${name}/partitions/${p}/state`, (s) => {
                const st = s.data
                  ? (JSON.parse(s.data) as {
                      leader: number;
                      leader_epoch: number;
                      isr: number[];
                      replicas?: number[];
                    })
                  : undefined;
                const prevCtrl = cluster.brokers.get(controllerId);
                const prev = prevCtrl?.image.topics.get(name)?.partitions[p];
                image.topics.get(name)!.partitions[p] = {
                  replicas: st?.replicas ?? prev?.replicas ?? [],
                  isr: st?.isr ?? [],
                  leader: st?.leader ?? -1,
                  leaderEpoch: st?.leader_epoch ?? 0,
                  partitionEpoch: s.stat?.version ?? 0,
                  addingReplicas: [],
                  removingReplicas: [],
                };
                fin();
              });
          });
        });
      }
    });
  };

  const becomeController = (b: Broker, zk: ZooKeeperClient) => {
    controllerEpoch += 1;
    controllerId = b.id;
    zk.setData('/controller_epoch', String(controllerEpoch), -1, (r) => {
      if (r.err === 'NONODE')
        zk.create('/controller_epoch', String(controllerEpoch), 'PERSISTENT', () => {});
    });
    bus.emit('controller.elected', { mode: 'zookeeper', controller: b.id, epoch: controllerEpoch });
    loadImage(zk, (image) => {
      if (controllerId !== b.id || !b.isRunning) return;
      // Replica lists are kept in the topic znode by Kafka; the simulation keeps them with the state.
      for (const t of image.topics.values())
        for (const p of t.partitions) if (p && p.replicas.length === 0) p.replicas = p.isr.slice();
      // Every replica starts as presumed alive; the /brokers/ids watch below fences the ones whose
      // znode is gone and elects new leaders for their partitions (onControllerFailover).
      for (const t of image.topics.values())
        for (const p of t.partitions)
          for (const id of p?.replicas ?? []) {
            const br = cluster.brokers.get(id);
            if (br && !image.brokers.has(id))
              image.brokers.set(id, {
                id,
                host: br.host,
                port: br.port,
                rack: null,
                epoch: 0,
                fenced: false,
                inControlledShutdown: false,
              });
          }
      const ctrl: ActiveController = new ActiveController(
        b.id,
        image,
        logic,
        store(zk, (): MetadataImage => ctrl.image),
        bus,
        publish,
        isLive,
        controllerEpoch * 1_000_000_000,
      );
      active = ctrl;
      for (const other of cluster.brokers.values()) if (other.isRunning) sendFull(other);
      watchBrokers(zk, ctrl);
      const leaderCheck = () => {
        if (active !== ctrl) return;
        if (b.config.bool('auto.leader.rebalance.enable'))
          ctrl.submit(() => logic.autoRebalance(ctrl.image, isLive));
        scheduler.schedule(
          b.config.int('leader.imbalance.check.interval.seconds') * 1000,
          leaderCheck,
        );
      };
      scheduler.schedule(
        b.config.int('leader.imbalance.check.interval.seconds') * 1000,
        leaderCheck,
      );
    });
  };

  const elect = (b: Broker, zk: ZooKeeperClient) => {
    if (!b.isRunning) return;
    zk.create(
      '/controller',
      JSON.stringify({
        version: 2,
        brokerid: b.id,
        timestamp: String(cluster.wallClockMs),
        kraftControllerEpoch: -1,
      }),
      'EPHEMERAL',
      (r) => {
        if (r.err === 'OK') return becomeController(b, zk);
        zk.exists(
          '/controller',
          (e) => {
            if (e.err === 'NONODE') elect(b, zk);
          },
          () => elect(b, zk),
        );
      },
    );
  };

  const resignIfController = (id: number) => {
    if (controllerId !== id) return;
    active?.resign();
    active = undefined;
    controllerId = -1;
    bus.emit('controller.resigned', { mode: 'zookeeper', controller: id });
  };

  const channel: ControllerChannel = {
    register(b) {
      const zk = new ZooKeeperClient({
        clientId: b.node,
        now: () => scheduler.now,
        schedule: (ms, fn) => scheduler.schedule(ms, fn),
        cancel: (id) => scheduler.cancel(id),
        emit: (type, fields) => bus.emit(type, fields),
        send: (message: ZkRequest) =>
          network.send(b.node, zookeeperNode, 'Zk', () => server.receive(b.node, message)),
        sessionTimeoutMs: b.config.int('zookeeper.session.timeout.ms'),
      });
      clients.set(b.id, zk);
      zk.connect(
        () => {
          for (const path of [
            '/brokers',
            '/brokers/ids',
            '/brokers/topics',
            '/config',
            '/config/topics',
            '/admin',
            '/admin/delete_topics',
          ])
            zk.create(path, null, 'PERSISTENT', () => {});
          zk.create(`/brokers/ids/${b.id}`, brokerJson(b), 'EPHEMERAL', () => elect(b, zk));
        },
        () => resignIfController(b.id),
      );
    },
    controlledShutdown(b, done) {
      if (controllerId < 0) return done();
      rpc<unknown>(
        network,
        scheduler,
        b.node,
        brokerNode(controllerId),
        'ControlledShutdown',
        (reply) => {
          const ctrl = active;
          if (!ctrl) return reply({});
          ctrl.submit(
            () => logic.controlledShutdown(ctrl.image, b.id, isLive),
            () => reply({}),
          );
        },
        () => done(),
        () => done(),
        b.config.int('request.timeout.ms'),
      );
    },
    alterPartition(b, req: AlterPartitionRequest, done) {
      if (controllerId < 0) return done('NOT_CONTROLLER');
      rpc<{ error: string }>(
        network,
        scheduler,
        b.node,
        brokerNode(controllerId),
        'AlterPartition',
        (reply) => {
          const ctrl = active;
          if (!ctrl) return reply({ error: 'NOT_CONTROLLER' });
          let error = 'NONE';
          ctrl.submit(
            () => {
              const r = logic.alterPartition(ctrl.image, req);
              error = r.error;
              return r.records;
            },
            (e) => reply({ error: e ?? error }),
          );
        },
        (r) => done(r.error),
        (e) => done(e),
        b.config.int('request.timeout.ms'),
      );
    },
    unregister(b, clean) {
      const zk = clients.get(b.id);
      clients.delete(b.id);
      if (clean) zk?.close();
      else zk?.halt();
      resignIfController(b.id);
    },
  };

  const driver: ZkDriver = {
    mode: 'zookeeper',
    channel,
    zookeeper: server,
    boot: () => driver.startZooKeeper(),
    startZooKeeper() {
      if (server.isRunning) return;
      network.setUp(zookeeperNode, true);
      server.start();
      bus.emit('zookeeper.started', { node: zookeeperNode });
    },
    stopZooKeeper() {
      server.stop();
      network.setUp(zookeeperNode, false);
      bus.emit('zookeeper.stopped', { node: zookeeperNode });
    },
    active: () => active,
    latestImage() {
      if (active) return active.image;
      let best: Broker | undefined;
      for (const b of cluster.brokers.values())
        if (!best || b.metadataOffset > best.metadataOffset) best = b;
      return best?.image;
    },
    controllerId: () => controllerId,
    onBrokerProcessStarted: () => {},
    onBrokerProcessStopped: () => {},
    describe(): ControllerSideSnapshot {
      return {
        mode: 'zookeeper',
        controllerId,
        controllerEpoch,
        zookeeper: {
          running: server.isRunning,
          sessions: server
            .sessions()
            .map((s) => ({
              sessionId: String((s as { sessionId: unknown }).sessionId),
              owner: String((s as { clientId?: unknown }).clientId ?? ''),
              expiresInMs: Number((s as { expiresAt?: number }).expiresAt ?? 0) - scheduler.now,
            })),
          znodes: [],
        },
      };
    },
  };
  return driver;
}

export type { MetadataRecord };
