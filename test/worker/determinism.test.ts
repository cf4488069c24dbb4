/**
 * Same seed + same inputs ⇒ the same event sequence, through the worker boundary, with the clock
 * driven by (fake) wall time, commands, faults and steps interleaved.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/sim/index';
import { rig } from './harness';
import type { Rig } from './harness';

const open: Rig[] = [];
afterEach(() => open.splice(0).forEach((r) => r.close()));

async function session(seed: number): Promise<{ events: SimEvent[]; output: string }> {
  const r = await rig({ initial: { seed } });
  open.push(r);
  const t = await r.remote.openTerminal();
  r.backend.machine.cluster.admin.createTopic({
    name: 'payments',
    numPartitions: 4,
    replicationFactor: 3,
    configs: {},
  });
  await r.remote.play();
  await r.remote.setSpeed(4);
  await r.type(t, 'sleep 3 && echo slept');
  await r.wallAdvance(1_000);
  await r.remote.stopBroker(2, true);
  await r.wallAdvance(3_000);
  await r.remote.pause();
  await r.step(20_000);
  await r.remote.startBroker(2);
  await r.step(15_000);
  return { events: r.events(), output: r.output(t) };
}

describe('determinism through the worker', () => {
  it('the same seed and inputs give the same events and output', async () => {
    const a = await session(11);
    const b = await session(11);
    expect(a.output).toBe('slept\n');
    expect(a.events.length).toBeGreaterThan(100);
    expect(b.events).toEqual(a.events);
    expect(b.output).toBe(a.output);
    const types = new Set(a.events.map((e) => e.type));
    for (const t of ['broker.stopped', 'broker.started', 'leader.elected', 'isr.shrunk'])
      expect(types).toContain(t);
  });

  it('another seed gives another cluster', async () => {
    const a = await rig({ initial: { seed: 1 } });
    const b = await rig({ initial: { seed: 2 } });
    open.push(a, b);
    expect((await a.remote.snapshot()).clusterId).not.toBe((await b.remote.snapshot()).clusterId);
  });
});
