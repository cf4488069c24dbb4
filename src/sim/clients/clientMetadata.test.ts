import { describe, expect, it } from 'vitest';
import type { MetadataRequest } from '../protocol/messages';
import { ClientMetadata } from './clientMetadata';
import { NetworkClient } from './networkClient';
import { FakeCluster } from './testing/fakeCluster';

function setup(options: Partial<ConstructorParameters<typeof ClientMetadata>[1]> = {}) {
  const cluster = new FakeCluster(3);
  const net = new NetworkClient(cluster.transport('c'), '[Consumer clientId=c, groupId=null] ');
  const metadata = new ClientMetadata(net, {
    allowAutoTopicCreation: false,
    metadataMaxAgeMs: 300000,
    retryBackoffMs: 100,
    retryBackoffMaxMs: 1000,
    requestTimeoutMs: 30000,
    ...options,
  });
  const metadataRequests = () =>
    cluster.requests.filter((r) => 'kind' in r.request && r.request.kind === 'Metadata') as {
      at: number;
      broker: number;
      request: MetadataRequest;
    }[];
  return { cluster, metadata, metadataRequests };
}

describe('ClientMetadata', () => {
  it('learns leaders and leader epochs of the topics it asks about', () => {
    const { cluster, metadata } = setup();
    cluster.createTopic('t', 2, [3, 1]);
    metadata.addTopic('t');
    cluster.advance(10);
    expect(metadata.topic('t')).toMatchObject({
      partitionCount: 2,
      leaders: [3, 1],
      leaderEpochs: [0, 0],
      availablePartitions: [0, 1],
    });
    expect(metadata.brokers()).toEqual([1, 2, 3]);
  });

  it('refreshes every metadata.max.age.ms without being asked', () => {
    const { cluster, metadataRequests } = setup({ metadataMaxAgeMs: 5000 });
    cluster.advance(12000);
    const times = metadataRequests().map((r) => r.at);
    expect(times).toEqual([1, 5003, 10005]);
  });

  it('rate-limits requested updates by retry.backoff.ms', () => {
    const { cluster, metadata, metadataRequests } = setup();
    cluster.advance(10);
    metadata.requestUpdate();
    metadata.requestUpdate();
    cluster.advance(79);
    expect(metadataRequests()).toHaveLength(1); // the next one is due 100 ms ± 20 % after the first
    cluster.advance(100);
    expect(metadataRequests()).toHaveLength(2);
  });

  it('tries another broker when the chosen one is down', () => {
    const { cluster, metadata, metadataRequests } = setup();
    cluster.stopBroker(1);
    cluster.stopBroker(2);
    cluster.advance(2000);
    expect(metadata.brokers()).toEqual([3]);
    expect(metadataRequests().map((r) => r.broker)).toEqual([3]);
  });

  it('keeps asking while a topic is unknown and warns with the Java client text', () => {
    const { cluster, metadata, metadataRequests } = setup();
    metadata.addTopic('missing');
    cluster.advance(500);
    expect(metadataRequests().length).toBeGreaterThanOrEqual(4);
    const warnings = cluster.events.filter((e) => e.type === 'client.warning');
    expect(warnings[0]!.message).toBe(
      '[Consumer clientId=c, groupId=null] Error while fetching metadata with correlation id 1 : {missing=UNKNOWN_TOPIC_OR_PARTITION} (org.apache.kafka.clients.NetworkClient)',
    );
    cluster.createTopic('missing', 1);
    cluster.advance(500);
    expect(metadata.topic('missing')?.partitionCount).toBe(1);
    const count = metadataRequests().length;
    cluster.advance(5000);
    expect(metadataRequests()).toHaveLength(count);
  });

  it('ignores partition metadata with an older leader epoch than the cached one (KIP-320)', () => {
    const { cluster, metadata } = setup();
    cluster.createTopic('t', 1, [1]);
    cluster.moveLeader('t', 0, 2);
    metadata.addTopic('t');
    cluster.advance(10);
    expect(metadata.leader('t', 0)).toBe(2);
    const p = cluster.partition('t', 0);
    p.leader = 3;
    p.leaderEpoch = 0; // a stale broker's view
    metadata.requestUpdate();
    cluster.advance(200);
    expect([metadata.leader('t', 0), metadata.leaderEpoch('t', 0)]).toEqual([2, 1]);
  });
});
