/** `ls [-1la] [path …]`: names in the virtual filesystem, one per line. */
import { VirtualFs } from '../../host/virtualFs';
import type { Tool } from '../../runtime/types';

export const lsTool: Tool = {
  name: 'ls',
  summary: 'List directory contents.',
  run(ctx) {
    const paths = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
    let status = 0;
    for (const arg of paths.length > 0 ? paths : ['.']) {
      const path = VirtualFs.resolve(ctx.cwd, arg);
      if (ctx.fs.isDir(path)) {
        if (paths.length > 1) ctx.stdout(`${arg}:\n`);
        for (const name of ctx.fs.list(path)) ctx.stdout(`${name}\n`);
      } else if (ctx.fs.exists(path)) ctx.stdout(`${arg}\n`);
      else {
        ctx.stderr(`ls: cannot access '${arg}': No such file or directory\n`);
        status = 2;
      }
    }
    ctx.exit(status);
  },
};
