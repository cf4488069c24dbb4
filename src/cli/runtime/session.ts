/**
 * The shell: runs parsed command lines — and-or lists, pipelines, redirections, background jobs —
 * as processes in the cluster's virtual time. The browser terminal and the headless `kafka-sim`
 * shell both drive one (DESIGN §4).
 */
import type { ClusterHost } from '../host/clusterHost';
import { kafkaHome } from '../host/kafkaDistribution';
import { VirtualFs } from '../host/virtualFs';
import { andOrLists, expandWord, expandWords, ExpansionError } from '../shell/parse/index';
import type { AndOrList, ParsedList, Pipeline, SimpleCommand } from '../shell/parse/index';
import { canonicalToolName, isPath } from './commandName';
import { expandPathname, hasUnquotedGlob } from './pathnameExpansion';
import { Process } from './process';
import type { ToolRegistry } from './registry';
import { Variables } from './shellEnv';
import { EmptyInput, LineQueue, TextInput } from './streams';
import type { Defer } from './streams';
import type { ChildProcess, InputSource, Signal, SpawnOptions, Tool } from './types';
import { sessionBuiltins } from './builtins/sessionBuiltins';

export type Channel = 'stdout' | 'stderr';

export interface SessionOptions {
  host: ClusterHost;
  registry: ToolRegistry;
  /** Headless `kafka-sim`: idle consumers stop after 10 s, foreground servers detach. */
  headless: boolean;
  /** Interactive shells print job-control notices (`[1] 1234`, `[1]+  Done …`). */
  interactive: boolean;
  write(channel: Channel, text: string): void;
  /** Terminal stdin: in a browser terminal, typed lines; headless, the rest of kafka-sim's stdin. */
  terminalInput?: LineQueue;
}

/** A background job (`cmd &`). */
export interface Job {
  id: number;
  pid: number;
  command: string;
  state: 'Running' | 'Done' | 'Terminated' | 'Killed' | 'Interrupt' | `Exit ${number}`;
  processes: Process[];
  notified: boolean;
}

const shellName = 'bash';

export class ShellSession {
  readonly vars: Variables;
  readonly history: string[] = [];
  readonly jobs: Job[] = [];
  /** The terminal's input: typed lines (browser) or kafka-sim's stdin (headless). */
  terminal: LineQueue;
  cwd = kafkaHome;
  lastStatus = 0;
  private nextPid = 4242;
  private foreground: Process[] = [];
  private readonly queue: { list: ParsedList; done?: (status: number) => void }[] = [];
  private runningList = false;
  private readonly defer: Defer;
  /** Builtins that act on the shell itself (`cd`, `jobs`, `kill`, `history`, …). */
  readonly builtins = new Map<string, Tool>();

  constructor(readonly options: SessionOptions) {
    const scheduler = options.host.cluster.scheduler;
    this.defer = (fn) => scheduler.schedule(0, fn);
    this.terminal = options.terminalInput ?? new LineQueue(this.defer, !options.headless);
    this.vars = new Variables({
      HOME: '/root',
      KAFKA_HOME: kafkaHome,
      PATH: `/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:${kafkaHome}/bin`,
      PWD: kafkaHome,
      SHELL: '/bin/bash',
      USER: 'root',
    });
    for (const tool of sessionBuiltins(this)) this.builtins.set(tool.name, tool);
  }

  get host(): ClusterHost {
    return this.options.host;
  }

  /** True while a command line runs in the foreground (the prompt is not shown). */
  get busy(): boolean {
    return this.runningList || this.queue.length > 0;
  }

  /** True when the foreground process waits for a typed line (console producer). */
  get readingTerminal(): boolean {
    return this.terminal.hasReader;
  }

  /** Runs a parsed command line after those already queued; `done` gets its exit status. */
  submit(list: ParsedList, done?: (status: number) => void): void {
    if (list.source.trim() !== '') this.history.push(list.source);
    this.queue.push({ list, done });
    if (!this.runningList) this.runNext();
  }

