import { describe, expect, it } from 'vitest';
import { descriptionDisplay, formatHelp, optionDisplay } from './helpFormatter';
import type { OptionSpec } from './optionSpec';
import { withDefaultOptions } from './optionSpec';
import { topicCommandOptions39, topicCommandOptions40 } from './testdata/topicCommandOptions';
import { TOPIC_HELP_4_0_TRIMMED } from './testdata/topicHelp40';

const lines = (text: string) => text.replace(/\n$/, '').split('\n');

// Sources: joptsimple/BuiltinHelpFormatter.java, internal/Rows.java, internal/Columns.java,
// resources/joptsimple/HelpFormatterMessages.properties (jopt-simple 5.0.4).
describe('formatHelp (BuiltinHelpFormatter, 80 columns, 2 between)', () => {
  it("renders kafka-topics' table exactly as a published 4.0 `kafka-topics` help screen", () => {
    const help = formatHelp(topicCommandOptions40());
    const published = TOPIC_HELP_4_0_TRIMMED.slice(1); // line 0 is the tool's message
    expect(lines(help).map((l) => l.trimEnd())).toEqual(published);
  });

  it('pads every row to both column widths, trailing spaces included (Rows.render)', () => {
    const help = lines(formatHelp(topicCommandOptions39()));
    // As in a published 3.6 kafka-topics.bat screen, which kept its trailing spaces.
    expect(help[0]).toBe(
      'Option                                   Description                            ',
    );
    expect(help[1]).toBe(
      '------                                   -----------                            ',
    );
    for (const line of help) expect(line.length).toBeGreaterThanOrEqual(80);
    expect(help.filter((l) => l.length !== 80)).toEqual([]);
  });

  it('wraps the Kafka 3.9 kafka-topics rows as jopt does (derived from the formatter source)', () => {
    const help = lines(formatHelp(topicCommandOptions39()));
    const row = (prefix: string, count: number) => {
      const at = help.findIndex((l) => l.startsWith(prefix));
      expect(at).toBeGreaterThanOrEqual(0);
      return help.slice(at, at + count).map((l) => l.trimEnd());
    };
    expect(row('--alter', 5)).toEqual([
      '--alter                                  Alter the number of partitions and',
      '                                           replica assignment. Update the',
      '                                           configuration of an existing topic',
      '                                           via --alter is no longer supported',
      '                                           here (the kafka-configs CLI supports',
    ]);
    expect(row('--bootstrap-server', 2)).toEqual([
      '--bootstrap-server <String: server to    REQUIRED: The Kafka server to connect',
      '  connect to>                              to.',
    ]);
    expect(row('--partition-size-limit-per-response', 3)).toEqual([
      '--partition-size-limit-per-response      the maximum partition size to be',
      '  <Integer: maximum number of              included in one',
      '  partitions in one response.>             DescribeTopicPartitions response.',
    ]);
    expect(row('--topic-id', 3)).toEqual([
      '--topic-id <String: topic-id>            The topic-id to describe.This is used',
      '                                           only with --bootstrap-server option',
      '                                           for describing topics.',
    ]);
    expect(
      row('                                         \tmessage.downconversion.enable', 1),
    ).toEqual(['                                         \tmessage.downconversion.enable']);
  });

  it('uses the `Option (* = required)` header and marks required() options with `* `', () => {
    const specs: OptionSpec[] = withDefaultOptions([
      {
        name: 'topic',
        description: 'The topic.',
        required: true,
        argument: { kind: 'required', describedAs: 'topic' },
      },
    ]);
    expect(formatHelp(specs)).toBe(
      'Option (* = required)      Description             \n' +
        '---------------------      -----------             \n' +
        '--help                     Print usage information.\n' +
        '* --topic <String: topic>  The topic.              \n' +
        '--version                  Display Kafka version.  \n',
    );
  });

  it('shows defaults, optional arguments and numeric types', () => {
    const timeout: OptionSpec = {
      name: 'timeout',
      description: 'If set, wait this long.',
      argument: {
        kind: 'required',
        describedAs: 'timeout_ms',
        type: 'Long',
        defaultValues: ['1000'],
      },
    };
    const offsets: OptionSpec = {
      name: 'offset',
      description: '',
      argument: { kind: 'optional', type: 'Double', defaultValues: ['0.5', '1.0'] },
    };
    expect(optionDisplay(timeout)).toBe('--timeout <Long: timeout_ms>');
    expect(descriptionDisplay(timeout)).toBe('If set, wait this long. (default: 1000)');
    expect(optionDisplay(offsets)).toBe('--offset [Double]');
    expect(descriptionDisplay(offsets)).toBe('(default: [0.5, 1.0])');
    expect(
      optionDisplay({
        name: 'p',
        aliases: ['partitions'],
        description: '',
        argument: { kind: 'required' },
      }),
    ).toBe('-p, --partitions <String>');
  });

  it('narrows the option column to its widest entry and wraps after dashes (kafka-get-offsets)', () => {
    // Published kafka-get-offsets.sh help (3.x) shows these option cells.
    const specs: OptionSpec[] = [
      {
        name: 'time',
        description: 'timestamp of the offsets before that.',
        argument: {
          kind: 'required',
          describedAs: '<timestamp> / -1 or latest / -2 or earliest / -3 or max-timestamp',
        },
      },
      {
        name: 'topic-partitions',
        description: 'Comma separated list of topic-partition patterns.',
        argument: {
          kind: 'required',
          describedAs: 'topic1:1,topic2:0-3,topic3,topic4:5-,topic5:-3',
        },
      },
    ];
    const optionCells = lines(formatHelp(specs)).map((l) => l.slice(0, 39).trimEnd());
    expect(optionCells).toEqual([
      'Option',
      '------',
      '--time <String: <timestamp> / -1 or',
      '  latest / -2 or earliest / -3 or max-',
      '  timestamp>',
      '--topic-partitions <String: topic1:1,',
      '  topic2:0-3,topic3,topic4:5-,topic5:-3',
      '  >',
    ]);
    const short = formatHelp([{ name: 'list', description: 'List.' }]);
    expect(short).toBe('Option  Description\n------  -----------\n--list  List.      \n');
  });

  it('a first word wider than its column leaves an empty first piece (Columns.processNextWord)', () => {
    const word = 'x'.repeat(45);
    const wide: OptionSpec = {
      name: 'bootstrap-server',
      description: 'Server.',
      argument: { kind: 'required', describedAs: 'server to connect to' },
    };
    const help = lines(formatHelp([{ name: 'a', description: word }, wide]));
    // Wrapped at 80 − 39 − 2 = 41 columns; rendered after refitting, with the option column at
    // the widest fitted piece (`--bootstrap-server <String: server to`, 37).
    expect(help.slice(2, 4).map((l) => l.trimEnd())).toEqual([
      '-a',
      `${' '.repeat(37 + 2)}  ${word}`,
    ]);
  });

  it('prints "No options specified" for an empty table', () => {
    expect(formatHelp([])).toBe('No options specified  \n');
  });
});
