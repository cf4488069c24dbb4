/**
 * kafka-console-producer's options, transcribed from `ConsoleProducer.ProducerConfig`
 * (core/src/main/scala/kafka/tools/ConsoleProducer.scala, Kafka 3.5–3.9; it extends
 * `CommandDefaultOptions`, so `--help` and `--version` come first), and the producer properties
 * `ConsoleProducer.producerProps` builds from them.
 */
import type { OptionSpec, ParsedOptions } from '../../../options/index';
import { withDefaultOptions } from '../../../options/index';

/** `classOf[LineMessageReader].getName`: the default of `--line-reader`. */
export const LINE_MESSAGE_READER = 'kafka.tools.ConsoleProducer$LineMessageReader';

/** The `--property` description: a Scala `"""…""".stripMargin` (so `\t` stays two characters). */
const PROPERTY_DESCRIPTION = [
  'A mechanism to pass user-defined properties in the form key=value to the message reader. This allows custom configuration for a user-defined message reader.',
  'Default properties include:',
  ' parse.key=false',
  ' parse.headers=false',
  ' ignore.error=false',
  ' key.separator=\\t',
  ' headers.delimiter=\\t',
  ' headers.separator=,',
  ' headers.key.separator=:',
  ' null.marker=   When set, any fields (key, value and headers) equal to this will be replaced by null',
  'Default parsing pattern when:',
  ' parse.headers=true and parse.key=true:',
  '  "h1:v1,h2:v2...\\tkey\\tvalue"',
  ' parse.key=true:',
  '  "key\\tvalue"',
  ' parse.headers=true:',
  '  "h1:v1,h2:v2...\\tvalue"',
  // The closing `"""` sits on its own indented line, which stripMargin keeps.
  '      ',
].join('\n');

/** The option table in declaration order (ConsoleProducer.scala, `class ProducerConfig`). */
export const consoleProducerSpecs: readonly OptionSpec[] = withDefaultOptions([
  {
    name: 'topic',
    description: 'REQUIRED: The topic id to produce messages to.',
    argument: { kind: 'required', describedAs: 'topic' },
  },
  {
    name: 'broker-list',
    description:
      'DEPRECATED, use --bootstrap-server instead; ignored if --bootstrap-server is specified.  The broker list string in the form HOST1:PORT1,HOST2:PORT2.',
    argument: { kind: 'required', describedAs: 'broker-list' },
  },
  {
    name: 'bootstrap-server',
    description:
      'REQUIRED unless --broker-list(deprecated) is specified. The server(s) to connect to. The broker list string in the form HOST1:PORT1,HOST2:PORT2.',
    requiredUnless: ['broker-list'],
    argument: { kind: 'required', describedAs: 'server to connect to' },
  },
  {
    name: 'sync',
    description:
      'If set message send requests to the brokers are synchronously, one at a time as they arrive.',
  },
  {
    name: 'compression-codec',
    description:
      "The compression codec: either 'none', 'gzip', 'snappy', 'lz4', or 'zstd'.If specified without value, then it defaults to 'gzip'",
    argument: { kind: 'optional', describedAs: 'compression-codec' },
  },
  {
    name: 'batch-size',
    description:
      'Number of messages to send in a single batch if they are not being sent synchronously. please note that this option will be replaced if max-partition-memory-bytes is also set',
    argument: { kind: 'required', describedAs: 'size', type: 'Integer', defaultValues: ['16384'] },
  },
  {
    name: 'message-send-max-retries',
    description:
      'Brokers can fail receiving the message for multiple reasons, and being unavailable transiently is just one of them. This property specifies the number of retries before the producer give up and drop this message. This is the option to control `retries` in producer configs.',
    argument: { kind: 'required', type: 'Integer', defaultValues: ['3'] },
  },
  {
    name: 'retry-backoff-ms',
    description:
      'Before each retry, the producer refreshes the metadata of relevant topics. Since leader election takes a bit of time, this property specifies the amount of time that the producer waits before refreshing the metadata. This is the option to control `retry.backoff.ms` in producer configs.',
    argument: { kind: 'required', type: 'Long', defaultValues: ['100'] },
  },
  {
    name: 'timeout',
    description:
      'If set and the producer is running in asynchronous mode, this gives the maximum amount of time a message will queue awaiting sufficient batch size. The value is given in ms. This is the option to control `linger.ms` in producer configs.',
    argument: {
      kind: 'required',
      describedAs: 'timeout_ms',
      type: 'Long',
      defaultValues: ['1000'],
    },
  },
  {
    name: 'request-required-acks',
    description: 'The required `acks` of the producer requests',
    argument: { kind: 'required', describedAs: 'request required acks', defaultValues: ['-1'] },
  },
  {
    name: 'request-timeout-ms',
    description:
      'The ack timeout of the producer requests. Value must be non-negative and non-zero.',
    argument: {
      kind: 'required',
      describedAs: 'request timeout ms',
      type: 'Integer',
      defaultValues: ['1500'],
    },
  },
  {
    name: 'metadata-expiry-ms',
    description:
      "The period of time in milliseconds after which we force a refresh of metadata even if we haven't seen any leadership changes. This is the option to control `metadata.max.age.ms` in producer configs.",
    argument: {
      kind: 'required',
      describedAs: 'metadata expiration interval',
      type: 'Long',
      defaultValues: ['300000'],
    },
  },
  {
    name: 'max-block-ms',
    description: 'The max time that the producer will block for during a send request.',
    argument: {
      kind: 'required',
      describedAs: 'max block on send',
      type: 'Long',
      defaultValues: ['60000'],
    },
  },
  {
    name: 'max-memory-bytes',
    description:
      'The total memory used by the producer to buffer records waiting to be sent to the server. This is the option to control `buffer.memory` in producer configs.',
    argument: {
      kind: 'required',
      describedAs: 'total memory in bytes',
      type: 'Long',
      defaultValues: ['33554432'],
    },
  },
  {
    name: 'max-partition-memory-bytes',
    description:
      'The buffer size allocated for a partition. When records are received which are smaller than this size the producer will attempt to optimistically group them together until this size is reached. This is the option to control `batch.size` in producer configs.',
    argument: {
      kind: 'required',
      describedAs: 'memory in bytes per partition',
      type: 'Integer',
      defaultValues: ['16384'],
    },
  },
  {
    name: 'line-reader',
    description:
      'The class name of the class to use for reading lines from standard in. By default each line is read as a separate message.',
    argument: {
      kind: 'required',
      describedAs: 'reader_class',
      defaultValues: [LINE_MESSAGE_READER],
    },
  },
  {
    name: 'socket-buffer-size',
    description:
      'The size of the tcp RECV size. This is the option to control `send.buffer.bytes` in producer configs.',
    argument: { kind: 'required', describedAs: 'size', type: 'Integer', defaultValues: ['102400'] },
  },
  {
    name: 'property',
    description: PROPERTY_DESCRIPTION,
    argument: { kind: 'required', describedAs: 'prop' },
  },
  {
    name: 'reader-config',
    description:
      'Config properties file for the message reader. Note that [property] takes precedence over this config.',
    argument: { kind: 'required', describedAs: 'config file' },
  },
  {
    name: 'producer-property',
    description:
      'A mechanism to pass user-defined properties in the form key=value to the producer. ',
    argument: { kind: 'required', describedAs: 'producer_prop' },
  },
  {
    name: 'producer.config',
    description:
      'Producer config properties file. Note that [producer-property] takes precedence over this config.',
    argument: { kind: 'required', describedAs: 'config file' },
  },
]);

