/** `cat [file …]`: files from the virtual filesystem, or standard input (`-` or no arguments). */
import { VirtualFs } from '../../host/virtualFs';
import type { ProcessContext, Tool } from '../../runtime/types';
import { eachInputLine, withNewline } from './gnu/lines';

/** Copies standard input as it arrives, a last line without newline included. */
function copyStdin(ctx: ProcessContext, done: () => void): void {
  eachInputLine(ctx.stdin, (line, newline) => ctx.stdout(withNewline(line, newline)), done);
}

export const catTool: Tool = {
  name: 'cat',
  summary: 'Concatenate files and print on the standard output.',
  run(ctx) {
    const files = ctx.argv.slice(1);
    let status = 0;
    const next = (i: number): void => {
      if (i >= files.length) return ctx.exit(status);
      const name = files[i]!;
      if (name === '-') return copyStdin(ctx, () => next(i + 1));
      const path = VirtualFs.resolve(ctx.cwd, name);
      const text = path === '/dev/null' ? '' : ctx.fs.read(path);
      if (text === undefined) {
        ctx.stderr(
          `cat: ${name}: ${ctx.fs.isDir(path) ? 'Is a directory' : 'No such file or directory'}\n`,
        );
        status = 1;
      } else ctx.stdout(text);
      next(i + 1);
    };
    if (files.length === 0) copyStdin(ctx, () => ctx.exit(0));
    else next(0);
  },
};
