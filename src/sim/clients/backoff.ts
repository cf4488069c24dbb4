/**
 * Kafka's `ExponentialBackoff` (KIP-580, clients since 3.7): `initial × 2^attempts`, capped at
 * `retry.backoff.max.ms`, with ±20 % jitter drawn from the client's seeded PRNG.
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/common/utils/ExponentialBackoff.java
 */
import type { Prng } from '../random/prng';

/** `CommonClientConfigs.RETRY_BACKOFF_EXP_BASE`. */
const MULTIPLIER = 2;
/** `CommonClientConfigs.RETRY_BACKOFF_JITTER`. */
const JITTER = 0.2;

/** Backoff in ms before attempt number `attempts + 1`. */
export class ExponentialBackoff {
  private readonly expMax: number;

  /**
   * @param initialMs `retry.backoff.ms` (default 100)
   * @param maxMs `retry.backoff.max.ms` (default 1000)
   */
  constructor(
    private readonly initialMs: number,
    private readonly maxMs: number,
    private readonly rng: Prng,
  ) {
    this.expMax =
      maxMs > initialMs ? Math.log(maxMs / Math.max(initialMs, 1)) / Math.log(MULTIPLIER) : 0;
  }

  /** @param attempts failed attempts so far (0 for the first retry) */
  backoff(attempts: number): number {
    if (this.expMax === 0) return this.initialMs;
    const exp = Math.min(attempts, this.expMax);
    const term = this.initialMs * MULTIPLIER ** exp;
    const randomFactor = 1 - JITTER + this.rng.float() * 2 * JITTER;
    return Math.min(Math.floor(randomFactor * term), this.maxMs);
  }
}
