/**
 * kafka-topics against the simulated cluster, byte for byte as Kafka 3.9 prints it
 * (tools/src/main/java/org/apache/kafka/tools/TopicCommand.java): --create, --list, --describe and
 * its report options, --alter, --delete, in ZooKeeper mode (the notes' compose cluster) and KRaft.
 * Topic ids come from the seeded PRNG and are read back from the engine's snapshot.
 */
import { describe, expect, it } from 'vitest';
import { log4jDate } from '../../src/cli/tools/kafka/common/log4j';
import { Terminal } from './harness';

const BOOTSTRAP = '--bootstrap-server localhost:9092';
const modes = ['zookeeper', 'kraft'] as const;
type Mode = (typeof modes)[number];

/** A terminal on the default compose (ZooKeeper) cluster or the KRaft preset. */
function terminal(mode: Mode): Terminal {
  return mode === 'kraft' ? new Terminal({ mode: 'kraft' }) : new Terminal();
}

function topicId(t: Terminal, name: string): string {
  const topic = t.cluster.snapshot().topics.find((x) => x.name === name);
  if (!topic) throw new Error(`no topic ${name}`);
  return topic.topicId;
}

/** TopicCommand's PartitionDescription line for each partition, from the engine's state. */
function partitionLines(t: Terminal, name: string, mode: Mode): string {
  const topic = t.cluster.snapshot().topics.find((x) => x.name === name);
  if (!topic) throw new Error(`no topic ${name}`);
  const elr = mode === 'kraft' ? '\tElr: \tLastKnownElr: ' : '\tElr: N/A\tLastKnownElr: N/A';
  return topic.partitions
    .map(
      (p) =>
        `\tTopic: ${name}\tPartition: ${p.partition}\tLeader: ${p.leader < 0 ? 'none' : p.leader}` +
        `\tReplicas: ${p.replicas.join(',')}\tIsr: ${p.isr.join(',')}${elr}\n`,
    )
    .join('');
}

/** `[2025-01-01 00:00:05,036] ERROR <trace> (org.apache.kafka.tools.TopicCommand)` at the clock's time. */
function errorLog(t: Terminal, trace: string): string {
  return `[${log4jDate(t.cluster.wallClockMs)}] ERROR ${trace} (org.apache.kafka.tools.TopicCommand)\n`;
}

/** A consumer group lookup makes the broker create __consumer_offsets, as a first consumer does. */
function createOffsetsTopic(t: Terminal): void {
  t.cluster.settle(
    t.cluster.admin.call('findCoordinator', [1], {
      kind: 'FindCoordinator',
      clientId: 'console-consumer',
      keyType: 'group',
      key: 'g',
    }),
  );
  t.wait(3_000);
}

