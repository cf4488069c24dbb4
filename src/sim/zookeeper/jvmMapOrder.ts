/**
 * Key order of the JVM hash maps Kafka serialises znode JSON from, so `get /brokers/ids/1` prints
 * its fields in the order a real cluster shows (`{"features":{},"listener_security_protocol_map":…`).
 * Kafka builds those JSON objects from Scala 2.13 `mutable.HashMap`s and `java.util.Properties`
 * (backed by a `ConcurrentHashMap` since Java 9); Jackson writes entries in iteration order.
 *
 * Sources: scala/scala 2.13.x `src/library/scala/collection/mutable/HashMap.scala`;
 * OpenJDK `java/util/concurrent/ConcurrentHashMap.java`, `java/util/Properties.java`.
 */

/** `java.lang.String.hashCode` over UTF-16 code units, as a signed 32-bit int. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** Scala 2.13 `HashMap.tableSizeFor`: a power of two, at least 8. */
function scalaTableSizeFor(capacity: number): number {
  return Math.min(2 ** Math.floor(Math.log2(Math.max(capacity - 1, 4))) * 2, 2 ** 30);
}

/**
 * Iteration order of a Scala 2.13 `mutable.HashMap` holding `keys`: buckets ascending by
 * `(h ^ (h >>> 16)) & (length - 1)`, within a bucket by that improved hash, ascending. The table
 * starts at 16 buckets, or — when the map was built by `mutable.Map(k1 -> v1, …)` with
 * `builtWith` entries — at `tableSizeFor((builtWith + 1) / 0.75)`; it doubles before an insert once
 * `size + 1 >= 0.75 × length`. This is the order the kafka_2.13 build writes; kafka_2.12 differs.
 */
export function scalaHashMapOrder(keys: readonly string[], builtWith = 0): string[] {
  let length = builtWith > 0 ? scalaTableSizeFor(Math.floor((builtWith + 1) / 0.75)) : 16;
  for (let size = 0; size < keys.length; size++) {
    if (size + 1 >= Math.floor(length * 0.75)) length *= 2;
  }
  const improved = (k: string) => {
    const h = javaStringHash(k);
    return h ^ (h >>> 16);
  };
  return [...keys].sort((a, b) => {
    const ha = improved(a);
    const hb = improved(b);
    const bucket = (ha & (length - 1)) - (hb & (length - 1));
    return bucket !== 0 ? bucket : ha - hb;
  });
}

/**
 * Iteration order of a `java.util.Properties` (a `ConcurrentHashMap` of initial table 16, resized
 * once `size >= 0.75 * length` after an insert): buckets ascending by `spread(h) & (length - 1)`,
 * insertion order within a bucket. Exact up to 11 keys; past a resize the JDK may reorder a bucket.
 */
export function javaPropertiesOrder(keys: readonly string[]): string[] {
  let length = 16;
  for (let size = 1; size <= keys.length; size++) if (size >= length * 0.75) length *= 2;
  const bucket = (k: string) => {
    const h = javaStringHash(k);
    return (h ^ (h >>> 16)) & 0x7fffffff & (length - 1);
  };
  return keys
    .map((k, i) => ({ k, i, b: bucket(k) }))
    .sort((x, y) => x.b - y.b || x.i - y.i)
    .map((e) => e.k);
}

/**
 * A JSON object whose keys must be written in a given order. Plain JS objects cannot carry that
 * order: integer-like keys (`"0"`, `"11"`) always enumerate first, ascending.
 */
export interface OrderedJsonObject {
  readonly orderedEntries: readonly (readonly [string, JsonValue])[];
}

/** A JSON value for {@link stringifyOrdered}. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | OrderedJsonObject
  | { readonly [key: string]: JsonValue };

/** An {@link OrderedJsonObject} with `entries` in the order `order` gives their keys. */
export function orderedObject(
  entries: Record<string, JsonValue> | readonly (readonly [string, JsonValue])[],
  order: (keys: readonly string[]) => string[] = (keys) => [...keys],
): OrderedJsonObject {
  const list = Array.isArray(entries)
    ? (entries as readonly (readonly [string, JsonValue])[])
    : Object.entries(entries as Record<string, JsonValue>);
  const byKey = new Map(list);
  return { orderedEntries: order([...byKey.keys()]).map((k) => [k, byKey.get(k)!] as const) };
}

/** Compact JSON, as Jackson writes it, honouring {@link OrderedJsonObject} key order. */
export function stringifyOrdered(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value))
    return `[${value.map((v: JsonValue) => stringifyOrdered(v)).join(',')}]`;
  const entries =
    'orderedEntries' in value
      ? (value as OrderedJsonObject).orderedEntries
      : Object.entries(value as Record<string, JsonValue>);
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stringifyOrdered(v)}`).join(',')}}`;
}
