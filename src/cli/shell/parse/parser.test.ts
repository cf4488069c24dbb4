import { describe, expect, it } from 'vitest';
import { expandWord } from './expand';
import { andOrLists } from './lists';
import { argv, envOf, parseOk, redirections, simpleCommands } from './testEnv';

describe('pipelines (bash manual §3.2.3)', () => {
  it('pipes echo into a console producer with a key separator', () => {
    const [list] = parseOk(
      'echo "a:1" | kafka-console-producer.sh --topic t --property parse.key=true --property key.separator=:',
    );
    const commands = simpleCommands(list?.source ?? '');
    expect(commands.map((c) => c.words.map((w) => expandWord(w, envOf({}))))).toEqual([
      ['echo', 'a:1'],
      [
        'kafka-console-producer.sh',
        '--topic',
        't',
        '--property',
        'parse.key=true',
        '--property',
        'key.separator=:',
      ],
    ]);
  });

  it('chains three commands, and a line may end with | to continue on the next', () => {
    const [list] = parseOk('kafka-topics.sh --list |\n\n  grep orders | wc -l');
    expect(list?.items).toHaveLength(1);
    expect(simpleCommands(list?.source ?? '').map((c) => c.words[0]?.raw)).toEqual([
      'kafka-topics.sh',
      'grep',
      'wc',
    ]);
    expect(list?.line).toBe(1);
    expect(list?.endLine).toBe(3);
  });

  it('! negates a pipeline', () => {
    const [list] = parseOk('! grep -q x file | cat');
    expect(list?.items[0]?.pipeline.negated).toBe(true);
    expect(list?.items[0]?.pipeline.commands).toHaveLength(2);
  });

  it('|& adds 2>&1 to the left command', () => {
    expect(redirections('kafka-server-start.sh config/server.properties |& tail')).toEqual([
      [2, '>&', '1'],
    ]);
  });
});

describe('lists (bash manual §3.2.4)', () => {
  it('records ; && || & after each pipeline, with its line and text', () => {
    const [list] = parseOk('a 1 && b || c; d &');
    expect(list?.items.map((i) => [i.source, i.connector, i.line])).toEqual([
      ['a 1', '&&', 1],
      ['b', '||', 1],
      ['c', ';', 1],
      ['d', '&', 1],
    ]);
  });

  it('the last pipeline has no connector, and a trailing ; is allowed', () => {
    expect(parseOk('a; b')[0]?.items.map((i) => i.connector)).toEqual([';', null]);
    expect(parseOk('a;')[0]?.items.map((i) => i.connector)).toEqual([';']);
  });

  it('& sends the whole and-or list before it to the background', () => {
    const [list] = parseOk('sleep 1 && echo hi || echo no & echo next');
    const groups = andOrLists(list?.items ?? []);
    expect(groups.map((g) => [g.pipelines.length, g.operators, g.background])).toEqual([
      [3, ['&&', '||'], true],
      [1, [], false],
    ]);
  });

  it('a background consumer job', () => {
    const [list] = parseOk(
      'kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic t > out.txt &',
    );
    expect(list?.items[0]?.connector).toBe('&');
    expect(redirections('kafka-console-consumer.sh --topic t > out.txt &')).toEqual([
      [null, '>', 'out.txt'],
    ]);
  });

  it('each line is its own complete command; blank and comment-only lines are none', () => {
    const lists = parseOk('# 토픽 생성\n\necho a\n   # indented comment\necho b # trailing\n');
    expect(lists.map((l) => [l.line, l.source])).toEqual([
      [3, 'echo a'],
      [5, 'echo b # trailing'],
    ]);
  });

  it('&& and || may be followed by newlines and comments', () => {
    const lists = parseOk('echo a &&\n  # why\n  echo b');
    expect(lists).toHaveLength(1);
    expect(lists[0]?.items.map((i) => i.source)).toEqual(['echo a', 'echo b']);
  });
});

