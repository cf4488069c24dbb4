/**
 * Puts a group coordinator in every broker (Kafka's `GroupCoordinator` in `KafkaApis`): it serves
 * the groups whose `__consumer_offsets` partition the broker leads, loads them from that partition's
 * log when it becomes leader, and drops them when leadership moves. Offset commits are appended to
 * the partition with acks=all, so committed offsets survive the coordinator's broker.
 */
import type { Broker } from '../broker/broker';
import { GroupCoordinator } from '../groups/groupCoordinator';
import type { ProduceResponse } from '../protocol/messages';
import type { Cluster } from './cluster';
import type { SimEvent } from '../events/bus';
import { offsetsTopic } from './brokerRequests';

const coordinators = new WeakMap<Broker, GroupCoordinator>();

/** The running group coordinator of `broker`, if it is up. */
export function coordinatorOf(broker: Broker): GroupCoordinator | undefined {
  return broker.isRunning ? coordinators.get(broker) : undefined;
}

function createCoordinator(cluster: Cluster, broker: Broker): GroupCoordinator {
  const cfg = broker.config;
  return new GroupCoordinator({
    brokerId: broker.id,
    now: () => cluster.scheduler.now,
    schedule: (ms, fn) => cluster.scheduler.schedule(ms, fn),
    cancel: (id) => cluster.scheduler.cancel(id),
    emit: (type, fields) => cluster.bus.emit(type, fields),
    rng: cluster.rng.fork(`group-coordinator-${broker.id}-${cluster.now}`),
    config: {
      groupInitialRebalanceDelayMs: cfg.int('group.initial.rebalance.delay.ms'),
      groupMinSessionTimeoutMs: cfg.int('group.min.session.timeout.ms'),
      groupMaxSessionTimeoutMs: cfg.int('group.max.session.timeout.ms'),
      offsetsTopicPartitions: cfg.int('offsets.topic.num.partitions'),
    },
    appendToOffsetsTopic: (partition, records, cb) =>
      broker.replicaManager.handleProduce(
        {
          kind: 'Produce',
          clientId: `group-coordinator-${broker.id}`,
          acks: -1,
          timeoutMs: 5_000,
          batches: [
            {
              topic: offsetsTopic,
              partition,
              batch: {
                producerId: -1,
                producerEpoch: -1,
                baseSequence: -1,
                keys: records.map((r) => r.key),
                values: records.map((r) => r.value),
                timestamps: records.map(() => cluster.wallClockMs),
                headers: null,
              },
            },
          ],
        },
        (res) => cb((res as ProduceResponse).responses[0]?.error ?? 'UNKNOWN_TOPIC_OR_PARTITION'),
      ),
    partitionCount: (topic) => broker.image.topics.get(topic)?.partitions.length,
  });
}

/** Installs coordinators and keeps them in step with `__consumer_offsets` leadership. */
export function installGroupCoordinators(cluster: Cluster): void {
  const bus = cluster.bus;
  bus.on('broker.started', (e) => {
    const broker = cluster.brokers.get(e.broker as number);
    if (!broker) return;
    coordinators.set(broker, createCoordinator(cluster, broker));
    broker.handlers.set('Group', (request, respond) => {
      const c = coordinatorOf(broker);
      if (c) c.handle(request as never, respond as never);
    });
  });
  bus.on('broker.stopped', (e) => {
    const broker = cluster.brokers.get(e.broker as number);
    if (broker) coordinators.delete(broker);
  });
  bus.on('replica.became-leader', (e) => {
    if (e.topic !== offsetsTopic) return;
    const broker = cluster.brokers.get(e.broker as number);
    const c = broker && coordinators.get(broker);
    const p = broker?.replicaManager.get(offsetsTopic, e.partition as number);
    if (!c || !p) return;
    const records = p.log
      .records(p.log.logStartOffset, p.logEndOffset, Number.MAX_SAFE_INTEGER)
      .flatMap((r) => (r.key === null ? [] : [{ key: r.key, value: r.value }]));
    c.onElection(p.partition, records);
  });
  const resign = (e: SimEvent) => {
    if (e.topic !== offsetsTopic) return;
    const broker = cluster.brokers.get(e.broker as number);
    const c = broker && coordinators.get(broker);
    c?.onResignation(e.partition as number);
  };
  bus.on('replica.became-follower', resign);
  bus.on('replica.removed', resign);
  cluster.groupSnapshots = () =>
    [...cluster.brokers.values()].flatMap((b) => coordinatorOf(b)?.snapshot() ?? []);
}
