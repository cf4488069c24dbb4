/**
 * kafka-broker-api-versions.sh. Expected texts follow Kafka 3.9's
 * core/src/main/scala/kafka/admin/BrokerApiVersionsCommand.scala (options, the inlined admin
 * client, `Exception in thread "main"` for whatever escapes `execute`),
 * clients/src/main/java/org/apache/kafka/clients/NodeApiVersions.java (`toString(true)`),
 * clients/src/main/java/org/apache/kafka/common/Node.java (`host:port (id: N rack: null)`) and the
 * API table of brokerApiVersionsGolden.ts.
 */
import { describe, expect, it } from 'vitest';
import { brokerBlock } from './brokerApiVersionsGolden';
import { Terminal } from './harness';

const TOOL = 'kafka-broker-api-versions.sh';
const API = `${TOOL} --bootstrap-server localhost:9092`;

const CMD = 'kafka.admin.BrokerApiVersionsCommand';
const MAIN = [
  `\tat ${CMD}$.main(BrokerApiVersionsCommand.scala:54)`,
  `\tat ${CMD}.main(BrokerApiVersionsCommand.scala)`,
];

/** The `host:port (id: N rack: null)` headers of the output, in order. */
const nodesOf = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => l.endsWith(' -> (') || l.includes(' -> ERROR: '))
    .map((l) => l.slice(0, l.indexOf(' -> ')));

const USAGE = [
  'Option                                 Description                          ',
  '------                                 -----------                          ',
  '--bootstrap-server <String: server(s)  REQUIRED: The server to connect to.  ',
  '  to use for bootstrapping>                                                 ',
  '--command-config <String: command      A property file containing configs to',
  '  config property file>                  be passed to Admin Client.         ',
  '--help                                 Print usage information.             ',
  '--version                              Display Kafka version.               ',
  '',
].join('\n');

