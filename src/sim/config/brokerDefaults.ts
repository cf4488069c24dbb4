/**
 * Broker configuration defaults of Apache Kafka 3.9 that the simulation honours, by their real
 * names. https://kafka.apache.org/39/documentation.html#brokerconfigs
 */
export const brokerDefaults = {
  'num.partitions': '1',
  'default.replication.factor': '1',
  'min.insync.replicas': '1',
  'unclean.leader.election.enable': 'false',
  'auto.create.topics.enable': 'true',
  'delete.topic.enable': 'true',
  'offsets.topic.replication.factor': '3',
  'offsets.topic.num.partitions': '50',
  'offsets.retention.minutes': '10080',
  'transaction.state.log.replication.factor': '3',
  'replica.lag.time.max.ms': '30000',
  'replica.fetch.wait.max.ms': '500',
  'replica.fetch.max.bytes': '1048576',
  'replica.fetch.response.max.bytes': '10485760',
  'replica.fetch.backoff.ms': '1000',
  'auto.leader.rebalance.enable': 'true',
  'leader.imbalance.check.interval.seconds': '300',
  'leader.imbalance.per.broker.percentage': '10',
  'controlled.shutdown.enable': 'true',
  'log.retention.hours': '168',
  'log.retention.bytes': '-1',
  'log.retention.check.interval.ms': '300000',
  'log.segment.bytes': '1073741824',
  'log.roll.hours': '168',
  'log.cleanup.policy': 'delete',
  'log.cleaner.enable': 'true',
  'log.cleaner.backoff.ms': '15000',
  'log.cleaner.delete.retention.ms': '86400000',
  'log.cleaner.min.compaction.lag.ms': '0',
  'log.cleaner.min.cleanable.ratio': '0.5',
  'log.message.timestamp.type': 'CreateTime',
  'message.max.bytes': '1048588',
  'compression.type': 'producer',
  'group.initial.rebalance.delay.ms': '3000',
  'group.min.session.timeout.ms': '6000',
  'group.max.session.timeout.ms': '1800000',
  'zookeeper.session.timeout.ms': '18000',
  'zookeeper.connection.timeout.ms': '18000',
  'broker.session.timeout.ms': '9000',
  'broker.heartbeat.interval.ms': '2000',
  'request.timeout.ms': '30000',
} as const satisfies Record<string, string>;

export type BrokerConfigName = keyof typeof brokerDefaults;

/** A broker's effective configuration: defaults < server.properties / overrides < dynamic configs. */
export class BrokerConfig {
  constructor(readonly values: Record<string, string>) {}

  static withOverrides(...layers: (Record<string, string> | undefined)[]): BrokerConfig {
    return new BrokerConfig(Object.assign({}, brokerDefaults, ...layers.filter(Boolean)));
  }

  get(name: string): string | undefined {
    return this.values[name];
  }

  /** Integer value of `name` (ms, bytes or a count, as the config defines). */
  int(name: BrokerConfigName | string): number {
    const v = Number(this.values[name]);
    if (!Number.isFinite(v))
      throw new Error(`config ${name} is not a number: ${this.values[name]}`);
    return v;
  }

  bool(name: BrokerConfigName | string): boolean {
    return this.values[name] === 'true';
  }
}
