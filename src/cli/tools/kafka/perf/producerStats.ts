/**
 * `ProducerPerformance.Stats` (tools/src/main/java/org/apache/kafka/tools/ProducerPerformance.java,
 * Kafka 3.9): counts acknowledged records, prints a line every 5 s of (virtual) time, samples at
 * most 500,000 latencies for the percentiles of the final line. Times are virtual ms.
 */
import { javaFixed } from './javaFormat';

/** `new Stats(numRecords, 5000)`: the reporting interval, ms. */
export const REPORTING_INTERVAL_MS = 5000;

export class ProducerStats {
  private readonly start: number;
  private windowStart: number;
  private readonly latencies: Int32Array;
  private readonly sampling: number;
  /** Successful completions so far (`PerfCallback` increments it after `record`). */
  iteration = 0;
  private index = 0;
  private count = 0;
  private bytes = 0;
  private maxLatency = 0;
  private totalLatency = 0;
  private windowCount = 0;
  private windowMaxLatency = 0;
  private windowTotalLatency = 0;
  private windowBytes = 0;

  /**
   * @param numRecords `--num-records`
   * @param now virtual ms at construction
   * @param print `System.out.printf` of the window and total lines
   */
  constructor(
    numRecords: number,
    now: number,
    private readonly print: (line: string) => void,
  ) {
    this.start = now;
    this.windowStart = now;
    // long division, as Java's `numRecords / Math.min(numRecords, 500000)`
    this.sampling = Math.floor(numRecords / Math.min(numRecords, 500000));
    this.latencies = new Int32Array(Math.floor(numRecords / this.sampling) + 1);
  }

  /** `record(latency, bytes, time)`: one acknowledged record. */
  record(latency: number, bytes: number, time: number): void {
    this.count++;
    this.bytes += bytes;
    this.totalLatency += latency;
    this.maxLatency = Math.max(this.maxLatency, latency);
    this.windowCount++;
    this.windowBytes += bytes;
    this.windowTotalLatency += latency;
    this.windowMaxLatency = Math.max(this.windowMaxLatency, latency);
    if (this.iteration % this.sampling === 0) {
      this.latencies[this.index] = latency;
      this.index++;
    }
    if (time - this.windowStart >= REPORTING_INTERVAL_MS) {
      this.printWindow(time);
      this.newWindow(time);
    }
  }

  /** `%d records sent, %.1f records/sec (%.2f MB/sec), %.1f ms avg latency, %.1f ms max latency.` */
  private printWindow(now: number): void {
    const elapsed = now - this.windowStart;
    const recsPerSec = (1000.0 * this.windowCount) / elapsed;
    const mbPerSec = (1000.0 * this.windowBytes) / elapsed / (1024.0 * 1024.0);
    this.print(
      `${this.windowCount} records sent, ${javaFixed(recsPerSec, 1)} records/sec (${javaFixed(mbPerSec, 2)} MB/sec), ${javaFixed(this.windowTotalLatency / this.windowCount, 1)} ms avg latency, ${javaFixed(this.windowMaxLatency, 1)} ms max latency.\n`,
    );
  }

  private newWindow(now: number): void {
    this.windowStart = now;
    this.windowCount = 0;
    this.windowMaxLatency = 0;
    this.windowTotalLatency = 0;
    this.windowBytes = 0;
  }

  /** The final line, with the 50th, 95th, 99th and 99.9th percentile latencies. */
  printTotal(now: number): void {
    const elapsed = now - this.start;
    const recsPerSec = (1000.0 * this.count) / elapsed;
    const mbPerSec = (1000.0 * this.bytes) / elapsed / (1024.0 * 1024.0);
    const [p50, p95, p99, p999] = this.percentiles(0.5, 0.95, 0.99, 0.999);
    this.print(
      `${this.count} records sent, ${javaFixed(recsPerSec)} records/sec (${javaFixed(mbPerSec, 2)} MB/sec), ${javaFixed(this.totalLatency / this.count, 2)} ms avg latency, ${javaFixed(this.maxLatency, 2)} ms max latency, ${p50} ms 50th, ${p95} ms 95th, ${p99} ms 99th, ${p999} ms 99.9th.\n`,
    );
  }

  /** Sorts the samples in place and picks `latencies[(int) (p * size)]` for each percentile. */
  private percentiles(...ps: number[]): number[] {
    const size = Math.min(this.index, this.latencies.length);
    this.latencies.subarray(0, size).sort(); // sorts the shared buffer, as Arrays.sort(a, 0, size)
    return ps.map((p) => this.latencies[Math.trunc(p * size)]!);
  }

  /** Acknowledged records and their payload bytes (for `--print-metrics`). */
  get totals(): { count: number; bytes: number } {
    return { count: this.count, bytes: this.bytes };
  }
}
