/**
 * The argparse4j 0.7.0 parser behind `ProducerPerformance.argParser()` (net/sourceforge/argparse4j/
 * internal/ArgumentParserImpl.java, ArgumentImpl.java, ArgumentGroupImpl.java,
 * impl/type/ReflectArgumentType.java): named arguments only, `store()` with `nargs("+")` or one
 * value, `storeTrue()`, `type(Integer|Long|Double|String)`, required arguments and required
 * mutually exclusive groups, `defaultHelp(true)`.
 *
 * Parsing as argparse4j does it: `--name value`, `--name=value`, unambiguous prefixes of long
 * names (`--num` for `--num-records`), `-1` taken as a value rather than a flag, values converted
 * while parsing; `-h`/`--help` prints the help at once. Errors are `ArgumentParserException`s
 * whose message names the argument (`argument --topic: expected one argument`).
 */
import { FORMAT_WIDTH, helpEntry, usageText, wrap } from './argparseText';
import { parseJavaDouble, parseJavaInteger, parseJavaLong } from '../../../options/valueConverters';

/** `type(X.class)`: the Java type a value is converted to with `X.valueOf(String)`. */
export type ArgType = 'String' | 'Integer' | 'Long' | 'Double';

/** One `parser.addArgument(flags…)` chain. */
export interface ArgSpec {
  /** Flags as declared, e.g. `['--num-records']`. */
  readonly flags: readonly string[];
  /** `dest(...)`, else the first long flag without dashes, `-` as `_`. */
  readonly dest?: string;
  /** `store()` (the default) or `storeTrue()` (a flag, default false). */
  readonly action?: 'store' | 'storeTrue' | 'help';
  readonly type?: ArgType;
  readonly metavar?: string;
  /** `nargs("+")`: one or more values. */
  readonly nargs?: '+';
  readonly required?: boolean;
  /** `setDefault(...)`, as Java's `toString()` prints it in the help. */
  readonly defaultValue?: string;
  readonly help: string;
  /** Index of the mutually exclusive group (`payloadOptions.addArgument`). */
  readonly group?: number;
}

/** `parser.addMutuallyExclusiveGroup()`: `required(...)` and `description(...)`. */
export interface MutexGroupSpec {
  readonly required: boolean;
  readonly description: string;
}

/** `ArgumentParsers.newArgumentParser(prog).defaultHelp(true).description(...)` and its arguments. */
export interface ParserSpec {
  readonly prog: string;
  readonly description: string;
  readonly defaultHelp: boolean;
  /** In `addArgument` order; `-h/--help` is added first by the parser itself. */
  readonly args: readonly ArgSpec[];
  readonly groups: readonly MutexGroupSpec[];
}

/** A parsed value: a string, a number (Integer, Long, Double), a boolean flag, or a `+` list. */
export type ArgValue = string | number | boolean | string[] | null;

/** `net.sourceforge.argparse4j.inf.ArgumentParserException`: the message `handleError` prints. */
export class ArgumentParserException extends Error {
  /** @param flag for an unknown flag, the flag: `handleError` then suggests similar ones. */
  constructor(
    message: string,
    readonly unrecognizedFlag?: string,
  ) {
    super(message);
  }
}

/** Thrown after `-h`/`--help` printed the help (argparse4j's `HelpScreenException`). */
export class HelpScreenException extends ArgumentParserException {}

const HELP_ARG: ArgSpec = {
  flags: ['-h', '--help'],
  action: 'help',
  help: 'show this help message and exit',
};

const NEG_NUM = /^-\d+$/;

/** The argument's `dest`. */
export function destOf(arg: ArgSpec): string {
  if (arg.dest !== undefined) return arg.dest;
  const long = arg.flags.find((f) => f.startsWith('--')) ?? arg.flags[0]!;
  return long.replace(/^-+/, '').replace(/-/g, '_');
}

