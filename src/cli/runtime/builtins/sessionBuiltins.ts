/**
 * Builtins that act on the shell itself, with bash's messages: `cd`, `pwd`, `export`, `unset`,
 * `jobs`, `kill`, `wait`, `let`, `history`, `clear`, `help`, `exit`.
 */
import { kafkaScripts } from '../../host/kafkaDistribution';
import { ArithmeticError, evaluateArithmetic } from '../../shell/arithmetic';
import { VirtualFs } from '../../host/virtualFs';
import type { ShellSession } from '../session';
import { formatJob } from '../jobs';
import type { Job } from '../jobs';
import type { ProcessContext, Signal, Tool } from '../types';

const builtin = (name: string, summary: string, run: (ctx: ProcessContext) => number): Tool => ({
  name,
  summary,
  run: (ctx) => ctx.exit(run(ctx)),
});

const kafkaScriptNames = new Set<string>(kafkaScripts);

const signalsByName: Record<string, Signal> = {
  INT: 'SIGINT',
  SIGINT: 'SIGINT',
  '2': 'SIGINT',
  TERM: 'SIGTERM',
  SIGTERM: 'SIGTERM',
  '15': 'SIGTERM',
  KILL: 'SIGKILL',
  SIGKILL: 'SIGKILL',
  '9': 'SIGKILL',
};

export function sessionBuiltins(session: ShellSession): Tool[] {
  return [
    builtin('cd', 'Change the shell working directory.', (ctx) => {
      const arg = ctx.argv[1] ?? session.vars.get('HOME') ?? '/';
      const dir = VirtualFs.resolve(session.cwd, arg);
      if (!session.host.fs.isDir(dir)) {
        ctx.stderr(`bash: cd: ${arg}: No such file or directory\n`);
        return 1;
      }
      session.cwd = dir;
      session.vars.set('PWD', dir, true);
      return 0;
    }),
    builtin('pwd', 'Print the name of the current working directory.', (ctx) => {
      ctx.stdout(`${session.cwd}\n`);
      return 0;
    }),
    builtin('export', 'Set export attribute for shell variables.', (ctx) => {
      for (const arg of ctx.argv.slice(1)) {
        const eq = arg.indexOf('=');
        if (eq < 0) session.vars.markExported(arg);
        else session.vars.set(arg.slice(0, eq), arg.slice(eq + 1), true);
      }
      if (ctx.argv.length === 1)
        for (const [k, v] of Object.entries(session.vars.exported()))
          ctx.stdout(`declare -x ${k}="${v}"\n`);
      return 0;
    }),
    builtin('unset', 'Unset values and attributes of shell variables.', (ctx) => {
      for (const arg of ctx.argv.slice(1)) session.vars.unset(arg);
      return 0;
    }),
    builtin('jobs', 'Display status of jobs.', (ctx) => {
      const last = session.jobs[session.jobs.length - 1];
      for (const job of session.jobs) ctx.stdout(`${formatJob(job, job === last)}\n`);
      for (const line of session.takeJobNotices()) void line;
      return 0;
    }),
    builtin('kill', 'Send a signal to a job.', (ctx) => {
      let signal: Signal = 'SIGTERM';
      let status = 0;
      for (const arg of ctx.argv.slice(1)) {
        if (arg.startsWith('-')) {
          const name = arg.replace(/^-(s\s*)?/, '');
          const s = signalsByName[name.toUpperCase()];
          if (!s) {
            ctx.stderr(`bash: kill: ${name}: invalid signal specification\n`);
            return 1;
          }
          signal = s;
          continue;
        }
        if (arg.startsWith('%')) {
          const id = Number(arg.slice(1) || session.jobs[session.jobs.length - 1]?.id);
          if (!session.signalJob(id, signal)) {
            ctx.stderr(`bash: kill: ${arg}: no such job\n`);
            status = 1;
          }
        } else if (/^\d+$/.test(arg)) {
          if (!session.signalPid(Number(arg), signal)) {
            ctx.stderr(`bash: kill: (${arg}) - No such process\n`);
            status = 1;
          }
        } else {
          ctx.stderr(`bash: kill: ${arg}: arguments must be process or job IDs\n`);
          status = 1;
        }
      }
      if (ctx.argv.length === 1) {
        ctx.stderr(
          'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n',
        );
        return 2;
      }
      return status;
    }),
    builtin('let', 'Evaluate arithmetic expressions.', (ctx) => {
      const args = ctx.argv.slice(1);
      if (args.length === 0) {
        ctx.stderr('bash: let: expression expected\n');
        return 1;
      }
      let value = 0n;
      const vars = {
        get: (name: string) => session.parameter(name),
        set: (name: string, v: string) => session.vars.set(name, v),
      };
      try {
        for (const arg of args) value = evaluateArithmetic(arg, vars);
      } catch (e) {
        if (!(e instanceof ArithmeticError)) throw e;
        ctx.stderr(`bash: let: ${e.message}\n`);
        return 1;
      }
      return value === 0n ? 1 : 0;
    }),
    {
      name: 'wait',
      summary: 'Wait for job completion and return exit status.',
      run: (ctx) => runWait(session, ctx),
    },
    builtin('history', 'Display the command history list.', (ctx) => {
      session.history.forEach((line, i) => ctx.stdout(`${String(i + 1).padStart(5)}  ${line}\n`));
      return 0;
    }),
    builtin('clear', 'Clear the terminal screen.', (ctx) => {
      ctx.stdout('\x1b[H\x1b[2J\x1b[3J');
      return 0;
    }),
    builtin('exit', 'Exit the shell.', (ctx) => {
      const arg = ctx.argv[1];
      let status = session.lastStatus;
      if (arg !== undefined) {
        if (/^[-+]?\d+$/.test(arg)) status = Number(BigInt.asUintN(8, BigInt(arg)));
        else {
          ctx.stderr(`bash: exit: ${arg}: numeric argument required\n`);
          status = 2;
        }
      }
      session.exitShell(status);
      return status;
    }),
    {
      name: 'help',
      summary: 'Display information about commands.',
      run: (ctx) => {
        const all = [...session.builtins.values(), ...session.options.registry.all()];
        const topic = ctx.argv[1]?.replace(/\.(sh|bat)$/, '');
        if (topic) {
          const tool = all.find((t) => t.name === topic);
          if (!tool) {
            ctx.stderr(
              `bash: help: no help topics match \`${ctx.argv[1]}'.  Try \`help help' or \`man -k ${ctx.argv[1]}' or \`info ${ctx.argv[1]}'.\n`,
            );
            ctx.exit(1);
            return;
          }
          ctx.stdout(`${tool.name}: ${tool.summary}\n`);
          if (tool.optionNames?.length)
            ctx.stdout(`Options: ${tool.optionNames.map((o) => `--${o}`).join(' ')}\n`);
          ctx.stdout(
            `Run '${tool.name}${tool.optionNames?.length ? ' --help' : ''}' for its full usage.\n`,
          );
          ctx.exit(0);
          return;
        }
        ctx.stdout(
          'Kafka Workbench shell. Kafka tools (also as ./bin/NAME.sh, $KAFKA_HOME/bin/NAME.sh, bin\\windows\\NAME.bat):\n',
        );
        const tools = session.options.registry.all();
        for (const t of tools.filter((t) => kafkaScriptNames.has(t.name)))
          ctx.stdout(`  ${t.name.padEnd(28)}${t.summary}\n`);
        ctx.stdout('Other commands:\n');
        for (const t of tools.filter((t) => !kafkaScriptNames.has(t.name)))
          ctx.stdout(`  ${t.name.padEnd(28)}${t.summary}\n`);
        ctx.stdout('Shell builtins:\n');
        for (const t of session.builtins.values())
          ctx.stdout(`  ${t.name.padEnd(28)}${t.summary}\n`);
        ctx.stdout("Type 'help NAME' for more about one of them.\n");
        ctx.exit(0);
      },
    },
  ];
}

