/**
 * Simulated ZooKeeper for Kafka's ZooKeeper mode: the server, the client a broker holds, the wire
 * messages between them, and Kafka's znode paths and JSON (ZkData.scala).
 */
export * from './zkProtocol';
export * from './zooKeeperServer';
export * from './zooKeeperClient';
export * from './clientWatchManager';
export * from './clientTiming';
export * from './kafkaZkPaths';
