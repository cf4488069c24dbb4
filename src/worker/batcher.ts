/**
 * Collects what the worker pushes to the main thread — terminal output, engine events, the need for
 * a fresh snapshot — and sends it as batches: at most one every `intervalMs` of wall time, or at
 * once when a command has finished. Events are bounded per batch (the newest are kept) so a 10×
 * run cannot flood the main thread.
 */
import type { SimEvent } from '../sim/index';
import type { TimerHandle, WallClock } from './clockDriver';
import type { BatchListener, TerminalOutput, WorkbenchBatch } from './protocol';

export interface BatcherOptions {
  /** Least wall ms between two batches (default 50). */
  intervalMs?: number;
  /** Most events one batch carries (default 2,000); older ones are counted as dropped. */
  maxEvents?: number;
}

/** The parts of a batch only the backend knows, read when a batch is sent. */
export type BatchState = Pick<WorkbenchBatch, 'clock' | 'terminals' | 'snapshot'>;

export class Batcher {
  private readonly listeners = new Map<number, BatchListener>();
  private nextListenerId = 1;
  private output: TerminalOutput[] = [];
  /** A ring of the newest events: `events[(head + i) % max]`, i < count. */
  private readonly events: SimEvent[] = [];
  private head = 0;
  private count = 0;
  private dropped = 0;
  private seq = 0;
  private lastSent = -Infinity;
  private timer: TimerHandle | undefined;
  private dirty = false;
  private urgent = false;
  private readonly intervalMs: number;
  private readonly maxEvents: number;

  constructor(
    private readonly wall: WallClock,
    private readonly state: (includeSnapshot: boolean) => BatchState,
    options: BatcherOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 50;
    this.maxEvents = options.maxEvents ?? 2_000;
  }

  /** True when the next batch should carry a snapshot (set by events, faults, commands, resets). */
  snapshotDirty = true;

  subscribe(listener: BatchListener): number {
    const id = this.nextListenerId++;
    this.listeners.set(id, listener);
    this.snapshotDirty = true;
    this.urgent = true;
    this.dirty = true;
    return id;
  }

  unsubscribe(id: number): boolean {
    return this.listeners.delete(id);
  }

  /** Text from a terminal; consecutive pieces of one stream are joined. */
  write(terminalId: number, stream: 'stdout' | 'stderr', text: string): void {
    if (text === '') return;
    const last = this.output[this.output.length - 1];
    if (last && last.terminalId === terminalId && last.stream === stream) last.text += text;
    else this.output.push({ terminalId, stream, text });
    this.dirty = true;
  }

  event(event: SimEvent): void {
    if (this.count < this.maxEvents) {
      this.events[(this.head + this.count) % this.maxEvents] = event;
      this.count++;
    } else {
      this.events[this.head] = event;
      this.head = (this.head + 1) % this.maxEvents;
      this.dropped++;
    }
    this.snapshotDirty = true;
    this.dirty = true;
  }

  /** Something changed that the main thread should see (clock, prompts). */
  touch(): void {
    this.dirty = true;
  }

  /** The next {@link settle} sends a batch at once (a command finished, the cluster was reset). */
  flushSoon(): void {
    this.dirty = true;
    this.urgent = true;
  }

  /** Forgets queued events (the cluster they came from was replaced). */
  clearEvents(): void {
    this.events.length = 0;
    this.head = 0;
    this.count = 0;
    this.dropped = 0;
    this.snapshotDirty = true;
    this.dirty = true;
  }

  /** Called after every operation: sends now when urgent, else makes sure a batch is scheduled. */
  settle(): void {
    if (!this.dirty) return;
    if (this.urgent) return this.flush();
    if (this.timer !== undefined) return;
    const wait = Math.max(0, this.lastSent + this.intervalMs - this.wall.now());
    this.timer = this.wall.setTimer(() => {
      this.timer = undefined;
      this.flush();
    }, wait);
  }

  /** Sends what is queued to every listener (nothing when nobody listens: it stays queued). */
  flush(): void {
    if (this.timer !== undefined) this.wall.clearTimer(this.timer);
    this.timer = undefined;
    if (this.listeners.size === 0 || !this.dirty) return;
    const events: SimEvent[] = [];
    for (let i = 0; i < this.count; i++)
      events.push(this.events[(this.head + i) % this.maxEvents]!);
    const batch: WorkbenchBatch = {
      seq: ++this.seq,
      terminalOutput: this.output,
      events,
      droppedEvents: this.dropped,
      ...this.state(this.snapshotDirty),
    };
    this.output = [];
    this.clearEvents();
    this.snapshotDirty = false;
    this.dirty = false;
    this.urgent = false;
    this.lastSent = this.wall.now();
    for (const listener of [...this.listeners.values()]) {
      try {
        const result: unknown = listener(batch);
        // A comlink proxy returns a promise; a listener that went away must not break the worker.
        if (result instanceof Promise) result.catch(() => undefined);
      } catch {
        // A failing listener does not stop the others.
      }
    }
  }

  dispose(): void {
    if (this.timer !== undefined) this.wall.clearTimer(this.timer);
    this.timer = undefined;
    this.listeners.clear();
  }
}
