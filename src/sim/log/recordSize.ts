/**
 * Byte sizes of records and batches exactly as Kafka's message format v2 encodes them, without
 * encoding anything. Sources: clients/src/main/java/org/apache/kafka/common/record/
 * DefaultRecord.java (`sizeInBytes`), DefaultRecordBatch.java (`RECORD_BATCH_OVERHEAD`),
 * ByteUtils.java (`sizeOfVarint`, `sizeOfVarlong`), Utils.java (`utf8Length`).
 * https://kafka.apache.org/documentation/#recordbatch
 *
 * Everything here runs once per record on the produce path, so it allocates nothing.
 */
import type { RecordHeader } from './record';

/** Bytes of a v2 batch header before its first record (`DefaultRecordBatch.RECORD_BATCH_OVERHEAD`). */
export const RECORD_BATCH_OVERHEAD = 61;

/** Bytes of the varint -1 that encodes a null key, value or header value. */
export const NULL_VARINT_SIZE_BYTES = 1;

/** Bytes of a zigzag varint for a 32-bit integer (`ByteUtils.sizeOfVarint`): 1 to 5. */
export function sizeOfVarint(value: number): number {
  const v = ((value << 1) ^ (value >> 31)) >>> 0;
  if (v < 0x80) return 1;
  if (v < 0x4000) return 2;
  if (v < 0x200000) return 3;
  if (v < 0x10000000) return 4;
  return 5;
}

/**
 * Bytes of a zigzag varlong (`ByteUtils.sizeOfVarlong`): 1 to 10. Exact for |value| < 2^52, which
 * covers every timestamp delta.
 */
export function sizeOfVarlong(value: number): number {
  let v = value >= 0 ? value * 2 : -value * 2 - 1;
  if (v < 0x80) return 1;
  let bytes = 1;
  while (v >= 0x80 && bytes < 10) {
    v = Math.floor(v / 128);
    bytes++;
  }
  return bytes;
}

/** Any UTF-16 code unit outside ASCII. */
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * UTF-8 length in bytes of a JS string, counted from its UTF-16 code units without encoding it:
 * 1 byte below U+0080, 2 below U+0800, 4 for a surrogate pair, otherwise 3 (a lone surrogate
 * becomes U+FFFD, 3 bytes, as `TextEncoder` writes it). ASCII strings, the common case, are
 * recognised by one native regex scan, several times faster than a `charCodeAt` loop.
 */
export function utf8Length(s: string): number {
  return NON_ASCII.test(s) ? countUtf8(s) : s.length;
}

function countUtf8(s: string): number {
  const n = s.length;
  let bytes = n;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      bytes += 1;
    } else if ((c & 0xfc00) === 0xd800 && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // 2 code units already counted, 4 bytes in all
      i++;
    } else {
      bytes += 2;
    }
  }
  return bytes;
}

/** Bytes a nullable field takes: its length varint plus its UTF-8 bytes, or 1 byte for null. */
function sizeOfNullableString(s: string | null): number {
  if (s === null) return NULL_VARINT_SIZE_BYTES;
  const length = utf8Length(s);
  return sizeOfVarint(length) + length;
}

/**
 * Size in bytes of one record inside a v2 batch, length prefix included
 * (`DefaultRecord.sizeInBytes`): attributes byte, varlong timestamp delta, varint offset delta,
 * key, value and headers each with their varint lengths.
 * @param offsetDelta offset minus the batch's base offset
 * @param timestampDelta timestamp minus the batch's base (first) timestamp, ms
 */
export function recordSizeInBytes(
  offsetDelta: number,
  timestampDelta: number,
  key: string | null,
  value: string | null,
  headers: readonly RecordHeader[] | null | undefined,
): number {
  let body = 1 + sizeOfVarint(offsetDelta) + sizeOfVarlong(timestampDelta);
  body += sizeOfNullableString(key) + sizeOfNullableString(value);
  if (headers == null) {
    body += 1; // varint 0 headers
  } else {
    body += sizeOfVarint(headers.length);
    for (let h = 0; h < headers.length; h++) {
      const header = headers[h]!;
      const keyLength = utf8Length(header.key);
      body += sizeOfVarint(keyLength) + keyLength + sizeOfNullableString(header.value);
    }
  }
  return body + sizeOfVarint(body);
}

/** The columns of a batch that its size depends on. */
export interface BatchColumns {
  readonly keys: readonly (string | null)[];
  readonly values: readonly (string | null)[];
  readonly timestamps: readonly number[];
  readonly headers: readonly (readonly RecordHeader[] | null)[] | null;
}

/**
 * Size in bytes of a whole uncompressed v2 batch: {@link RECORD_BATCH_OVERHEAD} plus every record.
 * The base timestamp is the first record's timestamp, as `MemoryRecordsBuilder` sets it.
 * @param offsetDeltas each record's offset delta; null = record i has delta i
 */
export function batchSizeInBytes(
  columns: BatchColumns,
  offsetDeltas: readonly number[] | null = null,
): number {
  const { keys, values, timestamps, headers } = columns;
  const n = keys.length;
  if (n === 0) return RECORD_BATCH_OVERHEAD;
  const baseTimestamp = timestamps[0]!;
  let size = RECORD_BATCH_OVERHEAD;
  for (let i = 0; i < n; i++) {
    size += recordSizeInBytes(
      offsetDeltas === null ? i : offsetDeltas[i]!,
      timestamps[i]! - baseTimestamp,
      keys[i] as string | null,
      values[i] as string | null,
      headers === null ? null : headers[i],
    );
  }
  return size;
}
