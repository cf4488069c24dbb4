import { memo } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { useT } from '../i18n/useT';
import type { TopicSummaryNode as TopicSummaryNodeType } from './diagramTypes';

/** A topic's replicas on one broker in one row, when a broker holds too many to draw. */
export const TopicSummaryNode = memo(function TopicSummaryNode({
  data,
}: NodeProps<TopicSummaryNodeType>) {
  const t = useT();
  const summary = t('diagram.summary', { count: data.partitions, leaders: data.leaders });
  return (
    <div
      className="kw-node topic-summary-node"
      title={`${data.topic}: ${summary}`}
      data-testid={`topic-summary-${data.topic}-broker-${data.brokerId}`}
    >
      <Handle type="target" position={Position.Left} className="kw-handle" isConnectable={false} />
      <span className="topic-summary-node__name">{data.topic}</span>
      <span className="topic-summary-node__counts">
        ×{data.partitions} · ★{data.leaders}
        {data.outOfSync > 0 && (
          <span
            className="count count--out-of-sync"
            title={t('diagram.summaryOutOfSync', { count: data.outOfSync })}
          >
            {data.outOfSync}
          </span>
        )}
        {data.offline > 0 && (
          <span
            className="count count--offline"
            title={t('diagram.summaryOffline', { count: data.offline })}
          >
            {data.offline}
          </span>
        )}
      </span>
      <Handle type="source" position={Position.Right} className="kw-handle" isConnectable={false} />
    </div>
  );
});
