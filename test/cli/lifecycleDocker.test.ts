/**
 * Note 004's docker-compose cluster driven with `docker compose` and `docker`: containers come and
 * go in the engine (a stopped broker container fails its partitions over), `docker ps` tables, and
 * the Confluent image's tools run inside a container with `docker exec`.
 */
import { describe, expect, it } from 'vitest';
import { ClusterHost } from '../../src/cli/host/clusterHost';
import { ComposeProgress } from '../../src/cli/tools/kafka/lifecycle/docker/composeProgress';
import { containerHostView } from '../../src/cli/tools/kafka/lifecycle/docker/containerNetwork';
import { humanDuration } from '../../src/cli/tools/kafka/lifecycle/docker/humanDuration';
import { Prng } from '../../src/sim/random/prng';
import { Terminal } from './harness';

const up = [
  ' Network root_default  Creating',
  ' Network root_default  Created',
  ' Container zookeeper  Creating',
  ' Container zookeeper  Created',
  ' Container kafka1  Creating',
  ' Container kafka2  Creating',
  ' Container kafka3  Creating',
  ' Container kafka1  Created',
  ' Container kafka2  Created',
  ' Container kafka3  Created',
  ' Container zookeeper  Starting',
  ' Container zookeeper  Started',
  ' Container kafka1  Starting',
  ' Container kafka2  Starting',
  ' Container kafka3  Starting',
  ' Container kafka1  Started',
  ' Container kafka2  Started',
  ' Container kafka3  Started',
];

/** An empty machine where `docker compose up -d` ran in /root, the notes' compose file. */
function composeCluster(): Terminal {
  const t = new Terminal({ brokers: 0 });
  t.run('cd ~');
  t.run('docker compose up -d');
  t.wait(5_000);
  return t;
}

