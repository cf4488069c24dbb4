/**
 * The Web Worker entry (DESIGN §5): the engine, the shells and the clock live here, exposed to the
 * main thread with comlink. Load it with
 * `new Worker(new URL('./workbench.worker.ts', import.meta.url), { type: 'module' })` and talk to it
 * through {@link connectWorkbench}.
 */
import * as Comlink from 'comlink';
import { realTimers } from './realTimers';
import { WorkbenchBackend } from './workbenchApi';

// The clock runs from the start, so the first command typed answers; the toolbar can pause it.
Comlink.expose(new WorkbenchBackend(realTimers, { autoplay: true }));
