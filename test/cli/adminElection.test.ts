/**
 * kafka-leader-election.sh in both controller modes. Expected texts follow
 * tools/src/main/java/org/apache/kafka/tools/LeaderElectionCommand.java (Kafka 3.9: electLeaders,
 * LeaderElectionCommandOptions.validate, mainNoExit); per-partition errors follow
 * ReplicationControlManager.electLeader (KRaft) and KafkaController.processReplicaLeaderElection
 * (ZooKeeper mode).
 */
import { describe, expect, it } from 'vitest';
import { Terminal } from './harness';

const BS = '--bootstrap-server localhost:9092';
const ELECT = `kafka-leader-election.sh ${BS}`;

/** `orders` with preferred leaders 1, 2, 3; broker 1 restarted, so orders-0 is led by 2. */
function afterRestart(mode: 'zookeeper' | 'kraft'): Terminal {
  const t = new Terminal({ mode });
  const c = t.cluster;
  c.settle(
    c.admin.createTopic({
      name: 'orders',
      numPartitions: -1,
      replicationFactor: -1,
      configs: {},
      assignments: [
        [1, 2, 3],
        [2, 3, 1],
        [3, 1, 2],
      ],
    }),
  );
  t.wait(3000);
  c.settle(c.stopBroker(1));
  t.wait(2000);
  c.startBroker(1);
  t.wait(20_000);
  return t;
}

const leaders = (t: Terminal) =>
  t.cluster
    .snapshot()
    .topics.find((x) => x.name === 'orders')!
    .partitions.map((p) => [p.leader, [...p.isr].sort()]);

describe.each(['zookeeper', 'kraft'] as const)('kafka-leader-election (%s mode)', (mode) => {
  it('preferred election moves leadership back to the preferred replica', () => {
    const t = afterRestart(mode);
    expect(leaders(t)).toEqual([
      [2, [1, 2, 3]],
      [2, [1, 2, 3]],
      [3, [1, 2, 3]],
    ]);
    expect(t.run(`${ELECT} --election-type preferred --all-topic-partitions`)).toEqual({
      stdout: 'Successfully completed leader election (PREFERRED) for partitions orders-0\n',
      stderr: '',
      status: 0,
    });
    t.wait(500);
    expect(leaders(t).map(([leader]) => leader)).toEqual([1, 2, 3]);
    // A partition that already has its preferred leader needs no election.
    expect(t.run(`${ELECT} --election-type PREFERRED --topic orders --partition 0`)).toEqual({
      stdout: 'Valid replica already elected for partitions orders-0\n',
      stderr: '',
      status: 0,
    });
    // With --all-topic-partitions those are left out of the answer (KafkaApis / QuorumController).
    expect(t.run(`${ELECT} --election-type preferred --all-topic-partitions`)).toEqual({
      stdout: '',
      stderr: '',
      status: 0,
    });
  });

  it('an unclean election is not needed while the partition has a leader', () => {
    const t = afterRestart(mode);
    expect(t.run(`${ELECT} --election-type unclean --topic orders --partition 2`).stdout).toBe(
      'Valid replica already elected for partitions orders-2\n',
    );
  });

  it('a partition that does not exist fails, with the controller’s message', () => {
    const t = new Terminal({ mode });
    const r = t.run(`${ELECT} --election-type preferred --topic nope --partition 0`);
    const message = mode === 'kraft' ? 'No such topic as nope' : 'The partition does not exist.';
    expect(r.stdout).toBe(
      `Error completing leader election (PREFERRED) for partition: nope-0: org.apache.kafka.common.errors.UnknownTopicOrPartitionException: ${message}\n`,
    );
    expect(r.stderr).toMatch(
      /^1 replica\(s\) could not be elected\norg\.apache\.kafka\.server\.common\.AdminCommandFailedException: 1 replica\(s\) could not be elected\n\tat org\.apache\.kafka\.tools\.LeaderElectionCommand\.electLeaders/,
    );
    expect(r.stderr.endsWith('\n\n')).toBe(true);
    expect(r.status).toBe(1);
  });
});

describe('kafka-leader-election arguments', () => {
  const t = new Terminal();
  const firstLine = (cmd: string) => {
    const r = t.run(cmd);
    return [r.status, r.stdout, r.stderr.split('\n')[0]];
  };

  it('reports validate() failures as AdminCommandFailedException on stderr', () => {
    expect(firstLine(`${ELECT} --topic orders`)).toEqual([
      1,
      '',
      'Missing required option(s): election-type',
    ]);
    expect(
      firstLine('kafka-leader-election.sh --election-type preferred --topic t --partition 0'),
    ).toEqual([1, '', 'Missing required option(s): bootstrap-server']);
    expect(firstLine(`${ELECT} --election-type preferred`)).toEqual([
      1,
      '',
      'One and only one of the following options is required: topic, all-topic-partitions, path-to-json-file',
    ]);
    expect(firstLine(`${ELECT} --election-type preferred --topic orders`)).toEqual([
      1,
      '',
      'Missing required option(s): partition',
    ]);
    expect(
      firstLine(`${ELECT} --election-type preferred --all-topic-partitions --partition 1`),
    ).toEqual([1, '', 'Option partition is only allowed if topic is used']);
    const stack = t.run(`${ELECT} --topic orders`).stderr.split('\n');
    expect(stack[1]).toBe(
      'org.apache.kafka.server.common.AdminCommandFailedException: Missing required option(s): election-type',
    );
  });

  it('reports jopt failures with their exception class', () => {
    expect(firstLine(`${ELECT} --election-type foo --topic orders --partition 0`)).toEqual([
      1,
      '',
      "Cannot parse argument 'foo' of option election-type",
    ]);
    const r = t.run(`${ELECT} --bootstrap-servr x`);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      'bootstrap-servr is not a recognized option',
      'joptsimple.UnrecognizedOptionException: bootstrap-servr is not a recognized option',
    ]);
  });

  it('reads partitions from --path-to-json-file and refuses duplicates', () => {
    t.run(
      `echo '{"partitions":[{"topic":"a","partition":1},{"topic":"a","partition":1}]}' > dup.json`,
    );
    expect(firstLine(`${ELECT} --election-type preferred --path-to-json-file dup.json`)).toEqual([
      1,
      '',
      'Replica election data contains duplicate partitions: [a-1]',
    ]);
  });

  it('prints usage with the tool description when run without arguments', () => {
    const r = t.run('kafka-leader-election.sh');
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n').slice(0, 3)).toEqual([
      'This tool attempts to elect a new leader for a set of topic partitions. The type of elections supported are preferred replicas and unclean replicas.',
      'Option                                   Description                           ',
      '------                                   -----------                           ',
    ]);
  });
});
