/**
 * argparse4j 0.7.0 as Kafka's ProducerPerformance uses it. The layout test replays the help of the
 * Kafka 2.x ProducerPerformance (tools/src/main/java/org/apache/kafka/tools/ProducerPerformance.java
 * before KAFKA-16724), as argparse4j printed it at its default 75 columns, byte for byte: usage
 * wrapping, the mutex group at the end, justified help text, hyphen breaks (`--` / `payload-file`).
 */
import { describe, expect, it } from 'vitest';
import type { ArgSpec, ParserSpec } from './argparse4j';
import {
  ArgumentParserException,
  formatError,
  formatHelp,
  HelpScreenException,
  levenshtein,
  parseArgs,
} from './argparse4j';
import { adjustSpace, lineSegments } from './argparseText';

const kafka2Args: ArgSpec[] = [
  { flags: ['--topic'], required: true, metavar: 'TOPIC', help: 'produce messages to this topic' },
  {
    flags: ['--num-records'],
    required: true,
    type: 'Long',
    metavar: 'NUM-RECORDS',
    dest: 'numRecords',
    help: 'number of messages to produce',
  },
  {
    flags: ['--record-size'],
    type: 'Integer',
    metavar: 'RECORD-SIZE',
    dest: 'recordSize',
    group: 0,
    help: 'message size in bytes. Note that you must provide exactly one of --record-size or --payload-file.',
  },
  {
    flags: ['--payload-file'],
    metavar: 'PAYLOAD-FILE',
    dest: 'payloadFile',
    group: 0,
    help: 'file to read the message payloads from. This works only for UTF-8 encoded text files. Payloads will be read from this file and a payload will be randomly selected when sending messages. Note that you must provide exactly one of --record-size or --payload-file.',
  },
  {
    flags: ['--payload-delimiter'],
    metavar: 'PAYLOAD-DELIMITER',
    dest: 'payloadDelimiter',
    defaultValue: '\\n',
    help: 'provides delimiter to be used when --payload-file is provided. Defaults to new line. Note that this parameter will be ignored if --payload-file is not provided.',
  },
  {
    flags: ['--throughput'],
    required: true,
    type: 'Integer',
    metavar: 'THROUGHPUT',
    help: 'throttle maximum message throughput to *approximately* THROUGHPUT messages/sec. Set this to -1 to disable throttling.',
  },
  {
    flags: ['--producer-props'],
    nargs: '+',
    metavar: 'PROP-NAME=PROP-VALUE',
    dest: 'producerConfig',
    help: 'kafka producer related configuration properties like bootstrap.servers,client.id etc. These configs take precedence over those passed via --producer.config.',
  },
  {
    flags: ['--producer.config'],
    metavar: 'CONFIG-FILE',
    dest: 'producerConfigFile',
    help: 'producer config properties file.',
  },
  {
    flags: ['--print-metrics'],
    action: 'storeTrue',
    dest: 'printMetrics',
    help: 'print out metrics at the end of the test.',
  },
  {
    flags: ['--transactional-id'],
    metavar: 'TRANSACTIONAL-ID',
    dest: 'transactionalId',
    defaultValue: 'performance-producer-default-transactional-id',
    help: 'The transactionalId to use if transaction-duration-ms is > 0. Useful when testing the performance of concurrent transactions.',
  },
  {
    flags: ['--transaction-duration-ms'],
    type: 'Long',
    metavar: 'TRANSACTION-DURATION',
    dest: 'transactionDurationMs',
    defaultValue: '0',
    help: 'The max age of each transaction. The commitTransaction will be called after this time has elapsed. Transactions are only enabled if this value is positive.',
  },
];

const kafka2: ParserSpec = {
  prog: 'producer-performance',
  defaultHelp: true,
  description: 'This tool is used to verify the producer performance.',
  args: kafka2Args,
  groups: [
    {
      required: true,
      description: 'either --record-size or --payload-file must be specified but not both.',
    },
  ],
};

