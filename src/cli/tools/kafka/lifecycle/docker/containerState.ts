/**
 * What the Docker daemon knows about the containers of the simulated machine beyond the host's
 * model: full container ids (from the seeded PRNG), exit codes and finish times, the networks
 * Compose created. A broker that fails to start inside its container makes the container exit 1.
 */
import type { ClusterHost, Container } from '../../../../host/clusterHost';

export interface ContainerExit {
  exitCode: number;
  /** Virtual ms the container stopped. */
  finishedAt: number;
}

interface DaemonState {
  exits: Map<string, ContainerExit>;
  networks: Set<string>;
}

const daemons = new WeakMap<ClusterHost, DaemonState>();

/** The daemon's state for `host`; the first call starts watching broker start failures. */
export function daemonState(host: ClusterHost): DaemonState {
  let state = daemons.get(host);
  if (state) return state;
  state = { exits: new Map(), networks: new Set() };
  // The notes' compose project exists from the start in the default preset.
  if (host.containers.size > 0) state.networks.add('root_default');
  daemons.set(host, state);
  const exits = state.exits;
  host.cluster.subscribe((e) => {
    if (e.type !== 'broker.start.failed') return;
    for (const c of host.containers.values())
      if (c.brokerId === e['broker'] && c.running) {
        // The JVM exited: so does the container (its entrypoint execs kafka-server-start).
        c.running = false;
        exits.set(c.name, { exitCode: 1, finishedAt: host.cluster.now });
      }
  });
  return state;
}

/** The container's 64-hex-digit id, stable for its creation time. */
export function containerId(host: ClusterHost, c: Container): string {
  const rng = host.cluster.rng.fork(`container-${c.name}-${c.createdAt}`);
  let id = '';
  for (let i = 0; i < 8; i++) id += rng.nextUint32().toString(16).padStart(8, '0');
  return id;
}

/** Records a stop (`docker stop`: 143 after SIGTERM, `docker kill`: 137). */
export function recordExit(host: ClusterHost, name: string, exitCode: number): void {
  daemonState(host).exits.set(name, { exitCode, finishedAt: host.cluster.now });
}
