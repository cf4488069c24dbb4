import { KafkaError } from '../protocol/errors';
import { BuiltInPartitioner } from './builtInPartitioner';
import type { BuiltInPartitionerOptions } from './builtInPartitioner';
import { RoundRobinPartitioner } from './roundRobinPartitioner';
import type { Partitioner, PartitionerRng } from './types';

const ROUND_ROBIN_NAMES: ReadonlySet<string> = new Set([
  'org.apache.kafka.clients.producer.RoundRobinPartitioner',
  'RoundRobinPartitioner',
]);

/**
 * The partitioner for a producer's `partitioner.class` config: unset (or empty) gives the built-in
 * sticky partitioner (KIP-794); `org.apache.kafka.clients.producer.RoundRobinPartitioner` (or its
 * simple name) gives {@link RoundRobinPartitioner}. Any other class fails as Kafka's config
 * validation does, with `INVALID_CONFIG`.
 * https://kafka.apache.org/39/documentation.html#producerconfigs_partitioner.class
 *
 * @param className the `partitioner.class` value
 * @param rng the producer's random stream (used by the built-in partitioner only)
 * @param options `batch.size` and related producer configs for the built-in partitioner
 */
export function createPartitioner(
  className: string | undefined,
  rng: PartitionerRng,
  options?: BuiltInPartitionerOptions,
): Partitioner {
  const name = className?.trim() ?? '';
  if (name === '') return new BuiltInPartitioner(rng, options);
  if (ROUND_ROBIN_NAMES.has(name)) return new RoundRobinPartitioner();
  throw new KafkaError(
    'INVALID_CONFIG',
    `Invalid value ${name} for configuration partitioner.class: Class ${name} could not be found.`,
  );
}