/** `ArgumentImpl.textualName()`: the flags joined with `/`. */
function textualName(arg: ArgSpec): string {
  return arg.flags.join('/');
}

function metavarOf(arg: ArgSpec): string {
  return arg.metavar ?? destOf(arg).toUpperCase();
}

/** `formatMetavar()`: `M`, or `M [M ...]` for `nargs("+")`, nothing for a flag. */
function formatMetavar(arg: ArgSpec): string {
  if (arg.action === 'storeTrue' || arg.action === 'help') return '';
  const mv = metavarOf(arg);
  return arg.nargs === '+' ? `${mv} [${mv} ...]` : mv;
}

function shortSyntaxNoBracket(arg: ArgSpec): string {
  const mv = formatMetavar(arg);
  return mv === '' ? arg.flags[0]! : `${arg.flags[0]} ${mv}`;
}

/** `formatShortSyntax()`: `--topic TOPIC`, in brackets when not required. */
function shortSyntax(arg: ArgSpec): string {
  const s = shortSyntaxNoBracket(arg);
  return arg.required ? s : `[${s}]`;
}

/** The arguments with the parser's own `-h/--help` first. */
function allArgs(spec: ParserSpec): ArgSpec[] {
  return [HELP_ARG, ...spec.args];
}

/** `printUsage`: named arguments outside mutex groups, then each mutex group, wrapped. */
export function formatUsage(spec: ParserSpec): string {
  const tokens: string[] = [];
  for (const arg of allArgs(spec)) if (arg.group === undefined) tokens.push(shortSyntax(arg));
  spec.groups.forEach((group, index) => {
    const members = spec.args.filter((a) => a.group === index);
    if (members.length > 1) {
      tokens.push(`${group.required ? '(' : '['}${shortSyntaxNoBracket(members[0]!)}`);
      for (const arg of members.slice(1, -1)) tokens.push('|', shortSyntaxNoBracket(arg));
      tokens.push(
        '|',
        `${shortSyntaxNoBracket(members[members.length - 1]!)}${group.required ? ')' : ']'}`,
      );
    } else if (members.length === 1) {
      tokens.push(group.required ? shortSyntaxNoBracket(members[0]!) : shortSyntax(members[0]!));
    }
  });
  return usageText(spec.prog, tokens);
}

/** One argument's help entry: flags and metavar, then the help with `(default: …)` appended. */
function argumentHelp(spec: ParserSpec, arg: ArgSpec): string {
  const mv = formatMetavar(arg);
  const title = `${arg.flags.join(', ')}${mv === '' ? '' : ` ${mv}`}`;
  const defaultValue = arg.action === 'storeTrue' ? 'false' : arg.defaultValue;
  let help = arg.help;
  if (spec.defaultHelp && defaultValue !== undefined)
    help = `${help}${help === '' ? '' : ' '}(default: ${defaultValue})`;
  return helpEntry(title, help);
}

/**
 * `printHelp`: usage, description, `optional arguments:` (argparse4j 0.7.0's heading), then
 * each mutually exclusive group with a description in a section of its own.
 */
export function formatHelp(spec: ParserSpec): string {
  let out = formatUsage(spec);
  if (spec.description !== '') out += `\n${wrap(spec.description, FORMAT_WIDTH, 0, '', '')}\n`;
  out += '\noptional arguments:\n';
  for (const arg of allArgs(spec))
    if (arg.group === undefined || spec.groups[arg.group]!.description === '')
      out += argumentHelp(spec, arg);
  spec.groups.forEach((group, index) => {
    if (group.description === '') return;
    out += `\n  ${wrap(group.description, FORMAT_WIDTH, 2, '', '  ')}\n\n`;
    for (const arg of spec.args) if (arg.group === index) out += argumentHelp(spec, arg);
  });
  return out;
}

/**
 * `handleError`: the usage, then `prog: error: message` wrapped and justified at 75 columns, then
 * for an unknown flag the closest known flags (`Did you mean:`), all on stderr.
 */
