/**
 * kafka-consumer-groups `--list` and `--describe` (offsets, `--members [--verbose]`, `--state`)
 * against groups of the engine's own consumers, byte for byte as Kafka 3.9's
 * ConsumerGroupCommand.java prints them (fixed layout: the offsets table ends with a newline).
 */
import { describe, expect, it } from 'vitest';
import type { GroupSnapshot } from '../../src/sim/groups/groupCoordinator';
import {
  clusterWithOrders,
  groups,
  joinGroup,
  keepPolling,
  leave,
  memberIdOf,
  pad,
  produceTo,
} from './groupsFixture';

/** The offsets-view header for a CONSUMER-ID column `width` wide. */
const offsetsHeader = (width: number) =>
  `GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             ${pad('CONSUMER-ID', width)} HOST            CLIENT-ID`;

describe('kafka-consumer-groups --list (ConsumerGroupCommand.listGroups)', () => {
  it('prints nothing when no group exists yet, and one group id per line afterwards', () => {
    const t = clusterWithOrders();
    expect(t.run(groups('--list'))).toEqual({ stdout: '', stderr: '', status: 0 });
    joinGroup(t, 'my-group', ['orders']);
    joinGroup(t, 'audit', ['orders']);
    const listed = t.run(groups('--list'));
    expect(listed.stdout.split('\n').sort()).toEqual(['', 'audit', 'my-group']);
    expect(listed.stderr).toBe('');
  });

  it('--state adds a STATE column (%-{max(15,len)+10}s %-20s), filtering by state case-insensitively', () => {
    const t = clusterWithOrders();
    const consumer = joinGroup(t, 'my-group', ['orders']);
    const idle = joinGroup(t, 'audit-consumers', ['orders']);
    leave(t, idle);
    keepPolling(t, [consumer], 1_000);
    expect(t.run(groups('--list --state stable')).stdout).toBe(
      'GROUP                     STATE               \n' +
        'my-group                  Stable              \n',
    );
    expect(t.run(groups('--list --state Empty --type')).stdout).toBe(
      'GROUP                     TYPE                 STATE               \n' +
        'audit-consumers           Classic              Empty               \n',
    );
  });

  it('an unknown state is an IllegalArgumentException: the message and the usage, exit 1', () => {
    const t = clusterWithOrders();
    const r = t.run(groups('--list --state running'));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^Invalid state list 'running'\. Valid states are: PreparingRebalance, CompletingRebalance, Stable, Dead, Empty, Assigning, Reconciling\nOption {34}Description/,
    );
  });
});

