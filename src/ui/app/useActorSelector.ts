/**
 * Reads part of a running xstate actor's snapshot and re-renders only when that part changes
 * (what `@xstate/react`'s `useSelector` does, without the extra dependency).
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';

interface Subscribable<S> {
  subscribe(observer: (snapshot: S) => void): { unsubscribe(): void };
  getSnapshot(): S;
}

export function useActorSelector<S, T>(
  actor: Subscribable<S>,
  selector: (snapshot: S) => T,
  equal: (a: T, b: T) => boolean = Object.is,
): T {
  const last = useRef<{ value: T } | undefined>(undefined);
  const subscribe = useCallback(
    (notify: () => void) => {
      const subscription = actor.subscribe(() => notify());
      return () => subscription.unsubscribe();
    },
    [actor],
  );
  const read = () => {
    const value = selector(actor.getSnapshot());
    if (last.current && equal(last.current.value, value)) return last.current.value;
    last.current = { value };
    return value;
  };
  return useSyncExternalStore(subscribe, read, read);
}
