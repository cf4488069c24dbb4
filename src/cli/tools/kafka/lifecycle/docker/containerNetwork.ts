/**
 * The machine as a process inside a container sees it (`docker exec kafka1 …`). Its own listeners
 * answer on `localhost`: a Confluent image without KAFKA_LISTENERS listens on every advertised
 * listener's port on 0.0.0.0 (cp-base `configure`), so inside `kafka1` both `localhost:9092` and
 * `localhost:29092` reach broker 1, while `localhost:9093` reaches nothing. Other names resolve as on
 * the compose network (`kafka2:29093`) or through the host (`host.docker.internal:9093`).
 */
import type { ClusterHost, Container } from '../../../../host/clusterHost';
import { confluentEnvToProperties } from '../../../../host/composeFile';
import { containerId } from './containerState';

/** Ports the container's broker listens on. */
function listenerPorts(c: Container): number[] {
  const props = confluentEnvToProperties(c.service.environment);
  const listeners = props['listeners'] ?? props['advertised.listeners'] ?? '';
  return [...listeners.matchAll(/:(\d+)(?=,|$)/g)].map((m) => Number(m[1]));
}

/** A view of `host` whose bootstrap resolution is the container's (everything else is shared). */
export function containerHostView(host: ClusterHost, c: Container): ClusterHost {
  const ports = listenerPorts(c);
  const self = new Set([
    'localhost',
    '127.0.0.1',
    '0.0.0.0',
    '::1',
    c.name,
    c.service.name,
    containerId(host, c).slice(0, 12),
  ]);
  const resolveBootstrap = (servers: string): number[] => {
    const ids: number[] = [];
    for (const entry of servers.split(',')) {
      const m = /^\s*(?:[a-zA-Z]+:\/\/)?\[?([^\]]*?)\]?:(\d+)\s*$/.exec(entry);
      if (!m) continue;
      if (self.has(m[1]!)) {
        if (c.running && c.brokerId !== undefined && ports.includes(Number(m[2])))
          ids.push(c.brokerId);
      } else ids.push(...host.resolveBootstrap(entry));
    }
    return [...new Set(ids)];
  };
  // Proxies, so that clients created inside keep resolving from the container (clientTransport
  // holds the cluster it was made with), while state reads and writes go to the one cluster.
  const cluster = new Proxy(host.cluster, {
    get: (target, prop, receiver) =>
      prop === 'resolveBootstrap' ? resolveBootstrap : Reflect.get(target, prop, receiver),
    set: (target, prop, value) => Reflect.set(target, prop, value),
  });
  return new Proxy(host, {
    get: (target, prop, receiver) =>
      prop === 'cluster'
        ? cluster
        : prop === 'resolveBootstrap'
          ? resolveBootstrap
          : Reflect.get(target, prop, receiver),
    set: (target, prop, value) => Reflect.set(target, prop, value),
  });
}
