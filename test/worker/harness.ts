/**
 * Drives a {@link WorkbenchBackend} the way the browser does: over a real MessageChannel with
 * comlink, batches pushed to a proxied listener — with a fake wall clock the test moves by hand.
 */
import { MessageChannel } from 'node:worker_threads';
import * as Comlink from 'comlink';
import type { Endpoint } from 'comlink';
import { connectWorkbench } from '../../src/worker/client';
import type { WorkbenchRemote } from '../../src/worker/client';
import type { TimerHandle, WallClock } from '../../src/worker/clockDriver';
import { WorkbenchBackend } from '../../src/worker/workbenchApi';
import type { BackendOptions } from '../../src/worker/workbenchApi';
import type { SimEvent } from '../../src/sim/index';
import type { WorkbenchBatch } from '../../src/worker/protocol';

/** A wall clock whose time moves only when the test says so; due timers fire in order. */
export class FakeWallClock implements WallClock {
  private time = 1_000;
  private seq = 0;
  private readonly timers = new Map<number, { at: number; seq: number; fn: () => void }>();

  now(): number {
    return this.time;
  }

  setTimer(fn: () => void, ms: number): TimerHandle {
    const id = ++this.seq;
    this.timers.set(id, { at: this.time + Math.max(0, ms), seq: id, fn });
    return id;
  }

  clearTimer(handle: TimerHandle): void {
    this.timers.delete(handle as number);
  }

  /** Moves wall time on by `ms`, firing every timer that falls due on the way, when it is due. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const next = [...this.timers.entries()]
        .filter(([, t]) => t.at <= end)
        .sort(([, a], [, b]) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) break;
      this.timers.delete(next[0]);
      this.time = Math.max(this.time, next[1].at);
      next[1].fn();
    }
    this.time = end;
  }

  /** A throttled background tab: `ms` pass with no timer firing, then the overdue ones fire. */
  jump(ms: number): void {
    this.time += ms;
    this.advance(0);
  }
}

/** Lets comlink's messages through (they travel between event-loop turns). */
export const flushMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Waits (in real time, a few event-loop turns at most) until `condition` holds. */
export async function until(condition: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await flushMessages();
  }
  throw new Error(`timed out waiting for ${what}`);
}

export interface Rig {
  backend: WorkbenchBackend;
  remote: WorkbenchRemote;
  wall: FakeWallClock;
  batches: WorkbenchBatch[];
  /** Everything terminal `id` printed so far, stdout and stderr interleaved. */
  output(id: number, stream?: 'stdout' | 'stderr'): string;
  events(): SimEvent[];
  lastSnapshot(): NonNullable<WorkbenchBatch['snapshot']>;
  /** Enters `line` in terminal `id` and waits for the batch that follows it. */
  type(id: number, line: string): Promise<void>;
  /** Moves the fake wall clock and waits for the batches it caused. */
  wallAdvance(ms: number): Promise<void>;
  /** Steps virtual time and waits for the batch that follows. */
  step(ms?: number): Promise<void>;
  close(): void;
}

/** A backend exposed on one end of a MessageChannel, wrapped on the other, subscribed. */
export async function rig(options: BackendOptions = {}): Promise<Rig> {
  const wall = new FakeWallClock();
  const backend = new WorkbenchBackend(wall, options);
  const { port1, port2 } = new MessageChannel();
  // Node's MessagePort is an EventTarget delivering MessageEvents, as a browser's is, so comlink
  // takes it as it is (its `node-adapter` is only needed for `on`-style emitters).
  Comlink.expose(backend, port1 as unknown as Endpoint);
  const remote = connectWorkbench(port2 as unknown as Endpoint);
  const batches: WorkbenchBatch[] = [];
  await remote.subscribe(Comlink.proxy((batch: WorkbenchBatch) => void batches.push(batch)));
  await until(() => batches.length > 0, 'the first batch');
  const settle = async () => {
    const seen = batches.length;
    await flushMessages();
    // Batches travel on their own channel; give them a few turns to land.
    for (let i = 0; i < 5 && batches.length === seen; i++) await flushMessages();
  };
  return {
    backend,
    remote,
    wall,
    batches,
    output: (id, stream) =>
      batches
        .flatMap((b) => b.terminalOutput)
        .filter((o) => o.terminalId === id && (!stream || o.stream === stream))
        .map((o) => o.text)
        .join(''),
    events: () => batches.flatMap((b) => b.events),
    lastSnapshot: () => batches.filter((b) => b.snapshot).at(-1)!.snapshot!,
    type: async (id, line) => {
      await remote.input(id, line);
      await settle();
    },
    step: async (ms) => {
      await remote.step(ms);
      await settle();
    },
    wallAdvance: async (ms) => {
      wall.advance(ms);
      await settle();
    },
    close: () => {
      backend.dispose();
      remote[Comlink.releaseProxy]();
      port1.close();
      port2.close();
    },
  };
}
