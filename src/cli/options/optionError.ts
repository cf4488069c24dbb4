/**
 * jopt-simple's `OptionException` subclasses, with the class name some Kafka tools print
 * (`joptsimple.UnrecognizedOptionException: … is not a recognized option`) and the message text of
 * src/main/resources/joptsimple/ExceptionMessages.properties (jopt-simple 5.0.4).
 *
 * jopt names an option by its synonyms joined with `/` (`OptionException.specToString`) and a list
 * of options as `[a, b]` without duplicates (`multipleOptionString`).
 */

/** The concrete `joptsimple.*Exception` classes a parse or a value lookup can throw. */
export type OptionExceptionClass =
  | 'joptsimple.UnrecognizedOptionException'
  | 'joptsimple.OptionMissingRequiredArgumentException'
  | 'joptsimple.OptionArgumentConversionException'
  | 'joptsimple.MissingRequiredOptionsException'
  | 'joptsimple.MultipleArgumentsForOptionException'
  | 'joptsimple.UnavailableOptionException';

/** A failed parse or value lookup, as the `joptsimple.OptionException` the JVM would throw. */
export class OptionError extends Error {
  /** The fully qualified Java class name, e.g. `joptsimple.UnrecognizedOptionException`. */
  readonly javaClass: OptionExceptionClass;
  /** The options the exception concerns, each as jopt prints it (`partitions`, `a/alpha`). */
  readonly options: readonly string[];

  constructor(javaClass: OptionExceptionClass, options: readonly string[], message: string) {
    super(message);
    this.name = javaClass;
    this.javaClass = javaClass;
    this.options = options;
  }

  /** `Throwable.toString()`: `joptsimple.UnrecognizedOptionException: x is not a recognized option`. */
  override toString(): string {
    return `${this.javaClass}: ${this.message}`;
  }
}

/** `multipleOptionString()`: `[a, b/c]`, first occurrence of each kept. */
function multipleOptionString(options: readonly string[]): string {
  return `[${[...new Set(options)].join(', ')}]`;
}

/** `{0} is not a recognized option` — an unknown `--name`, or the first unknown char of `-abc`. */
export function unrecognizedOption(option: string): OptionError {
  return new OptionError(
    'joptsimple.UnrecognizedOptionException',
    [option],
    `${option} is not a recognized option`,
  );
}

/** `Option {0} requires an argument` — `withRequiredArg()` option last on the command line. */
export function optionMissingRequiredArgument(option: string): OptionError {
  return new OptionError(
    'joptsimple.OptionMissingRequiredArgumentException',
    [option],
    `Option ${option} requires an argument`,
  );
}

/** `Cannot parse argument ''{0}'' of option {1}` — an argument `ofType(...)` cannot convert. */
export function optionArgumentConversion(option: string, argument: string): OptionError {
  return new OptionError(
    'joptsimple.OptionArgumentConversionException',
    [option],
    `Cannot parse argument '${argument}' of option ${option}`,
  );
}

/** `Missing required option(s) {0}` — `required()`, `requiredIf` or `requiredUnless` unmet. */
export function missingRequiredOptions(options: readonly string[]): OptionError {
  return new OptionError(
    'joptsimple.MissingRequiredOptionsException',
    options,
    `Missing required option(s) ${multipleOptionString(options)}`,
  );
}

/** `Found multiple arguments for option {0}, but you asked for only one` — `valueOf` of a repeated option. */
export function multipleArgumentsForOption(option: string): OptionError {
  return new OptionError(
    'joptsimple.MultipleArgumentsForOptionException',
    [option],
    `Found multiple arguments for option ${option}, but you asked for only one`,
  );
}

/** `Option(s) {0} are unavailable given other options on the command line` — `availableIf/Unless`. */
export function unavailableOptions(options: readonly string[]): OptionError {
  return new OptionError(
    'joptsimple.UnavailableOptionException',
    options,
    `Option(s) ${multipleOptionString(options)} are unavailable given other options on the command line`,
  );
}
