/**
 * Engine events in plain words (DESIGN §1 event log): "broker 2 stopped", "orders-1 leader 2→3,
 * ISR 3,1". Pure: the words come from the locale files, the facts from the event alone — the UI
 * never recomputes Kafka semantics.
 */
import type { SimEvent } from '../../sim/index';
import type { Language, Selection } from '../../machines/appMachine';
import { translate } from '../i18n/messages';
import type { MessageKey, MessageParams } from '../i18n/messages';

/** How the event log treats an event type. */
export type EventKind = 'major' | 'traffic' | 'hidden';

const major = new Set([
  'broker.stopped',
  'broker.started',
  'broker.added',
  'broker.shutting-down',
  'broker.controlled-shutdown',
  'broker.fenced',
  'broker.unfenced',
  'broker.start.failed',
  'controller.elected',
  'controller.resigned',
  'controller.started',
  'controller.stopped',
  'zookeeper.started',
  'zookeeper.stopped',
  'network.isolated',
  'network.rejoined',
  'network.link.cut',
  'network.link.healed',
  'topic.created',
  'topic.deleted',
  'partition.created',
  'leader.elected',
  'isr.shrunk',
  'isr.expanded',
  'records.lost',
  'produce.rejected',
  'producer.error',
  'log.truncated',
  'log.retention.deleted',
  'log.compacted',
  'group.created',
  'group.deleted',
  'group.rebalance.started',
  'group.rebalanced',
  'group.member.joined',
  'group.member.left',
  'group.member.evicted',
  'config.changed',
]);

const traffic = new Set([
  'record.appended',
  'replica.fetched',
  'hw.advanced',
  'producer.acked',
  'producer.batch.sent',
  'consumer.fetched',
  'offsets.committed',
  'replica.became-leader',
  'replica.became-follower',
  'group.state.changed',
  'broker.registered',
]);

/** Major events are always listed, traffic on request; the rest (wire messages, ZooKeeper and Raft internals, client bookkeeping) never. */
export function eventKind(type: string): EventKind {
  return major.has(type) ? 'major' : traffic.has(type) ? 'traffic' : 'hidden';
}

const num = (v: unknown, fallback = -1) => (typeof v === 'number' ? v : fallback);
const str = (v: unknown) =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
const list = (v: unknown) => (Array.isArray(v) ? v.join(',') : str(v));

/** `broker-2` → `broker 2` style names of network nodes, as learners know them. */
function nodeName(node: unknown, language: Language): string {
  const text = str(node);
  const broker = /^broker-(\d+)$/.exec(text);
  if (broker) return translate(language, 'diagram.broker', { id: broker[1]! }).toLowerCase();
  return text;
}

