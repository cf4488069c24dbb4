/**
 * The Java exceptions kafka-consumer-groups' code paths throw and print, modelled closely enough
 * to print them as the JVM does: `Throwable.toString()` (`class: message`), the message of a
 * wrapping exception (`new RuntimeException(cause)` takes `cause.toString()`), and
 * `printStackTrace()` with its `Caused by:` chain.
 */
import type { KafkaErrorName } from '../../../../sim/index';
import { kafkaErrors } from '../../../../sim/index';
import type { OptionError } from '../../../options/index';

/** A thrown `java.lang.Throwable`. */
export class JavaThrowable extends Error {
  constructor(
    /** Fully qualified class name, e.g. `java.util.concurrent.ExecutionException`. */
    readonly javaClass: string,
    /** `getMessage()`; null prints the class name alone. */
    readonly javaMessage: string | null,
    readonly javaCause?: JavaThrowable,
    /** Stack frames (`at …`), innermost first; Kafka's ApiExceptions have none. */
    readonly frames: readonly string[] = [],
  ) {
    super(javaMessage ?? javaClass);
    this.name = javaClass;
  }

  /** `Throwable.toString()`. */
  override toString(): string {
    return this.javaMessage === null ? this.javaClass : `${this.javaClass}: ${this.javaMessage}`;
  }

  /** `printStackTrace()` as written to System.err, ending with a newline. */
  stackTrace(): string {
    let out = `${this.toString()}\n${framesText(this.frames)}`;
    for (let c = this.javaCause; c; c = c.javaCause)
      out += `Caused by: ${c.toString()}\n${framesText(c.frames)}`;
    return out;
  }
}

function framesText(frames: readonly string[]): string {
  return frames.map((f) => `\tat ${f}\n`).join('');
}

const TOOL = 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand';
const SERVICE = `${TOOL}$ConsumerGroupService`;

/** Frames of a call made from ConsumerGroupService.`method` (INFERRED: no line numbers known). */
export function serviceFrames(method: string): string[] {
  return [
    `${SERVICE}.${method}(ConsumerGroupCommand.java)`,
    `${TOOL}.run(ConsumerGroupCommand.java)`,
    `${TOOL}.main(ConsumerGroupCommand.java)`,
  ];
}

/** `KafkaFuture.get()` failing: `ExecutionException(cause)`. */
export function executionException(cause: JavaThrowable): JavaThrowable {
  return new JavaThrowable('java.util.concurrent.ExecutionException', cause.toString(), cause, [
    'java.base/java.util.concurrent.CompletableFuture.reportGet(CompletableFuture.java:396)',
    'java.base/java.util.concurrent.CompletableFuture.get(CompletableFuture.java:2073)',
    'org.apache.kafka.common.internals.KafkaFutureImpl.get(KafkaFutureImpl.java:165)',
  ]);
}

/** `new RuntimeException(cause)`, thrown from ConsumerGroupService.`method`. */
export function runtimeException(cause: JavaThrowable, method: string): JavaThrowable {
  return new JavaThrowable(
    'java.lang.RuntimeException',
    cause.toString(),
    cause,
    serviceFrames(method),
  );
}

/** `java.lang.IllegalArgumentException`: run() turns it into the usage text. */
export function illegalArgument(message: string): JavaThrowable {
  return new JavaThrowable('java.lang.IllegalArgumentException', message);
}

/** The `org.apache.kafka.common.errors` exception Kafka maps each error code to (`Errors.exception()`). */
const exceptionClasses: Partial<Record<KafkaErrorName, string>> = {
  UNKNOWN_TOPIC_OR_PARTITION: 'UnknownTopicOrPartitionException',
  LEADER_NOT_AVAILABLE: 'LeaderNotAvailableException',
  NOT_LEADER_OR_FOLLOWER: 'NotLeaderOrFollowerException',
  REQUEST_TIMED_OUT: 'TimeoutException',
  NETWORK_EXCEPTION: 'NetworkException',
  COORDINATOR_LOAD_IN_PROGRESS: 'CoordinatorLoadInProgressException',
  COORDINATOR_NOT_AVAILABLE: 'CoordinatorNotAvailableException',
  NOT_COORDINATOR: 'NotCoordinatorException',
  ILLEGAL_GENERATION: 'IllegalGenerationException',
  INVALID_GROUP_ID: 'InvalidGroupIdException',
  UNKNOWN_MEMBER_ID: 'UnknownMemberIdException',
  REBALANCE_IN_PROGRESS: 'RebalanceInProgressException',
  NON_EMPTY_GROUP: 'GroupNotEmptyException',
  GROUP_ID_NOT_FOUND: 'GroupIdNotFoundException',
  GROUP_SUBSCRIBED_TO_TOPIC: 'GroupSubscribedToTopicException',
  FENCED_INSTANCE_ID: 'FencedInstanceIdException',
};

