import { useState } from 'react';
import { useAppActor, useAppSelector } from '../app/actorContexts';
import { useT } from '../i18n/useT';
import { useSnapshot } from '../workbench/WorkbenchProvider';
import { topicSummary } from './topicStats';

/** Topics: partitions, replication factor, under-replicated partitions, messages. */
export function TopicsTable() {
  const t = useT();
  const app = useAppActor();
  const snapshot = useSnapshot();
  const selection = useAppSelector((s) => s.context.selection);
  const [showInternal, setShowInternal] = useState(false);
  const topics = (snapshot?.topics ?? []).filter((topic) => showInternal || !topic.internal);
  return (
    <div>
      <div className="panel-controls">
        <label>
          <input
            type="checkbox"
            data-testid="topics-show-internal"
            checked={showInternal}
            onChange={(e) => setShowInternal(e.target.checked)}
          />{' '}
          {t('table.showInternal')}
        </label>
      </div>
      {topics.length === 0 ? (
        <p className="empty" data-testid="topics-empty">
          {t('table.noTopics')}
        </p>
      ) : (
        <table className="data-table" data-testid="topics-table">
          <thead>
            <tr>
              <th>{t('col.topic')}</th>
              <th className="num">{t('col.partitions')}</th>
              <th className="num" title={t('col.rfTitle')}>
                {t('col.rf')}
              </th>
              <th className="num">{t('col.underReplicated')}</th>
              <th className="num" title={t('col.messagesTitle')}>
                {t('col.messages')}
              </th>
            </tr>
          </thead>
          <tbody>
            {topics.map((topic) => {
              const s = topicSummary(topic);
              const selected =
                (selection.kind === 'topic' || selection.kind === 'partition') &&
                selection.topic === topic.name;
              return (
                <tr
                  key={topic.name}
                  data-testid={`topic-row-${topic.name}`}
                  className={selected ? 'is-selected' : undefined}
                  onClick={() => app.send({ type: 'select.topic', topic: topic.name })}
                >
                  <td className="mono">
                    {topic.name}
                    {topic.internal && <span className="badge">{t('table.internal')}</span>}
                  </td>
                  <td className="num">{s.partitions}</td>
                  <td className="num">{s.replicationFactor}</td>
                  <td className={`num${s.underReplicated > 0 ? ' is-warning' : ''}`}>
                    {s.underReplicated}
                  </td>
                  <td className="num">{s.messages}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