  /**
   * Replaces terminal input with `text` followed by end of input (Ctrl-D) — what a test or a
   * lesson replay "types" into the next foreground command. `isTTY` as for a real terminal.
   */
  provideInput(text: string, isTTY: boolean): void {
    this.terminal = new LineQueue(this.defer, isTTY);
    this.terminal.write(text);
    this.terminal.close();
  }

  /** A line typed while the foreground process reads stdin. */
  typeLine(line: string): void {
    this.terminal.write(`${line}\n`);
  }

  /** Ctrl-C: SIGINT to the foreground processes. */
  interrupt(): void {
    for (const p of this.foreground) p.signal('SIGINT');
  }

  /** Ctrl-D: end of terminal input for the foreground process. */
  endOfInput(): void {
    this.terminal.close();
  }

  /** Lines `[1]+  Done  cmd` for jobs that ended since the last prompt (interactive shells). */
  takeJobNotices(): string[] {
    const out: string[] = [];
    for (const job of this.jobs) {
      if (job.state === 'Running' || job.notified) continue;
      job.notified = true;
      out.push(formatJob(job, job === this.jobs[this.jobs.length - 1]));
    }
    for (let i = this.jobs.length - 1; i >= 0; i--)
      if (this.jobs[i]!.notified) this.jobs.splice(i, 1);
    return out;
  }

  /** Sends `signal` to job `id` (`kill %N`); false when there is no such job. */
  signalJob(id: number, signal: Signal): boolean {
    const job = this.jobs.find((j) => j.id === id);
    if (!job) return false;
    for (const p of job.processes) p.signal(signal);
    return true;
  }

  /** Sends `signal` to a process by pid (`kill 4243`); false when none has it. */
  signalPid(pid: number, signal: Signal): boolean {
    for (const job of this.jobs)
      for (const p of job.processes)
        if (p.pid === pid && !p.exited) {
          p.signal(signal);
          return true;
        }
    return false;
  }

  // ---- Running lists ---------------------------------------------------------------------------

  private runNext(): void {
    const next = this.queue.shift();
    if (!next) return;
    this.runningList = true;
    const lists = andOrLists(next.list.items);
    const step = (i: number) => {
      if (i >= lists.length) {
        this.runningList = false;
        next.done?.(this.lastStatus);
        this.runNext();
        return;
      }
      const andOr = lists[i]!;
      if (andOr.background) {
        this.startJob(andOr);
        step(i + 1);
      } else {
        this.runAndOr(andOr, false, (status) => {
          this.lastStatus = status;
          step(i + 1);
        });
      }
    };
    step(0);
  }

