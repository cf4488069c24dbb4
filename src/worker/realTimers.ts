/** The browser's wall clock and timers, for the worker entry; tests inject fake ones instead. */
import type { WallClock } from './clockDriver';

export const realTimers: WallClock = {
  now: () => performance.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