describe.each(modes)('kafka-topics on a %s cluster', (mode) => {
  const elr = mode === 'kraft' ? '\tElr: \tLastKnownElr: ' : '\tElr: N/A\tLastKnownElr: N/A';

  it('--list on a cluster without topics prints one empty line (println of "")', () => {
    const t = terminal(mode);
    expect(t.run(`kafka-topics.sh ${BOOTSTRAP} --list`)).toEqual({
      stdout: '\n',
      stderr: '',
      status: 0,
    });
  });

  it('--create prints "Created topic X." and --list shows the names in Java String order', () => {
    const t = terminal(mode);
    for (const name of ['orders', 'Zeta', 'alpha'])
      expect(t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic ${name}`)).toEqual({
        stdout: `Created topic ${name}.\n`,
        stderr: '',
        status: 0,
      });
    expect(t.run(`kafka-topics.sh ${BOOTSTRAP} --list`).stdout).toBe('Zeta\nalpha\norders\n');
  });

  it("--create warns about '.' and '_' before creating the topic", () => {
    const t = terminal(mode);
    expect(t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic my_topic.v1`)).toEqual({
      stdout:
        "WARNING: Due to limitations in metric names, topics with a period ('.') or underscore ('_') could collide. To avoid issues it is best to use either, but not both.\n" +
        'Created topic my_topic.v1.\n',
      stderr: '',
      status: 0,
    });
  });

  it('--describe prints the summary line and one TAB-led line per partition with the 3.9 ELR fields', () => {
    const t = terminal(mode);
    t.run(
      `kafka-topics.sh ${BOOTSTRAP} --create --topic orders --partitions 3 --replication-factor 3`,
    );
    const r = t.run(`kafka-topics.sh --describe --topic orders ${BOOTSTRAP}`);
    const id = topicId(t, 'orders');
    expect(r).toEqual({
      stdout:
        `Topic: orders\tTopicId: ${id}\tPartitionCount: 3\tReplicationFactor: 3\tConfigs: \n` +
        `\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3${elr}\n` +
        `\tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,3,1${elr}\n` +
        `\tTopic: orders\tPartition: 2\tLeader: 3\tReplicas: 3,1,2\tIsr: 3,1,2${elr}\n`,
      stderr: '',
      status: 0,
    });
  });

  it('--describe lists --config overrides in the HashMap order of Config.entries()', () => {
    const t = terminal(mode);
    t.run(
      `kafka-topics.sh ${BOOTSTRAP} --create --topic events --config segment.bytes=1048576 ` +
        '--config min.insync.replicas=2 --config compression.type=gzip --config cleanup.policy=compact',
    );
    const summary = t
      .run(`kafka-topics.sh ${BOOTSTRAP} --describe --topic events`)
      .stdout.split('\n')[0];
    expect(summary).toBe(
      `Topic: events\tTopicId: ${topicId(t, 'events')}\tPartitionCount: 1\tReplicationFactor: 1\t` +
        'Configs: compression.type=gzip,min.insync.replicas=2,cleanup.policy=compact,segment.bytes=1048576',
    );
  });

  it('--describe without --topic includes __consumer_offsets with its broker-set configs; --exclude-internal drops it', () => {
    const t = terminal(mode);
    createOffsetsTopic(t);
    t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic orders`);
    const all = t.run(`kafka-topics.sh ${BOOTSTRAP} --describe`).stdout.split('\n');
    const summaries = all.filter((l) => l.startsWith('Topic:'));
    expect(summaries).toEqual([
      `Topic: __consumer_offsets\tTopicId: ${topicId(t, '__consumer_offsets')}\tPartitionCount: 50\tReplicationFactor: 3\t` +
        'Configs: compression.type=producer,cleanup.policy=compact,segment.bytes=104857600',
      `Topic: orders\tTopicId: ${topicId(t, 'orders')}\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: `,
    ]);
    expect(all.length).toBe(2 + 50 + 1 + 1);
    expect(t.run(`kafka-topics.sh ${BOOTSTRAP} --list`).stdout).toBe(
      '__consumer_offsets\norders\n',
    );
    expect(t.run(`kafka-topics.sh ${BOOTSTRAP} --list --exclude-internal`).stdout).toBe('orders\n');
    expect(t.run(`kafka-topics.sh ${BOOTSTRAP} --describe --exclude-internal`).stdout).toBe(
      `Topic: orders\tTopicId: ${topicId(t, 'orders')}\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: \n` +
        partitionLines(t, 'orders', mode),
    );
  });

  // KafkaAdminClient keeps describeTopics' futures in HashMaps (allTopicNames() collects them into
  // `new HashMap<>(n)`), and TopicCommand prints `descTopics.values()` in that order.
  it('--describe of several topics follows the admin client HashMap, not name order', () => {
    const t = terminal(mode);
    for (const name of ['orders', 'quickstart-events'])
      t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic ${name}`);
    const summaries = t
      .run(`kafka-topics.sh ${BOOTSTRAP} --describe`)
      .stdout.split('\n')
      .filter((l) => l.startsWith('Topic:'))
      .map((l) => l.split('\t')[0]);
    expect(summaries).toEqual(['Topic: quickstart-events', 'Topic: orders']);
  });

  it('--topic is a regular expression for --describe, --alter and --delete', () => {
    const t = terminal(mode);
    for (const name of ['test-1', 'test-2', 'other'])
      t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic ${name}`);
    expect(t.run(`kafka-topics.sh ${BOOTSTRAP} --list --topic 'test.*'`).stdout).toBe(
      'test-1\ntest-2\n',
    );
    expect(t.run(`kafka-topics.sh ${BOOTSTRAP} --alter --topic 'test-.*' --partitions 2`)).toEqual({
      stdout: '',
      stderr: '',
      status: 0,
    });
    expect(
      t
        .run(`kafka-topics.sh ${BOOTSTRAP} --describe --topic test-1,other`)
        .stdout.match(/^Topic: \S+/gm),
    ).toEqual(['Topic: test-1', 'Topic: other']); // HashMap order, as above
    expect(t.run(`kafka-topics.sh ${BOOTSTRAP} --delete --topic 'test.*'`)).toEqual({
      stdout: '',
      stderr: '',
      status: 0,
    });
    expect(t.run(`kafka-topics.sh ${BOOTSTRAP} --list`).stdout).toBe('other\n');
  });

  it('--alter --partitions grows the topic and prints nothing', () => {
    const t = terminal(mode);
    t.run(
      `kafka-topics.sh ${BOOTSTRAP} --create --topic orders --partitions 2 --replication-factor 2`,
    );
    expect(t.run(`kafka-topics.sh ${BOOTSTRAP} --alter --topic orders --partitions 4`)).toEqual({
      stdout: '',
      stderr: '',
      status: 0,
    });
    t.wait(1_000);
    expect(t.run(`kafka-topics.sh ${BOOTSTRAP} --describe --topic orders`).stdout).toBe(
      `Topic: orders\tTopicId: ${topicId(t, 'orders')}\tPartitionCount: 4\tReplicationFactor: 2\tConfigs: \n` +
        partitionLines(t, 'orders', mode),
    );
  });

  it('--create --replica-assignment places the replicas as given', () => {
    const t = terminal(mode);
    expect(
      t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic placed --replica-assignment 3:1,2:3`)
        .stdout,
    ).toBe('Created topic placed.\n');
    t.wait(1_000);
    expect(t.run(`kafka-topics.sh ${BOOTSTRAP} --describe --topic placed`).stdout).toBe(
      `Topic: placed\tTopicId: ${topicId(t, 'placed')}\tPartitionCount: 2\tReplicationFactor: 2\tConfigs: \n` +
        `\tTopic: placed\tPartition: 0\tLeader: 3\tReplicas: 3,1\tIsr: 3,1${elr}\n` +
        `\tTopic: placed\tPartition: 1\tLeader: 2\tReplicas: 2,3\tIsr: 2,3${elr}\n`,
    );
  });

  it('--delete is silent, and the topic is gone from --list', () => {
    const t = terminal(mode);
    t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic orders`);
    expect(t.run(`kafka-topics.sh ${BOOTSTRAP} --delete --topic orders`)).toEqual({
      stdout: '',
      stderr: '',
      status: 0,
    });
    expect(t.run(`kafka-topics.sh ${BOOTSTRAP} --list`).stdout).toBe('\n');
  });

  it('--if-exists makes describe, alter and delete of a missing topic silent; --if-not-exists an existing create', () => {
    const t = terminal(mode);
    const silent = { stdout: '', stderr: '', status: 0 };
    expect(t.run(`kafka-topics.sh ${BOOTSTRAP} --describe --topic nope --if-exists`)).toEqual(
      silent,
    );
    expect(
      t.run(`kafka-topics.sh ${BOOTSTRAP} --alter --topic nope --partitions 3 --if-exists`),
    ).toEqual(silent);
    expect(t.run(`kafka-topics.sh ${BOOTSTRAP} --delete --topic nope --if-exists`)).toEqual(silent);
    t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic orders`);
    expect(t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic orders --if-not-exists`)).toEqual(
      silent,
    );
  });

  it('report options print only the matching partition lines after a broker stops', () => {
    const t = terminal(mode);
    t.run(
      `kafka-topics.sh ${BOOTSTRAP} --create --topic orders --partitions 3 --replication-factor 3 --config min.insync.replicas=2`,
    );
    t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic solo --replica-assignment 3`);
    t.run(
      `kafka-topics.sh ${BOOTSTRAP} --create --topic strict --replication-factor 3 --config min.insync.replicas=3`,
    );
    t.cluster.stopBroker(3);
    t.wait(35_000);
    const lines = (cmd: string) => t.run(`kafka-topics.sh ${BOOTSTRAP} --describe ${cmd}`).stdout;
    const orders = partitionLines(t, 'orders', mode);
    const solo = partitionLines(t, 'solo', mode);
    const strict = partitionLines(t, 'strict', mode);
    expect(solo).toBe(`\tTopic: solo\tPartition: 0\tLeader: none\tReplicas: 3\tIsr: 3${elr}\n`);
    expect(
      orders
        .split('\n')
        .filter(Boolean)
        .every((l) => !/Isr: .*3/.test(l)),
    ).toBe(true);
    // Topics come in the admin client's HashMap order: strict, orders, solo. ISR 1,2 of replicas
    // 1,2,3 is under-replicated; below min.insync.replicas=3 (strict), at 2 (orders); solo has no
    // leader, which counts as unavailable and under min ISR, and its ISR of 1 equals its minimum.
    expect(lines('--under-replicated-partitions')).toBe(strict + orders);
    expect(lines('--unavailable-partitions')).toBe(solo);
    expect(lines('--under-min-isr-partitions')).toBe(strict + solo);
    expect(lines('--at-min-isr-partitions')).toBe(orders + solo);
    expect(lines('--topics-with-overrides')).toBe(
      `Topic: strict\tTopicId: ${topicId(t, 'strict')}\tPartitionCount: 1\tReplicationFactor: 3\tConfigs: min.insync.replicas=3\n` +
        `Topic: orders\tTopicId: ${topicId(t, 'orders')}\tPartitionCount: 3\tReplicationFactor: 3\tConfigs: min.insync.replicas=2\n`,
    );
  });

  it('--describe --topic-id describes the topic with that id', () => {
    const t = terminal(mode);
    t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic orders`);
    const id = topicId(t, 'orders');
    expect(t.run(`kafka-topics.sh ${BOOTSTRAP} --describe --topic-id ${id}`).stdout).toBe(
      `Topic: orders\tTopicId: ${id}\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: \n` +
        partitionLines(t, 'orders', mode),
    );
  });

  it('a topic that already exists fails with TopicExistsException', () => {
    const t = terminal(mode);
    t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic orders`);
    const r = t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic orders`);
    expect(r).toEqual({
      stdout: "Error while executing topic command : Topic 'orders' already exists.\n",
      stderr: errorLog(
        t,
        "org.apache.kafka.common.errors.TopicExistsException: Topic 'orders' already exists.\n",
      ),
      status: 1,
    });
  });

  it('an invalid topic name fails with InvalidTopicException from the broker', () => {
    const t = terminal(mode);
    const r = t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic 'my topic'`);
    const message =
      "Topic name is invalid: 'my topic' contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'";
    expect(r).toEqual({
      stdout: `Error while executing topic command : ${message}\n`,
      stderr: errorLog(t, `org.apache.kafka.common.errors.InvalidTopicException: ${message}\n`),
      status: 1,
    });
  });
});

