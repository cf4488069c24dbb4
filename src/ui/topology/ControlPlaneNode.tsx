import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useT } from '../i18n/useT';
import type { ControlPlaneNode as ControlPlaneNodeType } from './diagramTypes';

/** ZooKeeper, or the KRaft controller quorum with each voter's role. */
export const ControlPlaneNode = memo(function ControlPlaneNode({
  data,
}: NodeProps<ControlPlaneNodeType>) {
  const t = useT();
  if (data.kind === 'zookeeper')
    return (
      <div
        className={`kw-node control-node${data.running ? '' : ' is-down'}`}
        data-testid="zookeeper"
        data-status={data.running ? 'up' : 'stopped'}
      >
        <strong>{t('diagram.zookeeper')}</strong>
        <span className="muted">
          {t(data.running ? 'diagram.zookeeperUp' : 'diagram.zookeeperDown')}
        </span>
      </div>
    );
  return (
    <div className="kw-node control-node" data-testid="kraft-quorum">
      <strong>{t('diagram.quorum')}</strong>
      <span className="control-node__voters">
        {data.voters.map((v) => (
          <span
            key={v.nodeId}
            className={`voter${v.nodeId === data.leaderId ? ' voter--leader' : ''}${v.running ? '' : ' is-down'}`}
            title={v.role}
            data-testid={`kraft-voter-${v.nodeId}`}
          >
            {v.nodeId === data.leaderId ? '★ ' : ''}
            {t('diagram.voter', { id: v.nodeId })}
          </span>
        ))}
      </span>
    </div>
  );
});
