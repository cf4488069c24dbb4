/** Small coreutils: `true`, `false`, `date`, `mkdir`, `rm`, `env`; and bash's `:`. */
import { VirtualFs } from '../../host/virtualFs';
import type { Tool } from '../../runtime/types';

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** `date`'s default format in the C locale, UTC: `Wed Jan  1 00:00:05 UTC 2025`. */
export function formatDate(ms: number): string {
  const d = new Date(ms);
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

export const miscTools: Tool[] = [
  { name: 'true', summary: 'Do nothing, successfully.', run: (ctx) => ctx.exit(0) },
  // `: > file` empties a file, as learners do before `tail -f file`.
  { name: ':', summary: 'Null command: do nothing, successfully.', run: (ctx) => ctx.exit(0) },
  { name: 'false', summary: 'Do nothing, unsuccessfully.', run: (ctx) => ctx.exit(1) },
  {
    name: 'date',
    summary: 'Print the (virtual) date and time.',
    run(ctx) {
      ctx.stdout(`${formatDate(ctx.clock.wallClockMs())}\n`);
      ctx.exit(0);
    },
  },
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
