// Vectors from Kafka's clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java (testMurmur2).
import { describe, it, expect } from 'vitest';
import { murmur2, toPositive, utf8 } from './murmur2';

const javaGetBytes = (s: string): Uint8Array => utf8(s);

describe('murmur2 (Utils.murmur2)', () => {
  const cases: [string, Uint8Array, number][] = [
    ['"21"', javaGetBytes('21'), -973932308],
    ['"foobar"', javaGetBytes('foobar'), -790332482],
    ['"a-little-bit-long-string"', javaGetBytes('a-little-bit-long-string'), -985981536],
    ['"a-little-bit-longer-string"', javaGetBytes('a-little-bit-longer-string'), -1486304829],
    [
      '"lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8"',
      javaGetBytes('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8'),
      -58897971,
    ],
    ["new byte[] {'a', 'b', 'c'}", new Uint8Array([0x61, 0x62, 0x63]), 479470107],
  ];

  it.each(cases)('murmur2(%s) matches UtilsTest.testMurmur2', (_name, bytes, expected) => {
    expect(murmur2(bytes)).toBe(expected);
  });

  it('returns a signed 32-bit integer for every tail length (0..7 bytes)', () => {
    for (let n = 0; n < 8; n++) {
      const h = murmur2(new Uint8Array(n).fill(0xff));
      expect(Number.isInteger(h)).toBe(true);
      expect(h).toBe(h | 0);
    }
  });
});

describe('toPositive (Utils.toPositive)', () => {
  it('clears the sign bit instead of taking the absolute value', () => {
    expect(toPositive(-973932308)).toBe(-973932308 & 0x7fffffff);
    expect(toPositive(-1)).toBe(0x7fffffff);
    expect(toPositive(-2147483648)).toBe(0);
    expect(toPositive(42)).toBe(42);
  });
});

describe('utf8 (String.getBytes(UTF_8))', () => {
  it('encodes ASCII, multi-byte and astral characters as UTF-8', () => {
    expect([...utf8('a')]).toEqual([0x61]);
    expect([...utf8('é')]).toEqual([0xc3, 0xa9]);
    expect([...utf8('€')]).toEqual([0xe2, 0x82, 0xac]);
    expect([...utf8('😀')]).toEqual([0xf0, 0x9f, 0x98, 0x80]);
    expect([...utf8('€😀x')]).toEqual([...new TextEncoder().encode('€😀x')]);
  });

  it("replaces an unpaired surrogate with '?' as Java's encoder does", () => {
    expect([...utf8('a\ud800b')]).toEqual([0x61, 0x3f, 0x62]);
    expect([...utf8('\udc00')]).toEqual([0x3f]);
  });
});
