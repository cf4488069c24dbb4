/**
 * The toolbar's clock (DESIGN §1, §5): play/pause, single steps, speed 0.1×–10× and reset with a
 * seed and a preset. The worker runs the virtual clock; this machine sends it the learner's
 * commands through an injected {@link PlaybackBackend} and follows the clock state the worker
 * pushes back with every batch (`playback.synced`).
 */
import { assign, fromPromise, setup } from 'xstate';
import type { ActorRefFrom } from 'xstate';
import type { ClockState, ResetOptions } from '../worker/protocol';

/** Which cluster a reset builds: the notes' compose cluster, a KRaft cluster, or nothing running. */
export type Preset = NonNullable<ResetOptions['preset']>;
export const presets: readonly Preset[] = ['compose', 'kraft', 'empty'];

/** The speeds the toolbar offers, virtual ms per wall ms (the worker accepts 0.1–10). */
export const speedSteps = [0.1, 0.25, 0.5, 1, 2, 5, 10] as const;

/** Virtual ms one step advances unless the event says otherwise. */
export const defaultStepMs = 100;

/** The part of the worker API the clock needs (a comlink remote fits). */
export interface PlaybackBackend {
  play(): Promise<ClockState>;
  pause(): Promise<ClockState>;
  step(ms?: number): Promise<ClockState>;
  setSpeed(speed: number): Promise<ClockState>;
  reset(options?: ResetOptions): Promise<ClockState>;
}

export interface PlaybackInput {
  backend: PlaybackBackend;
  /** The clock state already known (the hub's latest), if any. */
  clock?: ClockState;
  preset?: Preset;
}

export interface PlaybackContext {
  backend: PlaybackBackend;
  speed: number;
  seed: number;
  preset: Preset;
  /** Virtual ms since the cluster was created. */
  now: number;
  generation: number;
  /** Commands sent and not yet answered: until then pushed clock states may predate them. */
  pending: number;
  /** The last failed command's message. */
  error: string | undefined;
  /** Whether the worker's clock ran when the machine started. */
  startsPlaying: boolean;
}

export type PlaybackEvent =
  | { type: 'playback.play' }
  | { type: 'playback.pause' }
  | { type: 'playback.toggle' }
  | { type: 'playback.step'; ms?: number }
  | { type: 'playback.faster' }
  | { type: 'playback.slower' }
  | { type: 'playback.setSpeed'; speed: number }
  | { type: 'playback.reset'; seed?: number; preset?: Preset; brokers?: number }
  | { type: 'playback.synced'; clock: ClockState }
  | { type: 'playback.answered'; clock: ClockState }
  | { type: 'playback.failed'; error: string };

/** The next speed step above (`+1`) or below (`-1`) `speed`, staying within 0.1–10. */
export function nextSpeed(speed: number, direction: 1 | -1): number {
  if (direction > 0) return speedSteps.find((s) => s > speed + 1e-9) ?? speedSteps.at(-1)!;
  return [...speedSteps].reverse().find((s) => s < speed - 1e-9) ?? speedSteps[0];
}

