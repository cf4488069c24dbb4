/**
 * Calling shell functions (bash manual §3.3): the body runs in the calling shell with the
 * arguments as positional parameters (`$1`…, `$#`, `"$@"`), which — with the variables the body
 * declared `local` — are restored when it returns; `return [n]` ends it early.
 */
import type { FunctionDefinition } from '../shell/parse/index';
import { runCompound } from './compoundCommands';
import type { CommandIo } from './compoundCommands';
import type { Job } from './jobs';
import type { ShellSession } from './session';
import type { Variables } from './shellEnv';

/** Runs `fn` in `shell` with `args`; `done` gets its status (`return`'s, or its last command's). */
export function callFunction(
  shell: ShellSession,
  fn: FunctionDefinition,
  args: string[],
  io: CommandIo,
  background: boolean,
  job: Job | undefined,
  done: (status: number) => void,
): void {
  const vars = shell.vars;
  const before = Number(vars.get('#') ?? '0');
  const saved = new Map<string, string | undefined>();
  for (const name of ['#', '@', '*']) saved.set(name, vars.get(name));
  for (let i = 1; i <= before; i++) saved.set(String(i), vars.get(String(i)));
  setPositional(vars, args, before);
  shell.functionDepth++;
  const locals = new Map<string, string | undefined>();
  shell.localFrames.push(locals);
  runCompound(shell, fn.body, io, background, job, (status) => {
    shell.functionDepth--;
    shell.localFrames.pop();
    // Parameters the body added with `set`-like builtins go too; locals get their old values.
    const count = Number(vars.get('#') ?? '0');
    for (let i = 1; i <= count; i++) if (!saved.has(String(i))) saved.set(String(i), undefined);
    for (const [name, value] of locals) saved.set(name, value);
    const control = shell.loopControl;
    if (control?.kind === 'return') {
      shell.loopControl = undefined;
      status = control.status ?? status;
    }
    for (const [name, value] of saved) {
      if (value === undefined) vars.unset(name);
      else vars.set(name, value);
    }
    done(status);
  });
}

/** Sets `$1`… to `args` (and `$#`, `$@`, `$*`), unsetting the rest of the `previous` count. */
export function setPositional(vars: Variables, args: readonly string[], previous: number): void {
  for (let i = args.length + 1; i <= previous; i++) vars.unset(String(i));
  args.forEach((arg, i) => vars.set(String(i + 1), arg));
  vars.set('#', String(args.length));
  vars.set('@', args.join(' '));
  vars.set('*', args.join(' '));
}
