import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { nextSpeed, playbackMachine } from './playbackMachine';
import type { PlaybackActor, PlaybackBackend } from './playbackMachine';
import type { ClockState, ResetOptions } from '../worker/protocol';

/** A backend that records calls and answers like the worker's clock. */
function fakeBackend() {
  const calls: string[] = [];
  const clock: ClockState = { playing: false, speed: 1, now: 0, seed: 1, generation: 1 };
  const answer = () => Promise.resolve({ ...clock });
  const backend: PlaybackBackend = {
    play: () => {
      calls.push('play');
      clock.playing = true;
      return answer();
    },
    pause: () => {
      calls.push('pause');
      clock.playing = false;
      return answer();
    },
    step: (ms = 100) => {
      calls.push(`step ${ms}`);
      clock.now += ms;
      return answer();
    },
    setSpeed: (speed) => {
      calls.push(`speed ${speed}`);
      clock.speed = speed;
      return answer();
    },
    reset: (options: ResetOptions = {}) => {
      calls.push(`reset ${JSON.stringify(options)}`);
      clock.seed = options.seed ?? clock.seed;
      clock.now = 0;
      clock.generation++;
      return answer();
    },
  };
  return { backend, calls, clock };
}

/** Waits until the worker answered every command sent. */
const settled = (actor: PlaybackActor) => waitFor(actor, (s) => s.context.pending === 0);

describe('playbackMachine', () => {
  it('starts paused and toggles between playing and paused, telling the worker each time', async () => {
    const { backend, calls } = fakeBackend();
    const actor = createActor(playbackMachine, { input: { backend } }).start();
    expect(actor.getSnapshot().matches('paused')).toBe(true);
    actor.send({ type: 'playback.toggle' });
    expect(actor.getSnapshot().matches('playing')).toBe(true);
    actor.send({ type: 'playback.toggle' });
    expect(actor.getSnapshot().matches('paused')).toBe(true);
    await settled(actor);
    expect(calls).toEqual(['play', 'pause']);
  });

  it('starts playing when the worker clock already runs', () => {
    const { backend } = fakeBackend();
    const clock = { playing: true, speed: 2, now: 5, seed: 7, generation: 1 };
    const actor = createActor(playbackMachine, { input: { backend, clock } }).start();
    expect(actor.getSnapshot().matches('playing')).toBe(true);
    expect(actor.getSnapshot().context.speed).toBe(2);
  });

  it('steps by 100 virtual ms by default; a step while playing pauses first', async () => {
    const { backend, calls } = fakeBackend();
    const actor = createActor(playbackMachine, { input: { backend } }).start();
    actor.send({ type: 'playback.step' });
    actor.send({ type: 'playback.play' });
    actor.send({ type: 'playback.step', ms: 1000 });
    expect(actor.getSnapshot().matches('paused')).toBe(true);
    await settled(actor);
    expect(calls).toEqual(['step 100', 'play', 'pause', 'step 1000']);
    expect(actor.getSnapshot().context.now).toBe(1100);
  });

  it('moves through the speed steps 0.1×–10× and stops at both ends', async () => {
    const { backend, calls } = fakeBackend();
    const actor = createActor(playbackMachine, { input: { backend } }).start();
    for (let i = 0; i < 6; i++) actor.send({ type: 'playback.faster' });
    expect(actor.getSnapshot().context.speed).toBe(10);
    for (let i = 0; i < 9; i++) actor.send({ type: 'playback.slower' });
    expect(actor.getSnapshot().context.speed).toBe(0.1);
    await settled(actor);
    expect(calls.slice(0, 4)).toEqual(['speed 2', 'speed 5', 'speed 10', 'speed 10']);
    expect(actor.getSnapshot().context.speed).toBe(0.1);
    expect(nextSpeed(0.3, 1)).toBe(0.5);
    expect(nextSpeed(0.3, -1)).toBe(0.25);
  });

  it('resets with the seed and preset asked for and keeps the clock as it was', async () => {
    const { backend, calls } = fakeBackend();
    const actor = createActor(playbackMachine, { input: { backend } }).start();
    actor.send({ type: 'playback.play' });
    await settled(actor);
    actor.send({ type: 'playback.reset', seed: 42, preset: 'kraft' });
    expect(actor.getSnapshot().matches('resetting')).toBe(true);
    await waitFor(actor, (s) => !s.matches('resetting'));
    expect(actor.getSnapshot().matches('playing')).toBe(true);
    expect(calls.at(-1)).toBe('reset {"preset":"kraft","seed":42}');
    expect(actor.getSnapshot().context).toMatchObject({ seed: 42, preset: 'kraft', generation: 2 });
  });

  it('resets with a number of brokers, keeping the preset', async () => {
    const { backend, calls } = fakeBackend();
    const actor = createActor(playbackMachine, { input: { backend } }).start();
    actor.send({ type: 'playback.reset', brokers: 9 });
    await waitFor(actor, (s) => !s.matches('resetting'));
    expect(calls.at(-1)).toBe('reset {"preset":"compose","brokers":9}');
  });

  it('follows clock states pushed by the worker, but not ones that predate a pending command', async () => {
    const { backend } = fakeBackend();
    const actor = createActor(playbackMachine, { input: { backend } }).start();
    const pushed = (playing: boolean, now: number): ClockState => ({
      playing,
      speed: 1,
      now,
      seed: 1,
      generation: 1,
    });
    actor.send({ type: 'playback.synced', clock: pushed(true, 10) });
    expect(actor.getSnapshot().matches('playing')).toBe(true);
    actor.send({ type: 'playback.pause' });
    actor.send({ type: 'playback.synced', clock: pushed(true, 20) });
    expect(actor.getSnapshot().matches('paused')).toBe(true);
    expect(actor.getSnapshot().context.now).toBe(20);
    await settled(actor);
    actor.send({ type: 'playback.synced', clock: pushed(false, 30) });
    expect(actor.getSnapshot().matches('paused')).toBe(true);
  });

  it('keeps the failure message when the worker rejects a command', async () => {
    const { backend } = fakeBackend();
    backend.play = () => Promise.reject(new Error('worker gone'));
    const actor = createActor(playbackMachine, { input: { backend } }).start();
    actor.send({ type: 'playback.play' });
    await settled(actor);
    expect(actor.getSnapshot().context.error).toBe('worker gone');
  });
});
