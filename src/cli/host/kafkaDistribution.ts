/**
 * The files of a Kafka 3.9 binary distribution unpacked at `/opt/kafka` (`$KAFKA_HOME`), as a
 * learner who followed the quickstart has them: the `bin/` scripts and the `config/` files with
 * Kafka 3.9's shipped settings. https://kafka.apache.org/39/documentation.html#quickstart
 */

/** `$KAFKA_HOME`: where the distribution is unpacked. */
export const kafkaHome = '/opt/kafka';

/** The shell scripts in `bin/` that the workbench implements (without `.sh`). */
export const kafkaScripts = [
  'kafka-broker-api-versions',
  'kafka-configs',
  'kafka-console-consumer',
  'kafka-console-producer',
  'kafka-consumer-groups',
  'kafka-consumer-perf-test',
  'kafka-get-offsets',
  'kafka-leader-election',
  'kafka-metadata-quorum',
  'kafka-producer-perf-test',
  'kafka-reassign-partitions',
  'kafka-server-start',
  'kafka-server-stop',
  'kafka-storage',
  'kafka-topics',
  'zookeeper-server-start',
  'zookeeper-server-stop',
] as const;

const serverProperties = `# Kafka broker settings (ZooKeeper mode), as shipped with Kafka 3.9.

############################# Server Basics #############################

# A unique id for every broker in the cluster.
broker.id=0

############################# Socket Server Settings #############################

# Listener the broker binds to; when unset it is PLAINTEXT on port 9092.
#listeners=PLAINTEXT://:9092
#advertised.listeners=PLAINTEXT://your.host.name:9092

num.network.threads=3
num.io.threads=8
socket.send.buffer.bytes=102400
socket.receive.buffer.bytes=102400
socket.request.max.bytes=104857600

############################# Log Basics #############################

log.dirs=/tmp/kafka-logs
num.partitions=1
num.recovery.threads.per.data.dir=1

############################# Internal Topic Settings  #############################

offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1

############################# Log Retention Policy #############################

log.retention.hours=168
#log.retention.bytes=1073741824
log.segment.bytes=1073741824
log.retention.check.interval.ms=300000

############################# Zookeeper #############################

zookeeper.connect=localhost:2181
zookeeper.connection.timeout.ms=18000

############################# Group Coordinator Settings #############################

group.initial.rebalance.delay.ms=0
`;

const zookeeperProperties = `# ZooKeeper settings, as shipped with Kafka 3.9.
dataDir=/tmp/zookeeper
clientPort=2181
maxClientCnxns=0
admin.enableServer=false
`;

const kraftServerProperties = `# Kafka node settings (KRaft combined mode: broker and controller), as shipped with Kafka 3.9.

process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:9093

listeners=PLAINTEXT://:9092,CONTROLLER://:9093
inter.broker.listener.name=PLAINTEXT
advertised.listeners=PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL

num.network.threads=3
num.io.threads=8
socket.send.buffer.bytes=102400
socket.receive.buffer.bytes=102400
socket.request.max.bytes=104857600

log.dirs=/tmp/kraft-combined-logs
num.partitions=1
num.recovery.threads.per.data.dir=1

offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1

log.retention.hours=168
log.segment.bytes=1073741824
log.retention.check.interval.ms=300000
`;

/**
 * `config/kraft/reconfig-server.properties`: the combined node of Kafka 3.9's quickstart, with a
 * dynamic controller quorum (KIP-853) found through `controller.quorum.bootstrap.servers` instead
 * of a static `controller.quorum.voters` list; formatted with `kafka-storage.sh format --standalone`.
 */
const kraftReconfigServerProperties = kraftServerProperties
  .replace(
    '(KRaft combined mode: broker and controller)',
    '(KRaft combined mode, dynamic controller quorum)',
  )
  .replace(
    'controller.quorum.voters=1@localhost:9093',
    'controller.quorum.bootstrap.servers=localhost:9093',
  );

const producerProperties = `# Console producer settings, as shipped with Kafka 3.9.
bootstrap.servers=localhost:9092
compression.type=none
`;

const consumerProperties = `# Console consumer settings, as shipped with Kafka 3.9.
bootstrap.servers=localhost:9092
group.id=test-consumer-group
`;

/** Initial files of the virtual filesystem, by absolute path. */
export function kafkaDistributionFiles(): Record<string, string> {
  const files: Record<string, string> = {
    [`${kafkaHome}/config/server.properties`]: serverProperties,
    [`${kafkaHome}/config/zookeeper.properties`]: zookeeperProperties,
    [`${kafkaHome}/config/kraft/server.properties`]: kraftServerProperties,
    [`${kafkaHome}/config/kraft/reconfig-server.properties`]: kraftReconfigServerProperties,
    [`${kafkaHome}/config/producer.properties`]: producerProperties,
    [`${kafkaHome}/config/consumer.properties`]: consumerProperties,
  };
  for (const s of kafkaScripts) {
    files[`${kafkaHome}/bin/${s}.sh`] = `#!/bin/bash\n# ${s} (simulated)\n`;
    files[`${kafkaHome}/bin/windows/${s}.bat`] = `@echo off\nrem ${s} (simulated)\n`;
  }
  return files;
}

/** Parses Java `.properties` text: `key=value` / `key: value`, `#` and `!` comments, `\` continuations. */
export function parseProperties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    while (line.endsWith('\\') && i + 1 < lines.length)
      line = line.slice(0, -1) + lines[++i]!.replace(/^\s+/, '');
    const m = /^((?:\\.|[^=:\s])*)\s*[=:\s]\s*(.*)$/.exec(line);
    const key = (m ? m[1]! : line).replace(/\\(.)/g, '$1');
    out[key] = m ? m[2]!.replace(/\\(.)/g, '$1') : '';
  }
  return out;
}
