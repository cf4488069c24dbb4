/**
 * Request/response over the simulated {@link Network}: the request travels to the receiver, which
 * answers through `respond`; the answer travels back. A request to a stopped node fails fast with
 * NETWORK_EXCEPTION (connection refused), as does one whose receiver stops before answering (the
 * connection closes); one lost on a cut link fails with REQUEST_TIMED_OUT after `timeoutMs`
 * (`request.timeout.ms`), as a Kafka client sees it.
 */
import type { Scheduler } from '../time/scheduler';
import type { Network, NodeId } from './network';

export type RpcError = 'NETWORK_EXCEPTION' | 'REQUEST_TIMED_OUT';

export function rpc<Res>(
  network: Network,
  scheduler: Scheduler,
  from: NodeId,
  to: NodeId,
  kind: string,
  deliver: (respond: (response: Res) => void) => void,
  onResponse: (response: Res) => void,
  onError: (error: RpcError) => void,
  timeoutMs: number,
): void {
  let settled = false;
  let forget = () => {};
  const settle = () => {
    if (settled) return false;
    settled = true;
    scheduler.cancel(timer);
    forget();
    return true;
  };
  const timer = scheduler.schedule(timeoutMs, () => {
    if (settle()) onError('REQUEST_TIMED_OUT');
  });
  if (!network.isUp(from)) {
    settle();
    return;
  }
  if (!network.isUp(to)) {
    // Connection refused: the client learns it after one round trip.
    scheduler.schedule(network.latencyMs(from, to) * 2, () => {
      if (settle()) onError('NETWORK_EXCEPTION');
    });
    return;
  }
  // A crash of the receiver closes the connection: the request fails at once (NETWORK_EXCEPTION).
  forget = network.awaitAnswer(to, () => {
    if (settle()) onError('NETWORK_EXCEPTION');
  });
  network.send(from, to, kind, () =>
    deliver((response) => {
      network.send(to, from, `${kind}Response`, () => {
        if (settle()) onResponse(response);
      });
    }),
  );
}
