/**
 * A server's console log: log4j lines (`[%d] %p %m (%c)%n`, config/log4j.properties) stamped with the
 * simulation's wall clock. Lines written in the same virtual millisecond get a few milliseconds apart,
 * as a JVM writing them one after another does, stamps never go backwards, and each line reaches the
 * output when virtual time reaches its stamp (so a terminal shows the log as it is written).
 */
import type { Prng } from '../../../../sim/random/prng';
import { log4jLine } from '../common/log4j';

export type LogLevel = 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'FATAL';

/** One log entry: a log4j line, or raw text (a stack trace line after an ERROR). */
export type LogEntry = { level: LogLevel; message: string; logger: string } | { raw: string };

export interface LogWriterOptions {
  /** Wall-clock epoch ms of the current virtual time. */
  wallClockMs(): number;
  /** Runs `fn` after `ms` of virtual time (the cluster clock); without it lines go out at once. */
  schedule?(ms: number, fn: () => void): void;
  sink(text: string): void;
  /** Spacing of consecutive lines, ms (a sub-stream of the cluster PRNG). */
  rng: Prng;
  /** Ms before the first line (a JVM takes a moment before it logs anything). */
  startupMs?: number;
}

export class LogWriter {
  private lastMs: number;
  private readonly pending: { at: number; text: string }[] = [];

  constructor(private readonly o: LogWriterOptions) {
    this.lastMs = o.wallClockMs() + (o.startupMs ?? 0);
  }

  /** Ms of virtual time until the last line's stamp: a process is done writing only then. */
  pendingMs(): number {
    return Math.max(0, this.lastMs - this.o.wallClockMs());
  }

  line(level: LogLevel, message: string, logger: string): void {
    this.lastMs = Math.max(this.o.wallClockMs(), this.lastMs + this.o.rng.int(3));
    this.emit(log4jLine(this.lastMs, level, message, logger));
  }

  info(message: string, logger: string): void {
    this.line('INFO', message, logger);
  }

  raw(text: string): void {
    this.emit(`${text}\n`);
  }

  write(entries: readonly LogEntry[]): void {
    for (const e of entries) {
      if ('raw' in e) this.raw(e.raw);
      else this.line(e.level, e.message, e.logger);
    }
  }

  /** Writes every pending line now (the process is about to exit). */
  flush(): void {
    for (const p of this.pending.splice(0)) this.o.sink(p.text);
  }

  private emit(text: string): void {
    const delay = this.lastMs - this.o.wallClockMs();
    const schedule = this.o.schedule;
    if (!schedule || (delay <= 0 && this.pending.length === 0)) return this.o.sink(text);
    this.pending.push({ at: this.lastMs, text });
    schedule(Math.max(0, delay), () => this.release());
  }

  private release(): void {
    const now = this.o.wallClockMs();
    while (this.pending.length > 0 && this.pending[0]!.at <= now)
      this.o.sink(this.pending.shift()!.text);
  }
}

/** `INFO message (logger)` as the engine reports log lines, or any other text. */
export function parseLogText(text: string): LogEntry {
  const m = /^(TRACE|DEBUG|INFO|WARN|ERROR|FATAL) (.*) \(([^()\s]+)\)$/.exec(text);
  if (!m) return { raw: text };
  return { level: m[1] as LogLevel, message: m[2]!, logger: m[3]! };
}

/** Shorthands for building entry lists. */
export const info = (message: string, logger: string): LogEntry => ({
  level: 'INFO',
  message,
  logger,
});
export const warn = (message: string, logger: string): LogEntry => ({
  level: 'WARN',
  message,
  logger,
});
export const error = (message: string, logger: string): LogEntry => ({
  level: 'ERROR',
  message,
  logger,
});
/** Stack frames, each printed as Java does: a TAB, `at `, the frame. */
export const frames = (...lines: string[]): LogEntry[] => lines.map((l) => ({ raw: `\tat ${l}` }));
