/**
 * `tee [-a] [FILE]…` (GNU coreutils 9.1): copies standard input to standard output and to each FILE
 * of the virtual filesystem, line by line as it arrives — so `consumer | tee out.txt | grep x` both
 * keeps every record and shows the matches live. Like GNU tee it writes standard output first and
 * dies of SIGPIPE at its next line once the command after it has exited.
 */
import { VirtualFs } from '../../host/virtualFs';
import type { ProcessContext, Tool } from '../../runtime/types';
import { coreutilsFooter, helpVersionLines } from './gnu/footer';
import type { GetoptSpec } from './gnu/getopt';
import { eachInputLine, withNewline } from './gnu/lines';
import { optionNames, parseArgs, quoteIfNeeded } from './gnu/program';
import type { GnuProgram } from './gnu/program';

const program: GnuProgram = {
  name: 'tee',
  pkg: 'coreutils',
  authors: ['Mike Parker', 'Richard M. Stallman', 'David MacKenzie'],
  usageStatus: 1,
  help:
    'Usage: tee [OPTION]... [FILE]...\n' +
    'Copy standard input to each FILE, and also to standard output.\n\n' +
    '  -a, --append              append to the given FILEs, do not overwrite\n' +
    '  -i, --ignore-interrupts   ignore interrupt signals\n' +
    helpVersionLines +
    coreutilsFooter('tee'),
};

const spec: GetoptSpec = {
  short: 'ai',
  long: [
    { name: 'append', arg: 'none', key: 'a' },
    { name: 'ignore-interrupts', arg: 'none', key: 'i' },
  ],
};

function run(ctx: ProcessContext): void {
  const parsed = parseArgs(ctx, program, spec);
  if (!parsed) return;
  const keys = new Set(parsed.options.map((o) => o.key));
  if (keys.has('i')) ctx.onSignal(() => {}); // -i: Ctrl-C does not stop it
  let status = 0;
  const sinks: ((text: string) => void)[] = [];
  for (const name of parsed.operands) {
    const path = VirtualFs.resolve(ctx.cwd, name);
    if (path === '/dev/null') continue;
    if (ctx.fs.isDir(path) && ctx.fs.read(path) === undefined) {
      ctx.stderr(`tee: ${quoteIfNeeded(name)}: Is a directory\n`);
      status = 1;
      continue;
    }
    if (!keys.has('a') || ctx.fs.read(path) === undefined) ctx.fs.write(path, '');
    sinks.push((text) => ctx.fs.append(path, text));
  }
  eachInputLine(
    ctx.stdin,
    (line, newline) => {
      const text = withNewline(line, newline);
      ctx.stdout(text);
      for (const sink of sinks) sink(text);
    },
    () => ctx.exit(status),
  );
}

export const teeTool: Tool = {
  name: 'tee',
  summary: 'Copy standard input to files and to standard output.',
  optionNames: optionNames(spec),
  run,
};
