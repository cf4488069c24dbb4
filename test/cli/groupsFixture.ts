/**
 * Consumer groups made by the engine's own consumers, for the kafka-consumer-groups tests: a topic
 * with known log end offsets per partition, consumers polled in virtual time, and the command
 * line as learners type it.
 */
import type { Consumer } from '../../src/sim/index';
import { pollFor } from '../helpers/clients';
import { createTopic } from '../helpers/rawClient';
import { Terminal } from './harness';

/** `kafka-consumer-groups.sh --bootstrap-server localhost:9092 …`. */
export const groups = (args: string) =>
  `kafka-consumer-groups.sh --bootstrap-server localhost:9092 ${args}`;

/**
 * Appends `counts[p]` records to each partition `p` of `topic` and waits for the acks. Records
 * carry the wall-clock CreateTime (epoch ms) a real producer stamps.
 */
export function produceTo(t: Terminal, topic: string, counts: number[]): void {
  const producer = t.cluster.createProducer({ acks: 'all' });
  let pending = 0;
  counts.forEach((n, partition) => {
    for (let i = 0; i < n; i++) {
      pending++;
      producer.send(
        {
          topic,
          partition,
          key: null,
          value: `${topic}-${partition}-${i}`,
          timestamp: t.cluster.wallClockMs,
        },
        () => {
          pending--;
        },
      );
    }
  });
  for (let ms = 0; pending > 0 && ms < 60_000; ms += 50) t.cluster.advance(50);
  if (pending > 0) throw new Error('records not acknowledged');
  producer.close();
  t.cluster.advance(100);
}

/**
 * The notes' compose cluster (or a KRaft one) with topic `orders` (RF 1) holding `counts[p]`
 * records in partition p.
 */
export function clusterWithOrders(
  counts = [5, 3, 4],
  topic = 'orders',
  mode: 'zookeeper' | 'kraft' = 'zookeeper',
): Terminal {
  const t = new Terminal({ mode });
  createTopic(t.cluster, topic, counts.length, 1);
  produceTo(t, topic, counts);
  return t;
}

/** A consumer of `group` subscribed to `topics`, polled until it has joined and committed. */
export function joinGroup(
  t: Terminal,
  group: string,
  topics: string[],
  props: Record<string, string> = {},
): Consumer {
  const consumer = t.cluster.createConsumer({
    'group.id': group,
    'auto.offset.reset': 'earliest',
    ...props,
  });
  consumer.subscribe(topics);
  pollFor(t.cluster, [consumer], 7_000);
  return consumer;
}

/** Polls `consumers` for `ms` of virtual time (their auto-commits and heartbeats run meanwhile). */
export function keepPolling(t: Terminal, consumers: Consumer[], ms: number): void {
  pollFor(t.cluster, consumers, ms);
}

/** Closes `consumer` (it commits and leaves the group) and lets the coordinator settle. */
export function leave(t: Terminal, consumer: Consumer): void {
  let closed = false;
  consumer.close(() => (closed = true));
  for (let ms = 0; !closed && ms < 30_000; ms += 100) t.cluster.advance(100);
  t.cluster.advance(500);
}

/** The member id the coordinator gave `consumer` (`consumer-<group>-<n>-<uuid>`). */
export function memberIdOf(consumer: Consumer): string {
  const id = consumer.groupMember?.memberId;
  if (!id) throw new Error('consumer has no member id');
  return id;
}

/** Java's `String.format("%-Ns")`. */
export const pad = (s: string | number, width: number) => String(s).padEnd(width);
