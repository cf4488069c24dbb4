/**
 * What `ConsumerPerformance.main` reads from `ConsumerPerfOptions` once the options parsed
 * (tools/src/main/java/org/apache/kafka/tools/ConsumerPerformance.java, Kafka 3.9): the consumer
 * properties of `props()` and the settings `consume()` reads before it subscribes. A jopt value
 * that does not convert, a missing `--consumer.config` file, a reporting interval below 1 or a bad
 * `--date-format` is a Throwable `main` prints ({@link Failure}). Stack frames are representative
 * of Kafka 3.9's call paths; line numbers are not exact.
 */
import { parseProperties } from '../../../host/kafkaDistribution';
import { VirtualFs } from '../../../host/virtualFs';
import type { ParsedOptions } from '../../../options/index';
import { OptionError } from '../../../options/index';
import type { ProcessContext } from '../../../runtime/types';
import { JavaException } from '../admin/javaException';
import { simpleDateFormat } from './simpleDateFormat';

/** `ConsumerPerformance.main`'s frame, the bottom of every trace it prints. */
export const MAIN_FRAME =
  'org.apache.kafka.tools.ConsumerPerformance.main(ConsumerPerformance.java:75)';

/** A Throwable `main` catches: printed as `getMessage()` then the stack trace. */
export class Failure extends Error {
  constructor(readonly exception: JavaException) {
    super(exception.message);
  }
}

/**
 * A jopt exception out of `options.valueOf(...)`. A conversion failure carries jopt's
 * ReflectionException around `Long.valueOf`'s NumberFormatException.
 */
function optionFailure(e: OptionError, callers: readonly string[]): Failure {
  const frames = [
    'joptsimple.OptionSet.valuesOf(OptionSet.java:258)',
    'joptsimple.OptionSet.valueOf(OptionSet.java:172)',
    ...callers,
    MAIN_FRAME,
  ];
  const argument = /^Cannot parse argument '([\s\S]*)' of option /.exec(e.message);
  const cause =
    argument === null
      ? undefined
      : new JavaException(
          'joptsimple.internal.ReflectionException',
          `java.lang.NumberFormatException: For input string: "${argument[1]}"`,
          [
            'joptsimple.internal.Reflection.reflectionException(Reflection.java:140)',
            'joptsimple.internal.Reflection.invoke(Reflection.java:122)',
            'joptsimple.internal.MethodInvokingValueConverter.convert(MethodInvokingValueConverter.java:48)',
            'joptsimple.AbstractOptionSpec.convertWith(AbstractOptionSpec.java:90)',
            'joptsimple.ArgumentAcceptingOptionSpec.convert(ArgumentAcceptingOptionSpec.java:277)',
            ...frames,
          ],
        );
  return new Failure(new JavaException(e.javaClass, e.message, frames, cause));
}

/**
 * Reads an option value; a jopt conversion error becomes the Throwable `main` prints.
 * @param callers the frames below `OptionSet.valueOf`, innermost first, without `main`
 */
function read<T>(callers: readonly string[], fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof OptionError) throw optionFailure(e, callers);
    throw e;
  }
}

/** `props()`: the config file, then the tool's own settings over it. */
export function consumerProps(ctx: ProcessContext, options: ParsedOptions): Record<string, string> {
  const frame =
    'org.apache.kafka.tools.ConsumerPerformance$ConsumerPerfOptions.props(ConsumerPerformance.java:318)';
  let props: Record<string, string> = {};
  if (options.has('consumer.config')) {
    const path = read([frame], () => options.valueOf('consumer.config')!);
    const text = ctx.fs.read(VirtualFs.resolve(ctx.cwd, path));
    if (text === undefined)
      throw new Failure(
        new JavaException('java.nio.file.NoSuchFileException', path, [
          'java.base/sun.nio.fs.UnixException.translateToIOException(UnixException.java:92)',
          'java.base/java.nio.file.Files.newInputStream(Files.java:160)',
          'org.apache.kafka.common.utils.Utils.loadProps(Utils.java:686)',
          'org.apache.kafka.common.utils.Utils.loadProps(Utils.java:673)',
          frame,
          MAIN_FRAME,
        ]),
      );
    props = parseProperties(text);
  }
  read([frame], () => {
    props['bootstrap.servers'] = options.has('bootstrap-server')
      ? options.valueOf('bootstrap-server')!
      : options.valueOf('broker-list')!;
    props['group.id'] = options.valueOf('group')!;
    props['receive.buffer.bytes'] = String(options.intValueOf('socket-buffer-size'));
    props['max.partition.fetch.bytes'] = String(options.intValueOf('fetch-size'));
  });
  props['auto.offset.reset'] = options.has('from-latest') ? 'latest' : 'earliest';
  props['key.deserializer'] = 'org.apache.kafka.common.serialization.ByteArrayDeserializer';
  props['value.deserializer'] = 'org.apache.kafka.common.serialization.ByteArrayDeserializer';
  props['check.crcs'] = 'false';
  props['client.id'] ??= 'perf-consumer-client';
  return props;
}

/** The settings `consume()` reads before it subscribes. */
export interface ConsumeSettings {
  topic: string;
  numMessages: number;
  recordFetchTimeoutMs: number;
  reportingIntervalMs: number;
  showDetailedStats: boolean;
  dateFormat: (epochMs: number) => string;
}

export function consumeSettings(options: ParsedOptions): ConsumeSettings {
  const consume =
    'org.apache.kafka.tools.ConsumerPerformance.consume(ConsumerPerformance.java:122)';
  const frame = (method: string, line: number) => [
    `org.apache.kafka.tools.ConsumerPerformance$ConsumerPerfOptions.${method}(ConsumerPerformance.java:${line})`,
    consume,
  ];
  const numMessages = Number(
    read(frame('numMessages', 339), () => options.longValueOf('messages')!),
  );
  const recordFetchTimeoutMs = Number(
    read(frame('recordFetchTimeoutMs', 365), () => options.longValueOf('timeout')!),
  );
  const reportingIntervalMs = Number(
    read(frame('reportingIntervalMs', 343), () => options.longValueOf('reporting-interval')!),
  );
  if (reportingIntervalMs <= 0)
    throw new Failure(
      new JavaException(
        'java.lang.IllegalArgumentException',
        'Reporting interval must be greater than 0.',
        [...frame('reportingIntervalMs', 345), MAIN_FRAME],
      ),
    );
  const pattern = read(frame('dateFormat', 360), () => options.valueOf('date-format')!);
  let dateFormat: (epochMs: number) => string;
  try {
    dateFormat = simpleDateFormat(pattern);
  } catch (e) {
    if (e instanceof JavaException) throw new Failure(e);
    throw e;
  }
  return {
    topic: options.valueOf('topic')!,
    numMessages,
    recordFetchTimeoutMs,
    reportingIntervalMs,
    showDetailedStats: options.has('show-detailed-stats'),
    dateFormat,
  };
}
