import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordHeader } from './record';
import {
  RECORD_BATCH_OVERHEAD,
  batchSizeInBytes,
  recordSizeInBytes,
  sizeOfVarint,
  sizeOfVarlong,
  utf8Length,
} from './recordSize';

/** Reference encoder: writes the v2 record bytes (DefaultRecord.writeTo) and counts them. */
function encodedRecordLength(
  offsetDelta: number,
  timestampDelta: number,
  key: string | null,
  value: string | null,
  headers: RecordHeader[],
): number {
  const bytes: number[] = [];
  const varlong = (v: bigint) => {
    let z = BigInt.asUintN(64, (v << 1n) ^ (v >> 63n));
    while (z >= 0x80n) {
      bytes.push(Number(z & 0x7fn) | 0x80);
      z >>= 7n;
    }
    bytes.push(Number(z));
  };
  const varint = (v: number) => varlong(BigInt(v));
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const nullable = (s: string | null) => {
    if (s === null) return varint(-1);
    const b = utf8(s);
    varint(b.length);
    bytes.push(...b);
  };
  bytes.push(0); // attributes
  varlong(BigInt(timestampDelta));
  varint(offsetDelta);
  nullable(key);
  nullable(value);
  varint(headers.length);
  for (const h of headers) {
    const k = utf8(h.key);
    varint(k.length);
    bytes.push(...k);
    nullable(h.value);
  }
  const body = bytes.length;
  bytes.length = 0;
  varint(body);
  return bytes.length + body;
}

describe('recordSize', () => {
  it('varint sizes match ByteUtils.sizeOfVarint at every 7-bit boundary of the zigzag value', () => {
    expect([0, -1, 63, -64, 64, -65, 8191, 8192, 1048575, 1048576].map(sizeOfVarint)).toEqual([
      1, 1, 1, 1, 2, 2, 2, 3, 3, 4,
    ]);
    expect(sizeOfVarint(2147483647)).toBe(5);
    expect(sizeOfVarint(-2147483648)).toBe(5);
    expect(sizeOfVarlong(0)).toBe(1);
    expect(sizeOfVarlong(1_700_000_000_000)).toBe(6);
    expect(sizeOfVarlong(-1_700_000_000_000)).toBe(6);
  });

  it('utf8Length equals TextEncoder byte length for any string, surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
      }),
    );
    expect(utf8Length('é€😀')).toBe(2 + 3 + 4);
    expect(utf8Length('\ud800x')).toBe(4); // lone surrogate → U+FFFD
  });

  it('a record of key "key" and value "value" is 15 bytes, its batch 61 + 15', () => {
    expect(recordSizeInBytes(0, 0, 'key', 'value', null)).toBe(15);
    const columns = { keys: ['key'], values: ['value'], timestamps: [5], headers: null };
    expect(batchSizeInBytes(columns)).toBe(RECORD_BATCH_OVERHEAD + 15);
  });

  it('recordSizeInBytes equals the length of the actual DefaultRecord encoding', () => {
    const text = fc.option(fc.string({ unit: 'grapheme', maxLength: 300 }), { nil: null });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: -(2 ** 45), max: 2 ** 45 }),
        text,
        text,
        fc.array(fc.record({ key: fc.string(), value: text }), { maxLength: 3 }),
        (offsetDelta, timestampDelta, key, value, headers) => {
          expect(recordSizeInBytes(offsetDelta, timestampDelta, key, value, headers)).toBe(
            encodedRecordLength(offsetDelta, timestampDelta, key, value, headers),
          );
        },
      ),
    );
  });
});
