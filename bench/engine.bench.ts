/**
 * `npm run bench`: the engine's speed and memory figures (issue: engine speed targets).
 * Prints each measurement, then one RESULT line:
 * `RESULT records_per_s=<n> baseline_ratio=<r> idle_tick_ratio_1000_vs_1=<x> bytes_per_record=<b>`.
 * Targets: ≥ 1,000,000 records/s, baseline_ratio ≤ 20, idle ratio ≤ 3, ≤ 200 bytes per record.
 */
import { baseline, endToEnd } from './endToEnd';
import { idleTickNs } from './idleTick';
import { bytesPerRecord } from './memory';

const records = Number(process.env.BENCH_RECORDS ?? 1_000_000);

// Warm the JIT on a smaller run of each path first, as a long-running browser session would be.
endToEnd(Math.min(200_000, records));
baseline(Math.min(200_000, records));

const base = baseline(records);
console.log(
  `baseline: ${records} records in ${base.seconds.toFixed(3)} s = ${Math.round(base.recordsPerSecond)} records/s (plain arrays, 3 copies)`,
);
const e2e = endToEnd(records);
console.log(
  `end-to-end: ${records} records in ${e2e.seconds.toFixed(3)} s = ${Math.round(e2e.recordsPerSecond)} records/s ` +
    `(3 brokers, 12 partitions, RF 3, acks=all, consumed; ${e2e.virtualMs} virtual ms)`,
);
const ratio = base.recordsPerSecond / e2e.recordsPerSecond;
console.log(`baseline ratio: ${ratio.toFixed(2)}x slower than plain arrays`);

const [idle1, idle3, idle1000] = idleTickNs([1, 3, 1000]) as [number, number, number];
console.log(
  `idle tick: ${idle1.toFixed(0)} ns with 1 partition (2 follower fetch sessions), ${idle3.toFixed(0)} ns with 3 ` +
    `(all 6 broker pairs fetch), ${idle1000.toFixed(0)} ns with 1000 partitions (RF 3)`,
);
const idleRatio = idle1000 / idle1;

const bytes = bytesPerRecord(Number(process.env.BENCH_MEMORY_RECORDS ?? 500_000));
console.log(`memory: ${bytes.toFixed(1)} bytes of heap per retained 100-byte record`);

console.log(
  `RESULT records_per_s=${Math.round(e2e.recordsPerSecond)} baseline_ratio=${ratio.toFixed(2)} idle_tick_ratio_1000_vs_1=${idleRatio.toFixed(2)} bytes_per_record=${bytes.toFixed(1)}`,
);
