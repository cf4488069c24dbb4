/**
 * Cluster lifecycle commands from the notes (DESIGN §4), starting from an empty machine
 * (`kafka-sim --brokers 0`): ZooKeeper and Kafka started from their properties files, stopped with
 * the stop scripts or Ctrl-C, and a KRaft node after `kafka-storage.sh format`.
 */
import { describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '../../src/cli/defaultRegistry';
import { ClusterHost } from '../../src/cli/host/clusterHost';
import { ShellSession } from '../../src/cli/runtime/session';
import { parseScript } from '../../src/cli/shell/parse/index';
import { Terminal } from './harness';

const lines = (text: string) => text.split('\n').filter((l) => l !== '');
const last = (text: string) => lines(text).at(-1) ?? '';
/** `[2025-01-01 00:00:05,123] ` */
const stamp = String.raw`\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\] `;

/** A browser terminal: not headless, so foreground servers keep the terminal until Ctrl-C. */
function browserTerminal(host = new ClusterHost({ preset: 'empty' })) {
  let output = '';
  const session = new ShellSession({
    host,
    registry: createDefaultRegistry(),
    headless: false,
    interactive: true,
    write: (_channel, text) => (output += text),
  });
  return {
    host,
    session,
    /** Starts a command line; its status arrives later in `status()`. */
    type(line: string) {
      let status: number | undefined;
      session.submit(parseScript(line).commands[0]!, (s) => (status = s));
      return () => status;
    },
    take() {
      const out = output;
      output = '';
      return out;
    },
  };
}

describe('note 000: the quickstart on an empty machine', () => {
  it('starts ZooKeeper and Kafka from ./config, then creates, lists and describes a topic', () => {
    const t = new Terminal({ brokers: 0 });
    expect(t.cluster.snapshot().brokers).toEqual([]);

    const zk = t.run('./bin/zookeeper-server-start.sh ./config/zookeeper.properties');
    expect(zk.status).toBe(0);
    expect(zk.stderr).toBe('');
    expect(lines(zk.stdout)[0]).toMatch(
      new RegExp(
        `^${stamp}INFO Reading configuration from: \\./config/zookeeper\\.properties \\(org\\.apache\\.zookeeper\\.server\\.quorum\\.QuorumPeerConfig\\)$`,
      ),
    );
    expect(zk.stdout).toMatch(
      new RegExp(
        `${stamp}INFO binding to port 0\\.0\\.0\\.0/0\\.0\\.0\\.0:2181 \\(org\\.apache\\.zookeeper\\.server\\.NIOServerCnxnFactory\\)\n`,
      ),
    );
    expect(zk.stdout).toContain('INFO  |___  /                 | |');
    expect(t.cluster.snapshot().controller.zookeeper?.running).toBe(true);

    const kafka = t.run('./bin/kafka-server-start.sh ./config/server.properties');
    expect(kafka.status).toBe(0);
    expect(kafka.stdout).toContain(
      'INFO Registered broker 0 at path /brokers/ids/0 with addresses: PLAINTEXT://localhost:9092',
    );
    expect(kafka.stdout).toContain(
      'INFO Kafka version: 3.9.0 (org.apache.kafka.common.utils.AppInfoParser)',
    );
    expect(last(kafka.stdout)).toMatch(
      new RegExp(
        `^${stamp}INFO \\[KafkaServer id=0\\] started \\(kafka\\.server\\.KafkaServer\\)$`,
      ),
    );
    // The stamps of the log never go backwards.
    const stamps = lines(kafka.stdout)
      .filter((l) => l.startsWith('['))
      .map((l) => l.slice(1, 24));
    expect([...stamps].sort()).toEqual(stamps);
    expect(t.cluster.snapshot().brokers).toMatchObject([{ id: 0, port: 9092, state: 'running' }]);

    const create = t.run(
      './bin/kafka-topics.sh --create --topic quickstart-events --bootstrap-server localhost:9092 -partitions 1',
    );
    expect(create).toMatchObject({ stdout: 'Created topic quickstart-events.\n', status: 0 });
    expect(t.run('./bin/kafka-topics.sh --bootstrap-server localhost:9092 --list').stdout).toBe(
      'quickstart-events\n',
    );
    const describeOut = t.run(
      './bin/kafka-topics.sh --describe --topic quickstart-events --bootstrap-server localhost:9092',
    ).stdout;
    expect(describeOut).toContain(
      '\tTopic: quickstart-events\tPartition: 0\tLeader: 0\tReplicas: 0\tIsr: 0',
    );
  });

  it('the servers keep running after the command returns; the stop scripts stop them', () => {
    const t = new Terminal({ brokers: 0 });
    t.run('bin/zookeeper-server-start.sh config/zookeeper.properties');
    t.run('bin/kafka-server-start.sh config/server.properties');
    t.wait(10_000);
    expect(t.cluster.snapshot().brokers[0]).toMatchObject({ id: 0, state: 'running' });

    expect(t.run('bin/kafka-server-stop.sh')).toEqual({ stdout: '', stderr: '', status: 0 });
    t.wait(2_000);
    expect(t.cluster.brokers.get(0)!.state).toBe('stopped');
    expect(t.run('bin/kafka-server-stop.sh')).toEqual({
      stdout: 'No kafka server to stop\n',
      stderr: '',
      status: 1,
    });
    expect(t.run('bin/zookeeper-server-stop.sh').status).toBe(0);
    expect(t.cluster.snapshot().controller.zookeeper?.running).toBe(false);
    expect(t.run('bin/zookeeper-server-stop.sh')).toEqual({
      stdout: 'No zookeeper server to stop\n',
      stderr: '',
      status: 1,
    });
  });
});

describe('notes 001 and 003: $KAFKA_HOME/bin/… spellings', () => {
  it('$KAFKA_HOME/bin/zookeeper-server-start.sh and kafka-server-start.sh with absolute config paths', () => {
    const t = new Terminal({ brokers: 0 });
    const zk = t.run(
      '$KAFKA_HOME/bin/zookeeper-server-start.sh $KAFKA_HOME/config/zookeeper.properties',
    );
    expect(zk.status).toBe(0);
    // An absolute path draws no "is relative" warning from VerifyingFileFactory.
    expect(zk.stdout).toContain(
      'Reading configuration from: /opt/kafka/config/zookeeper.properties',
    );
    expect(zk.stdout).not.toContain('is relative');
    const kafka = t.run(
      '$KAFKA_HOME/bin/kafka-server-start.sh $KAFKA_HOME/config/server.properties',
    );
    expect(last(kafka.stdout)).toContain('[KafkaServer id=0] started (kafka.server.KafkaServer)');
    const create = t.run(
      '$KAFKA_HOME/bin/kafka-topics.sh --create --bootstrap-server localhost:9092 --replication-factor 1 --partitions 3 --topic orders',
    );
    expect(create.stdout).toBe('Created topic orders.\n');
  });

  it('a relative config path draws ZooKeeper\'s "is relative" warning', () => {
    const t = new Terminal({ brokers: 0 });
    const zk = t.run('bin/zookeeper-server-start.sh config/zookeeper.properties');
    expect(lines(zk.stdout)[1]).toMatch(
      /WARN config\/zookeeper\.properties is relative\. Prepend \.\/ to indicate that you're sure! \(org\.apache\.zookeeper\.server\.quorum\.QuorumPeerConfig\)$/,
    );
  });

  it('bin\\windows\\*.bat: Java prints Windows paths, and /tmp/zookeeper has no drive letter', () => {
    const t = new Terminal({ brokers: 0 });
    const zk = t.run(
      String.raw`bin\windows\zookeeper-server-start.bat 'config\zookeeper.properties'`,
    );
    expect(zk.status).toBe(0);
    expect(
      lines(zk.stdout)
        .slice(0, 3)
        .map((l) => l.replace(/^\[[^\]]*\] /, '')),
    ).toEqual([
      String.raw`INFO Reading configuration from: config\zookeeper.properties (org.apache.zookeeper.server.quorum.QuorumPeerConfig)`,
      String.raw`WARN config\zookeeper.properties is relative. Prepend .\ to indicate that you're sure! (org.apache.zookeeper.server.quorum.QuorumPeerConfig)`,
      String.raw`WARN \tmp\zookeeper is relative. Prepend .\ to indicate that you're sure! (org.apache.zookeeper.server.quorum.QuorumPeerConfig)`,
    ]);
  });

  it('the `**` typo: when the glob matches no file, bash runs the word as typed and finds nothing', () => {
    const t = new Terminal({ brokers: 0 });
    t.run('unset KAFKA_HOME');
    const r = t.run(
      '$KAFKA_HOME/bin/zookeeper-**server**-start.sh  $KAFKA_HOME/config/zookeeper.properties',
    );
    expect(r).toEqual({
      stdout: '',
      stderr: 'bash: /bin/zookeeper-**server**-start.sh: No such file or directory\n',
      status: 127,
    });
    expect(t.cluster.snapshot().controller.zookeeper?.running).toBe(false);
  });

  // With $KAFKA_HOME set, `zookeeper-**server**-start.sh` is a pattern that matches
  // /opt/kafka/bin/zookeeper-server-start.sh (`**` is `*` without globstar), so bash expands it and
  // ZooKeeper starts (checked with bash 5).
  it('the `**` typo as note 001 has it: bash expands the glob to bin/zookeeper-server-start.sh and ZooKeeper starts', () => {
    const t = new Terminal({ brokers: 0 });
    const r = t.run(
      '$KAFKA_HOME/bin/zookeeper-**server**-start.sh  $KAFKA_HOME/config/zookeeper.properties',
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('binding to port 0.0.0.0/0.0.0.0:2181');
    expect(t.cluster.snapshot().controller.zookeeper?.running).toBe(true);
  });
});

describe('script arguments and configuration errors', () => {
  it('without arguments the scripts print their usage and exit 1', () => {
    const t = new Terminal({ brokers: 0 });
    expect(t.run('zookeeper-server-start.sh')).toEqual({
      stdout: 'USAGE: /opt/kafka/bin/zookeeper-server-start.sh [-daemon] zookeeper.properties\n',
      stderr: '',
      status: 1,
    });
    expect(t.run('./bin/kafka-server-start.sh')).toEqual({
      stdout:
        'USAGE: ./bin/kafka-server-start.sh [-daemon] server.properties [--override property=value]*\n',
      stderr: '',
      status: 1,
    });
    expect(t.run('bin\\windows\\kafka-server-start.bat').stdout).toBe(
      'USAGE: bin\\windows\\kafka-server-start.bat server.properties\n',
    );
  });

  it('a missing zookeeper.properties: "Invalid config, exiting abnormally" and status 2', () => {
    const t = new Terminal({ brokers: 0 });
    const r = t.run('bin/zookeeper-server-start.sh config/zookeper.properties');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('Invalid config, exiting abnormally\n');
    expect(r.stdout).toContain(
      'ERROR Invalid config, exiting abnormally (org.apache.zookeeper.server.quorum.QuorumPeerMain)\n' +
        'org.apache.zookeeper.server.quorum.QuorumPeerConfig$ConfigException: Error processing config/zookeper.properties\n' +
        '\tat org.apache.zookeeper.server.quorum.QuorumPeerConfig.parse(QuorumPeerConfig.java:198)\n',
    );
    expect(r.stdout).toContain(
      'Caused by: java.lang.IllegalArgumentException: config/zookeper.properties file is missing\n',
    );
    expect(last(r.stdout)).toMatch(
      /ERROR Exiting JVM with code 2 \(org\.apache\.zookeeper\.util\.ServiceUtils\)$/,
    );
    expect(t.cluster.snapshot().controller.zookeeper?.running).toBe(false);
  });

  it('a missing server.properties: "Exiting Kafka due to fatal exception" and status 1', () => {
    const t = new Terminal({ brokers: 0 });
    const r = t.run('bin/kafka-server-start.sh config/server-1.properties');
    expect(r.status).toBe(1);
    expect(lines(r.stdout).slice(0, 3)).toEqual([
      expect.stringMatching(/INFO Registered kafka:type=kafka\.Log4jController MBean/),
      expect.stringMatching(/ERROR Exiting Kafka due to fatal exception \(kafka\.Kafka\$\)$/),
      'java.nio.file.NoSuchFileException: config/server-1.properties',
    ]);
  });

  it('--override sets broker properties: a second broker from the same file on another port and id', () => {
    const t = new Terminal({ brokers: 0 });
    t.run('bin/zookeeper-server-start.sh config/zookeeper.properties');
    t.run('bin/kafka-server-start.sh config/server.properties');
    const second = t.run(
      'bin/kafka-server-start.sh config/server.properties --override broker.id=1 --override listeners=PLAINTEXT://:9093 --override log.dirs=/tmp/kafka-logs-1',
    );
    expect(last(second.stdout)).toContain('[KafkaServer id=1] started');
    expect(second.stdout).toContain('PLAINTEXT://localhost:9093');
    expect(t.cluster.snapshot().brokers.map((b) => [b.id, b.port, b.state])).toEqual([
      [0, 9092, 'running'],
      [1, 9093, 'running'],
    ]);
  });

  it('starting the same broker twice fails to lock its log directory', () => {
    const t = new Terminal({ brokers: 0 });
    t.run('bin/zookeeper-server-start.sh config/zookeeper.properties');
    t.run('bin/kafka-server-start.sh config/server.properties');
    const r = t.run('bin/kafka-server-start.sh config/server.properties');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      'org.apache.kafka.common.KafkaException: Failed to acquire lock on file .lock in /tmp/kafka-logs. A Kafka instance in another process or thread is using this directory.',
    );
    expect(last(r.stdout)).toMatch(
      /INFO \[KafkaServer id=0\] shutting down \(kafka\.server\.KafkaServer\)$/,
    );
    expect(t.cluster.brokers.get(0)!.state).toBe('running');
  });
});

