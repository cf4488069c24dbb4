/** `sleep NUMBER[smhd] …`: waits in virtual time (coreutils sleep, seconds by default). */
import type { Tool } from '../../runtime/types';

const units: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export const sleepTool: Tool = {
  name: 'sleep',
  summary: 'Delay for a specified amount of (virtual) time.',
  run(ctx) {
    const args = ctx.argv.slice(1);
    if (args.length === 0) {
      ctx.stderr("sleep: missing operand\nTry 'sleep --help' for more information.\n");
      return ctx.exit(1);
    }
    let ms = 0;
    for (const arg of args) {
      const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
      if (!m) {
        ctx.stderr(
          `sleep: invalid time interval '${arg}'\nTry 'sleep --help' for more information.\n`,
        );
        return ctx.exit(1);
      }
      ms += Math.round(Number(m[1]) * units[m[2]!]!);
    }
    ctx.clock.schedule(ms, () => ctx.exit(0));
  },
};
