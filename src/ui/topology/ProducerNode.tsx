import { memo } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { useT } from '../i18n/useT';
import type { ProducerNode as ProducerNodeType } from './diagramTypes';

/** A producer seen writing recently. */
export const ProducerNode = memo(function ProducerNode({ data }: NodeProps<ProducerNodeType>) {
  const t = useT();
  return (
    <div
      className="kw-node client-node client-node--producer"
      data-testid={`producer-${data.clientId}`}
    >
      <span className="client-node__kind">{t('diagram.producer')}</span>
      <strong className="client-node__name mono">{data.clientId}</strong>
      <Handle type="source" position={Position.Right} className="kw-handle" isConnectable={false} />
    </div>
  );
});
