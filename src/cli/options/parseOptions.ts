/**
 * jopt-simple 5.0.4's `OptionParser.parse` as Kafka 3.9's tools use it: `new OptionParser(false)`
 * (CommandDefaultOptions.java), so long options must be spelled out in full.
 *
 * Rules (joptsimple/OptionParser.java, OptionParserState.java, ParserRules.java, KeyValuePair.java,
 * RequiredArgumentOptionSpec.java, OptionalArgumentOptionSpec.java):
 * - `--` ends the options; every later argument is a non-option argument.
 * - `--name` and `--name=value` (split at the first `=`); an unknown name fails with
 *   `name is not a recognized option`. `--partition` does not abbreviate `--partitions`.
 * - `-name` / `-name=value` is the long option when `name` is a full option name; otherwise the
 *   token is a cluster of one-character options and the first unknown character is reported
 *   (`-from-begining` → `f is not a recognized option`).
 * - `-` alone and anything not starting with `-` are non-option arguments, kept in order.
 * - A required argument is the rest after `=`, else the next argument whatever it looks like;
 *   none left → `Option partitions requires an argument`. An optional argument takes the next
 *   argument only if it does not look like an option (or, for numeric types, is a number).
 * - An option without an argument ignores `=value`. Repeated options collect their values.
 * - After the scan: `required`/`requiredIf`/`requiredUnless` → `Missing required option(s) [...]`,
 *   then `availableIf`/`availableUnless`; both skipped when a `forHelp` option is present.
 * - `ofType` conversion happens when a value is read (`OptionSet.valuesOf`), not while parsing.
 */
import { javaStringHash, javaStringListHash, JavaHashMapOrder } from './javaHash';
import {
  missingRequiredOptions,
  multipleArgumentsForOption,
  OptionError,
  optionArgumentConversion,
  optionMissingRequiredArgument,
  unavailableOptions,
  unrecognizedOption,
} from './optionError';
import type { OptionSpec, OptionValueType } from './optionSpec';
import { optionNames, validateOptionTable } from './optionSpec';
import { parseJavaDouble, parseJavaInteger, parseJavaLong } from './valueConverters';

/** `NonOptionArgumentSpec.NAME`: jopt registers the non-option arguments under this name. */
const NON_OPTIONS_NAME = '[arguments]';

/** jopt's name for an option in messages: its synonyms joined with `/`. */
export function optionString(spec: OptionSpec): string {
  return optionNames(spec).join('/');
}

/** `ParserRules.isLongOptionToken`: starts with `--` and is not exactly `--`. */
export function isLongOptionToken(arg: string): boolean {
  return arg.startsWith('--') && arg !== '--';
}

/** `ParserRules.isShortOptionToken`: starts with `-`, is not `-`, and is not a long option token. */
export function isShortOptionToken(arg: string): boolean {
  return arg.startsWith('-') && arg !== '-' && !isLongOptionToken(arg);
}

/** `KeyValuePair.valueOf`: split at the first `=`; no `=` gives an empty value. */
function keyValue(s: string): { key: string; value: string } {
  const eq = s.indexOf('=');
  return eq < 0 ? { key: s, value: '' } : { key: s.slice(0, eq), value: s.slice(eq + 1) };
}

/** `java.util.StringTokenizer(s, delimiters)`: split at any delimiter character, no empty tokens. */
function tokenize(s: string, delimiters: string): string[] {
  const tokens: string[] = [];
  let current = '';
  for (const unit of s.split('')) {
    if (delimiters.includes(unit)) {
      if (current !== '') tokens.push(current);
      current = '';
    } else {
      current += unit;
    }
  }
  if (current !== '') tokens.push(current);
  return tokens;
}

type Converted = string | number | bigint;

/** Converts one value the way `ofType(type)` does; `undefined` where Java's `valueOf` throws. */
function convert(type: OptionValueType, raw: string): Converted | undefined {
  switch (type) {
    case 'String':
      return raw;
    case 'Integer':
      return parseJavaInteger(raw);
    case 'Long':
      return parseJavaLong(raw);
    case 'Double':
      return parseJavaDouble(raw);
  }
}