/** The message key and parameters for an event, or undefined for an unknown type. */
function wording(e: SimEvent, language: Language): [MessageKey, MessageParams] | undefined {
  const broker = num(e.broker);
  const tp = { topic: str(e.topic), partition: num(e.partition) };
  const none = translate(language, 'event.none');
  const id = (v: unknown) => (num(v) < 0 ? none : String(v));
  switch (e.type) {
    case 'broker.stopped':
      return [e.clean === false ? 'event.broker.crashed' : 'event.broker.stopped', { broker }];
    case 'broker.started':
      return ['event.broker.started', { broker }];
    case 'broker.added':
      return ['event.broker.added', { broker, host: str(e.host), port: num(e.port) }];
    case 'broker.shutting-down':
      return ['event.broker.shuttingDown', { broker }];
    case 'broker.controlled-shutdown':
      return ['event.broker.controlledShutdown', { broker }];
    case 'broker.registered':
      return ['event.broker.registered', { broker }];
    case 'broker.fenced':
      return ['event.broker.fenced', { broker }];
    case 'broker.unfenced':
      return ['event.broker.unfenced', { broker }];
    case 'broker.start.failed':
      return ['event.broker.startFailed', { broker }];
    case 'controller.elected':
      return [
        e.mode === 'kraft' ? 'event.controller.electedKraft' : 'event.controller.elected',
        { controller: num(e.controller), epoch: num(e.epoch) },
      ];
    case 'controller.resigned':
      return ['event.controller.resigned', { controller: num(e.controller) }];
    case 'controller.started':
      return ['event.controller.started', { controller: num(e.controller) }];
    case 'controller.stopped':
      return ['event.controller.stopped', { controller: num(e.controller) }];
    case 'zookeeper.started':
      return ['event.zookeeper.started', {}];
    case 'zookeeper.stopped':
      return ['event.zookeeper.stopped', {}];
    case 'network.isolated':
      return ['event.network.isolated', { node: nodeName(e.node, language) }];
    case 'network.rejoined':
      return ['event.network.rejoined', { node: nodeName(e.node, language) }];
    case 'network.link.cut':
      return ['event.network.linkCut', { a: nodeName(e.a, language), b: nodeName(e.b, language) }];
    case 'network.link.healed':
      return [
        'event.network.linkHealed',
        { a: nodeName(e.a, language), b: nodeName(e.b, language) },
      ];
    case 'topic.created':
      return ['event.topic.created', { topic: str(e.topic) }];
    case 'topic.deleted':
      return ['event.topic.deleted', { topic: str(e.topic) }];
    case 'partition.created':
      return [
        'event.partition.created',
        { ...tp, replicas: list(e.replicas), leader: id(e.leader) },
      ];
    case 'leader.elected':
      return [
        e.unclean === true ? 'event.leader.unclean' : 'event.leader.elected',
        { ...tp, from: id(e.previousLeader), to: id(e.leader), isr: list(e.isr) || none },
      ];
    case 'isr.shrunk':
      return ['event.isr.shrunk', { ...tp, isr: list(e.isr) || none, removed: list(e.removed) }];
    case 'isr.expanded':
      return ['event.isr.expanded', { ...tp, isr: list(e.isr), added: list(e.added) }];
    case 'records.lost':
      return [
        'event.records.lost',
        {
          ...tp,
          count: num(e.count, 0),
          from: num(e.fromOffset),
          to: num(e.toOffset) - 1,
          acked: num(e.acknowledgedLost, 0),
        },
      ];
    case 'produce.rejected':
      return [
        'event.produce.rejected',
        { ...tp, broker, isr: list(e.isr), min: num(e.minInsyncReplicas) },
      ];
    case 'producer.error':
      return [
        e.retriable === true ? 'event.producer.errorRetry' : 'event.producer.error',
        { ...tp, client: str(e.clientId), error: str(e.error) },
      ];
    case 'log.truncated':
      return ['event.log.truncated', { ...tp, broker, from: num(e.from), to: num(e.to) }];
    case 'log.retention.deleted':
      return ['event.log.retention', { ...tp, broker }];
    case 'log.compacted':
      return ['event.log.compacted', { ...tp, broker }];
    case 'group.created':
      return ['event.group.created', { group: str(e.groupId) }];
    case 'group.deleted':
      return ['event.group.deleted', { group: str(e.groupId) }];
    case 'group.rebalance.started':
      return ['event.group.rebalanceStarted', { group: str(e.groupId) }];
    case 'group.rebalanced': {
      const members = Object.keys((e.assignment as object | undefined) ?? {}).length;
      return [
        members === 1 ? 'event.group.rebalancedOne' : 'event.group.rebalanced',
        {
          group: str(e.groupId),
          generation: num(e.generationId),
          members,
          protocol: str(e.protocol),
        },
      ];
    }
    case 'group.member.joined':
      return ['event.group.memberJoined', { group: str(e.groupId), client: str(e.clientId) }];
    case 'group.member.left':
      return ['event.group.memberLeft', { group: str(e.groupId) }];
    case 'group.member.evicted':
      return ['event.group.memberEvicted', { group: str(e.groupId), reason: str(e.reason) }];
    case 'group.state.changed':
      return [
        'event.group.stateChanged',
        { group: str(e.groupId), from: str(e.from), to: str(e.to) },
      ];
    case 'config.changed':
      return [
        e.value === null || e.value === undefined ? 'event.config.deleted' : 'event.config.changed',
        { resource: str(e.resource), name: str(e.name), key: str(e.key), value: str(e.value) },
      ];
    case 'record.appended':
      return [
        'event.record.appended',
        { ...tp, broker, count: num(e.count, 0), leo: num(e.logEndOffset) },
      ];
    case 'replica.fetched':
      return [
        'event.replica.fetched',
        { ...tp, broker, leader: num(e.leader), count: num(e.count, 0) },
      ];
    case 'hw.advanced':
      return ['event.hw.advanced', { ...tp, broker, hw: num(e.highWatermark) }];
    case 'producer.acked':
      return [
        'event.producer.acked',
        { ...tp, client: str(e.clientId), count: num(e.count, 0), offset: num(e.offset) },
      ];
    case 'producer.batch.sent':
      return [
        'event.producer.batchSent',
        { client: str(e.clientId), broker, count: num(e.count, 0) },
      ];
    case 'consumer.fetched':
      return [
        'event.consumer.fetched',
        { client: str(e.clientId), broker, count: num(e.count, 0) },
      ];
    case 'offsets.committed': {
      const offsets = Array.isArray(e.offsets)
        ? (e.offsets as { topic: string; partition: number; offset: number }[])
            .map((o) => `${o.topic}-${o.partition}=${o.offset}`)
            .join(' ')
        : '';
      return ['event.offsets.committed', { group: str(e.groupId), offsets }];
    }
    case 'replica.became-leader':
      return ['event.replica.becameLeader', { ...tp, broker, epoch: num(e.leaderEpoch) }];
    case 'replica.became-follower':
      return ['event.replica.becameFollower', { ...tp, broker }];
    default:
      return undefined;
  }
}

/** The event in plain words in `language`; unknown types show their name. */
export function describeEvent(event: SimEvent, language: Language): string {
  const w = wording(event, language);
  return w
    ? translate(language, w[0], w[1])
    : translate(language, 'event.generic', { type: event.type });
}

/** What clicking the event highlights: its partition, group or broker. */
export function eventFocus(event: SimEvent): Selection {
  if (typeof event.topic === 'string' && typeof event.partition === 'number')
    return { kind: 'partition', topic: event.topic, partition: event.partition };
  if (typeof event.topic === 'string') return { kind: 'topic', topic: event.topic };
  if (typeof event.groupId === 'string') return { kind: 'group', groupId: event.groupId };
  if (typeof event.broker === 'number') return { kind: 'broker', brokerId: event.broker };
  if (typeof event.controller === 'number' && event.mode !== 'kraft')
    return { kind: 'broker', brokerId: event.controller };
  const node = /^broker-(\d+)$/.exec(str(event.node));
  if (node) return { kind: 'broker', brokerId: Number(node[1]) };
  return { kind: 'none' };
}
