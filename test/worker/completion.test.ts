/** Tab completion: commands, paths, options from the registry, topics, groups, servers, containers. */
import { afterEach, describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '../../src/cli/defaultRegistry';
import { rig } from './harness';
import type { Rig } from './harness';

const topicsTool = createDefaultRegistry().get('kafka-topics');

let r: Rig;
afterEach(() => r.close());

async function completions(line: string, cursor?: number) {
  const t = await r.remote.openTerminal();
  return r.remote.complete(t, line, cursor);
}

describe('tab completion', () => {
  it('completes command names, builtins included', async () => {
    r = await rig();
    expect(await completions('sle')).toEqual({ from: 0, to: 3, candidates: ['sleep'] });
    expect((await completions('ec')).candidates).toEqual(['echo']);
    expect((await completions('hist')).candidates).toEqual(['history']);
  });

  it('completes a command inside a loop or conditional, after do, then or else', async () => {
    r = await rig();
    expect((await completions('for i in 1 2; do sle')).candidates).toEqual(['sleep']);
    expect((await completions('if true; then kafka-topics.sh --bootstrap-ser')).candidates).toEqual(
      ['--bootstrap-server'],
    );
  });

  it('completes Kafka scripts by path, as bash does in $KAFKA_HOME', async () => {
    r = await rig();
    expect(await completions('./bin/kafka-top')).toEqual({
      from: 0,
      to: 15,
      candidates: ['./bin/kafka-topics.sh'],
    });
    expect((await completions('$KAFKA_HOME/bin/kafka-server-st')).candidates).toEqual([
      '$KAFKA_HOME/bin/kafka-server-start.sh',
      '$KAFKA_HOME/bin/kafka-server-stop.sh',
    ]);
  });

  it('completes file arguments, directories with a slash', async () => {
    r = await rig();
    expect(await completions('cat config/server.pr')).toEqual({
      from: 4,
      to: 20,
      candidates: ['config/server.properties'],
    });
    expect((await completions('ls con')).candidates).toEqual(['config/']);
  });

  it('completes topic names after --topic from the cluster', async () => {
    r = await rig();
    const admin = r.backend.machine.cluster.admin;
    for (const name of ['orders', 'orders-dlq', 'payments'])
      admin.createTopic({ name, numPartitions: 1, replicationFactor: 1, configs: {} });
    await r.step(1_000);
    const line = 'kafka-console-consumer.sh --topic ord --bootstrap-server x';
    const cursor = line.indexOf(' --bootstrap');
    expect(await completions(line, cursor)).toEqual({
      from: cursor - 3,
      to: cursor,
      candidates: ['orders', 'orders-dlq'],
    });
    expect((await completions('kafka-topics.sh --describe --topic ')).candidates).toEqual([
      'orders',
      'orders-dlq',
      'payments',
    ]);
  });

  it('completes bootstrap servers and docker container names', async () => {
    r = await rig();
    expect((await completions('kafka-topics.sh --bootstrap-server ')).candidates).toEqual([
      'localhost:9092',
      'localhost:9093',
      'localhost:9094',
    ]);
    expect((await completions('docker stop kaf')).candidates).toEqual([
      'kafka1',
      'kafka2',
      'kafka3',
    ]);
  });

  it.runIf(topicsTool !== undefined)('completes kafka-topics.sh and its options', async () => {
    r = await rig();
    expect((await completions('kafka-top')).candidates).toContain('kafka-topics.sh');
    const options = (await completions('kafka-topics.sh --cre')).candidates;
    expect(options).toContain('--create');
    expect(
      (await completions('docker exec -it kafka1 kafka-topics --partit')).candidates,
    ).toContain('--partitions');
  });
});