function valueType(spec: OptionSpec): OptionValueType {
  return spec.argument?.type ?? 'String';
}

/**
 * The options found on a command line (jopt's `OptionSet`), looked up by any of an option's names.
 * Reading a value converts it to the option's `ofType` and throws the `OptionError` jopt would
 * (`Cannot parse argument 'abc' of option partitions`, `Found multiple arguments for option …`).
 */
export class ParsedOptions {
  /** @internal Built by {@link parseOptions}. */
  constructor(
    /** The option table the command line was parsed against, in declaration order. */
    readonly specs: readonly OptionSpec[],
    /** The arguments that were parsed (without the command name). */
    readonly argv: readonly string[],
    private readonly byName: ReadonlyMap<string, OptionSpec>,
    private readonly detected: ReadonlyMap<OptionSpec, readonly string[]>,
    private readonly nonOptions: readonly string[],
  ) {}

  /** The declared spec with this name or alias; an undeclared name is a programming error. */
  spec(name: string): OptionSpec {
    const spec = this.byName.get(name);
    if (!spec) throw new Error(`option "${name}" is not declared`);
    return spec;
  }

  /** `OptionSet.has`: the option appeared on the command line (defaults do not count). */
  has(name: string): boolean {
    return this.detected.has(this.spec(name));
  }

  /** `OptionSet.hasArgument`: the option appeared with at least one argument. */
  hasArgument(name: string): boolean {
    return (this.detected.get(this.spec(name)) ?? []).length > 0;
  }

  /**
   * `OptionSet.valuesOf`: every argument given, in order (or the defaults when none was given), as
   * typed on the command line. Each is first checked against the option's type.
   */
  valuesOf(name: string): string[] {
    return this.rawValues(this.spec(name)).map((v) => v.raw);
  }

  /** `OptionSet.valueOf`: the single argument (or first default), or `undefined`. */
  valueOf(name: string): string | undefined {
    return this.single(this.spec(name), this.valuesOf(name));
  }

  /** Values of an `ofType(Integer.class)` option. */
  intValuesOf(name: string): number[] {
    return this.typedValues(name, 'Integer') as number[];
  }

  /** Value of an `ofType(Integer.class)` option (or its default), or `undefined`. */
  intValueOf(name: string): number | undefined {
    return this.single(this.spec(name), this.intValuesOf(name));
  }

  /** Values of an `ofType(Long.class)` option. */
  longValuesOf(name: string): bigint[] {
    return this.typedValues(name, 'Long') as bigint[];
  }

  /** Value of an `ofType(Long.class)` option (or its default), or `undefined`. */
  longValueOf(name: string): bigint | undefined {
    return this.single(this.spec(name), this.longValuesOf(name));
  }

  /** Values of an `ofType(Double.class)` option. */
  doubleValuesOf(name: string): number[] {
    return this.typedValues(name, 'Double') as number[];
  }

  /** Value of an `ofType(Double.class)` option (or its default), or `undefined`. */
  doubleValueOf(name: string): number | undefined {
    return this.single(this.spec(name), this.doubleValuesOf(name));
  }

  /** `OptionSet.nonOptionArguments`: arguments that are not options or option arguments, in order. */
  nonOptionArguments(): string[] {
    return [...this.nonOptions];
  }

  private single<T>(spec: OptionSpec, values: readonly T[]): T | undefined {
    if (values.length > 1) throw multipleArgumentsForOption(optionString(spec));
    return values[0];
  }

  private typedValues(name: string, type: OptionValueType): Converted[] {
    const spec = this.spec(name);
    if (valueType(spec) !== type) {
      throw new Error(`option "${name}" is of type ${valueType(spec)}, not ${type}`);
    }
    return this.rawValues(spec).map((v) => v.value);
  }

