/**
 * Exceptions the consumer's `poll()` throws, named and worded as the Java consumer's
 * (org.apache.kafka.clients.consumer.*Exception).
 */

/** `NoOffsetForPartitionException`: no committed offset and `auto.offset.reset=none`. */
export class NoOffsetForPartitionException extends Error {
  override readonly name = 'NoOffsetForPartitionException';
  constructor(readonly partitions: string[]) {
    super(`Undefined offset with no reset policy for partitions: [${partitions.join(', ')}]`);
  }
}

/** `OffsetOutOfRangeException`: the fetch position left the log and `auto.offset.reset=none`. */
export class OffsetOutOfRangeException extends Error {
  override readonly name = 'OffsetOutOfRangeException';
  constructor(
    readonly partition: string,
    readonly offset: number,
  ) {
    super(
      `Fetch position FetchPosition{offset=${offset}, offsetEpoch=Optional.empty} is out of range for partition ${partition}`,
    );
  }
}

/** Kafka's `IllegalStateException` uses on the consumer (closed, not subscribed, …). */
export class IllegalStateException extends Error {
  override readonly name = 'IllegalStateException';
}

/** `InvalidGroupIdException`: a group API was used without `group.id`. */
export class InvalidGroupIdException extends Error {
  override readonly name = 'InvalidGroupIdException';
  constructor() {
    super(
      'To use the group management or offset commit APIs, you must provide a valid group.id in the consumer configuration.',
    );
  }
}