describe('broker startup failures reported by the engine', () => {
  it('without ZooKeeper the broker retries for zookeeper.connection.timeout.ms (18 s), then exits 1', () => {
    const t = new Terminal({ brokers: 0 });
    const before = t.cluster.now;
    const r = t.run('bin/kafka-server-start.sh config/server.properties');
    expect(r.status).toBe(1);
    expect(t.cluster.now - before).toBeGreaterThanOrEqual(18_000);
    expect(r.stdout).toContain(
      'INFO Socket error occurred: localhost/127.0.0.1:2181: Connection refused (org.apache.zookeeper.ClientCnxn)',
    );
    expect(r.stdout).toMatch(
      /ERROR Fatal error during KafkaServer startup\. Prepare to shutdown \(kafka\.server\.KafkaServer\)\nkafka\.zookeeper\.ZooKeeperClientTimeoutException: Timed out waiting for connection while in state: CONNECTING\n\tat kafka\.zookeeper\.ZooKeeperClient\.waitUntilConnected/,
    );
    expect(r.stdout).toContain(
      'ERROR Exiting Kafka due to fatal exception during startup. (kafka.Kafka$)',
    );
    expect(t.cluster.brokers.get(0)!.state).toBe('stopped');
  });

  it('a broker killed with kill -9 and restarted within the session timeout fails with NodeExists', () => {
    const t = new Terminal({ brokers: 0 });
    t.run('bin/zookeeper-server-start.sh config/zookeeper.properties');
    t.run('bin/kafka-server-start.sh config/server.properties > /dev/null &');
    t.run('sleep 2');
    t.run('kill -9 %1');
    expect(t.cluster.brokers.get(0)!.state).toBe('stopped');
    const r = t.run('bin/kafka-server-start.sh config/server.properties');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /ERROR \[KafkaServer id=0\] Fatal error during KafkaServer startup\. Prepare to shutdown \(kafka\.server\.KafkaServer\)\norg\.apache\.zookeeper\.KeeperException\$NodeExistsException: KeeperErrorCode = NodeExists\n\tat org\.apache\.zookeeper\.KeeperException\.create/,
    );
    // After the old session expired (18 s) the same command starts the broker.
    t.run('sleep 20');
    expect(last(t.run('bin/kafka-server-start.sh config/server.properties').stdout)).toContain(
      '[KafkaServer id=0] started',
    );
  });
});

