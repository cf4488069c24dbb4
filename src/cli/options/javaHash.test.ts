import { describe, expect, it } from 'vitest';
import { JavaHashMapOrder, javaHashSetOrder, javaStringHash, javaStringListHash } from './javaHash';

// Values as java.lang.String.hashCode / java.util.AbstractList.hashCode compute them.
describe('Java hash codes and HashMap order (OpenJDK java/util/HashMap.java)', () => {
  it('String.hashCode and List.hashCode wrap at 32 bits', () => {
    expect(javaStringHash('')).toBe(0);
    expect(javaStringHash('hello')).toBe(99162322);
    expect(javaStringListHash(['bootstrap-server'])).toBe(3197260705 | 0);
    expect(javaStringListHash([])).toBe(1);
    expect(javaStringListHash(['a'])).toBe(31 + 97);
  });

  it('iterates bucket by bucket, colliding keys in insertion order', () => {
    // "Aa" and "BB" share hashCode 2112.
    const map = new JavaHashMapOrder<string>(javaStringHash);
    for (const key of ['b', 'BB', 'a', 'Aa', 'b']) map.put(key);
    expect(map.keys()).toEqual(['BB', 'Aa', 'a', 'b']);
  });

  it('resizes keeping relative order (load 0.75, or a 9th key in one bucket), copies alike', () => {
    const keys = Array.from({ length: 13 }, (_, i) => String.fromCharCode(0x41 + i * 16));
    const map = new JavaHashMapOrder<string>(javaStringHash);
    for (const key of keys) map.put(key);
    // All 13 land in bucket 1 of 16; the 9th (treeifyBin on a small table) resizes to 32:
    // codes 65, 97, 129, ... stay in bucket 1, codes 81, 113, ... move to bucket 17.
    const codes = map.keys().map((k) => k.charCodeAt(0));
    expect(codes).toEqual([65, 97, 129, 161, 193, 225, 257, 81, 113, 145, 177, 209, 241]);
    expect(JavaHashMapOrder.copyOf(map).keys()).toEqual(map.keys());

    const loaded = new JavaHashMapOrder<string>(javaStringHash);
    for (let c = 0; c < 13; c++) loaded.put(String.fromCharCode(0x30 + c * 17));
    // 13 keys > threshold 12 → 32 buckets; code 48+17c lands in bucket (48+17c) & 31.
    const expected = Array.from({ length: 13 }, (_, c) => 0x30 + c * 17).sort(
      (x, y) => (x & 31) - (y & 31),
    );
    expect(loaded.keys().map((k) => k.charCodeAt(0))).toEqual(expected);
    expect(javaHashSetOrder(javaStringHash, ['list', 'describe'])).toEqual(['describe', 'list']);
  });
});
