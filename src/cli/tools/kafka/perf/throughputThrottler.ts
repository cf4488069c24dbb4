/**
 * `org.apache.kafka.server.util.ThroughputThrottler` (server-common, Kafka 3.9; the target became a
 * double with KAFKA-16724), in virtual time: instead of `Object.wait`, {@link throttle} returns how
 * long the caller sleeps, in ns.
 */

const NS_PER_MS = 1_000_000;
const NS_PER_SEC = 1000 * NS_PER_MS;
const MIN_SLEEP_NS = 2 * NS_PER_MS;

/** What {@link ThroughputThrottler.throttle} asks the sender to do. */
export type ThrottleAction = { sleepNs: number } | 'forever';

export class ThroughputThrottler {
  private readonly sleepTimeNs: number;
  private sleepDeficitNs = 0;

  /**
   * @param targetThroughput records/s; negative disables throttling, 0 stops sending for good
   * @param startMs virtual ms the test started
   */
  constructor(
    private readonly targetThroughput: number,
    private readonly startMs: number,
  ) {
    this.sleepTimeNs =
      targetThroughput > 0 ? Math.trunc(NS_PER_SEC / targetThroughput) : Number.MAX_SAFE_INTEGER;
  }

  /**
   * `shouldThrottle(amountSoFar, sendStartMs)`: sending faster than the target so far. Java divides
   * in `float`.
   */
  shouldThrottle(amountSoFar: number, sendStartMs: number): boolean {
    if (this.targetThroughput < 0) return false;
    const elapsedSec = Math.fround((sendStartMs - this.startMs) / Math.fround(1000));
    return elapsedSec > 0 && Math.fround(amountSoFar / elapsedSec) > this.targetThroughput;
  }

  /**
   * `throttle()`: adds the time one record should take to the sleep deficit and, once the deficit
   * reaches 2 ms, sleeps it off. A target of 0 waits forever (until the process is stopped).
   */
  throttle(): ThrottleAction {
    if (this.targetThroughput === 0) return 'forever';
    this.sleepDeficitNs += this.sleepTimeNs;
    if (this.sleepDeficitNs < MIN_SLEEP_NS) return { sleepNs: 0 };
    const sleepNs = this.sleepDeficitNs;
    this.sleepDeficitNs = 0;
    return { sleepNs };
  }
}