describe('docker compose with the notes’ docker-compose.yml', () => {
  it('up -d prints Compose’s plain progress on stderr and starts ZooKeeper and brokers 1–3', () => {
    const t = new Terminal({ brokers: 0 });
    expect(t.run('docker compose up -d')).toEqual({
      stdout: '',
      stderr: 'no configuration file provided: not found\n',
      status: 1,
    });
    t.run('cd ~');
    const r = t.run('docker compose up -d');
    expect(r).toEqual({ stdout: '', stderr: up.map((l) => `${l}\n`).join(''), status: 0 });
    t.wait(5_000);
    const snapshot = t.cluster.snapshot();
    expect(snapshot.brokers.map((b) => [b.id, b.port, b.state])).toEqual([
      [1, 9092, 'running'],
      [2, 9093, 'running'],
      [3, 9094, 'running'],
    ]);
    expect(snapshot.controllerId).toBeGreaterThan(0);
    expect(t.run('docker compose up -d').stderr).toBe(
      ' Container zookeeper  Running\n Container kafka1  Running\n Container kafka2  Running\n Container kafka3  Running\n',
    );
  });

  it('-f FILE and docker-compose (v1 name) read the same file from anywhere', () => {
    const t = new Terminal({ brokers: 0 });
    const r = t.run('docker-compose -f /root/docker-compose.yml up -d');
    expect(r.status).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe(' Network root_default  Creating');
    expect(t.run('docker compose -f nope.yml ps')).toMatchObject({
      stderr: 'open /opt/kafka/nope.yml: no such file or directory\n',
      status: 1,
    });
  });

  it('ps shows the table Compose prints, with ages from virtual time', () => {
    const t = composeCluster();
    t.wait(5 * 60_000);
    expect(t.run('docker compose ps').stdout).toBe(
      [
        'NAME        IMAGE                             COMMAND                  SERVICE     CREATED         STATUS         PORTS',
        'kafka1      confluentinc/cp-kafka:7.7.1       "/etc/confluent/dock…"   kafka1      5 minutes ago   Up 5 minutes   0.0.0.0:9092->9092/tcp, [::]:9092->9092/tcp',
        'kafka2      confluentinc/cp-kafka:7.7.1       "/etc/confluent/dock…"   kafka2      5 minutes ago   Up 5 minutes   9092/tcp, 0.0.0.0:9093->9093/tcp, [::]:9093->9093/tcp',
        'kafka3      confluentinc/cp-kafka:7.7.1       "/etc/confluent/dock…"   kafka3      5 minutes ago   Up 5 minutes   9092/tcp, 0.0.0.0:9094->9094/tcp, [::]:9094->9094/tcp',
        'zookeeper   confluentinc/cp-zookeeper:7.7.1   "/etc/confluent/dock…"   zookeeper   5 minutes ago   Up 5 minutes   2888/tcp, 3888/tcp, 0.0.0.0:22181->2181/tcp, [::]:22181->2181/tcp',
        '',
      ].join('\n'),
    );
  });

  it('down stops the brokers before ZooKeeper and removes containers and network', () => {
    const t = composeCluster();
    const r = t.run('docker compose down');
    expect(r.status).toBe(0);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      ' Container kafka1  Stopping',
      ' Container kafka2  Stopping',
      ' Container kafka3  Stopping',
      ' Container kafka1  Stopped',
      ' Container kafka1  Removing',
      ' Container kafka1  Removed',
      ' Container kafka2  Stopped',
      ' Container kafka2  Removing',
      ' Container kafka2  Removed',
      ' Container kafka3  Stopped',
      ' Container kafka3  Removing',
      ' Container kafka3  Removed',
      ' Container zookeeper  Stopping',
      ' Container zookeeper  Stopped',
      ' Container zookeeper  Removing',
      ' Container zookeeper  Removed',
      ' Network root_default  Removing',
      ' Network root_default  Removed',
    ]);
    expect(t.cluster.runningBrokers()).toEqual([]);
    expect(t.run('docker ps -a').stdout).toBe(
      'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n',
    );
    // Up again: new containers (new ids), the same brokers.
    expect(t.run('docker compose up -d').stderr).toBe(up.map((l) => `${l}\n`).join(''));
  });

  it('on a terminal Compose shows the final frame of its TTY progress', () => {
    const p = new ComposeProgress(true, new Prng(1));
    p.event('Network root_default', 'Creating');
    p.event('Network root_default', 'Created');
    p.event('Container zookeeper', 'Started');
    p.event('Container kafka1', 'Started');
    const out = p.render().split('\n');
    expect(out[0]).toBe('[+] Running 3/3');
    // ` ✔ ID Text`, padded to the longest ID, then the status; the timer ends at column 79.
    expect(out.slice(1, 4).map((l) => l.replace(/ +\d\.\ds$/, ''))).toEqual([
      ' ✔ Network root_default  Created',
      ' ✔ Container zookeeper   Started',
      ' ✔ Container kafka1      Started',
    ]);
    expect(out.slice(1, 4).map((l) => [l.length, /\d\.\ds$/.test(l)])).toEqual([
      [79, true],
      [79, true],
      [79, true],
    ]);
  });
});

