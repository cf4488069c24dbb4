/** React Flow node types of the topology diagram (a module constant, as React Flow asks). */
import type { NodeTypes } from '@xyflow/react';
import { BrokerNode } from './BrokerNode';
import { ControlPlaneNode } from './ControlPlaneNode';
import { GroupNode } from './GroupNode';
import { ProducerNode } from './ProducerNode';
import { ReplicaNode } from './ReplicaNode';
import { TopicSummaryNode } from './TopicSummaryNode';

export const nodeTypes: NodeTypes = {
  broker: BrokerNode,
  replica: ReplicaNode,
  topicSummary: TopicSummaryNode,
  producer: ProducerNode,
  consumerGroup: GroupNode,
  controlPlane: ControlPlaneNode,
};
