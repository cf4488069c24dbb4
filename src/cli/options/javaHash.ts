/**
 * Java's hash codes and `java.util.HashMap` iteration order, so that messages Kafka builds by
 * iterating a HashMap or HashSet (jopt's missing-required-options list, CommandLineUtils'
 * `Option combination "[[a], [b]]"`) list their items in the order a JVM does.
 *
 * Follows OpenJDK 21 `java.util.HashMap` (the JRE of the apache/kafka 3.9 image): power-of-two
 * tables, `hash ^ (hash >>> 16)` spreading, tail insertion, order-preserving resize, the copy
 * constructor's `ceil(size / 0.75)` pre-sizing, and `treeifyBin`'s resize when a bucket of a table
 * smaller than 64 reaches 9 keys. Tree bins themselves (tables of 64+) are not modelled.
 */

/** `String.hashCode()`: `s[0]*31^(n-1) + ... + s[n-1]` over UTF-16 units, in 32-bit arithmetic. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** `List<String>.hashCode()` (`AbstractList.hashCode`): `31*h + e.hashCode()` from 1. */
export function javaStringListHash(items: readonly string[]): number {
  let h = 1;
  for (const item of items) h = (Math.imul(31, h) + javaStringHash(item)) | 0;
  return h;
}

/** `HashMap.tableSizeFor`: the smallest power of two ≥ `cap` (at least 1). */
function tableSizeFor(cap: number): number {
  let n = 1;
  while (n < cap) n *= 2;
  return n;
}

const TREEIFY_THRESHOLD = 8;
const MIN_TREEIFY_CAPACITY = 64;

interface Entry<K> {
  readonly key: K;
  readonly hash: number;
}

/** Key order of a Java HashMap (values live with the caller; only the order is modelled). */
export class JavaHashMapOrder<K> {
  private table: Entry<K>[][] | null = null;
  private size = 0;
  private threshold: number;

  /**
   * @param hashOf the key's `hashCode()`
   * @param initialCapacity as passed to `new HashMap<>(n)`; omitted for `new HashMap<>()`
   */
  constructor(
    private readonly hashOf: (key: K) => number,
    initialCapacity?: number,
  ) {
    this.threshold = initialCapacity === undefined ? 0 : tableSizeFor(initialCapacity);
  }

  /** `new HashMap<>(source)` (OpenJDK 19+ sizing: `tableSizeFor(ceil(size / 0.75))`). */
  static copyOf<K>(source: JavaHashMapOrder<K>): JavaHashMapOrder<K> {
    const copy = new JavaHashMapOrder<K>(source.hashOf);
    if (source.size > 0) copy.threshold = tableSizeFor(Math.ceil(source.size / 0.75));
    for (const key of source.keys()) copy.put(key);
    return copy;
  }

  /** `new HashSet<>(collection)` (OpenJDK 19+: `HashMap.newHashMap(max(size, 12))`). */
  static ofCollection<K>(hashOf: (key: K) => number, items: readonly K[]): JavaHashMapOrder<K> {
    const set = new JavaHashMapOrder<K>(hashOf, Math.ceil(Math.max(items.length, 12) / 0.75));
    for (const item of items) set.put(item);
    return set;
  }

  /** `put(key, value)`: a new key goes to the tail of its bucket; an existing key keeps its place. */
  put(key: K): void {
    const h = this.hashOf(key);
    const hash = (h ^ (h >>> 16)) | 0;
    if (this.table === null) this.resize();
    const table = this.table as Entry<K>[][];
    const bucket = table[hash & (table.length - 1)] as Entry<K>[];
    if (bucket.some((e) => e.hash === hash && e.key === key)) return;
    bucket.push({ key, hash });
    // putVal → treeifyBin: a 9th key in one bucket resizes a table of fewer than 64 buckets.
    if (bucket.length > TREEIFY_THRESHOLD && table.length < MIN_TREEIFY_CAPACITY) this.resize();
    this.size += 1;
    if (this.size > this.threshold) this.resize();
  }

  /** Keys in iteration order: bucket by bucket, each bucket in insertion order. */
  keys(): K[] {
    return (this.table ?? []).flatMap((bucket) => bucket.map((e) => e.key));
  }

  private resize(): void {
    const old = this.table;
    let newCap: number;
    if (old === null) {
      newCap = this.threshold > 0 ? this.threshold : 16;
    } else {
      newCap = old.length * 2;
    }
    this.threshold = Math.floor(newCap * 0.75);
    const table: Entry<K>[][] = Array.from({ length: newCap }, () => []);
    for (const bucket of old ?? []) {
      for (const e of bucket) (table[e.hash & (newCap - 1)] as Entry<K>[]).push(e);
    }
    this.table = table;
  }
}

/** Iteration order of `new HashSet<>(Arrays.asList(items))`, given each item's `hashCode()`. */
export function javaHashSetOrder<K>(hashOf: (key: K) => number, items: readonly K[]): K[] {
  return JavaHashMapOrder.ofCollection(hashOf, items).keys();
}
