/**
 * Kafka 3.9's `org.apache.kafka.server.util.CommandLineUtils`
 * (server-common/src/main/java/org/apache/kafka/server/util/CommandLineUtils.java) for a simulated
 * tool. Where Kafka calls `Exit.exit`, these return the {@link CommandExit} the process ends with;
 * `undefined` means the check passed and the tool goes on.
 */
import { javaHashSetOrder } from './javaHash';
import { formatHelp } from './helpFormatter';
import type { OptionSpec } from './optionSpec';
import { specHashCode, specToString } from './optionSpec';
import type { ParsedOptions } from './parseOptions';

/** `AppInfoParser.getVersion()` of the Kafka 3.9.0 jars, which `--version` prints. */
export const KAFKA_VERSION = '3.9.0';

/** How a tool ends when CommandLineUtils calls `Exit.exit`: its output and exit status. */
export interface CommandExit {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** `java.lang.IllegalArgumentException`, thrown by {@link parseKeyValueArgs}. */
export class IllegalArgumentError extends Error {
  readonly javaClass = 'java.lang.IllegalArgumentException';

  constructor(message: string) {
    super(message);
    this.name = 'java.lang.IllegalArgumentException';
  }

  /** `Throwable.toString()`. */
  override toString(): string {
    return `${this.javaClass}: ${this.message}`;
  }
}

/** `printUsageAndExit`: the message and the help table on stderr, exit status 1. */
export function printUsageAndExit(specs: readonly OptionSpec[], message: string): CommandExit {
  return { stdout: '', stderr: `${message}\n${formatHelp(specs)}`, exitCode: 1 };
}

/** `printVersionAndExit`: the version on stdout, exit status 0. */
export function printVersionAndExit(version: string = KAFKA_VERSION): CommandExit {
  return { stdout: `${version}\n`, stderr: '', exitCode: 0 };
}

/** `isPrintHelpNeeded`: no arguments at all, or `--help`. */
export function isPrintHelpNeeded(options: ParsedOptions): boolean {
  return options.argv.length === 0 || options.has('help');
}

/** `isPrintVersionNeeded`: `--version`. */
export function isPrintVersionNeeded(options: ParsedOptions): boolean {
  return options.has('version');
}

/**
 * `maybePrintHelpOrVersion`: usage (exit 1, as in 3.9) when there are no arguments or `--help`;
 * else the version (exit 0) for `--version`. Needs the CommandDefaultOptions table
 * (`withDefaultOptions` in optionSpec.ts).
 */
export function maybePrintHelpOrVersion(
  options: ParsedOptions,
  message: string,
  version: string = KAFKA_VERSION,
): CommandExit | undefined {
  if (isPrintHelpNeeded(options)) return printUsageAndExit(options.specs, message);
  if (isPrintVersionNeeded(options)) return printVersionAndExit(version);
  return undefined;
}

/** `checkRequiredArgs`: the first absent option gives `Missing required argument "[topic]"`. */
export function checkRequiredArgs(
  options: ParsedOptions,
  ...required: string[]
): CommandExit | undefined {
  for (const name of required) {
    if (!options.has(name)) {
      return printUsageAndExit(
        options.specs,
        `Missing required argument "${specToString(options.spec(name))}"`,
      );
    }
  }
  return undefined;
}

/**
 * `checkInvalidArgs`: when `usedOption` is present, the first present option of `invalidOptions`
 * (in the order given: a Java varargs list, or a Set's iteration order from {@link hashSetOrder})
 * gives `Option "[used]" can't be used with option "[invalid]"`.
 */
export function checkInvalidArgs(
  options: ParsedOptions,
  usedOption: string,
  invalidOptions: readonly string[],
): CommandExit | undefined {
  if (!options.has(usedOption)) return undefined;
  for (const name of invalidOptions) {
    if (options.has(name)) {
      return printUsageAndExit(
        options.specs,
        `Option "${specToString(options.spec(usedOption))}" can't be used with option "${specToString(options.spec(name))}"`,
      );
    }
  }
  return undefined;
}

/**
 * `checkInvalidArgsSet`: when every option of `usedOptions` is present, the first present option
 * of `invalidOptions` gives `Option combination "[[a], [b]]" can't be used with option "[c]"` plus
 * the trailing message. Both lists are in Set iteration order (see {@link hashSetOrder}).
 */
export function checkInvalidArgsSet(
  options: ParsedOptions,
  usedOptions: readonly string[],
  invalidOptions: readonly string[],
  trailingAdditionalMessage = '',
): CommandExit | undefined {
  if (!usedOptions.every((name) => options.has(name))) return undefined;
  const combination = `[${usedOptions.map((name) => specToString(options.spec(name))).join(', ')}]`;
  for (const name of invalidOptions) {
    if (options.has(name)) {
      return printUsageAndExit(
        options.specs,
        `Option combination "${combination}" can't be used with option "${specToString(options.spec(name))}"${trailingAdditionalMessage}`,
      );
    }
  }
  return undefined;
}

/**
 * The iteration order of `new HashSet<>(Arrays.asList(aOpt, bOpt, ...))` over these options, as
 * Kafka's checks iterate (and print) such sets.
 */
export function hashSetOrder(specs: readonly OptionSpec[], names: readonly string[]): string[] {
  const byName = new Map<string, OptionSpec>();
  for (const spec of specs) byName.set(spec.name, spec);
  for (const spec of specs) for (const alias of spec.aliases ?? []) byName.set(alias, spec);
  const chosen = names.map((name) => {
    const spec = byName.get(name);
    if (!spec) throw new Error(`option "${name}" is not declared`);
    return spec;
  });
  return javaHashSetOrder(specHashCode, chosen).map(
    (spec) => names.find((name) => byName.get(name) === spec) as string,
  );
}

/**
 * `parseKeyValueArgs`: `key=value` pairs, split at the first `=` (`--property print.key=true`).
 * A pair without a value maps to `''`, or with `acceptMissingValue = false` throws
 * `java.lang.IllegalArgumentException: Missing value for key k}` (the stray `}` is Kafka's).
 * A repeated key keeps its last value.
 */
export function parseKeyValueArgs(
  args: readonly string[],
  acceptMissingValue = true,
): Map<string, string> {
  const props = new Map<string, string>();
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const key = eq < 0 ? arg : arg.slice(0, eq);
    const value = eq < 0 ? '' : arg.slice(eq + 1);
    if (value === '' && !acceptMissingValue) {
      throw new IllegalArgumentError(`Missing value for key ${key}}`);
    }
    props.set(key, value);
  }
  return props;
}
