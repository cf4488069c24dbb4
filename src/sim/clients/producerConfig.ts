/**
 * Producer configs the simulated producer honours, parsed from Kafka property names with Kafka 3.9
 * defaults and validation (`ProducerConfig.postProcessAndValidateIdempotenceConfigs`,
 * `KafkaProducer.configureDeliveryTimeout`).
 * https://kafka.apache.org/39/documentation.html#producerconfigs
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/producer/ProducerConfig.java
 */
import type { Acks } from '../protocol/messages';
import { ConfigException, ConfigReader, INT_MAX } from './configReader';

/** A producer's effective configuration. */
export interface ProducerConfig {
  /** `acks` (default `all` = -1): 0, 1 or -1. */
  acks: Acks;
  /** `linger.ms` (default 0 in 3.9): how long a batch waits for more records, ms. */
  lingerMs: number;
  /** `batch.size` (default 16384): bytes at which a batch is full. */
  batchSize: number;
  /** `retries` (default 2147483647). */
  retries: number;
  /** `delivery.timeout.ms` (default 120000): upper bound from send() to the callback, ms. */
  deliveryTimeoutMs: number;
  /** `request.timeout.ms` (default 30000), ms. */
  requestTimeoutMs: number;
  /** `retry.backoff.ms` (default 100), ms. */
  retryBackoffMs: number;
  /** `retry.backoff.max.ms` (default 1000), ms. */
  retryBackoffMaxMs: number;
  /** `max.in.flight.requests.per.connection` (default 5). */
  maxInFlightRequestsPerConnection: number;
  /** `enable.idempotence` (default true; silently off when conflicting configs were not set explicitly). */
  enableIdempotence: boolean;
  /** `metadata.max.age.ms` (default 300000), ms. */
  metadataMaxAgeMs: number;
  /** `max.block.ms` (default 60000): how long a record may wait for its topic's metadata, ms. */
  maxBlockMs: number;
  /** `max.request.size` (default 1048576): bytes per Produce request (and per record). */
  maxRequestSize: number;
  /** `partitioner.class` (default unset = built-in sticky partitioner). */
  partitionerClass: string;
  /** `partitioner.ignore.keys` (default false). */
  partitionerIgnoreKeys: boolean;
  /** `partitioner.adaptive.partitioning.enable` (default true). */
  partitionerAdaptivePartitioningEnable: boolean;
}

/** Parses `acks`: `all`, `-1`, `1` or `0` (`KafkaProducer.parseAcks`). */
export function parseAcks(value: string): Acks {
  const v = value.trim().toLowerCase();
  if (v === 'all' || v === '-1') return -1;
  if (v === '1') return 1;
  if (v === '0') return 0;
  throw new ConfigException(
    `Invalid value ${value} for configuration acks: String must be one of: all, -1, 0, 1`,
  );
}

/**
 * Reads producer properties.
 * @throws ConfigException with Kafka's message for invalid values or conflicting idempotence settings
 */
export function parseProducerConfig(props: Readonly<Record<string, string>>): ProducerConfig {
  const c = new ConfigReader(props);
  const acks = c.has('acks') ? parseAcks(props['acks']!) : -1;
  const retries = c.int('retries', INT_MAX, 0);
  const maxInFlight = c.int('max.in.flight.requests.per.connection', 5, 1);
  const idempotenceSet = c.has('enable.idempotence');
  let enableIdempotence = c.bool('enable.idempotence', true);
  if (enableIdempotence) {
    const conflict =
      maxInFlight > 5
        ? 'Must set max.in.flight.requests.per.connection to at most 5 to use the idempotent producer.'
        : retries === 0
          ? 'Must set retries to non-zero when using the idempotent producer.'
          : acks !== -1
            ? 'Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.'
            : null;
    if (conflict !== null) {
      if (idempotenceSet) throw new ConfigException(conflict);
      enableIdempotence = false;
    }
  }
  const lingerMs = c.int('linger.ms', 0, 0, 'LONG');
  const requestTimeoutMs = c.int('request.timeout.ms', 30000, 0);
  let deliveryTimeoutMs = c.int('delivery.timeout.ms', 120000, 0);
  if (deliveryTimeoutMs < lingerMs + requestTimeoutMs) {
    if (c.has('delivery.timeout.ms')) {
      throw new ConfigException(
        'delivery.timeout.ms should be equal to or larger than linger.ms + request.timeout.ms',
      );
    }
    deliveryTimeoutMs = lingerMs + requestTimeoutMs;
  }
  return {
    acks,
    lingerMs,
    batchSize: c.int('batch.size', 16384, 0),
    retries,
    deliveryTimeoutMs,
    requestTimeoutMs,
    retryBackoffMs: c.int('retry.backoff.ms', 100, 0, 'LONG'),
    retryBackoffMaxMs: c.int('retry.backoff.max.ms', 1000, 0, 'LONG'),
    maxInFlightRequestsPerConnection: maxInFlight,
    enableIdempotence,
    metadataMaxAgeMs: c.int('metadata.max.age.ms', 300000, 0, 'LONG'),
    maxBlockMs: c.int('max.block.ms', 60000, 0, 'LONG'),
    maxRequestSize: c.int('max.request.size', 1048576, 0),
    partitionerClass: c.string('partitioner.class', ''),
    partitionerIgnoreKeys: c.bool('partitioner.ignore.keys', false),
    partitionerAdaptivePartitioningEnable: c.bool('partitioner.adaptive.partitioning.enable', true),
  };
}
