import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { partitionForKey } from './partitionForKey';
import { murmur2, toPositive, utf8 } from './murmur2';

describe('partitionForKey (BuiltInPartitioner.partitionForKey)', () => {
  // Derived from the UtilsTest.testMurmur2 vectors: toPositive(hash) % numPartitions.
  const known: [string | Uint8Array, number, number][] = [
    ['21', 3, 0], // toPositive(-973932308) = 1173551340; 1173551340 % 3 = 0
    ['21', 7, 1173551340 % 7],
    ['foobar', 10, 6], // toPositive(-790332482) = 1357151166; % 10 = 6
    ['foobar', 4, 2], // 1357151166 % 4 = 2
    [new Uint8Array([0x61, 0x62, 0x63]), 6, 3], // 479470107 % 6 = 3
    ['abc', 10, 7], // a string key is hashed over its UTF-8 bytes: same as the byte[] above
    ['a-little-bit-long-string', 12, (-985981536 & 0x7fffffff) % 12],
  ];

  it.each(known)('key %s over %i partitions goes to partition %i', (key, n, expected) => {
    expect(partitionForKey(key, n)).toBe(expected);
  });

  it('uses toPositive, not Math.abs, on negative hashes', () => {
    // -790332482: Math.abs would give 790332482 % 10 = 2, Kafka gives 6.
    expect(Math.abs(-790332482) % 10).toBe(2);
    expect(partitionForKey('foobar', 10)).toBe(6);
  });

  it('a string key and its UTF-8 bytes map to the same partition, always in range', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.integer({ min: 1, max: 1000 }), (key, n) => {
        const p = partitionForKey(key, n);
        expect(p).toBe(partitionForKey(utf8(key), n));
        expect(p).toBe(toPositive(murmur2(utf8(key))) % n);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThan(n);
      }),
    );
  });

  it('is stable: the same key always lands on the same partition', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.integer({ min: 1, max: 64 }), (key, n) => {
        expect(partitionForKey(key, n)).toBe(partitionForKey(Uint8Array.from(key), n));
      }),
    );
  });

  it('rejects a partition count below 1', () => {
    expect(() => partitionForKey('k', 0)).toThrow(RangeError);
  });
});
