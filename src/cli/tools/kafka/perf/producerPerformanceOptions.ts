/**
 * `ProducerPerformance.argParser()` and `ConfigPostProcessor`, transcribed from
 * tools/src/main/java/org/apache/kafka/tools/ProducerPerformance.java (Kafka 3.9: fractional
 * `--throughput` and `--payload-monotonic` from KAFKA-16724, transactions enabled by a
 * transactional id from KAFKA-16900; no `--warmup-records`, no `--bootstrap-server`, which came
 * in 4.x).
 */
import { parseProperties } from '../../../host/kafkaDistribution';
import type { ArgSpec, Namespace, ParserSpec } from './argparse4j';
import { ArgumentParserException } from './argparse4j';
import { JavaException, stackTrace } from '../admin/javaException';
import { newInputStreamFrames } from '../common/javaFileFrames';

/** `DEFAULT_TRANSACTION_ID_PREFIX`. */
export const DEFAULT_TRANSACTION_ID_PREFIX = 'performance-producer-';
/** `DEFAULT_TRANSACTION_DURATION_MS`. */
export const DEFAULT_TRANSACTION_DURATION_MS = 3000;

const PAYLOAD_GROUP = 0;

const args: ArgSpec[] = [
  {
    flags: ['--topic'],
    required: true,
    metavar: 'TOPIC',
    help: 'produce messages to this topic',
  },
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
    group: PAYLOAD_GROUP,
    help: 'message size in bytes. Note that you must provide exactly one of --record-size or --payload-file or --payload-monotonic.',
  },
  {
    flags: ['--payload-file'],
    metavar: 'PAYLOAD-FILE',
    dest: 'payloadFile',
    group: PAYLOAD_GROUP,
    help: 'file to read the message payloads from. This works only for UTF-8 encoded text files. Payloads will be read from this file and a payload will be randomly selected when sending messages. Note that you must provide exactly one of --record-size or --payload-file or --payload-monotonic.',
  },
  {
    flags: ['--payload-monotonic'],
    action: 'storeTrue',
    metavar: 'PAYLOAD-MONOTONIC',
    dest: 'payloadMonotonic',
    group: PAYLOAD_GROUP,
    help: 'payload is monotonically increasing integer. Note that you must provide exactly one of --record-size or --payload-file or --payload-monotonic.',
  },
  {
    flags: ['--payload-delimiter'],
    metavar: 'PAYLOAD-DELIMITER',
    dest: 'payloadDelimiter',
    // setDefault("\\n"): a backslash and an n, printed so in the help and replaced later.
    defaultValue: '\\n',
    help: 'provides delimiter to be used when --payload-file is provided. Defaults to new line. Note that this parameter will be ignored if --payload-file is not provided.',
  },
  {
    flags: ['--throughput'],
    required: true,
    type: 'Double',
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
    metavar: 'PRINT-METRICS',
    dest: 'printMetrics',
    help: 'print out metrics at the end of the test.',
  },
  {
    flags: ['--transactional-id'],
    metavar: 'TRANSACTIONAL-ID',
    dest: 'transactionalId',
    help: 'The transactional id to use. This config takes precedence over the transactional.id specified via --producer.config or --producer-props. Note that if the transactional id is not specified while --transaction-duration-ms is provided, the default value for the transactional id will be performance-producer- followed by a random uuid.',
  },
  {
    flags: ['--transaction-duration-ms'],
    type: 'Long',
    metavar: 'TRANSACTION-DURATION',
    dest: 'transactionDurationMs',
    help: 'The max age of each transaction. The commitTransaction will be called after this time has elapsed. The value should be greater than 0. If the transactional id is specified via --producer-props, --producer.config, or --transactional-id but --transaction-duration-ms is not specified, the default value will be 3000.',
  },
];

