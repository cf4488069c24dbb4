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
import { applyRecord, cloneImage } from '../metadata/records';
import {
  decodeEntityConfig,
  decodePartitionState,
  decodeTopicAssignment,
  encodeBrokerRegistration,
  encodeController,
  encodeControllerEpoch,
  encodeEntityConfig,
  encodePartitionState,
  encodeTopicAssignment,
  topicConfigPath,
  topicPartitionStatePath,
  topicPath,
  zkPaths,
} from '../zookeeper/kafkaZkPaths';
import type { MetadataImage, TopicImage } from '../metadata/image';
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

/** Deletes a znode and everything below it (Kafka's `deleteRecursive`). */
function deleteRecursive(zk: ZooKeeperClient, path: string, done: (err: string) => void): void {
  zk.getChildren(path, (r) => {
    if (r.err !== 'OK') return done(r.err);
    let left = r.children.length;
    const removeSelf = () => zk.delete(path, -1, (d) => done(d.err));
    if (left === 0) return removeSelf();
    for (const child of r.children)
      deleteRecursive(zk, `${path}/${child}`, () => {
        if (--left === 0) removeSelf();
      });
  });
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
    encodeBrokerRegistration({
      brokerId: b.id,
      endpoints: [
        { listenerName: 'PLAINTEXT', securityProtocol: 'PLAINTEXT', host: b.host, port: b.port },
      ],
      timestampMs: cluster.wallClockMs,
    });

  /**
   * Writes the znodes that hold `records` durably (Kafka's layout: the assignment in
   * `/brokers/topics/T`, leader and ISR in `.../partitions/P/state`, overrides in `/config/topics/T`),
   * then applies them and calls `done`. Broker liveness records are not written: ZooKeeper mode
   * derives them from the ephemeral `/brokers/ids` znodes.
   */
  const store = (zk: ZooKeeperClient, image: () => MetadataImage): MetadataStore => ({
    commit(records, done) {
      const projected = cloneImage(image());
      const touchedTopics = new Set<string>();
      const touchedPartitions = new Set<string>();
      const touchedConfigs = new Set<string>();
      const deleted = new Set<string>();
      for (const r of records) {
        applyRecord(projected, r);
        if (r.type === 'Topic') touchedTopics.add(r.name);
        else if (r.type === 'Partition' || r.type === 'PartitionChange') {
          touchedPartitions.add(`${r.topic}\u0000${r.partition}`);
          if (r.type === 'Partition' || r.replicas) touchedTopics.add(r.topic);
        } else if (r.type === 'RemoveTopic') deleted.add(r.name);
        else if (r.type === 'Config') touchedConfigs.add(`${r.resource}\u0000${r.name}`);
      }
      const writes: { path: string; data: string | null; remove?: boolean }[] = [];
      for (const name of touchedTopics) {
        const t = projected.topics.get(name);
        if (!t) continue;
        writes.push({
          path: topicPath(name),
          data: encodeTopicAssignment({
            topicId: t.topicId,
            partitions: Object.fromEntries(t.partitions.map((p, i) => [i, p.replicas])),
          }),
        });
      }
      for (const key of touchedPartitions) {
        const [topic, partitionText] = key.split('\u0000') as [string, string];
        const partition = Number(partitionText);
        const p = projected.topics.get(topic)?.partitions[partition];
        if (!p) continue;
        writes.push({
          path: topicPartitionStatePath(topic, partition),
          data: encodePartitionState({
            controllerEpoch,
            leader: p.leader,
            leaderEpoch: p.leaderEpoch,
            isr: p.isr,
          }),
        });
      }
      for (const key of touchedConfigs) {
        const [resource, name] = key.split('\u0000') as [string, string];
        const config =
          resource === 'topic'
            ? projected.topics.get(name)?.configs
            : resource === 'broker'
              ? projected.brokerConfigs.get(name)
              : projected.groupConfigs.get(name);
        const entity =
          resource === 'topic' ? 'topics' : resource === 'broker' ? 'brokers' : 'groups';
        writes.push({
          path: `/config/${entity}/${name || '<default>'}`,
          data: encodeEntityConfig(config ?? {}),
        });
      }
      for (const name of deleted) writes.push({ path: topicPath(name), data: null, remove: true });
      let remaining = writes.length;
      let failed: string | undefined;
      const finish = (err: string) => {
        if (err !== 'OK' && err !== 'NODEEXISTS' && err !== 'NONODE')
          failed = `KeeperErrorCode = ${err}`;
        if (--remaining > 0) return;
        if (failed) return done(failed);
        active?.applyCommitted(records);
        done();
      };
      if (remaining === 0) {
        remaining = 1;
        finish('OK');
        return;
      }
      for (const w of writes) {
        if (w.remove) deleteRecursive(zk, w.path, finish);
        else
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

  /** Loads topics, assignments, partition state and configs from ZooKeeper (controller failover). */
  const loadImage = (zk: ZooKeeperClient, done: (image: MetadataImage) => void) => {
    const image = emptyImage(cluster.clusterId);
    zk.getChildren(zkPaths.topics, (topics) => {
      const names = topics.err === 'OK' ? topics.children : [];
      let pending = names.length;
      if (pending === 0) return done(image);
      const topicDone = () => {
        if (--pending === 0) done(image);
      };
      for (const name of names) {
        zk.getData(topicPath(name), (t) => {
          if (!t.data) return topicDone();
          const assignment = decodeTopicAssignment(t.data);
          const partitions = Object.entries(assignment.partitions).map(([p, replicas]) => ({
            partition: Number(p),
            replicas,
          }));
          const topic: TopicImage = {
            name,
            topicId: assignment.topicId ?? '',
            partitions: [],
            configs: {},
          };
          image.topics.set(name, topic);
          let left = partitions.length + 1;
          const fin = () => {
            if (--left === 0) topicDone();
          };
          zk.getData(topicConfigPath(name), (c) => {
            Object.assign(topic.configs, decodeEntityConfig(c.data));
            fin();
          });
          for (const { partition, replicas } of partitions)
            zk.getData(topicPartitionStatePath(name, partition), (st) => {
              const state = st.data ? decodePartitionState(st.data) : undefined;
              topic.partitions[partition] = {
                replicas,
                isr: state?.isr ?? [],
                leader: state?.leader ?? -1,
                leaderEpoch: state?.leaderEpoch ?? 0,
                partitionEpoch: st.stat?.version ?? 0,
                addingReplicas: [],
                removingReplicas: [],
              };
              fin();
            });
        });
      }
    });
  };

  const becomeController = (b: Broker, zk: ZooKeeperClient) => {
    controllerEpoch += 1;
    controllerId = b.id;
    const epochData = encodeControllerEpoch(controllerEpoch);
    zk.setData(zkPaths.controllerEpoch, epochData, -1, (r) => {
      if (r.err === 'NONODE') zk.create(zkPaths.controllerEpoch, epochData, 'PERSISTENT', () => {});
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
    zk.create(zkPaths.controller, encodeController(b.id, cluster.wallClockMs), 'EPHEMERAL', (r) => {
      if (r.err === 'OK') return becomeController(b, zk);
      zk.exists(
        zkPaths.controller,
        (e) => {
          if (e.err === 'NONODE') elect(b, zk);
        },
        () => elect(b, zk),
      );
    });
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
        send: (message: ZkRequest) => {
          // A clean shutdown closes the ZooKeeper session before the process exits (KafkaServer
          // .shutdown → zkClient.close), so its closeSession arrives although the broker is down
          // by then: /brokers/ids/N goes at once and a restart can register again.
          if (message.op === 'closeSession') {
            if (!network.canReach(b.node, zookeeperNode)) return;
            bus.emit('network.sent', { from: b.node, to: zookeeperNode, kind: 'Zk' });
            scheduler.schedule(network.latencyMs(b.node, zookeeperNode), () => {
              if (server.isRunning) server.receive(b.node, message);
            });
            return;
          }
          network.send(b.node, zookeeperNode, 'Zk', () => server.receive(b.node, message));
        },
        sessionTimeoutMs: b.config.int('zookeeper.session.timeout.ms'),
      });
      clients.set(b.id, zk);
      // KafkaServer.startup waits `zookeeper.connection.timeout.ms` for the session, then gives up.
      let connected = false;
      const connectTimer = scheduler.schedule(
        b.config.int('zookeeper.connection.timeout.ms'),
        () => {
          if (connected || clients.get(b.id) !== zk) return;
          bus.emit('broker.start.failed', {
            broker: b.id,
            log: [
              `ERROR Fatal error during KafkaServer startup. Prepare to shutdown (kafka.server.KafkaServer)`,
              `kafka.zookeeper.ZooKeeperClientTimeoutException: Timed out waiting for connection while in state: CONNECTING`,
            ],
          });
          cluster.stopBroker(b.id, { crash: true });
        },
      );
      zk.connect(
        () => {
          connected = true;
          scheduler.cancel(connectTimer);
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
          const path = `/brokers/ids/${b.id}`;
          zk.create(path, brokerJson(b), 'EPHEMERAL', (r) => {
            if (r.err !== 'NODEEXISTS') return elect(b, zk);
            // KafkaZkClient.checkedEphemeralCreate: the znode of the broker's previous session is
            // still there (it crashed less than zookeeper.session.timeout.ms ago): startup fails.
            zk.getData(path, (existing) => {
              const owner = existing.stat?.ephemeralOwner;
              if (owner === zk.sessionId) return elect(b, zk);
              bus.emit('broker.start.failed', {
                broker: b.id,
                log: [
                  `ERROR Error while creating ephemeral at ${path}, node already exists and owner '${owner}' does not match current session '${zk.sessionId}' (kafka.zk.KafkaZkClient$CheckedEphemeral)`,
                  `ERROR [KafkaServer id=${b.id}] Fatal error during KafkaServer startup. Prepare to shutdown (kafka.server.KafkaServer)`,
                  `org.apache.zookeeper.KeeperException$NodeExistsException: KeeperErrorCode = NodeExists`,
                ],
              });
              zk.close();
              scheduler.schedule(0, () => cluster.stopBroker(b.id, { crash: true }));
            });
          });
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
          if (!active) return reply({ error: 'NOT_CONTROLLER' });
          active.alterPartition(req, (error) => reply({ error }));
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
          sessions: server.sessions().map((s) => ({
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
