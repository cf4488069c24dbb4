/**
 * Reports what an unclean leader election loses (`unclean.leader.election.enable=true`): records the
 * old leader had beyond the new leader's log end are gone, including acknowledged ones up to the old
 * high watermark. Kafka logs this only as a warning; the workbench makes it an event a learner sees.
 */
import type { Cluster } from './cluster';

export function watchDataLoss(cluster: Cluster): void {
  cluster.bus.on('leader.elected', (event) => {
    if (event.unclean !== true) return;
    const topic = event.topic as string;
    const partition = event.partition as number;
    const leader = event.leader as number;
    const newLeaderLog =
      cluster.brokers.get(leader)?.logs.get(`${topic}-${partition}`) ??
      cluster.brokers.get(leader)?.replicaManager.get(topic, partition)?.log;
    const newEnd = newLeaderLog?.logEndOffset ?? 0;
    let maxEnd = newEnd;
    let maxHw = 0;
    for (const b of cluster.brokers.values()) {
      const log =
        b.replicaManager.get(topic, partition)?.log ?? b.logs.get(`${topic}-${partition}`);
      if (log) maxEnd = Math.max(maxEnd, log.logEndOffset);
      // A stopped broker's high watermark comes from its checkpoint on disk.
      const hw =
        b.replicaManager.get(topic, partition)?.highWatermark ??
        b.highWatermarkCheckpoints.get(`${topic}-${partition}`);
      if (hw !== undefined) maxHw = Math.max(maxHw, hw);
    }
    cluster.scheduler.schedule(0, () =>
      cluster.bus.emit('records.lost', {
        topic,
        partition,
        leader,
        fromOffset: newEnd,
        toOffset: maxEnd,
        count: Math.max(0, maxEnd - newEnd),
        acknowledgedLost: Math.max(0, maxHw - newEnd),
        reason: 'unclean-leader-election',
      }),
    );
  });
}
