/**
 * kafka-consumer-groups' command line (Kafka 3.9 ConsumerGroupCommandOptions.java and
 * ConsumerGroupCommand.main): help, version, the argument checks, jopt parse errors escaping
 * main, and the seed notes' list/describe commands exactly as written there.
 */
import { describe, expect, it } from 'vitest';
import { CONSUMER_GROUPS_HELP } from './groupsHelp';
import { clusterWithOrders, groups, joinGroup, keepPolling, memberIdOf } from './groupsFixture';

const usage = (message: string) => `${message}\n${CONSUMER_GROUPS_HELP}`;
const ONE_ACTION =
  'Command must include exactly one action: --list, --describe, --delete, --reset-offsets, --delete-offsets';
const TOOL = 'org.apache.kafka.tools.consumer.group';
const OPTIONS_FRAMES =
  `\tat ${TOOL}.ConsumerGroupCommandOptions.<init>(ConsumerGroupCommandOptions.java:204)\n` +
  `\tat ${TOOL}.ConsumerGroupCommandOptions.fromArgs(ConsumerGroupCommandOptions.java:121)\n` +
  `\tat ${TOOL}.ConsumerGroupCommand.main(ConsumerGroupCommand.java:93)\n`;

describe('help, version and required arguments', () => {
  it('no arguments or --help: the tool description and the option table on stderr, exit 1', () => {
    const t = clusterWithOrders();
    const description =
      'This tool helps to list all consumer groups, describe a consumer group, delete consumer group info, or reset consumer group offsets.';
    expect(t.run('kafka-consumer-groups.sh')).toEqual({
      stdout: '',
      stderr: usage(description),
      status: 1,
    });
    expect(t.run('kafka-consumer-groups.sh --help').stderr).toBe(usage(description));
  });

  it('--version prints 3.9.0 without needing --bootstrap-server (KAFKA-16415)', () => {
    const t = clusterWithOrders();
    expect(t.run('kafka-consumer-groups.sh --version')).toEqual({
      stdout: '3.9.0\n',
      stderr: '',
      status: 0,
    });
  });

  it('a missing --bootstrap-server: Missing required argument "[bootstrap-server]" and usage', () => {
    const t = clusterWithOrders();
    expect(t.run('kafka-consumer-groups.sh --list')).toEqual({
      stdout: '',
      stderr: usage('Missing required argument "[bootstrap-server]"'),
      status: 1,
    });
  });

  it('exactly one action; --describe needs a group; its views exclude each other', () => {
    const t = clusterWithOrders();
    expect(t.run(groups('--group g')).stderr).toBe(usage(ONE_ACTION));
    expect(t.run(groups('--list --describe --all-groups')).stderr).toBe(usage(ONE_ACTION));
    expect(t.run(groups('--describe')).stderr).toBe(
      usage('Option [describe] takes one of these options: [all-groups], [group]'),
    );
    expect(t.run(groups('--describe --group g --members --state')).stderr).toBe(
      usage('Option [describe] takes at most one of these options: [members], [offsets], [state]'),
    );
    expect(t.run(groups('--describe --group g --state Stable')).stderr).toBe(
      usage('Option [describe] does not take a value for [state]'),
    );
    expect(t.run(groups('--list --group g')).stderr).toBe(
      usage('Option "[group]" can\'t be used with option "[list]"'),
    );
    expect(t.run(groups('--describe --group g --all-groups')).stderr).toBe(
      usage('Option "[group]" can\'t be used with option "[all-groups]"'),
    );
    expect(t.run(groups('--describe --group g --topic orders')).stderr).toBe(
      usage('Option "[topic]" can\'t be used with option "[describe]"'),
    );
  });
});

