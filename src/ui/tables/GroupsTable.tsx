import type { GroupSnapshot } from '../../sim/groups/groupSummary';
import { useAppActor, useAppSelector } from '../app/actorContexts';
import { shortMemberId } from '../format';
import { useT } from '../i18n/useT';
import { useSnapshot } from '../workbench/WorkbenchProvider';
import { groupLag } from './topicStats';

/** Consumer groups: state, members, assignor, coordinator and lag per partition. */
export function GroupsTable() {
  const t = useT();
  const app = useAppActor();
  const snapshot = useSnapshot();
  const selection = useAppSelector((s) => s.context.selection);
  const groups = [...((snapshot?.groups ?? []) as GroupSnapshot[])].sort((a, b) =>
    a.groupId < b.groupId ? -1 : 1,
  );
  if (!snapshot || groups.length === 0)
    return (
      <p className="empty" data-testid="groups-empty">
        {t('table.noGroups')}
      </p>
    );
  return (
    <div className="groups">
      {groups.map((group) => {
        const lag = groupLag(group, snapshot);
        const total = lag.reduce((sum, r) => sum + (r.lag ?? 0), 0);
        const selected = selection.kind === 'group' && selection.groupId === group.groupId;
        return (
          <section
            key={group.groupId}
            className={`group-card${selected ? ' is-selected' : ''}`}
            data-testid={`group-card-${group.groupId}`}
            data-state={group.state}
          >
            <button
              type="button"
              className="group-card__header"
              onClick={() => app.send({ type: 'select.group', groupId: group.groupId })}
            >
              <span className="mono group-card__name">{group.groupId}</span>
              <span className={`badge badge--group-${group.state.toLowerCase()}`}>
                {group.state}
              </span>
              <span className={total > 0 ? 'is-warning' : undefined}>
                {t('groups.totalLag', { lag: total })}
              </span>
            </button>
            <dl className="group-card__facts">
              <dt>{t('col.members')}</dt>
              <dd>{group.members.length}</dd>
              <dt>{t('col.assignor')}</dt>
              <dd>{group.protocol || '—'}</dd>
              <dt>{t('col.coordinator')}</dt>
              <dd>{group.coordinator}</dd>
            </dl>
            {lag.length > 0 && (
              <table className="data-table" data-testid={`group-lag-table-${group.groupId}`}>
                <thead>
                  <tr>
                    <th>{t('col.partition')}</th>
                    <th className="num">{t('col.committed')}</th>
                    <th className="num" title={t('col.logEndTitle')}>
                      {t('col.logEnd')}
                    </th>
                    <th className="num">{t('col.lag')}</th>
                    <th>{t('col.consumer')}</th>
                  </tr>
                </thead>
                <tbody>
                  {lag.map((r) => (
                    <tr
                      key={`${r.topic}-${r.partition}`}
                      data-testid={`group-lag-row-${group.groupId}-${r.topic}-${r.partition}`}
                      onClick={() =>
                        app.send({
                          type: 'select.partition',
                          topic: r.topic,
                          partition: r.partition,
                        })
                      }
                    >
                      <td className="mono">
                        {r.topic}-{r.partition}
                      </td>
                      <td className="num">{r.committed ?? '-'}</td>
                      <td className="num">{r.logEnd ?? '-'}</td>
                      <td className={`num${(r.lag ?? 0) > 0 ? ' is-warning' : ''}`}>
                        {r.lag ?? '-'}
                      </td>
                      <td className="mono" title={r.consumer ?? undefined}>
                        {r.consumer ? shortMemberId(r.consumer) : t('groups.unassigned')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </div>
  );
}
