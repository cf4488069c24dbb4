/**
 * The workbench backend (DESIGN §5): the simulated cluster, its host machine and one shell per
 * terminal tab, driven by a virtual clock, behind an API of plain data that comlink carries from
 * the worker to the main thread. Output, engine events and snapshots are pushed in batches; the
 * main thread never runs simulation code.
 */
import type { ClusterSnapshot, SimEvent } from '../sim/index';
import { ClusterHost } from '../cli/host/clusterHost';
import type { HostOptions } from '../cli/host/clusterHost';
import { composeYamlFor } from '../cli/host/composeFile';
import { kafkaHome } from '../cli/host/kafkaDistribution';
import { Batcher } from './batcher';
import type { BatcherOptions, BatchState } from './batcher';
import { ClockDriver } from './clockDriver';
import type { ClockDriverOptions, WallClock } from './clockDriver';
import { validateCompose } from './composeValidation';
import type {
  ApplyResult,
  BatchListener,
  ClockState,
  Completion,
  FaultResult,
  PartitionRecords,
  ResetOptions,
  TerminalState,
} from './protocol';
import { validateServerProperties } from './serverProperties';
import type { ShellKit } from './shellKit';
import type { TerminalTab } from './terminalTab';
import { startLoad } from './loadGenerator';
import type { LoadOptions } from './loadGenerator';

export type * from './protocol';

/** Tuning for tests and the worker entry. */
export interface BackendOptions extends ClockDriverOptions, BatcherOptions {
  /** The cluster to start with (default: the notes' compose cluster, seed 1). */
  initial?: ResetOptions;
  /** Start with the clock running (default false: the toolbar's play starts it). */
  autoplay?: boolean;
  /** Longest single step, virtual ms (default 1 hour). */
  maxStepMs?: number;
  /**
   * Loads the terminals' tools and shell, once, when the first terminal opens (default: the
   * `shellKit` chunk, imported then — so the first snapshot needs no CLI code).
   */
  loadShellKit?: () => Promise<ShellKit>;
}

/** The host setup a reset rebuilds from: `ResetOptions` with every field decided. */
type Setup = Required<Pick<ResetOptions, 'preset' | 'seed' | 'mode' | 'brokers'>> &
  Pick<ResetOptions, 'composeYaml'>;

export class WorkbenchBackend {
  private host!: ClusterHost;
  private setup: Setup;
  private generation = 0;
  private unsubscribeEvents: (() => void) | undefined;
  private shellKit: ShellKit | undefined;
  private shellKitLoading: Promise<ShellKit> | undefined;
  private readonly loadShellKit: () => Promise<ShellKit>;
  private readonly terminals = new Map<number, TerminalTab>();
  private nextTerminalId = 1;
  private readonly clock: ClockDriver;
  private readonly batcher: Batcher;
  private readonly maxStepMs: number;

  constructor(
    private readonly wall: WallClock,
    options: BackendOptions = {},
  ) {
    this.maxStepMs = options.maxStepMs ?? 3_600_000;
    this.loadShellKit =
      options.loadShellKit ?? (() => import('./shellKit').then((m) => m.createShellKit()));
    this.clock = new ClockDriver(wall, (ms) => this.advance(ms), options);
    this.batcher = new Batcher(wall, (withSnapshot) => this.batchState(withSnapshot), options);
    this.setup = { preset: 'compose', seed: 1, mode: 'zookeeper', brokers: 3 };
    this.build(options.initial ?? {});
    if (options.autoplay) this.clock.play();
  }

  // ---- Cluster -------------------------------------------------------------------------------

  /**
   * Replaces the cluster with a fresh one; unset options keep the current ones. Open terminals stay
   * open with a fresh shell (their history kept); running commands are gone with the old cluster.
   */
  reset(options: ResetOptions = {}): ClockState {
    this.build(options);
    return this.done(true);
  }

  /**
   * The simulated machine itself, for in-process use (tests, teachers' scripts). Not for comlink:
   * it is not plain data.
   */
  get machine(): ClusterHost {
    return this.host;
  }

  /** Plain, serialisable state of the whole cluster. */
  snapshot(): ClusterSnapshot {
    return this.host.cluster.snapshot();
  }

