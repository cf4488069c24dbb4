/**
 * Drives the simulation's virtual clock from the wall clock: play, pause, single step and a speed
 * of 0.1×–10×. Wall time comes only from an injected {@link WallClock}, so tests drive it with fake
 * timers and the engine stays a pure function of its inputs.
 */

/** An opaque timer handle (a number in browsers, an object in Node). */
export type TimerHandle = unknown;

/** The wall clock and timers the worker uses; injected, never read from globals. */
export interface WallClock {
  /** Wall-clock ms, monotonic (`performance.now()`). */
  now(): number;
  setTimer(fn: () => void, ms: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

export interface ClockDriverOptions {
  /** Wall ms between ticks while playing (default 20). */
  tickMs?: number;
  /**
   * Most wall ms one tick counts (default 250): a throttled background tab that wakes after an
   * hour moves the simulation on by at most 250 ms × speed, not an hour.
   */
  maxTickMs?: number;
}

/** Slowest and fastest speed, virtual ms per wall ms. */
export const minSpeed = 0.1;
export const maxSpeed = 10;

export class ClockDriver {
  private playingNow = false;
  /** Speed in hundredths, so virtual time is integer arithmetic: 0.1× = 10, 10× = 1000. */
  private speedHundredths = 100;
  /** Virtual hundredths of a ms owed to the next tick. */
  private carry = 0;
  private lastWall = 0;
  private timer: TimerHandle | undefined;
  private readonly tickMs: number;
  private readonly maxTickMs: number;

  /** @param advance moves virtual time on by whole ms (never called with 0) */
  constructor(
    private readonly wall: WallClock,
    private readonly advance: (ms: number) => void,
    options: ClockDriverOptions = {},
  ) {
    this.tickMs = options.tickMs ?? 20;
    this.maxTickMs = options.maxTickMs ?? 250;
  }

  get playing(): boolean {
    return this.playingNow;
  }

  /** Virtual ms per wall ms. */
  get speed(): number {
    return this.speedHundredths / 100;
  }

  play(): void {
    if (this.playingNow) return;
    this.playingNow = true;
    this.carry = 0;
    this.lastWall = this.wall.now();
    this.schedule();
  }

  /** Stops the clock, counting the wall time since the last tick first. */
  pause(): void {
    if (!this.playingNow) return;
    this.catchUp();
    this.playingNow = false;
    if (this.timer !== undefined) this.wall.clearTimer(this.timer);
    this.timer = undefined;
  }

  /** Sets the speed, clamped to 0.1–10 (rounded to 0.01); time so far counts at the old speed. */
  setSpeed(speed: number): void {
    if (!Number.isFinite(speed)) return;
    if (this.playingNow) this.catchUp();
    const clamped = Math.min(maxSpeed, Math.max(minSpeed, speed));
    this.speedHundredths = Math.round(clamped * 100);
  }

  /** Stops the timers for good. */
  dispose(): void {
    this.pause();
  }

  private schedule(): void {
    this.timer = this.wall.setTimer(() => this.tick(), this.tickMs);
  }

  private tick(): void {
    this.timer = undefined;
    if (!this.playingNow) return;
    this.catchUp();
    // The advance may have paused the clock (a listener calling pause()); only then stop.
    if (this.playingNow && this.timer === undefined) this.schedule();
  }

  /** Advances virtual time by the wall time since the last tick × speed. */
  private catchUp(): void {
    const now = this.wall.now();
    const elapsed = Math.min(Math.max(0, now - this.lastWall), this.maxTickMs);
    this.lastWall = now;
    const units = Math.round(elapsed * this.speedHundredths) + this.carry;
    const ms = Math.floor(units / 100);
    this.carry = units - ms * 100;
    if (ms > 0) this.advance(ms);
  }
}
