import { describe, expect, it } from 'vitest';
import { hashMapOrder, hashSetOrder, stringHashMapOrder, tpHash } from './topicPartitions';

const tps = (topic: string, n: number) =>
  Array.from({ length: n }, (_, partition) => ({ topic, partition }));

describe('TopicPartition in Java hash collections', () => {
  it('hashCode is 31 * (31 + partition) + topic.hashCode()', () => {
    // "test".hashCode() = 3556498
    expect(tpHash({ topic: 'test', partition: 0 })).toBe(961 + 3556498);
    expect(tpHash({ topic: 'test', partition: 2 })).toBe(31 * 33 + 3556498);
  });

  it('HashMap iteration follows the buckets, not the partition numbers', () => {
    expect(hashMapOrder(tps('test', 4)).map((tp) => tp.partition)).toEqual([1, 0, 3, 2]);
    expect(hashSetOrder(tps('test', 4)).map((tp) => tp.partition)).toEqual([1, 0, 3, 2]);
  });

  it('String keys iterate in HashMap order too', () => {
    // "a".hashCode() = 97 → bucket 1; "b" → 2; "p" (112) → bucket 0 of 16.
    expect(stringHashMapOrder(['b', 'a', 'p'])).toEqual(['p', 'a', 'b']);
  });
});
