/**
 * Faults injected by hand through the API (the broker's context menu): stopping a broker moves
 * leadership away and its container stops with it; crashing, isolating and healing show in events
 * and snapshots.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '../../src/cli/defaultRegistry';
import { rig } from './harness';
import type { Rig } from './harness';

let r: Rig;
afterEach(() => r.close());

async function withTopic(): Promise<Rig> {
  r = await rig();
  r.backend.machine.cluster.admin.createTopic({
    name: 'orders',
    numPartitions: 3,
    replicationFactor: 3,
    configs: {},
  });
  await r.step(2_000);
  return r;
}

describe('faults by hand', () => {
  it('stopBroker: broker.stopped, a new leader for its partitions, and its container stopped', async () => {
    await withTopic();
    const led = r.lastSnapshot().topics.find((t) => t.name === 'orders')!.partitions;
    const victim = led[0]!.leader;
    expect(await r.remote.stopBroker(victim)).toEqual({ ok: true });
    await r.step(10_000);
    expect(r.events()).toContainEqual(
      expect.objectContaining({ type: 'broker.stopped', broker: victim, clean: true }),
    );
    const snapshot = r.lastSnapshot();
    expect(snapshot.brokers.find((b) => b.id === victim)!.state).toBe('stopped');
    const partitions = snapshot.topics.find((t) => t.name === 'orders')!.partitions;
    for (const p of partitions) {
      expect(p.leader).not.toBe(victim);
      expect(p.leader).toBeGreaterThan(0);
      expect(p.isr).not.toContain(victim);
    }
    // `docker ps` reads the host's containers.
    expect(r.backend.machine.containers.get(`kafka${victim}`)!.running).toBe(false);

    expect(await r.remote.startBroker(victim)).toEqual({ ok: true });
    await r.step(10_000);
    expect(r.lastSnapshot().brokers.find((b) => b.id === victim)!.state).toBe('running');
    expect(r.backend.machine.containers.get(`kafka${victim}`)!.running).toBe(true);
  });

  it.runIf(createDefaultRegistry().get('docker') !== undefined)(
    'docker ps in a terminal agrees with a broker stopped from the API',
    async () => {
      r = await rig();
      const t = await r.remote.openTerminal();
      await r.remote.stopBroker(2);
      await r.step(10_000);
      await r.type(t, 'docker ps');
      for (let i = 0; i < 10 && (await r.remote.prompt(t)) === ''; i++) await r.step(100);
      const listing = r.output(t, 'stdout');
      expect(listing).toMatch(/ kafka1$/m);
      expect(listing).not.toMatch(/ kafka2$/m);
    },
  );

  it('stopBroker with crash: the broker dies at once, without a controlled shutdown', async () => {
    await withTopic();
    await r.remote.stopBroker(2, true);
    await r.step(0);
    expect(r.events()).toContainEqual(
      expect.objectContaining({ type: 'broker.stopped', broker: 2, clean: false }),
    );
  });

  it('isolateBroker and healBroker show in the snapshot', async () => {
    await withTopic();
    await r.remote.isolateBroker(3);
    await r.step(0);
    expect(r.lastSnapshot().brokers.find((b) => b.id === 3)!.isolated).toBe(true);
    expect(r.events().some((e) => e.type === 'network.isolated')).toBe(true);
    await r.remote.healBroker(3);
    await r.step(100);
    expect(r.lastSnapshot().brokers.find((b) => b.id === 3)!.isolated).toBe(false);
  });

  it('an unknown broker id is refused', async () => {
    r = await rig();
    expect(await r.remote.stopBroker(9)).toEqual({
      ok: false,
      error: 'There is no broker 9 in this cluster.',
    });
  });

  it('in the KRaft preset, brokers without containers stop and start directly', async () => {
    r = await rig({ initial: { preset: 'kraft' } });
    await r.remote.stopBroker(1);
    await r.step(10_000);
    expect(r.lastSnapshot().brokers.find((b) => b.id === 1)!.state).toBe('stopped');
    await r.remote.startBroker(1);
    await r.step(10_000);
    expect(r.lastSnapshot().brokers.find((b) => b.id === 1)!.state).toBe('running');
  });
});
