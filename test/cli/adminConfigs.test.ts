/**
 * kafka-configs.sh in both controller modes. Expected texts follow
 * core/src/main/scala/kafka/admin/ConfigCommand.scala (Kafka 3.9: describeResourceConfig,
 * alterConfig, checkArgs, main) and, for the synonyms, ConfigHelper.createTopicConfigEntry /
 * createBrokerConfigEntry. Value errors come from the brokers: LogConfig.validate through
 * ConfigurationControlManager (KRaft) or ZkAdminManager (ZooKeeper mode).
 */
import { describe, expect, it } from 'vitest';
import { Terminal } from './harness';

const BS = '--bootstrap-server localhost:9092';
const CONFIGS = `kafka-configs.sh ${BS}`;
const TOPIC = `${CONFIGS} --entity-type topics --entity-name orders`;

function withTopic(mode: 'zookeeper' | 'kraft'): Terminal {
  const t = new Terminal({ mode });
  const c = t.cluster;
  c.settle(
    c.admin.createTopic({ name: 'orders', numPartitions: 2, replicationFactor: 2, configs: {} }),
  );
  t.wait(2000);
  return t;
}

describe.each(['zookeeper', 'kraft'] as const)('kafka-configs (%s mode)', (mode) => {
  it('--alter --add-config sets topic overrides, --describe lists them with their synonyms', () => {
    const t = withTopic(mode);
    expect(
      t.run(`${TOPIC} --alter --add-config retention.ms=1000,cleanup.policy=[compact,delete]`),
    ).toEqual({
      stdout: 'Completed updating config for topic orders.\n',
      stderr: '',
      status: 0,
    });
    expect(t.cluster.snapshot().topics.find((x) => x.name === 'orders')!.configs).toEqual({
      'retention.ms': '1000',
      'cleanup.policy': 'compact,delete',
    });
    expect(t.run(`${TOPIC} --describe`).stdout).toBe(
      'Dynamic configs for topic orders are:\n' +
        '  cleanup.policy=compact,delete sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:cleanup.policy=compact,delete, DEFAULT_CONFIG:log.cleanup.policy=delete}\n' +
        '  retention.ms=1000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms=1000, DEFAULT_CONFIG:log.retention.hours=168}\n',
    );
    expect(t.run(`${TOPIC} --alter --delete-config retention.ms`).stdout).toBe(
      'Completed updating config for topic orders.\n',
    );
    // Deleting a config that is not set is refused by the tool itself.
    expect(t.run(`${TOPIC} --alter --delete-config retention.ms`)).toEqual({
      stdout: '',
      stderr: 'Invalid config(s): retention.ms\n',
      status: 1,
    });
  });

  it('--describe --all shows every topic config and where its value comes from', () => {
    const t = withTopic(mode);
    t.run(
      `${CONFIGS} --entity-type brokers --entity-default --alter --add-config log.retention.ms=5000`,
    );
    const lines = t.run(`${TOPIC} --describe --all`).stdout.split('\n');
    expect(lines[0]).toBe('All configs for topic orders are:');
    expect(lines).toContain(
      '  retention.ms=5000 sensitive=false synonyms={DYNAMIC_DEFAULT_BROKER_CONFIG:log.retention.ms=5000, DEFAULT_CONFIG:log.retention.hours=168}',
    );
    expect(lines).toContain(
      '  flush.ms=9223372036854775807 sensitive=false synonyms={DEFAULT_CONFIG:log.flush.scheduler.interval.ms=9223372036854775807}',
    );
  });

  it('broker configs: per broker and cluster-wide defaults', () => {
    const t = withTopic(mode);
    expect(
      t.run(
        `${CONFIGS} --entity-type brokers --entity-name 1 --alter --add-config log.cleaner.threads=2`,
      ).stdout,
    ).toBe('Completed updating config for broker 1.\n');
    expect(
      t.run(
        `${CONFIGS} --entity-type brokers --entity-default --alter --add-config log.retention.ms=5000`,
      ).stdout,
    ).toBe('Completed updating default config for brokers in the cluster.\n');
    expect(t.run(`${CONFIGS} --entity-type brokers --describe`).stdout).toBe(
      'Dynamic configs for broker 1 are:\n' +
        '  log.cleaner.threads=2 sensitive=false synonyms={DYNAMIC_BROKER_CONFIG:log.cleaner.threads=2, DEFAULT_CONFIG:log.cleaner.threads=1}\n' +
        'Dynamic configs for broker 2 are:\n' +
        'Dynamic configs for broker 3 are:\n' +
        'Default configs for brokers in the cluster are:\n' +
        '  log.retention.ms=5000 sensitive=false synonyms={DYNAMIC_DEFAULT_BROKER_CONFIG:log.retention.ms=5000, DEFAULT_CONFIG:log.retention.hours=168}\n',
    );
  });

  it('an invalid value is refused by the broker with its mode’s error', () => {
    const t = withTopic(mode);
    const r = t.run(`${TOPIC} --alter --add-config retention.ms=abc`);
    const cause =
      mode === 'kraft'
        ? 'org.apache.kafka.common.errors.InvalidConfigurationException: Invalid value abc for configuration retention.ms: Not a number of type LONG'
        : "org.apache.kafka.common.errors.InvalidRequestException: Invalid config value for resource ConfigResource(type=TOPIC, name='orders'): Invalid value abc for configuration retention.ms: Not a number of type LONG";
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      `Error while executing config command with args '--bootstrap-server localhost:9092 --entity-type topics --entity-name orders --alter --add-config retention.ms=abc'`,
      `java.util.concurrent.ExecutionException: ${cause}`,
    ]);
    expect(r.stderr).toContain(`\nCaused by: ${cause}\n`);
    const unknown = t.run(`${TOPIC} --alter --add-config foo=1`);
    expect(unknown.stderr.split('\n')[1]).toBe(
      'java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.InvalidConfigurationException: Unknown topic config name: foo',
    );
  });

  it('an unknown topic fails after its header, with UnknownTopicOrPartitionException', () => {
    const t = withTopic(mode);
    const r = t.run(`${CONFIGS} --entity-type topics --entity-name nope --describe`);
    expect(r.stdout).toBe('Dynamic configs for topic nope are:\n');
    expect(r.stderr.split('\n').slice(1, 2)).toEqual([
      'java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition.',
    ]);
    expect(r.status).toBe(1);
  });
});

