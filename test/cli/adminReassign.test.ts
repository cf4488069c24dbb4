/**
 * kafka-reassign-partitions.sh against the simulated cluster, in both controller modes. Expected
 * texts follow tools/src/main/java/org/apache/kafka/tools/reassign/ReassignPartitionsCommand.java
 * (Kafka 3.9): generateAssignment, currentPartitionReplicaAssignmentToString, executeAssignment,
 * partitionReassignmentStatesToString, clearAllThrottles, cancelAssignment, curReassignmentsToString.
 */
import { describe, expect, it } from 'vitest';
import { Terminal } from './harness';

const BS = '--bootstrap-server localhost:9092';

/** Four brokers and `orders` with partition 0 on 1,2 and partition 1 on 2,3. */
function cluster(mode: 'zookeeper' | 'kraft'): Terminal {
  const t = new Terminal({ mode, brokers: 4 });
  const c = t.cluster;
  c.settle(
    c.admin.createTopic({
      name: 'orders',
      numPartitions: -1,
      replicationFactor: -1,
      configs: {},
      assignments: [
        [1, 2],
        [2, 3],
      ],
    }),
  );
  t.wait(3000);
  return t;
}

const partition = (t: Terminal, p: number) =>
  t.cluster.snapshot().topics.find((x) => x.name === 'orders')!.partitions[p]!;

const json = (parts: { p: number; replicas: number[] }[]) =>
  `{"version":1,"partitions":[${parts
    .map(
      ({ p, replicas }) =>
        `{"topic":"orders","partition":${p},"replicas":[${replicas.join(',')}],"log_dirs":[${replicas.map(() => '"any"').join(',')}]}`,
    )
    .join(',')}]}`;

