/**
 * The lines learners pipe Kafka's tools through: `| grep`, `| sort`, `| wc -l`, `| head`, `| tee`,
 * `seq … | producer`, `xargs` — run as a terminal runs them, with the consumer streaming into
 * the next command and a pipe closed by `head` ending the consumer as in bash.
 */
import { describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '../../src/cli/defaultRegistry';
import { clusterWithOrders, groups, joinGroup, produceTo } from './groupsFixture';
import { Terminal } from './harness';

const B = '--bootstrap-server localhost:9092';
const consumer = (args: string) => `kafka-console-consumer.sh ${B} ${args}`;

describe('Kafka output through the text tools', () => {
  it('kafka-topics --describe | grep Leader keeps the partition lines', () => {
    const t = new Terminal();
    t.run(`kafka-topics.sh ${B} --create --topic orders --partitions 3 --replication-factor 3`);
    const r = t.run(`kafka-topics.sh ${B} --describe --topic orders | grep Leader`);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const [p, line] of lines.entries())
      expect(line).toMatch(new RegExp(`^\\tTopic: orders\\tPartition: ${p}\\tLeader: \\d`));
  });

  it('kafka-consumer-groups --describe | sort -k5 -n orders partitions by log end offset', () => {
    const t = clusterWithOrders([5, 3, 4]);
    const member = joinGroup(t, 'g', ['orders']);
    member.close();
    t.wait(1_000);
    const r = t.run(`${groups('--describe --group g')} | sort -k5 -n`);
    expect(r.status).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('g '));
    expect(rows.map((l) => l.split(/\s+/)[4])).toEqual(['3', '4', '5']);
    // The header's LOG-END-OFFSET is no number: it sorts as 0, first.
    expect(r.stdout.split('\n').filter((l) => l !== '')[0]).toMatch(/^GROUP +TOPIC/);
  });

  it('seq 1 100 | kafka-console-producer, then consumer --max-messages 100 | wc -l', () => {
    const t = new Terminal();
    t.run(`kafka-topics.sh ${B} --create --topic numbers --partitions 1 --replication-factor 3`);
    expect(t.run(`seq 1 100 | kafka-console-producer.sh ${B} --topic numbers`)).toEqual({
      stdout: '',
      stderr: '',
      status: 0,
    });
    expect(
      t.run(`${consumer('--topic numbers --from-beginning --max-messages 100')} | wc -l`),
    ).toEqual({ stdout: '100\n', stderr: 'Processed a total of 100 messages\n', status: 0 });
    const sum = t.run(
      `${consumer('--topic numbers --from-beginning --max-messages 100')} | tail -n 3`,
    );
    expect(sum.stdout).toBe('98\n99\n100\n');
  });

  it('kafka-topics --list | head -n 1', () => {
    const t = new Terminal();
    t.run(`kafka-topics.sh ${B} --create --topic orders --partitions 1 --replication-factor 1`);
    t.run(`kafka-topics.sh ${B} --create --topic audit --partitions 1 --replication-factor 1`);
    expect(t.run(`kafka-topics.sh --list ${B} | head -n 1`)).toEqual({
      stdout: 'audit\n',
      stderr: '',
      status: 0,
    });
  });

  it('consumer | tee out.txt | grep x keeps every record and shows the matches', () => {
    const t = new Terminal();
    t.run(`kafka-topics.sh ${B} --create --topic events --partitions 1 --replication-factor 1`);
    t.run(`printf '%s\\n' a-x b c-x d | kafka-console-producer.sh ${B} --topic events`);
    const r = t.run(
      `${consumer('--topic events --from-beginning --max-messages 4')} | tee out.txt | grep x`,
    );
    expect(r).toEqual({
      stdout: 'a-x\nc-x\n',
      stderr: 'Processed a total of 4 messages\n',
      status: 0,
    });
    expect(t.run('cat out.txt | wc -l').stdout).toBe('4\n');
  });

  it('seq 5 | xargs -I{} echo record-{}', () => {
    expect(new Terminal().run('seq 5 | xargs -I{} echo record-{}').stdout).toBe(
      'record-1\nrecord-2\nrecord-3\nrecord-4\nrecord-5\n',
    );
  });

  it('the tools work inside a container too: docker exec kafka1 kafka-topics … | grep', () => {
    const t = new Terminal();
    t.run(`kafka-topics.sh ${B} --create --topic orders --partitions 2 --replication-factor 2`);
    const r = t.run(
      'docker exec kafka1 kafka-topics --bootstrap-server localhost:9092 --describe --topic orders | grep -c Leader',
    );
    expect(r).toEqual({ stdout: '2\n', stderr: '', status: 0 });
  });
});

