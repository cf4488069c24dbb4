/**
 * Runs an admin tool's `main` as a generator in virtual time: each `yield* awaitFuture(f)` waits
 * for an engine {@link Future} the way the JVM tool blocks on `KafkaFuture.get()`, without
 * JavaScript promises (the scheduler loop that drives the simulation runs synchronously).
 */
import { Future } from '../../../../sim/index';
import type { CommandExit } from '../../../options/index';
import type { ProcessContext } from '../../../runtime/types';

/** A step of a tool written as a generator: yields futures to wait for, returns a `T`. */
export type Step<T> = Generator<Future<unknown>, T, unknown>;

/** The generator a tool's main is written as: yields futures, returns its exit status. */
export type ToolTask = Step<number>;

/** Thrown by a tool to end the process the way `Exit.exit` does (CommandLineUtils' usage exits). */
export class ToolExit extends Error {
  constructor(readonly exit: CommandExit) {
    super(`exit ${exit.exitCode}`);
  }
}

/** A future that failed, carrying the engine's error text (see `adminException`). */
export class FutureFailure extends Error {
  constructor(readonly error: string) {
    super(error);
  }
}

/** Waits for `future`; throws {@link FutureFailure} into the task when it fails. */
export function* awaitFuture<T>(future: Future<T>): Step<T> {
  const value = yield future as Future<unknown>;
  return value as T;
}

/** Waits `ms` of virtual time (`Thread.sleep` in a tool). */
export function sleep(ctx: ProcessContext, ms: number): Step<void> {
  const f = new Future<void>();
  ctx.clock.schedule(ms, () => f.resolve());
  return awaitFuture(f);
}

/**
 * Drives `task` to completion and exits the process with its status. A {@link ToolExit} prints
 * its output and exits; any other error escaping the task is a bug and is rethrown.
 */
export function runTask(ctx: ProcessContext, task: ToolTask): void {
  const step = (send: () => IteratorResult<Future<unknown>, number>) => {
    let next: IteratorResult<Future<unknown>, number>;
    try {
      next = send();
    } catch (e) {
      if (!(e instanceof ToolExit)) throw e;
      if (e.exit.stdout) ctx.stdout(e.exit.stdout);
      if (e.exit.stderr) ctx.stderr(e.exit.stderr);
      ctx.exit(e.exit.exitCode);
      return;
    }
    if (next.done) {
      ctx.exit(next.value);
      return;
    }
    const future = next.value;
    future.onSettled(() => {
      if (future.error !== undefined) {
        const failure = new FutureFailure(future.error);
        step(() => task.throw(failure));
      } else step(() => task.next(future.result));
    });
  };
  step(() => task.next());
}
