/**
 * kafka-metadata-quorum.sh and kafka-storage.sh. Expected texts follow
 * tools/src/main/java/org/apache/kafka/tools/MetadataQuorumCommand.java (handleDescribeStatus,
 * handleDescribeReplication, ToolsUtils.prettyPrintTable) and core/src/main/scala/kafka/tools/
 * StorageTool.scala with metadata/.../storage/Formatter.java (Kafka 3.9).
 */
import { describe, expect, it } from 'vitest';
import { Terminal } from './harness';

const QUORUM = 'kafka-metadata-quorum.sh --bootstrap-server localhost:9092';

describe('kafka-metadata-quorum', () => {
  it('describe --status shows the KRaft quorum: leader, epoch, voters and observing brokers', () => {
    const t = new Terminal({ mode: 'kraft' });
    const q = t.cluster.driver.describe().quorum!;
    const r = t.run(`${QUORUM} describe --status`);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      `ClusterId:              ${t.cluster.clusterId}`,
      `LeaderId:               ${q.leaderId}`,
      `LeaderEpoch:            ${q.leaderEpoch}`,
      `HighWatermark:          ${q.highWatermark}`,
      'MaxFollowerLag:         0',
      expect.stringMatching(/^MaxFollowerLagTimeMs: {3}\d+$/),
    ]);
    // Static quorum (controller.quorum.voters): no directory ids for voters (KIP-853 output).
    expect(lines[6]).toBe(
      'CurrentVoters:          [{"id": 1001, "endpoints": ["CONTROLLER://controller-1001:9093"]}, {"id": 1002, "endpoints": ["CONTROLLER://controller-1002:9093"]}, {"id": 1003, "endpoints": ["CONTROLLER://controller-1003:9093"]}]',
    );
    expect(lines[7]).toMatch(
      /^CurrentObservers: {7}\[\{"id": 1, "directoryId": "[\w-]{22}"\}, \{"id": 2, "directoryId": "[\w-]{22}"\}, \{"id": 3, "directoryId": "[\w-]{22}"\}\]$/,
    );
  });

  it('describe --replication prints a tab-separated table, leader first', () => {
    const t = new Terminal({ mode: 'kraft' });
    const q = t.cluster.driver.describe().quorum!;
    const rows = t.run(`${QUORUM} describe --replication`).stdout.split('\n');
    expect(rows[0]).toBe(
      'NodeId\tDirectoryId           \tLogEndOffset\tLag\tLastFetchTimestamp\tLastCaughtUpTimestamp\tStatus  \t',
    );
    expect(rows[1]).toMatch(
      new RegExp(
        `^${q.leaderId}  \\tAAAAAAAAAAAAAAAAAAAAAA\\t\\d+ +\\t0  \\t\\d{13}     \\t\\d{13}        \\tLeader  \\t$`,
      ),
    );
    expect(rows.slice(2, 4).every((r) => r.endsWith('\tFollower\t'))).toBe(true);
    expect(rows.slice(4, 7).every((r) => r.endsWith('\tObserver\t'))).toBe(true);
    expect(rows[7]).toBe('');
  });

  it('fails against a ZooKeeper-mode cluster, whose brokers lack DescribeQuorum', () => {
    const t = new Terminal({ mode: 'zookeeper' });
    const r = t.run(`${QUORUM} describe --status`);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      'org.apache.kafka.common.errors.UnsupportedVersionException: The broker does not support DESCRIBE_QUORUM',
      'java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.UnsupportedVersionException: The broker does not support DESCRIBE_QUORUM',
    ]);
  });

  it('argparse4j errors and TerseExceptions', () => {
    const t = new Terminal({ mode: 'kraft' });
    expect(t.run(`${QUORUM} describe`)).toEqual({
      stdout: '',
      stderr: 'One of --status or --replication must be specified with describe sub-command\n',
      status: 1,
    });
    const r = t.run('kafka-metadata-quorum.sh describe --status');
    expect(r.stderr).toMatch(/^usage: kafka-metadata-quorum \[-h\]\n/);
    expect(
      r.stderr.endsWith(
        'kafka-metadata-quorum: error: one of the arguments --bootstrap-server --bootstrap-controller is required\n',
      ),
    ).toBe(true);
  });
});

describe('kafka-storage', () => {
  it('random-uuid prints a Kafka Uuid from the seeded generator', () => {
    const a = new Terminal({ brokers: 0, mode: 'kraft' }).run('kafka-storage.sh random-uuid');
    const b = new Terminal({ brokers: 0, mode: 'kraft' }).run('kafka-storage.sh random-uuid');
    expect(a.stdout).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}\n$/);
    expect(b.stdout).toBe(a.stdout);
  });

  it('format formats the log directory once and records it for kafka-server-start', () => {
    const t = new Terminal({ brokers: 0, mode: 'kraft' });
    const id = 'MkU3OEVBNTcwNTJENDM2Qk';
    const format = `bin/kafka-storage.sh format -t ${id} -c config/kraft/server.properties`;
    expect(t.run(format)).toEqual({
      stdout:
        'Formatting metadata directory /tmp/kraft-combined-logs with metadata.version 3.9-IV0.\n',
      stderr: '',
      status: 0,
    });
    expect(t.session.host.formattedLogDirs.get('/tmp/kraft-combined-logs')).toBe(id);
    expect(t.run('ls /tmp/kraft-combined-logs').stdout).toBe(
      'bootstrap.checkpoint\nmeta.properties\n',
    );
    expect(t.run(format)).toEqual({
      stdout: '',
      stderr:
        'Log directory /tmp/kraft-combined-logs is already formatted. Use --ignore-formatted to ignore this directory and format the others.\n',
      status: 1,
    });
    expect(t.run(`${format} --ignore-formatted`).stdout).toBe(
      'All of the log directories are already formatted.\n',
    );
    const info = t.run('bin/kafka-storage.sh info -c config/kraft/server.properties').stdout;
    expect(info).toMatch(
      new RegExp(
        `^Found log directory:\\n  /tmp/kraft-combined-logs\\n\\nFound metadata: \\{cluster.id=${id}, directory.id=[\\w-]{22}, node.id=1, version=1\\}\\n\\n$`,
      ),
    );
  });

  it('--standalone formats a dynamic voter directory; legacy configs and bad ids are refused', () => {
    const t = new Terminal({ brokers: 0, mode: 'kraft' });
    expect(
      t.run(
        'bin/kafka-storage.sh format --standalone -t MkU3OEVBNTcwNTJENDM2Qk -c config/kraft/server.properties',
      ).stdout,
    ).toBe(
      'Formatting dynamic metadata voter directory /tmp/kraft-combined-logs with metadata.version 3.9-IV0.\n',
    );
    expect(
      t.run('bin/kafka-storage.sh format -t MkU3OEVBNTcwNTJENDM2Qk -c config/server.properties')
        .stderr,
    ).toBe(
      'The kafka configuration file appears to be for a legacy cluster. Formatting is only supported for clusters in KRaft mode.\n',
    );
    expect(
      t.run('bin/kafka-storage.sh format -t abc -c config/kraft/server.properties').stderr,
    ).toBe(
      'Cluster ID string abc does not appear to be a valid UUID: Input string `abc` decoded as 2 bytes, which is not equal to the expected 16 bytes of a base64-encoded UUID\n',
    );
  });
});
