/**
 * Cluster snapshot → topology diagram (DESIGN §1), a pure function: each broker a box holding its
 * partition replicas (leader marked, in-sync green, out-of-sync red, offline grey), the control
 * plane above (ZooKeeper or the KRaft quorum), producers on the left and consumer groups on the
 * right with edges to the partition leaders they write to and read from.
 *
 * Positions follow only from sorted ids, never from what happened before, so the layout stays put
 * while the cluster changes: brokers in a grid by id (one row up to four, then rows of three or
 * more — see {@link brokersPerRow}), replicas in rows by topic and partition, clients in columns
 * by id. A grid row starts below the tallest box of the row above, so it moves down only to make
 * room when that row grows. A broker that would hold more than {@link collapseThreshold} replica
 * rows shows topics as one summary row each instead (internal topics first).
 */
import type { Edge } from '@xyflow/react';
import type { ClusterSnapshot, PartitionSnapshot } from '../../sim/index';
import type { GroupSnapshot } from '../../sim/groups/groupSummary';
import type { Selection } from '../../machines/appMachine';
import type {
  BrokerNode,
  ControlPlaneNode,
  DiagramModel,
  DiagramNode,
  GroupNode,
  ProducerActivity,
  ProducerNode,
  Rect,
  ReplicaNode,
  TopicSummaryNode,
} from './diagramTypes';
import { brokerRole, brokerStatus, topicsToCollapse } from './brokerFacts';
import {
  anchorId,
  brokerNodeId,
  controlPlaneNodeId,
  groupNodeId,
  producerNodeId,
  replicaNodeId,
  summaryNodeId,
} from './diagramIds';

/** Replica rows a broker box shows before topics collapse into summaries. */
export const collapseThreshold = 30;

/** Layout metrics, px at zoom 1. */
export const layout = {
  brokerWidth: 220,
  brokerGap: 44,
  /** Vertical gap between two rows of brokers. */
  brokerRowGap: 36,
  brokerHeader: 58,
  rowHeight: 26,
  rowGap: 4,
  padding: 10,
  brokersTop: 96,
  controlHeight: 60,
  clientWidth: 176,
  clientHeight: 58,
  clientGap: 22,
  clientMargin: 76,
} as const;

export interface DiagramOptions {
  /** Producers seen recently (see `useProducerActivity`). */
  producers?: ProducerActivity[];
  /** What to highlight. */
  selection?: Selection;
  /** Override of {@link collapseThreshold} (tests). */
  threshold?: number;
}

/**
 * Brokers side by side in one grid row: all of them up to four, then about the square root (at
 * least three), so nine brokers make a 3 × 3 grid the diagram can show at a readable zoom.
 */
