/** Node ids of the topology diagram: stable strings built from Kafka ids. */
import type { DiagramModel } from './diagramTypes';

export const brokerNodeId = (broker: number) => `broker:${broker}`;
export const replicaNodeId = (broker: number, topic: string, partition: number) =>
  `replica:${broker}:${topic}:${partition}`;
export const summaryNodeId = (broker: number, topic: string) => `summary:${broker}:${topic}`;
export const producerNodeId = (clientId: string) => `producer:${clientId}`;
export const groupNodeId = (groupId: string) => `group:${groupId}`;
export const controlPlaneNodeId = 'control-plane';

/** The node showing `topic`-`partition` on `broker`: its replica row or its topic's summary row. */
export function anchorId(
  model: Pick<DiagramModel, 'collapsedTopics'>,
  broker: number,
  topic: string,
  partition: number,
): string {
  return model.collapsedTopics.includes(topic)
    ? summaryNodeId(broker, topic)
    : replicaNodeId(broker, topic, partition);
}
