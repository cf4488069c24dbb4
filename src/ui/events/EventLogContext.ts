/** The workbench's {@link EventLogStore}, provided by `Workbench`. */
import { createContext, useContext } from 'react';
import type { EventLogStore } from './eventLogStore';

export const EventLogContext = createContext<EventLogStore | undefined>(undefined);

export function useEventLogStore(): EventLogStore {
  const store = useContext(EventLogContext);
  if (!store) throw new Error('useEventLogStore outside EventLogContext');
  return store;
}