/** The parser of `kafka-producer-perf-test.sh`. */
export const producerPerformanceParser: ParserSpec = {
  prog: 'producer-performance',
  defaultHelp: true,
  description:
    'This tool is used to verify the producer performance. To enable transactions, you can specify a transaction id or set a transaction duration using --transaction-duration-ms. There are three ways to specify the transaction id: set transaction.id=<id> via --producer-props, set transaction.id=<id> in the config file via --producer.config, or use --transaction-id <id>.',
  args,
  groups: [
    {
      required: true,
      description: 'either --record-size or --payload-file must be specified but not both.',
    },
  ],
};

/** Long option names for tab completion. */
export const producerPerformanceOptionNames = args.map((a) => a.flags[0]!.replace(/^--/, ''));

/** A Java exception `start()` does not catch: the JVM prints it and exits 1. */
export class UncaughtJavaException extends Error {
  readonly exception: JavaException;

  constructor(
    javaClass: string,
    message: string,
    frames: readonly string[],
    cause?: JavaException,
  ) {
    super(message);
    this.exception = new JavaException(javaClass, message, frames, cause);
  }

  /** What the JVM prints: `Exception in thread "main" class: message`, frames, causes. */
  trace(): string {
    return `Exception in thread "main" ${stackTrace(this.exception)}`;
  }
}

const START_FRAMES = [
  'org.apache.kafka.tools.ProducerPerformance$ConfigPostProcessor.<init>(ProducerPerformance.java:530)',
  'org.apache.kafka.tools.ProducerPerformance.start(ProducerPerformance.java:63)',
  'org.apache.kafka.tools.ProducerPerformance.main(ProducerPerformance.java:56)',
];

/** What `ConfigPostProcessor` works out from the namespace. */
export interface ProducerPerfConfig {
  topicName: string;
  numRecords: number;
  recordSize: number | null;
  throughput: number;
  payloadMonotonic: boolean;
  producerProps: Record<string, string>;
  shouldPrintMetrics: boolean;
  transactionsEnabled: boolean;
  transactionDurationMs: number;
  /** Payloads read from `--payload-file` (empty without it). */
  payloadByteList: string[];
}

/** What `ConfigPostProcessor` touches outside the namespace. */
export interface ConfigIo {
  /** The file's text, or undefined when it does not exist. */
  read(path: string): string | undefined;
  /** `Path.toAbsolutePath()` of a path typed on the command line. */
  absolute(path: string): string;
  /** `Uuid.randomUuid()` for a default transactional id. */
  randomUuid(): string;
  /** `System.out.println` of `readPayloadFile`. */
  stdout(text: string): void;
}

/**
 * `new ConfigPostProcessor(parser, args)` after `parseArgs`: the value checks (each an
 * ArgumentParserException `handleError` prints), the payload file, the producer properties.
 * @throws ArgumentParserException, or UncaughtJavaException for what escapes `start()`
 */
