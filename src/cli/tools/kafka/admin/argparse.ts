/**
 * The little of argparse4j 0.7 (net.sourceforge.argparse4j) that kafka-metadata-quorum and
 * kafka-storage use: `--name VALUE` / `--name=VALUE` / short aliases, store-true flags, one level of
 * subcommands, and its error texts (`too few arguments`, `argument --x is required`,
 * `unrecognized arguments: '…'`). Usage lines are wrapped at argparse4j's default width of 75
 * columns (INFERRED: the exact wrapping was not compared with a real run).
 */

export interface ArgSpec {
  /** Names as declared, long first: `['--cluster-id', '-t']`. */
  names: string[];
  /** Stores a value (`store()`/`append()`) or is a flag (`storeTrue()`). */
  kind: 'value' | 'flag' | 'append';
  required?: boolean;
  /** Mutually exclusive group id; `groupRequired` marks a required group. */
  group?: string;
  groupRequired?: boolean;
}

export interface SubcommandSpec {
  name: string;
  args: ArgSpec[];
}

export interface ParsedArgs {
  command?: string;
  /** Values by the argument's first long name without dashes, `-` as `_` (argparse4j `dest`). */
  values: Map<string, string | string[] | boolean>;
}

/** An argparse4j `ArgumentParserException`: the message after `prog: error: `. */
export class ArgumentParserError extends Error {}

const dest = (a: ArgSpec) => a.names[0]!.replace(/^-+/, '').replace(/-/g, '_');
const metavar = (a: ArgSpec) => a.names[0]!.replace(/^-+/, '').replace(/-/g, '_').toUpperCase();

function usageToken(a: ArgSpec): string {
  const name = a.names[0]!;
  return a.kind === 'flag' ? name : `${name} ${metavar(a)}`;
}

/** `usage: prog …` wrapped at 75 columns, continuation lines aligned after `usage: prog `. */
export function usageLine(prog: string, args: ArgSpec[], subcommands?: string[]): string {
  const tokens = ['[-h]'];
  const groups = new Map<string, ArgSpec[]>();
  for (const a of args) {
    if (a.group) {
      if (!groups.has(a.group)) {
        groups.set(a.group, []);
        tokens.push(`\u0000${a.group}`);
      }
      groups.get(a.group)!.push(a);
      continue;
    }
    tokens.push(a.required ? usageToken(a) : `[${usageToken(a)}]`);
  }
  const rendered = tokens.map((t) => {
    if (!t.startsWith('\u0000')) return t;
    const members = groups.get(t.slice(1))!;
    const inner = members.map(usageToken).join(' | ');
    return members[0]!.groupRequired ? `(${inner})` : `[${inner}]`;
  });
  if (subcommands) rendered.push(`{${subcommands.join(',')}}`, '...');
  const head = `usage: ${prog} `;
  const lines: string[] = [];
  let line = head;
  for (const t of rendered) {
    if (line.length > head.length && line.length + t.length > 75) {
      lines.push(line.trimEnd());
      line = ' '.repeat(head.length);
    }
    line += `${t} `;
  }
  lines.push(line.trimEnd());
  return `${lines.join('\n')}\n`;
}

/** Parses `argv` against top-level `args` and optional `subcommands`. */
export function parseArgs(
  argv: readonly string[],
  args: ArgSpec[],
  subcommands: SubcommandSpec[] = [],
): ParsedArgs & { help: boolean } {
  const values = new Map<string, string | string[] | boolean>();
  let command: string | undefined;
  let active = args;
  let help = false;
  const unrecognized: string[] = [];
  const seen = new Set<ArgSpec>();
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '-h' || token === '--help') {
      help = true;
      continue;
    }
    if (!token.startsWith('-') || token === '-') {
      const sub = command === undefined ? subcommands.find((s) => s.name === token) : undefined;
      if (sub) {
        command = sub.name;
        active = sub.args;
        continue;
      }
      if (command === undefined && subcommands.length > 0)
        throw new ArgumentParserError(
          `argument {${subcommands.map((s) => s.name).join(',')}}: invalid choice: '${token}' (choose from ${subcommands.map((s) => `'${s.name}'`).join(', ')})`,
        );
      unrecognized.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const name = eq > 0 && token.startsWith('--') ? token.slice(0, eq) : token;
    const spec = active.find((a) => a.names.includes(name));
    if (!spec) {
      unrecognized.push(token);
      continue;
    }
    seen.add(spec);
    if (spec.kind === 'flag') {
      values.set(dest(spec), true);
      continue;
    }
    let value: string | undefined;
    if (eq > 0 && token.startsWith('--')) value = token.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('-')) value = argv[++i];
    if (value === undefined)
      throw new ArgumentParserError(`argument ${spec.names.join('/')}: expected one argument`);
    if (spec.kind === 'append') {
      const list = (values.get(dest(spec)) as string[] | undefined) ?? [];
      values.set(dest(spec), [...list, value]);
    } else values.set(dest(spec), value);
  }
  if (help) return { command, values, help };
  for (const scope of [args, subcommands.find((s) => s.name === command)?.args ?? []]) {
    for (const a of scope)
      if (a.required && !seen.has(a))
        throw new ArgumentParserError(`argument ${a.names.join('/')} is required`);
    const groups = new Map<string, ArgSpec[]>();
    for (const a of scope) if (a.group) groups.set(a.group, [...(groups.get(a.group) ?? []), a]);
    for (const members of groups.values()) {
      const given = members.filter((m) => seen.has(m));
      if (given.length > 1)
        throw new ArgumentParserError(
          `argument ${given[1]!.names.join('/')}: not allowed with argument ${given[0]!.names.join('/')}`,
        );
      if (given.length === 0 && members[0]!.groupRequired)
        throw new ArgumentParserError(
          `one of the arguments ${members.map((m) => m.names.join('/')).join(' ')} is required`,
        );
    }
  }
  if (subcommands.length > 0 && command === undefined)
    throw new ArgumentParserError('too few arguments');
  if (unrecognized.length > 0)
    throw new ArgumentParserError(`unrecognized arguments: '${unrecognized.join(' ')}'`);
  return { command, values, help };
}
