import { useAppActor, useAppSelector } from '../app/actorContexts';
import { useT } from '../i18n/useT';
import { brokerRoleLabel, brokerStatusLabel } from '../topology/labels';
import { brokerRole, brokerStatus } from '../topology/brokerFacts';
import { useSnapshot } from '../workbench/WorkbenchProvider';

/** Brokers as kafka-ui lists them: id, host, controller, partitions, leaders, status. */
export function BrokersTable() {
  const t = useT();
  const app = useAppActor();
  const snapshot = useSnapshot();
  const selection = useAppSelector((s) => s.context.selection);
  if (!snapshot || snapshot.brokers.length === 0)
    return (
      <p className="empty" data-testid="brokers-empty">
        {t('table.noBrokers')}
      </p>
    );
  return (
    <table className="data-table" data-testid="brokers-table">
      <thead>
        <tr>
          <th>{t('col.id')}</th>
          <th>{t('col.host')}</th>
          <th>{t('col.controller')}</th>
          <th className="num">{t('col.partitions')}</th>
          <th className="num">{t('col.leaders')}</th>
          <th>{t('col.status')}</th>
        </tr>
      </thead>
      <tbody>
        {snapshot.brokers.map((b) => {
          const status = brokerStatus(b);
          const role = brokerRole(snapshot, b.id);
          const selected = selection.kind === 'broker' && selection.brokerId === b.id;
          return (
            <tr
              key={b.id}
              data-testid={`broker-row-${b.id}`}
              className={selected ? 'is-selected' : undefined}
              onClick={() => app.send({ type: 'select.broker', brokerId: b.id })}
            >
              <td>{b.id}</td>
              <td className="mono">
                {b.host.split('.').map((part, i) => (
                  <span key={i}>
                    {i > 0 && (
                      <>
                        <wbr />.
                      </>
                    )}
                    {part}
                  </span>
                ))}
                <wbr />:{b.port}
              </td>
              <td>{role === 'broker' ? '' : t(brokerRoleLabel[role])}</td>
              <td className="num">{b.partitions}</td>
              <td className="num">{b.leaders}</td>
              <td>
                <span className={`badge badge--${status}`}>{t(brokerStatusLabel[status])}</span>
                {b.fenced && b.state === 'running' && (
                  <span className="badge badge--fenced">{t('status.fenced')}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
