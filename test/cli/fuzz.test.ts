/**
 * Fuzzing the shell (fast-check): random and mutated command lines never throw out of the shell,
 * every rejection prints a message and exits non-zero, and a rejected command leaves the cluster
 * as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '../../src/cli/defaultRegistry';
import { createHeadlessSession, runCommandLine } from '../../src/cli/headless/runHeadless';
import { parseScript } from '../../src/cli/shell/parse/index';
import { Terminal } from './harness';

const registry = createDefaultRegistry();
const kafkaToolNames = registry
  .all()
  .map((t) => t.name)
  .filter((n) => n.startsWith('kafka-') || n.startsWith('zookeeper-'));
const optionNames = [...new Set(registry.all().flatMap((t) => t.optionNames ?? []))];

/** Valid-looking command lines to mutate, in the notes' spellings. */
const seeds = [
  './bin/kafka-topics.sh --create --topic quickstart-events --bootstrap-server localhost:9092 -partitions 1',
  'kafka-topics --bootstrap-server localhost:9092 --describe --topic orders',
  '$KAFKA_HOME/bin/kafka-topics.sh --create --bootstrap-server localhost:9092 --replication-factor 1 --partitions 3 --topic orders',
  'kafka-topics.sh --alter --topic orders --partitions 6 --bootstrap-server localhost:9092',
  'kafka-topics.sh --delete --topic orders --bootstrap-server localhost:9092',
  'kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic orders --from-beginning --max-messages 1',
  'echo "k:v" | kafka-console-producer.sh --bootstrap-server localhost:9092 --topic orders --property parse.key=true --property key.separator=:',
  'kafka-consumer-groups.sh --bootstrap-server localhost:9092 --group g --topic orders --reset-offsets --to-earliest --execute',
  'kafka-configs.sh --bootstrap-server localhost:9092 --entity-type topics --entity-name orders --alter --add-config retention.ms=1000',
  'kafka-leader-election.sh --bootstrap-server localhost:9092 --election-type preferred --all-topic-partitions',
  'docker stop kafka2',
  'docker start kafka2',
];