/** `CommandLineUtils.maybePrintHelpOrVersion(this, …)`: the line printed above the usage. */
export const PRODUCER_HELP_MESSAGE =
  'This tool helps to read data from standard input and publish it to Kafka.';

/**
 * `CommandLineUtils.maybeMergeOptions(props, key, options, spec)`: the option's value (or its
 * default) replaces the property when the option was given or the property is not set.
 */
function maybeMerge(
  props: Record<string, string>,
  key: string,
  options: ParsedOptions,
  name: string,
): void {
  if (options.has(name) || !(key in props)) {
    const value = options.valueOf(name);
    if (value === undefined) delete props[key];
    else props[key] = value;
  }
}

/**
 * `ConsoleProducer.producerProps`: the properties file, then `--producer-property`, then the
 * tool's own settings (bootstrap servers, compression, client.id and the merged options).
 */
export function producerProps(
  options: ParsedOptions,
  fileProps: Readonly<Record<string, string>>,
  extraProps: ReadonlyMap<string, string>,
): Record<string, string> {
  const props: Record<string, string> = { ...fileProps };
  for (const [k, v] of extraProps) props[k] = v;
  props['bootstrap.servers'] = options.has('bootstrap-server')
    ? options.valueOf('bootstrap-server')!
    : options.valueOf('broker-list')!;
  props['compression.type'] = compressionCodec(options);
  if (props['client.id'] === undefined) props['client.id'] = 'console-producer';
  props['key.serializer'] = 'org.apache.kafka.common.serialization.ByteArraySerializer';
  props['value.serializer'] = 'org.apache.kafka.common.serialization.ByteArraySerializer';
  maybeMerge(props, 'linger.ms', options, 'timeout');
  maybeMerge(props, 'acks', options, 'request-required-acks');
  maybeMerge(props, 'request.timeout.ms', options, 'request-timeout-ms');
  maybeMerge(props, 'retries', options, 'message-send-max-retries');
  maybeMerge(props, 'retry.backoff.ms', options, 'retry-backoff-ms');
  maybeMerge(props, 'send.buffer.bytes', options, 'socket-buffer-size');
  maybeMerge(props, 'buffer.memory', options, 'max-memory-bytes');
  // "We currently have 2 options to set the batch.size value. We'll deprecate/remove one of them in KIP-717."
  maybeMerge(props, 'batch.size', options, 'batch-size');
  maybeMerge(props, 'batch.size', options, 'max-partition-memory-bytes');
  maybeMerge(props, 'metadata.max.age.ms', options, 'metadata-expiry-ms');
  maybeMerge(props, 'max.block.ms', options, 'max-block-ms');
  return props;
}

/** `--compression-codec`: `none` when absent, `gzip` when given without a value. */
function compressionCodec(options: ParsedOptions): string {
  if (!options.has('compression-codec')) return 'none';
  const value = options.valueOf('compression-codec');
  return value === undefined || value === '' ? 'gzip' : value;
}

/** `ToolsUtils.validatePortOrDie`: every comma-separated entry needs `host:port` (`Utils.getPort`). */
export function validHostPorts(hostPort: string): boolean {
  const entries = hostPort.includes(',') ? javaSplit(hostPort, ',') : [hostPort];
  return (
    entries.length > 0 && entries.every((e) => /^.*?\[?[0-9a-zA-Z\-%._:]*\]?:[0-9]+$/s.test(e))
  );
}

/** Java's `String.split(regex)` for a literal separator: trailing empty strings are dropped. */
function javaSplit(s: string, separator: string): string[] {
  const parts = s.split(separator);
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}
