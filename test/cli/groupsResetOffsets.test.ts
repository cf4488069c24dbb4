/**
 * kafka-consumer-groups `--reset-offsets`: every scenario, dry run vs `--execute`, scopes, the
 * inactive-group rule and the clamping WARNs (Kafka 3.9 ConsumerGroupCommand.resetOffsets /
 * prepareOffsetsToReset / checkOffsetsRange), with the fixed one-row-per-line table.
 */
import { describe, expect, it } from 'vitest';
import { formatHelp } from '../../src/cli/options/index';
import { consumerGroupOptionSpecs } from '../../src/cli/tools/kafka/groups/consumerGroupCommandOptions';
import {
  clusterWithOrders,
  groups,
  joinGroup,
  keepPolling,
  leave,
  produceTo,
} from './groupsFixture';

const TABLE_HEADER =
  '\nGROUP                          TOPIC                          PARTITION  NEW-OFFSET     \n';
const row = (group: string, topic: string, partition: number, offset: number) =>
  `${group.padEnd(30)} ${topic.padEnd(30)} ${String(partition).padEnd(10)} ${String(offset).padEnd(15)}\n`;
const table = (group: string, offsets: number[], topic = 'orders') =>
  TABLE_HEADER + offsets.map((o, p) => row(group, topic, p, o)).join('');
const NO_EXECUTE_WARN =
  'WARN: No action will be performed as the --execute option is missing.In a future major release, the default behavior of this command will be to prompt the user before executing the reset rather than doing a dry run. You should add the --dry-run option explicitly if you are scripting this command and want to keep the current default behavior without prompting.\n';
const usage = (message: string) => `${message}\n${formatHelp(consumerGroupOptionSpecs)}`;
const warnLine =
  /^\[2025-01-01 \d\d:\d\d:\d\d,\d{3}\] WARN (.*) \(org\.apache\.kafka\.tools\.consumer\.group\.ConsumerGroupCommand\)$/;

/** CURRENT-OFFSET per partition as `--describe` shows it. */
function committed(t: ReturnType<typeof clusterWithOrders>, group: string): string[] {
  return t
    .run(groups(`--describe --group ${group}`))
    .stdout.split('\n')
    .slice(2, -1)
    .map((line) => line.split(/ +/).slice(2, 4).join('='));
}

/** `orders` with 12/3/4 records, consumed to the end by `my-group`, which then left. */
function emptyGroup() {
  const t = clusterWithOrders([12, 3, 4]);
  leave(t, joinGroup(t, 'my-group', ['orders']));
  return t;
}

describe('the seed notes’ reset commands, verbatim', () => {
  it('--to-earliest --execute moves every partition of the topic to its log start', () => {
    const t = emptyGroup();
    t.run('group_name=my-group; topic_name=orders');
    const r = t.run(
      '$KAFKA_HOME/bin/kafka-consumer-groups.sh --bootstrap-server localhost:9092 --group ${group_name} --topic ${topic_name} --reset-offsets --to-earliest --execute',
    );
    expect(r).toEqual({ stdout: table('my-group', [0, 0, 0]), stderr: '', status: 0 });
    expect(committed(t, 'my-group')).toEqual(['0=0', '1=0', '2=0']);
  });

  it('--to-offset 10 --execute clamps offsets past the log end, with a log4j WARN each', () => {
    const t = emptyGroup();
    t.run('group_name=my-group; topic_name=orders');
    const r = t.run(
      '$KAFKA_HOME/bin/kafka-consumer-groups.sh --bootstrap-server localhost:9092 --group ${group_name} --topic ${topic_name} --reset-offsets --to-offset 10 --execute',
    );
    expect(r.stdout).toBe(table('my-group', [10, 3, 4]));
    expect(r.stderr.split('\n').map((l) => warnLine.exec(l)?.[1] ?? l)).toEqual([
      'New offset (10) is higher than latest offset for topic partition orders-1. Value will be set to 3',
      'New offset (10) is higher than latest offset for topic partition orders-2. Value will be set to 4',
      '',
    ]);
    expect(committed(t, 'my-group')).toEqual(['0=10', '1=3', '2=4']);
  });

  it('with ${topic_name} unset, --topic swallows --reset-offsets: no action remains', () => {
    const t = emptyGroup();
    const r = t.run(
      'group_name=my-group; $KAFKA_HOME/bin/kafka-consumer-groups.sh --bootstrap-server localhost:9092 --group ${group_name} --topic ${topic_name} --reset-offsets --to-earliest --execute',
    );
    expect(r).toEqual({
      stdout: '',
      stderr: usage(
        'Command must include exactly one action: --list, --describe, --delete, --reset-offsets, --delete-offsets',
      ),
      status: 1,
    });
  });

  it('with both placeholders unset, the group is "--topic" and no scope is left', () => {
    const t = emptyGroup();
    const r = t.run(
      '$KAFKA_HOME/bin/kafka-consumer-groups.sh --bootstrap-server localhost:9092 --group ${group_name} --topic ${topic_name} --reset-offsets --to-offset 10 --execute',
    );
    expect(r).toEqual({
      stdout: '',
      stderr: usage('One of the reset scopes should be defined: --all-topics, --topic.'),
      status: 1,
    });
  });
});