describe('redirections (bash manual §3.6)', () => {
  it('parses >, >>, <, 2>, 2>&1, &>, &>> and >|', () => {
    expect(redirections('cmd > a >> b < c 2> d 2>&1 &> e &>> f >| g 1>&2 3<> h')).toEqual([
      [null, '>', 'a'],
      [null, '>>', 'b'],
      [null, '<', 'c'],
      [2, '>', 'd'],
      [2, '>&', '1'],
      [null, '&>', 'e'],
      [null, '&>>', 'f'],
      [null, '>|', 'g'],
      [1, '>&', '2'],
      [3, '<>', 'h'],
    ]);
  });

  it('operators need no blanks around them', () => {
    expect(argv('echo a>out;')).toEqual(['echo', 'a']);
    expect(redirections('echo a>out 2>/dev/null')).toEqual([
      [null, '>', 'out'],
      [2, '>', '/dev/null'],
    ]);
  });

  it('only an unquoted number right before < or > is a descriptor', () => {
    expect(argv('echo c2>x "2">y 2 >z')).toEqual(['echo', 'c2', '2', '2']);
    expect(redirections('echo c2>x "2">y 2 >z').map(([fd]) => fd)).toEqual([null, null, null]);
  });

  it('a here-string word is expanded', () => {
    expect(
      redirections('kafka-console-producer.sh --topic t <<< "k:$V"', envOf({ V: 'v' })),
    ).toEqual([[null, '<<<', 'k:v']]);
  });

  it('redirection targets expand variables', () => {
    expect(
      redirections('cmd > $KAFKA_HOME/logs/out.log', envOf({ KAFKA_HOME: '/opt/kafka' })),
    ).toEqual([[null, '>', '/opt/kafka/logs/out.log']]);
  });
});

describe('assignments (bash manual §3.4)', () => {
  it('a lone assignment has no words', () => {
    const [command] = simpleCommands('TOPIC=orders');
    expect(command?.words).toEqual([]);
    expect(command?.assignments.map((a) => [a.name, expandWord(a.value, envOf({}))])).toEqual([
      ['TOPIC', 'orders'],
    ]);
  });

  it('assignments before a command apply to it; after the name they are arguments', () => {
    const [command] = simpleCommands(
      'KAFKA_HEAP_OPTS=-Xmx1G X="a b" kafka-server-start.sh Y=1 config/server.properties',
    );
    expect(command?.assignments.map((a) => [a.name, expandWord(a.value, envOf({}))])).toEqual([
      ['KAFKA_HEAP_OPTS', '-Xmx1G'],
      ['X', 'a b'],
    ]);
    expect(command?.words.map((w) => w.raw)).toEqual([
      'kafka-server-start.sh',
      'Y=1',
      'config/server.properties',
    ]);
  });

  it('export VAR=value is a command whose argument carries its assignment', () => {
    const [command] = simpleCommands('export KAFKA_HOME=$HOME/kafka_2.13-3.9.0');
    expect(command?.words[0]?.raw).toBe('export');
    const assignment = command?.words[1]?.assignment;
    expect(assignment?.name).toBe('KAFKA_HOME');
    expect(assignment && expandWord(assignment.value, envOf({ HOME: '/root' }))).toBe(
      '/root/kafka_2.13-3.9.0',
    );
  });

  it('NAME+=value appends; a quoted or invalid name is not an assignment', () => {
    expect(simpleCommands('PATH+=:/opt/kafka/bin')[0]?.assignments[0]).toMatchObject({
      name: 'PATH',
      append: true,
    });
    expect(simpleCommands('"A"=1')[0]?.assignments).toEqual([]);
    expect(simpleCommands('1A=1')[0]?.assignments).toEqual([]);
  });

  it('an empty value is allowed', () => {
    const [command] = simpleCommands('A= cmd');
    expect(command?.assignments[0]?.name).toBe('A');
    expect(command?.words.map((w) => w.raw)).toEqual(['cmd']);
  });
});

describe("the notes' command spellings", () => {
  it('parses the docker compose exec form', () => {
    expect(
      argv('docker exec -it kafka1 kafka-topics --bootstrap-server kafka1:29092 --list'),
    ).toEqual([
      'docker',
      'exec',
      '-it',
      'kafka1',
      'kafka-topics',
      '--bootstrap-server',
      'kafka1:29092',
      '--list',
    ]);
  });

  it('keeps Windows paths with backslashes when quoted', () => {
    expect(argv("'bin\\windows\\kafka-topics.bat' --list")).toEqual([
      'bin\\windows\\kafka-topics.bat',
      '--list',
    ]);
  });

  it('unquoted backslashes in a Windows path escape the next letter, as bash does', () => {
    expect(argv('bin\\windows\\kafka-topics.bat --list')).toEqual([
      'binwindowskafka-topics.bat',
      '--list',
    ]);
  });
});

describe('negation edge cases', () => {
  it('! ! negates twice, and a lone ! is an empty command', () => {
    expect(parseOk('! ! false')[0]?.items[0]?.pipeline.negated).toBe(false);
    const lone = parseOk('!')[0]?.items[0]?.pipeline;
    expect(lone?.negated).toBe(true);
    expect(lone?.commands).toEqual([
      { kind: 'simple', assignments: [], words: [], redirections: [], line: 1 },
    ]);
  });
});

describe('descriptor duplication written without blanks', () => {
  it('2>&1>/dev/null is 2>&1 then >/dev/null, as in bash', () => {
    expect(redirections('echo hi 2>&1>/dev/null')).toEqual([
      [2, '>&', '1'],
      [null, '>', '/dev/null'],
    ]);
  });
});
