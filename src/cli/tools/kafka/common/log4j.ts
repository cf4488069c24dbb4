/**
 * Log lines as Kafka's tools and servers print them with log4j's pattern `[%d] %p %m (%c)%n`
 * (config/tools-log4j.properties, config/log4j.properties), dated in the simulation's wall clock.
 */

const two = (n: number) => String(n).padStart(2, '0');

/** `yyyy-MM-dd HH:mm:ss,SSS` in UTC, log4j's ISO8601 date with a comma before milliseconds. */
export function log4jDate(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())},${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

/** One log line: `[2025-01-01 00:00:05,123] WARN message (logger)` plus a newline. */
export function log4jLine(
  epochMs: number,
  level: 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'FATAL',
  message: string,
  logger: string,
): string {
  return `[${log4jDate(epochMs)}] ${level} ${message} (${logger})\n`;
}