describe('messages that differ between ZooKeeper mode and KRaft come from the controller', () => {
  const cases: { mode: Mode; command: string; exception: string; message: string }[] = [
    {
      mode: 'zookeeper',
      command: '--create --topic big --replication-factor 5',
      exception: 'InvalidReplicationFactorException',
      message: 'Replication factor: 5 larger than available brokers: 3.',
    },
    {
      mode: 'kraft',
      command: '--create --topic big --replication-factor 5',
      exception: 'InvalidReplicationFactorException',
      message:
        'Unable to replicate the partition 5 time(s): The target replication factor of 5 cannot be reached because only 3 broker(s) are registered.',
    },
    {
      mode: 'zookeeper',
      command: '--alter --topic orders --partitions 2',
      exception: 'InvalidPartitionsException',
      message: 'Topic currently has 3 partitions, which is higher than the requested 2.',
    },
    {
      mode: 'kraft',
      command: '--alter --topic orders --partitions 2',
      exception: 'InvalidPartitionsException',
      message: 'The topic orders currently has 3 partition(s); 2 would not be an increase.',
    },
    {
      mode: 'zookeeper',
      command: '--alter --topic orders --partitions 3',
      exception: 'InvalidPartitionsException',
      message: 'Topic already has 3 partitions.',
    },
    {
      mode: 'kraft',
      command: '--alter --topic orders --partitions 3',
      exception: 'InvalidPartitionsException',
      message: 'Topic already has 3 partition(s).',
    },
  ];
  it.each(cases)('$mode: kafka-topics $command', ({ mode, command, exception, message }) => {
    const t = terminal(mode);
    t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic orders --partitions 3`);
    const r = t.run(`kafka-topics.sh ${BOOTSTRAP} ${command}`);
    expect(r).toEqual({
      stdout: `Error while executing topic command : ${message}\n`,
      stderr: errorLog(t, `org.apache.kafka.common.errors.${exception}: ${message}\n`),
      status: 1,
    });
  });

  it("KRaft: a name that collides on '.' versus '_' is refused", () => {
    const t = terminal('kraft');
    t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic a_b`);
    const r = t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic a.b`);
    expect(r.stdout).toBe(
      "WARNING: Due to limitations in metric names, topics with a period ('.') or underscore ('_') could collide. To avoid issues it is best to use either, but not both.\n" +
        "Error while executing topic command : Topic 'a.b' collides with existing topic: a_b\n",
    );
    expect(r.status).toBe(1);
  });
});

describe('a broker started from the distribution server.properties (quickstart)', () => {
  it('reports log.segment.bytes as the non-default segment.bytes (STATIC_BROKER_CONFIG)', () => {
    const t = new Terminal({ brokers: 0 });
    const host = t.session.host;
    const props = (path: string) =>
      Object.fromEntries(
        (host.fs.read(path) ?? '')
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l !== '' && !l.startsWith('#'))
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
    expect(host.startZooKeeper(props('/opt/kafka/config/zookeeper.properties')).ok).toBe(true);
    expect(host.startKafka(props('/opt/kafka/config/server.properties')).ok).toBe(true);
    t.wait(20_000);
    expect(t.run(`kafka-topics.sh --create --topic quickstart-events ${BOOTSTRAP}`).stdout).toBe(
      'Created topic quickstart-events.\n',
    );
    expect(t.run(`kafka-topics.sh --describe --topic quickstart-events ${BOOTSTRAP}`).stdout).toBe(
      `Topic: quickstart-events\tTopicId: ${topicId(t, 'quickstart-events')}\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: segment.bytes=1073741824\n` +
        '\tTopic: quickstart-events\tPartition: 0\tLeader: 0\tReplicas: 0\tIsr: 0\tElr: N/A\tLastKnownElr: N/A\n',
    );
  });
});
