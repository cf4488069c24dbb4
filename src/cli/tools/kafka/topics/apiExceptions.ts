/**
 * The engine answers admin requests with Kafka's protocol error names (`TOPIC_ALREADY_EXISTS:
 * Topic 'orders' already exists.`); the admin client turns each into the ApiException that
 * `Errors.exception(message)` builds (clients/src/main/java/org/apache/kafka/common/protocol/Errors.java).
 * ApiExceptions carry no stack frames (`ApiException.fillInStackTrace` returns `this`).
 */
import type { JavaThrowable } from './javaThrowable';
import { javaThrowable } from './javaThrowable';

const ERRORS_PACKAGE = 'org.apache.kafka.common.errors.';

/** Protocol error names whose exception class is not the name in PascalCase + `Exception`. */
const EXCEPTION_CLASSES: Record<string, string> = {
  TOPIC_ALREADY_EXISTS: 'TopicExistsException',
  INVALID_TOPIC_EXCEPTION: 'InvalidTopicException',
  INVALID_CONFIG: 'InvalidConfigurationException',
  REQUEST_TIMED_OUT: 'TimeoutException',
  KAFKA_STORAGE_ERROR: 'KafkaStorageException',
  NETWORK_EXCEPTION: 'NetworkException',
  UNKNOWN_SERVER_ERROR: 'UnknownServerException',
};

/** The simple class name `Errors.NAME.exception()` has, e.g. `InvalidPartitionsException`. */
export function exceptionClassFor(errorName: string): string {
  const known = EXCEPTION_CLASSES[errorName];
  if (known) return known;
  const pascal = errorName
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
  return `${pascal}Exception`;
}

/** An ApiException of `org.apache.kafka.common.errors` (no frames). */
export function apiException(simpleClassName: string, message: string): JavaThrowable {
  return javaThrowable(ERRORS_PACKAGE + simpleClassName, message);
}

/**
 * The exception the admin client completes a future with, from the engine's result text: either
 * `ERROR_NAME: message` or an already qualified `org.apache.kafka.common.errors.X: message`.
 */
export function exceptionFromEngine(error: string): JavaThrowable {
  const sep = error.indexOf(': ');
  const head = sep < 0 ? error : error.slice(0, sep);
  const message = sep < 0 ? '' : error.slice(sep + 2);
  if (head.includes('.')) return javaThrowable(head, message);
  return apiException(exceptionClassFor(head), message);
}

/** `TimeoutException` the admin client fails a call with when no node could take it. */
export function nodeAssignmentTimeout(callName: string): JavaThrowable {
  return apiException(
    'TimeoutException',
    `Timed out waiting for a node assignment. Call: ${callName}`,
  );
}
