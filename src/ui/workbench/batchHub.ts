/**
 * Fans the worker's batches out to the components that need them (terminals, diagram, tables,
 * event log) and keeps the latest snapshot and clock for late subscribers.
 */
import type { ClockState, WorkbenchBatch } from '../../worker/client';
import type { ClusterSnapshot } from '../../sim/index';

export type BatchSubscriber = (batch: WorkbenchBatch) => void;

export class BatchHub {
  private readonly subscribers = new Set<BatchSubscriber>();
  snapshot: ClusterSnapshot | undefined;
  clock: ClockState | undefined;

  publish(batch: WorkbenchBatch): void {
    if (batch.snapshot) this.snapshot = batch.snapshot;
    this.clock = batch.clock;
    for (const s of this.subscribers) s(batch);
  }

  subscribe(subscriber: BatchSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }
}