describe('jopt parse errors escape main (parsed before its try block)', () => {
  it('an unknown long option: the JVM prints the uncaught UnrecognizedOptionException, exit 1', () => {
    const t = clusterWithOrders();
    expect(t.run(groups('--list --from-begining'))).toEqual({
      stdout: '',
      stderr:
        'Exception in thread "main" joptsimple.UnrecognizedOptionException: from-begining is not a recognized option\n' +
        '\tat joptsimple.OptionException.unrecognizedOption(OptionException.java:108)\n' +
        '\tat joptsimple.OptionParser.handleLongOptionToken(OptionParser.java:510)\n' +
        '\tat joptsimple.OptionParserState$2.handleArgument(OptionParserState.java:56)\n' +
        '\tat joptsimple.OptionParser.parse(OptionParser.java:396)\n' +
        OPTIONS_FRAMES,
      status: 1,
    });
  });

  it('abbreviations are not accepted; a single-dash non-option reports its first character', () => {
    const t = clusterWithOrders();
    expect(t.run(groups('--describe --grou g')).stderr.split('\n')[0]).toBe(
      'Exception in thread "main" joptsimple.UnrecognizedOptionException: grou is not a recognized option',
    );
    const short = t.run(groups('-list'));
    expect(short.status).toBe(0);
    const cluster = t.run(groups('-lst'));
    expect(cluster.stderr).toBe(
      'Exception in thread "main" joptsimple.UnrecognizedOptionException: l is not a recognized option\n' +
        '\tat joptsimple.OptionException.unrecognizedOption(OptionException.java:108)\n' +
        '\tat joptsimple.OptionParser.validateOptionCharacters(OptionParser.java:633)\n' +
        '\tat joptsimple.OptionParser.handleShortOptionCluster(OptionParser.java:528)\n' +
        '\tat joptsimple.OptionParser.handleShortOptionToken(OptionParser.java:523)\n' +
        '\tat joptsimple.OptionParserState$2.handleArgument(OptionParserState.java:59)\n' +
        '\tat joptsimple.OptionParser.parse(OptionParser.java:396)\n' +
        OPTIONS_FRAMES,
    );
  });

  it('a trailing --group without a value, and --members outside --describe, are uncaught too', () => {
    const t = clusterWithOrders();
    const missing = t.run(groups('--describe --group'));
    expect(missing.status).toBe(1);
    expect(missing.stderr.split('\n')[0]).toBe(
      'Exception in thread "main" joptsimple.OptionMissingRequiredArgumentException: Option group requires an argument',
    );
    expect(t.run(groups('--list --members')).stderr.split('\n')[0]).toBe(
      'Exception in thread "main" joptsimple.UnavailableOptionException: Option(s) [members] are unavailable given other options on the command line',
    );
  });

  it('--bootstrap-server=host:port and a single dash before a full option name both work', () => {
    const t = clusterWithOrders();
    joinGroup(t, 'my-group', ['orders']);
    expect(t.run('kafka-consumer-groups.sh --bootstrap-server=localhost:9092 -list').stdout).toBe(
      'my-group\n',
    );
  });
});

describe('the seed notes’ list and describe commands, verbatim', () => {
  const list = '$KAFKA_HOME/bin/kafka-consumer-groups.sh --bootstrap-server localhost:9092 --list';
  const describeCmd =
    '$KAFKA_HOME/bin/kafka-consumer-groups.sh --bootstrap-server localhost:9092 --group ${group_name} --describe';

  it('--list and --describe with ${group_name} set', () => {
    const t = clusterWithOrders([5, 3, 4]);
    const c = joinGroup(t, 'my-group', ['orders']);
    keepPolling(t, [c], 1_000);
    expect(t.run(list)).toEqual({ stdout: 'my-group\n', stderr: '', status: 0 });
    t.run('group_name=my-group');
    const id = memberIdOf(c);
    const r = t.run(describeCmd);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').slice(2)).toEqual([
      `my-group        orders          0          5               5               0               ${id} /127.0.0.1      consumer-my-group-1`,
      `my-group        orders          1          3               3               0               ${id} /127.0.0.1      consumer-my-group-1`,
      `my-group        orders          2          4               4               0               ${id} /127.0.0.1      consumer-my-group-1`,
      '',
    ]);
  });

  it('with ${group_name} unset, bash passes `--group --describe`: --group takes "--describe" as its value', () => {
    const t = clusterWithOrders();
    expect(t.run(describeCmd)).toEqual({ stdout: '', stderr: usage(ONE_ACTION), status: 1 });
  });

  it('an unreachable bootstrap server fails after --timeout with the admin client’s error', () => {
    const t = clusterWithOrders();
    const before = t.cluster.now;
    const r = t.run(
      'kafka-consumer-groups.sh --bootstrap-server localhost:9999 --describe --group g --timeout 2000',
    );
    expect(r.stdout).toBe(
      '\nError: Executing consumer group command failed due to org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment. Call: findCoordinator\n',
    );
    expect(r.status).toBe(0);
    expect(t.cluster.now - before).toBeGreaterThanOrEqual(2_000);
    expect(t.run('kafka-consumer-groups.sh --bootstrap-server nohost --list').stdout).toBe(
      '\nError: Executing consumer group command failed due to Failed to create new KafkaAdminClient\n',
    );
  });
});
