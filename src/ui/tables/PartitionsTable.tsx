import { useAppActor, useAppSelector } from '../app/actorContexts';
import { useT } from '../i18n/useT';
import { useSnapshot } from '../workbench/WorkbenchProvider';
import { TopicSelect } from './TopicSelect';

/** An offset, or '-' when the leader's log is not reachable (the snapshot says -1). */
const offset = (n: number) => (n < 0 ? '-' : n);

/** Partitions: leader, replicas, ISR, log start, LEO, HW; a click highlights one. */
export function PartitionsTable() {
  const t = useT();
  const app = useAppActor();
  const snapshot = useSnapshot();
  const selection = useAppSelector((s) => s.context.selection);
  const filter =
    selection.kind === 'topic' || selection.kind === 'partition' ? selection.topic : '';
  const topics = (snapshot?.topics ?? []).filter((topic) =>
    filter ? topic.name === filter : !topic.internal,
  );
  const none = t('table.none');
  return (
    <div>
      <div className="panel-controls">
        <TopicSelect
          value={filter}
          onChange={(topic) =>
            app.send(topic ? { type: 'select.topic', topic } : { type: 'select.clear' })
          }
        />
      </div>
      {topics.length === 0 ? (
        <p className="empty" data-testid="partitions-empty">
          {t('table.noTopics')}
        </p>
      ) : (
        <table className="data-table" data-testid="partitions-table">
          <thead>
            <tr>
              <th>{t('col.partition')}</th>
              <th className="num">{t('col.leader')}</th>
              <th>{t('col.replicas')}</th>
              <th>{t('col.isr')}</th>
              <th className="num">{t('col.logStart')}</th>
              <th className="num" title={t('col.leoTitle')}>
                {t('col.leo')}
              </th>
              <th className="num" title={t('col.hwTitle')}>
                {t('col.hw')}
              </th>
            </tr>
          </thead>
          <tbody>
            {topics.flatMap((topic) =>
              topic.partitions.map((p) => {
                const selected =
                  selection.kind === 'partition' &&
                  selection.topic === p.topic &&
                  selection.partition === p.partition;
                const under = p.isr.length < p.replicas.length;
                const offline = p.leader < 0 || p.logEndOffset < 0;
                return (
                  <tr
                    key={`${p.topic}-${p.partition}`}
                    data-testid={`partition-row-${p.topic}-${p.partition}`}
                    className={
                      [selected && 'is-selected', offline ? 'is-error' : under && 'is-warning']
                        .filter(Boolean)
                        .join(' ') || undefined
                    }
                    onClick={() =>
                      app.send({ type: 'select.partition', topic: p.topic, partition: p.partition })
                    }
                  >
                    <td className="mono">
                      {p.topic}-{p.partition}
                    </td>
                    <td className="num">{p.leader < 0 ? none : p.leader}</td>
                    <td className="mono">{p.replicas.join(',')}</td>
                    <td className="mono">{p.isr.join(',') || none}</td>
                    <td className="num">{offset(p.logStartOffset)}</td>
                    <td className="num">{offset(p.logEndOffset)}</td>
                    <td className="num">{offset(p.highWatermark)}</td>
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
      )}
    </div>
  );
}
