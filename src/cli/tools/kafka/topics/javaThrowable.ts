/**
 * A Java exception as a Kafka tool prints it: `Throwable.toString()` for messages and
 * `Utils.stackTrace(e)` (`printStackTrace` into a string) for traces, including `Caused by:`
 * sections with their `... n more` elision (java.lang.Throwable.printEnclosedStackTrace).
 */

/** One exception: fully qualified class, message (null prints the class alone), frames, cause. */
export interface JavaThrowable {
  readonly className: string;
  readonly message: string | null;
  /** Stack frames without the leading `\tat `, innermost first, e.g. `a.B.m(B.java:12)`. */
  readonly frames: readonly string[];
  readonly cause?: JavaThrowable;
}

/** A JS error carrying the Java exception a tool would have thrown, caught where Kafka catches it. */
export class JavaException extends Error {
  constructor(readonly throwable: JavaThrowable) {
    super(throwableToString(throwable));
    this.name = throwable.className;
  }
}

/** Builds a {@link JavaThrowable}. */
export function javaThrowable(
  className: string,
  message: string | null,
  frames: readonly string[] = [],
  cause?: JavaThrowable,
): JavaThrowable {
  return cause ? { className, message, frames, cause } : { className, message, frames };
}

/** `Throwable.toString()`: `class: message`, or the class alone when the message is null. */
export function throwableToString(t: JavaThrowable): string {
  return t.message === null ? t.className : `${t.className}: ${t.message}`;
}

/** `Throwable.getMessage()` as `String.valueOf` prints it (`null` when there is none). */
export function messageOf(t: JavaThrowable): string {
  return t.message ?? 'null';
}

/**
 * `Utils.stackTrace(e)`: the trace `e.printStackTrace(pw)` writes, every line ending in `\n`.
 * A cause repeats only the frames it does not share with the trace that encloses it.
 */
export function stackTrace(t: JavaThrowable): string {
  let out = `${throwableToString(t)}\n`;
  for (const frame of t.frames) out += `\tat ${frame}\n`;
  let enclosing = t.frames;
  for (let cause = t.cause; cause; cause = cause.cause) {
    let m = cause.frames.length - 1;
    let n = enclosing.length - 1;
    while (m >= 0 && n >= 0 && cause.frames[m] === enclosing[n]) {
      m--;
      n--;
    }
    const inCommon = cause.frames.length - 1 - m;
    out += `Caused by: ${throwableToString(cause)}\n`;
    for (const frame of cause.frames.slice(0, m + 1)) out += `\tat ${frame}\n`;
    if (inCommon !== 0) out += `\t... ${inCommon} more\n`;
    enclosing = cause.frames;
  }
  return out;
}
