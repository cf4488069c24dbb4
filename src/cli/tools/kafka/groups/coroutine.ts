/**
 * Sequential code over virtual-time futures. ConsumerGroupCommand blocks on `KafkaFuture.get()`;
 * here a generator yields each engine {@link Future} and {@link runCoroutine} resumes it
 * synchronously when the future settles (Promises would wait for microtasks, which the scheduler
 * loop driving the cluster never yields to). A failed future throws `ExecutionException(cause)`
 * into the generator, as `get()` does.
 */
import type { Future } from '../../../../sim/index';
import { executionException, fromFailureText } from './javaThrowable';

/** A step-by-step computation that waits on futures and returns `T`. */
export type Op<T> = Generator<Future<unknown>, T, unknown>;

/** `future.get()`: the value, or an ExecutionException wrapping the failure. */
export function* get<T>(future: Future<T>): Op<T> {
  return (yield future as Future<unknown>) as T;
}

/** The outcome of a coroutine: its value, or what it threw. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Runs `op` to the end, resuming it as each yielded future settles. */
export function runCoroutine<T>(op: Op<T>, onDone: (outcome: Outcome<T>) => void): void {
  const step = (input: { value: unknown } | { error: unknown }) => {
    let next: IteratorResult<Future<unknown>, T>;
    try {
      next = 'error' in input ? op.throw(input.error) : op.next(input.value);
    } catch (error) {
      onDone({ ok: false, error });
      return;
    }
    if (next.done) {
      onDone({ ok: true, value: next.value });
      return;
    }
    const future = next.value;
    future.onSettled(() => {
      if (future.error !== undefined)
        step({ error: executionException(fromFailureText(future.error)) });
      else step({ value: future.result });
    });
  };
  step({ value: undefined });
}
