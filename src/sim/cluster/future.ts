/**
 * The result of an operation that completes in virtual time (an admin request, a flush). The CLI
 * and tests advance the clock until it settles; the browser just listens.
 */
export class Future<T> {
  private settled = false;
  private value: T | undefined;
  private failure: string | undefined;
  private listeners: (() => void)[] = [];

  get isDone(): boolean {
    return this.settled;
  }

  /** The error text, once failed. */
  get error(): string | undefined {
    return this.failure;
  }

  /** The value, once succeeded (throws when it failed or is pending). */
  get result(): T {
    if (!this.settled) throw new Error('Future is still pending');
    if (this.failure !== undefined) throw new Error(this.failure);
    return this.value as T;
  }

  resolve(value: T): void {
    if (this.settled) return;
    this.settled = true;
    this.value = value;
    this.fire();
  }

  reject(error: string): void {
    if (this.settled) return;
    this.settled = true;
    this.failure = error;
    this.fire();
  }

  onSettled(fn: () => void): void {
    if (this.settled) fn();
    else this.listeners.push(fn);
  }

  private fire(): void {
    for (const fn of this.listeners.splice(0)) fn();
  }
}