describe('kafka-broker-api-versions in ZooKeeper mode (the notes compose file)', () => {
  it('prints every broker with the APIs of a ZooKeeper-mode 3.9 broker', () => {
    const t = new Terminal();
    // Three brokers keep the shuffled node order (a Scala Map4); seed 1 happens to give 1, 2, 3.
    expect(t.run(API)).toEqual({
      stdout:
        brokerBlock('host.docker.internal:9092 (id: 1 rack: null)', 'zookeeper') +
        brokerBlock('host.docker.internal:9093 (id: 2 rack: null)', 'zookeeper') +
        brokerBlock('host.docker.internal:9094 (id: 3 rack: null)', 'zookeeper'),
      stderr: '',
      status: 0,
    });
  });

  it('shuffles up to four brokers (seeded), like Cluster and a small Scala Map', () => {
    const orders = [1, 2, 3, 4, 5].map((seed) => nodesOf(new Terminal({ seed }).run(API).stdout));
    for (const order of orders)
      expect([...order].sort()).toEqual(nodesOf(new Terminal().run(API).stdout).sort());
    expect(new Set(orders.map((o) => o.join())).size).toBeGreaterThan(1);
    // The same seed and commands give the same order.
    expect(nodesOf(new Terminal({ seed: 2 }).run(API).stdout)).toEqual(orders[1]);
  });

  it('orders five or more brokers by Node.hashCode, as a Scala HashMap iterates', () => {
    const expected = [
      'host.docker.internal:9093 (id: 2 rack: null)',
      'host.docker.internal:9092 (id: 1 rack: null)',
      'host.docker.internal:9095 (id: 4 rack: null)',
      'host.docker.internal:9096 (id: 5 rack: null)',
      'host.docker.internal:9094 (id: 3 rack: null)',
    ];
    for (const seed of [1, 2, 3])
      expect(nodesOf(new Terminal({ brokers: 5, seed }).run(API).stdout)).toEqual(expected);
  });

  it('leaves out a stopped broker', () => {
    const t = new Terminal();
    t.run('docker stop kafka2');
    const r = t.run(API);
    expect(r.status).toBe(0);
    expect(nodesOf(r.stdout).sort()).toEqual([
      'host.docker.internal:9092 (id: 1 rack: null)',
      'host.docker.internal:9094 (id: 3 rack: null)',
    ]);
  });

  it('reports a listed broker that does not answer: TimeoutException after request.timeout.ms', () => {
    const t = new Terminal();
    t.cluster.isolateBroker(2);
    const before = t.cluster.now;
    const r = t.run(API);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      'host.docker.internal:9093 (id: 2 rack: null) -> ERROR: org.apache.kafka.common.errors.TimeoutException: Failed to send request after 5000 ms.\n',
    );
    expect(nodesOf(r.stdout)).toHaveLength(3);
    expect(t.cluster.now - before).toBeGreaterThanOrEqual(5000);
    // --command-config request.timeout.ms shortens the wait.
    t.run("echo 'request.timeout.ms=1000' > admin.properties");
    expect(t.run(`${API} --command-config admin.properties`).stdout).toContain(
      'ERROR: org.apache.kafka.common.errors.TimeoutException: Failed to send request after 1000 ms.\n',
    );
  });

  it('fails when no broker is reachable: the WARN per bootstrap node, then RuntimeException', () => {
    const t = new Terminal();
    t.run('docker stop kafka1 kafka2 kafka3');
    const r = t.run(`${TOOL} --bootstrap-server localhost:9092,localhost:9093`);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n');
    const warn = (node: number, port: number) =>
      `WARN [LegacyAdminClient clientId=admin-1] Connection to node ${node} (localhost/127.0.0.1:${port}) could not be established. Node may not be available. (org.apache.kafka.clients.NetworkClient)`;
    // Cluster.bootstrap shuffles the bootstrap nodes; seed 1 tries -2 first.
    expect(lines[0]).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\] /);
    expect(lines[0]!.replace(/^\[[^\]]+\] /, '')).toBe(warn(-2, 9093));
    expect(lines[1]!.replace(/^\[[^\]]+\] /, '')).toBe(warn(-1, 9092));
    expect(lines.slice(2)).toEqual([
      'Exception in thread "main" java.lang.RuntimeException: Request METADATA failed on brokers List(localhost:9093 (id: -2 rack: null), localhost:9092 (id: -1 rack: null))',
      `\tat ${CMD}$AdminClient.sendAnyNode(BrokerApiVersionsCommand.scala:155)`,
      `\tat ${CMD}$AdminClient.findAllBrokers(BrokerApiVersionsCommand.scala:178)`,
      `\tat ${CMD}$AdminClient.awaitBrokers(BrokerApiVersionsCommand.scala:170)`,
      `\tat ${CMD}$.execute(BrokerApiVersionsCommand.scala:60)`,
      ...MAIN,
      '',
    ]);
  });

  it('times out in virtual time when the bootstrap broker is cut off', () => {
    const t = new Terminal();
    t.cluster.isolateBroker(1);
    const before = t.cluster.now;
    const r = t.run(API);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(
      'Exception in thread "main" java.lang.RuntimeException: Request METADATA failed on brokers List(localhost:9092 (id: -1 rack: null))',
    );
    expect(t.cluster.now - before).toBeGreaterThanOrEqual(5000);
  });

  it('answers from another bootstrap address when the first refuses', () => {
    const warnings = [1, 2, 3, 4].map((seed) => {
      const t = new Terminal({ seed });
      t.run('docker stop kafka1');
      const r = t.run(`${TOOL} --bootstrap-server localhost:9092,localhost:9093`);
      expect(r.status).toBe(0);
      expect(nodesOf(r.stdout).sort()).toEqual([
        'host.docker.internal:9093 (id: 2 rack: null)',
        'host.docker.internal:9094 (id: 3 rack: null)',
      ]);
      return (r.stderr.match(/could not be established/g) ?? []).length;
    });
    // Where the shuffle puts the stopped broker first, it logs once: the second Metadata request
    // finds it still in its reconnect backoff and goes on to the next node without trying it.
    expect(warnings.every((n) => n <= 1)).toBe(true);
    expect(warnings).toContain(1);
  });
});

