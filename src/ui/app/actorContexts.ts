/**
 * The app and playback actors (src/machines), provided to every component: the app actor by
 * `App`, the playback actor by `Workbench` once the worker is connected.
 */
import { createContext, useContext } from 'react';
import type { SnapshotFrom } from 'xstate';
import type { AppActor, appMachine } from '../../machines/appMachine';
import type { PlaybackActor, playbackMachine } from '../../machines/playbackMachine';
import { useActorSelector } from './useActorSelector';

export const AppActorContext = createContext<AppActor | undefined>(undefined);
export const PlaybackActorContext = createContext<PlaybackActor | undefined>(undefined);

export function useAppActor(): AppActor {
  const actor = useContext(AppActorContext);
  if (!actor) throw new Error('useAppActor outside AppActorContext');
  return actor;
}

export function usePlaybackActor(): PlaybackActor {
  const actor = useContext(PlaybackActorContext);
  if (!actor) throw new Error('usePlaybackActor outside PlaybackActorContext');
  return actor;
}

/** Part of the app machine's snapshot; re-renders when it changes. */
export function useAppSelector<T>(selector: (s: SnapshotFrom<typeof appMachine>) => T): T {
  return useActorSelector(useAppActor(), selector);
}

/** Part of the playback machine's snapshot; re-renders when it changes. */
export function usePlaybackSelector<T>(
  selector: (s: SnapshotFrom<typeof playbackMachine>) => T,
): T {
  return useActorSelector(usePlaybackActor(), selector);
}
