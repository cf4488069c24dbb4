import { describe, expect, it } from 'vitest';
import { brokerApiVersions, clientApiKeys } from './apiKeys';

const ids = (listener: 'zkBroker' | 'broker') => brokerApiVersions(listener).map((v) => v.apiKey);

describe('brokerApiVersions (ApiVersionsResponse.filterApis, Kafka 3.9 defaults)', () => {
  it('a ZooKeeper-mode broker serves the controller-to-broker APIs, not the KRaft-only ones', () => {
    expect(ids('zkBroker')).toEqual(expect.arrayContaining([4, 5, 6, 7, 56, 58, 67]));
    for (const kraftOnly of [55, 64, 74, 75, 80, 81])
      expect(ids('zkBroker')).not.toContain(kraftOnly);
  });

  it('a KRaft broker serves DescribeQuorum, DescribeTopicPartitions and the Raft voter APIs', () => {
    expect(ids('broker')).toEqual(expect.arrayContaining([55, 64, 74, 75, 80, 81]));
    for (const zkOnly of [4, 5, 6, 7, 56, 58, 67]) expect(ids('broker')).not.toContain(zkOnly);
  });

  it('leaves out APIs with no stable version (share groups) and client telemetry', () => {
    for (const id of [71, 72, 76, 77, 78, 79, 83, 84, 85, 86, 87]) {
      expect(ids('broker')).not.toContain(id);
      expect(ids('zkBroker')).not.toContain(id);
    }
  });

  it('advertises the validVersions range of a stable API', () => {
    expect(brokerApiVersions('broker').find((v) => v.apiKey === 1)).toEqual({
      apiKey: 1,
      minVersion: 0,
      maxVersion: 17,
    });
    expect(clientApiKeys.map((k) => k.id)).toEqual(
      [...clientApiKeys.map((k) => k.id)].sort((a, b) => a - b),
    );
  });
});
