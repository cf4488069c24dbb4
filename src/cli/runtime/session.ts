/**
 * The shell: runs parsed command lines — and-or lists, pipelines, redirections, background jobs —
 * as processes in the cluster's virtual time. The browser terminal and the headless `kafka-sim`
 * shell both drive one (DESIGN §4).
 */
import type { Prng } from '../../sim/random/prng';
import type { ClusterHost } from '../host/clusterHost';
import { kafkaHome } from '../host/kafkaDistribution';
import { VirtualFs } from '../host/virtualFs';
import { andOrLists, ExpansionError, historyLine } from '../shell/parse/index';
import type {
  AndOrList,
  FunctionDefinition,
  ListItem,
  ParsedList,
  Pipeline,
  SimpleCommand,
} from '../shell/parse/index';
import { runCompound } from './compoundCommands';
import { callFunction } from './shellFunctions';
import type { CommandIo, LoopControl } from './compoundCommands';
import { spawnChild } from './childProcess';
import { findTool } from './commandName';
import { commandExpansion } from './commandExpansion';
import type { ExpandedCommand } from './commandExpansion';
import { PendingExpansion } from './commandSubstitution';
import type { Subshell } from './commandSubstitution';
import { Process, signalNumbers } from './process';
import { applyRedirections } from './redirections';
import type { ToolRegistry } from './registry';
import { loginVariables, Variables } from './shellEnv';
import { EmptyInput, LineQueue } from './streams';
import type { Defer } from './streams';
import type { InputSource, OutputSink, Signal, Tool } from './types';
import { loopBuiltins } from './builtins/loopBuiltins';
import { sessionBuiltins } from './builtins/sessionBuiltins';
import { finishedState, formatJob, jobCommand } from './jobs';
import type { Job } from './jobs';

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
  /**
   * Set for a subshell (`$(…)`, bash §3.7.3): the shell it is a copy of. It shares the parent's
   * process ids, terminal and standard error.
   */
  parent?: ShellSession;
  /** A subshell's standard input, read by its commands instead of the terminal (e.g. a pipe). */
  stdin?: InputSource;
  /** A subshell's standard output when it is a pipe (a write may fail: SIGPIPE). */
  stdout?: OutputSink;
}

/** Something Ctrl-C or `kill %N` reaches: a process, a command still expanding, a subshell. */
interface Signalable {
  signal(signal: Signal): void;
}

const shellName = 'bash';

/** Builtins that steer the shell's own loops and functions. */
const loopControlBuiltins = new Set(['break', 'continue', 'return']);

export class ShellSession implements Subshell {
  readonly vars: Variables;
  readonly history: string[] = [];
  readonly jobs: Job[] = [];
  /** The terminal's input: typed lines (browser) or kafka-sim's stdin (headless). */
  terminal: LineQueue;
  cwd = kafkaHome;
  lastStatus = 0;
  private nextPid = 4242;
  /** What Ctrl-C reaches: the foreground pipeline's processes and commands still expanding. */
  private foreground: Signalable[] = [];
  /** Background commands still expanding and subshells, by job (`kill %N` reaches them). */
  private readonly pendingInJobs = new Map<Signalable, Job>();
  /** Loops running now: `break` and `continue` need one. */
  loopDepth = 0;
  /** Shell functions running now: `return` needs one. */
  functionDepth = 0;
  /** Per running function, the values its `local` variables hid (restored when it returns). */
  readonly localFrames: Map<string, string | undefined>[] = [];
  /** Shell functions by name (`name() { …; }`); a subshell starts with a copy. */
  readonly functions: Map<string, FunctionDefinition>;
  /** Set by `break [n]` / `continue [n]`: the loops unwind until it is consumed. */
  loopControl: LoopControl | undefined;
  private readonly queue: { list: ParsedList; done?: (status: number) => void }[] = [];
  runningList = false;
  /**
   * Set when the shell stops running the current command line with this status: Ctrl-C while a
   * foreground command waited for a command substitution, or a signal or `exit` in a subshell
   * (which then runs nothing more).
   */
  halt: number | undefined;
  readonly defer: Defer;
  /** Builtins that act on the shell itself (`cd`, `jobs`, `kill`, `history`, …). */
  readonly builtins = new Map<string, Tool>();