describe('kafka-broker-api-versions in KRaft mode', () => {
  it('prints every broker with the APIs of a KRaft 3.9 broker', () => {
    const t = new Terminal({ mode: 'kraft' });
    const r = t.run(API);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const order = nodesOf(r.stdout);
    expect([...order].sort()).toEqual([
      'localhost:9092 (id: 1 rack: null)',
      'localhost:9093 (id: 2 rack: null)',
      'localhost:9094 (id: 3 rack: null)',
    ]);
    expect(r.stdout).toBe(order.map((node) => brokerBlock(node, 'kraft')).join(''));
  });

  it('leaves out a stopped broker and fails once none is left', () => {
    const t = new Terminal({ mode: 'kraft' });
    t.cluster.stopBroker(3);
    t.wait(1000);
    expect(nodesOf(t.run(API).stdout).sort()).toEqual([
      'localhost:9092 (id: 1 rack: null)',
      'localhost:9093 (id: 2 rack: null)',
    ]);
    t.cluster.stopBroker(1);
    t.cluster.stopBroker(2);
    t.wait(1000);
    const r = t.run(API);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'Exception in thread "main" java.lang.RuntimeException: Request METADATA failed on brokers List(localhost:9092 (id: -1 rack: null))\n',
    );
  });

  it('fails the same way with nothing started (--brokers 0)', () => {
    const t = new Terminal({ brokers: 0 });
    const r = t.run(API);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'Connection to node -1 (localhost/127.0.0.1:9092) could not be established.',
    );
    expect(r.stderr).toContain('java.lang.RuntimeException: Request METADATA failed on brokers');
  });
});

describe('kafka-broker-api-versions spellings', () => {
  it('runs as .sh, without it, from bin/, as the Windows .bat and under $KAFKA_HOME', () => {
    const t = new Terminal();
    for (const cmd of [
      './bin/kafka-broker-api-versions.sh',
      'bin/kafka-broker-api-versions.sh',
      '$KAFKA_HOME/bin/kafka-broker-api-versions.sh',
      'kafka-broker-api-versions',
      'bin\\windows\\kafka-broker-api-versions.bat',
    ]) {
      const r = t.run(`${cmd} --bootstrap-server localhost:9092`);
      expect(r.status, cmd).toBe(0);
      expect(nodesOf(r.stdout).sort(), cmd).toHaveLength(3);
      expect(r.stdout, cmd).toContain(
        brokerBlock('host.docker.internal:9093 (id: 2 rack: null)', 'zookeeper'),
      );
    }
  });

  it('is in bin/ and bin/windows/', () => {
    const t = new Terminal();
    expect(t.run('ls bin').stdout.split(/\s+/)).toContain('kafka-broker-api-versions.sh');
    expect(t.run('ls bin/windows').stdout.split(/\s+/)).toContain('kafka-broker-api-versions.bat');
  });

  it('docker exec kafka1 kafka-broker-api-versions: the internal listener names the internal addresses', () => {
    const t = new Terminal();
    const internal = t.run(
      'docker exec kafka1 kafka-broker-api-versions --bootstrap-server kafka1:29092',
    );
    expect(internal.status).toBe(0);
    expect(nodesOf(internal.stdout).sort()).toEqual([
      'kafka1:29092 (id: 1 rack: null)',
      'kafka2:29093 (id: 2 rack: null)',
      'kafka3:29094 (id: 3 rack: null)',
    ]);
    expect(internal.stdout).toContain(brokerBlock('kafka2:29093 (id: 2 rack: null)', 'zookeeper'));
    const external = t.run(
      'docker exec -it kafka1 kafka-broker-api-versions --bootstrap-server localhost:9092',
    );
    expect(nodesOf(external.stdout).sort()).toEqual([
      'host.docker.internal:9092 (id: 1 rack: null)',
      'host.docker.internal:9093 (id: 2 rack: null)',
      'host.docker.internal:9094 (id: 3 rack: null)',
    ]);
  });
});

