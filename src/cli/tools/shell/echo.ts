/** `echo [-neE] [arg …]` as bash's builtin: `-n` no newline, `-e` interprets backslash escapes. */
import type { Tool } from '../../runtime/types';
import { bashEscapes } from '../../shell/parse/ansiC';

const escapes = bashEscapes;

export const echoTool: Tool = {
  name: 'echo',
  summary: 'Write arguments to the standard output.',
  run(ctx) {
    const args = ctx.argv.slice(1);
    let newline = true;
    let interpret = false;
    while (args.length > 0 && /^-[neE]+$/.test(args[0]!)) {
      const flags = args.shift()!;
      if (flags.includes('n')) newline = false;
      if (flags.includes('e')) interpret = true;
      if (flags.includes('E')) interpret = false;
    }
    let text = args.join(' ');
    if (interpret) text = text.replace(/\\([ntabefrv\\])/g, (_, c: string) => escapes[c]!);
    ctx.stdout(newline ? `${text}\n` : text);
    ctx.exit(0);
  },
};
