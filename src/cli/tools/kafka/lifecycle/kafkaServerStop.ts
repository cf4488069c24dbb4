/**
 * `bin/kafka-server-stop.sh`: SIGTERM to every Kafka process started on this machine (each shuts
 * down cleanly, with a controlled shutdown), or `No kafka server to stop` and status 1 (Kafka 3.9
 * bin/kafka-server-stop.sh). It returns at once; the servers stop in the background.
 */
import type { Tool } from '../../../runtime/types';

export const kafkaServerStopTool: Tool = {
  name: 'kafka-server-stop',
  summary: 'Stop the Kafka servers running on this machine.',
  run(ctx) {
    if (ctx.host.stopLocalKafka() > 0) return ctx.exit(0);
    ctx.stdout('No kafka server to stop\n');
    ctx.exit(1);
  },
};