describe('kafka-configs arguments (ConfigCommandOptions.checkArgs)', () => {
  const t = new Terminal();
  const run = (args: string) => {
    const r = t.run(`kafka-configs.sh ${args}`);
    return [r.status, r.stderr.split('\n')[0]];
  };

  it('rejects entity types 3.9 does not support and missing connection options', () => {
    expect(run(`${BS} --entity-type groups --entity-name g --describe`)).toEqual([
      1,
      'Invalid entity type groups, the entity type must be one of topics, clients, users, brokers, ips, broker-loggers, client-metrics with a --bootstrap-server or --bootstrap-controller argument',
    ]);
    // Without --bootstrap-server the ZooKeeper entity types apply.
    expect(run('--entity-type topics --entity-name orders --describe')).toEqual([
      1,
      'Invalid entity type topics, the entity type must be one of users, brokers with a --zookeeper argument',
    ]);
    expect(run('--entity-type brokers --entity-name 1 --describe')).toEqual([
      1,
      'One of the required --bootstrap-server, --boostrap-controller, or --zookeeper arguments must be specified',
    ]);
  });

  it('checks the action and its arguments', () => {
    expect(run(`${BS} --entity-type topics --entity-name orders`)).toEqual([
      1,
      'Command must include exactly one action: --describe, --alter',
    ]);
    expect(run(`${BS} --entity-type topics --alter --add-config a=1`)).toEqual([
      1,
      'an entity name must be specified with --alter of topics',
    ]);
    expect(run(`${BS} --entity-type topics --entity-name orders --alter`)).toEqual([
      1,
      'At least one of --add-config, --add-config-file, or --delete-config must be specified with --alter',
    ]);
    expect(run(`${BS} --entity-type brokers --entity-name one --describe`)).toEqual([
      1,
      'The entity name for brokers must be a valid integer broker id, but it is: one',
    ]);
    expect(
      run(`${BS} --entity-type topics --entity-name orders --alter --add-config retention.ms`),
    ).toEqual([
      1,
      'requirement failed: Invalid entity config: all configs to be added must be in the format "key=val".',
    ]);
    expect(
      run(`${BS} --entity-type topics --entity-name orders --describe --add-config a=1`),
    ).toEqual([1, 'Option "[describe]" can\'t be used with option "[add-config]"']);
  });
});

describe('kafka-configs --zookeeper (deprecated)', () => {
  it('works on broker configs only while the broker is down', () => {
    const t = new Terminal({ mode: 'zookeeper' });
    const r = t.run(
      'kafka-configs.sh --zookeeper localhost:2181 --entity-type brokers --entity-name 1 --describe',
    );
    expect(r).toEqual({
      stdout:
        'Warning: --zookeeper is deprecated and will be removed in a future version of Kafka.\nUse --bootstrap-server instead to specify a broker to connect to.\n',
      stderr:
        'requirement failed: --bootstrap-server option must be specified to describe brokers - broker 1 is running. Broker configuration operations using ZooKeeper are only supported if the affected broker(s) are not running.\n',
      status: 1,
    });
  });
});
