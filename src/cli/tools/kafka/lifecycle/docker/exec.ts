/**
 * `docker exec [-i] [-t] [-u USER] [-w DIR] [-e K=V] CONTAINER COMMAND [ARG…]` (and `docker compose
 * exec SERVICE …`): runs the command inside the container through the shell's tool registry, with
 * the container's view of the network (containerNetwork.ts). In a Confluent image the Kafka tools
 * are `/usr/bin/kafka-topics`, without `.sh`. `bash`/`sh` start a small shell in the container that
 * reads commands from standard input until `exit`.
 */
import type { ClusterHost, Container } from '../../../../host/clusterHost';
import { EmptyInput, LineQueue } from '../../../../runtime/streams';
import type { ChildProcess, ProcessContext, SpawnOptions } from '../../../../runtime/types';
import {
  andOrLists,
  expandWords,
  ExpansionError,
  parseScript,
} from '../../../../shell/parse/index';
import type { Pipeline } from '../../../../shell/parse/index';
import { containerHostView } from './containerNetwork';
import { containerId } from './containerState';
import type { ImageInfo } from './images';
import { imageInfo } from './images';

export interface ExecOptions {
  interactive: boolean;
  tty: boolean;
  user?: string;
  workdir?: string;
  env: Record<string, string>;
}

/** Splits `[OPTIONS] CONTAINER COMMAND [ARG…]`; undefined with a message when malformed. */
export function parseExecArgs(
  args: readonly string[],
  compose: boolean,
): { options: ExecOptions; target: string; command: string[] } | { error: string } {
  const options: ExecOptions = { interactive: compose, tty: compose, env: {} };
  let i = 0;
  /** The value of `-u X`, `-uX`, `--user X` or `--user=X`. */
  const value = (): string | undefined => {
    const a = args[i]!;
    if (a.startsWith('--') && a.includes('=')) return a.slice(a.indexOf('=') + 1);
    if (!a.startsWith('--') && a.length > 2) return a.slice(2);
    return args[++i];
  };
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-') || a === '-') break;
    if (a === '--') {
      i++;
      break;
    }
    if (/^-[itdT]+$/.test(a)) {
      if (a.includes('i')) options.interactive = true;
      if (a.includes('t')) options.tty = true;
      if (a.includes('T')) options.tty = false;
      continue;
    }
    if (a === '--interactive') options.interactive = true;
    else if (a === '--tty') options.tty = true;
    else if (a === '--detach' || a === '--privileged' || a === '--no-TTY') {
      if (a === '--no-TTY') options.tty = false;
    } else if (/^(-u|--user)/.test(a)) options.user = value();
    else if (/^(-w|--workdir)/.test(a)) options.workdir = value();
    else if (/^(-e|--env)/.test(a)) {
      const kv = value() ?? '';
      const eq = kv.indexOf('=');
      if (eq > 0) options.env[kv.slice(0, eq)] = kv.slice(eq + 1);
    } else return { error: `unknown flag: ${a.replace(/=.*$/, '')}` };
  }
  const target = args[i];
  const command = args.slice(i + 1);
  if (target === undefined || command.length === 0) return { error: 'arguments' };
  return { options, target, command };
}

/** What `exec` of `program` finds in the image: a tool name for the registry, a shell, or nothing. */
function lookup(program: string, image: ImageInfo): 'shell' | 'tool' | undefined {
  const base = program.slice(program.lastIndexOf('/') + 1);
  if (['bash', 'sh'].includes(base)) return 'shell';
  if (image.toolStyle === 'confluent') {
    if (base.endsWith('.sh') || program.startsWith('/opt/')) return undefined;
  } else if (/^kafka-|^zookeeper-/.test(base) && !base.endsWith('.sh')) return undefined;
  return 'tool';
}

function notFound(ctx: ProcessContext, program: string): void {
  const reason = program.includes('/')
    ? `stat ${program}: no such file or directory`
    : 'executable file not found in $PATH';
  ctx.stderr(
    `OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": ${reason}: unknown\n`,
  );
  ctx.exit(127);
}