  constructor(readonly options: SessionOptions) {
    const scheduler = options.host.cluster.scheduler;
    this.defer = (fn) => scheduler.schedule(0, fn);
    this.terminal = options.terminalInput ?? new LineQueue(this.defer, !options.headless);
    const parent = options.parent;
    this.functions = new Map(parent?.functions);
    if (parent) {
      this.vars = parent.vars.copy();
      this.cwd = parent.cwd;
      this.lastStatus = parent.lastStatus;
      this.history.push(...parent.history);
    } else {
      this.vars = new Variables(loginVariables(kafkaHome));
    }
    for (const tool of [...sessionBuiltins(this), ...loopBuiltins(this)])
      this.builtins.set(tool.name, tool);
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
    if (list.source.trim() !== '') this.history.push(historyLine(list.source));
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

  /**
   * Ctrl-C: SIGINT to the foreground processes. A command waiting for a command substitution is
   * abandoned with the rest of its command line (status 130), as an interactive bash does.
   */
  interrupt(): void {
    // bash ends a loop on SIGINT as well as the command it runs (or the wait between them).
    if (this.loopDepth > 0) this.halt ??= 128 + signalNumbers.SIGINT;
    for (const p of [...this.foreground]) p.signal('SIGINT');
  }

  /**
   * A subshell (bash §3.7.3) for a command substitution: a copy of this shell's variables, working
   * directory, `$?` and history whose changes stay its own (`$(cd /tmp)` leaves `cwd` alone). Its
   * commands read `stdin`; its standard output goes to `stdout`, its standard error to this shell's.
   * @param lastStatus its `$?`: a substitution after another in the same command sees that one's
   */
  subshell(stdin: InputSource, stdout: OutputSink, lastStatus = this.lastStatus): ShellSession {
    const subshell = new ShellSession({
      ...this.options,
      interactive: false,
      parent: this,
      stdin,
      stdout,
      terminalInput: this.terminal,
      write: (channel, text) =>
        channel === 'stdout' ? void stdout(text) : this.options.write('stderr', text),
    });
    subshell.lastStatus = lastStatus;
    return subshell;
  }

  /** A signal to a subshell: its foreground commands get it and it runs nothing more. */
  signalShell(signal: Signal): void {
    this.halt ??= 128 + signalNumbers[signal];
    this.loopControl = undefined;
    for (const p of [...this.foreground]) p.signal(signal);
  }

  /** `exit [n]`: in a subshell, nothing after it runs (an interactive shell stays open here). */
  exitShell(status: number): void {
    if (this.options.parent) this.halt ??= status;
  }

  /** Writes to standard error: the terminal's, for a subshell's diagnostics. */
  writeError(text: string): void {
    this.options.write('stderr', text);
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
    for (const [pending, owner] of this.pendingInJobs) if (owner === job) pending.signal(signal);
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
    this.runItems(next.list.items, this.io, false, undefined, () => {
      this.runningList = false;
      this.loopControl = undefined;
      // A subshell that was signalled or ran `exit` stays halted: it runs nothing more.
      if (!this.options.parent) this.halt = undefined;
      next.done?.(this.lastStatus);
      this.runNext();
    });
  }

  /** The shell's own standard streams: the terminal's (or a subshell's pipe). */
  get io(): CommandIo {
    return {
      stdin: this.options.stdin ?? this.terminal,
      stdout: this.options.stdout ?? ((text) => this.options.write('stdout', text)),
      stderr: (text) => this.options.write('stderr', text),
    };
  }

  /**
   * Runs a list's and-or lists in order with `io` as standard streams, stopping early when the
   * shell halts (Ctrl-C in a loop, a signalled subshell) or `break`/`continue` unwinds a loop.
   * `done` gets the last status (also left in `$?`).
   * @param background the list runs inside a background job (its commands are not the terminal's)
   */
  runItems(
    items: readonly ListItem[],
    io: CommandIo,
    background: boolean,
    job: Job | undefined,
    done: (status: number) => void,
  ): void {
    const lists = andOrLists([...items]);
    const step = (i: number) => {
      if (this.halt !== undefined) this.lastStatus = this.halt;
      if (i >= lists.length || this.halt !== undefined || this.loopControl !== undefined) {
        done(this.lastStatus);
        return;
      }
      const andOr = lists[i]!;
      if (andOr.background) {
        this.startJob(andOr, io);
        step(i + 1);
      } else {
        this.runAndOr(
          andOr,
          io,
          background,
          (status) => {
            this.lastStatus = status;
            step(i + 1);
          },
          job,
        );
      }
    };
    step(0);
  }

  private runAndOr(
    andOr: AndOrList,
    io: CommandIo,
    background: boolean,
    done: (status: number) => void,
    job?: Job,
  ): void {
    const run = (i: number, status: number) => {
      if (i >= andOr.pipelines.length || this.loopControl !== undefined) return done(status);
      if (!background && this.halt !== undefined) return done(this.halt);
      const op = i > 0 ? andOr.operators[i - 1] : undefined;
      if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) return run(i + 1, status);
      this.runPipeline(
        andOr.pipelines[i]!,
        io,
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

  private startJob(andOr: AndOrList, io: CommandIo): void {
    const job: Job = {
      id: (this.jobs.reduce((m, j) => Math.max(m, j.id), 0) || 0) + 1,
      pid: this.root.nextPid,
      command: jobCommand(andOr),
      state: 'Running',
      processes: [],
      notified: false,
    };
    this.jobs.push(job);
    this.vars.set('!', String(job.pid));
    if (this.options.interactive) this.options.write('stderr', `[${job.id}] ${job.pid}\n`);
    const jobIo = { ...io, stdin: new EmptyInput(this.defer) };
    this.runAndOr(andOr, jobIo, true, (status) => (job.state = finishedState(job, status)), job);
  }

  private runPipeline(
    pipeline: Pipeline,
    io: CommandIo,
    background: boolean,
    done: (status: number) => void,
    job?: Job,
  ): void {
    const { commands } = pipeline;
    const pipes = commands.slice(1).map(() => new LineQueue(this.defer));
    if (!background) this.foreground = [];
    let remaining = commands.length;
    const statuses: number[] = new Array(commands.length).fill(0);
    const finished = new Set<number>();
    const finishOne = (i: number, status: number) => {
      // A detached server reports once when it detaches; its later exit is not the pipeline's.
      if (finished.has(i)) return;
      finished.add(i);
      statuses[i] = status;
      if (i < pipes.length) pipes[i]!.close();
      // Its pipe's reading end closes: the writer before it dies of SIGPIPE at its next write.
      if (i > 0) pipes[i - 1]!.closeReader();
      if (--remaining > 0) return;
      if (!background) this.foreground = [];
      const last = statuses[statuses.length - 1]!;
      done(pipeline.negated ? (last === 0 ? 1 : 0) : last);
    };
    commands.forEach((command, i) => {
      const stdin: InputSource = i === 0 ? io.stdin : pipes[i - 1]!;
      const stdout: OutputSink = i < pipes.length ? (text) => pipes[i]!.write(text) : io.stdout;
      const streams = { stdin, stdout, stderr: io.stderr };
      const onExit = (status: number) => finishOne(i, status);
      const shared = background || commands.length > 1;
      if (command.kind === 'simple') {
        this.startCommand(command, streams, onExit, background, job, shared);
      } else if (shared || command.kind === 'subshell') {
        this.startInSubshell(
          (subshell, done) => runCompound(subshell, command, subshell.io, background, job, done),
          streams,
          onExit,
          background,
          job,
        );
      } else {
        runCompound(this, command, streams, background, job, onExit);
      }
    });
  }

  /**
   * A compound command or shell function in a pipeline or in the background runs in a subshell
   * (bash §3.2.3): its variables stay its own, and Ctrl-C or `kill %N` reach what it runs.
   */
  private startInSubshell(
    run: (subshell: ShellSession, done: (status: number) => void) => void,
    io: CommandIo,
    onExit: (status: number) => void,
    background: boolean,
    job: Job | undefined,
  ): void {
    const subshell = this.subshell(io.stdin, io.stdout);
    const handle: Signalable = { signal: (signal) => subshell.signalShell(signal) };
    if (background && job) this.pendingInJobs.set(handle, job);
    else if (!background) this.foreground.push(handle);
    subshell.runningList = true;
    run(subshell, (status) => {
      subshell.runningList = false;
      this.pendingInJobs.delete(handle);
      this.foreground = this.foreground.filter((f) => f !== handle);
      onExit(status);
    });
  }

  /**
   * Expands and starts one simple command. Its command substitutions run first, in subshells; the
   * command then starts as a process, or ends at once (assignments only, an expansion or
   * redirection error, command not found).
   */
  private startCommand(
    command: SimpleCommand,
    io: CommandIo,
    onExit: (status: number) => void,
    background: boolean,
    job: Job | undefined,
    shared: boolean,
  ): void {
    this.expand(command, io, onExit, background, job, (expanded) =>
      this.runExpanded(command, expanded, io, onExit, background, job, shared),
    );
  }

  /**
   * Expands `command` (its substitutions run in subshells reading `io.stdin`), then calls `then`.
   * An expansion error is printed and ends it with status 1; a signal, with 128 + its number.
   */
  expand(
    command: SimpleCommand,
    io: CommandIo,
    onExit: (status: number) => void,
    background: boolean,
    job: Job | undefined,
    then: (expanded: ExpandedCommand) => void,
  ): void {
    const expansion = commandExpansion(command, {
      get: (name) => this.parameter(name),
      set: (name, value) => this.vars.set(name, value),
      lastStatus: this.lastStatus,
      fs: this.host.fs,
      cwd: this.cwd,
    });
    const pending = new PendingExpansion(expansion, command.line, (capture, status) =>
      this.subshell(io.stdin, capture, status),
    );
    if (background && job) this.pendingInJobs.set(pending, job);
    else if (!background) this.foreground.push(pending);
    pending.start((outcome) => {
      this.pendingInJobs.delete(pending);
      this.foreground = this.foreground.filter((f) => f !== pending);
      if ('value' in outcome) return then(outcome.value);
      if ('error' in outcome) {
        if (!(outcome.error instanceof ExpansionError)) throw outcome.error;
        io.stderr(`${shellName}: ${outcome.error.message}\n`);
        // bash discards the rest of the command line (loops included) after these errors.
        const fatal = ['BAD_SUBSTITUTION', 'ARITHMETIC'].includes(outcome.error.code);
        if (fatal && !background) this.halt ??= 1;
        return this.defer(() => onExit(1));
      }
      // Ctrl-C (or `kill`) while a substitution ran: the command line is abandoned.
      if (!background) this.halt ??= outcome.aborted;
      this.defer(() => onExit(outcome.aborted));
    });
  }

  /** Runs an expanded command: assignments, redirections, then the tool as a process. */
  private runExpanded(
    command: SimpleCommand,
    expanded: ExpandedCommand,
    io: CommandIo,
    onExit: (status: number) => void,
    background: boolean,
    job: Job | undefined,
    shared: boolean,
  ): void {
    const { argv, assignments } = expanded;
    const err = io.stderr;
    if (argv.length === 0) {
      for (const [k, v] of assignments) this.vars.set(k, v);
    }
    const streams = applyRedirections(expanded.redirections, io, {
      fs: this.host.fs,
      cwd: this.cwd,
      defer: this.defer,
    });
    if ('error' in streams) {
      err(`${shellName}: ${streams.error}\n`);
      this.defer(() => onExit(1));
      return;
    }
    if (argv.length === 0) {
      // bash §3.7.1: with no command name, the status is the last command substitution's.
      const status = expanded.substitutionStatus ?? 0;
      this.defer(() => onExit(status));
      return;
    }
    const fn = this.functions.get(argv[0]!);
    if (fn !== undefined) {
      const call = (shell: ShellSession, done: (status: number) => void) =>
        callFunction(shell, fn, argv.slice(1), streams, background, job, done);
      if (shared) this.startInSubshell(call, streams, onExit, background, job);
      else call(this, onExit);
      return;
    }
    const found = findTool(argv[0]!, command.words[0]?.raw, {
      builtins: this.builtins,
      registry: this.options.registry,
      exists: (path) => this.host.fs.exists(VirtualFs.resolve(this.cwd, path)),
    });
    if ('error' in found) {
      streams.stderr(`${shellName}: ${found.error}\n`);
      this.defer(() => onExit(127));
      return;
    }
    if (
      shared &&
      loopControlBuiltins.has(found.tool.name) &&
      found.tool === this.builtins.get(found.tool.name)
    ) {
      // In a pipeline bash runs it in a subshell of its own, where it changes nothing.
      this.defer(() => onExit(0));
      return;
    }
    argv[0] = found.program;
    const p = new Process({
      pid: this.allocatePid(),
      argv,
      env: this.vars.withOverrides(Object.fromEntries(assignments)),
      stdin: streams.stdin,
      stdout: streams.stdout,
      stderr: streams.stderr,
      host: this.host,
      cwd: this.cwd,
      headless: this.options.headless,
      onExit: (status) => {
        // A command killed by Ctrl-C takes the rest of the command line with it, as in bash; one
        // that catches SIGINT and exits (Kafka's JVM tools, status 130) lets it go on.
        if (!background && p.killedBy === 'SIGINT') this.halt ??= status;
        onExit(status);
      },
      onDetach: () => {
        // A server started in the foreground keeps running; headless, the shell goes on at once.
        if (!this.options.headless || background) return false;
        this.foreground = this.foreground.filter((f) => f !== p);
        onExit(0);
        return true;
      },
      spawn: (parent, childArgv, options, onChildExit) =>
        spawnChild(
          this.options.registry,
          () => this.allocatePid(),
          parent,
          childArgv,
          options,
          onChildExit,
        ),
    });
    if (!background) this.foreground.push(p);
    if (job) job.processes.push(p);
    p.start(found.tool);
  }

  /** The shell a subshell was copied from, at the top (itself when it is no subshell). */
  private get root(): ShellSession {
    return this.options.parent?.root ?? this;
  }

  /** The next process id; a subshell's processes are numbered with the terminal shell's. */
  private allocatePid(): number {
    return this.root.nextPid++;
  }

  /** `$RANDOM`'s generator: the cluster's seed, shared by the shell and its subshells. */
  private randomStream: Prng | undefined;

  /** A variable or one of bash's special parameters (`$$`, `$0`, `$#`, `$RANDOM`). */
  parameter(name: string): string | undefined {
    if (name === '$') return '4241';
    if (name === 'RANDOM' && this.vars.get('RANDOM') === undefined) {
      const root = this.root;
      root.randomStream ??= this.host.cluster.rng.fork('shell-random');
      return String(root.randomStream.int(32768));
    }
    if (name === '0') return shellName;
    if (name === '#') return this.vars.get('#') ?? '0';
    return this.vars.get(name);
  }
}

export { formatJob };
export type { Job };
