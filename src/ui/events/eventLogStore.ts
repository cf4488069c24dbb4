/**
 * Keeps the event log's entries while the log tab is hidden: fed every batch, read by the
 * `EventLog` component through `useSyncExternalStore`. Listeners hear at most four times a
 * second, so a burst of traffic does not re-render the list for every batch.
 */
import type { WorkbenchBatch } from '../../worker/protocol';
import { appendEvents } from './eventLog';
import type { EventLogEntry } from './eventLog';

export interface EventLogState {
  entries: readonly EventLogEntry[];
  /** Events the worker left out of batches (more than it sends at once). */
  dropped: number;
  showTraffic: boolean;
}

/** Wall ms between notifications. */
const notifyEveryMs = 250;

export class EventLogStore {
  private state: EventLogState = { entries: [], dropped: 0, showTraffic: false };
  private generation: number | undefined;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Adds a batch's events; a new cluster (reset) starts a new log. */
  add(batch: WorkbenchBatch): void {
    const fresh = this.generation !== undefined && batch.clock.generation !== this.generation;
    this.generation = batch.clock.generation;
    if (!fresh && batch.events.length === 0 && batch.droppedEvents === 0) return;
    const base = fresh ? [] : this.state.entries;
    this.state = {
      ...this.state,
      entries: appendEvents(base, batch.events, this.state.showTraffic),
      dropped: (fresh ? 0 : this.state.dropped) + batch.droppedEvents,
    };
    this.notifySoon();
  }

  setShowTraffic(showTraffic: boolean): void {
    this.state = { ...this.state, showTraffic };
    this.notify();
  }

  clear(): void {
    this.state = { ...this.state, entries: [], dropped: 0 };
    this.notify();
  }

  getSnapshot = (): EventLogState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private notifySoon(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => this.notify(), notifyEveryMs);
  }

  private notify(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    for (const l of this.listeners) l();
  }
}
