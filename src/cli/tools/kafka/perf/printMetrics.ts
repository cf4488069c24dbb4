/**
 * `ToolsUtils.printMetrics` (tools/src/main/java/org/apache/kafka/tools/ToolsUtils.java, Kafka
 * 3.9): a blank line, `Metric Name` and `Value` headings, then `group:name:{tags}` sorted as
 * strings, each padded to the longest and followed by ` : ` and the value (`%.3f` for a Double).
 *
 * The simulated clients keep no Kafka metrics registry; the perf tools pass the few metrics they
 * can count exactly, so the list is much shorter than a real client's.
 */
import { javaFixed, padRight } from './javaFormat';

/** One metric: `MetricName` group, name and tags, and its value. */
export interface ToolMetric {
  group: string;
  name: string;
  tags: Record<string, string>;
  /** A number is a `Double` (printed `%.3f`); a string prints as is. */
  value: number | string;
}

/** The lines `printMetrics` prints, each ending with a newline. */
export function formatMetrics(metrics: readonly ToolMetric[]): string {
  if (metrics.length === 0) return '';
  const sorted = new Map<string, number | string>();
  let width = 0;
  for (const m of metrics) {
    const tags = Object.entries(m.tags)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    const merged = `${m.group}:${m.name}:{${tags}}`;
    width = Math.max(width, merged.length);
    sorted.set(merged, m.value);
  }
  const names = [...sorted.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let out = `\n${padRight('Metric Name', width)}   Value\n`;
  for (const name of names) {
    const value = sorted.get(name)!;
    out += `${padRight(name, width)} : ${typeof value === 'number' ? javaFixed(value, 3) : value}\n`;
  }
  return out;
}
