import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { batchListener, connectWorkbench } from '../../worker/client';
import type { WorkbenchRemote } from '../../worker/client';
import { BatchHub } from './batchHub';
import type { ClusterSnapshot } from '../../sim/index';

/** The worker connection and its batch stream, for every component of the workbench. */
export interface Workbench {
  remote: WorkbenchRemote;
  hub: BatchHub;
}

const WorkbenchContext = createContext<Workbench | undefined>(undefined);

/**
 * Starts the simulation worker (the main thread never runs simulation code, DESIGN §5) and
 * provides it to the tree. `connect` may be overridden in tests.
 */
export function WorkbenchProvider({
  children,
  connect,
}: {
  children: ReactNode;
  connect?: () => WorkbenchRemote;
}) {
  const [workbench, setWorkbench] = useState<Workbench>();
  useEffect(() => {
    let worker: Worker | undefined;
    const remote =
      connect?.() ??
      connectWorkbench(
        (worker = new Worker(new URL('../../worker/workbench.worker.ts', import.meta.url), {
          type: 'module',
        })),
      );
    const hub = new BatchHub();
    let cancelled = false;
    void remote.subscribe(batchListener((batch) => hub.publish(batch))).then(() => {
      if (!cancelled) setWorkbench({ remote, hub });
    });
    return () => {
      cancelled = true;
      worker?.terminate();
    };
  }, [connect]);
  if (!workbench) return null;
  return <WorkbenchContext.Provider value={workbench}>{children}</WorkbenchContext.Provider>;
}

/** The workbench of the surrounding {@link WorkbenchProvider}. */
export function useWorkbench(): Workbench {
  const wb = useContext(WorkbenchContext);
  if (!wb) throw new Error('useWorkbench outside WorkbenchProvider');
  return wb;
}

/** The latest cluster snapshot, re-rendering when a batch brings a new one. */
export function useSnapshot(): ClusterSnapshot | undefined {
  return useSnapshotValue(wholeSnapshot);
}

const wholeSnapshot = (snapshot: ClusterSnapshot | undefined) => snapshot;

/**
 * `select` of the latest snapshot, re-rendering only when the selected value changes (`select`
 * must be a stable function, e.g. one declared at module level).
 */
export function useSnapshotValue<T>(select: (snapshot: ClusterSnapshot | undefined) => T): T {
  const { hub } = useWorkbench();
  const [value, setValue] = useState(() => select(hub.snapshot));
  useEffect(
    () => hub.subscribe((b) => b.snapshot && setValue(() => select(b.snapshot))),
    [hub, select],
  );
  return value;
}

const isPresent = (snapshot: ClusterSnapshot | undefined) => snapshot !== undefined;

/** The latest clock state. */
export function useClock() {
  const { hub } = useWorkbench();
  const [clock, setClock] = useState(hub.clock);
  useEffect(() => hub.subscribe((b) => setClock(b.clock)), [hub]);
  return useMemo(() => clock, [clock]);
}

/**
 * False until the first snapshot has arrived and a frame has been painted with it: what loads
 * after first render (the terminals) waits for this.
 */
export function useDiagramShown(): boolean {
  const [shown, setShown] = useState(false);
  const hasSnapshot = useSnapshotValue(isPresent);
  useEffect(() => {
    if (!hasSnapshot || shown) return;
    // The frame after the snapshot's render is the one that shows it.
    let inner = 0;
    const outer = requestAnimationFrame(() => {
      inner = requestAnimationFrame(() => setShown(true));
    });
    return () => {
      cancelAnimationFrame(outer);
      cancelAnimationFrame(inner);
    };
  }, [hasSnapshot, shown]);
  return shown;
}
