import { describe, expect, it } from 'vitest';
import { argv, envOf, simpleCommands } from './testEnv';

// Expected values were checked against GNU bash 5.2 (`printf '<%s>' …`).
describe('quoting (bash manual §3.1.2)', () => {
  it('blanks separate words; runs of blanks count once', () => {
    expect(argv('echo  a   b\tc')).toEqual(['echo', 'a', 'b', 'c']);
  });

  it('single quotes keep everything literal, including $ and backslash', () => {
    expect(argv(`echo '$HOME \\n "x"'`, envOf({ HOME: '/root' }))).toEqual([
      'echo',
      '$HOME \\n "x"',
    ]);
  });

  it('double quotes keep blanks and expand $, with \\" \\\\ \\$ \\` as the only escapes', () => {
    expect(argv('echo "a  $X" "\\a\\$\\"\\\\\\`x"', envOf({ X: '1' }))).toEqual([
      'echo',
      'a  1',
      '\\a$"\\`x',
    ]);
  });

  it('a backslash quotes the next character outside quotes', () => {
    expect(argv('echo x\\ y \\$HOME \\"q\\" \\\\')).toEqual(['echo', 'x y', '$HOME', '"q"', '\\']);
  });

  it('adjacent quoted and unquoted pieces form one word', () => {
    expect(argv(`echo 'a'"b"c'd e'`)).toEqual(['echo', 'abcd e']);
  });

  it('empty quotes are an empty argument', () => {
    expect(argv(`printf '%s|' "" '' a""`)).toEqual(['printf', '%s|', '', '', 'a']);
  });

  it("$'…' decodes ANSI-C escapes, so key.separator=$'\\t' passes a tab", () => {
    expect(argv("echo --property key.separator=$'\\t' $'\\x41\\u00e9\\'q'")).toEqual([
      'echo',
      '--property',
      'key.separator=\t',
      "Aé'q",
    ]);
  });

  it('$"…" is a double-quoted string', () => {
    expect(argv('echo $"a  $X"', envOf({ X: 'b' }))).toEqual(['echo', 'a  b']);
  });

  it('backslash-newline joins lines outside quotes and inside double quotes, not inside single quotes', () => {
    expect(argv(`echo a\\\nb "c\\\nd" 'e\\\nf'`)).toEqual(['echo', 'ab', 'cd', 'e\\\nf']);
  });

  it('a command continued over several lines with trailing backslashes is one command', () => {
    const text =
      '$KAFKA_HOME/bin/kafka-topics.sh --create \\\n  --topic orders \\\n  --partitions 3';
    expect(argv(text, envOf({ KAFKA_HOME: '/opt/kafka' }))).toEqual([
      '/opt/kafka/bin/kafka-topics.sh',
      '--create',
      '--topic',
      'orders',
      '--partitions',
      '3',
    ]);
  });

  it('a quoted string may span lines', () => {
    expect(argv('echo "line 1\nline 2"')).toEqual(['echo', 'line 1\nline 2']);
  });

  it('# starts a comment only at the start of a word', () => {
    expect(argv('echo a#b \\#c "#d" # the rest is ignored')).toEqual(['echo', 'a#b', '#c', '#d']);
  });

  it('Korean text in words, quotes and comments passes through untouched', () => {
    expect(argv('echo 토픽 "토픽 이름" \'메시지\' # 주석 (comment)')).toEqual([
      'echo',
      '토픽',
      '토픽 이름',
      '메시지',
    ]);
  });

  it("the notes' placeholders {broker url} and {topic 이름} are literal brace words", () => {
    expect(
      argv('kafka-topics --bootstrap-server {broker url} --describe --topic {topic 이름}'),
    ).toEqual([
      'kafka-topics',
      '--bootstrap-server',
      '{broker',
      'url}',
      '--describe',
      '--topic',
      '{topic',
      '이름}',
    ]);
  });

  it('unquoted glob characters stay literal (no pathname expansion)', () => {
    expect(
      argv('echo $KAFKA_HOME/bin/zookeeper-**server**-start.sh *.log', envOf({ KAFKA_HOME: '/k' })),
    ).toEqual(['echo', '/k/bin/zookeeper-**server**-start.sh', '*.log']);
  });

  it('keeps each word as typed in raw', () => {
    const [command] = simpleCommands(`echo "a b"'c' x\\ y`);
    expect(command?.words.map((w) => w.raw)).toEqual(['echo', `"a b"'c'`, 'x\\ y']);
  });
});
