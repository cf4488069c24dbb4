/** ZooKeeper mode: a crashed broker's registration lingers until its session expires (KafkaZkClient). */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../src/sim/cluster/cluster';
import type { SimEvent } from '../src/sim/events/bus';

describe('broker restart in ZooKeeper mode', () => {
  it('restarting a crashed broker before its session expires fails with NodeExists, after expiry it registers', () => {
    const cluster = createCluster({ brokers: 3, seed: 3, mode: 'zookeeper' });
    cluster.advance(5_000);
    const events: SimEvent[] = [];
    cluster.subscribe((e) => events.push(e));
    cluster.stopBroker(2, { crash: true });
    cluster.advance(2_000);
    cluster.startBroker(2);
    cluster.advance(1_000);
    const failed = events.find((e) => e.type === 'broker.start.failed');
    expect(failed?.broker).toBe(2);
    expect((failed?.log as string[])[1]).toBe(
      'ERROR [KafkaServer id=2] Fatal error during KafkaServer startup. Prepare to shutdown (kafka.server.KafkaServer)',
    );
    expect(cluster.brokers.get(2)!.state).toBe('stopped');
    cluster.advance(20_000); // the old session expires and /brokers/ids/2 goes
    cluster.startBroker(2);
    cluster.advance(3_000);
    expect(cluster.brokers.get(2)!.state).toBe('running');
    expect(cluster.snapshot().brokers.find((b) => b.id === 2)!.fenced).toBe(false);
  });

  it('a cleanly stopped broker can start again at once (its session was closed)', () => {
    const cluster = createCluster({ brokers: 3, seed: 3, mode: 'zookeeper' });
    cluster.advance(5_000);
    cluster.settle(cluster.stopBroker(2));
    cluster.startBroker(2);
    cluster.advance(3_000);
    expect(cluster.brokers.get(2)!.state).toBe('running');
    expect(cluster.snapshot().brokers.find((b) => b.id === 2)!.fenced).toBe(false);
  });
});