describe('a consumer streaming into a pipeline', () => {
  function withTopic(): Terminal {
    const t = new Terminal();
    t.run(`kafka-topics.sh ${B} --create --topic orders --partitions 1 --replication-factor 3`);
    return t;
  }
  const send = (t: Terminal, values: string[]) => {
    const producer = t.cluster.createProducer({ acks: 'all' });
    for (const value of values) producer.send({ topic: 'orders', key: null, value });
  };

  it('| grep prints each match as its record arrives, before the consumer ends', () => {
    const t = withTopic();
    const poll = t.start(`${consumer('--topic orders')} | grep paid`);
    t.wait(2_000);
    send(t, ['order-1 paid', 'order-2 open']);
    t.wait(1_000);
    expect(poll()).toEqual({ stdout: 'order-1 paid\n', stderr: '', status: undefined });
    send(t, ['order-3 paid']);
    t.wait(1_000);
    expect(poll().stdout).toBe('order-1 paid\norder-3 paid\n');
    t.interrupt();
    t.wait(1_000);
    expect(poll()).toEqual({
      stdout: 'order-1 paid\norder-3 paid\n',
      stderr: 'Processed a total of 3 messages\n',
      status: 130,
    });
  });

  it('| head -n 3 ends the pipeline: the consumer closes at its next record, as the JVM does', () => {
    const t = withTopic();
    send(t, ['r1', 'r2', 'r3', 'r4']);
    t.wait(1_000);
    const poll = t.start(`${consumer('--topic orders --from-beginning --group g')} | head -n 3`);
    t.wait(2_000);
    // head has its three lines and has exited; r4 went into the pipe before it did.
    expect(poll()).toEqual({ stdout: 'r1\nr2\nr3\n', stderr: '', status: undefined });
    send(t, ['r5']);
    t.wait(2_000);
    expect(poll()).toEqual({
      stdout: 'r1\nr2\nr3\n',
      stderr:
        'Unable to write to standard out, closing consumer.\nProcessed a total of 5 messages\n',
      status: 0,
    });
  });

  it('| head -n 1 with more records than fit in one poll ends at once', () => {
    const t = new Terminal();
    t.run(`kafka-topics.sh ${B} --create --topic big --partitions 1 --replication-factor 1`);
    produceTo(t, 'big', [2000]);
    const start = t.cluster.now;
    const r = t.run(`${consumer('--topic big --from-beginning')} | head -n 1`);
    expect(r).toEqual({
      stdout: 'big-0-0\n',
      stderr: `Unable to write to standard out, closing consumer.\nProcessed a total of ${r.stderr.match(/total of (\d+)/)?.[1]} messages\n`,
      status: 0,
    });
    // No 10 s idle wait: the consumer's next poll wrote into the closed pipe.
    expect(t.cluster.now - start).toBeLessThan(5_000);
  });
});

describe('help and completion know the text tools', () => {
  it('help lists them under Other commands, help grep shows its options', () => {
    const t = new Terminal();
    const help = t.run('help').stdout;
    const other = help.slice(help.indexOf('Other commands:'), help.indexOf('Shell builtins:'));
    for (const name of [
      'grep',
      'head',
      'tail',
      'wc',
      'sort',
      'uniq',
      'cut',
      'tr',
      'tee',
      'seq',
      'printf',
      'xargs',
    ])
      expect(other).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(help.slice(0, help.indexOf('Other commands:'))).not.toMatch(/^ {2}grep /m);
    const grepHelp = t.run('help grep').stdout;
    expect(grepHelp).toMatch(/^grep: Print lines that match patterns\.\nOptions: .*--ignore-case/);
  });

  it("the registry carries each tool's long options for tab completion", () => {
    const registry = createDefaultRegistry();
    expect(registry.get('grep')?.optionNames).toContain('invert-match');
    expect(registry.get('sort')?.optionNames).toContain('numeric-sort');
    expect(registry.get('tail')?.optionNames).toContain('follow');
  });
});
