import { useSyncExternalStore } from 'react';
import { useAppActor } from '../app/actorContexts';
import { useLanguage, useT } from '../i18n/useT';
import { formatTick } from '../format';
import { eventFocus } from './describeEvent';
import { describeEntry } from './eventLog';
import { useEventLogStore } from './EventLogContext';

/** Entries rendered at once, newest first. */
const shown = 200;

/** The event log tab: what happened, in plain words; a click highlights what it is about. */
export function EventLog() {
  const t = useT();
  const language = useLanguage();
  const app = useAppActor();
  const store = useEventLogStore();
  const { entries, dropped, showTraffic } = useSyncExternalStore(
    store.subscribe,
    store.getSnapshot,
  );
  const newest = entries.slice(-shown).reverse();
  return (
    <div className="event-log" data-testid="event-log">
      <div className="panel-controls">
        <label>
          <input
            type="checkbox"
            checked={showTraffic}
            onChange={(e) => store.setShowTraffic(e.target.checked)}
          />{' '}
          {t('events.traffic')}
        </label>
        <button type="button" onClick={() => store.clear()}>
          {t('events.clear')}
        </button>
      </div>
      {dropped > 0 && <p className="notice">{t('events.dropped', { count: dropped })}</p>}
      {newest.length === 0 ? (
        <p className="empty">{t('events.empty')}</p>
      ) : (
        <ol className="event-log__list" aria-live="polite" data-testid="event-log-list">
          {newest.map((entry) => {
            const focus = eventFocus(entry.event);
            const level = entry.event.type.split('.')[0];
            return (
              <li
                key={entry.id}
                className={`event-log__entry event--${level}`}
                data-testid="event-log-entry"
                data-event={entry.event.type}
              >
                <button
                  type="button"
                  title={t('events.highlight')}
                  disabled={focus.kind === 'none'}
                  onClick={() => {
                    if (focus.kind === 'broker')
                      app.send({ type: 'select.broker', brokerId: focus.brokerId });
                    else if (focus.kind === 'partition')
                      app.send({
                        type: 'select.partition',
                        topic: focus.topic,
                        partition: focus.partition,
                      });
                    else if (focus.kind === 'topic')
                      app.send({ type: 'select.topic', topic: focus.topic });
                    else if (focus.kind === 'group')
                      app.send({ type: 'select.group', groupId: focus.groupId });
                  }}
                >
                  <time>{formatTick(entry.event.tick)}</time>
                  <span>{describeEntry(entry, language)}</span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
