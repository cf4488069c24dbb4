/**
 * Every shell command in the learners' notes (`../shared/seeds/`) runs verbatim, in the notes'
 * order, and does what the note says — or, where the note has a mistake that bash or Kafka rejects,
 * fails with bash's or Kafka's own message. The commands are read from the note files themselves.
 */
import { describe, expect, it } from 'vitest';
import { seedNotes, seedsDir } from './seedNotes';
import { Terminal } from './harness';
import type { CommandResult } from './harness';

const notes = seedNotes();
const note = (prefix: string) => notes.find((n) => n.file.startsWith(prefix))?.commands ?? [];
const typedEvents = 'This is my first event\nThis is my second event\n';

/** Runs a note's commands in order; producers get two typed lines and Ctrl-D. */
function runNote(t: Terminal, commands: string[]): { command: string; result: CommandResult }[] {
  return commands.map((command) => ({
    command,
    result: t.run(command, /console-producer/.test(command) ? typedEvents : undefined),
  }));
}

describe.skipIf(notes.length === 0)(`the learners' notes in ${seedsDir}`, () => {
  it('finds the commands of every note that has some', () => {
    expect(notes.map((n) => [n.file.slice(0, 3), n.commands.length])).toEqual([
      ['000', 7],
      ['001', 14],
      ['002', 0],
      ['003', 10],
      ['004', 5],
    ]);
  });

  it('note 000: the quickstart — start ZooKeeper and Kafka, create, list and describe a topic, produce, consume', () => {
    const t = new Terminal({ brokers: 0 });
    const [zk, kafka, create, list, describeTopic, produce, consume] = runNote(t, note('000'));
    expect(zk!.result.status).toBe(0);
    expect(zk!.result.stdout).toContain('binding to port 0.0.0.0/0.0.0.0:2181');
    expect(kafka!.result.status).toBe(0);
    expect(kafka!.result.stdout).toContain('[KafkaServer id=0] started (kafka.server.KafkaServer)');
    // `-partitions 1`: jopt-simple accepts a single dash before a full option name.
    expect(create!.result).toEqual({
      stdout: 'Created topic quickstart-events.\n',
      stderr: '',
      status: 0,
    });
    expect(list!.result).toEqual({ stdout: 'quickstart-events\n', stderr: '', status: 0 });
    const topicId = t.cluster
      .snapshot()
      .topics.find((x) => x.name === 'quickstart-events')!.topicId;
    expect(describeTopic!.result.stdout).toBe(
      `Topic: quickstart-events\tTopicId: ${topicId}\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: segment.bytes=1073741824\n` +
        '\tTopic: quickstart-events\tPartition: 0\tLeader: 0\tReplicas: 0\tIsr: 0\tElr: N/A\tLastKnownElr: N/A\n',
    );
    // The deprecated --broker-list still works; a TTY shows a `>` prompt before each line.
    expect(produce!.result).toEqual({ stdout: '>>>', stderr: '', status: 0 });
    expect(consume!.result.stdout).toBe('This is my first event\nThis is my second event\n');
    expect(consume!.result.stderr).toBe('Processed a total of 2 messages\n');
  });

  it('note 001 verbatim: `**` globs to the real script (ZooKeeper starts), the unset ${topic_name} makes Kafka reject the topic commands', () => {
    const t = new Terminal({ brokers: 0 });
    const results = runNote(t, note('001')).map((r) => r.result);
    // Without globstar `**` is `*`: the pattern matches bin/zookeeper-server-start.sh, as in bash.
    expect(results[0]!.status).toBe(0);
    expect(results[0]!.stdout).toContain('binding to port 0.0.0.0/0.0.0.0:2181');
    expect(results[1]!.status).toBe(0);
    expect(results[1]!.stdout).toContain('[KafkaServer id=0] started (kafka.server.KafkaServer)');
    // `--topic ${topic_name}` with the variable unset: `--topic` takes the next word as its value.
    expect(results[2]!.stderr.split('\n')[0]).toBe('--bootstrap-server must be specified');
    expect(results[3]!.stderr.split('\n')[0]).toBe('Option topic requires an argument');
    expect(results[4]).toEqual({ stdout: '\n', stderr: '', status: 0 }); // --list: no topics yet
    // `kafka-consumer-groups --list` with no groups prints nothing; every failure says why.
    expect(results[7]).toEqual({ stdout: '', stderr: '', status: 0 });
    for (const r of results.slice(2))
      if (r.status !== 0) expect(`${r.stdout}${r.stderr}`.length).toBeGreaterThan(0);
  });

  it('note 001 with ZooKeeper started and the placeholders filled in does what each line says', () => {
    const t = new Terminal({ brokers: 0 });
    t.run('topic_name=orders; group_name=billing');
    const r = runNote(t, note('001'))
      .map((x) => x.result)
      .slice(1);
    expect(r[0]!.status).toBe(0); // kafka-server-start
    expect(r[1]!.stdout).toBe('Created topic orders.\n');
    // The note then creates the same topic again: Kafka refuses.
    expect(r[2]!.stdout).toBe(
      "Error while executing topic command : Topic 'orders' already exists.\n",
    );
    expect(r[2]!.status).toBe(1);
    expect(r[3]!.stdout).toBe('orders\n');
    expect(r[4]!.stdout).toContain('Topic: orders\tTopicId: ');
    expect(r[5]).toEqual({ stdout: '', stderr: '', status: 0 }); // delete is silent
    expect(r[6]).toEqual({ stdout: '', stderr: '', status: 0 }); // no groups yet: nothing to list
    expect(r[7]!.stdout).toBe("\nError: Consumer group 'billing' does not exist.\n");
    // The producer re-creates `orders` (auto.create.topics.enable) and the consumers read it.
    expect(r[10]!.status).toBe(0);
    expect(r[12]!.stdout).toBe('This is my first event\nThis is my second event\n');
  });

  it('note 003: unpack, start, create/list/describe, produce; the `--from-begining` typo is rejected by Kafka', () => {
    const t = new Terminal({ brokers: 0 });
    t.run('cd /root');
    const r = runNote(t, note('003'));
    expect(r[0]!.result.stdout).toContain('kafka_2.13-2.7.0/config/');
    expect(r.slice(1, 7).map((x) => x.result.status)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(r[3]!.result.stdout).toBe('Created topic quickstart-events.\n');
    const typo = r[7]!.result;
    expect(typo.status).toBe(1);
    expect(typo.stderr.split('\n')[0]).toBe('from-begining is not a recognized option');
    // The MariaDB container of the note's Kafka Connect example: pulled, then run.
    expect(r[8]!.result.stdout).toContain('Status: Downloaded newer image for mariadb:latest');
    expect(r[9]!.result.status).toBe(0);
    expect(t.run('docker ps').stdout).toMatch(/mariadb:latest .* mariadb\n/);
  });

  it("note 004: inside the notes' docker-compose cluster, the `{broker url}` placeholders are rejected by the admin client, and filled in they work", () => {
    const t = new Terminal();
    const verbatim = runNote(t, note('004')).map((x) => x.result);
    for (const r of verbatim) expect(r.status).not.toBe(0);
    expect(verbatim[0]!.stderr).toContain('Failed to create new KafkaAdminClient');
    const filled = note('004').map((c) =>
      c.replaceAll('{broker url}', 'localhost:9092').replaceAll('{topic 이름}', 'reserve'),
    );
    t.run(
      'kafka-topics --bootstrap-server localhost:9092 --create --topic reserve --partitions 3 --replication-factor 3',
    );
    const [list, describeTopic, del] = runNote(t, filled.slice(0, 3)).map((x) => x.result);
    expect(list!.stdout).toBe('reserve\n');
    expect(describeTopic!.stdout).toContain('Topic: reserve\tTopicId: ');
    expect(del!.status).toBe(0);
    expect(t.cluster.snapshot().topics.map((x) => x.name)).not.toContain('reserve');
  });
});
