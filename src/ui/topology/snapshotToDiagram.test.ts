import { describe, expect, it } from 'vitest';
import { createCluster } from '../../sim/index';
import type { ClusterSnapshot, PartitionSnapshot } from '../../sim/index';
import type { GroupSnapshot } from '../../sim/groups/groupSummary';
import {
  brokerNodeId,
  groupNodeId,
  producerNodeId,
  replicaNodeId,
  summaryNodeId,
} from './diagramIds';
import { brokersPerRow, layout, snapshotToDiagram } from './snapshotToDiagram';
import type { DiagramModel, Rect } from './diagramTypes';

interface TopicSpec {
  name: string;
  partitions: number;
  rf: number;
  internal?: boolean;
}

/** A snapshot with brokers 1..n and round-robin placement; every replica in sync and running. */
function snapshotOf(brokers: number, topics: TopicSpec[], groups: GroupSnapshot[] = []) {
  const ids = Array.from({ length: brokers }, (_, i) => i + 1);
  const snapshot: ClusterSnapshot = {
    now: 0,
    wallClockMs: 0,
    seed: 1,
    mode: 'zookeeper',
    clusterId: 'test',
    controllerId: 1,
    controller: {
      mode: 'zookeeper',
      controllerId: 1,
      controllerEpoch: 1,
      zookeeper: { running: true, sessions: [], znodes: [] },
    },
    brokers: ids.map((id) => ({
      id,
      host: 'localhost',
      port: 9091 + id,
      state: 'running',
      isolated: false,
      isController: id === 1,
      fenced: false,
      partitions: 0,
      leaders: 0,
    })),
    topics: topics.map((t) => ({
      name: t.name,
      topicId: t.name,
      internal: t.internal ?? false,
      configs: {},
      partitions: Array.from({ length: t.partitions }, (_, p): PartitionSnapshot => {
        const replicas = Array.from({ length: t.rf }, (_, k) => ((p + k) % brokers) + 1);
        return {
          topic: t.name,
          partition: p,
          leader: replicas[0]!,
          leaderEpoch: 0,
          replicas,
          isr: [...replicas],
          highWatermark: 5,
          logEndOffset: 5,
          logStartOffset: 0,
          replicaStates: replicas.map((brokerId, k) => ({
            brokerId,
            logStartOffset: 0,
            logEndOffset: 5,
            highWatermark: 5,
            inSync: true,
            role: k === 0 ? 'leader' : 'follower',
          })),
        };
      }),
    })),
    groups,
  };
  return snapshot;
}

function group(groupId: string, assignment: { topic: string; partition: number }[]): GroupSnapshot {
  return {
    groupId,
    partition: 0,
    coordinator: 1,
    state: 'Stable',
    generationId: 1,
    protocolType: 'consumer',
    protocol: 'range',
    leaderId: `${groupId}-m1`,
    members: [
      {
        memberId: `${groupId}-m1`,
        groupInstanceId: null,
        clientId: `${groupId}-client`,
        sessionTimeoutMs: 45_000,
        rebalanceTimeoutMs: 300_000,
        topics: [...new Set(assignment.map((a) => a.topic))],
        assignment,
      },
    ],
    offsets: [],
  };
}

const positions = (model: DiagramModel) =>
  Object.fromEntries(model.nodes.map((n) => [n.id, n.position]));

const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function expectNoOverlap(model: DiagramModel) {
  const problems: string[] = [];
  const byParent = new Map<string, string[]>();
  for (const n of model.nodes) {
    const key = n.parentId ?? '(top)';
    byParent.set(key, [...(byParent.get(key) ?? []), n.id]);
    if (!n.parentId) continue;
    const child = model.rects[n.id]!;
    const parent = model.rects[n.parentId]!;
    const inside =
      child.x >= parent.x &&
      child.x + child.width <= parent.x + parent.width &&
      child.y >= parent.y &&
      child.y + child.height <= parent.y + parent.height;
    if (!inside) problems.push(`${n.id} outside ${n.parentId}`);
  }
  for (const [, ids] of byParent)
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++)
        if (overlap(model.rects[ids[i]!]!, model.rects[ids[j]!]!))
          problems.push(`${ids[i]} overlaps ${ids[j]}`);
  expect(problems).toEqual([]);
}