export function brokersPerRow(brokers: number): number {
  return brokers <= 4 ? Math.max(1, brokers) : Math.max(3, Math.ceil(Math.sqrt(brokers)));
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function highlighted(selection: Selection | undefined, test: (s: Selection) => boolean): string {
  return selection && test(selection) ? ' is-highlighted' : '';
}

/** Builds the diagram for `snapshot`; same input, same output. */
export function snapshotToDiagram(
  snapshot: ClusterSnapshot,
  options: DiagramOptions = {},
): DiagramModel {
  const { selection } = options;
  const threshold = options.threshold ?? collapseThreshold;
  const collapsed = topicsToCollapse(snapshot, threshold);
  const nodes: DiagramNode[] = [];
  const edges: Edge[] = [];
  const rects: Record<string, Rect> = {};
  const place = <N extends DiagramNode>(node: N, abs: Rect): N => {
    rects[node.id] = abs;
    nodes.push(node);
    return node;
  };
  const L = layout;
  const rowStep = L.rowHeight + L.rowGap;
  const topics = [...snapshot.topics].sort(
    (a, b) => Number(a.internal) - Number(b.internal) || byString(a.name, b.name),
  );
  const partitionsByKey = new Map<string, PartitionSnapshot>();
  for (const t of topics)
    for (const p of t.partitions) partitionsByKey.set(`${t.name}:${p.partition}`, p);
  const brokers = [...snapshot.brokers].sort((a, b) => a.id - b.id);

  // Control plane: ZooKeeper or the KRaft quorum (when its controllers are not the brokers).
  const quorum = snapshot.controller.quorum;
  const combined = quorum?.voters.every((v) => brokers.some((b) => b.id === v.nodeId)) ?? false;
  if (snapshot.mode === 'zookeeper' || (quorum && !combined)) {
    const width =
      snapshot.mode === 'zookeeper' ? 220 : Math.max(260, 96 * (quorum?.voters.length ?? 0) + 24);
    const data: ControlPlaneNode['data'] =
      snapshot.mode === 'zookeeper'
        ? { kind: 'zookeeper', running: snapshot.controller.zookeeper?.running ?? false }
        : {
            kind: 'quorum',
            leaderId: quorum!.leaderId,
            voters: [...quorum!.voters]
              .sort((a, b) => a.nodeId - b.nodeId)
              .map((v) => ({ nodeId: v.nodeId, role: v.role, running: v.running })),
          };
    const rect = { x: 0, y: 0, width, height: L.controlHeight };
    place<ControlPlaneNode>(
      {
        id: controlPlaneNodeId,
        type: 'controlPlane',
        position: { x: rect.x, y: rect.y },
        width,
        height: rect.height,
        data,
        className: `control-plane control-plane--${data.kind}`,
        draggable: false,
        connectable: false,
      },
      rect,
    );
  }

  // Brokers and the replicas they hold, in grid rows of `perRow`.
  const perRow = brokersPerRow(brokers.length);
  const brokerRows = brokers.map((b) => {
    const rows: { topic: string; partitions: PartitionSnapshot[]; summary: boolean }[] = [];
    for (const t of topics) {
      const held = t.partitions.filter((p) => p.replicas.includes(b.id));
      if (held.length === 0) continue;
      if (collapsed.has(t.name)) rows.push({ topic: t.name, partitions: held, summary: true });
      else for (const p of held) rows.push({ topic: t.name, partitions: [p], summary: false });
    }
    return rows;
  });
  const heights = brokerRows.map(
    (rows) => L.brokerHeader + Math.max(1, rows.length) * rowStep - L.rowGap + L.padding,
  );
  const gridTops: number[] = [];
  for (let top = L.brokersTop, start = 0; start < brokers.length; start += perRow) {
    gridTops.push(top);
    top += Math.max(...heights.slice(start, start + perRow)) + L.brokerRowGap;
  }
  brokers.forEach((b, index) => {
    const rows = brokerRows[index]!;
    const x = (index % perRow) * (L.brokerWidth + L.brokerGap);
    const top = gridTops[Math.floor(index / perRow)]!;
    const height = heights[index]!;
    const status = brokerStatus(b);
    const role = brokerRole(snapshot, b.id);
    const brokerId = brokerNodeId(b.id);
    place<BrokerNode>(
      {
        id: brokerId,
        type: 'broker',
        position: { x, y: top },
        width: L.brokerWidth,
        height,
        data: {
          brokerId: b.id,
          host: b.host,
          port: b.port,
          role,
          status,
          fenced: b.fenced,
          partitions: b.partitions,
          leaders: b.leaders,
        },
        className:
          `broker broker--${status}` +
          (role === 'controller' || role === 'kraft-leader' ? ' broker--controller' : '') +
          highlighted(selection, (s) => s.kind === 'broker' && s.brokerId === b.id),
        draggable: false,
        connectable: false,
      },
      { x, y: top, width: L.brokerWidth, height },
    );
    rows.forEach((row, i) => {
      const rel = { x: L.padding, y: L.brokerHeader + i * rowStep };
      const width = L.brokerWidth - 2 * L.padding;
      const abs = { x: x + rel.x, y: top + rel.y, width, height: L.rowHeight };
      if (row.summary) {
        const states = row.partitions.map((p) => p.replicaStates.find((r) => r.brokerId === b.id));
        place<TopicSummaryNode>(
          {
            id: summaryNodeId(b.id, row.topic),
            type: 'topicSummary',
            parentId: brokerId,
            extent: 'parent',
            position: rel,
            width,
            height: L.rowHeight,
            data: {
              brokerId: b.id,
              topic: row.topic,
              internal: topics.find((t) => t.name === row.topic)?.internal ?? false,
              partitions: row.partitions.length,
              leaders: states.filter((r) => r?.role === 'leader').length,
              outOfSync: states.filter((r) => r && r.role !== 'offline' && !r.inSync).length,
              offline: states.filter((r) => !r || r.role === 'offline').length,
            },
            className:
              'topic-summary' +
              highlighted(
                selection,
                (s) => (s.kind === 'topic' || s.kind === 'partition') && s.topic === row.topic,
              ),
            draggable: false,
            connectable: false,
          },
          abs,
        );
        return;
      }
      const p = row.partitions[0]!;
      const r = p.replicaStates.find((s) => s.brokerId === b.id);
      const replicaRole = r?.role ?? 'offline';
      const inSync = r?.inSync ?? false;
      place<ReplicaNode>(
        {
          id: replicaNodeId(b.id, p.topic, p.partition),
          type: 'replica',
          parentId: brokerId,
          extent: 'parent',
          position: rel,
          width,
          height: L.rowHeight,
          data: {
            brokerId: b.id,
            topic: p.topic,
            partition: p.partition,
            role: replicaRole,
            inSync,
            logStartOffset: r?.logStartOffset ?? 0,
            logEndOffset: r?.logEndOffset ?? 0,
            highWatermark: r?.highWatermark ?? 0,
          },
          className:
            `replica replica--${replicaRole}` +
            (replicaRole === 'offline'
              ? ''
              : inSync
                ? ' replica--in-sync'
                : ' replica--out-of-sync') +
            highlighted(
              selection,
              (s) =>
                (s.kind === 'topic' && s.topic === p.topic) ||
                (s.kind === 'partition' && s.topic === p.topic && s.partition === p.partition) ||
                (s.kind === 'broker' && s.brokerId === b.id),
            ),
          draggable: false,
          connectable: false,
        },
        abs,
      );
    });
  });

  const model = { collapsedTopics: [...collapsed].sort(byString) };
  const leaderAnchor = (topic: string, partition: number): string | undefined => {
    const p = partitionsByKey.get(`${topic}:${partition}`);
    if (!p || p.leader < 0 || !p.replicas.includes(p.leader)) return undefined;
    const id = anchorId(model, p.leader, topic, partition);
    return rects[id] ? id : undefined;
  };
  const brokersRight =
    Math.min(brokers.length, perRow) * (L.brokerWidth + L.brokerGap) - L.brokerGap;
  const clientStep = L.clientHeight + L.clientGap;

  // Producers, left of the brokers.
  const producers = [...(options.producers ?? [])].sort((a, b) => byString(a.clientId, b.clientId));
  producers.forEach((producer, i) => {
    const rect = {
      x: -L.clientMargin - L.clientWidth,
      y: L.brokersTop + i * clientStep,
      width: L.clientWidth,
      height: L.clientHeight,
    };
    const id = producerNodeId(producer.clientId);
    place<ProducerNode>(
      {
        id,
        type: 'producer',
        position: { x: rect.x, y: rect.y },
        width: rect.width,
        height: rect.height,
        data: { clientId: producer.clientId, partitions: producer.partitions.length },
        className: 'client client--producer',
        draggable: false,
        connectable: false,
      },
      rect,
    );
    const targets = new Set<string>();
    for (const tp of producer.partitions) {
      const target = leaderAnchor(tp.topic, tp.partition);
      if (target) targets.add(target);
    }
    for (const target of [...targets].sort(byString))
      edges.push({
        id: `produce:${producer.clientId}->${target}`,
        source: id,
        target,
        type: 'straight',
        className: 'flow-edge flow-edge--produce',
        focusable: false,
      });
  });

  // Consumer groups, right of the brokers.
  const groups = [...(snapshot.groups as GroupSnapshot[])].sort((a, b) =>
    byString(a.groupId, b.groupId),
  );
  const clientGroups: Record<string, string> = {};
  groups.forEach((group, i) => {
    const rect = {
      x: Math.max(brokersRight, 0) + L.clientMargin,
      y: L.brokersTop + i * clientStep,
      width: L.clientWidth,
      height: L.clientHeight,
    };
    const id = groupNodeId(group.groupId);
    const isSelected = selection?.kind === 'group' && selection.groupId === group.groupId;
    place<GroupNode>(
      {
        id,
        type: 'consumerGroup',
        position: { x: rect.x, y: rect.y },
        width: rect.width,
        height: rect.height,
        data: {
          groupId: group.groupId,
          state: group.state,
          members: group.members.length,
          protocol: group.protocol ?? '',
          coordinator: group.coordinator,
        },
        className: `client client--group group--${group.state.toLowerCase()}${isSelected ? ' is-highlighted' : ''}`,
        draggable: false,
        connectable: false,
      },
      rect,
    );
    const sources = new Set<string>();
    for (const m of group.members) {
      clientGroups[m.clientId] = group.groupId;
      for (const tp of m.assignment) {
        const source = leaderAnchor(tp.topic, tp.partition);
        if (source) sources.add(source);
      }
    }
    for (const source of [...sources].sort(byString))
      edges.push({
        id: `consume:${source}->${group.groupId}`,
        source,
        target: id,
        type: 'straight',
        className: `flow-edge flow-edge--consume${isSelected ? ' is-highlighted' : ''}`,
        focusable: false,
      });
  });

  // Replication of the selected partition: leader → each follower.
  if (selection?.kind === 'partition') {
    const p = partitionsByKey.get(`${selection.topic}:${selection.partition}`);
    const source = p ? leaderAnchor(p.topic, p.partition) : undefined;
    if (p && source && !collapsed.has(p.topic))
      for (const r of p.replicaStates) {
        if (r.brokerId === p.leader) continue;
        const target = replicaNodeId(r.brokerId, p.topic, p.partition);
        if (!rects[target]) continue;
        edges.push({
          id: `replicate:${source}->${target}`,
          source,
          target,
          type: 'straight',
          className: `flow-edge flow-edge--replication${r.inSync ? '' : ' flow-edge--lagging'}`,
          focusable: false,
        });
      }
  }

  return {
    nodes,
    edges,
    rects,
    collapsedTopics: model.collapsedTopics,
    clientGroups,
    bounds: boundsOf(Object.values(rects)),
  };
}

function boundsOf(rects: Rect[]): Rect {
  if (rects.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x, y, width: right - x, height: bottom - y };
}