export function postProcess(ns: Namespace, files: ConfigIo): ProducerPerfConfig {
  const numRecords = ns.get('numRecords') as number;
  const recordSize = ns.get('recordSize') as number | null;
  const producerConfigs = ns.get('producerConfig') as string[] | null;
  const producerConfigFile = ns.get('producerConfigFile') as string | null;
  const payloadFilePath = ns.get('payloadFile') as string | null;
  let transactionDurationMs = ns.get('transactionDurationMs') as number | null;
  const transactionIdArg = ns.get('transactionalId') as string | null;
  if (numRecords <= 0)
    throw new ArgumentParserException('--num-records should be greater than zero');
  if (recordSize !== null && recordSize <= 0)
    throw new ArgumentParserException('--record-size should be greater than zero');
  if (producerConfigs === null && producerConfigFile === null)
    throw new ArgumentParserException(
      'Either --producer-props or --producer.config must be specified.',
    );
  if (transactionDurationMs !== null && transactionDurationMs <= 0)
    throw new ArgumentParserException('--transaction-duration-ms should be greater than zero');

  // The default "\\n" printed in the help stands for a newline.
  const delimiter =
    ns.get('payloadDelimiter') === '\\n' ? '\n' : (ns.get('payloadDelimiter') as string);
  const payloadByteList: string[] = [];
  if (payloadFilePath !== null) {
    files.stdout(`Reading payloads from: ${files.absolute(payloadFilePath)}\n`);
    const text = files.read(payloadFilePath);
    if (text === undefined || text === '')
      throw new UncaughtJavaException(
        'java.lang.IllegalArgumentException',
        'File does not exist or empty file provided.',
        [
          'org.apache.kafka.tools.ProducerPerformance.readPayloadFile(ProducerPerformance.java:204)',
          ...START_FRAMES,
        ],
      );
    payloadByteList.push(...javaSplit(text, delimiter));
    files.stdout(`Number of messages read: ${payloadByteList.length}\n`);
  }
  const producerProps = readProps(producerConfigs, producerConfigFile, files);
  const transactionsEnabled =
    transactionDurationMs !== null ||
    transactionIdArg !== null ||
    'transactional.id' in producerProps;
  if (transactionsEnabled) {
    producerProps['transactional.id'] =
      transactionIdArg ??
      producerProps['transactional.id'] ??
      DEFAULT_TRANSACTION_ID_PREFIX + files.randomUuid();
    transactionDurationMs ??= DEFAULT_TRANSACTION_DURATION_MS;
  }
  return {
    topicName: ns.get('topic') as string,
    numRecords,
    recordSize,
    throughput: ns.get('throughput') as number,
    payloadMonotonic: ns.get('payloadMonotonic') === true,
    producerProps,
    shouldPrintMetrics: ns.get('printMetrics') === true,
    transactionsEnabled,
    transactionDurationMs: transactionDurationMs ?? 0,
    payloadByteList,
  };
}

/**
 * `readProps`: the config file, then `--producer-props` pairs (each split at every `=`, so a value
 * with `=` is invalid), then the serializers and the default client id.
 */
function readProps(
  producerProps: string[] | null,
  producerConfig: string | null,
  files: ConfigIo,
): Record<string, string> {
  const props: Record<string, string> = {};
  if (producerConfig !== null) {
    const text = files.read(producerConfig);
    if (text === undefined)
      throw new UncaughtJavaException('java.nio.file.NoSuchFileException', producerConfig, [
        ...newInputStreamFrames,
        'org.apache.kafka.common.utils.Utils.loadProps(Utils.java:686)',
        'org.apache.kafka.common.utils.Utils.loadProps(Utils.java:673)',
        'org.apache.kafka.tools.ProducerPerformance.readProps(ProducerPerformance.java:171)',
        ...START_FRAMES,
      ]);
    Object.assign(props, parseProperties(text));
  }
  for (const prop of producerProps ?? []) {
    const pieces = javaSplit(prop, '=');
    if (pieces.length !== 2)
      throw new UncaughtJavaException(
        'java.lang.IllegalArgumentException',
        `Invalid property: ${prop}`,
        [
          'org.apache.kafka.tools.ProducerPerformance.readProps(ProducerPerformance.java:177)',
          ...START_FRAMES,
        ],
      );
    props[pieces[0]!] = pieces[1]!;
  }
  props['key.serializer'] = 'org.apache.kafka.common.serialization.ByteArraySerializer';
  props['value.serializer'] = 'org.apache.kafka.common.serialization.ByteArraySerializer';
  props['client.id'] ??= 'perf-producer-client';
  return props;
}

/**
 * `String.split(regex)`: the pieces between matches of the delimiter (a Java regular expression),
 * trailing empty pieces removed; a zero-width match at the start gives no leading empty piece.
 */
export function javaSplit(text: string, regex: string): string[] {
  let pieces: string[];
  try {
    pieces = text.split(new RegExp(regex));
  } catch {
    pieces = text.split(regex);
  }
  if (pieces.length === 1) return pieces; // no match: the text itself
  while (pieces.length > 0 && pieces[pieces.length - 1] === '') pieces.pop();
  return pieces;
}
