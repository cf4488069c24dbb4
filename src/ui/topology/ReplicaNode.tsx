import { memo } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { useT } from '../i18n/useT';
import type { ReplicaNode as ReplicaNodeType } from './diagramTypes';
import { replicaRoleLabel } from './labels';

/** One partition replica on a broker; hover shows its LEO and HW. */
export const ReplicaNode = memo(function ReplicaNode({ data }: NodeProps<ReplicaNodeType>) {
  const t = useT();
  const sync =
    data.role === 'offline'
      ? t('replica.offline')
      : t(data.inSync ? 'replica.inSync' : 'replica.outOfSync');
  const title = t('diagram.replicaTitle', {
    topic: data.topic,
    partition: data.partition,
    broker: data.brokerId,
    role: t(replicaRoleLabel[data.role]),
    sync,
    leo: data.logEndOffset,
    hw: data.highWatermark,
  });
  return (
    <div
      className="kw-node replica-node"
      title={title}
      aria-label={title}
      data-testid={`replica-${data.topic}-${data.partition}-broker-${data.brokerId}`}
      data-role={data.role}
      data-in-sync={data.inSync}
    >
      <Handle type="target" position={Position.Left} className="kw-handle" isConnectable={false} />
      <span className="replica-node__mark" aria-hidden="true">
        {data.role === 'leader' ? '★' : ''}
      </span>
      <span className="replica-node__name">
        {data.topic}-{data.partition}
      </span>
      <span className="replica-node__offsets">
        {data.logEndOffset}
        {data.highWatermark !== data.logEndOffset && data.role !== 'offline' && (
          <span className="replica-node__hw">/{data.highWatermark}</span>
        )}
      </span>
      <Handle type="source" position={Position.Right} className="kw-handle" isConnectable={false} />
    </div>
  );
});
