/**
 * What every GNU tool here shares: `--version` (gnulib's `version_etc`), the usage-error lines, and
 * the quoting of names in messages. The texts are those of Debian 12 (bookworm): coreutils 9.1,
 * grep 3.8, findutils 4.9.0, in the C.UTF-8 locale.
 */
import { VirtualFs } from '../../../host/virtualFs';
import type { ProcessContext } from '../../../runtime/types';
import { getopt } from './getopt';
import type { GetoptSpec, ParsedOption } from './getopt';

/** A GNU program: its package and version, and the authors `--version` names. */
export interface GnuProgram {
  readonly name: string;
  readonly pkg: 'coreutils' | 'grep' | 'findutils';
  readonly authors: readonly string[];
  /** Exit status for a usage error: 1 in coreutils and findutils, 2 in grep and sort. */
  readonly usageStatus: number;
  /** grep prints its usage line before the `Try` line. */
  readonly usageLine?: string;
  readonly help: string;
}

const packages = {
  coreutils: { title: 'GNU coreutils', version: '9.1', year: 2022 },
  grep: { title: 'GNU grep', version: '3.8', year: 2022 },
  findutils: { title: 'GNU findutils', version: '4.9.0', year: 2022 },
};

/** `version_etc`'s "Written by" line, with its line break before the last of four authors. */
function writtenBy(authors: readonly string[]): string {
  const [a, b, c, d] = authors;
  switch (authors.length) {
    case 1:
      return `Written by ${a}.`;
    case 2:
      return `Written by ${a} and ${b}.`;
    case 3:
      return `Written by ${a}, ${b}, and ${c}.`;
    default:
      return `Written by ${a}, ${b}, ${c},\nand ${d}.`;
  }
}

/** `prog --version`. */
export function versionText(p: GnuProgram): string {
  const pkg = packages[p.pkg];
  const by =
    p.pkg === 'grep'
      ? 'Written by Mike Haertel and others; see\n<https://git.sv.gnu.org/cgit/grep.git/tree/AUTHORS>.'
      : writtenBy(p.authors);
  return (
    `${p.name} (${pkg.title}) ${pkg.version}\n` +
    `Copyright (C) ${pkg.year} Free Software Foundation, Inc.\n` +
    'License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n' +
    'This is free software: you are free to change and redistribute it.\n' +
    'There is NO WARRANTY, to the extent permitted by law.\n\n' +
    `${by}\n`
  );
}

/** `--version`: prints the version text and ends the process. */
export function showVersion(ctx: ProcessContext, p: GnuProgram): undefined {
  ctx.stdout(versionText(p));
  ctx.exit(0);
  return undefined;
}

/** Writes `prog: message`, the usage hint, and ends with the usage-error status. */
export function usageError(
  ctx: ProcessContext,
  p: GnuProgram,
  message?: string,
  status = p.usageStatus,
): void {
  if (message !== undefined) ctx.stderr(`${p.name}: ${message}\n`);
  if (p.usageLine) ctx.stderr(`${p.usageLine}\n`);
  ctx.stderr(`Try '${p.name} --help' for more information.\n`);
  ctx.exit(status);
}

/**
 * Parses the tool's options; `--help` and `--version` are answered here. Undefined when the
 * process has already ended (an option error, help or version).
 */
export function parseArgs(
  ctx: ProcessContext,
  p: GnuProgram,
  spec: GetoptSpec,
  args: readonly string[] = ctx.argv.slice(1),
): { options: ParsedOption[]; operands: string[] } | undefined {
  const long = [...spec.long];
  if (!long.some((o) => o.name === 'help'))
    long.push(
      { name: 'help', arg: 'none', key: 'help' },
      { name: 'version', arg: 'none', key: 'version' },
    );
  const parsed = getopt(args, { ...spec, long });
  if (parsed.error !== undefined) {
    usageError(ctx, p, parsed.error);
    return undefined;
  }
  for (const o of parsed.options) {
    if (o.key === 'help') {
      ctx.stdout(p.help);
      ctx.exit(0);
      return undefined;
    }
    if (o.key === 'version') return showVersion(ctx, p);
  }
  return parsed;
}

/** The long option names of `spec`, with `--help` and `--version`: for tab completion and `help`. */
export function optionNames(spec: GetoptSpec): string[] {
  const names = spec.long.map((o) => o.name);
  for (const n of ['help', 'version']) if (!names.includes(n)) names.push(n);
  return [...new Set(names)];
}

/**
 * gnulib's `argmatch` failure: `invalid argument ‘x’ for ‘--follow’`, the valid arguments (a
 * group of synonyms on one line), then the usage hint.
 */
export function argmatchError(
  ctx: ProcessContext,
  p: GnuProgram,
  value: string,
  option: string,
  valid: readonly (readonly string[])[],
): void {
  const lines = valid.map((group) => `  - ${group.map(quote).join(', ')}`);
  // argmatch_die is usage (EXIT_FAILURE): 1, even in sort and grep, whose option errors give 2.
  usageError(
    ctx,
    p,
    `invalid argument ${quote(value)} for ${quote(option)}\nValid arguments are:\n${lines.join('\n')}`,
    1,
  );
}

/** gnulib's `quote()` in a UTF-8 locale: `‘x’`. */
export function quote(s: string): string {
  return `‘${s}’`;
}

/** Characters a file name may hold and still be printed bare by `quotef`. */
const plainName = /^[\w@%+=:,./-]+$/;

/** gnulib's shell-escape quoting, always quoted (`quoteaf`): `'nope'`, `'it'\''s'`. */
export function quoteAlways(s: string): string {
  return `'${s.replace(/'/g, "'\\''")}'`;
}

/** gnulib's shell-escape quoting, quoted only when needed (`quotef`): `nope`, `'a b'`. */
export function quoteIfNeeded(s: string): string {
  return plainName.test(s) ? s : quoteAlways(s);
}

/** What opening an operand gives: its text, or why it cannot be read. */
export type OpenResult =
  { text: string } | { error: 'No such file or directory' | 'Is a directory' };

/** Reads file operand `name` from the virtual filesystem (`/dev/null` is empty). */
export function openFile(ctx: ProcessContext, name: string): OpenResult {
  const path = VirtualFs.resolve(ctx.cwd, name);
  if (path === '/dev/null') return { text: '' };
  const text = ctx.fs.read(path);
  if (text !== undefined) return { text };
  return { error: ctx.fs.isDir(path) ? 'Is a directory' : 'No such file or directory' };
}