const KAFKA2_HELP = `usage: producer-performance [-h] --topic TOPIC --num-records NUM-RECORDS
                            [--payload-delimiter PAYLOAD-DELIMITER]
                            --throughput THROUGHPUT
                            [--producer-props PROP-NAME=PROP-VALUE [PROP-NAME=PROP-VALUE ...]]
                            [--producer.config CONFIG-FILE]
                            [--print-metrics]
                            [--transactional-id TRANSACTIONAL-ID]
                            [--transaction-duration-ms TRANSACTION-DURATION]
                            (--record-size RECORD-SIZE |
                            --payload-file PAYLOAD-FILE)

This tool is used to verify the producer performance.

optional arguments:
  -h, --help             show this help message and exit
  --topic TOPIC          produce messages to this topic
  --num-records NUM-RECORDS
                         number of messages to produce
  --payload-delimiter PAYLOAD-DELIMITER
                         provides delimiter to be  used when --payload-file
                         is provided. Defaults to new  line. Note that this
                         parameter will  be  ignored  if  --payload-file is
                         not provided. (default: \\n)
  --throughput THROUGHPUT
                         throttle    maximum    message    throughput    to
                         *approximately* THROUGHPUT messages/sec.  Set this
                         to -1 to disable throttling.
  --producer-props PROP-NAME=PROP-VALUE [PROP-NAME=PROP-VALUE ...]
                         kafka producer  related  configuration  properties
                         like   bootstrap.servers,client.id    etc.   These
                         configs take precedence over  those  passed via --
                         producer.config.
  --producer.config CONFIG-FILE
                         producer config properties file.
  --print-metrics        print  out  metrics  at  the   end  of  the  test.
                         (default: false)
  --transactional-id TRANSACTIONAL-ID
                         The  transactionalId   to   use   if  transaction-
                         duration-ms  is  >  0.  Useful  when  testing  the
                         performance of concurrent  transactions. (default:
                         performance-producer-default-transactional-id)
  --transaction-duration-ms TRANSACTION-DURATION
                         The   max   age    of    each   transaction.   The
                         commitTransaction will be  called  after this time
                         has elapsed.  Transactions  are  only  enabled  if
                         this value is positive. (default: 0)

  either --record-size or --payload-file must be specified but not both.

  --record-size RECORD-SIZE
                         message size in bytes. Note  that you must provide
                         exactly one of --record-size or --payload-file.
  --payload-file PAYLOAD-FILE
                         file to  read  the  message  payloads  from.  This
                         works only for UTF-8  encoded text files. Payloads
                         will be read from this file  and a payload will be
                         randomly  selected  when  sending  messages.  Note
                         that you must  provide  exactly  one  of --record-
                         size or --payload-file.
`;

const noHelp = () => {};

function error(argv: string[], spec: ParserSpec = kafka2): string {
  try {
    parseArgs(spec, argv, noHelp);
  } catch (e) {
    if (e instanceof ArgumentParserException) return e.message;
    throw e;
  }
  throw new Error('parsed');
}

describe('argparse4j help layout', () => {
  it('prints the help of Kafka 2.x ProducerPerformance exactly as argparse4j did at 75 columns', () => {
    expect(formatHelp(kafka2)).toBe(KAFKA2_HELP);
  });

  it('breaks lines after spaces and after a hyphen before a letter, never before a digit', () => {
    expect(lineSegments('via --producer.config, use -1 or UTF-8')).toEqual([
      'via ',
      '--',
      'producer.config, ',
      'use ',
      '-1 ',
      'or ',
      'UTF-8',
    ]);
  });

  it('justifies a line by giving the extra spaces to the middle runs first', () => {
    // 6 extra spaces over 5 runs: one each, the remaining one to the third run.
    expect(adjustSpace('a b c d e f ', 17, 12)).toBe('a  b  c   d  e  f');
  });

  it('wraps the error line like the help and suggests flags for an unknown one', () => {
    const e = new ArgumentParserException('argument --producer.config: expected one argument');
    expect(formatError(kafka2, e).split('\n').slice(-3)).toEqual([
      'producer-performance:  error:  argument   --producer.config:  expected  one',
      'argument',
      '',
    ]);
    const unknown = new ArgumentParserException("unrecognized arguments: '--topc'", '--topc');
    expect(
      formatError(kafka2, unknown).endsWith(
        "producer-performance: error: unrecognized arguments: '--topc'\n\nDid you mean:\n\t--topic\n",
      ),
    ).toBe(true);
  });
});

