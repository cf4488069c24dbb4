/**
 * The main thread's side of the worker (DESIGN §5): a typed comlink proxy of the
 * {@link WorkbenchBackend}. Every call returns a promise of plain data; batches arrive through
 * `subscribe`.
 *
 * ```ts
 * const worker = new Worker(new URL('./workbench.worker.ts', import.meta.url), { type: 'module' });
 * const workbench = connectWorkbench(worker);
 * await workbench.subscribe(batchListener((batch) => render(batch)));
 * const tab = await workbench.openTerminal();
 * await workbench.input(tab, 'kafka-topics.sh --list --bootstrap-server localhost:9092');
 * ```
 */
import * as Comlink from 'comlink';
import type { Endpoint, Remote } from 'comlink';
import type { BatchListener } from './protocol';
import type { WorkbenchBackend } from './workbenchApi';

export type { Remote } from 'comlink';
export type * from './protocol';

/** The backend as the main thread sees it: each method returns a promise. */
export type WorkbenchRemote = Remote<WorkbenchBackend>;

/** Wraps a `Worker` (or a `MessagePort`, or comlink's Node adapter) running `workbench.worker.ts`. */
export function connectWorkbench(endpoint: Endpoint): WorkbenchRemote {
  return Comlink.wrap<WorkbenchBackend>(endpoint);
}

/** Marks a batch listener to be called across the boundary rather than copied. */
export function batchListener(listener: BatchListener): BatchListener & Comlink.ProxyMarked {
  return Comlink.proxy(listener);
}

/** Lets the worker's proxy go (the worker itself keeps running until terminated). */
export function disconnectWorkbench(remote: WorkbenchRemote): void {
  remote[Comlink.releaseProxy]();
}