export function formatError(spec: ParserSpec, e: ArgumentParserException): string {
  let out = formatUsage(spec);
  out += wrap(`${spec.prog}: error: ${e.message}\n`, FORMAT_WIDTH, 0, '', '');
  if (e.unrecognizedFlag !== undefined) {
    const body = e.unrecognizedFlag.replace(/^-+/, '');
    if (body.length >= 2) out += flagCandidates(spec, body);
  }
  return out;
}

/** Git's edit costs, as argparse4j borrows them (help.c). */
const SUBSTITUTION_COST = 2;
const SWAP_COST = 0;
const DELETION_COST = 4;
const ADDITION_COST = 1;

/** `ArgumentParserImpl.levenshtein`: Damerau–Levenshtein distance with git's costs. */
export function levenshtein(a: string, b: string): number {
  let prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : SUBSTITUTION_COST);
      if (
        i >= 2 &&
        j >= 2 &&
        a[i - 1] !== b[j - 1] &&
        a[i - 2] === b[j - 1] &&
        a[i - 1] === b[j - 2]
      )
        cur[j] = Math.min(cur[j]!, prev2[j - 2]! + SWAP_COST);
      cur[j] = Math.min(cur[j]!, Math.min(prev[j]! + DELETION_COST, cur[j - 1]! + ADDITION_COST));
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length]!;
}

/** `printFlagCandidates`: every long flag as close as the closest, when closer than 7. */
function flagCandidates(spec: ParserSpec, body: string): string {
  const candidates: { similarity: number; subject: string }[] = [];
  for (const arg of allArgs(spec)) {
    for (const flag of arg.flags) {
      const flagBody = flag.replace(/^-+/, '');
      if (flagBody.length <= 1) continue;
      candidates.push({
        similarity: flagBody.startsWith(body) ? 0 : levenshtein(body, flagBody),
        subject: flag,
      });
    }
  }
  if (candidates.length === 0) return '';
  candidates.sort((x, y) =>
    x.similarity !== y.similarity
      ? x.similarity - y.similarity
      : x.subject < y.subject
        ? -1
        : x.subject > y.subject
          ? 1
          : 0,
  );
  const threshold = candidates[0]!.similarity;
  if (threshold >= 7) return '';
  const best = candidates.filter((c) => c.similarity === threshold);
  return `\nDid you mean:\n${best.map((c) => `\t${c.subject}\n`).join('')}`;
}

/** `ReflectArgumentType.convert`: `X.valueOf(value)`, or the conversion error. */
function convert(arg: ArgSpec, value: string): string | number {
  const type = arg.type ?? 'String';
  if (type === 'String') return value;
  let converted: number | bigint | undefined;
  if (type === 'Integer') converted = parseJavaInteger(value);
  else if (type === 'Long') converted = parseJavaLong(value);
  else converted = parseJavaDouble(value);
  if (converted === undefined) {
    // NumberFormatException's message: FloatingDecimal says "empty String" for a blank double.
    const reason =
      type === 'Double' && value.trim() === '' ? 'empty String' : `For input string: "${value}"`;
    throw new ArgumentParserException(
      `argument ${textualName(arg)}: could not convert '${value}' to ${type} (${reason})`,
    );
  }
  return Number(converted);
}

/** What {@link parseArgs} returns: the values by `dest` (defaults included). */
export type Namespace = ReadonlyMap<string, ArgValue>;

/**
 * `parser.parseArgs(args)`.
 * @param onHelp prints the help (argparse4j prints it as soon as it meets `-h`)
 * @throws ArgumentParserException for bad arguments; HelpScreenException after `-h`
 */
