/**
 * The contract between the shell runtime and the tools it runs (DESIGN §4). A tool is registered
 * declaratively and runs as a process in virtual time: it reads lines from stdin, writes to stdout
 * and stderr, schedules work on the cluster's clock, and ends with an exit status — like the JVM
 * process `bin/kafka-topics.sh` starts, but inside the simulation.
 */
import type { ClusterHost } from '../host/clusterHost';
import type { VirtualFs } from '../host/virtualFs';

/** Where a process's stdin comes from: the terminal (a TTY), a pipe, a here-document or a file. */
export interface InputSource {
  /** True when stdin is the interactive terminal (Kafka's console producer then prints `>` prompts). */
  readonly isTTY: boolean;
  /**
   * Calls `onLine` with the next line (without its newline), or null at end of input; once per
   * call. `newline` is false for a last line that ended without one (`printf 'a\nb' | wc -l` is 1);
   * a source that cannot tell leaves it undefined, which means true.
   */
  readLine(onLine: (line: string | null, newline?: boolean) => void): void;
  /**
   * The next line if it is already there, without waiting: what a real `read()` returns from a
   * pipe's buffer, so a reader takes a burst of lines at once (`seq 10 | tee f | head -2` fills `f`
   * before head exits). `null` is end of input; undefined means the reader would wait.
   */
  readAvailable?(): { line: string | null; newline: boolean } | undefined;
}

/**
 * Where a process's output goes: the terminal, a file, or a pipe to the next command. A pipe whose
 * reader has exited returns false (the write failed with EPIPE); other sinks return nothing.
 */
export type OutputSink = (text: string) => boolean | void;

/**
 * What a process does when it writes to a pipe nobody reads any more (POSIX SIGPIPE): `terminate`,
 * as native programs do (status 141, bash's 128 + 13), or `ignore`, as the JVM does — the write
 * fails quietly and {@link ProcessContext.checkError} reports it.
 */
export type SigpipeAction = 'terminate' | 'ignore';

/** Signals a foreground process can receive from the terminal or `kill`. */
export type Signal = 'SIGINT' | 'SIGTERM' | 'SIGKILL';

/** Shell variables and the exported environment. */
export interface ShellEnv {
  get(name: string): string | undefined;
  set(name: string, value: string, exported?: boolean): void;
  /** Exported variables, as a child process sees them. */
  exported(): Record<string, string>;
}

/** Virtual time as a process sees it. */
export interface ProcessClock {
  /** Virtual ms since the cluster was created. */
  now(): number;
  /** Wall-clock epoch ms of the current virtual time (what `date` and record timestamps show). */
  wallClockMs(): number;
  schedule(delayMs: number, fn: () => void): number;
  cancel(id: number): void;
}

/**
 * How {@link ProcessContext.spawn} runs a child: by default on the parent's machine, in its working
 * directory, with its environment and standard streams.
 */
export interface SpawnOptions {
  /** The machine the child sees (e.g. a container's view of the host for `docker exec`). */
  host?: ClusterHost;
  cwd?: string;
  /** Variables added to the parent's environment. */
  env?: Record<string, string>;
  stdin?: InputSource;
  stdout?: OutputSink;
  stderr?: OutputSink;
}

/** A process started with {@link ProcessContext.spawn}. */
export interface ChildProcess {
  readonly pid: number;
  readonly exited: boolean;
  /** Delivers a signal, as the terminal or `kill` would (the parent forwards Ctrl-C this way). */
  signal(signal: Signal): void;
}

/** Everything a running tool may touch. */
export interface ProcessContext {
  /** argv[0] is the command as typed (`./bin/kafka-topics.sh`); the rest are its arguments. */
  readonly argv: readonly string[];
  readonly env: ShellEnv;
  readonly stdin: InputSource;
  stdout(text: string): void;
  stderr(text: string): void;
  readonly fs: VirtualFs;
  readonly host: ClusterHost;
  readonly clock: ProcessClock;
  /** Working directory, e.g. `/opt/kafka` (relative paths in arguments resolve against it). */
  readonly cwd: string;
  /**
   * True in the headless `kafka-sim` shell: a foreground console consumer without --max-messages or
   * --timeout-ms stops once idle for 10 s of virtual time (DESIGN §4).
   */
  readonly headless: boolean;
  /** Runs `handler` when the process gets a signal (Ctrl-C = SIGINT). Without one, SIGINT exits 130. */
  onSignal(handler: (signal: Signal) => void): void;
  /**
   * True once a write to stdout or stderr failed because the pipe's reader has exited: Java's
   * `PrintStream.checkError()`. Only a process that ignores SIGPIPE (a JVM tool) lives to see it;
   * any other ends with status 141 at that write, as bash's pipeline members do.
   */
  checkError(): boolean;
  /** Ends the process with `status`. Output written before still appears; later writes are dropped. */
  exit(status: number): void;
  /**
   * Runs `handler` once when the process ends, however it ends (`kill -9` included): a server
   * process stops what it started.
   */
  atExit(handler: (status: number) => void): void;
  /**
   * Marks a server process started in the foreground as running on: the shell may go on (headless).
   * True when the shell did go on without it (headless foreground); false when the process keeps
   * the terminal (a browser terminal) or already ran in the background (`&`).
   */
  detach(): boolean;
  /**
   * Runs another registered tool as a child process (what `docker exec kafka1 kafka-topics …` runs
   * inside the container). `argv[0]` is resolved as the shell resolves a command name; returns
   * undefined when no tool has that name. `onExit` gets the child's exit status.
   */
  spawn(
    argv: readonly string[],
    options: SpawnOptions,
    onExit: (status: number) => void,
  ): ChildProcess | undefined;
}

/** A registered command: a Kafka tool, a lifecycle script, or a shell builtin. */
export interface Tool {
  /** Canonical name without `.sh`: `kafka-topics`, `zookeeper-server-start`, `docker`, `echo`. */
  readonly name: string;
  /** One-line description for `help`. */
  readonly summary: string;
  /** Long option names without dashes, for tab completion and `help TOOL`. */
  readonly optionNames?: readonly string[];
  /** Starts the process; it must eventually call `ctx.exit`. */
  run(ctx: ProcessContext): void;
}
