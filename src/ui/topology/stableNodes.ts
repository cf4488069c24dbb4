/**
 * Keeps React Flow's work proportional to what changed: a node or edge equal to the one drawn
 * before keeps its object, so React Flow and the memoised node components skip it, and an
 * unchanged list keeps its array.
 */
import { useMemo, useRef } from 'react';

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Shallow comparison, deep (by JSON) for nested objects such as `position` and `data`. */
export function sameItem(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) =>
    sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

export function useStableItems<T extends { id: string }>(items: readonly T[]): T[] {
  const previous = useRef<{ list: T[]; byId: Map<string, T> }>({ list: [], byId: new Map() });
  return useMemo(() => {
    const before = previous.current;
    const byId = new Map<string, T>();
    let changed = items.length !== before.list.length;
    const list = items.map((item, i) => {
      const old = before.byId.get(item.id);
      const kept = old && sameItem(old, item) ? old : item;
      if (kept !== before.list[i]) changed = true;
      byId.set(item.id, kept);
      return kept;
    });
    previous.current = { list: changed ? list : before.list, byId };
    return previous.current.list;
  }, [items]);
}
