import { describe, expect, it } from 'vitest';
import {
  checkInvalidArgs,
  checkInvalidArgsSet,
  checkRequiredArgs,
  hashSetOrder,
  IllegalArgumentError,
  maybePrintHelpOrVersion,
  parseKeyValueArgs,
  printUsageAndExit,
} from './commandLineUtils';
import { formatHelp } from './helpFormatter';
import { OptionError } from './optionError';
import type { ParsedOptions } from './parseOptions';
import { parseOptions } from './parseOptions';
import { topicCommandOptions39 } from './testdata/topicCommandOptions';

// Golden strings: server-common/src/main/java/org/apache/kafka/server/util/CommandLineUtils.java
// (Kafka 3.9) and the calls in tools/src/main/java/org/apache/kafka/tools/TopicCommand.java.
const topics = topicCommandOptions39();
const usage = formatHelp(topics);

function parse(...argv: string[]): ParsedOptions {
  const result = parseOptions(topics, argv);
  if (result instanceof OptionError) throw result;
  return result;
}

describe('CommandLineUtils (Kafka 3.9)', () => {
  it('printUsageAndExit: message and usage on stderr, exit 1', () => {
    expect(printUsageAndExit(topics, 'Create, delete, describe, or change a topic.')).toEqual({
      stdout: '',
      stderr: `Create, delete, describe, or change a topic.\n${usage}`,
      exitCode: 1,
    });
  });

  it('maybePrintHelpOrVersion: no arguments or --help print usage (exit 1); --version prints 3.9.0 (exit 0)', () => {
    const message = 'This tool helps to create, delete, describe, or change a topic.';
    expect(maybePrintHelpOrVersion(parse(), message)).toEqual({
      stdout: '',
      stderr: `${message}\n${usage}`,
      exitCode: 1,
    });
    expect(maybePrintHelpOrVersion(parse('--help', '--list'), message)?.exitCode).toBe(1);
    expect(maybePrintHelpOrVersion(parse('--version'), message)).toEqual({
      stdout: '3.9.0\n',
      stderr: '',
      exitCode: 0,
    });
    expect(maybePrintHelpOrVersion(parse('--list'), message)).toBeUndefined();
  });

  it('checkRequiredArgs: Missing required argument "[topic]"', () => {
    const result = checkRequiredArgs(parse('--create', '--bootstrap-server', 'b:9092'), 'topic');
    expect(result).toEqual({
      stdout: '',
      stderr: `Missing required argument "[topic]"\n${usage}`,
      exitCode: 1,
    });
    expect(
      checkRequiredArgs(parse('--alter', '--topic', 't'), 'topic', 'partitions')?.stderr,
    ).toMatch(/^Missing required argument "\[partitions\]"\n/);
    expect(checkRequiredArgs(parse('--create', '--topic', 't'), 'topic')).toBeUndefined();
  });

  it('checkInvalidArgs: Option "[replication-factor]" can\'t be used with option "[alter]"', () => {
    // TopicCommand: invalidOptions(Arrays.asList(createOpt)) = allTopicLevelOpts minus create, in
    // the HashSet's order.
    const allTopicLevelOpts = hashSetOrder(topics, [
      'alter',
      'create',
      'describe',
      'list',
      'delete',
    ]);
    const invalid = allTopicLevelOpts.filter((name) => name !== 'create');
    const parsed = parse('--alter', '--topic', 't', '--replication-factor', '2');
    expect(checkInvalidArgs(parsed, 'replication-factor', invalid)?.stderr).toBe(
      `Option "[replication-factor]" can't be used with option "[alter]"\n${usage}`,
    );
    expect(
      checkInvalidArgs(
        parse('--create', '--replication-factor', '2'),
        'replication-factor',
        invalid,
      ),
    ).toBeUndefined();
  });

  it("hashSetOrder follows java.util.HashSet (List.hashCode of each spec's names)", () => {
    // Buckets of 16: describe 10, alter 12, delete 12 (inserted after alter), create 14, list 15.
    expect(hashSetOrder(topics, ['alter', 'create', 'describe', 'list', 'delete'])).toEqual([
      'describe',
      'alter',
      'delete',
      'create',
      'list',
    ]);
    expect(hashSetOrder(topics, ['config', 'bootstrap-server'])).toEqual([
      'bootstrap-server',
      'config',
    ]);
  });

  it('checkInvalidArgsSet: Option combination "[[bootstrap-server], [config]]" can\'t be used with option "[alter]"', () => {
    const trailing =
      ' (the kafka-configs CLI supports altering topic configs with a --bootstrap-server option)';
    const parsed = parse(
      '--alter',
      '--bootstrap-server',
      'b:9092',
      '--topic',
      't',
      '--config',
      'x=y',
    );
    const used = hashSetOrder(topics, ['bootstrap-server', 'config']);
    expect(checkInvalidArgsSet(parsed, used, ['alter'], trailing)?.stderr).toBe(
      `Option combination "[[bootstrap-server], [config]]" can't be used with option "[alter]"${trailing}\n${usage}`,
    );
    expect(
      checkInvalidArgsSet(parse('--alter', '--config', 'x=y'), used, ['alter'], trailing),
    ).toBeUndefined();
  });

  it('parseKeyValueArgs splits at the first =, keeps empty values, last key wins', () => {
    const props = parseKeyValueArgs([
      'print.key=true',
      'key.separator==',
      'null.literal',
      'print.key=false',
    ]);
    expect([...props]).toEqual([
      ['print.key', 'false'],
      ['key.separator', '='],
      ['null.literal', ''],
    ]);
  });

  it('parseKeyValueArgs(args, false) throws "Missing value for key k}" (Kafka\'s stray brace)', () => {
    expect(() => parseKeyValueArgs(['a=1', 'b='], false)).toThrow(IllegalArgumentError);
    expect(() => parseKeyValueArgs(['b'], false)).toThrow('Missing value for key b}');
    expect(new IllegalArgumentError('x').toString()).toBe('java.lang.IllegalArgumentException: x');
  });
});
