/**
 * A running command: the {@link ProcessContext} a tool sees, wired to its stdin/stdout/stderr, the
 * cluster clock and signals. Exit statuses follow bash: 128 + signal number when a signal ends it.
 */
import type { ClusterHost } from '../host/clusterHost';
import { sigpipeAction } from './commandName';
import type {
  ChildProcess,
  InputSource,
  OutputSink,
  ProcessContext,
  ShellEnv,
  Signal,
  SigpipeAction,
  SpawnOptions,
  Tool,
} from './types';

/** Signal numbers as Linux numbers them. */
export const signalNumbers: Record<Signal, number> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/** SIGPIPE's number: a process it kills ends with status 141. */
const SIGPIPE = 13;

export interface ProcessWiring {
  pid: number;
  argv: string[];
  env: ShellEnv;
  stdin: InputSource;
  stdout: OutputSink;
  stderr: OutputSink;
  host: ClusterHost;
  cwd: string;
  headless: boolean;
  onExit(status: number): void;
  /** The process detached; true when the shell went on without it. */
  onDetach(): boolean;
  /** Starts a registered tool as a child of this process (the session provides it). */
  spawn?(
    parent: Process,
    argv: readonly string[],
    options: SpawnOptions,
    onExit: (status: number) => void,
  ): ChildProcess | undefined;
}

export class Process implements ChildProcess {
  exited = false;
  status = 0;
  /** The signal whose default action ended the process (not one its handler dealt with). */
  killedBy: Signal | undefined;
  detached = false;
  /** A write to stdout or stderr failed: the pipe's reader has gone. */
  private outputError = false;
  private sigpipe: SigpipeAction = 'terminate';
  private signalHandler: ((signal: Signal) => void) | undefined;
  private readonly timers = new Set<number>();
  private readonly exitHandlers: ((status: number) => void)[] = [];

  constructor(readonly wiring: ProcessWiring) {}

  get pid(): number {
    return this.wiring.pid;
  }

  get argv(): readonly string[] {
    return this.wiring.argv;
  }

  /** Starts `tool` in this process; a tool that throws ends with status 1 and the error on stderr. */
  start(tool: Tool): void {
    this.sigpipe = sigpipeAction(tool.name);
    try {
      tool.run(this.context());
    } catch (e) {
      this.wiring.stderr(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      this.exit(1);
    }
  }

  /** Delivers a signal: to the tool's handler, or the default action (terminate). */
  signal(signal: Signal): void {
    if (this.exited) return;
    if (signal !== 'SIGKILL' && this.signalHandler) {
      this.signalHandler(signal);
      return;
    }
    this.killedBy = signal;
    this.exit(128 + signalNumbers[signal]);
  }

  /** Writes to stdout or stderr; a broken pipe kills the process with SIGPIPE unless it ignores it. */
  private write(sink: OutputSink, text: string): void {
    if (this.exited || sink(text) !== false) return;
    this.outputError = true;
    if (this.sigpipe === 'terminate') this.exit(128 + SIGPIPE);
  }

  exit(status: number): void {
    if (this.exited) return;
    this.exited = true;
    this.status = status;
    const host = this.wiring.host;
    for (const t of this.timers) host.cluster.scheduler.cancel(t);
    this.timers.clear();
    for (const handler of this.exitHandlers.splice(0)) handler(status);
    this.wiring.onExit(status);
  }

  private context(): ProcessContext {
    const w = this.wiring;
    const host = w.host;
    const scheduler = host.cluster.scheduler;
    return {
      argv: w.argv,
      env: w.env,
      stdin: w.stdin,
      stdout: (text) => this.write(w.stdout, text),
      stderr: (text) => this.write(w.stderr, text),
      checkError: () => this.outputError,
      fs: host.fs,
      host,
      cwd: w.cwd,
      headless: w.headless,
      clock: {
        now: () => scheduler.now,
        wallClockMs: () => host.cluster.wallClockMs,
        schedule: (ms, fn) => {
          const id = scheduler.schedule(ms, () => {
            this.timers.delete(id);
            if (!this.exited) fn();
          });
          this.timers.add(id);
          return id;
        },
        cancel: (id) => {
          this.timers.delete(id);
          scheduler.cancel(id);
        },
      },
      onSignal: (handler) => {
        this.signalHandler = handler;
      },
      exit: (status) => this.exit(status),
      atExit: (handler) => {
        this.exitHandlers.push(handler);
      },
      detach: () => {
        if (this.detached || this.exited) return false;
        this.detached = true;
        return w.onDetach();
      },
      spawn: (argv, options, onExit) => w.spawn?.(this, argv, options, onExit),
    };
  }
}
