import { describe, expect, it } from 'vitest';
import {
  brokerIdPath,
  configChangeSequencePath,
  decodeBrokerRegistration,
  decodeClusterId,
  decodeController,
  decodeControllerEpoch,
  decodeEntityConfig,
  decodeIsrChangeNotification,
  decodePartitionState,
  decodeTopicAssignment,
  deleteTopicPath,
  encodeBrokerRegistration,
  encodeClusterId,
  encodeConfigChangeNotification,
  encodeController,
  encodeControllerEpoch,
  encodeEntityConfig,
  encodeIsrChangeNotification,
  encodePartitionState,
  encodeTopicAssignment,
  isrChangeSequencePath,
  persistentZkPaths,
  sequenceNumberOf,
  ISR_CHANGE_SEQUENCE_PREFIX,
  topicConfigPath,
  topicPartitionStatePath,
  topicPath,
  zkPaths,
} from './kafkaZkPaths';
import { javaStringHash, scalaHashMapOrder } from './jvmMapOrder';

const plaintext = {
  listenerName: 'PLAINTEXT',
  securityProtocol: 'PLAINTEXT',
  host: 'localhost',
  port: 9092,
};

describe('Kafka znode paths (ZkData.scala)', () => {
  it('builds the per-entity paths', () => {
    expect(brokerIdPath(1)).toBe('/brokers/ids/1');
    expect(topicPath('orders')).toBe('/brokers/topics/orders');
    expect(topicPartitionStatePath('orders', 2)).toBe('/brokers/topics/orders/partitions/2/state');
    expect(topicConfigPath('orders')).toBe('/config/topics/orders');
    expect(deleteTopicPath('orders')).toBe('/admin/delete_topics/orders');
    expect(zkPaths.clusterId).toBe('/cluster/id');
    expect(isrChangeSequencePath()).toBe('/isr_change_notification/isr_change_');
    expect(configChangeSequencePath()).toBe('/config/changes/config_change_');
    expect(
      sequenceNumberOf(
        '/isr_change_notification/isr_change_0000000007',
        ISR_CHANGE_SEQUENCE_PREFIX,
      ),
    ).toBe('0000000007');
  });

  it('lists the persistent paths a broker creates on startup', () => {
    expect(persistentZkPaths).toEqual([
      '/consumers',
      '/brokers/ids',
      '/brokers/topics',
      '/config/changes',
      '/admin/delete_topics',
      '/brokers/seqid',
      '/isr_change_notification',
      '/latest_producer_id_block',
      '/log_dir_event_notification',
      '/config/topics',
      '/config/clients',
      '/config/users',
      '/config/brokers',
      '/config/ips',
    ]);
  });
});