const token = fc.oneof(
  fc.constantFrom(...optionNames.map((o) => `--${o}`)),
  fc.constantFrom(
    'localhost:9092',
    'localhost:9999',
    'orders',
    'g',
    '0',
    '-1',
    '3',
    'abc',
    '=',
    '--',
    '-',
    "'x y'",
    '"a:b"',
    '토픽',
    '\\',
    '{broker',
    'url}',
  ),
  fc.string({ maxLength: 6 }).map((s) => s.replace(/[\n`$();&|<>]/g, '')),
);

const randomLine = fc
  .tuple(
    fc.constantFrom(...kafkaToolNames),
    fc.constantFrom('', '.sh', './bin/', 'bin/', '$KAFKA_HOME/bin/'),
    fc.array(token, { maxLength: 8 }),
  )
  .map(([tool, spelling, args]) => {
    const name = spelling.endsWith('/') ? `${spelling}${tool}.sh` : `${tool}${spelling}`;
    return [name, ...args].join(' ');
  });

const mutatedLine = fc
  .tuple(
    fc.constantFrom(...seeds),
    fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('drop', 'dup', 'swap', 'typo')), {
      maxLength: 3,
    }),
  )
  .map(([line, edits]) => {
    const words = line.split(' ');
    for (const [a, b, op] of edits) {
      const i = a % words.length;
      const j = b % words.length;
      if (op === 'drop' && words.length > 1) words.splice(i, 1);
      else if (op === 'dup') words.splice(i, 0, words[i]!);
      else if (op === 'swap') [words[i], words[j]] = [words[j]!, words[i]!];
      else if (op === 'typo' && words[i]!.length > 3)
        words[i] = words[i]!.slice(0, -2) + words[i]!.slice(-1);
    }
    return words.join(' ');
  });

/** What must not change when a command is rejected: topics, configs, brokers, containers, groups. */
function fingerprint(t: Terminal): string {
  const s = t.cluster.snapshot();
  return JSON.stringify({
    topics: s.topics.map((x) => [
      x.name,
      x.topicId,
      x.configs,
      x.partitions.map((p) => p.replicas),
    ]),
    brokers: s.brokers.map((b) => [b.id, b.state]),
    containers: [...t.session.host.containers.values()].map((c) => [c.name, c.running]),
    groups: (s.groups as { groupId: string }[]).map((g) => g.groupId).sort(),
  });
}

const runs = Number(process.env.CLI_FUZZ_RUNS ?? 150);

describe('shell fuzzing', () => {
  it(`random and mutated command lines (${runs}) never crash, and rejections change nothing`, () => {
    const terminal = new Terminal({ seed: 5 });
    terminal.run(
      'kafka-topics.sh --create --topic orders --partitions 3 --replication-factor 3 --bootstrap-server localhost:9092',
    );
    fc.assert(
      fc.property(fc.oneof(randomLine, mutatedLine), (line) => {
        const before = fingerprint(terminal);
        let result;
        try {
          result = terminal.run(line);
        } catch (e) {
          throw new Error(`the shell threw on: ${line}\n${String(e)}`);
        }
        expect(Number.isInteger(result.status), line).toBe(true);
        // 128+N: the command ran until interrupted (a consumer waiting for records), not a rejection.
        if (result.status !== 0 && result.status < 128) {
          expect(
            `${result.stdout}${result.stderr}`.trim().length,
            `silent rejection of: ${line}`,
          ).toBeGreaterThan(0);
          // docker acts on each named container and reports the ones it could not (exit 1): a partial
          // success is not a rejection. Kafka's tools validate everything before they act.
          if (!line.startsWith('docker '))
            expect(
              fingerprint(terminal),
              `a rejected command changed the cluster: ${line}\n${result.stdout}${result.stderr}`,
            ).toBe(before);
        }
        // Let background effects (restarts, rebalances) settle before the next command.
        terminal.wait(100);
      }),
      { numRuns: runs, seed: Number(process.env.CLI_FUZZ_SEED ?? 20261122) },
    );
  });
});

/** Shell syntax around small commands: loops, conditionals, arithmetic, braces, in any order. */
const shellScript = fc
  .array(
    fc.constantFrom(
      ...['for i in 1 2;', 'for i in {1..3}', 'do', 'done', 'while', 'until', 'if', 'then', 'elif'],
      ...['else', 'fi', 'case $i in', 'a|1)', '*)', ';;', 'esac', '{', '}', '((', '))', '[[', ']]'],
      ...['$((i+1))', '$((1/0))', '$((', '[', ']', 'test', '-z', '-eq', '==', '=', '!', '(', ')'],
      ...[
        'true',
        'false',
        'echo',
        ':',
        'break',
        'continue',
        '2',
        'sleep 1',
        'read x',
        'x=1',
        'i++',
      ],
      ...['|', '&&', '||', ';', '\n', '&', '$i', '"$x"', 'a*', 'cat', 'wc -l', '<<EOF', 'EOF'],
    ),
    { maxLength: 24 },
  )
  .map((pieces) => pieces.join(' '));

describe('shell syntax fuzzing', () => {
  it('random loops, conditionals and arithmetic never throw out of the shell', () => {
    fc.assert(
      fc.property(shellScript, (script) => {
        const session = createHeadlessSession({}, { stdout: () => {}, stderr: () => {} });
        try {
          for (const list of parseScript(script).commands)
            if (list.items.length > 0) {
              // An endless loop is interrupted after 2 s of virtual time, as Ctrl-C would.
              const status = runCommandLine(session, list, 2000);
              expect(Number.isInteger(status), script).toBe(true);
            }
        } catch (e) {
          throw new Error(`the shell threw on: ${JSON.stringify(script)}\n${String(e)}`);
        }
      }),
      { numRuns: 300, seed: Number(process.env.CLI_FUZZ_SEED ?? 20261122) },
    );
  });
});