  private rawValues(spec: OptionSpec): { raw: string; value: Converted }[] {
    const given = this.detected.get(spec) ?? [];
    const type = valueType(spec);
    if (given.length === 0) {
      // OptionSet.defaultValueFor: defaults are typed Java values, never re-parsed by jopt.
      return (spec.argument?.defaultValues ?? []).map((raw) => ({
        raw,
        value: convert(type, raw) ?? raw,
      }));
    }
    return given.map((raw) => {
      const value = convert(type, raw);
      if (value === undefined) throw optionArgumentConversion(optionString(spec), raw);
      return { raw, value };
    });
  }
}

/** The outcome of {@link parseOptions}: the options found, or the exception jopt throws. */
export type ParseResult = ParsedOptions | OptionError;

/**
 * Parses `argv` (the arguments after the command name) against an option table, as
 * `parser.parse(args)` does in a Kafka tool. Never throws for bad user input: returns the
 * `OptionError` instead. Throws `Error` only for an invalid option table.
 */
export function parseOptions(specs: readonly OptionSpec[], argv: readonly string[]): ParseResult {
  validateOptionTable(specs);
  const byName = new Map<string, OptionSpec>();
  for (const spec of specs) for (const name of optionNames(spec)) byName.set(name, spec);

  const detected = new Map<OptionSpec, string[]>();
  const nonOptions: string[] = [];
  let index = 0;

  const record = (spec: OptionSpec, argument?: string) => {
    const values = detected.get(spec) ?? [];
    detected.set(spec, values);
    if (argument !== undefined) values.push(argument);
  };

  // ArgumentAcceptingOptionSpec.addArguments: one argument may hold several separated values.
  const addArguments = (spec: OptionSpec, argument: string) => {
    const tokens = tokenize(argument, spec.argument?.valuesSeparatedBy ?? '\u0000');
    if (tokens.length === 0) record(spec, argument);
    else for (const token of tokens) record(spec, token);
  };

  const canConvert = (spec: OptionSpec, argument: string) =>
    tokenize(argument, spec.argument?.valuesSeparatedBy ?? '\u0000').every(
      (token) => convert(valueType(spec), token) !== undefined,
    );

  const handleOption = (name: string, detectedArgument: string | null) => {
    if (name === NON_OPTIONS_NAME) {
      // NonOptionArgumentSpec.handleOption: `--[arguments]=x` adds x as a non-option argument.
      if (detectedArgument !== null) nonOptions.push(detectedArgument);
      return;
    }
    const spec = byName.get(name) as OptionSpec;
    const argument = spec.argument;
    if (!argument) {
      record(spec); // NoArgumentOptionSpec ignores any `=value`.
      return;
    }
    if (detectedArgument !== null && detectedArgument !== '') {
      addArguments(spec, detectedArgument);
      return;
    }
    if (argument.kind === 'required') {
      const next = argv[index];
      if (next === undefined) throw optionMissingRequiredArgument(optionString(spec));
      index += 1;
      addArguments(spec, next);
      return;
    }
    const next = argv[index];
    const numeric = valueType(spec) !== 'String';
    const looksLikeOption =
      next !== undefined && (isShortOptionToken(next) || isLongOptionToken(next));
    if (next !== undefined && canConvert(spec, next) && (!looksLikeOption || numeric)) {
      index += 1;
      addArguments(spec, next);
    } else {
      record(spec);
    }
  };

  const isRecognized = (name: string) => name === NON_OPTIONS_NAME || byName.has(name);

  const handleShortOptionCluster = (candidate: string) => {
    const chars = candidate.slice(1).split('');
    for (const ch of chars) {
      if (!isRecognized(ch)) throw unrecognizedOption(ch);
      if (byName.get(ch)?.argument) break;
    }
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i] as string;
      if (byName.get(ch)?.argument && i + 1 < chars.length) {
        handleOption(ch, chars.slice(i + 1).join(''));
        break;
      }
      handleOption(ch, null);
    }
  };

  try {
    let moreOptions = true;
    while (index < argv.length) {
      const candidate = argv[index] as string;
      index += 1;
      if (!moreOptions) {
        nonOptions.push(candidate);
      } else if (candidate === '--') {
        moreOptions = false;
      } else if (isLongOptionToken(candidate)) {
        const { key, value } = keyValue(candidate.slice(2));
        if (!isRecognized(key)) throw unrecognizedOption(key);
        handleOption(key, value);
      } else if (isShortOptionToken(candidate)) {
        const { key, value } = keyValue(candidate.slice(1));
        if (isRecognized(key)) handleOption(key, value);
        else handleShortOptionCluster(candidate);
      } else {
        nonOptions.push(candidate);
      }
    }

    const helpPresent = specs.some((spec) => spec.forHelp && detected.has(spec));
    if (!helpPresent) {
      const missing = missingRequired(specs, byName, detected);
      if (missing.length > 0) throw missingRequiredOptions(missing.map(optionString));
      const forbidden = unavailable(specs, byName, detected);
      if (forbidden.length > 0) throw unavailableOptions(forbidden.map(optionString));
    }
  } catch (e) {
    if (e instanceof OptionError) return e;
    throw e;
  }
  return new ParsedOptions(specs, [...argv], byName, detected, nonOptions);
}

