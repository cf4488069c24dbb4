import { describe, expect, it } from 'vitest';
import { scalaMapOrder } from './scalaMapOrder';

/** An Int's `##` is the Int itself. */
const intHash = (n: number) => n;
const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('scalaMapOrder (Scala 2.13 immutable Map iteration)', () => {
  it('keeps insertion order for up to four entries (Map1–Map4)', () => {
    expect(scalaMapOrder([3, 1, 4, 2], intHash)).toEqual([3, 1, 4, 2]);
  });

  it('orders five or more entries as a CHAMP HashMap, as the Scala 2.13 REPL prints them', () => {
    // `(1 to 5).map(i => i -> i).toMap` is `HashMap(5 -> 5, 1 -> 1, 2 -> 2, 3 -> 3, 4 -> 4)`;
    // `(1 to 10).toSet` is `HashSet(5, 10, 1, 6, 9, 2, 7, 3, 8, 4)` (same trie layout).
    expect(scalaMapOrder(upTo(5), intHash)).toEqual([5, 1, 2, 3, 4]);
    expect(scalaMapOrder(upTo(10), intHash)).toEqual([5, 10, 1, 6, 9, 2, 7, 3, 8, 4]);
  });

  it('does not depend on insertion order from five entries on', () => {
    expect(scalaMapOrder([4, 2, 5, 3, 1], intHash)).toEqual([5, 1, 2, 3, 4]);
  });
});