  /**
   * The message browser: up to `limit` (at most 500) records of `topic`-`partition` from
   * `fromOffset`, read from the leader's log, or from the replica with the longest log while the
   * partition is offline. Null for an unknown partition or when no replica has a log.
   */
  readRecords(
    topic: string,
    partition: number,
    fromOffset = 0,
    limit = 50,
  ): PartitionRecords | null {
    const p = this.host.cluster.driver.latestImage()?.topics.get(topic)?.partitions[partition];
    if (!p) return null;
    const replicas = p.replicas
      .map((id) => {
        const broker = this.host.cluster.brokers.get(id);
        const running = broker?.isRunning || broker?.state === 'shutting-down';
        const hosted = running ? broker.replicaManager.get(topic, partition) : undefined;
        const log = hosted?.log ?? broker?.logs.get(`${topic}-${partition}`);
        return log ? { id, log, hw: hosted?.highWatermark ?? 0, hosted } : undefined;
      })
      .filter((r) => r !== undefined);
    const source =
      replicas.find((r) => r.id === p.leader && r.hosted) ??
      [...replicas].sort((a, b) => b.log.logEndOffset - a.log.logEndOffset || a.id - b.id)[0];
    if (!source) return null;
    const count = Math.min(500, Math.max(0, Math.floor(Number(limit) || 0)));
    const from = Math.max(0, Math.floor(Number(fromOffset) || 0));
    return {
      topic,
      partition,
      brokerId: source.id,
      logStartOffset: source.log.logStartOffset,
      logEndOffset: source.log.logEndOffset,
      highWatermark: source.hw,
      records: source.log.records(from, source.log.logEndOffset, count).map((r) => ({
        offset: r.offset,
        timestamp: r.timestamp,
        key: r.key,
        value: r.value,
        headers: r.headers.map((h) => ({ key: h.key, value: h.value })),
        leaderEpoch: r.leaderEpoch,
      })),
    };
  }

  // ---- Terminals -----------------------------------------------------------------------------

  /**
   * Opens a terminal tab with its own shell on the shared machine; resolves to its id. The first
   * call loads the tools and the shell (later ones answer in the same tick).
   */
  async openTerminal(): Promise<number> {
    const kit =
      this.shellKit ?? (this.shellKit = await (this.shellKitLoading ??= this.loadShellKit()));
    const id = this.nextTerminalId++;
    this.terminals.set(
      id,
      kit.openTab(id, this.host, {
        write: (stream, text) => this.batcher.write(id, stream, text),
        commandFinished: () => {
          this.batcher.snapshotDirty = true;
          this.batcher.flushSoon();
        },
      }),
    );
    this.done(true);
    return id;
  }

  /** Closes a tab: its foreground command and background jobs are stopped (SIGINT, SIGTERM). */
  closeTerminal(terminalId: number): boolean {
    const tab = this.terminals.get(terminalId);
    if (!tab) return false;
    tab.close();
    this.terminals.delete(terminalId);
    this.done(true);
    return true;
  }

  /**
   * A line the user entered (without its newline). The terminal echoes what is typed itself, as a
   * tty does; the backend sends only what the shell and its processes print.
   */
  input(terminalId: number, line: string): TerminalState | undefined {
    const tab = this.terminals.get(terminalId);
    if (!tab) return undefined;
    tab.input(line);
    // Typing is human-paced: answering at once costs nothing and keeps the terminal snappy.
    this.done(true);
    return tab.state();
  }

  /** Ctrl-C. */
  interrupt(terminalId: number): TerminalState | undefined {
    const tab = this.terminals.get(terminalId);
    if (!tab) return undefined;
    tab.interrupt();
    this.done(true);
    return tab.state();
  }

  /** Ctrl-D. */
  endOfInput(terminalId: number): TerminalState | undefined {
    const tab = this.terminals.get(terminalId);
    if (!tab) return undefined;
    tab.endOfInput();
    this.done(true);
    return tab.state();
  }

  /** `'$ '`, `'> '` (PS2) or `''` while a command runs; undefined for an unknown terminal. */
  prompt(terminalId: number): string | undefined {
    return this.terminals.get(terminalId)?.prompt;
  }

  /** The command lines entered in a terminal, oldest first (for ↑/↓). */
  history(terminalId: number): string[] {
    return [...(this.terminals.get(terminalId)?.session.history ?? [])];
  }