describe('dry run and --execute (ConsumerGroupService.resetOffsets)', () => {
  it('without --execute or --dry-run: the WARN on stderr, the plan on stdout, nothing committed', () => {
    const t = emptyGroup();
    expect(t.run(groups('--group my-group --reset-offsets --to-earliest --all-topics'))).toEqual({
      stdout: table('my-group', [0, 0, 0]),
      stderr: NO_EXECUTE_WARN,
      status: 0,
    });
    expect(
      t.run(groups('--group my-group --reset-offsets --to-earliest --all-topics --dry-run')),
    ).toEqual({
      stdout: table('my-group', [0, 0, 0]),
      stderr: '',
      status: 0,
    });
    expect(committed(t, 'my-group')).toEqual(['0=12', '1=3', '2=4']);
  });

  it('a group with active members is not changed: the error, then the header alone', () => {
    const t = clusterWithOrders([12, 3, 4]);
    const c = joinGroup(t, 'my-group', ['orders']);
    keepPolling(t, [c], 1_000);
    expect(
      t.run(groups('--group my-group --reset-offsets --to-earliest --topic orders --execute')),
    ).toEqual({
      stdout:
        "\nError: Assignments can only be reset if the group 'my-group' is inactive, but the current state is Stable.\n" +
        TABLE_HEADER,
      stderr: '',
      status: 0,
    });
    keepPolling(t, [c], 1_000);
    expect(committed(t, 'my-group')).toEqual(['0=12', '1=3', '2=4']);
  });

  it('an unknown (Dead) group can be given offsets: --execute creates it, Empty', () => {
    const t = clusterWithOrders([12, 3, 4]);
    expect(
      t.run(groups('--group fresh --reset-offsets --to-latest --topic orders:0,2 --execute'))
        .stdout,
    ).toBe(TABLE_HEADER + row('fresh', 'orders', 0, 12) + row('fresh', 'orders', 2, 4));
    expect(t.run(groups('--list --state')).stdout).toBe(
      'GROUP                     STATE               \nfresh                     Empty               \n',
    );
  });

  it('--export prints topic,partition,offset lines instead of the table', () => {
    const t = emptyGroup();
    expect(
      t.run(
        groups('--group my-group --reset-offsets --shift-by -2 --all-topics --export --dry-run'),
      ).stdout,
    ).toBe('orders,0,10\norders,1,1\norders,2,2\n\n');
  });
});