describe('docker ps, stop, start: a broker container going away fails its partitions over', () => {
  it('docker stop kafka2 moves leadership off broker 2 and shrinks the ISRs; docker start brings it back', () => {
    const t = composeCluster();
    const create = t.run(
      'docker exec kafka1 kafka-topics --bootstrap-server localhost:9092 --create --topic orders --partitions 3 --replication-factor 3',
    );
    expect(create.stdout).toBe('Created topic orders.\n');
    t.wait(5_000);
    const partitions = () =>
      t.cluster.snapshot().topics.find((x) => x.name === 'orders')!.partitions;
    expect(partitions().map((p) => p.isr.length)).toEqual([3, 3, 3]);
    expect(partitions().some((p) => p.leader === 2)).toBe(true);

    expect(t.run('docker stop kafka2')).toEqual({ stdout: 'kafka2\n', stderr: '', status: 0 });
    expect(t.cluster.brokers.get(2)!.state).toBe('stopped');
    for (const p of partitions()) {
      expect(p.leader).not.toBe(2);
      expect(p.isr).not.toContain(2);
      expect(p.isr).toHaveLength(2);
    }
    const ps = t.run('docker ps -a').stdout.split('\n');
    expect(ps.find((l) => l.endsWith('kafka2'))).toMatch(
      /Exited \(143\) Less than a second ago +kafka2$/,
    );
    expect(t.run('docker ps').stdout).not.toContain('kafka2');

    expect(t.run('docker start kafka2')).toEqual({ stdout: 'kafka2\n', stderr: '', status: 0 });
    t.wait(30_000);
    expect(t.cluster.brokers.get(2)!.state).toBe('running');
    expect(partitions().map((p) => [...p.isr].sort())).toEqual([
      [1, 2, 3],
      [1, 2, 3],
      [1, 2, 3],
    ]);
  });

  it('docker kill crashes the broker (exit 137); unknown names are the daemon’s errors', () => {
    const t = composeCluster();
    expect(t.run('docker kill kafka3 nosuch')).toEqual({
      stdout: 'kafka3\n',
      stderr: 'Error response from daemon: No such container: nosuch\n',
      status: 1,
    });
    expect(t.cluster.brokers.get(3)!.state).toBe('stopped');
    expect(t.run('docker ps -a').stdout).toMatch(/Exited \(137\) Less than a second ago +kafka3\n/);
    expect(t.run('docker restart kafka3')).toMatchObject({ stdout: 'kafka3\n', status: 0 });
  });

  it('docker ps lists running containers newest first with 12-digit ids that stay the same', () => {
    const t = composeCluster();
    const ps = t.run('docker ps').stdout.split('\n');
    expect(ps[0]).toBe(
      'CONTAINER ID   IMAGE                             COMMAND                  CREATED         STATUS         PORTS                                                               NAMES',
    );
    expect(ps.slice(1, -1).map((l) => l.split(/ {3,}/).at(-1))).toEqual([
      'kafka3',
      'kafka2',
      'kafka1',
      'zookeeper',
    ]);
    expect(ps[1]!.slice(12, 49)).toBe(`   ${'confluentinc/cp-kafka:7.7.1'.padEnd(34)}`);
    expect(ps[1]!.slice(0, 12)).toMatch(/^[0-9a-f]{12}$/);
    expect(t.run('docker ps').stdout).toBe(ps.join('\n'));
    expect(composeCluster().run('docker ps -q').stdout).toBe(t.run('docker ps -q').stdout);
  });
});

describe('docker ps --format: docker/cli formatter.ContainerContext', () => {
  it('runs {{.Field}} templates per container, newest first', () => {
    const t = composeCluster();
    expect(t.run('docker ps --format "{{.Names}}"').stdout).toBe(
      'kafka3\nkafka2\nkafka1\nzookeeper\n',
    );
    t.run('docker stop kafka2');
    expect(t.run("docker ps -a --format '{{.Names}}: {{.State}} {{json .Image}}'").stdout).toBe(
      [
        'kafka3: running "confluentinc/cp-kafka:7.7.1"',
        'kafka2: exited "confluentinc/cp-kafka:7.7.1"',
        'kafka1: running "confluentinc/cp-kafka:7.7.1"',
        'zookeeper: running "confluentinc/cp-zookeeper:7.7.1"',
        '',
      ].join('\n'),
    );
    expect(t.run('docker ps --format "{{.ID}}"').stdout).toBe(t.run('docker ps -q').stdout);
  });

  it('`table` prints a header row and aligns the \\t-separated columns; a bare `table` is the default', () => {
    const t = composeCluster();
    const out = t.run('docker ps --format "table {{.Names}}\\t{{.Status}}"').stdout;
    expect(out.split('\n')[0]).toBe('NAMES       STATUS');
    expect(out.split('\n')[1]).toMatch(/^kafka3 {6}Up \d+ seconds$/);
    expect(t.run('docker ps --format=table').stdout).toBe(t.run('docker ps').stdout);
  });

  it("an unknown field is Go's template error, exit status 1", () => {
    const t = composeCluster();
    const r = t.run('docker ps --format "{{.Names}} {{.Foo}}"');
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'template: :1:13: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext\n',
    );
    expect(r.status).toBe(1);
  });
});