const specListHash = (spec: OptionSpec) => javaStringListHash(optionNames(spec));

/**
 * Iteration order of jopt's `HashMap<List<String>, Set<OptionSpec>>` for requiredIf /
 * requiredUnless / availableIf / availableUnless: one key per spec that declared the clause.
 */
function dependencyOrder(
  specs: readonly OptionSpec[],
  has: (s: OptionSpec) => boolean,
): OptionSpec[] {
  const map = new JavaHashMapOrder<OptionSpec>(specListHash);
  for (const spec of specs) if (has(spec)) map.put(spec);
  return map.keys();
}

/**
 * `OptionParser.missingRequiredOptions`: `required()` specs in the order of the parser's name → spec
 * HashMap copied by `toJavaUtilMap()`, then unmet requiredIf, then unmet requiredUnless.
 */
function missingRequired(
  specs: readonly OptionSpec[],
  byName: ReadonlyMap<string, OptionSpec>,
  detected: ReadonlyMap<OptionSpec, readonly string[]>,
): OptionSpec[] {
  const names = new JavaHashMapOrder<string>(javaStringHash);
  names.put(NON_OPTIONS_NAME);
  for (const spec of specs) for (const name of optionNames(spec)) names.put(name);
  const anyPresent = (deps: readonly string[] = []) =>
    deps.some((d) => detected.has(byName.get(d) as OptionSpec));

  const missing: OptionSpec[] = [];
  for (const name of JavaHashMapOrder.copyOf(names).keys()) {
    const spec = byName.get(name);
    if (spec?.required && !detected.has(spec)) missing.push(spec);
  }
  for (const spec of dependencyOrder(specs, (s) => !!s.requiredIf?.length)) {
    if (anyPresent(spec.requiredIf) && !detected.has(spec)) missing.push(spec);
  }
  for (const spec of dependencyOrder(specs, (s) => !!s.requiredUnless?.length)) {
    if (!anyPresent(spec.requiredUnless) && !detected.has(spec)) missing.push(spec);
  }
  return missing;
}

/** `OptionParser.unavailableOptions`: availableIf unmet, then availableUnless violated. */
function unavailable(
  specs: readonly OptionSpec[],
  byName: ReadonlyMap<string, OptionSpec>,
  detected: ReadonlyMap<OptionSpec, readonly string[]>,
): OptionSpec[] {
  const anyPresent = (deps: readonly string[] = []) =>
    deps.some((d) => detected.has(byName.get(d) as OptionSpec));

  const forbidden: OptionSpec[] = [];
  for (const spec of dependencyOrder(specs, (s) => !!s.availableIf?.length)) {
    if (!anyPresent(spec.availableIf) && detected.has(spec)) forbidden.push(spec);
  }
  for (const spec of dependencyOrder(specs, (s) => !!s.availableUnless?.length)) {
    if (anyPresent(spec.availableUnless) && detected.has(spec)) forbidden.push(spec);
  }
  return forbidden;
}
