/**
 * A declarative mirror of jopt-simple 5.0.4's builder calls, so that each tool's option table can be
 * transcribed line by line from Kafka's `*CommandOptions` class:
 *
 * ```java
 * partitionsOpt = parser.accepts("partitions", "The number of partitions ...")
 *     .withRequiredArg().describedAs("# of partitions").ofType(java.lang.Integer.class);
 * ```
 * becomes
 * ```ts
 * { name: 'partitions', description: 'The number of partitions ...',
 *   argument: { kind: 'required', describedAs: '# of partitions', type: 'Integer' } }
 * ```
 * Sources: joptsimple/OptionParser.java, OptionSpecBuilder.java, ArgumentAcceptingOptionSpec.java,
 * AbstractOptionSpec.java, ParserRules.java (tag jopt-simple-5.0.4); Kafka
 * server-common/src/main/java/org/apache/kafka/server/util/CommandDefaultOptions.java.
 */
import { javaStringListHash } from './javaHash';

/** The Java types Kafka passes to `ofType(...)`; `String` is jopt's default. */
export type OptionValueType = 'String' | 'Integer' | 'Long' | 'Double';

/** `withRequiredArg()` / `withOptionalArg()` and the clauses chained after it. */
export interface OptionArgumentSpec {
  /** `withRequiredArg()` → `'required'`; `withOptionalArg()` → `'optional'`. */
  readonly kind: 'required' | 'optional';
  /** `describedAs("...")`: shown in help as `<Type: ...>` (required) or `[Type: ...]` (optional). */
  readonly describedAs?: string;
  /** `ofType(X.class)`; omitted means String. Conversion happens when a value is read, as in jopt. */
  readonly type?: OptionValueType;
  /**
   * `defaultsTo(a, b, ...)`, each written as Java's `toString()` of the default (so a Double
   * default of 1 is `'1.0'`). Shown in help as `(default: a)` or `(default: [a, b])`.
   */
  readonly defaultValues?: readonly string[];
  /**
   * `withValuesSeparatedBy(sep)`: every character of `sep` splits one argument into several values
   * (jopt uses `java.util.StringTokenizer`, which drops empty tokens).
   */
  readonly valuesSeparatedBy?: string;
}

/** One `parser.accepts(...)` / `parser.acceptsAll(...)` chain. */
export interface OptionSpec {
  /** The option name without dashes, e.g. `bootstrap-server`. */
  readonly name: string;
  /** Synonyms given to `acceptsAll(asList(name, ...aliases))`. */
  readonly aliases?: readonly string[];
  /** The description passed to `accepts(name, description)`; `''` when none. */
  readonly description: string;
  /** Present when the option takes an argument. */
  readonly argument?: OptionArgumentSpec;
  /** `.required()` (only on argument-taking options): help marks it `* `, parse fails without it. */
  readonly required?: boolean;
  /** `.requiredUnless("a", "b")`: required unless any of these options is present. */
  readonly requiredUnless?: readonly string[];
  /** `.requiredIf("a", "b")`: required when any of these options is present. */
  readonly requiredIf?: readonly string[];
  /** `.availableIf("a", "b")`: allowed only when any of these options is present. */
  readonly availableIf?: readonly string[];
  /** `.availableUnless("a", "b")`: not allowed when any of these options is present. */
  readonly availableUnless?: readonly string[];
  /** `.forHelp()`: its presence switches off the required/available checks. */
  readonly forHelp?: boolean;
}

/** `parser.accepts("help", "Print usage information.").forHelp()` (CommandDefaultOptions.java). */
export const HELP_OPTION: OptionSpec = {
  name: 'help',
  description: 'Print usage information.',
  forHelp: true,
};

/** `parser.accepts("version", "Display Kafka version.").forHelp()` (CommandDefaultOptions.java). */
export const VERSION_OPTION: OptionSpec = {
  name: 'version',
  description: 'Display Kafka version.',
  forHelp: true,
};

/**
 * The option table of a tool built on Kafka's `CommandDefaultOptions`: `--help` and `--version`
 * are declared first (in its constructor), then the tool's own options in source order.
 */
export function withDefaultOptions(specs: readonly OptionSpec[]): OptionSpec[] {
  return [HELP_OPTION, VERSION_OPTION, ...specs];
}

/**
 * The option's names as jopt stores them (`AbstractOptionSpec.arrangeOptions`): a single name as
 * given; several names with one-character names first, each group sorted.
 */
export function optionNames(spec: OptionSpec): string[] {
  const all = [spec.name, ...(spec.aliases ?? [])];
  if (all.length === 1) return all;
  const byUtf16 = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const shorts = all.filter((n) => n.length === 1).sort(byUtf16);
  const longs = all.filter((n) => n.length !== 1).sort(byUtf16);
  return [...shorts, ...longs];
}

/**
 * Java's `OptionSpec.toString()` (`options.toString()`): `[partitions]`, `[a, alpha]`. Kafka's
 * CommandLineUtils prints specs this way, e.g. `Missing required argument "[topic]"`.
 */
export function specToString(spec: OptionSpec): string {
  return `[${optionNames(spec).join(', ')}]`;
}

/**
 * jopt's hash of a spec (`AbstractOptionSpec.hashCode` = `options.hashCode()`, and
 * `ArgumentAcceptingOptionSpec` xors 1 for an optional argument). Used to order Java HashSets.
 */
export function specHashCode(spec: OptionSpec): number {
  const base = javaStringListHash(optionNames(spec));
  return spec.argument?.kind === 'optional' ? base ^ 1 : base;
}

const LEGAL_PUNCTUATION = '?._-';

/**
 * `ParserRules.ensureLegalOption`: names may not start with `-` and use letters, digits and `?._-`.
 * jopt throws IllegalOptionSpecificationException while the tool builds its parser, so a bad table
 * is a programming error here too.
 */
export function ensureLegalOptionName(name: string): void {
  if (name.startsWith('-')) throw new Error(`${name} is not a legal option character`);
  for (const ch of name) {
    if (!/^[\p{L}\p{Nd}]$/u.test(ch) && !LEGAL_PUNCTUATION.includes(ch)) {
      throw new Error(`${ch} is not a legal option character`);
    }
  }
}

/** Checks a whole option table the way jopt's builder would while the tool starts. */
export function validateOptionTable(specs: readonly OptionSpec[]): void {
  const seen = new Set<string>();
  for (const spec of specs) {
    for (const name of optionNames(spec)) {
      ensureLegalOptionName(name);
      if (seen.has(name)) throw new Error(`option ${name} declared twice`);
      seen.add(name);
    }
    if (spec.required && !spec.argument) {
      throw new Error(
        `option ${spec.name}: required() exists only after withRequiredArg/withOptionalArg`,
      );
    }
  }
  for (const spec of specs) {
    const dependents = [
      ...(spec.requiredUnless ?? []),
      ...(spec.requiredIf ?? []),
      ...(spec.availableIf ?? []),
      ...(spec.availableUnless ?? []),
    ];
    for (const dependent of dependents) {
      // OptionSpecBuilder.validatedDependents → UnconfiguredOptionException.
      if (!seen.has(dependent)) {
        throw new Error(`Option(s) [${dependent}] not configured on this parser`);
      }
    }
  }
}
