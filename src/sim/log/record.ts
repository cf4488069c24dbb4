/**
 * Records and record batches, in Kafka's vocabulary (KIP-98 message format v2, `DefaultRecordBatch`).
 * A batch is immutable once appended and is shared by reference between the leader's log and its
 * followers' logs — replicas hold the same bytes, so the simulation holds them once.
 * Columns instead of one object per record keep a retained record near its payload size.
 */
export interface RecordHeader {
  key: string;
  value: string | null;
}

/** What a producer sends: the columns of one batch, before the leader assigns offsets. */
export interface ProducerBatchData {
  /** -1 when the producer is not idempotent. */
  producerId: number;
  producerEpoch: number;
  /** Sequence number of the first record (KIP-98), -1 when not idempotent. */
  baseSequence: number;
  keys: (string | null)[];
  values: (string | null)[];
  /** CreateTime of each record, epoch ms. */
  timestamps: number[];
  /** null when no record in the batch has headers. */
  headers: (RecordHeader[] | null)[] | null;
}

/** A batch as stored in a log: {@link ProducerBatchData} plus the offsets the leader assigned. */
export interface RecordBatch extends Readonly<ProducerBatchData> {
  readonly baseOffset: number;
  /** Offset of the last record in the batch (kept after compaction removes records). */
  readonly lastOffset: number;
  /** Leader epoch of the leader that appended the batch (KIP-101). */
  readonly partitionLeaderEpoch: number;
  /** null = record i has offset baseOffset + i; after compaction, the delta of each kept record. */
  readonly offsetDeltas: number[] | null;
  readonly maxTimestamp: number;
  /** Estimated size on disk / on the wire in bytes, as `DefaultRecordBatch` would encode it. */
  readonly sizeInBytes: number;
}

/** One record as a consumer or the message browser sees it. */
export interface LogRecord {
  topic: string;
  partition: number;
  offset: number;
  /** CreateTime, epoch ms. */
  timestamp: number;
  key: string | null;
  value: string | null;
  headers: RecordHeader[];
  leaderEpoch: number;
}