describe('foreground servers in a browser terminal', () => {
  it('Ctrl-C stops Kafka with a controlled shutdown (exit 130); Ctrl-C stops ZooKeeper (exit 130)', () => {
    const term = browserTerminal();
    const zk = term.type('bin/zookeeper-server-start.sh config/zookeeper.properties');
    term.host.cluster.advance(1_000);
    expect(zk()).toBeUndefined(); // still in the foreground
    expect(term.take()).toContain('binding to port 0.0.0.0/0.0.0.0:2181');

    // A second terminal of the same machine runs Kafka (here: the same session, in the background).
    term.type('bin/kafka-server-start.sh config/server.properties > /dev/null &');
    term.host.cluster.advance(2_000);

    term.session.interrupt();
    term.host.cluster.advance(100);
    expect(zk()).toBe(130);
    expect(term.host.cluster.snapshot().controller.zookeeper?.running).toBe(false);
  });

  it('Kafka in the foreground logs its shutdown after Ctrl-C and the broker leaves the cluster', () => {
    const term = browserTerminal();
    term.type('bin/zookeeper-server-start.sh config/zookeeper.properties > /dev/null &');
    term.host.cluster.advance(1_000);
    const kafka = term.type('bin/kafka-server-start.sh config/server.properties');
    term.host.cluster.advance(3_000);
    expect(kafka()).toBeUndefined();
    expect(last(term.take())).toContain('[KafkaServer id=0] started');

    term.session.interrupt();
    term.host.cluster.advance(3_000);
    expect(kafka()).toBe(130);
    const out = lines(term.take());
    expect(out.slice(0, 3)).toEqual([
      expect.stringMatching(
        /INFO Terminating process due to signal SIGINT \(org\.apache\.kafka\.common\.utils\.LoggingSignalHandler\)$/,
      ),
      expect.stringMatching(
        /INFO \[KafkaServer id=0\] shutting down \(kafka\.server\.KafkaServer\)$/,
      ),
      expect.stringMatching(
        /INFO \[KafkaServer id=0\] Starting controlled shutdown \(kafka\.server\.KafkaServer\)$/,
      ),
    ]);
    expect(out.at(-1)).toMatch(
      /INFO \[KafkaServer id=0\] shut down completed \(kafka\.server\.KafkaServer\)$/,
    );
    expect(term.host.cluster.brokers.get(0)!.state).toBe('stopped');
  });

  it('a running broker whose ZooKeeper goes away logs the lost session, retries, and resumes it', () => {
    const term = browserTerminal();
    term.type('bin/zookeeper-server-start.sh -daemon config/zookeeper.properties');
    term.host.cluster.advance(1_000);
    term.type('bin/kafka-server-start.sh config/server.properties');
    term.host.cluster.advance(3_000);
    term.take();
    // A second terminal on the same machine.
    const other = browserTerminal(term.host);
    other.type('bin/zookeeper-server-stop.sh');
    term.host.cluster.advance(16_000);
    const lost = term.take();
    expect(lost).toMatch(
      /WARN Session 0x[0-9a-f]+ for server localhost\/127\.0\.0\.1:2181, Closing socket connection\. Attempting reconnect except it is a SessionExpiredException\. \(org\.apache\.zookeeper\.ClientCnxn\)\n/,
    );
    expect(lost).toContain(
      'INFO Socket error occurred: localhost/127.0.0.1:2181: Connection refused',
    );
    other.type('bin/zookeeper-server-start.sh -daemon config/zookeeper.properties');
    term.host.cluster.advance(5_000);
    expect(term.take()).toContain(
      'INFO Session establishment complete on server localhost/127.0.0.1:2181',
    );
    expect(term.host.cluster.brokers.get(0)!.state).toBe('running');
  });

  it('kafka-server-stop.sh sends SIGTERM: the foreground server logs its shutdown and exits 143', () => {
    const term = browserTerminal();
    term.type('bin/zookeeper-server-start.sh config/zookeeper.properties > /dev/null &');
    term.host.cluster.advance(1_000);
    term.type('bin/kafka-server-start.sh config/server.properties &');
    term.host.cluster.advance(3_000);
    term.take();
    term.type('bin/kafka-server-stop.sh');
    term.host.cluster.advance(3_000);
    const out = term.take();
    expect(out).toContain('INFO Terminating process due to signal SIGTERM');
    expect(out).toContain('[KafkaServer id=0] shut down completed');
    expect(term.session.takeJobNotices()).toContain(
      '[2]+  Terminated              bin/kafka-server-start.sh config/server.properties &',
    );
  });
});