describe('kafka-consumer-groups --describe (ConsumerGroupCommand.printOffsets)', () => {
  it('members with most partitions come first; LAG = LOG-END-OFFSET − CURRENT-OFFSET', () => {
    const t = clusterWithOrders([5, 3, 4]);
    const a = joinGroup(t, 'my-group', ['orders']);
    const b = joinGroup(t, 'my-group', ['orders']);
    keepPolling(t, [a, b], 8_000);
    produceTo(t, 'orders', [2, 0, 1]);
    const [idA, idB] = [memberIdOf(a), memberIdOf(b)];
    expect(idA).toMatch(/^consumer-my-group-1-[0-9a-f-]{36}$/);
    const w = idA.length;
    expect(t.run(groups('--describe --group my-group'))).toEqual({
      stdout:
        `\n${offsetsHeader(w)}\n` +
        `my-group        orders          0          5               7               2               ${idA} /127.0.0.1      consumer-my-group-1\n` +
        `my-group        orders          1          3               3               0               ${idA} /127.0.0.1      consumer-my-group-1\n` +
        `my-group        orders          2          4               5               1               ${idB} /127.0.0.1      consumer-my-group-2\n`,
      stderr: '',
      status: 0,
    });
  });

  it('rows follow the HashMap order of TopicPartition, as 3.9 prints them', () => {
    const t = clusterWithOrders([1, 1, 1, 1], 'test');
    const c = joinGroup(t, 'g', ['test']);
    const id = memberIdOf(c);
    const rows = t
      .run(groups('--describe --group g'))
      .stdout.split('\n')
      .slice(2, -1)
      .map((line) => line.split(/ +/)[2]);
    // TopicPartition.hashCode = 31 * (31 + partition) + "test".hashCode(): buckets 5, 4, 7, 6.
    expect(rows).toEqual(['1', '0', '3', '2']);
    expect(id).toMatch(/^consumer-g-1-/);
  });

  it('an Empty group: the note on stderr, committed offsets with - for the member columns', () => {
    const t = clusterWithOrders([5, 3, 4]);
    const c = joinGroup(t, 'my-group', ['orders']);
    leave(t, c);
    produceTo(t, 'orders', [0, 2, 0]);
    expect(t.run(groups('--describe --group my-group'))).toEqual({
      stdout:
        `\n${offsetsHeader(15)}\n` +
        'my-group        orders          0          5               5               0               -               -               -\n' +
        'my-group        orders          1          3               5               2               -               -               -\n' +
        'my-group        orders          2          4               4               0               -               -               -\n',
      stderr: "\nConsumer group 'my-group' has no active members.\n",
      status: 0,
    });
  });

  it('a group without members or offsets prints only the note', () => {
    const t = clusterWithOrders();
    const c = joinGroup(t, 'quiet', ['orders'], { 'enable.auto.commit': 'false' });
    leave(t, c);
    expect(t.run(groups('--describe --group quiet'))).toEqual({
      stdout: '',
      stderr: "\nConsumer group 'quiet' has no active members.\n",
      status: 0,
    });
  });

  it('an unknown group is Dead: `Error: Consumer group ... does not exist.` on stdout, exit 0', () => {
    const t = clusterWithOrders();
    expect(t.run(groups('--describe --group nope'))).toEqual({
      stdout: "\nError: Consumer group 'nope' does not exist.\n",
      stderr: '',
      status: 0,
    });
  });

  it('a rebalancing group: the warning on stderr; members show no partitions until Stable', () => {
    const t = clusterWithOrders([5, 3, 4]);
    const a = joinGroup(t, 'my-group', ['orders']);
    const late = t.cluster.createConsumer({ 'group.id': 'my-group' });
    late.subscribe(['orders']);
    for (let i = 0; i < 5; i++) {
      late.poll();
      t.cluster.advance(100);
    }
    const idA = memberIdOf(a);
    const idLate = memberIdOf(late);
    const r = t.run(groups('--describe --group my-group --members'));
    expect(r.stderr).toBe("\nWarning: Consumer group 'my-group' is rebalancing.\n");
    expect(r.stdout).toBe(
      `\nGROUP           ${pad('CONSUMER-ID', idA.length)} HOST            CLIENT-ID           #PARTITIONS     \n` +
        `my-group        ${idA} /127.0.0.1      consumer-my-group-1 0               \n` +
        `my-group        ${idLate} /127.0.0.1      consumer-my-group-2 0               \n`,
    );
  });
});

