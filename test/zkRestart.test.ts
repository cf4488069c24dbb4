/** ZooKeeper mode: a crashed broker's registration lingers until its session expires (KafkaZkClient). */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../src/sim/cluster/cluster';
import type { SimEvent } from '../src/sim/events/bus';
import type { ZkDriver } from '../src/sim/cluster/zkDriver';

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

describe('starting brokers without ZooKeeper', () => {
  it('a broker started while ZooKeeper is down gives up after zookeeper.connection.timeout.ms', () => {
    const cluster = createCluster({
      brokers: 0,
      seed: 1,
      mode: 'zookeeper',
      zookeeperRunning: false,
    });
    const events: SimEvent[] = [];
    cluster.subscribe((e) => events.push(e));
    cluster.addBroker(0, {}, { host: 'localhost', port: 9092 });
    cluster.startBroker(0);
    cluster.advance(17_000);
    expect(cluster.brokers.get(0)!.state).toBe('running');
    cluster.advance(1_500);
    expect(cluster.brokers.get(0)!.state).toBe('stopped');
    expect((events.find((e) => e.type === 'broker.start.failed')?.log as string[])[1]).toBe(
      'kafka.zookeeper.ZooKeeperClientTimeoutException: Timed out waiting for connection while in state: CONNECTING',
    );
  });

  it('the quickstart order works: start ZooKeeper, then a broker on port 9092', () => {
    const cluster = createCluster({
      brokers: 0,
      seed: 1,
      mode: 'zookeeper',
      zookeeperRunning: false,
    });
    (cluster.driver as ZkDriver).startZooKeeper();
    cluster.addBroker(
      0,
      { 'offsets.topic.replication.factor': '1' },
      { host: 'localhost', port: 9092 },
    );
    cluster.startBroker(0);
    cluster.advance(5_000);
    expect(cluster.snapshot().brokers).toMatchObject([
      { id: 0, port: 9092, state: 'running', isController: true },
    ]);
    expect(cluster.resolveBootstrap('localhost:9092')).toEqual([0]);
  });
});