describe('-daemon', () => {
  it('returns at once without output; the log goes to logs/<name>.out', () => {
    const t = new Terminal({ brokers: 0 });
    expect(t.run('bin/zookeeper-server-start.sh -daemon config/zookeeper.properties')).toEqual({
      stdout: '',
      stderr: '',
      status: 0,
    });
    expect(t.run('bin/kafka-server-start.sh -daemon config/server.properties')).toEqual({
      stdout: '',
      stderr: '',
      status: 0,
    });
    t.wait(3_000);
    expect(t.cluster.snapshot().brokers[0]).toMatchObject({ id: 0, state: 'running' });
    expect(t.run('cat logs/zookeeper.out').stdout).toContain(
      'binding to port 0.0.0.0/0.0.0.0:2181',
    );
    expect(last(t.run('cat logs/kafkaServer.out').stdout)).toContain('[KafkaServer id=0] started');
    t.run('bin/kafka-server-stop.sh');
    t.wait(3_000);
    expect(last(t.run('cat logs/kafkaServer.out').stdout)).toContain(
      '[KafkaServer id=0] shut down completed',
    );
  });
});

describe('KRaft quickstart (kafka-sim --mode kraft --brokers 0)', () => {
  it('random-uuid, format, start: the node reports "Kafka Server started"', () => {
    const t = new Terminal({ brokers: 0, mode: 'kraft' });
    const unformatted = t.run('bin/kafka-server-start.sh config/kraft/server.properties');
    expect(unformatted.status).toBe(1);
    expect(unformatted.stdout).toMatch(
      /ERROR Exiting Kafka due to fatal exception \(kafka\.Kafka\$\)\njava\.lang\.RuntimeException: No readable meta\.properties files found\.\n/,
    );

    const uuid = t.run('bin/kafka-storage.sh random-uuid').stdout.trim();
    expect(uuid).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(
      t.run(`bin/kafka-storage.sh format -t ${uuid} -c config/kraft/server.properties`).status,
    ).toBe(0);
    const start = t.run('bin/kafka-server-start.sh config/kraft/server.properties');
    expect(start.status).toBe(0);
    expect(start.stdout).toContain(
      'INFO [BrokerServer id=1] Transition from STARTING to STARTED (kafka.server.BrokerServer)',
    );
    expect(last(start.stdout)).toMatch(
      new RegExp(
        `^${stamp}INFO \\[KafkaRaftServer nodeId=1\\] Kafka Server started \\(kafka\\.server\\.KafkaRaftServer\\)$`,
      ),
    );
    expect(t.cluster.snapshot().brokers).toMatchObject([
      { id: 1, port: 9092, state: 'running', fenced: false },
    ]);
  });

  it('KRaft quickstart: kafka-topics --create on the single combined node', () => {
    const t = new Terminal({ brokers: 0, mode: 'kraft' });
    const uuid = t.run('bin/kafka-storage.sh random-uuid').stdout.trim();
    t.run(`bin/kafka-storage.sh format -t ${uuid} -c config/kraft/server.properties`);
    t.run('bin/kafka-server-start.sh config/kraft/server.properties');
    expect(
      t.run(
        'bin/kafka-topics.sh --create --topic quickstart-events --bootstrap-server localhost:9092',
      ),
    ).toEqual({
      stdout: 'Created topic quickstart-events.\n',
      stderr: '',
      status: 0,
    });
    expect(t.run('bin/kafka-topics.sh --list --bootstrap-server localhost:9092').stdout).toBe(
      'quickstart-events\n',
    );
  });
});