/** Runs `command` inside the running container `c`; the process ends with the command's status. */
export function execInContainer(
  ctx: ProcessContext,
  host: ClusterHost,
  c: Container,
  command: readonly string[],
  options: ExecOptions,
): void {
  const image = imageInfo(c.service.image);
  const program = command[0]!;
  const found = lookup(program, image);
  const spawnOptions: SpawnOptions = {
    host: containerHostView(host, c),
    cwd: options.workdir ?? image.workdir,
    env: { HOSTNAME: containerId(host, c).slice(0, 12), HOME: image.workdir, ...options.env },
    // Without -i the command's standard input is closed.
    stdin: options.interactive
      ? ctx.stdin
      : new EmptyInput((fn) => host.cluster.scheduler.schedule(0, fn)),
  };
  if (found === 'shell') return containerShell(ctx, command, spawnOptions, options, image);
  const child = found === 'tool' ? ctx.spawn(command, spawnOptions, (s) => ctx.exit(s)) : undefined;
  if (!child) return notFound(ctx, program);
  ctx.onSignal((signal) => child.signal(signal));
}

/**
 * `bash`/`sh` in the container: `-c 'cmd'`, or commands read line by line from standard input (with
 * the image's `[appuser@<id> ~]$ ` prompt on a terminal) until `exit` or end of input. Lists,
 * `&&`/`||` and pipes work; the commands are the registry's tools as the image names them.
 */