export function parseArgs(
  spec: ParserSpec,
  argv: readonly string[],
  onHelp: (help: string) => void,
): Namespace {
  const args = allArgs(spec);
  const byFlag = new Map<string, ArgSpec>();
  for (const arg of args) for (const flag of arg.flags) byFlag.set(flag, arg);
  const values = new Map<string, ArgValue>();
  for (const arg of spec.args)
    values.set(
      destOf(arg),
      arg.action === 'storeTrue' ? false : arg.defaultValue !== undefined ? arg.defaultValue : null,
    );
  const used = new Set<ArgSpec>();
  const groupUsed = new Map<number, ArgSpec>();
  let separated = false;
  const isFlag = (term: string) =>
    !separated && term.length > 1 && term.startsWith('-') && !NEG_NUM.test(term);

  let i = 0;
  while (i < argv.length) {
    const term = argv[i]!;
    if (term === '--' && !separated) {
      separated = true;
      i++;
      continue;
    }
    // No positional arguments: everything from here on is unrecognized.
    if (!isFlag(term))
      throw new ArgumentParserException(`unrecognized arguments: '${argv.slice(i).join(' ')}'`);
    const eq = term.indexOf('=');
    const flag = eq === -1 ? term : term.slice(0, eq);
    const embedded = eq === -1 ? null : term.slice(eq + 1);
    const arg = resolveFlag(byFlag, flag);
    if (arg === undefined)
      throw new ArgumentParserException(`unrecognized arguments: '${term}'`, term);
    i++;
    if (arg.group !== undefined) {
      const other = groupUsed.get(arg.group);
      if (other === undefined) groupUsed.set(arg.group, arg);
      else if (other !== arg)
        throw new ArgumentParserException(
          `argument ${textualName(arg)}: not allowed with argument ${textualName(other)}`,
        );
    }
    used.add(arg);
    if (arg.action === 'help' || arg.action === 'storeTrue') {
      if (embedded !== null)
        throw new ArgumentParserException(
          `argument ${textualName(arg)}: ignore implicit argument '${embedded}'`,
        );
      if (arg.action === 'help') {
        onHelp(formatHelp(spec));
        throw new HelpScreenException('');
      }
      values.set(destOf(arg), true);
      continue;
    }
    if (arg.nargs === '+') {
      const list: string[] = [];
      if (embedded !== null) list.push(convert(arg, embedded) as string);
      else
        for (; i < argv.length && !isFlag(argv[i]!); i++)
          list.push(convert(arg, argv[i]!) as string);
      if (list.length < 1)
        throw new ArgumentParserException(`argument ${textualName(arg)}: expected 1 argument(s)`);
      values.set(destOf(arg), list);
      continue;
    }
    let value = embedded;
    if (value === null && i < argv.length && !isFlag(argv[i]!)) value = argv[i++]!;
    if (value === null)
      throw new ArgumentParserException(`argument ${textualName(arg)}: expected one argument`);
    values.set(destOf(arg), convert(arg, value));
  }
  for (const arg of args)
    if (arg.required && !used.has(arg))
      throw new ArgumentParserException(`argument ${textualName(arg)} is required`);
  spec.groups.forEach((group, index) => {
    if (group.required && !groupUsed.has(index)) {
      const names = spec.args.filter((a) => a.group === index).map((a) => `${textualName(a)} `);
      throw new ArgumentParserException(`one of the arguments ${names.join('')}is required`);
    }
  });
  return values;
}

/**
 * `resolveNextFlag`: the exact flag, else the only flag it abbreviates; several make it ambiguous.
 */
function resolveFlag(byFlag: ReadonlyMap<string, ArgSpec>, flag: string): ArgSpec | undefined {
  const exact = byFlag.get(flag);
  if (exact !== undefined) return exact;
  const candidates = [...byFlag.keys()].filter((f) => f.startsWith(flag));
  if (candidates.length === 0) return undefined;
  if (candidates.length === 1) return byFlag.get(candidates[0]!);
  candidates.sort();
  throw new ArgumentParserException(
    `ambiguous option: ${flag} could match ${candidates.join(', ')}`,
  );
}
