/** What the diagram and the tables read off a snapshot about brokers and how much to draw. */
import type { ClusterSnapshot } from '../../sim/index';
import type { BrokerRole, BrokerStatus } from './diagramTypes';

/** A broker's status as the diagram and the brokers table show it. */
export function brokerStatus(b: ClusterSnapshot['brokers'][number]): BrokerStatus {
  if (b.state === 'stopped') return 'stopped';
  if (b.state === 'shutting-down') return 'shutting-down';
  return b.isolated ? 'cut-off' : 'up';
}

/** A broker's part in the control plane. */
export function brokerRole(snapshot: ClusterSnapshot, id: number): BrokerRole {
  const quorum = snapshot.controller.quorum;
  if (snapshot.mode === 'kraft' && quorum?.voters.some((v) => v.nodeId === id))
    return quorum.leaderId === id ? 'kraft-leader' : 'kraft-voter';
  return snapshot.mode === 'zookeeper' && snapshot.controllerId === id ? 'controller' : 'broker';
}

/**
 * Which topics show as summary rows: none; the internal ones; or, if brokers still hold more than
 * `threshold` rows, all.
 */
export function topicsToCollapse(snapshot: ClusterSnapshot, threshold: number): Set<string> {
  const rows = (collapsed: Set<string>) => {
    let most = 0;
    for (const b of snapshot.brokers) {
      let n = 0;
      for (const t of snapshot.topics) {
        const held = t.partitions.filter((p) => p.replicas.includes(b.id)).length;
        if (held > 0) n += collapsed.has(t.name) ? 1 : held;
      }
      most = Math.max(most, n);
    }
    return most;
  };
  const none = new Set<string>();
  if (rows(none) <= threshold) return none;
  const internal = new Set(snapshot.topics.filter((t) => t.internal).map((t) => t.name));
  if (rows(internal) <= threshold) return internal;
  return new Set(snapshot.topics.map((t) => t.name));
}