describe('kafka-consumer-groups --describe --members / --state', () => {
  it('--members lists each member with #PARTITIONS; --verbose adds ASSIGNMENT without topic names', () => {
    const t = clusterWithOrders([5, 3, 4]);
    const a = joinGroup(t, 'my-group', ['orders']);
    const b = joinGroup(t, 'my-group', ['orders']);
    keepPolling(t, [a, b], 8_000);
    const [idA, idB] = [memberIdOf(a), memberIdOf(b)];
    const head = `\nGROUP           ${pad('CONSUMER-ID', idA.length)} HOST            CLIENT-ID           #PARTITIONS     `;
    expect(t.run(groups('--describe --group my-group --members')).stdout).toBe(
      `${head}\n` +
        `my-group        ${idA} /127.0.0.1      consumer-my-group-1 2               \n` +
        `my-group        ${idB} /127.0.0.1      consumer-my-group-2 1               \n`,
    );
    expect(t.run(groups('--describe --group my-group --members --verbose')).stdout).toBe(
      `${head}ASSIGNMENT\n` +
        `my-group        ${idA} /127.0.0.1      consumer-my-group-1 2               (0,1)\n` +
        `my-group        ${idB} /127.0.0.1      consumer-my-group-2 1               (2)\n`,
    );
  });

  it('static members add a GROUP-INSTANCE-ID column (width max(17, len))', () => {
    const t = clusterWithOrders([5, 3, 4]);
    const c = joinGroup(t, 'my-group', ['orders'], { 'group.instance.id': 'instance-1' });
    keepPolling(t, [c], 1_000);
    const id = memberIdOf(c);
    expect(t.run(groups('--describe --group my-group --members')).stdout).toBe(
      `\nGROUP           ${pad('CONSUMER-ID', id.length)} GROUP-INSTANCE-ID HOST            CLIENT-ID           #PARTITIONS     \n` +
        `my-group        ${id} instance-1        /127.0.0.1      consumer-my-group-1 3               \n`,
    );
  });

  it('--members of an Empty group still prints the header (3.9 prints it unconditionally)', () => {
    const t = clusterWithOrders();
    leave(t, joinGroup(t, 'my-group', ['orders']));
    expect(t.run(groups('--describe --group my-group --members'))).toEqual({
      stdout:
        '\nGROUP           CONSUMER-ID     HOST            CLIENT-ID       #PARTITIONS     \n',
      stderr: "\nConsumer group 'my-group' has no active members.\n",
      status: 0,
    });
  });

  it('--state shows the coordinator as host:port  (id), with two spaces as in 3.9', () => {
    const t = clusterWithOrders();
    const c = joinGroup(t, 'my-group', ['orders']);
    keepPolling(t, [c], 1_000);
    const snapshot = (t.cluster.snapshot().groups as GroupSnapshot[]).find(
      (g) => g.groupId === 'my-group',
    )!;
    // The notes' compose file advertises EXTERNAL://host.docker.internal:909N.
    const node = `host.docker.internal:${9091 + snapshot.coordinator}  (${snapshot.coordinator})`;
    expect(t.run(groups('--describe --group my-group --state'))).toEqual({
      stdout:
        `\n${pad('GROUP', 30)} COORDINATOR (ID)          ASSIGNMENT-STRATEGY  STATE           #MEMBERS\n` +
        `${pad('my-group', 30)} ${node} range                Stable          1\n`,
      stderr: '',
      status: 0,
    });
    expect(node).toHaveLength(30);
  });

  it('in KRaft mode the coordinator is the broker at localhost:909N', () => {
    const t = clusterWithOrders([5, 3, 4], 'orders', 'kraft');
    const c = joinGroup(t, 'my-group', ['orders']);
    keepPolling(t, [c], 1_000);
    const snapshot = (t.cluster.snapshot().groups as GroupSnapshot[]).find(
      (g) => g.groupId === 'my-group',
    )!;
    const node = `localhost:${9091 + snapshot.coordinator}  (${snapshot.coordinator})`;
    expect(t.run(groups('--describe --group my-group --state')).stdout).toBe(
      '\nGROUP                     COORDINATOR (ID)          ASSIGNMENT-STRATEGY  STATE           #MEMBERS\n' +
        `my-group                  ${node}       range                Stable          1\n`,
    );
    expect(t.run(groups('--list')).stdout).toBe('my-group\n');
  });

  it('--all-groups describes every group, sorted by group id', () => {
    const t = clusterWithOrders();
    leave(t, joinGroup(t, 'zeta', ['orders']));
    leave(t, joinGroup(t, 'alpha', ['orders']));
    const r = t.run(groups('--describe --all-groups --state'));
    expect(r.stdout.match(/^(alpha|zeta)\b/gm)).toEqual(['alpha', 'zeta']);
    expect(r.stderr).toBe(
      "\nConsumer group 'alpha' has no active members.\n\nConsumer group 'zeta' has no active members.\n",
    );
  });
});
