/**
 * The order in which a Scala 2.13 immutable `Map` built with `.toMap` iterates its entries, as the
 * Scala tools of Kafka 3.9 (built for Scala 2.13) print them: up to four entries keep their
 * insertion order (`Map1`–`Map4`); from five on the map is a CHAMP `HashMap`, which visits the
 * entries of a trie node in the order of their 5-bit hash slices, then its sub-nodes the same way.
 * Sources: scala/collection/immutable/Map.scala (`MapBuilderImpl`), HashMap.scala
 * (`BitmapIndexedMapNode.foreachEntry`, `mergeTwoKeyValPairs`), Node.scala (`maskFrom`),
 * scala/collection/Hashing.scala (`improve`).
 */

/** `scala.collection.Hashing.improve`: the hash spreading applied to `key.##`. */
export function scalaImprove(hcode: number): number {
  let h = (hcode + ~(hcode << 9)) | 0;
  h ^= h >>> 14;
  h = (h + (h << 4)) | 0;
  return h ^ (h >>> 10);
}

/** `Node.BitPartitionSize` and `HashCodeLength`. */
const BITS = 5;
const HASH_LENGTH = 32;

/** Iteration order of a CHAMP node holding `entries` (improved hashes) at depth `shift`. */
function champOrder<K>(entries: readonly { key: K; hash: number }[], shift: number): K[] {
  // Past the last slice every hash is equal: a HashCollisionMapNode keeps insertion order.
  if (shift >= HASH_LENGTH) return entries.map((e) => e.key);
  const slices = new Map<number, { key: K; hash: number }[]>();
  for (const e of entries) {
    const mask = (e.hash >>> shift) & ((1 << BITS) - 1);
    const slot = slices.get(mask);
    if (slot) slot.push(e);
    else slices.set(mask, [e]);
  }
  const masks = [...slices.keys()].sort((a, b) => a - b);
  const payload = masks.filter((m) => slices.get(m)!.length === 1);
  const nodes = masks.filter((m) => slices.get(m)!.length > 1);
  return [
    ...payload.map((m) => slices.get(m)![0]!.key),
    ...nodes.flatMap((m) => champOrder(slices.get(m)!, shift + BITS)),
  ];
}

/**
 * The keys of `List(k1 -> v1, …).toMap` in the order `foreach` / `foreachEntry` visits them;
 * `hashOf` is the key's `##` (`hashCode()` for a Java object). Keys must be distinct.
 */
export function scalaMapOrder<K>(keys: readonly K[], hashOf: (key: K) => number): K[] {
  if (keys.length <= 4) return keys.slice();
  return champOrder(
    keys.map((key) => ({ key, hash: scalaImprove(hashOf(key)) })),
    0,
  );
}
