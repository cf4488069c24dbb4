/**
 * The {@link ClientTransport} of producers and consumers: each client is a node on the simulated
 * network and reaches brokers with request/response messages, so stopped brokers refuse
 * connections and cut links time out, as a real client experiences them.
 */
import type { ClientTransport } from '../clients/transport';
import { brokerNode } from '../network/network';
import { rpc } from '../network/rpc';
import type { Cluster } from './cluster';

export function clientTransport(
  cluster: Cluster,
  clientId: string,
  bootstrapServers: string,
): ClientTransport {
  const node = cluster.clientNode(clientId);
  cluster.network.setUp(node, true);
  const rng = cluster.rng.fork(node);
  return {
    clientId,
    bootstrapBrokers: () => cluster.resolveBootstrap(bootstrapServers),
    send(brokerId, request, timeoutMs, onResponse, onError) {
      const broker = cluster.brokers.get(brokerId);
      rpc<never>(
        cluster.network,
        cluster.scheduler,
        node,
        brokerNode(brokerId),
        'kind' in request ? request.kind : request.api,
        (respond) => {
          if (broker?.isRunning || broker?.state === 'shutting-down')
            broker.handlers.get('*')!(request, respond as (r: unknown) => void, node);
        },
        onResponse,
        onError,
        timeoutMs,
      );
    },
    now: () => cluster.scheduler.now,
    wallClockMs: () => cluster.wallClockMs,
    schedule: (ms, fn) => cluster.scheduler.schedule(ms, fn),
    cancel: (id) => cluster.scheduler.cancel(id),
    emit: (type, fields) => cluster.bus.emit(type, fields),
    rng,
  };
}
