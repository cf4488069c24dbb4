import { describe, expect, it } from 'vitest';
import { ClusterHost } from './clusterHost';
import {
  composeYamlFor,
  confluentEnvToProperties,
  parseCompose,
  defaultComposeYaml,
} from './composeFile';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseProperties } from './kafkaDistribution';

describe('the notes’ docker-compose cluster (default preset)', () => {
  it('runs zookeeper and kafka1–3 as brokers 1–3, reachable on localhost:9092–9094 and their internal listeners', () => {
    const host = new ClusterHost();
    expect([...host.containers.keys()].sort()).toEqual(['kafka1', 'kafka2', 'kafka3', 'zookeeper']);
    const snapshot = host.cluster.snapshot();
    expect(snapshot.mode).toBe('zookeeper');
    expect(snapshot.brokers.map((b) => [b.id, b.port, b.state])).toEqual([
      [1, 9092, 'running'],
      [2, 9093, 'running'],
      [3, 9094, 'running'],
    ]);
    expect(snapshot.controllerId).toBeGreaterThan(0);
    expect(host.resolveBootstrap('localhost:9092')).toEqual([1]);
    expect(host.resolveBootstrap('host.docker.internal:9094,kafka2:29093')).toEqual([3, 2]);
    expect(host.resolveBootstrap('localhost:9999')).toEqual([]);
    expect(host.cluster.brokerConfig(1).get('offsets.topic.replication.factor')).toBe('3');
    expect(host.cluster.brokerConfig(1).get('group.initial.rebalance.delay.ms')).toBe('0');
  });

  it('docker stop / start of a broker container stops and restarts that broker', () => {
    const host = new ClusterHost();
    host.stopContainer('kafka2');
    host.cluster.advance(5_000);
    expect(host.cluster.brokers.get(2)!.state).toBe('stopped');
    host.startContainer('kafka2');
    host.cluster.advance(5_000);
    expect(host.cluster.brokers.get(2)!.state).toBe('running');
  });
});

describe('an empty machine (--brokers 0): the quickstart', () => {
  it('starts ZooKeeper and a broker from config/server.properties on port 9092 as broker 0', () => {
    const host = new ClusterHost({ preset: 'empty' });
    expect(host.cluster.snapshot().brokers).toEqual([]);
    expect(
      host.startZooKeeper(parseProperties(host.fs.read('/opt/kafka/config/zookeeper.properties')!)),
    ).toEqual({ ok: true });
    const started = host.startKafka(
      parseProperties(host.fs.read('/opt/kafka/config/server.properties')!),
    );
    expect(started).toEqual({ ok: true, brokerId: 0 });
    host.cluster.advance(5_000);
    expect(host.cluster.snapshot().brokers).toMatchObject([
      { id: 0, port: 9092, state: 'running', isController: true },
    ]);
    expect(host.resolveBootstrap('localhost:9092')).toEqual([0]);
    expect(
      host.startKafka(parseProperties(host.fs.read('/opt/kafka/config/server.properties')!)),
    ).toMatchObject({ ok: false });
  });
});

describe('compose and properties parsing', () => {
  it('reads the notes’ compose file and maps KAFKA_* variables to broker properties', () => {
    const services = parseCompose(defaultComposeYaml);
    expect(services.map((s) => [s.containerName, s.kind, s.ports[0]?.host])).toEqual([
      ['kafka1', 'kafka', 9092],
      ['kafka2', 'kafka', 9093],
      ['kafka3', 'kafka', 9094],
      ['zookeeper', 'zookeeper', 22181],
    ]);
    expect(confluentEnvToProperties(services[0]!.environment)).toMatchObject({
      'broker.id': '1',
      'zookeeper.connect': 'zookeeper:2181',
      'offsets.topic.replication.factor': '3',
      'inter.broker.listener.name': 'INTERNAL',
    });
    expect(() => parseCompose('services:\n  kafka1:\n    ports:\n      - nine\n')).toThrow(
      /line 4/,
    );
  });

  it('parses Java properties files', () => {
    expect(parseProperties('# c\n! c\na=1\nb : 2\nc 3\nd=x\\\n  y\n')).toEqual({
      a: '1',
      b: '2',
      c: '3',
      d: 'xy',
    });
  });
});

describe('the compose file the workbench starts with', () => {
  it('is, byte for byte, the compose file in note 004', () => {
    const note = resolve(__dirname, '../../../../shared/seeds/004_7f5ce2cc13a9888c.txt');
    if (!existsSync(note)) return;
    const text = readFileSync(note, 'utf8');
    const start = text.indexOf('services:\n');
    const block = text.slice(start, text.indexOf('```', start));
    expect(defaultComposeYaml).toBe(block);
  });

  it('grows to N brokers on consecutive ports', () => {
    const services = parseCompose(composeYamlFor(5));
    expect(services.filter((s) => s.kind === 'kafka').map((s) => s.ports[0]!.host)).toEqual([
      9092, 9093, 9094, 9095, 9096,
    ]);
  });
});