describe.each(['zookeeper', 'kraft'] as const)('kafka-reassign-partitions (%s mode)', (mode) => {
  it('--generate prints the current assignment and a proposal on the given brokers', () => {
    const t = cluster(mode);
    t.run(`echo '{"topics":[{"topic":"orders"}],"version":1}' > topics.json`);
    const r = t.run(
      `kafka-reassign-partitions.sh ${BS} --topics-to-move-json-file topics.json --broker-list 3,4 --generate`,
    );
    expect(r.status).toBe(0);
    const [current, proposed] = r.stdout.split(
      '\n\nProposed partition reassignment configuration\n',
    );
    expect(current).toBe(
      `Current partition replica assignment\n${json([
        { p: 0, replicas: [1, 2] },
        { p: 1, replicas: [2, 3] },
      ])}`,
    );
    const plan = JSON.parse(proposed!) as { partitions: { replicas: number[] }[] };
    expect(plan.partitions.map((p) => [...p.replicas].sort())).toEqual([
      [3, 4],
      [3, 4],
    ]);
    expect(r.stdout.endsWith('}\n')).toBe(true);
  });

  it('--execute moves the replicas: new ones join the ISR, the old ones and their leadership go', () => {
    const t = cluster(mode);
    t.run(
      `echo '{"version":1,"partitions":[{"topic":"orders","partition":0,"replicas":[3,4]}]}' > reassign.json`,
    );
    const exec = t.run(
      `kafka-reassign-partitions.sh ${BS} --reassignment-json-file reassign.json --execute`,
    );
    expect(exec).toEqual({
      stdout:
        `Current partition replica assignment\n\n${json([{ p: 0, replicas: [1, 2] }])}\n\n` +
        'Save this to use as the --reassignment-json-file option during rollback\n' +
        'Successfully started partition reassignment for orders-0\n',
      stderr: '',
      status: 0,
    });
    // KIP-455: the target replicas first, then the ones being removed.
    expect(t.run(`kafka-reassign-partitions.sh ${BS} --list`).stdout).toBe(
      'Current partition reassignments:\norders-0: replicas: 3,4,1,2. adding: 3,4. removing: 1,2.\n',
    );
    expect(partition(t, 0).replicas).toEqual([3, 4, 1, 2]);

    t.wait(5000);
    const p = partition(t, 0);
    expect(p.replicas).toEqual([3, 4]);
    expect([...p.isr].sort()).toEqual([3, 4]);
    expect(p.leader).toBe(3);
    expect(p.replicaStates.map((r) => r.role).sort()).toEqual(['follower', 'leader']);
    for (const id of [1, 2])
      expect(t.cluster.brokers.get(id)!.replicaManager.get('orders', 0)).toBeUndefined();
    expect(
      t.run(`kafka-reassign-partitions.sh ${BS} --reassignment-json-file reassign.json --verify`),
    ).toEqual({
      stdout:
        'Status of partition reassignment:\nReassignment of partition orders-0 is completed.\n\n' +
        'Clearing broker-level throttles on brokers 1,2,3,4\n' +
        'Clearing topic-level throttles on topic orders\n',
      stderr: '',
      status: 0,
    });
    expect(t.run(`kafka-reassign-partitions.sh ${BS} --list`).stdout).toBe(
      'No partition reassignments found.\n',
    );
  });

  it('the new replicas copy the data before the old ones are dropped', () => {
    const t = cluster(mode);
    const producer = t.cluster.createProducer({ acks: 'all' });
    for (let i = 0; i < 20; i++)
      producer.send({ topic: 'orders', key: null, value: `v${i}`, partition: 0 });
    producer.flush();
    t.wait(2000);
    const before = partition(t, 0).logEndOffset;
    expect(before).toBe(20);
    t.run(`echo '{"partitions":[{"topic":"orders","partition":0,"replicas":[4,1]}]}' > r.json`);
    t.run(`kafka-reassign-partitions.sh ${BS} --reassignment-json-file r.json --execute`);
    t.wait(5000);
    const p = partition(t, 0);
    expect(p.replicas).toEqual([4, 1]);
    expect(p.leader).toBe(1);
    expect(p.replicaStates.map((r) => [r.brokerId, r.logEndOffset])).toEqual([
      [4, 20],
      [1, 20],
    ]);
  });

  it('--cancel reverts a reassignment that cannot finish', () => {
    const t = cluster(mode);
    t.run(
      `echo '{"version":1,"partitions":[{"topic":"orders","partition":0,"replicas":[1,4]}]}' > r.json`,
    );
    t.cluster.isolateBroker(4);
    t.run(`kafka-reassign-partitions.sh ${BS} --reassignment-json-file r.json --execute`);
    t.wait(1000);
    expect(partition(t, 0).replicas).toEqual([1, 4, 2]);
    // Partitions still reassigning: no throttles are cleared (verifyAssignment).
    expect(
      t.run(`kafka-reassign-partitions.sh ${BS} --reassignment-json-file r.json --verify`).stdout,
    ).toBe(
      'Status of partition reassignment:\nReassignment of partition orders-0 is still in progress.\n\n',
    );
    const r = t.run(`kafka-reassign-partitions.sh ${BS} --reassignment-json-file r.json --cancel`);
    expect(r.stdout).toBe(
      'Successfully cancelled partition reassignment for: orders-0\n' +
        // Kafka prints this line with System.out.print: no newline before the next one.
        'None of the specified partition moves are active.' +
        'Clearing broker-level throttles on brokers 1,2,3,4\n' +
        'Clearing topic-level throttles on topic orders\n',
    );
    expect(partition(t, 0).replicas).toEqual([1, 2]);
    expect(
      t.run(`kafka-reassign-partitions.sh ${BS} --reassignment-json-file r.json --cancel`).stdout,
    ).toMatch(
      /^None of the specified partition reassignments are active\.\nNone of the specified partition moves are active\.Clearing/,
    );
  });

  it('refuses a second reassignment without --additional, unknown brokers and missing files', () => {
    const t = cluster(mode);
    t.run(
      `echo '{"version":1,"partitions":[{"topic":"orders","partition":1,"replicas":[1,4]}]}' > r.json`,
    );
    t.cluster.isolateBroker(4);
    t.run(`kafka-reassign-partitions.sh ${BS} --reassignment-json-file r.json --execute`);
    // A TerseException prints its message alone, on stdout (ReassignPartitionsCommand.main).
    expect(
      t.run(`kafka-reassign-partitions.sh ${BS} --reassignment-json-file r.json --execute`),
    ).toEqual({
      stdout:
        'Cannot execute because there is an existing partition assignment.  Use --additional to override this and create a new partition assignment in addition to the existing one. The --additional flag can also be used to change the throttle by resubmitting the current reassignment.\n',
      stderr: '',
      status: 1,
    });
    t.run(
      `echo '{"version":1,"partitions":[{"topic":"orders","partition":0,"replicas":[1,9]}]}' > bad.json`,
    );
    const unknown = t.run(
      `kafka-reassign-partitions.sh ${BS} --reassignment-json-file bad.json --execute --additional`,
    );
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toMatch(
      /^Error: Unknown broker id 9\norg\.apache\.kafka\.server\.common\.AdminCommandFailedException: Unknown broker id 9\n\tat /,
    );
    const missing = t.run(
      `kafka-reassign-partitions.sh ${BS} --reassignment-json-file nope.json --verify`,
    );
    expect(missing.stdout).toMatch(
      /^Error: nope\.json\njava\.nio\.file\.NoSuchFileException: nope\.json\n\tat /,
    );
  });
});

describe('kafka-reassign-partitions arguments (validateAndParseArgs)', () => {
  it('needs exactly one action, --bootstrap-server and the action’s arguments', () => {
    const t = new Terminal();
    const first = (cmd: string) => {
      const r = t.run(cmd);
      return [r.status, r.stderr.split('\n')[0]];
    };
    expect(first(`kafka-reassign-partitions.sh ${BS}`)).toEqual([
      1,
      'Command must include exactly one action: --generate, --execute, --verify, --cancel, --list',
    ]);
    expect(first('kafka-reassign-partitions.sh --list')).toEqual([
      1,
      'Please specify --bootstrap-server',
    ]);
    expect(first(`kafka-reassign-partitions.sh ${BS} --verify`)).toEqual([
      1,
      'Missing required argument "[reassignment-json-file]"',
    ]);
    expect(first(`kafka-reassign-partitions.sh ${BS} --list --broker-list 1`)).toEqual([
      1,
      'Option "[broker-list]" can\'t be used with action "[list]"',
    ]);
    // Options are parsed outside main's try block: the JVM reports the exception.
    expect(first(`kafka-reassign-partitions.sh ${BS} --lst`)).toEqual([
      1,
      'Exception in thread "main" joptsimple.UnrecognizedOptionException: lst is not a recognized option',
    ]);
  });
});