function containerShell(
  ctx: ProcessContext,
  command: readonly string[],
  spawnOptions: SpawnOptions,
  options: ExecOptions,
  image: ImageInfo,
): void {
  const hostname = String(spawnOptions.env?.['HOSTNAME']);
  const user = options.user ?? image.user;
  const vars = new Map<string, string>(
    Object.entries({ ...spawnOptions.env, USER: user, PWD: String(spawnOptions.cwd) }),
  );
  let cwd = String(spawnOptions.cwd);
  let status = 0;
  const running = new Set<ChildProcess>();
  // An interactive bash needs a terminal: `-t` (and a real one behind docker's stdin).
  const interactive = command.length === 1 && options.tty && ctx.stdin.isTTY;
  const shellName = command[0]!.slice(command[0]!.lastIndexOf('/') + 1);
  const prompt = () => {
    if (!interactive) return;
    const dir =
      cwd === image.workdir ? '~' : cwd === '/' ? '/' : cwd.slice(cwd.lastIndexOf('/') + 1);
    ctx.stdout(`[${user}@${hostname} ${dir}]${user === 'root' ? '#' : '$'} `);
  };

  const runPipeline = (p: Pipeline, done: (status: number) => void) => {
    const compound = p.commands.find((cmd) => cmd.kind !== 'simple');
    if (compound !== undefined) {
      // The container's shell here runs simple commands only (loops run in the workbench's shell).
      const word = compound.source.split(/\s/)[0];
      ctx.stderr(`${shellName}: ${word}: compound commands are not supported in this shell\n`);
      return done(2);
    }
    const env = { get: (n: string) => vars.get(n), lastStatus: status };
    let argvs: string[][];
    try {
      argvs = p.commands.flatMap((cmd) =>
        cmd.kind === 'simple' ? [expandWords(cmd.words, env)] : [],
      );
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e;
      ctx.stderr(`${shellName}: ${e.message}\n`);
      return done(1);
    }
    if (argvs.length === 1) {
      const argv = argvs[0]!;
      const builtin = builtins(argv);
      if (builtin !== undefined) return done(builtin);
    }
    const pipes = argvs.slice(1).map(() => new LineQueue((fn) => ctx.clock.schedule(0, fn)));
    let remaining = argvs.length;
    let last = 0;
    argvs.forEach((argv, i) => {
      const finish = (s: number) => {
        if (i < pipes.length) pipes[i]!.close();
        if (i === argvs.length - 1) last = s;
        if (--remaining === 0) done(p.negated ? (last === 0 ? 1 : 0) : last);
      };
      if (argv.length === 0) return finish(0);
      const options2: SpawnOptions = {
        ...spawnOptions,
        cwd,
        stdin: i === 0 ? spawnOptions.stdin : pipes[i - 1]!,
        stdout: i < pipes.length ? (t) => pipes[i]!.write(t) : undefined,
      };
      let child: ChildProcess | undefined;
      let ended = false;
      if (lookup(argv[0]!, image) === 'tool')
        child = ctx.spawn(argv, options2, (s) => {
          ended = true;
          if (child) running.delete(child);
          finish(s);
        });
      if (child && !ended) running.add(child);
      if (!child) {
        ctx.stderr(`${shellName}: ${argv[0]}: command not found\n`);
        finish(127);
      }
    });
  };

  let exitRequested: number | undefined;
  const builtins = (argv: string[]): number | undefined => {
    const [name, ...rest] = argv;
    switch (name) {
      case 'exit':
        exitRequested = rest[0] !== undefined ? Number(rest[0]) & 255 : status;
        return exitRequested;
      case 'cd': {
        const target = rest[0] ?? image.workdir;
        const dir = target.startsWith('/') ? target : `${cwd}/${target}`.replace(/\/+/g, '/');
        cwd = dir.length > 1 ? dir.replace(/\/$/, '') : dir;
        vars.set('PWD', cwd);
        return 0;
      }
      case 'pwd':
        ctx.stdout(`${cwd}\n`);
        return 0;
      case 'hostname':
        ctx.stdout(`${hostname}\n`);
        return 0;
      case 'whoami':
        ctx.stdout(`${user}\n`);
        return 0;
      case 'export':
        for (const kv of rest) {
          const eq = kv.indexOf('=');
          if (eq > 0) vars.set(kv.slice(0, eq), kv.slice(eq + 1));
        }
        return 0;
      default:
        return undefined;
    }
  };

  const runText = (text: string, done: () => void) => {
    const parsed = parseScript(text);
    if (parsed.errors.length > 0) {
      ctx.stderr(`${shellName}: syntax error\n`);
      status = 2;
      return done();
    }
    const lists = parsed.commands.flatMap((l) => andOrLists(l.items));
    const step = (i: number) => {
      if (i >= lists.length || exitRequested !== undefined) return done();
      const list = lists[i]!;
      const runAt = (j: number) => {
        if (j >= list.pipelines.length || exitRequested !== undefined) return step(i + 1);
        const op = j > 0 ? list.operators[j - 1] : undefined;
        if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) return runAt(j + 1);
        runPipeline(list.pipelines[j]!, (s) => {
          status = s;
          runAt(j + 1);
        });
      };
      runAt(0);
    };
    step(0);
  };

  const dashC = command.indexOf('-c');
  if (dashC > 0) return runText(command[dashC + 1] ?? '', () => ctx.exit(exitRequested ?? status));
  if (!options.interactive) return ctx.exit(0); // no stdin: the shell reads end of input at once
  const input = ctx.stdin;
  const readNext = () => {
    if (exitRequested !== undefined) {
      if (interactive) ctx.stdout('exit\n');
      return ctx.exit(exitRequested);
    }
    prompt();
    input.readLine((line) => {
      if (line === null) {
        if (interactive) ctx.stdout('exit\n');
        return ctx.exit(status);
      }
      runText(line, readNext);
    });
  };
  ctx.onSignal((signal) => {
    // Ctrl-C goes to the command running in the container; at the prompt bash shows a new one.
    if (running.size > 0) for (const child of running) child.signal(signal);
    else if (signal !== 'SIGINT') ctx.exit(128 + (signal === 'SIGTERM' ? 15 : 9));
    else if (interactive) {
      ctx.stdout('\n');
      prompt();
    }
  });
  readNext();
}
