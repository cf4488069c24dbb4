/**
 * The docker-compose.yml and server.properties editors: an invalid file is refused with its line
 * numbers and the running cluster stays; a valid compose file rebuilds the cluster from it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { composeYamlFor, defaultComposeYaml } from '../../src/cli/host/composeFile';
import { kafkaHome } from '../../src/cli/host/kafkaDistribution';
import { rig } from './harness';
import type { Rig } from './harness';

let r: Rig;
afterEach(() => r.close());

/** The line (1-based) of the first occurrence of `text` in `yaml`. */
const lineOf = (yaml: string, text: string) =>
  yaml.split('\n').findIndex((l) => l.includes(text)) + 1;

describe('applyCompose', () => {
  it('a malformed port mapping is refused with its line, and the cluster keeps running', async () => {
    r = await rig();
    const before = await r.remote.state();
    const yaml = defaultComposeYaml.replace('"9093:9093"', '"9093-9093"');
    const result = await r.remote.applyCompose(yaml);
    expect(result).toMatchObject({
      ok: false,
      errors: [
        {
          line: lineOf(yaml, '9093-9093'),
          message: `expected a port mapping like "9092:9092", got '- "9093-9093"'`,
        },
      ],
    });
    expect(await r.remote.state()).toEqual(before);
    expect((await r.remote.snapshot()).brokers.map((b) => b.state)).toEqual([
      'running',
      'running',
      'running',
    ]);
  });

  it('reports what docker compose and Kafka would refuse, each on its line', async () => {
    r = await rig();
    const yaml = defaultComposeYaml
      .replace('"9093:9093"', '"9092:9093"')
      .replace('KAFKA_BROKER_ID: 3', 'KAFKA_BROKER_ID: 1')
      .replace(
        'KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: 0\n    depends_on:\n      - zookeeper\n\n  kafka2',
        'KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: 0\n      KAFKA_NUM_PARTITIONS: three\n    depends_on:\n      - zookeeper\n\n  kafka2',
      );
    const result = await r.remote.applyCompose(yaml);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      {
        line: lineOf(yaml, 'KAFKA_NUM_PARTITIONS'),
        message:
          'KAFKA_NUM_PARTITIONS: Invalid value three for configuration num.partitions: Not a number of type INT',
      },
      {
        line: lineOf(yaml, '"9092:9093"'),
        message: 'Bind for 0.0.0.0:9092 failed: port is already allocated (by kafka1)',
      },
      {
        line: yaml.split('\n').lastIndexOf('      KAFKA_BROKER_ID: 1') + 1,
        message: 'broker id 1 is already used by service kafka1',
      },
    ]);
  });

  it('a valid two-broker file rebuilds the cluster with those brokers and ports', async () => {
    r = await rig();
    const result = await r.remote.applyCompose(composeYamlFor(2));
    expect(result).toEqual({ ok: true, warnings: [], restartNeeded: [] });
    expect((await r.remote.state()).generation).toBe(2);
    await r.step(5_000);
    const snapshot = r.lastSnapshot();
    expect(snapshot.brokers.map((b) => [b.id, b.port, b.state])).toEqual([
      [1, 9092, 'running'],
      [2, 9093, 'running'],
    ]);
    expect(snapshot.controllerId).toBeGreaterThan(0);
    expect(await r.remote.readFile('/root/docker-compose.yml')).toBe(composeYamlFor(2));
    // A later reset keeps the applied file.
    await r.remote.reset({ seed: 3 });
    expect((await r.remote.snapshot()).brokers).toHaveLength(2);
  });

  it('compose settings reach the brokers', async () => {
    r = await rig();
    const yaml = composeYamlFor(2).replace(
      /KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: 0/g,
      'KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: 0\n      KAFKA_MIN_INSYNC_REPLICAS: 2',
    );
    expect((await r.remote.applyCompose(yaml)).ok).toBe(true);
    expect(r.backend.machine.cluster.brokerConfig(2).get('min.insync.replicas')).toBe('2');
  });
});

describe('applyServerProperties', () => {
  it('a bad value is refused with its line in Kafka words, and the file is left as it was', async () => {
    r = await rig();
    const path = `${kafkaHome}/config/server.properties`;
    const original = await r.remote.readFile(path);
    const text =
      'broker.id=1\n# comment\nnum.partitions=three\nunclean.leader.election.enable=yes\n';
    expect(await r.remote.applyServerProperties(text)).toEqual({
      ok: false,
      errors: [
        {
          line: 3,
          message: 'Invalid value three for configuration num.partitions: Not a number of type INT',
        },
        {
          line: 4,
          message:
            'Invalid value yes for configuration unclean.leader.election.enable: Expected value to be either true or false',
        },
      ],
      warnings: [],
    });
    expect(await r.remote.readFile(path)).toBe(original);
  });

  it('a valid file is saved where kafka-server-start.sh reads it; a near-miss name warns', async () => {
    r = await rig();
    const text = 'broker.id=1\nmin.insync.replica=2\nnum.partitions=3\n';
    const result = await r.remote.applyServerProperties(text);
    expect(result).toEqual({
      ok: true,
      warnings: [
        {
          line: 2,
          message:
            "'min.insync.replica' is not a broker configuration Kafka knows (did you mean 'min.insync.replicas'?); the broker ignores it",
        },
      ],
      restartNeeded: [],
    });
    expect(await r.remote.readFile(`${kafkaHome}/config/server.properties`)).toBe(text);
  });
});
