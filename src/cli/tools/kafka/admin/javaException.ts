/**
 * Java exceptions as the admin tools print them: `Throwable.toString()` (`class: message`), and
 * `Throwable.printStackTrace` / Kafka's `Utils.stackTrace` text with frames and `Caused by:`.
 * Stack frames are representative of Kafka 3.9's call paths; line numbers are not exact.
 */
import type { OptionError } from '../../../options/index';

/** A Java exception: fully qualified class, message, stack frames (without `at `), cause. */
export class JavaException extends Error {
  constructor(
    readonly javaClass: string,
    message: string | null,
    readonly frames: readonly string[] = [],
    readonly javaCause?: JavaException,
  ) {
    super(message ?? '');
    this.hasMessage = message !== null;
  }

  private readonly hasMessage: boolean;

  /** `Throwable.getMessage()`: null (printed `null`) when constructed without one. */
  get javaMessage(): string {
    return this.hasMessage ? this.message : 'null';
  }

  /** `Throwable.toString()`. */
  override toString(): string {
    return this.hasMessage ? `${this.javaClass}: ${this.message}` : this.javaClass;
  }
}

/** `Throwable.printStackTrace()` text, ending with a newline. */
export function stackTrace(e: JavaException): string {
  let out = `${e}\n${e.frames.map((f) => `\tat ${f}\n`).join('')}`;
  let enclosing = e.frames;
  for (let c = e.javaCause; c; c = c.javaCause) {
    // Frames shared with the enclosing trace are folded into "... n more".
    let shared = 0;
    while (
      shared < c.frames.length &&
      shared < enclosing.length &&
      c.frames[c.frames.length - 1 - shared] === enclosing[enclosing.length - 1 - shared]
    )
      shared++;
    const own = c.frames.slice(0, c.frames.length - shared);
    out += `Caused by: ${c}\n${own.map((f) => `\tat ${f}\n`).join('')}`;
    if (shared > 0) out += `\t... ${shared} more\n`;
    enclosing = c.frames;
  }
  return out;
}

const errorsPackage = 'org.apache.kafka.common.errors.';

/** Exception classes whose name is not the error name in PascalCase (Errors.java). */
const errorClasses: Record<string, string> = {
  INVALID_CONFIG: 'InvalidConfigurationException',
  REQUEST_TIMED_OUT: 'TimeoutException',
  INVALID_TOPIC_EXCEPTION: 'InvalidTopicException',
  TOPIC_ALREADY_EXISTS: 'TopicExistsException',
  NOT_CONTROLLER: 'NotControllerException',
  NETWORK_EXCEPTION: 'NetworkException',
  UNKNOWN_SERVER_ERROR: 'UnknownServerException',
};

/** The `org.apache.kafka.common.errors` class Kafka maps an error name to. */
export function errorClassFor(errorName: string): string {
  const simple =
    errorClasses[errorName] ??
    `${errorName
      .toLowerCase()
      .split('_')
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join('')}Exception`;
  return errorsPackage + simple;
}

/** Frames of a `KafkaFuture.get()` that failed: where an ExecutionException is thrown. */
export const futureGetFrames = [
  'java.base/java.util.concurrent.CompletableFuture.reportGet(CompletableFuture.java:396)',
  'java.base/java.util.concurrent.CompletableFuture.get(CompletableFuture.java:2073)',
  'org.apache.kafka.common.internals.KafkaFutureImpl.get(KafkaFutureImpl.java:165)',
];

/**
 * The exception an admin client future fails with, from the engine's error text (`ERROR_NAME:
 * message`, or an already qualified `class: message`). No message means Kafka's default text.
 */
export function adminException(error: string, defaultMessage?: string): JavaException {
  const qualified = /^([a-z]+(?:\.[a-z]+)+\.[A-Za-z]+): ([\s\S]*)$/.exec(error);
  if (qualified) return new JavaException(qualified[1]!, qualified[2]!);
  const named = /^([A-Z_]+)(?:: ([\s\S]*))?$/.exec(error);
  if (named) return new JavaException(errorClassFor(named[1]!), named[2] ?? defaultMessage ?? null);
  return new JavaException(`${errorsPackage}UnknownServerException`, error);
}

/**
 * `ExecutionException` thrown by `KafkaFuture.get()` around `cause` (its message is
 * `cause.toString()`), with the caller's frames after the future's own.
 */
export function executionException(
  cause: JavaException,
  callerFrames: readonly string[],
): JavaException {
  return new JavaException(
    'java.util.concurrent.ExecutionException',
    cause.toString(),
    [...futureGetFrames, ...callerFrames],
    cause,
  );
}

/** A jopt parse failure as the exception `parser.parse(args)` throws in the options constructor. */
export function optionException(e: OptionError, frames: readonly string[] = []): JavaException {
  return new JavaException(e.javaClass, e.message, [
    `joptsimple.OptionException.${e.javaClass === 'joptsimple.UnrecognizedOptionException' ? 'unrecognizedOption(OptionException.java:108)' : 'missingRequiredArgument(OptionException.java:112)'}`,
    'joptsimple.OptionParser.parse(OptionParser.java:396)',
    ...frames,
  ]);
}