  /** Tab completion of the word ending at `cursor` in `line`. */
  complete(terminalId: number, line: string, cursor: number = line.length): Completion {
    const tab = this.terminals.get(terminalId);
    const kit = this.shellKit;
    if (!tab || !kit) return { from: cursor, to: cursor, candidates: [] };
    return kit.complete(line, cursor, {
      registry: kit.registry,
      builtins: tab.session.builtins.values(),
      fs: this.host.fs,
      cwd: tab.session.cwd,
      home: tab.session.vars.get('HOME') ?? '/root',
      kafkaHome,
      containers: [...this.host.containers.keys()].sort(),
      snapshot: () => this.host.cluster.snapshot(),
    });
  }

  // ---- Clock ---------------------------------------------------------------------------------

  play(): ClockState {
    this.clock.play();
    return this.done(true);
  }

  pause(): ClockState {
    this.clock.pause();
    return this.done(true);
  }

  /** Advances virtual time by `ms` (integer, default 100) whether playing or not. */
  step(ms = 100): ClockState {
    const whole = Math.min(this.maxStepMs, Math.max(0, Math.floor(Number(ms) || 0)));
    if (whole > 0) this.advance(whole);
    return this.done(true);
  }

  /** Virtual ms per wall ms, clamped to 0.1–10. */
  setSpeed(speed: number): ClockState {
    this.clock.setSpeed(speed);
    return this.done(true);
  }

  state(): ClockState {
    return {
      playing: this.clock.playing,
      speed: this.clock.speed,
      now: this.host.cluster.now,
      seed: this.setup.seed,
      generation: this.generation,
    };
  }

  // ---- Faults by hand ------------------------------------------------------------------------

  /**
   * Stops broker `id`: cleanly (controlled shutdown, like `docker stop`) or, with `crash`, at once
   * (`docker kill`, `kill -9`). A broker in a compose container stops with its container, so
   * `docker ps` agrees.
   */
  stopBroker(id: number, crash = false): FaultResult {
    const known = this.knownBroker(id);
    if (!known.ok) return known;
    const container = this.containerOf(id);
    if (container) this.host.stopContainer(container, crash);
    else this.host.cluster.stopBroker(id, { crash });
    this.faulted();
    return { ok: true };
  }

  /** Starts broker `id` again (its container, in the compose cluster). */
  startBroker(id: number): FaultResult {
    const known = this.knownBroker(id);
    if (!known.ok) return known;
    const container = this.containerOf(id);
    if (container) this.host.startContainer(container);
    else this.host.cluster.startBroker(id);
    this.faulted();
    return { ok: true };
  }

  /** Cuts broker `id` off the network; it keeps running. */
  isolateBroker(id: number): FaultResult {
    const known = this.knownBroker(id);
    if (!known.ok) return known;
    this.host.cluster.isolateBroker(id);
    this.faulted();
    return { ok: true };
  }

  /** Reconnects a broker cut off with {@link isolateBroker}. */
  healBroker(id: number): FaultResult {
    const known = this.knownBroker(id);
    if (!known.ok) return known;
    this.host.cluster.healBroker(id);
    this.faulted();
    return { ok: true };
  }

  // ---- Simulated traffic ---------------------------------------------------------------------

  /**
   * Sends `recordsPerSecond` records a virtual second to `topic` for `durationMs` of virtual time
   * from one producer (`client.id` workbench-load) — traffic for demos and the UI benchmark.
   * Replacing the cluster (reset, compose apply) ends it.
   */
  produceLoad(options: LoadOptions): FaultResult {
    if (!this.host.cluster.snapshot().topics.some((t) => t.name === options.topic))
      return { ok: false, error: `Topic '${options.topic}' does not exist.` };
    startLoad(this.host.cluster, options);
    this.done(true);
    return { ok: true };
  }

  // ---- Editors -------------------------------------------------------------------------------

  /** A file of the machine's filesystem (the editors open `config/server.properties`), or null. */
  readFile(path: string): string | null {
    return this.host.fs.read(path) ?? null;
  }

  /**
   * The docker-compose.yml editor's "apply": an invalid file changes nothing and returns its
   * errors; a valid one replaces the cluster with its brokers, ports and settings (same seed).
   */
  applyCompose(yaml: string): ApplyResult {
    const { errors, warnings } = validateCompose(yaml);
    if (errors.length > 0) return { ok: false, errors, warnings };
    this.build({ preset: 'compose', mode: 'zookeeper', composeYaml: yaml });
    this.done(true);
    return { ok: true, warnings, restartNeeded: [] };
  }

