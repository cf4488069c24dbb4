/**
 * Virtual time for the simulation: integer milliseconds advanced only by {@link Scheduler.advance}
 * or {@link Scheduler.runUntilIdle}. Timers due at the same millisecond fire in the order they were
 * scheduled, so a run is a pure function of its inputs (TigerBeetle-style deterministic simulation).
 */
export type TimerId = number;

interface Timer {
  id: TimerId;
  at: number;
  seq: number;
  fn: () => void;
}

/** A binary-heap timer queue over virtual milliseconds. */
export class Scheduler {
  /** Current virtual time in ms since the cluster was created. */
  now = 0;
  private heap: Timer[] = [];
  /** Live timers by id; a cancelled timer leaves the map at once, so its closure can be collected. */
  private live = new Map<TimerId, Timer>();
  private nextId = 1;
  private seq = 0;

  /** Runs `fn` after `delayMs` virtual ms (0 = later in this same ms, after already-queued work). */
  schedule(delayMs: number, fn: () => void): TimerId {
    const id = this.nextId++;
    const at = this.now + Math.max(0, Math.floor(delayMs));
    const timer = { id, at, seq: this.seq++, fn };
    this.live.set(id, timer);
    this.push(timer);
    return id;
  }

  /** Cancels a timer; cancelling one that already fired is a no-op. */
  cancel(id: TimerId | undefined): void {
    if (id === undefined) return;
    const timer = this.live.get(id);
    if (!timer) return;
    this.live.delete(id);
    timer.fn = noop;
  }

  /** Number of timers still queued and not cancelled. */
  get pending(): number {
    return this.live.size;
  }

  /** Virtual time of the next queued timer, or undefined when nothing is queued. */
  nextDue(): number | undefined {
    this.dropCancelledHead();
    return this.heap[0]?.at;
  }

  /** Advances time by `ms`, firing every timer due up to and including the new `now`. */
  advance(ms: number): void {
    this.runUntil(this.now + Math.max(0, Math.floor(ms)));
  }

  /** Fires every timer due at or before `time`, then sets `now = time`. */
  runUntil(time: number): void {
    for (;;) {
      this.dropCancelledHead();
      const head = this.heap[0];
      if (!head || head.at > time) break;
      this.pop();
      this.live.delete(head.id);
      this.now = head.at;
      head.fn();
    }
    if (time > this.now) this.now = time;
  }

  /**
   * Fires timers until none is due within `horizonMs` of the current time: periodic timers
   * (heartbeats, fetch long-polls) never let a cluster become truly idle, so the horizon bounds it.
   * @returns the virtual ms that passed.
   */
  runUntilIdle(horizonMs = 60_000): number {
    const start = this.now;
    this.runUntil(start + horizonMs);
    return this.now - start;
  }

  private dropCancelledHead(): void {
    while (this.heap.length > 0 && !this.live.has(this.heap[0]!.id)) this.pop();
  }

  private push(t: Timer): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

function noop(): void {}

function before(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
