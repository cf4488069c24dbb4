/**
 * Kafka's protocol error codes, with the names the CLI prints and whether a client retries them.
 * Source: clients/src/main/java/org/apache/kafka/common/protocol/Errors.java (Kafka 3.9).
 * https://kafka.apache.org/protocol#protocol_error_codes
 */
export const kafkaErrors = {
  NONE: { code: 0, retriable: false, message: '' },
  OFFSET_OUT_OF_RANGE: {
    code: 1,
    retriable: false,
    message: 'The requested offset is not within the range of offsets maintained by the server.',
  },
  UNKNOWN_TOPIC_OR_PARTITION: {
    code: 3,
    retriable: true,
    message: 'This server does not host this topic-partition.',
  },
  LEADER_NOT_AVAILABLE: {
    code: 5,
    retriable: true,
    message:
      'There is no leader for this topic-partition as we are in the middle of a leadership election.',
  },
  NOT_LEADER_OR_FOLLOWER: {
    code: 6,
    retriable: true,
    message:
      'For requests intended only for the leader, this error indicates that the broker is not the current leader. For requests intended for any replica, this error indicates that the broker is not a replica of the topic partition.',
  },
  REQUEST_TIMED_OUT: { code: 7, retriable: true, message: 'The request timed out.' },
  BROKER_NOT_AVAILABLE: { code: 8, retriable: false, message: 'The broker is not available.' },
  MESSAGE_TOO_LARGE: {
    code: 10,
    retriable: false,
    message:
      'The request included a message larger than the max message size the server will accept.',
  },
  NETWORK_EXCEPTION: {
    code: 13,
    retriable: true,
    message: 'The server disconnected before a response was received.',
  },
  COORDINATOR_LOAD_IN_PROGRESS: {
    code: 14,
    retriable: true,
    message: "The coordinator is loading and hence can't process requests.",
  },
  COORDINATOR_NOT_AVAILABLE: {
    code: 15,
    retriable: true,
    message: 'The coordinator is not available.',
  },
  NOT_COORDINATOR: { code: 16, retriable: true, message: 'This is not the correct coordinator.' },
  INVALID_TOPIC_EXCEPTION: {
    code: 17,
    retriable: false,
    message: 'The request attempted to perform an operation on an invalid topic.',
  },
  NOT_ENOUGH_REPLICAS: {
    code: 19,
    retriable: true,
    message: 'Messages are rejected since there are fewer in-sync replicas than required.',
  },
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: {
    code: 20,
    retriable: true,
    message: 'Messages are written to the log, but to fewer in-sync replicas than required.',
  },
  INVALID_REQUIRED_ACKS: {
    code: 21,
    retriable: false,
    message: 'Produce request specified an invalid value for required acks.',
  },
  ILLEGAL_GENERATION: {
    code: 22,
    retriable: false,
    message: 'Specified group generation id is not valid.',
  },
  INCONSISTENT_GROUP_PROTOCOL: {
    code: 23,
    retriable: false,
    message:
      "The group member's supported protocols are incompatible with those of existing members or first group member tried to join with empty protocol type or empty protocol list.",
  },
  INVALID_GROUP_ID: { code: 24, retriable: false, message: 'The configured groupId is invalid.' },
  UNKNOWN_MEMBER_ID: {
    code: 25,
    retriable: false,
    message: 'The coordinator is not aware of this member.',
  },
  INVALID_SESSION_TIMEOUT: {
    code: 26,
    retriable: false,
    message:
      'The session timeout is not within the range allowed by the broker (as configured by group.min.session.timeout.ms and group.max.session.timeout.ms).',
  },
  REBALANCE_IN_PROGRESS: {
    code: 27,
    retriable: false,
    message: 'The group is rebalancing, so a rejoin is needed.',
  },
  TOPIC_ALREADY_EXISTS: {
    code: 36,
    retriable: false,
    message: 'Topic with this name already exists.',
  },
  INVALID_PARTITIONS: { code: 37, retriable: false, message: 'Number of partitions is below 1.' },
  INVALID_REPLICATION_FACTOR: {
    code: 38,
    retriable: false,
    message: 'Replication factor is below 1 or larger than the number of available brokers.',
  },
  INVALID_REPLICA_ASSIGNMENT: {
    code: 39,
    retriable: false,
    message: 'Replica assignment is invalid.',
  },
  INVALID_CONFIG: { code: 40, retriable: false, message: 'Configuration is invalid.' },
  NOT_CONTROLLER: {
    code: 41,
    retriable: true,
    message: 'This is not the correct controller for this cluster.',
  },
  INVALID_REQUEST: {
    code: 42,
    retriable: false,
    message:
      'This most likely occurs because of a request being malformed by the client library or the message was sent to an incompatible broker. See the broker logs for more details.',
  },
  OUT_OF_ORDER_SEQUENCE_NUMBER: {
    code: 45,
    retriable: false,
    message: 'The broker received an out of order sequence number.',
  },
  DUPLICATE_SEQUENCE_NUMBER: {
    code: 46,
    retriable: false,
    message: 'The broker received a duplicate sequence number.',
  },
  INVALID_PRODUCER_EPOCH: {
    code: 47,
    retriable: false,
    message: 'Producer attempted to produce with an old epoch.',
  },
  KAFKA_STORAGE_ERROR: {
    code: 56,
    retriable: true,
    message: 'Disk error when trying to access log file on the disk.',
  },
  NON_EMPTY_GROUP: { code: 68, retriable: false, message: 'The group is not empty.' },
  GROUP_ID_NOT_FOUND: { code: 69, retriable: false, message: 'The group id does not exist.' },
  FENCED_LEADER_EPOCH: {
    code: 74,
    retriable: true,
    message: 'The leader epoch in the request is older than the epoch on the broker.',
  },
  UNKNOWN_LEADER_EPOCH: {
    code: 75,
    retriable: true,
    message: 'The leader epoch in the request is newer than the epoch on the broker.',
  },
  STALE_BROKER_EPOCH: { code: 77, retriable: false, message: 'Broker epoch has changed.' },
  MEMBER_ID_REQUIRED: {
    code: 79,
    retriable: false,
    message:
      'The group member needs to have a valid member id before actually entering a consumer group.',
  },
  PREFERRED_LEADER_NOT_AVAILABLE: {
    code: 80,
    retriable: true,
    message: 'The preferred leader was not available.',
  },
  FENCED_INSTANCE_ID: {
    code: 82,
    retriable: false,
    message:
      'The broker rejected this static consumer since another consumer with the same group.instance.id has registered with a different member.id.',
  },
  ELIGIBLE_LEADERS_NOT_AVAILABLE: {
    code: 83,
    retriable: true,
    message: 'Eligible topic partition leaders are not available.',
  },
  ELECTION_NOT_NEEDED: {
    code: 84,
    retriable: true,
    message: 'Leader election not needed for topic partition.',
  },
  NO_REASSIGNMENT_IN_PROGRESS: {
    code: 85,
    retriable: false,
    message: 'No partition reassignment is in progress.',
  },
  GROUP_SUBSCRIBED_TO_TOPIC: {
    code: 86,
    retriable: false,
    message:
      'Deleting offsets of a topic is forbidden while the consumer group is actively subscribed to it.',
  },
  INVALID_RECORD: {
    code: 87,
    retriable: false,
    message: 'This record has failed the validation on broker and hence will be rejected.',
  },
  UNKNOWN_TOPIC_ID: {
    code: 100,
    retriable: true,
    message: 'This server does not host this topic ID.',
  },
} as const;

/** A Kafka error name such as `NOT_LEADER_OR_FOLLOWER`. */
export type KafkaErrorName = keyof typeof kafkaErrors;

/** An error carried in a simulated response, named and coded as Kafka names it. */
export class KafkaError extends Error {
  readonly code: number;
  readonly retriable: boolean;

  constructor(
    readonly errorName: Exclude<KafkaErrorName, 'NONE'>,
    message?: string,
  ) {
    super(message ?? kafkaErrors[errorName].message);
    this.name = errorName;
    this.code = kafkaErrors[errorName].code;
    this.retriable = kafkaErrors[errorName].retriable;
  }
}
