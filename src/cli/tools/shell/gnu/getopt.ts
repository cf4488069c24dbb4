/**
 * GNU `getopt_long` (glibc 2.36, as Debian 12's coreutils, grep and findutils call it): short
 * options clustered (`-inv`), an option argument attached or next (`-A3`, `-A 3`), long options by
 * any unambiguous prefix (`--ign` is `--ignore-case`), `--name=value`, `--` ending the options, and
 * operands anywhere among the options unless the tool stops at the first one (xargs). The error
 * texts are glibc's, without the `prog: ` prefix the tool adds.
 */

/** A long option: its name, whether it takes an argument, and the key the tool switches on. */
export interface LongOption {
  readonly name: string;
  readonly arg: 'none' | 'required' | 'optional';
  /** What the parse reports: the equivalent short letter (`n` for `--line-number`) or a name. */
  readonly key: string;
}

/** A tool's options, as its `getopt_long` call declares them. */
export interface GetoptSpec {
  /** The optstring: option letters, `:` after one that requires an argument. */
  readonly short: string;
  /** In the tool's table order: glibc lists ambiguous candidates in it. */
  readonly long: readonly LongOption[];
  /** Options end at the first operand (`+` in the optstring): xargs leaves its command's alone. */
  readonly stopAtOperand?: boolean;
}

/** One option found, in command-line order. */
export interface ParsedOption {
  readonly key: string;
  readonly value?: string;
  /** Index of the argument it came from (grep joins the digits of `-15` within one argument). */
  readonly index: number;
}

export type GetoptResult =
  { options: ParsedOption[]; operands: string[]; error?: undefined } | { error: string };

/** Parses `args` (argv without argv[0]). */
export function getopt(args: readonly string[], spec: GetoptSpec): GetoptResult {
  const options: ParsedOption[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const found = longOption(arg, spec.long);
      if ('error' in found) return found;
      const { option, inline } = found;
      if (option.arg === 'none' && inline !== undefined)
        return { error: `option '--${option.name}' doesn't allow an argument` };
      let value = inline;
      if (option.arg === 'required' && value === undefined) {
        if (i + 1 >= args.length)
          return { error: `option '--${option.name}' requires an argument` };
        value = args[++i]!;
      }
      options.push({ key: option.key, value, index: i });
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') {
      const index = i;
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j]!;
        const at = c === ':' ? -1 : spec.short.indexOf(c);
        if (at < 0) return { error: `invalid option -- '${c}'` };
        if (spec.short[at + 1] !== ':') {
          options.push({ key: c, index });
          continue;
        }
        const optional = spec.short[at + 2] === ':';
        let value: string | undefined = arg.slice(j + 1);
        if (value === '') {
          if (optional) value = undefined;
          else if (i + 1 < args.length) value = args[++i]!;
          else return { error: `option requires an argument -- '${c}'` };
        }
        options.push({ key: c, value, index });
        break;
      }
      continue;
    }
    if (spec.stopAtOperand) {
      operands.push(...args.slice(i));
      break;
    }
    operands.push(arg);
  }
  return { options, operands };
}

/** The long option `arg` names: exactly, or as the only prefix (glibc's ambiguity rule). */
function longOption(
  arg: string,
  table: readonly LongOption[],
): { option: LongOption; inline: string | undefined } | { error: string } {
  const eq = arg.indexOf('=');
  const name = arg.slice(2, eq < 0 ? undefined : eq);
  const inline = eq < 0 ? undefined : arg.slice(eq + 1);
  const exact = table.find((o) => o.name === name);
  if (exact) return { option: exact, inline };
  const matches = table.filter((o) => o.name.startsWith(name));
  const first = matches[0];
  if (!first) return { error: `unrecognized option '${arg}'` };
  // A candidate that does what the first one does (`--col` for --color/--colour) is no ambiguity.
  const others = matches.filter((o) => o.key !== first.key || o.arg !== first.arg);
  if (others.length === 0) return { option: first, inline };
  const possibilities = [first, ...others]
    .sort((a, b) => table.indexOf(a) - table.indexOf(b))
    .map((o) => ` '--${o.name}'`)
    .join('');
  return { error: `option '${arg}' is ambiguous; possibilities:${possibilities}` };
}
