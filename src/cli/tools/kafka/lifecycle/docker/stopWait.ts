/**
 * `docker stop`: SIGTERM, then wait for the container to exit — a Kafka broker first does its
 * controlled shutdown — and SIGKILL after the 10 s grace period (exit code 143, or 137 when killed).
 */
import type { Container } from '../../../../host/clusterHost';
import type { ProcessContext } from '../../../../runtime/types';
import { recordExit } from './containerState';

const gracePeriodMs = 10_000;
const pollMs = 100;

export function stopContainers(
  ctx: ProcessContext,
  containers: readonly Container[],
  done: () => void,
): void {
  const host = ctx.host;
  const cluster = host.cluster;
  const running = containers.filter((c) => c.running);
  for (const c of running) host.stopContainer(c.name);
  const deadline = cluster.now + gracePeriodMs;
  const exited = (c: Container) =>
    c.brokerId === undefined || cluster.brokers.get(c.brokerId)?.state !== 'shutting-down';
  const poll = () => {
    const waiting = running.filter((c) => !exited(c));
    if (waiting.length > 0 && cluster.now < deadline) {
      ctx.clock.schedule(pollMs, poll);
      return;
    }
    for (const c of running) {
      const killed = waiting.includes(c);
      if (killed && c.brokerId !== undefined) cluster.stopBroker(c.brokerId, { crash: true });
      recordExit(host, c.name, killed ? 137 : 143);
    }
    done();
  };
  if (running.length === 0) return done();
  ctx.clock.schedule(pollMs, poll);
}

/** Stops containers level by level (dependents first), as Compose does: each level once stopped. */
export function stopInOrder(
  ctx: ProcessContext,
  levels: readonly (readonly Container[])[],
  done: () => void,
): void {
  const next = (i: number): void =>
    i >= levels.length ? done() : stopContainers(ctx, levels[i]!, () => next(i + 1));
  next(0);
}
