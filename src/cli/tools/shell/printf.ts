/**
 * `printf FORMAT [ARGUMENT]…` as bash 5.1's builtin: what runs when a learner types `printf` (and
 * what `xargs printf` runs here too). Messages are bash's (`bash: printf: x: invalid number`).
 * `-v VAR` cannot assign the caller's variable from a tool; it says so — `VAR=$(printf …)` works.
 */
import type { ProcessContext, Tool } from '../../runtime/types';
import { formatPrintf } from './printfFormat';

const usage = 'printf: usage: printf [-v var] format [arguments]\n';

const help =
  'printf: printf [-v var] format [arguments]\n' +
  '    Formats and prints ARGUMENTS under control of the FORMAT.\n' +
  '    \n' +
  '    FORMAT is a character string which contains three types of objects: plain\n' +
  '    characters, which are simply copied to standard output; character escape\n' +
  '    sequences, which are converted and copied to the standard output; and\n' +
  '    format specifications, each of which causes printing of the next successive\n' +
  '    argument.\n' +
  '    \n' +
  '    In addition to the standard format specifications described in printf(1),\n' +
  '    printf interprets:\n' +
  '    \n' +
  '      %b\texpand backslash escape sequences in the corresponding argument\n' +
  '      %q\tquote the argument in a way that can be reused as shell input\n' +
  '    \n' +
  '    The format is re-used as necessary to consume all of the arguments.  If\n' +
  '    there are fewer arguments than the format requires,  extra format\n' +
  '    specifications behave as if a zero value or null string, as appropriate,\n' +
  '    had been supplied.\n' +
  '    \n' +
  '    Exit Status:\n' +
  '    Returns success unless an invalid option is given or a write or assignment\n' +
  '    error occurs.\n';

function run(ctx: ProcessContext): void {
  const args = ctx.argv.slice(1);
  // bash's internal_getopt: `--` ends the options, `--help` shows the help, `-v` needs VAR.
  if (args[0] === '--help') {
    ctx.stdout(help);
    return ctx.exit(0);
  }
  if (args[0] === '--') args.shift();
  else if (args[0] !== undefined && /^-./.test(args[0])) {
    const opt = args[0].slice(0, 2);
    if (opt === '-v') {
      if (args[0] === '-v' && args.length < 2) {
        ctx.stderr(`bash: printf: -v: option requires an argument\n${usage}`);
        return ctx.exit(2);
      }
      ctx.stderr(
        "bash: printf: -v: not supported in the workbench's shell (use VAR=$(printf …) instead)\n",
      );
      return ctx.exit(2);
    }
    ctx.stderr(`bash: printf: ${opt}: invalid option\n${usage}`);
    return ctx.exit(2);
  }
  const format = args.shift();
  if (format === undefined) {
    ctx.stderr(usage);
    return ctx.exit(2);
  }
  const status = formatPrintf(format, args, {
    out: (text) => {
      if (text !== '') ctx.stdout(text);
    },
    error: (message) => ctx.stderr(`bash: printf: ${message}\n`),
  });
  ctx.exit(status);
}

export const printfTool: Tool = {
  name: 'printf',
  summary: "Format and print data (as bash's builtin).",
  run,
};