  private runAndOr(
    andOr: AndOrList,
    background: boolean,
    done: (status: number) => void,
    job?: Job,
  ): void {
    const run = (i: number, status: number) => {
      if (i >= andOr.pipelines.length) return done(status);
      const op = i > 0 ? andOr.operators[i - 1] : undefined;
      if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) return run(i + 1, status);
      this.runPipeline(
        andOr.pipelines[i]!,
        background,
        (s) => {
          this.lastStatus = s;
          run(i + 1, s);
        },
        job,
      );
    };
    run(0, this.lastStatus);
  }

  private startJob(andOr: AndOrList): void {
    const job: Job = {
      id: (this.jobs.reduce((m, j) => Math.max(m, j.id), 0) || 0) + 1,
      pid: this.nextPid,
      command:
        andOr.items
          .map((it) => it.source + (it.connector && it.connector !== '&' ? ` ${it.connector}` : ''))
          .join(' ') + ' &',
      state: 'Running',
      processes: [],
      notified: false,
    };
    this.jobs.push(job);
    this.vars.set('!', String(job.pid));
    if (this.options.interactive) this.options.write('stderr', `[${job.id}] ${job.pid}\n`);
    this.runAndOr(
      andOr,
      true,
      (status) => {
        const killedBy = job.processes.find((p) => p.status > 128)?.status;
        job.state =
          killedBy === 143
            ? 'Terminated'
            : killedBy === 137
              ? 'Killed'
              : killedBy === 130
                ? 'Interrupt'
                : status === 0
                  ? 'Done'
                  : `Exit ${status}`;
      },
      job,
    );
  }

  private runPipeline(
    pipeline: Pipeline,
    background: boolean,
    done: (status: number) => void,
    job?: Job,
  ): void {
    const { commands } = pipeline;
    const pipes = commands.slice(1).map(() => new LineQueue(this.defer));
    const processes: (Process | undefined)[] = [];
    let remaining = commands.length;
    const statuses: number[] = new Array(commands.length).fill(0);
    const finished = new Set<number>();
    const finishOne = (i: number, status: number) => {
      // A detached server reports once when it detaches; its later exit is not the pipeline's.
      if (finished.has(i)) return;
      finished.add(i);
      statuses[i] = status;
      if (i < pipes.length) pipes[i]!.close();
      if (--remaining > 0) return;
      if (!background) this.foreground = [];
      const last = statuses[statuses.length - 1]!;
      done(pipeline.negated ? (last === 0 ? 1 : 0) : last);
    };
    commands.forEach((command, i) => {
      const stdin: InputSource =
        i === 0 ? (background ? new EmptyInput(this.defer) : this.terminal) : pipes[i - 1]!;
      const stdout =
        i < pipes.length
          ? (text: string) => pipes[i]!.write(text)
          : (text: string) => this.options.write('stdout', text);
      const p = this.startCommand(
        command,
        stdin,
        stdout,
        (status) => finishOne(i, status),
        background,
      );
      processes.push(p);
      if (p && job) job.processes.push(p);
    });
    if (!background) this.foreground = processes.filter((p): p is Process => p !== undefined);
  }

  /**
   * Expands and starts one simple command; returns its process, or undefined when it finished at
   * once (assignments only, an expansion or redirection error, command not found).
   */
  private startCommand(
    command: SimpleCommand,
    stdin: InputSource,
    stdout: (text: string) => void,
    onExit: (status: number) => void,
    background: boolean,
  ): Process | undefined {
    const err = (text: string) => this.options.write('stderr', text);
    const env = { get: (name: string) => this.special(name), lastStatus: this.lastStatus };
    let argv: string[];
    const prefix: Record<string, string> = {};
    try {
      for (const a of command.assignments) {
        const value = expandWord(a.value, env);
        prefix[a.name] = a.append ? (this.vars.get(a.name) ?? '') + value : value;
      }
      argv = command.words.flatMap((word) => {
        const fields = expandWords([word], env);
        return hasUnquotedGlob(word.raw ?? '')
          ? fields.flatMap((f) => expandPathname(f, this.host.fs, this.cwd))
          : fields;
      });
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e;
      err(`${shellName}: ${e.message}\n`);
      this.defer(() => onExit(1));
      return undefined;
    }
    if (argv.length === 0) {
      for (const [k, v] of Object.entries(prefix)) this.vars.set(k, v);
      this.defer(() => onExit(0));
      return undefined;
    }
    // Redirections, left to right (bash §3.6).
    let out = stdout;
    let errOut = err;
    let input = stdin;
    for (const r of command.redirections) {
      const target = r.hereDoc ? '' : expandWord(r.target, env);
      const fd = r.fd ?? (r.op.startsWith('<') ? 0 : 1);
      if (r.op === '<<' || r.op === '<<-') {
        input = new TextInput(
          r.hereDoc!.quoted ? r.hereDoc!.text : expandWord(r.hereDoc!.body, env),
          this.defer,
        );
      } else if (r.op === '<<<') {
        input = new TextInput(`${target}\n`, this.defer);
      } else if (r.op === '<') {
        const path = VirtualFs.resolve(this.cwd, target);
        const text = this.host.fs.read(path);
        if (text === undefined) {
          err(`${shellName}: ${target}: No such file or directory\n`);
          this.defer(() => onExit(1));
          return undefined;
        }
        input = new TextInput(text, this.defer);
      } else if (r.op === '>&' && /^\d+$/.test(target)) {
        if (fd === 2 && target === '1') errOut = out;
        else if (fd === 1 && target === '2') out = errOut;
      } else {
        const sink = this.fileSink(target, r.op === '>>' || r.op === '&>>');
        if (r.op === '&>' || r.op === '&>>' || r.op === '>&') {
          out = sink;
          errOut = sink;
        } else if (fd === 2) errOut = sink;
        else out = sink;
      }
    }
    // `bin\windows\kafka-topics.bat` is a Windows spelling: bash would eat its backslashes, so the
    // tool is found from the word as typed (DESIGN §4 accepts it).
    const typed = command.words[0]?.raw;
    if (typed?.includes('\\') && /\.(bat|cmd)$/i.test(typed)) argv[0] = typed;
    const name = canonicalToolName(argv[0]!);
    const tool = this.builtins.get(argv[0]!) ?? this.options.registry.get(name);
    if (!tool) {
      if (isPath(argv[0]!) && !this.host.fs.exists(VirtualFs.resolve(this.cwd, argv[0]!)))
        errOut(`${shellName}: ${argv[0]}: No such file or directory\n`);
      else errOut(`${shellName}: ${argv[0]}: command not found\n`);
      this.defer(() => onExit(127));
      return undefined;
    }
    const p = new Process({
      pid: this.nextPid++,
      argv,
      env: this.vars.withOverrides(prefix),
      stdin: input,
      stdout: out,
      stderr: errOut,
      host: this.host,
      cwd: this.cwd,
      headless: this.options.headless,
      onExit,
      onDetach: () => {
        // A server started in the foreground keeps running; headless, the shell goes on at once.
        if (!this.options.headless || background) return false;
        this.foreground = this.foreground.filter((f) => f !== p);
        onExit(0);
        return true;
      },
      spawn: (parent, childArgv, options, onChildExit) =>
        this.spawnChild(parent, childArgv, options, onChildExit),
    });
    p.start(tool);
    return p;
  }

  /**
   * Starts a registered tool as a child of `parent` (`docker exec kafka1 kafka-topics …`): the
   * parent forwards signals and reports the status. Undefined when no tool has that name.
   */
  private spawnChild(
    parent: Process,
    argv: readonly string[],
    options: SpawnOptions,
    onExit: (status: number) => void,
  ): ChildProcess | undefined {
    const tool =
      argv[0] === undefined ? undefined : this.options.registry.get(canonicalToolName(argv[0]));
    if (!tool) return undefined;
    const w = parent.wiring;
    const child = new Process({
      pid: this.nextPid++,
      argv: [...argv],
      env: options.env ? new Variables(w.env.exported()).withOverrides(options.env) : w.env,
      stdin: options.stdin ?? w.stdin,
      stdout: options.stdout ?? w.stdout,
      stderr: options.stderr ?? w.stderr,
      host: options.host ?? w.host,
      cwd: options.cwd ?? w.cwd,
      headless: w.headless,
      onExit,
      onDetach: () => false,
      spawn: (p, childArgv, childOptions, onChildExit) =>
        this.spawnChild(p, childArgv, childOptions, onChildExit),
    });
    child.start(tool);
    return child;
  }

  private fileSink(target: string, append: boolean): (text: string) => void {
    if (target === '/dev/null') return () => {};
    const path = VirtualFs.resolve(this.cwd, target);
    if (!append) this.host.fs.write(path, '');
    return (text) => this.host.fs.append(path, text);
  }

  /** Variable lookup with bash's special parameters. */
  private special(name: string): string | undefined {
    if (name === '$') return '4241';
    if (name === '0') return shellName;
    if (name === '#') return '0';
    return this.vars.get(name);
  }
}

function formatJob(job: Job, current: boolean): string {
  const mark = current ? '+' : '-';
  const state = job.state.padEnd(24);
  return `[${job.id}]${mark}  ${state}${job.command}`;
}

export { formatJob };
