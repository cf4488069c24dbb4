/**
 * `docker ps [-a] [-q]` and `docker compose ps [-a]`: the default table formats of docker/cli
 * (`table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}`)
 * and Compose v2 (NAME IMAGE COMMAND SERVICE CREATED STATUS PORTS), ages from virtual time.
 */
import type { ClusterHost, Container } from '../../../../host/clusterHost';
import { containerId, daemonState } from './containerState';
import { humanDuration } from './humanDuration';
import { imageInfo } from './images';
import { ellipsis, formatTable } from './table';

/** `DisplayablePorts`: exposed ports, then published ones on 0.0.0.0 and [::]. */
export function displayPorts(c: Container): string {
  if (!c.running) return '';
  type Port = { priv: number; ip?: string; pub?: number };
  const published = c.service.ports;
  const ports: Port[] = [];
  for (const p of published)
    ports.push(
      { priv: p.container, ip: '0.0.0.0', pub: p.host },
      { priv: p.container, ip: '::', pub: p.host },
    );
  for (const priv of imageInfo(c.service.image).exposedPorts)
    if (!published.some((p) => p.container === priv)) ports.push({ priv });
  // comparePorts: by private port, then IP (netip.Addr.Less: no address, then IPv4, then IPv6).
  const ipRank = (ip: string | undefined) => (ip === undefined ? 0 : ip.includes(':') ? 2 : 1);
  ports.sort((a, b) => a.priv - b.priv || ipRank(a.ip) - ipRank(b.ip));
  const result: string[] = [];
  const hostMappings: string[] = [];
  const groups = new Map<string, { first: number; last: number }>();
  const join = (ip: string, port: string) =>
    ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
  const form = (key: string, g: { first: number; last: number }) => {
    const range = g.first === g.last ? `${g.first}` : `${g.first}-${g.last}`;
    const ip = key.includes('/') ? key.slice(0, key.indexOf('/')) : '';
    return `${ip ? `${join(ip, range)}->${range}` : range}/tcp`;
  };
  for (const p of ports) {
    let key = 'tcp';
    if (p.ip !== undefined) {
      if (p.pub !== p.priv) {
        hostMappings.push(`${join(p.ip, String(p.pub))}->${p.priv}/tcp`);
        continue;
      }
      key = `${p.ip}/tcp`;
    }
    const g = groups.get(key);
    if (!g) groups.set(key, { first: p.priv, last: p.priv });
    else if (p.priv === g.last + 1) g.last = p.priv;
    else {
      result.push(form(key, g));
      groups.set(key, { first: p.priv, last: p.priv });
    }
  }
  for (const [key, g] of groups) result.push(form(key, g));
  return [...result, ...hostMappings].join(', ');
}

/** `Up 5 minutes` / `Exited (143) 2 minutes ago` / `Created`. */
export function containerStatus(host: ClusterHost, c: Container): string {
  const now = host.cluster.now;
  if (c.running) return `Up ${humanDuration(now - c.startedAt)}`;
  const exit = daemonState(host).exits.get(c.name);
  if (!exit) return 'Created';
  return `Exited (${exit.exitCode}) ${humanDuration(now - exit.finishedAt)} ago`;
}

/** Newest first, as the daemon lists them. */
function listed(host: ClusterHost, all: boolean): Container[] {
  return [...host.containers.values()].reverse().filter((c) => all || c.running);
}

/** What `docker ps` lists: running (or, with `all`, every) container, newest first, by name filter. */
export function listedContainers(
  host: ClusterHost,
  opts: { all: boolean; name?: string | undefined },
): Container[] {
  return listed(host, opts.all).filter(
    (c) => opts.name === undefined || c.name.includes(opts.name),
  );
}

export function dockerPs(
  host: ClusterHost,
  opts: { all: boolean; quiet: boolean; name?: string | undefined },
): string {
  const containers = listedContainers(host, opts);
  if (opts.quiet) return containers.map((c) => `${containerId(host, c).slice(0, 12)}\n`).join('');
  const now = host.cluster.now;
  return formatTable([
    ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'],
    ...containers.map((c) => [
      containerId(host, c).slice(0, 12),
      c.service.image,
      JSON.stringify(ellipsis(imageInfo(c.service.image).command, 20)),
      `${humanDuration(now - c.createdAt)} ago`,
      containerStatus(host, c),
      displayPorts(c),
      c.name,
    ]),
  ]);
}

export function composePs(
  host: ClusterHost,
  containers: readonly Container[],
  all: boolean,
): string {
  const now = host.cluster.now;
  return formatTable([
    ['NAME', 'IMAGE', 'COMMAND', 'SERVICE', 'CREATED', 'STATUS', 'PORTS'],
    ...[...containers]
      .filter((c) => all || c.running)
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((c) => [
        c.name,
        c.service.image,
        JSON.stringify(ellipsis(imageInfo(c.service.image).command, 20)),
        c.service.name,
        `${humanDuration(now - c.createdAt)} ago`,
        containerStatus(host, c),
        displayPorts(c),
      ]),
  ]);
}