/** The context fields a clock state answers. */
function clockFields(clock: ClockState) {
  return { now: clock.now, seed: clock.seed, speed: clock.speed, generation: clock.generation };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const playbackMachine = setup({
  types: {
    context: {} as PlaybackContext,
    events: {} as PlaybackEvent,
    input: {} as PlaybackInput,
  },
  actors: {
    resetCluster: fromPromise<ClockState, { backend: PlaybackBackend; options: ResetOptions }>(
      ({ input }) => input.backend.reset(input.options),
    ),
  },
  guards: {
    startsPlaying: ({ context }) => context.startsPlaying,
    syncedPlaying: ({ context, event }) =>
      event.type === 'playback.synced' && context.pending === 0 && event.clock.playing,
    syncedPaused: ({ context, event }) =>
      event.type === 'playback.synced' && context.pending === 0 && !event.clock.playing,
  },
  actions: {
    markPending: assign({ pending: ({ context }) => context.pending + 1, error: undefined }),
    callPlay: ({ context, self }) => {
      context.backend.play().then(
        (clock) => self.send({ type: 'playback.answered', clock }),
        (e: unknown) => self.send({ type: 'playback.failed', error: message(e) }),
      );
    },
    callPause: ({ context, self }) => {
      context.backend.pause().then(
        (clock) => self.send({ type: 'playback.answered', clock }),
        (e: unknown) => self.send({ type: 'playback.failed', error: message(e) }),
      );
    },
    callStep: ({ context, event, self }) => {
      const ms = event.type === 'playback.step' ? (event.ms ?? defaultStepMs) : defaultStepMs;
      context.backend.step(ms).then(
        (clock) => self.send({ type: 'playback.answered', clock }),
        (e: unknown) => self.send({ type: 'playback.failed', error: message(e) }),
      );
    },
    setSpeed: assign({
      speed: ({ context, event }) => {
        if (event.type === 'playback.faster') return nextSpeed(context.speed, 1);
        if (event.type === 'playback.slower') return nextSpeed(context.speed, -1);
        if (event.type === 'playback.setSpeed')
          return Math.min(10, Math.max(0.1, Number(event.speed) || context.speed));
        return context.speed;
      },
    }),
    callSetSpeed: ({ context, self }) => {
      context.backend.setSpeed(context.speed).then(
        (clock) => self.send({ type: 'playback.answered', clock }),
        (e: unknown) => self.send({ type: 'playback.failed', error: message(e) }),
      );
    },
    /** A pushed clock state: time always; speed and seed only when no command is in flight. */
    followClock: assign(({ context, event }) => {
      if (event.type !== 'playback.synced') return {};
      const { clock } = event;
      return context.pending > 0
        ? { now: clock.now }
        : { now: clock.now, speed: clock.speed, seed: clock.seed, generation: clock.generation };
    }),
    settle: assign(({ context, event }) => {
      if (event.type === 'playback.answered') {
        const { clock } = event;
        const pending = Math.max(0, context.pending - 1);
        return {
          pending,
          now: clock.now,
          seed: clock.seed,
          generation: clock.generation,
          ...(pending === 0 ? { speed: clock.speed } : {}),
        };
      }
      if (event.type === 'playback.failed')
        return { pending: Math.max(0, context.pending - 1), error: event.error };
      return {};
    }),
    rememberPreset: assign({
      preset: ({ context, event }) =>
        event.type === 'playback.reset' ? (event.preset ?? context.preset) : context.preset,
      error: undefined,
    }),
  },
}).createMachine({
  id: 'playback',
  context: ({ input }) => ({
    backend: input.backend,
    speed: input.clock?.speed ?? 1,
    seed: input.clock?.seed ?? 1,
    preset: input.preset ?? 'compose',
    now: input.clock?.now ?? 0,
    generation: input.clock?.generation ?? 0,
    pending: 0,
    error: undefined,
    startsPlaying: input.clock?.playing ?? false,
  }),
  initial: 'starting',
  on: {
    'playback.faster': { actions: ['setSpeed', 'markPending', 'callSetSpeed'] },
    'playback.slower': { actions: ['setSpeed', 'markPending', 'callSetSpeed'] },
    'playback.setSpeed': { actions: ['setSpeed', 'markPending', 'callSetSpeed'] },
    'playback.answered': { actions: 'settle' },
    'playback.failed': { actions: 'settle' },
  },
  states: {
    /** Follows the clock the worker had when the machine started. */
    starting: {
      always: [{ guard: 'startsPlaying', target: 'playing' }, { target: 'paused' }],
    },
    paused: {
      on: {
        'playback.play': { target: 'playing', actions: ['markPending', 'callPlay'] },
        'playback.toggle': { target: 'playing', actions: ['markPending', 'callPlay'] },
        'playback.step': { actions: ['markPending', 'callStep'] },
        'playback.reset': { target: 'resetting', actions: 'rememberPreset' },
        'playback.synced': [
          { guard: 'syncedPlaying', target: 'playing', actions: 'followClock' },
          { actions: 'followClock' },
        ],
      },
    },
    playing: {
      on: {
        'playback.pause': { target: 'paused', actions: ['markPending', 'callPause'] },
        'playback.toggle': { target: 'paused', actions: ['markPending', 'callPause'] },
        // A step while playing stops the clock first, as a debugger's step does.
        'playback.step': {
          target: 'paused',
          actions: ['markPending', 'callPause', 'markPending', 'callStep'],
        },
        'playback.reset': { target: 'resetting', actions: 'rememberPreset' },
        'playback.synced': [
          { guard: 'syncedPaused', target: 'paused', actions: 'followClock' },
          { actions: 'followClock' },
        ],
      },
    },
    /** The worker builds a fresh cluster; the clock keeps playing or paused as it was. */
    resetting: {
      invoke: {
        src: 'resetCluster',
        input: ({ context, event }) => ({
          backend: context.backend,
          options: {
            preset: context.preset,
            ...(event.type === 'playback.reset' && event.seed !== undefined
              ? { seed: event.seed }
              : {}),
            ...(event.type === 'playback.reset' && event.brokers !== undefined
              ? { brokers: event.brokers }
              : {}),
          },
        }),
        onDone: [
          {
            guard: ({ event }) => event.output.playing,
            target: 'playing',
            actions: assign(({ event }) => clockFields(event.output)),
          },
          {
            target: 'paused',
            actions: assign(({ event }) => clockFields(event.output)),
          },
        ],
        onError: {
          target: 'paused',
          actions: assign({ error: ({ event }) => message(event.error) }),
        },
      },
      on: {
        'playback.synced': { actions: 'followClock' },
      },
    },
  },
});

/** A running {@link playbackMachine}. */
export type PlaybackActor = ActorRefFrom<typeof playbackMachine>;
