/**
 * kafka-get-offsets.sh (GetOffsetShell). Expected texts follow
 * tools/src/main/java/org/apache/kafka/tools/GetOffsetShell.java (Kafka 3.9): `topic:partition:offset`
 * lines sorted by `TopicPartition.toString()`, `Error occurred: …` for a TerseException.
 */
import { describe, expect, it } from 'vitest';
import { Terminal } from './harness';

const GET = 'kafka-get-offsets.sh --bootstrap-server localhost:9092';

/** `orders` with 12 partitions: 5 records in partition 0, 3 in partition 10, none elsewhere. */
function withRecords(mode: 'zookeeper' | 'kraft'): Terminal {
  const t = new Terminal({ mode });
  const c = t.cluster;
  c.settle(
    c.admin.createTopic({ name: 'orders', numPartitions: 12, replicationFactor: 2, configs: {} }),
  );
  t.wait(2000);
  const producer = c.createProducer({ acks: 'all', 'linger.ms': '0' });
  for (let i = 0; i < 5; i++)
    producer.send({
      topic: 'orders',
      key: null,
      value: `a${i}`,
      partition: 0,
      timestamp: 1000 + i,
    });
  for (let i = 0; i < 3; i++)
    producer.send({
      topic: 'orders',
      key: null,
      value: `b${i}`,
      partition: 10,
      timestamp: 2000 + i,
    });
  producer.flush();
  t.wait(3000);
  return t;
}

describe.each(['zookeeper', 'kraft'] as const)('kafka-get-offsets (%s mode)', (mode) => {
  it('prints the latest offsets, sorted as strings (orders-10 before orders-2)', () => {
    const t = withRecords(mode);
    const r = t.run(`${GET} --topic orders --partitions 0,10,2`);
    expect(r).toEqual({ stdout: 'orders:0:5\norders:10:3\norders:2:0\n', stderr: '', status: 0 });
  });

  it('--time -2 / earliest, a timestamp, and --topic-partitions ranges', () => {
    const t = withRecords(mode);
    expect(t.run(`${GET} --topic-partitions orders:0-1 --time -2`).stdout).toBe('orders:0:0\n');
    expect(t.run(`${GET} --topic-partitions orders:10 --time earliest`).stdout).toBe(
      'orders:10:0\n',
    );
    // The first offset whose timestamp is at or after 1003; none after the last record.
    expect(t.run(`${GET} --topic-partitions orders:0 --time 1003`).stdout).toBe('orders:0:3\n');
    expect(t.run(`${GET} --topic-partitions orders:0 --time 99999`).stdout).toBe('');
    // latest-tiered: no tiered storage, so no offset at all.
    expect(t.run(`${GET} --topic orders --time -5`).stdout).toBe('');
  });

  it('reports filters that match nothing and bad arguments tersely', () => {
    const t = withRecords(mode);
    expect(t.run(`${GET} --topic nope`)).toEqual({
      stdout: '',
      stderr: 'Error occurred: Could not match any topic-partitions with the specified filters\n',
      status: 1,
    });
    expect(t.run(`${GET} --topic orders --time soon`).stderr).toBe(
      'Error occurred: Malformed time argument soon. Please use -1 or latest / -2 or earliest / -3 or max-timestamp / -4 or earliest-local / -5 or latest-tiered, or a specified long format timestamp\n',
    );
    expect(t.run(`${GET} --topic orders --partitions x`).stderr).toBe(
      'Error occurred: --partitions expects a comma separated list of numeric partition ids, but received: x\n',
    );
    expect(t.run(`${GET} --topic-partitions orders:0 --topic orders`).stderr).toBe(
      'Error occurred: --topic-partitions cannot be used with --topic or --partitions\n',
    );
    expect(t.run(`${GET} --tpoic orders`).stderr).toBe(
      'Error occurred: tpoic is not a recognized option\n',
    );
  });
});

describe('kafka-get-offsets usage', () => {
  it('validates the bootstrap address and prints usage without arguments', () => {
    const t = new Terminal();
    const bad = t.run('kafka-get-offsets.sh --bootstrap-server localhost');
    expect(bad.status).toBe(1);
    expect(bad.stderr.split('\n').slice(0, 3)).toEqual([
      'Please provide valid host:port like host1:9091,host2:9092',
      '',
      'Option                                   Description                           ',
    ]);
    const none = t.run('kafka-get-offsets.sh');
    expect(none.stderr.split('\n')[0]).toBe(
      'An interactive shell for getting topic-partition offsets.',
    );
  });
});