describe('argparse4j parsing', () => {
  const base = ['--topic', 't', '--num-records', '5', '--throughput', '-1'];

  it('takes --name value, --name=value, prefixes, and -1 as a value', () => {
    const ns = parseArgs(
      kafka2,
      ['--top=t', '--num', '5', '--thr', '-1', '--record-size', '10'],
      noHelp,
    );
    expect(ns.get('topic')).toBe('t');
    expect(ns.get('numRecords')).toBe(5);
    expect(ns.get('throughput')).toBe(-1);
    expect(ns.get('recordSize')).toBe(10);
    expect(ns.get('payloadDelimiter')).toBe('\\n');
    expect(ns.get('printMetrics')).toBe(false);
  });

  it('collects nargs("+") values up to the next flag; the last occurrence wins', () => {
    const ns = parseArgs(
      kafka2,
      [
        ...base,
        '--record-size',
        '1',
        '--producer-props',
        'a=1',
        'b=2',
        '--print-metrics',
        '--producer-props',
        'c=3',
      ],
      noHelp,
    );
    expect(ns.get('producerConfig')).toEqual(['c=3']);
    expect(ns.get('printMetrics')).toBe(true);
    expect(error([...base, '--record-size', '1', '--producer-props'])).toBe(
      'argument --producer-props: expected 1 argument(s)',
    );
  });

  it("reports argparse4j's errors in its words", () => {
    expect(error(['--topic'])).toBe('argument --topic: expected one argument');
    expect(error(['--topic', 't'])).toBe('argument --num-records is required');
    expect(error(base)).toBe('one of the arguments --record-size --payload-file is required');
    expect(error([...base, '--record-size', '1', '--payload-file', 'f'])).toBe(
      'argument --payload-file: not allowed with argument --record-size',
    );
    expect(error([...base, '--record-size', 'x'])).toBe(
      `argument --record-size: could not convert 'x' to Integer (For input string: "x")`,
    );
    expect(error([...base, '--record-size', '1', 'extra', 'words'])).toBe(
      "unrecognized arguments: 'extra words'",
    );
    expect(error([...base, '--record-size', '1', '--print-metrics=yes'])).toBe(
      "argument --print-metrics: ignore implicit argument 'yes'",
    );
    expect(error(['--p', 'x'])).toBe(
      'ambiguous option: --p could match --payload-delimiter, --payload-file, --print-metrics, --producer-props, --producer.config',
    );
    // -1.5 is not a negative integer, so it is read as a flag and --throughput gets no value.
    expect(error(['--topic', 't', '--num-records', '5', '--throughput', '-1.5'])).toBe(
      'argument --throughput: expected one argument',
    );
  });

  it('prints the help at -h and stops with HelpScreenException', () => {
    let printed = '';
    expect(() => parseArgs(kafka2, ['--topic', 't', '-h'], (h) => (printed = h))).toThrow(
      HelpScreenException,
    );
    expect(printed).toBe(KAFKA2_HELP);
  });

  it("measures flag distance with git's costs (swap 0, substitution 2, addition 1, deletion 4)", () => {
    expect(levenshtein('topc', 'topic')).toBe(1);
    expect(levenshtein('tpoic', 'topic')).toBe(0);
    expect(levenshtein('topics', 'topic')).toBe(4);
    expect(levenshtein('tipic', 'topic')).toBe(2);
  });
});
