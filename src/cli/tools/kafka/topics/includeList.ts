/**
 * `TopicFilter.IncludeList` (server-common/src/main/java/org/apache/kafka/server/util/TopicFilter.java):
 * `--topic` for describe, alter and delete is a Java regular expression that must match the whole
 * topic name; commas separate alternatives, spaces and surrounding quotes are dropped.
 */

/** Names `Topic.isInternal` reports as internal. */
export const INTERNAL_TOPICS: ReadonlySet<string> = new Set([
  '__consumer_offsets',
  '__transaction_state',
]);

/** `String.trim()`: strips characters up to U+0020 at both ends. */
function javaTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
  return s.slice(start, end);
}

/** A compiled include list, or the regex text that failed to compile. */
export type IncludeList =
  | { ok: true; regex: string; allows(topic: string, excludeInternal: boolean): boolean }
  | { ok: false; regex: string };

/** `new IncludeList(rawRegex)`. */
export function includeList(rawRegex: string): IncludeList {
  const regex = javaTrim(rawRegex)
    .replaceAll(',', '|')
    .replaceAll(' ', '')
    .replace(/^["']+/, '')
    .replace(/["']+$/, '');
  let pattern: RegExp;
  try {
    pattern = new RegExp(`^(?:${regex})$`);
  } catch {
    return { ok: false, regex };
  }
  return {
    ok: true,
    regex,
    allows: (topic, excludeInternal) =>
      pattern.test(topic) && !(INTERNAL_TOPICS.has(topic) && excludeInternal),
  };
}
