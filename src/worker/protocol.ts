/**
 * The plain data that crosses the worker boundary (DESIGN §5): what the main thread sends the
 * {@link WorkbenchBackend} and the batches it pushes back. Everything here survives
 * `structuredClone`, so comlink can carry it unchanged.
 */
import type { ClusterSnapshot, SimEvent } from '../sim/index';
import type { HostPreset } from '../cli/host/clusterHost';

/** Which cluster `reset` builds. Unset fields keep the current setting. */
export interface ResetOptions {
  /** `compose`: the notes' docker-compose cluster (ZooKeeper); `kraft`; `empty`: nothing running. */
  preset?: HostPreset;
  /** Seed of every random choice in the engine. */
  seed?: number;
  /** Controller mode; `kraft` also follows from the `kraft` preset. */
  mode?: 'zookeeper' | 'kraft';
  /** Brokers for the `compose` and `kraft` presets (default 3). */
  brokers?: number;
  /** `compose` preset only: the docker-compose.yml to bring up (default: the notes' file). */
  composeYaml?: string;
}

/** Virtual clock state, as the toolbar shows it. */
export interface ClockState {
  playing: boolean;
  /** Virtual ms per wall-clock ms, 0.1–10. */
  speed: number;
  /** Virtual ms since the cluster was created. */
  now: number;
  seed: number;
  /** Incremented whenever `reset` or `applyCompose` replaces the cluster. */
  generation: number;
}

/** A piece of text a terminal's shell or one of its processes wrote. */
export interface TerminalOutput {
  terminalId: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

/** What a terminal tab shows after the output of a batch. */
export interface TerminalState {
  terminalId: number;
  /** `'$ '` at the shell prompt, `'> '` while a command continues (PS2), `''` while a command runs. */
  prompt: string;
  /** True while a command line runs in the foreground. */
  busy: boolean;
  /** True when the foreground process waits for a typed line (console producer, `cat`). */
  readingInput: boolean;
  /**
   * How many `input`, `interrupt` and `endOfInput` calls the tab has taken. Batches and call
   * results reach the main thread on different message ports, so a batch can arrive after the
   * answer to a later call: one with a lower count than the calls sent predates them.
   */
  keystrokes: number;
}

/** One push from the worker: at most one every 50 ms of wall time, and one after every command. */
export interface WorkbenchBatch {
  /** 1, 2, 3, … per backend. */
  seq: number;
  terminalOutput: TerminalOutput[];
  /** Engine events since the previous batch, oldest first; at most the last 2,000. */
  events: SimEvent[];
  /** Events left out of `events` because there were more than the bound. */
  droppedEvents: number;
  /** Present when the cluster changed since the last snapshot sent. */
  snapshot?: ClusterSnapshot;
  clock: ClockState;
  terminals: TerminalState[];
}

/** Receives batches; across comlink, pass it wrapped in `Comlink.proxy`. */
export type BatchListener = (batch: WorkbenchBatch) => void;

/** A problem found in an edited file, 1-based line. */
export interface FileError {
  line: number;
  message: string;
}

/** Outcome of `applyCompose` / `applyServerProperties`. */
export type ApplyResult =
  | { ok: true; warnings: FileError[]; restartNeeded: number[] }
  | { ok: false; errors: FileError[]; warnings: FileError[] };

/** Outcome of a fault injected by hand. */
export type FaultResult = { ok: true } | { ok: false; error: string };

/** Tab completion: replace `line.slice(from, to)` with one of `candidates`. */
export interface Completion {
  from: number;
  to: number;
  /** Sorted, unique; a directory ends in `/`. */
  candidates: string[];
}

/** One record as the message browser shows it. */
export interface BrowsedRecord {
  offset: number;
  /** CreateTime, epoch ms. */
  timestamp: number;
  key: string | null;
  value: string | null;
  headers: { key: string; value: string | null }[];
  leaderEpoch: number;
}

/** Outcome of `readRecords`: a page of one partition's log as one replica holds it. */
export interface PartitionRecords {
  topic: string;
  partition: number;
  /** The broker whose log was read: the leader, or the longest log while the leader is offline. */
  brokerId: number;
  logStartOffset: number;
  logEndOffset: number;
  /** That replica's high watermark: consumers (read_uncommitted) see offsets below it. */
  highWatermark: number;
  records: BrowsedRecord[];
}