describe('znode JSON as Kafka writes it', () => {
  it('a broker registration matches `get /brokers/ids/1` on a real 3.x cluster, field order included', () => {
    const json = encodeBrokerRegistration({
      brokerId: 1,
      endpoints: [plaintext],
      timestampMs: 1690000000000,
    });
    expect(json).toBe(
      '{"features":{},"listener_security_protocol_map":{"PLAINTEXT":"PLAINTEXT"},' +
        '"endpoints":["PLAINTEXT://localhost:9092"],"jmx_port":-1,"port":9092,"host":"localhost",' +
        '"version":5,"timestamp":"1690000000000"}',
    );
    expect(decodeBrokerRegistration(1, json)).toEqual({
      brokerId: 1,
      endpoints: [plaintext],
      rack: null,
      jmxPort: -1,
      features: {},
      timestampMs: 1690000000000,
      version: 5,
    });
  });

  it('a broker with a rack and no PLAINTEXT listener writes host null and port -1', () => {
    const ssl = { listenerName: 'EXTERNAL', securityProtocol: 'SSL', host: 'kafka1', port: 9093 };
    const json = encodeBrokerRegistration({
      brokerId: 2,
      endpoints: [ssl],
      rack: 'rack1',
      timestampMs: 5,
    });
    expect(json).toBe(
      '{"features":{},"listener_security_protocol_map":{"EXTERNAL":"SSL"},"endpoints":["EXTERNAL://kafka1:9093"],' +
        '"rack":"rack1","jmx_port":-1,"port":-1,"host":null,"version":5,"timestamp":"5"}',
    );
    expect(decodeBrokerRegistration(2, json).endpoints).toEqual([ssl]);
  });

  it('the controller registration is ControllerZNode version 2', () => {
    const json = encodeController(1, 1690000000000);
    expect(json).toBe(
      '{"version":2,"brokerid":1,"timestamp":"1690000000000","kraftControllerEpoch":-1}',
    );
    expect(decodeController(json)).toEqual({
      brokerId: 1,
      timestampMs: 1690000000000,
      kraftControllerEpoch: -1,
    });
    expect(
      decodeController('{"version":1,"brokerid":0,"timestamp":"1535943857541"}').brokerId,
    ).toBe(0);
    expect(encodeControllerEpoch(3)).toBe('3');
    expect(decodeControllerEpoch('3')).toBe(3);
  });

  it('partition state is written in the order zookeeper-shell shows it', () => {
    const json = encodePartitionState({
      controllerEpoch: 1,
      leader: 1,
      leaderEpoch: 0,
      isr: [1, 2, 3],
    });
    expect(json).toBe(
      '{"controller_epoch":1,"leader":1,"version":1,"leader_epoch":0,"isr":[1,2,3]}',
    );
    expect(decodePartitionState(json)).toEqual({
      controllerEpoch: 1,
      leader: 1,
      leaderEpoch: 0,
      isr: [1, 2, 3],
      leaderRecoveryState: 0,
    });
  });

  it('a topic assignment matches `get /brokers/topics/demo` on a real 3.x cluster, field order included', () => {
    const json = encodeTopicAssignment({
      topicId: 'cMr3GpVESX2L3byPGf93lQ',
      partitions: { 0: [2, 3, 1], 1: [3, 1, 2], 2: [1, 2, 3] },
    });
    expect(json).toBe(
      '{"partitions":{"0":[2,3,1],"1":[3,1,2],"2":[1,2,3]},"topic_id":"cMr3GpVESX2L3byPGf93lQ",' +
        '"adding_replicas":{},"removing_replicas":{},"version":3}',
    );
    expect(decodeTopicAssignment(json)).toEqual({
      topicId: 'cMr3GpVESX2L3byPGf93lQ',
      partitions: { 0: [2, 3, 1], 1: [3, 1, 2], 2: [1, 2, 3] },
      addingReplicas: {},
      removingReplicas: {},
    });
  });

  it('partition keys follow Scala’s HashMap once the table grows (13 partitions: 32 buckets)', () => {
    const partitions: Record<number, number[]> = {};
    for (let p = 0; p < 13; p++) partitions[p] = [1];
    const keys = [...encodeTopicAssignment({ partitions }).matchAll(/"(\d+)":/g)].map((m) => m[1]);
    expect(keys).toEqual(['11', '12', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });

  it('topic config, config change, cluster id and ISR change notifications round-trip', () => {
    expect(encodeEntityConfig({})).toBe('{"version":1,"config":{}}');
    const config = { 'retention.ms': '60000', 'cleanup.policy': 'compact' };
    expect(decodeEntityConfig(encodeEntityConfig(config))).toEqual(config);
    expect(decodeEntityConfig(null)).toEqual({});
    expect(encodeConfigChangeNotification('topics/orders')).toBe(
      '{"version":2,"entity_path":"topics/orders"}',
    );
    expect(encodeClusterId('IOejp_IKSbWbySJc0sRrKw')).toBe(
      '{"version":"1","id":"IOejp_IKSbWbySJc0sRrKw"}',
    );
    expect(decodeClusterId('{"version":"1","id":"abc"}')).toBe('abc');
    const isr = encodeIsrChangeNotification([{ topic: 'orders', partition: 0 }]);
    expect(isr).toBe('{"version":1,"partitions":[{"topic":"orders","partition":0}]}');
    expect(decodeIsrChangeNotification(isr)).toEqual([{ topic: 'orders', partition: 0 }]);
  });
});

describe('JVM hash-map order', () => {
  it('hashes strings as java.lang.String.hashCode does', () => {
    expect(javaStringHash('')).toBe(0);
    expect(javaStringHash('a')).toBe(97);
    expect(javaStringHash('features')).toBe(-290659267);
  });

  it('orders a Scala HashMap by bucket, then by hash within a bucket; presized maps start smaller', () => {
    const keys = ['version', 'partitions', 'adding_replicas', 'removing_replicas', 'topic_id'];
    expect(scalaHashMapOrder(keys)).toEqual([
      'partitions',
      'removing_replicas',
      'topic_id',
      'adding_replicas',
      'version',
    ]);
    expect(scalaHashMapOrder(keys, 4)).toEqual([
      'partitions',
      'topic_id',
      'adding_replicas',
      'removing_replicas',
      'version',
    ]);
  });
});
