/**
 * The simulated Kafka clients: a producer and a consumer that talk to brokers only through an
 * injected {@link ClientTransport}.
 */
export { Producer } from './producer';
export type { ProducerRecord } from './producer';
export type { RecordMetadata, SendCallback } from './producerBatch';
export { parseProducerConfig, parseAcks } from './producerConfig';
export type { ProducerConfig } from './producerConfig';
export { Consumer } from './consumer';
export type { CommitOffset, ConsumerRebalanceListener } from './consumer';
export { parseConsumerConfig } from './consumerConfig';
export type { ConsumerConfig, OffsetResetStrategy } from './consumerConfig';
export type { CommitCallback } from './offsetCommitter';
export {
  IllegalStateException,
  InvalidGroupIdException,
  NoOffsetForPartitionException,
  OffsetOutOfRangeException,
} from './consumerErrors';
export { ConfigException } from './configReader';
export { ClientMetadata } from './clientMetadata';
export type { TopicView } from './clientMetadata';
export type {
  ClientRequest,
  ClientTransport,
  ResponseOf,
  WireRequest,
  WireResponse,
} from './transport';
