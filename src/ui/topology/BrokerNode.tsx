import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useT } from '../i18n/useT';
import type { BrokerNode as BrokerNodeType } from './diagramTypes';
import { brokerRoleLabel, brokerStatusLabel } from './labels';

/** A broker box: id, role, status, host:port; its replicas are child nodes drawn inside. */
export const BrokerNode = memo(function BrokerNode({ data }: NodeProps<BrokerNodeType>) {
  const t = useT();
  const address = `${data.host}:${data.port}`;
  return (
    <div
      className="kw-node broker-node"
      data-testid={`broker-${data.brokerId}`}
      data-status={data.status}
      data-role={data.role}
    >
      <div className="broker-node__header" data-testid={`broker-${data.brokerId}-header`}>
        <strong className="broker-node__title">{t('diagram.broker', { id: data.brokerId })}</strong>
        <span className="broker-node__badges">
          {data.role !== 'broker' && (
            <span className={`badge badge--role badge--${data.role}`}>
              {t(brokerRoleLabel[data.role])}
            </span>
          )}
          <span
            className={`badge badge--${data.status}`}
            data-testid={`broker-${data.brokerId}-status`}
          >
            {t(brokerStatusLabel[data.status])}
          </span>
          {data.fenced && data.status === 'up' && (
            <span className="badge badge--fenced">{t('status.fenced')}</span>
          )}
        </span>
      </div>
      <div className="broker-node__address mono" title={address}>
        {address}
      </div>
    </div>
  );
});