describe('snapshotToDiagram', () => {
  it('draws each broker as a box holding its replicas, children after their parent', () => {
    const model = snapshotToDiagram(snapshotOf(3, [{ name: 'orders', partitions: 3, rf: 3 }]));
    const broker2 = model.nodes.find((n) => n.id === brokerNodeId(2))!;
    expect(broker2.type).toBe('broker');
    const children = model.nodes.filter((n) => n.parentId === broker2.id).map((n) => n.id);
    expect(children).toEqual([0, 1, 2].map((p) => replicaNodeId(2, 'orders', p)));
    const index = (id: string) => model.nodes.findIndex((n) => n.id === id);
    for (const id of children) expect(index(id)).toBeGreaterThan(index(broker2.id));
    expect(model.nodes.find((n) => n.id === 'control-plane')?.type).toBe('controlPlane');
  });

  it('keeps every position when brokers stop, topics, producers and groups appear', () => {
    const before = snapshotOf(3, [{ name: 'orders', partitions: 3, rf: 3 }]);
    const after = snapshotOf(
      3,
      [
        { name: 'orders', partitions: 3, rf: 3 },
        { name: 'zebra', partitions: 2, rf: 2 },
      ],
      [group('g1', [{ topic: 'orders', partition: 0 }])],
    );
    after.brokers[1]!.state = 'stopped';
    const a = positions(snapshotToDiagram(before));
    const b = positions(
      snapshotToDiagram(after, {
        producers: [
          { clientId: 'console-producer', partitions: [{ topic: 'orders', partition: 1 }] },
        ],
      }),
    );
    for (const [id, position] of Object.entries(a)) expect(b[id], id).toEqual(position);
    expect(snapshotToDiagram(before)).toEqual(snapshotToDiagram(before));
  });

  it('marks the leader, in-sync (green), out-of-sync (red) and offline (grey) replicas by class', () => {
    const snapshot = snapshotOf(3, [{ name: 'orders', partitions: 1, rf: 3 }]);
    const p = snapshot.topics[0]!.partitions[0]!;
    p.isr = [1, 2];
    p.replicaStates[1]!.inSync = true;
    p.replicaStates[2]!.inSync = false;
    snapshot.brokers[2]!.state = 'stopped';
    p.replicaStates[2]!.role = 'offline';
    snapshot.brokers[1]!.isolated = true;
    const model = snapshotToDiagram(snapshot);
    const cls = (id: string) => model.nodes.find((n) => n.id === id)!.className!.split(' ');
    expect(cls(replicaNodeId(1, 'orders', 0))).toEqual(
      expect.arrayContaining(['replica', 'replica--leader', 'replica--in-sync']),
    );
    expect(cls(replicaNodeId(2, 'orders', 0))).toEqual(
      expect.arrayContaining(['replica--follower', 'replica--in-sync']),
    );
    expect(cls(replicaNodeId(3, 'orders', 0))).toContain('replica--offline');
    expect(cls(replicaNodeId(3, 'orders', 0))).not.toContain('replica--in-sync');

    p.replicaStates[2]!.role = 'follower';
    snapshot.brokers[2]!.state = 'running';
    const lagging = snapshotToDiagram(snapshot);
    expect(lagging.nodes.find((n) => n.id === replicaNodeId(3, 'orders', 0))!.className).toContain(
      'replica--out-of-sync',
    );
    expect(cls(brokerNodeId(1))).toEqual(
      expect.arrayContaining(['broker--up', 'broker--controller']),
    );
    expect(cls(brokerNodeId(2))).toContain('broker--cut-off');
    expect(cls(brokerNodeId(3))).toContain('broker--stopped');
  });

  it('connects producers to the leaders they write to and leaders to the groups reading them', () => {
    const snapshot = snapshotOf(
      3,
      [{ name: 'orders', partitions: 3, rf: 2 }],
      [
        group('billing', [
          { topic: 'orders', partition: 0 },
          { topic: 'orders', partition: 2 },
        ]),
      ],
    );
    const model = snapshotToDiagram(snapshot, {
      producers: [{ clientId: 'p1', partitions: [{ topic: 'orders', partition: 1 }] }],
    });
    const pairs = model.edges.map((e) => `${e.source} -> ${e.target}`).sort();
    expect(pairs).toEqual(
      [
        `${producerNodeId('p1')} -> ${replicaNodeId(2, 'orders', 1)}`,
        `${replicaNodeId(1, 'orders', 0)} -> ${groupNodeId('billing')}`,
        `${replicaNodeId(3, 'orders', 2)} -> ${groupNodeId('billing')}`,
      ].sort(),
    );
    expect(model.clientGroups).toEqual({ 'billing-client': 'billing' });
    const ids = new Set(model.nodes.map((n) => n.id));
    for (const e of model.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });

  it('highlights a selected partition and draws its replication from the leader', () => {
    const snapshot = snapshotOf(3, [{ name: 'orders', partitions: 2, rf: 3 }]);
    const model = snapshotToDiagram(snapshot, {
      selection: { kind: 'partition', topic: 'orders', partition: 1 },
    });
    const highlighted = model.nodes.filter((n) => n.className?.includes('is-highlighted'));
    expect(highlighted.map((n) => n.id).sort()).toEqual(
      [1, 2, 3].map((b) => replicaNodeId(b, 'orders', 1)).sort(),
    );
    expect(model.edges.map((e) => e.id).sort()).toEqual([
      `replicate:${replicaNodeId(2, 'orders', 1)}->${replicaNodeId(1, 'orders', 1)}`,
      `replicate:${replicaNodeId(2, 'orders', 1)}->${replicaNodeId(3, 'orders', 1)}`,
    ]);
  });

  it('collapses the internal topics first when a broker holds more than 30 replicas', () => {
    const model = snapshotToDiagram(
      snapshotOf(3, [
        { name: 'orders', partitions: 3, rf: 3 },
        { name: '__consumer_offsets', partitions: 50, rf: 3, internal: true },
      ]),
    );
    expect(model.collapsedTopics).toEqual(['__consumer_offsets']);
    const rows = model.nodes.filter((n) => n.parentId === brokerNodeId(1)).map((n) => n.id);
    expect(rows).toEqual([
      replicaNodeId(1, 'orders', 0),
      replicaNodeId(1, 'orders', 1),
      replicaNodeId(1, 'orders', 2),
      summaryNodeId(1, '__consumer_offsets'),
    ]);
    const summary = model.nodes.find((n) => n.id === summaryNodeId(1, '__consumer_offsets'))!;
    expect(summary.data).toMatchObject({ partitions: 50, leaders: 17, outOfSync: 0, offline: 0 });
  });

  it('maps 9 brokers × 100 partitions each, with clients, without overlap', () => {
    const groups = Array.from({ length: 6 }, (_, g) =>
      group(
        `group-${g}`,
        Array.from({ length: 50 }, (_, p) => ({ topic: 'events', partition: p * 6 + g })),
      ),
    );
    const snapshot = snapshotOf(
      9,
      [
        { name: 'events', partitions: 300, rf: 3 },
        { name: 'orders', partitions: 12, rf: 3 },
        { name: '__consumer_offsets', partitions: 50, rf: 3, internal: true },
      ],
      groups,
    );
    const producers = Array.from({ length: 5 }, (_, i) => ({
      clientId: `producer-${i}`,
      partitions: Array.from({ length: 300 }, (_, p) => ({ topic: 'events', partition: p })),
    }));
    const model = snapshotToDiagram(snapshot, { producers });
    expect(model.collapsedTopics).toEqual(['__consumer_offsets', 'events', 'orders']);
    expect(model.nodes.filter((n) => n.type === 'broker')).toHaveLength(9);
    expect(model.nodes.filter((n) => n.type === 'topicSummary')).toHaveLength(27);
    expectNoOverlap(model);
    // Edges go to the summaries: at most one per (client, broker).
    expect(model.edges.length).toBeLessThanOrEqual((5 + 6) * 9);

    const uncollapsed = snapshotToDiagram(snapshot, { producers, threshold: 1_000 });
    expect(uncollapsed.nodes.filter((n) => n.type === 'replica')).toHaveLength(3 * 312 + 150);
    expectNoOverlap(uncollapsed);
  });

  it('lays nine brokers out in a 3 × 3 grid by id; a row moves down only as the row above grows', () => {
    expect([1, 3, 4, 5, 6, 9, 10, 16, 17].map(brokersPerRow)).toEqual([1, 3, 4, 3, 3, 3, 4, 4, 5]);
    const small = snapshotToDiagram(snapshotOf(9, [{ name: 'orders', partitions: 3, rf: 1 }]));
    const rect = (model: DiagramModel, id: number) => model.rects[brokerNodeId(id)]!;
    const xs = (model: DiagramModel) => [1, 2, 3].map((id) => rect(model, id).x);
    for (const row of [0, 1, 2]) {
      const ids = [1, 2, 3].map((c) => row * 3 + c);
      expect(ids.map((id) => rect(small, id).x)).toEqual(xs(small));
      expect(new Set(ids.map((id) => rect(small, id).y)).size).toBe(1);
    }
    expectNoOverlap(small);
    // orders-0..2 live on brokers 1..3 only: the first row grows by one replica row, the rows
    // below move down by that much, and nothing moves sideways.
    const grown = snapshotToDiagram(
      snapshotOf(9, [
        { name: 'orders', partitions: 3, rf: 1 },
        { name: 'payments', partitions: 3, rf: 1 },
      ]),
    );
    const step = layout.rowHeight + layout.rowGap;
    expect(rect(grown, 1).y).toBe(rect(small, 1).y);
    expect(rect(grown, 4).y).toBe(rect(small, 4).y + step);
    expect(rect(grown, 7).y).toBe(rect(small, 7).y + step);
    for (const id of [1, 4, 7]) expect(rect(grown, id).x).toBe(rect(small, id).x);
    expectNoOverlap(grown);
  });

  it('maps a real engine snapshot with a stopped broker', () => {
    const cluster = createCluster({ brokers: 3, seed: 1, mode: 'zookeeper' });
    cluster.advance(5_000);
    cluster.settle(
      cluster.admin.createTopic({
        name: 'orders',
        numPartitions: 3,
        replicationFactor: 3,
        configs: {},
      }),
    );
    cluster.stopBroker(2, { crash: true });
    cluster.advance(30_000);
    const snapshot = cluster.snapshot();
    const model = snapshotToDiagram(snapshot);
    const broker2 = model.nodes.find((n) => n.id === brokerNodeId(2))!;
    expect(broker2.className).toContain('broker--stopped');
    for (let p = 0; p < 3; p++)
      expect(model.nodes.find((n) => n.id === replicaNodeId(2, 'orders', p))!.className).toContain(
        'replica--offline',
      );
    expectNoOverlap(model);
  });
});
