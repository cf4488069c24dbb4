/**
 * The shapes the topology diagram draws (DESIGN §1): plain data derived from a cluster snapshot by
 * `snapshotToDiagram`, in React Flow's node/edge format. Codes, not words: the node components
 * translate them.
 */
import type { Edge, Node } from '@xyflow/react';

/** A rectangle in flow coordinates (px at zoom 1). */
export type Rect = { x: number; y: number; width: number; height: number };

/** How a broker takes part in the control plane. */
export type BrokerRole = 'controller' | 'broker' | 'kraft-voter' | 'kraft-leader';

/** What the learner sees of a broker's process and network. */
export type BrokerStatus = 'up' | 'stopped' | 'shutting-down' | 'cut-off';

export type BrokerNodeData = {
  brokerId: number;
  host: string;
  port: number;
  role: BrokerRole;
  status: BrokerStatus;
  fenced: boolean;
  /** Replicas it hosts, leaders among them. */
  partitions: number;
  leaders: number;
};

export type ReplicaNodeData = {
  brokerId: number;
  topic: string;
  partition: number;
  role: 'leader' | 'follower' | 'offline';
  inSync: boolean;
  logStartOffset: number;
  logEndOffset: number;
  highWatermark: number;
};

/** A topic's replicas on one broker drawn as one row (DESIGN: collapse when a broker holds many). */
export type TopicSummaryNodeData = {
  brokerId: number;
  topic: string;
  internal: boolean;
  partitions: number;
  leaders: number;
  outOfSync: number;
  offline: number;
};

export type ProducerNodeData = { clientId: string; partitions: number };

export type GroupNodeData = {
  groupId: string;
  state: string;
  members: number;
  protocol: string;
  coordinator: number;
};

export type ControlPlaneNodeData =
  | { kind: 'zookeeper'; running: boolean }
  | {
      kind: 'quorum';
      leaderId: number;
      voters: { nodeId: number; role: string; running: boolean }[];
    };

export type BrokerNode = Node<BrokerNodeData, 'broker'>;
export type ReplicaNode = Node<ReplicaNodeData, 'replica'>;
export type TopicSummaryNode = Node<TopicSummaryNodeData, 'topicSummary'>;
export type ProducerNode = Node<ProducerNodeData, 'producer'>;
export type GroupNode = Node<GroupNodeData, 'consumerGroup'>;
export type ControlPlaneNode = Node<ControlPlaneNodeData, 'controlPlane'>;

export type DiagramNode =
  BrokerNode | ReplicaNode | TopicSummaryNode | ProducerNode | GroupNode | ControlPlaneNode;

/** A producer seen on the wire (producers are clients, not part of the snapshot). */
export type ProducerActivity = {
  clientId: string;
  partitions: { topic: string; partition: number }[];
};

export interface DiagramModel {
  /** Parents before their children, as React Flow requires. */
  nodes: DiagramNode[];
  edges: Edge[];
  /** Absolute rectangle of every node. */
  rects: Record<string, Rect>;
  /** Topics drawn as one summary row per broker. */
  collapsedTopics: string[];
  /** Consumer client id → its group, for animating fetches. */
  clientGroups: Record<string, string>;
  /** Rectangle around every node. */
  bounds: Rect;
}
