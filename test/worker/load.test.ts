/**
 * Simulated traffic (`produceLoad`): the rate and duration asked for, in virtual time, spread
 * over the topic's partitions; an unknown topic is refused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { rig } from './harness';
import type { Rig } from './harness';

let r: Rig;
afterEach(() => r.close());

describe('produceLoad', () => {
  it('sends recordsPerSecond × seconds records to the topic over its partitions, then stops', async () => {
    r = await rig();
    const t = await r.remote.openTerminal();
    await r.step(5_000);
    await r.type(
      t,
      'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic load --partitions 6 --replication-factor 3',
    );
    await r.step(2_000);
    expect(
      await r.remote.produceLoad({ topic: 'load', recordsPerSecond: 500, durationMs: 2_000 }),
    ).toEqual({ ok: true });
    for (let i = 0; i < 5; i++) await r.step(1_000);
    const topic = r.lastSnapshot().topics.find((x) => x.name === 'load')!;
    const total = topic.partitions.reduce((n, p) => n + p.logEndOffset, 0);
    expect(total).toBe(1_000);
    expect(topic.partitions.filter((p) => p.logEndOffset > 0).length).toBeGreaterThan(1);
  });

  it('refuses a topic that does not exist', async () => {
    r = await rig();
    expect(
      await r.remote.produceLoad({ topic: 'nope', recordsPerSecond: 10, durationMs: 100 }),
    ).toEqual({
      ok: false,
      error: "Topic 'nope' does not exist.",
    });
  });
});