describe('kafka-broker-api-versions options (jopt-simple, CommandDefaultOptions)', () => {
  it('prints the usage without arguments and with --help (stderr, exit 1), the version with --version', () => {
    const t = new Terminal();
    const usage = {
      stdout: '',
      stderr: `This tool helps to retrieve broker version information.\n${USAGE}`,
      status: 1,
    };
    expect(t.run(TOOL)).toEqual(usage);
    expect(t.run(`${TOOL} --help`)).toEqual(usage);
    expect(t.run(`${TOOL} --version`)).toEqual({ stdout: '3.9.0\n', stderr: '', status: 0 });
  });

  it('requires --bootstrap-server', () => {
    expect(new Terminal().run(`${TOOL} --command-config admin.properties`)).toEqual({
      stdout: '',
      stderr: `Missing required argument "[bootstrap-server]"\n${USAGE}`,
      status: 1,
    });
  });

  it('lets a jopt parse error escape main (no abbreviations)', () => {
    const t = new Terminal();
    const parse = [
      '\tat joptsimple.OptionParser.parse(OptionParser.java:396)',
      `\tat ${CMD}$BrokerVersionCommandOptions.<init>(BrokerApiVersionsCommand.scala:92)`,
      `\tat ${CMD}$.execute(BrokerApiVersionsCommand.scala:58)`,
      ...MAIN,
      '',
    ];
    expect(t.run(`${TOOL} --bootstrap localhost:9092`)).toEqual({
      stdout: '',
      stderr: [
        'Exception in thread "main" joptsimple.UnrecognizedOptionException: bootstrap is not a recognized option',
        '\tat joptsimple.OptionException.unrecognizedOption(OptionException.java:108)',
        '\tat joptsimple.OptionParser.handleLongOptionToken(OptionParser.java:510)',
        '\tat joptsimple.OptionParserState$2.handleArgument(OptionParserState.java:56)',
        ...parse,
      ].join('\n'),
      status: 1,
    });
    const missing = t.run(`${TOOL} --bootstrap-server`);
    expect(missing.status).toBe(1);
    expect(missing.stderr.split('\n')[0]).toBe(
      'Exception in thread "main" joptsimple.OptionMissingRequiredArgumentException: Option bootstrap-server requires an argument',
    );
    expect(missing.stderr.endsWith(parse.join('\n'))).toBe(true);
    // A single dash and a full name is the option; --name=value works.
    expect(t.run(`${TOOL} -bootstrap-server localhost:9092`).status).toBe(0);
    expect(t.run(`${TOOL} --bootstrap-server=localhost:9092`).status).toBe(0);
  });

  it('rejects bad bootstrap addresses with the ConfigException of AdminClient.create', () => {
    const t = new Terminal();
    const create = [
      '\tat org.apache.kafka.clients.ClientUtils.parseAndValidateAddresses(ClientUtils.java:103)',
      '\tat org.apache.kafka.clients.ClientUtils.parseAndValidateAddresses(ClientUtils.java:62)',
      '\tat org.apache.kafka.clients.ClientUtils.parseAndValidateAddresses(ClientUtils.java:58)',
      `\tat ${CMD}$AdminClient$.create(BrokerApiVersionsCommand.scala:286)`,
      `\tat ${CMD}$AdminClient$.create(BrokerApiVersionsCommand.scala:267)`,
      `\tat ${CMD}$AdminClient$.create(BrokerApiVersionsCommand.scala:265)`,
      `\tat ${CMD}$.createAdminClient(BrokerApiVersionsCommand.scala:77)`,
      `\tat ${CMD}$.execute(BrokerApiVersionsCommand.scala:59)`,
      ...MAIN,
      '',
    ].join('\n');
    expect(t.run(`${TOOL} --bootstrap-server localhost`)).toEqual({
      stdout: '',
      stderr: `Exception in thread "main" org.apache.kafka.common.config.ConfigException: Invalid url in bootstrap.servers: localhost\n${create}`,
      status: 1,
    });
    const unknown = t.run(`${TOOL} --bootstrap-server nohost:9092`);
    expect(unknown.stderr).toMatch(
      /^\[[^\]]+\] WARN Couldn't resolve server nohost:9092 from bootstrap.servers as DNS resolution failed for nohost \(org.apache.kafka.clients.ClientUtils\)\nException in thread "main" org.apache.kafka.common.config.ConfigException: No resolvable bootstrap urls given in bootstrap.servers\n/,
    );
  });

  it('reads --command-config: a missing file and a bad request.timeout.ms escape main', () => {
    const t = new Terminal();
    const missing = t.run(`${API} --command-config nope.properties`);
    expect(missing.status).toBe(1);
    expect(missing.stderr.split('\n')[0]).toBe(
      'Exception in thread "main" java.nio.file.NoSuchFileException: nope.properties',
    );
    expect(missing.stderr).toContain(
      `\tat org.apache.kafka.common.utils.Utils.loadProps(Utils.java:673)\n\tat org.apache.kafka.common.utils.Utils.loadProps(Utils.java:660)\n\tat ${CMD}$.createAdminClient(BrokerApiVersionsCommand.scala:73)\n`,
    );
    t.run("echo 'request.timeout.ms=soon' > admin.properties");
    expect(t.run(`${API} --command-config admin.properties`).stderr.split('\n')[0]).toBe(
      'Exception in thread "main" org.apache.kafka.common.config.ConfigException: Invalid value soon for configuration request.timeout.ms: Not a number of type INT',
    );
  });
});