  /**
   * The server.properties editor's "apply": checks the file as a starting broker would and saves
   * it (default `config/server.properties`, `config/kraft/server.properties` in KRaft mode), where
   * `kafka-server-start.sh` reads it. Like Kafka, running brokers read it only when they start:
   * `restartNeeded` lists the ones started from this machine.
   */
  applyServerProperties(text: string, path?: string): ApplyResult {
    const { errors, warnings } = validateServerProperties(text);
    if (errors.length > 0) return { ok: false, errors, warnings };
    const file =
      path ?? `${kafkaHome}/config/${this.host.mode === 'kraft' ? 'kraft/' : ''}server.properties`;
    this.host.fs.write(file, text);
    const restartNeeded = [...this.host.localBrokers]
      .filter((id) => this.host.cluster.brokers.get(id)?.isRunning)
      .sort((a, b) => a - b);
    this.done();
    return { ok: true, warnings, restartNeeded };
  }

  // ---- Batches -------------------------------------------------------------------------------

  /**
   * Pushes batches to `listener` (wrap it in `Comlink.proxy` across the worker boundary); the
   * first one, at once, carries a full snapshot. Returns an id for {@link unsubscribe}.
   */
  subscribe(listener: BatchListener): number {
    const id = this.batcher.subscribe(listener);
    this.done(true);
    return id;
  }

  unsubscribe(id: number): boolean {
    return this.batcher.unsubscribe(id);
  }

  /** Stops the clock and every timer; the backend is unusable afterwards. */
  dispose(): void {
    this.clock.dispose();
    this.batcher.dispose();
    this.unsubscribeEvents?.();
  }

  // ---- Internals -----------------------------------------------------------------------------

  private build(options: ResetOptions): void {
    const preset = options.preset ?? this.setup.preset;
    const presetChanged = options.preset !== undefined && options.preset !== this.setup.preset;
    const setup: Setup = {
      preset,
      seed: options.seed ?? this.setup.seed,
      mode:
        options.mode ??
        (preset === 'kraft' ? 'kraft' : presetChanged ? 'zookeeper' : this.setup.mode),
      brokers: options.brokers ?? this.setup.brokers,
      composeYaml:
        options.composeYaml ??
        (presetChanged || options.brokers !== undefined ? undefined : this.setup.composeYaml),
    };
    const hostOptions: HostOptions = {
      preset: setup.preset,
      mode: setup.mode,
      brokers: setup.brokers,
      seed: setup.seed,
      composeYaml:
        setup.preset === 'compose'
          ? (setup.composeYaml ?? composeYamlFor(setup.brokers))
          : undefined,
    };
    const host = new ClusterHost(hostOptions);
    this.unsubscribeEvents?.();
    this.setup = setup;
    this.host = host;
    this.generation++;
    this.batcher.clearEvents();
    this.unsubscribeEvents = host.cluster.subscribe((event: SimEvent) => this.batcher.event(event));
    for (const tab of this.terminals.values()) tab.attach(host);
    this.batcher.flushSoon();
  }

  /** Moves virtual time on by `ms`. */
  private advance(ms: number): void {
    this.host.cluster.advance(ms);
    this.batcher.touch();
    this.batcher.settle();
  }

  /**
   * After every call: runs what is due at the current virtual ms (a command's first steps, a
   * signal's handler) without moving time, then sends or schedules a batch.
   */
  private done(urgent = false): ClockState {
    const scheduler = this.host.cluster.scheduler;
    scheduler.runUntil(scheduler.now);
    if (urgent) this.batcher.flushSoon();
    this.batcher.settle();
    return this.state();
  }

  private faulted(): void {
    this.batcher.snapshotDirty = true;
    this.done(true);
  }

  private batchState(withSnapshot: boolean): BatchState {
    return {
      clock: this.state(),
      terminals: [...this.terminals.values()].map((t) => t.state()),
      ...(withSnapshot ? { snapshot: this.host.cluster.snapshot() } : {}),
    };
  }

  private knownBroker(id: number): FaultResult {
    return this.host.cluster.brokers.has(id)
      ? { ok: true }
      : { ok: false, error: `There is no broker ${id} in this cluster.` };
  }

  private containerOf(brokerId: number): string | undefined {
    for (const c of this.host.containers.values()) if (c.brokerId === brokerId) return c.name;
    return undefined;
  }
}
