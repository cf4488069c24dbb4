/**
 * The client ↔ broker requests of Kafka's wire protocol that the simulation models, as plain data.
 * Names and fields follow https://kafka.apache.org/protocol (Produce v9, Fetch v13, Metadata v12,
 * ListOffsets v7, FindCoordinator v4, InitProducerId v4, ApiVersions v4). Errors are Kafka error
 * names.
 */
import type { ProducerBatchData, RecordBatch } from '../log/record';
import type { ApiVersion } from './apiKeys';
import type { KafkaErrorName } from './errors';

/** `acks`: 0 = no response, 1 = leader append, -1 = all in-sync replicas (`acks=all`). */
export type Acks = 0 | 1 | -1;

export interface ProduceRequest {
  kind: 'Produce';
  clientId: string;
  acks: Acks;
  /** How long the leader waits for the ISR with acks=all (`request.timeout.ms`), ms. */
  timeoutMs: number;
  batches: { topic: string; partition: number; batch: ProducerBatchData }[];
}

export interface ProducePartitionResponse {
  topic: string;
  partition: number;
  error: KafkaErrorName;
  /** Offset of the batch's first record, -1 on error. */
  baseOffset: number;
  logAppendTimeMs: number;
  logStartOffset: number;
}

export interface ProduceResponse {
  kind: 'Produce';
  responses: ProducePartitionResponse[];
}

export interface FetchPartitionRequest {
  topic: string;
  partition: number;
  fetchOffset: number;
  /** The fetcher's view of the leader epoch (KIP-320); -1 when unknown. */
  currentLeaderEpoch: number;
  /** Epoch of the last batch the follower holds (KIP-595 divergence check); -1 for consumers. */
  lastFetchedEpoch: number;
  /** `max.partition.fetch.bytes` / `replica.fetch.max.bytes`. */
  partitionMaxBytes: number;
}

export interface FetchRequest {
  kind: 'Fetch';
  clientId: string;
  /** Follower broker id for replica fetches; -1 for consumers. */
  replicaId: number;
  /** `fetch.max.wait.ms` / `replica.fetch.wait.max.ms`: long-poll budget, ms. */
  maxWaitMs: number;
  /** `fetch.min.bytes`. */
  minBytes: number;
  maxBytes: number;
  isolationLevel: 'read_uncommitted' | 'read_committed';
  partitions: FetchPartitionRequest[];
}

export interface FetchPartitionResponse {
  topic: string;
  partition: number;
  error: KafkaErrorName;
  highWatermark: number;
  /** Last stable offset; equals the high watermark (no transactions are simulated). */
  lastStableOffset: number;
  logStartOffset: number;
  /** Set when the follower's log diverged from the leader's (KIP-595): truncate to this. */
  divergingEpoch?: { epoch: number; endOffset: number };
  /** Whole batches; the reader skips records below its fetch offset. */
  batches: RecordBatch[];
}

export interface FetchResponse {
  kind: 'Fetch';
  error: KafkaErrorName;
  partitions: FetchPartitionResponse[];
}

export interface MetadataRequest {
  kind: 'Metadata';
  clientId: string;
  /** null = all topics. */
  topics: string[] | null;
  /** Whether the broker may auto-create missing topics (`allow.auto.create.topics`). */
  allowAutoTopicCreation: boolean;
}

export interface PartitionMetadata {
  partition: number;
  error: KafkaErrorName;
  /** -1 when there is no leader. */
  leaderId: number;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
}

export interface TopicMetadata {
  name: string;
  topicId: string;
  error: KafkaErrorName;
  isInternal: boolean;
  partitions: PartitionMetadata[];
}

export interface BrokerEndpoint {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

export interface MetadataResponse {
  kind: 'Metadata';
  brokers: BrokerEndpoint[];
  clusterId: string;
  controllerId: number;
  topics: TopicMetadata[];
}

export interface ListOffsetsRequest {
  kind: 'ListOffsets';
  clientId: string;
  isolationLevel: 'read_uncommitted' | 'read_committed';
  /** timestamp: -2 = earliest, -1 = latest, -3 = max timestamp, otherwise epoch ms (KIP-734). */
  partitions: { topic: string; partition: number; timestamp: number; currentLeaderEpoch: number }[];
}

export interface ListOffsetsResponse {
  kind: 'ListOffsets';
  partitions: {
    topic: string;
    partition: number;
    error: KafkaErrorName;
    timestamp: number;
    /** -1 when no record has a timestamp ≥ the one asked for. */
    offset: number;
    leaderEpoch: number;
  }[];
}

export interface FindCoordinatorRequest {
  kind: 'FindCoordinator';
  clientId: string;
  keyType: 'group' | 'transaction';
  key: string;
}

export interface FindCoordinatorResponse {
  kind: 'FindCoordinator';
  error: KafkaErrorName;
  nodeId: number;
  host: string;
  port: number;
}

export interface InitProducerIdRequest {
  kind: 'InitProducerId';
  clientId: string;
}

export interface InitProducerIdResponse {
  kind: 'InitProducerId';
  error: KafkaErrorName;
  producerId: number;
  producerEpoch: number;
}

/** Which APIs and versions does the broker support (KIP-35; v3+ name the client, KIP-511). */
export interface ApiVersionsRequest {
  kind: 'ApiVersions';
  clientId: string;
}

/** The APIs and version ranges the broker supports (KIP-35), as `ApiVersionsResponseData`. */
export interface ApiVersionsResponse {
  kind: 'ApiVersions';
  error: KafkaErrorName;
  apiKeys: ApiVersion[];
}
