/**
 * Topic name rules (clients `org.apache.kafka.common.internals.Topic.validate`), with Kafka's
 * messages. https://kafka.apache.org/39/documentation.html#topicconfigs
 */
import { KafkaError } from '../protocol/errors';

/** Longest legal topic name, characters. */
export const maxTopicNameLength = 249;

/** Throws Kafka's InvalidTopicException text when `name` is not a legal topic name. */
export function validateTopicName(name: string): void {
  const invalid = (why: string) =>
    new KafkaError('INVALID_TOPIC_EXCEPTION', `Topic name is invalid: ${why}`);
  if (name.length === 0) throw invalid('the empty string is not allowed');
  if (name === '.') throw invalid("'.' is not allowed");
  if (name === '..') throw invalid("'..' is not allowed");
  if (name.length > maxTopicNameLength)
    throw invalid(
      `the length of '${name}' is longer than the max allowed length ${maxTopicNameLength}`,
    );
  if (!/^[a-zA-Z0-9._-]+$/.test(name))
    throw invalid(
      `'${name}' contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'`,
    );
}

/** True when the name has a '.' or '_' that could collide in metric names (kafka-topics warns). */
export function hasCollisionChars(name: string): boolean {
  return name.includes('.') || name.includes('_');
}