describe('docker exec: the tools inside the Confluent image', () => {
  it('docker exec -it kafka1 kafka-topics --bootstrap-server localhost:9092 --list (note 004)', () => {
    const t = composeCluster();
    t.run(
      'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic reserve --replication-factor 3',
    );
    const r = t.run('docker exec -it kafka1 kafka-topics --bootstrap-server localhost:9092 --list');
    expect(r).toEqual({ stdout: 'reserve\n', stderr: '', status: 0 });
    expect(
      t.run('docker compose exec kafka1 kafka-topics --bootstrap-server kafka2:29093 --list')
        .stdout,
    ).toBe('reserve\n');
  });

  it('inside a container localhost is the container: kafka1 listens on 9092 and 29092 only', () => {
    const host = new ClusterHost();
    const kafka1 = containerHostView(host, host.containers.get('kafka1')!);
    const kafka2 = containerHostView(host, host.containers.get('kafka2')!);
    expect(kafka1.resolveBootstrap('localhost:9092')).toEqual([1]);
    expect(kafka1.resolveBootstrap('localhost:29092')).toEqual([1]);
    expect(kafka1.resolveBootstrap('localhost:9093')).toEqual([]);
    expect(kafka2.resolveBootstrap('localhost:9093')).toEqual([2]);
    expect(kafka2.resolveBootstrap('localhost:9092')).toEqual([]);
    expect(kafka2.resolveBootstrap('kafka1:29092,host.docker.internal:9094')).toEqual([1, 3]);
    // The view's cluster resolves the same way (clients made inside keep the container's view).
    expect(kafka2.cluster.resolveBootstrap('localhost:9093')).toEqual([2]);
    expect(kafka2.cluster.brokers).toBe(host.cluster.brokers);
    // The host itself is unchanged.
    expect(host.resolveBootstrap('localhost:9092')).toEqual([1]);
  });

  it('the image has kafka-topics, not kafka-topics.sh; stopped and unknown containers are refused', () => {
    const t = composeCluster();
    expect(t.run('docker exec -it kafka1 kafka-topics.sh --list')).toEqual({
      stdout: '',
      stderr:
        'OCI runtime exec failed: exec failed: unable to start container process: exec: "kafka-topics.sh": executable file not found in $PATH: unknown\n',
      status: 127,
    });
    expect(t.run('docker exec kafka9 ls')).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: No such container: kafka9\n',
      status: 1,
    });
    t.run('docker stop kafka2');
    expect(t.run('docker exec kafka2 kafka-topics --list').stderr).toMatch(
      /^Error response from daemon: container [0-9a-f]{64} is not running\n$/,
    );
    expect(t.run('docker exec kafka1').stderr).toContain(
      '"docker exec" requires at least 2 arguments.',
    );
    expect(t.run('docker compose exec kafka2 kafka-topics --list')).toMatchObject({
      stderr: 'service "kafka2" is not running\n',
      status: 1,
    });
  });

  it('docker exec -it kafka1 bash: a shell in the container runs the typed commands until exit', () => {
    const t = composeCluster();
    t.run('kafka-topics.sh --bootstrap-server localhost:9092 --create --topic reserve');
    const id = t.run('docker ps --filter name=kafka1 -q').stdout.trim();
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    const r = t.run(
      'docker exec -it kafka1 bash',
      'kafka-topics --bootstrap-server localhost:9092 --list\nhostname && pwd\nexit 3\n',
    );
    expect(r.stdout).toBe(
      `[appuser@${id} ~]$ reserve\n[appuser@${id} ~]$ ${id}\n/home/appuser\n[appuser@${id} ~]$ exit\n`,
    );
    expect(r.status).toBe(3);
    expect(t.run("docker exec kafka1 bash -c 'echo $HOME; nosuch'")).toEqual({
      stdout: '/home/appuser\n',
      stderr: 'bash: nosuch: command not found\n',
      status: 127,
    });
  });
});

describe('docker output helpers', () => {
  it('humanDuration follows go-units', () => {
    expect(
      [0, 1_000, 59_000, 60_000, 150_000, 3_600_000, 7_200_000, 3 * 86_400_000].map(humanDuration),
    ).toEqual([
      'Less than a second',
      '1 second',
      '59 seconds',
      'About a minute',
      '2 minutes',
      'About an hour',
      '2 hours',
      '3 days',
    ]);
  });
});
