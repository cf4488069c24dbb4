/**
 * Errors raised by a partition's log that Kafka's protocol error table (`src/sim/protocol/errors.ts`)
 * does not name yet, with Kafka's names and codes.
 */

/**
 * `INVALID_RECORD` (code 87, not retriable): the leader rejected a batch, e.g. a record without a
 * key on a compacted topic (`LogValidator.validateKey`,
 * storage/src/main/java/org/apache/kafka/storage/internals/log/LogValidator.java).
 */
export class InvalidRecordError extends Error {
  readonly errorName = 'INVALID_RECORD';
  readonly code = 87;
  readonly retriable = false;

  constructor(message: string) {
    super(message);
    this.name = 'INVALID_RECORD';
  }
}

/**
 * A follower was asked to append a batch that starts below its log end offset
 * (`UnexpectedAppendOffsetException`): a bug in the replication code, not a client error.
 */
export class UnexpectedAppendOffsetError extends Error {
  constructor(
    readonly firstOffset: number,
    readonly logEndOffset: number,
  ) {
    super(
      `Unexpected offset in append to log: first offset ${firstOffset} is below the log end offset ${logEndOffset}`,
    );
    this.name = 'UnexpectedAppendOffsetError';
  }
}