describe('reset scenarios (prepareOffsetsToReset)', () => {
  it('--to-latest, --to-current and --shift-by (clamped below the log start with a WARN)', () => {
    const t = emptyGroup();
    t.run(groups('--group my-group --reset-offsets --to-offset 1 --topic orders:0 --execute'));
    produceTo(t, 'orders', [0, 2, 0]);
    expect(
      t.run(groups('--group my-group --reset-offsets --to-latest --all-topics --dry-run')).stdout,
    ).toBe(table('my-group', [12, 5, 4]));
    expect(
      t.run(groups('--group my-group --reset-offsets --to-current --all-topics --dry-run')).stdout,
    ).toBe(table('my-group', [1, 3, 4]));
    const shifted = t.run(
      groups('--group my-group --reset-offsets --shift-by -2 --all-topics --dry-run'),
    );
    expect(shifted.stdout).toBe(table('my-group', [0, 1, 2]));
    expect(warnLine.exec(shifted.stderr.trimEnd())?.[1]).toBe(
      'New offset (-1) is lower than earliest offset for topic partition orders-0. Value will be set to 0',
    );
  });

  it('--to-current gives partitions without a committed offset their log end offset', () => {
    const t = clusterWithOrders([12, 3, 4]);
    t.run(groups('--group g --reset-offsets --to-offset 2 --topic orders:1 --execute'));
    expect(
      t.run(groups('--group g --reset-offsets --to-current --topic orders --dry-run')).stdout,
    ).toBe(table('g', [12, 2, 4]));
  });

  it('--shift-by without a committed offset is an IllegalArgumentException: usage, exit 1', () => {
    const t = clusterWithOrders([12, 3, 4]);
    expect(
      t.run(groups('--group g --reset-offsets --shift-by 1 --topic orders:2 --dry-run')),
    ).toEqual({
      stdout: '',
      stderr: usage(
        'Cannot shift offset for partition orders-2 since there is no current committed offset',
      ),
      status: 1,
    });
  });

  it('--to-datetime and --by-duration find the first record at or after the time', () => {
    const t = clusterWithOrders([12, 3, 4]); // records stamped 2025-01-01T00:00:05
    leave(t, joinGroup(t, 'my-group', ['orders']));
    t.cluster.advance(60_000);
    produceTo(t, 'orders', [1, 1, 0]); // stamped about 00:01:13
    const fallback =
      '\nWarn: Partition 2 from topic orders is empty. Falling back to latest known offset.\n';
    expect(
      t.run(
        groups(
          '--group my-group --reset-offsets --to-datetime 2025-01-01T00:00:30.000 --topic orders --dry-run',
        ),
      ),
    ).toEqual({ stdout: fallback + table('my-group', [12, 3, 4]), stderr: '', status: 0 });
    expect(
      t.run(
        groups(
          '--group my-group --reset-offsets --to-datetime 2025-01-01T00:00:00.000 --topic orders --dry-run',
        ),
      ).stdout,
    ).toBe(table('my-group', [0, 0, 0]));
    expect(
      t.run(groups('--group my-group --reset-offsets --by-duration PT30S --topic orders --dry-run'))
        .stdout,
    ).toBe(fallback + table('my-group', [12, 3, 4]));
    expect(
      t.run(groups('--group my-group --reset-offsets --by-duration P1D --topic orders --dry-run'))
        .stdout,
    ).toBe(table('my-group', [0, 0, 0]));
  });

  it("malformed --to-datetime / --by-duration values fail as Java's parsers do", () => {
    const t = clusterWithOrders();
    const datetime = t.run(
      groups('--group g --reset-offsets --to-datetime 2025-01-01T10:00 --topic orders'),
    );
    expect(datetime.stdout).toBe(
      '\nError: Executing consumer group command failed due to java.text.ParseException: Unparseable date: "2025-01-01T10:00Z"\n',
    );
    expect(datetime.stderr).toContain(
      'java.lang.RuntimeException: java.text.ParseException: Unparseable date: "2025-01-01T10:00Z"\n',
    );
    const duration = t.run(
      groups('--group g --reset-offsets --by-duration 1d --topic orders --dry-run'),
    );
    expect(duration.stdout).toBe(
      '\nError: Executing consumer group command failed due to Text cannot be parsed to a Duration\n',
    );
    expect(duration.status).toBe(0);
  });

  it('--from-file reads topic,partition,offset lines for the group and clamps them', () => {
    const t = emptyGroup();
    t.run('cat > /tmp/plan.csv <<EOF\norders,0,3\norders,2,9\nEOF');
    const r = t.run(groups('--group my-group --reset-offsets --from-file /tmp/plan.csv --execute'));
    expect(r.stdout).toBe(
      TABLE_HEADER + row('my-group', 'orders', 0, 3) + row('my-group', 'orders', 2, 4),
    );
    expect(warnLine.exec(r.stderr.trimEnd())?.[1]).toBe(
      'New offset (9) is higher than latest offset for topic partition orders-2. Value will be set to 4',
    );
    expect(committed(t, 'my-group')).toEqual(['0=3', '1=3', '2=4']);
  });
});

describe('--reset-offsets argument errors (ConsumerGroupCommandOptions.checkArgs)', () => {
  it('--execute with --dry-run, two scenarios, no scenario, no scope', () => {
    const t = emptyGroup();
    expect(
      t.run(
        groups('--group my-group --reset-offsets --to-earliest --all-topics --execute --dry-run'),
      ).stderr,
    ).toBe(usage('Option [reset-offsets] only accepts one of [execute] and [dry-run]'));
    expect(
      t.run(
        groups('--group my-group --reset-offsets --to-earliest --to-latest --all-topics --execute'),
      ).stderr,
    ).toBe(usage('Option "[to-earliest]" can\'t be used with option "[to-latest]"'));
    expect(t.run(groups('--group my-group --reset-offsets --all-topics --execute')).stderr).toBe(
      usage(
        "Option '[reset-offsets]' requires one of the following scenarios: [[to-offset], [to-current], [to-datetime], [from-file], [by-duration], [to-earliest], [to-latest], [shift-by]]",
      ),
    );
    expect(t.run(groups('--reset-offsets --to-earliest --all-topics --execute')).stderr).toBe(
      usage('Option [reset-offsets] takes one of these options: [all-groups], [group]'),
    );
    const noScope = t.run(groups('--group my-group --reset-offsets --to-earliest'));
    expect(noScope.stderr).toBe(
      NO_EXECUTE_WARN + usage('One of the reset scopes should be defined: --all-topics, --topic.'),
    );
    expect(noScope.status).toBe(1);
  });

  it('a malformed topic:partitions scope is an IllegalArgumentException', () => {
    const t = emptyGroup();
    expect(
      t.run(groups('--group my-group --reset-offsets --to-earliest --topic orders:x --dry-run'))
        .stderr,
    ).toBe(usage("Invalid partition 'x' specified in topic arg 'orders:x''"));
  });
});