/** `Errors.forCode(code).exception()`: the ApiException for an error name (no stack frames). */
export function kafkaException(error: KafkaErrorName): JavaThrowable {
  const simple = exceptionClasses[error] ?? 'UnknownServerException';
  return new JavaThrowable(`org.apache.kafka.common.errors.${simple}`, kafkaErrors[error].message);
}

/**
 * An admin future's failure text from the engine (`org.apache.kafka.common.errors.X: message`) as
 * the exception it names.
 */
export function fromFailureText(text: string): JavaThrowable {
  const m = /^([\w.$]+(?:Exception|Error)): (.*)$/s.exec(text);
  if (m) return new JavaThrowable(m[1]!, m[2]!);
  return new JavaThrowable('org.apache.kafka.common.KafkaException', text);
}

/** jopt's frames for an exception thrown while `parser.parse(args)` runs. */
export function parseFrames(error: OptionError, argv: readonly string[]): string[] {
  const parse = 'joptsimple.OptionParser.parse(OptionParser.java:396)';
  switch (error.javaClass) {
    case 'joptsimple.UnrecognizedOptionException': {
      const option = error.options[0] ?? '';
      const long = argv.some((a) => a === `--${option}` || a.startsWith(`--${option}=`));
      // VERIFIED against real Kafka 3.x traces (jopt-simple 5.0.4).
      return long
        ? [
            'joptsimple.OptionException.unrecognizedOption(OptionException.java:108)',
            'joptsimple.OptionParser.handleLongOptionToken(OptionParser.java:510)',
            'joptsimple.OptionParserState$2.handleArgument(OptionParserState.java:56)',
            parse,
          ]
        : [
            'joptsimple.OptionException.unrecognizedOption(OptionException.java:108)',
            'joptsimple.OptionParser.validateOptionCharacters(OptionParser.java:633)',
            'joptsimple.OptionParser.handleShortOptionCluster(OptionParser.java:528)',
            'joptsimple.OptionParser.handleShortOptionToken(OptionParser.java:523)',
            'joptsimple.OptionParserState$2.handleArgument(OptionParserState.java:59)',
            parse,
          ];
    }
    case 'joptsimple.OptionMissingRequiredArgumentException':
      // INFERRED line numbers.
      return [
        'joptsimple.RequiredArgumentOptionSpec.detectOptionArgument(RequiredArgumentOptionSpec.java:48)',
        'joptsimple.ArgumentAcceptingOptionSpec.handleOption(ArgumentAcceptingOptionSpec.java:257)',
        'joptsimple.OptionParser.handleLongOptionToken(OptionParser.java:513)',
        'joptsimple.OptionParserState$2.handleArgument(OptionParserState.java:56)',
        parse,
      ];
    case 'joptsimple.UnavailableOptionException':
      // INFERRED line numbers.
      return [
        'joptsimple.OptionParser.ensureAllowedOptions(OptionParser.java:426)',
        'joptsimple.OptionParser.parse(OptionParser.java:400)',
      ];
    default:
      return [parse];
  }
}

/**
 * What the JVM prints when the OptionException thrown by `new ConsumerGroupCommandOptions(args)`
 * escapes `main` (the parse runs before main's try block): `Exception in thread "main" …` plus
 * the trace. Kafka frames from 3.9's ConsumerGroupCommandOptions.java / ConsumerGroupCommand.java
 * (INFERRED line numbers).
 */
export function uncaughtOptionException(error: OptionError, argv: readonly string[]): string {
  const frames = [
    ...parseFrames(error, argv),
    'org.apache.kafka.tools.consumer.group.ConsumerGroupCommandOptions.<init>(ConsumerGroupCommandOptions.java:204)',
    'org.apache.kafka.tools.consumer.group.ConsumerGroupCommandOptions.fromArgs(ConsumerGroupCommandOptions.java:121)',
    `${TOOL}.main(ConsumerGroupCommand.java:93)`,
  ];
  return `Exception in thread "main" ${error.toString()}\n${framesText(frames)}`;
}
