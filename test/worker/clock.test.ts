/**
 * The worker's clock: virtual time moves only by play (wall time × speed, integer ms, capped per
 * tick), step, or not at all while paused; batches go out at most every 50 ms of wall time, plus
 * one after every command, with a bounded number of events.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbenchBackend } from '../../src/worker/workbenchApi';
import type { WorkbenchBatch } from '../../src/worker/protocol';
import { FakeWallClock, rig } from './harness';
import type { Rig } from './harness';

let r: Rig | undefined;
let local: WorkbenchBackend | undefined;
afterEach(() => {
  r?.close();
  local?.dispose();
  r = local = undefined;
});

describe('virtual clock over comlink', () => {
  it('is paused at first: wall time passing moves nothing', async () => {
    r = await rig();
    const { now, playing, speed } = await r.remote.state();
    expect({ playing, speed }).toEqual({ playing: false, speed: 1 });
    await r.wallAdvance(5_000);
    expect((await r.remote.state()).now).toBe(now);
  });

  it('play at 1× moves virtual time as fast as the wall clock; pause stops it', async () => {
    r = await rig();
    const start = (await r.remote.state()).now;
    await r.remote.play();
    await r.wallAdvance(1_000);
    expect((await r.remote.state()).now).toBe(start + 1_000);
    const paused = await r.remote.pause();
    expect(paused.playing).toBe(false);
    await r.wallAdvance(1_000);
    expect((await r.remote.state()).now).toBe(start + 1_000);
  });

  it('speed 10× and 0.1× scale the wall time, in whole virtual ms with nothing lost', async () => {
    r = await rig();
    let now = (await r.remote.state()).now;
    await r.remote.play();
    expect((await r.remote.setSpeed(10)).speed).toBe(10);
    await r.wallAdvance(1_000);
    expect((await r.remote.state()).now).toBe(now + 10_000);
    now += 10_000;
    await r.remote.setSpeed(0.1);
    await r.wallAdvance(1_000);
    const after = await r.remote.state();
    expect(after.now).toBe(now + 100);
    expect(Number.isInteger(after.now)).toBe(true);
  });

  it('speed is clamped to 0.1–10', async () => {
    r = await rig();
    expect((await r.remote.setSpeed(50)).speed).toBe(10);
    expect((await r.remote.setSpeed(0.001)).speed).toBe(0.1);
    expect((await r.remote.setSpeed(Number.NaN)).speed).toBe(0.1);
  });

  it('step moves exactly the given ms (100 by default), playing or not', async () => {
    r = await rig();
    const start = (await r.remote.state()).now;
    expect((await r.remote.step()).now).toBe(start + 100);
    expect((await r.remote.step(2_500)).now).toBe(start + 2_600);
    expect((await r.remote.step(-5)).now).toBe(start + 2_600);
  });

  it('a background tab that wakes after an hour moves on by one capped tick, not an hour', async () => {
    r = await rig();
    const start = (await r.remote.state()).now;
    await r.remote.play();
    await r.remote.setSpeed(10);
    r.wall.jump(3_600_000);
    const now = (await r.remote.state()).now;
    expect(now - start).toBe(2_500); // 250 ms of wall time × 10
  });
});

describe('batches', () => {
  function localBackend(options: ConstructorParameters<typeof WorkbenchBackend>[1] = {}) {
    const wall = new FakeWallClock();
    const backend = new WorkbenchBackend(wall, options);
    const sent: { at: number; batch: WorkbenchBatch }[] = [];
    backend.subscribe((batch) => sent.push({ at: wall.now(), batch }));
    local = backend;
    return { backend, wall, sent };
  }

  it('while playing, go out at most every 50 ms of wall time', () => {
    const { backend, wall, sent } = localBackend();
    backend.play();
    sent.length = 0;
    wall.advance(2_000);
    expect(sent.length).toBeGreaterThan(10);
    expect(sent.length).toBeLessThanOrEqual(41);
    for (let i = 1; i < sent.length; i++)
      expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(50);
  });

  it('one goes out as soon as a command finishes, carrying its output and a snapshot', async () => {
    const { backend, wall, sent } = localBackend();
    const t = await backend.openTerminal();
    backend.input(t, 'sleep 1; echo done');
    backend.play();
    sent.length = 0;
    wall.advance(1_000);
    const withOutput = sent.find((s) => s.batch.terminalOutput.length > 0)!;
    expect(withOutput.batch.terminalOutput).toEqual([
      { terminalId: t, stream: 'stdout', text: 'done\n' },
    ]);
    expect(withOutput.batch.terminals[0]!.prompt).toBe('$ ');
    expect(withOutput.batch.snapshot).toBeDefined();
  });

  it('carry at most the newest events and count the dropped ones', () => {
    const { backend, sent } = localBackend({ maxEvents: 5 });
    backend.machine.cluster.admin.createTopic({
      name: 'busy',
      numPartitions: 6,
      replicationFactor: 3,
      configs: {},
    });
    sent.length = 0;
    backend.step(2_000);
    const batch = sent.at(-1)!.batch;
    expect(batch.events).toHaveLength(5);
    expect(batch.droppedEvents).toBeGreaterThan(0);
    const ticks = batch.events.map((e) => e.tick);
    expect(ticks).toEqual([...ticks].sort((a, b) => a - b));
  });

  it('are numbered, and a snapshot comes only when the cluster changed', () => {
    const { backend, sent } = localBackend();
    backend.step(10);
    backend.setSpeed(2);
    const seqs = sent.map((s) => s.batch.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(sent.at(-1)!.batch.snapshot).toBeUndefined();
  });
});
