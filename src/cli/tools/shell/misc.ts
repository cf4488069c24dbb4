/** Small coreutils: `true`, `false`, `date` (date.ts), `mkdir`, `rm`, `env`; and bash's `:`. */
import { VirtualFs } from '../../host/virtualFs';
import type { Tool } from '../../runtime/types';
import { dateTool } from './date';

export const miscTools: Tool[] = [
  { name: 'true', summary: 'Do nothing, successfully.', run: (ctx) => ctx.exit(0) },
  // `: > file` empties a file, as learners do before `tail -f file`.
  { name: ':', summary: 'Null command: do nothing, successfully.', run: (ctx) => ctx.exit(0) },
  { name: 'false', summary: 'Do nothing, unsuccessfully.', run: (ctx) => ctx.exit(1) },
  dateTool,
  {
    name: 'mkdir',
    summary: 'Make directories.',
    run(ctx) {
      for (const arg of ctx.argv.slice(1).filter((a) => !a.startsWith('-')))
        ctx.fs.mkdir(VirtualFs.resolve(ctx.cwd, arg));
      ctx.exit(0);
    },
  },
  {
    name: 'rm',
    summary: 'Remove files.',
    run(ctx) {
      const force = ctx.argv.some((a) => /^-[a-z]*f/.test(a));
      let status = 0;
      for (const arg of ctx.argv.slice(1).filter((a) => !a.startsWith('-')))
        if (!ctx.fs.remove(VirtualFs.resolve(ctx.cwd, arg)) && !force) {
          ctx.stderr(`rm: cannot remove '${arg}': No such file or directory\n`);
          status = 1;
        }
      ctx.exit(status);
    },
  },
  {
    name: 'env',
    summary: 'Print the environment.',
    run(ctx) {
      for (const [k, v] of Object.entries(ctx.env.exported())) ctx.stdout(`${k}=${v}\n`);
      ctx.exit(0);
    },
  },
];
