import { lazy, Suspense, useState } from 'react';
import { sideTabs } from '../../machines/appMachine';
import type { SideTab } from '../../machines/appMachine';
import { useAppActor, useAppSelector } from '../app/actorContexts';
import { EventLog } from '../events/EventLog';
import type { MessageKey } from '../i18n/messages';
import { useT } from '../i18n/useT';
import { BrokersTable } from '../tables/BrokersTable';
import { GroupsTable } from '../tables/GroupsTable';
import { PartitionsTable } from '../tables/PartitionsTable';
import { TopicsTable } from '../tables/TopicsTable';

// The editors and the message browser load when their tab first opens (the editors then load
// Monaco): the first render needs neither.
const EditorPanel = lazy(() =>
  import('../editors/EditorPanel').then((m) => ({ default: m.EditorPanel })),
);
const MessageBrowser = lazy(() =>
  import('../tables/MessageBrowser').then((m) => ({ default: m.MessageBrowser })),
);

const labels: Record<SideTab, MessageKey> = {
  brokers: 'tab.brokers',
  topics: 'tab.topics',
  partitions: 'tab.partitions',
  groups: 'tab.groups',
  messages: 'tab.messages',
  events: 'tab.events',
  editors: 'tab.editors',
};

/**
 * The right-hand tabs: operator tables, the message browser, the event log and the editors. Only
 * the active table renders; the editors stay mounted once opened so unsaved text survives.
 */
export function SideTabs() {
  const t = useT();
  const app = useAppActor();
  const tab = useAppSelector((s) => s.context.tab);
  const [editorsOpened, setEditorsOpened] = useState(tab === 'editors');
  if (tab === 'editors' && !editorsOpened) setEditorsOpened(true);
  const select = (next: SideTab) => app.send({ type: 'tab.select', tab: next });
  return (
    <div className="side-tabs">
      <div className="side-tabs__list" role="tablist" aria-label={t('tab.label')}>
        {sideTabs.map((id) => (
          <button
            key={id}
            id={`tab-${id}`}
            type="button"
            role="tab"
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            className={`side-tabs__tab${tab === id ? ' is-active' : ''}`}
            onClick={() => select(id)}
            onKeyDown={(e) => {
              const i = sideTabs.indexOf(id);
              if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                const next =
                  sideTabs[
                    (i + (e.key === 'ArrowRight' ? 1 : sideTabs.length - 1)) % sideTabs.length
                  ]!;
                select(next);
                document.getElementById(`tab-${next}`)?.focus();
              }
            }}
          >
            {t(labels[id])}
          </button>
        ))}
      </div>
      {tab !== 'editors' && (
        <div
          className="side-tabs__panel"
          role="tabpanel"
          id={`panel-${tab}`}
          aria-labelledby={`tab-${tab}`}
        >
          {tab === 'brokers' && <BrokersTable />}
          {tab === 'topics' && <TopicsTable />}
          {tab === 'partitions' && <PartitionsTable />}
          {tab === 'groups' && <GroupsTable />}
          {tab === 'messages' && (
            <Suspense fallback={null}>
              <MessageBrowser />
            </Suspense>
          )}
          {tab === 'events' && <EventLog />}
        </div>
      )}
      {editorsOpened && (
        <div
          className="side-tabs__panel side-tabs__panel--editors"
          role="tabpanel"
          id="panel-editors"
          aria-labelledby="tab-editors"
          hidden={tab !== 'editors'}
        >
          <Suspense fallback={null}>
            <EditorPanel />
          </Suspense>
        </div>
      )}
    </div>
  );
}