/** How often `wait` looks at its jobs, in virtual ms. */
const waitPollMs = 1;

/**
 * `wait [%N|pid]…`: until the named background jobs (all of them without arguments) have ended;
 * the status is the last one's (0 without arguments), 127 for an unknown job.
 */
function runWait(session: ShellSession, ctx: ProcessContext): void {
  const args = ctx.argv.slice(1);
  let status = 0;
  const jobs: Job[] = [];
  for (const arg of args) {
    const job = arg.startsWith('%')
      ? session.jobs.find((j) => j.id === Number(arg.slice(1) || session.jobs.at(-1)?.id))
      : session.jobs.find(
          (j) => String(j.pid) === arg || j.processes.some((p) => String(p.pid) === arg),
        );
    if (job === undefined) {
      ctx.stderr(
        arg.startsWith('%')
          ? `bash: wait: ${arg}: no such job\n`
          : `bash: wait: pid ${arg} is not a child of this shell\n`,
      );
      status = 127;
    } else jobs.push(job);
  }
  const waited = args.length === 0 ? [...session.jobs] : jobs;
  const poll = () => {
    if (waited.some((j) => j.state === 'Running')) return ctx.clock.schedule(waitPollMs, poll);
    const last = waited[waited.length - 1];
    ctx.exit(args.length === 0 || last === undefined ? status : jobStatus(last));
  };
  poll();
}

/** The exit status a finished job's state stands for. */
function jobStatus(job: Job): number {
  const signals: Record<string, number> = { Terminated: 143, Killed: 137, Interrupt: 130, Done: 0 };
  return signals[job.state] ?? Number(/^Exit (\d+)$/.exec(job.state)?.[1] ?? 0);
}
