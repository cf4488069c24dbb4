/** Advancing virtual time until the cluster reaches a state. */
import type { Cluster } from '../../src/sim/cluster/cluster';

/**
 * Advances virtual time in `stepMs` steps until `done()` holds or `maxMs` passed.
 * @returns the virtual ms waited, or -1 when `done()` never held
 */
export function waitFor(
  cluster: Cluster,
  done: () => boolean,
  maxMs: number,
  stepMs = 100,
): number {
  const start = cluster.now;
  while (!done()) {
    if (cluster.now - start >= maxMs) return -1;
    cluster.advance(stepMs);
  }
  return cluster.now - start;
}
