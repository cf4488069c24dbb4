/**
 * `bin/zookeeper-server-stop.sh`: SIGTERM to the ZooKeeper started on this machine, or
 * `No zookeeper server to stop` and status 1 (Kafka 3.9 bin/zookeeper-server-stop.sh).
 */
import type { Tool } from '../../../runtime/types';

export const zookeeperServerStopTool: Tool = {
  name: 'zookeeper-server-stop',
  summary: 'Stop the ZooKeeper server running on this machine.',
  run(ctx) {
    if (ctx.host.stopZooKeeper()) return ctx.exit(0);
    ctx.stdout('No zookeeper server to stop\n');
    ctx.exit(1);
  },
};
