import { memo } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { useT } from '../i18n/useT';
import type { GroupNode as GroupNodeType } from './diagramTypes';

/** A consumer group: its id, state and members. */
export const GroupNode = memo(function GroupNode({ data }: NodeProps<GroupNodeType>) {
  const t = useT();
  return (
    <div
      className="kw-node client-node client-node--group"
      data-testid={`consumer-group-${data.groupId}`}
      data-state={data.state}
    >
      <Handle type="target" position={Position.Left} className="kw-handle" isConnectable={false} />
      <span className="client-node__kind">{t('diagram.group')}</span>
      <strong className="client-node__name mono" title={data.groupId}>
        {data.groupId}
      </strong>
      <span className="client-node__kind">
        <span className={`client-node__state group-state--${data.state.toLowerCase()}`}>
          {data.state}
        </span>{' '}
        ·{' '}
        {data.members === 1
          ? t('diagram.oneMember')
          : t('diagram.members', { count: data.members })}
      </span>
    </div>
  );
});
