/**
 * Wiring a consumer into group management: a {@link GroupMember} (join/sync/heartbeat, the
 * assignors of `partition.assignment.strategy`) whose requests go to the group coordinator
 * through the consumer's {@link CoordinatorClient}, and whose NOT_COORDINATOR / lost-connection
 * errors trigger a rediscovery (`ConsumerCoordinator` in the Java client).
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/consumer/internals/ConsumerCoordinator.java
 */
import { assignors } from '../assignors';
import { GroupMember } from '../groups/memberClient';
import type { TopicPartitionRef } from '../groups/protocol';
import { KafkaError } from '../protocol/errors';
import type { ConsumerConfig } from './consumerConfig';
import type { CoordinatorClient } from './coordinatorClient';
import type { ClientTransport } from './transport';

/** What the member needs from its consumer. */
export interface MembershipHooks {
  /** Subscribed topics. */
  subscription(): string[];
  /** Partition count from the consumer's metadata, undefined while unknown. */
  partitionCount(topic: string): number | undefined;
  /** A ConsumerRebalanceListener callback; the member's `assignment` is already updated. */
  onAssignmentChange(kind: 'assigned' | 'revoked' | 'lost', partitions: TopicPartitionRef[]): void;
  /** A fatal group error (e.g. FENCED_INSTANCE_ID) for poll() to throw. */
  onFatalError(error: KafkaError): void;
}

/** Creates the consumer's group member; the coordinator's rediscovery resumes it. */
export function createGroupMember(
  config: ConsumerConfig,
  transport: ClientTransport,
  coordinator: CoordinatorClient,
  hooks: MembershipHooks,
): GroupMember {
  const member = new GroupMember(
    {
      groupId: config.groupId!,
      clientId: transport.clientId,
      ...(config.groupInstanceId !== null ? { groupInstanceId: config.groupInstanceId } : {}),
      sessionTimeoutMs: config.sessionTimeoutMs,
      heartbeatIntervalMs: config.heartbeatIntervalMs,
      maxPollIntervalMs: config.maxPollIntervalMs,
      assignors: config.partitionAssignmentStrategy.map((name) => assignors[name]),
      retryBackoffMs: config.retryBackoffMs,
    },
    {
      send: (request, onResponse) => coordinator.send(request, onResponse),
      now: () => transport.now(),
      schedule: (ms, fn) => transport.schedule(ms, fn),
      cancel: (id) => transport.cancel(id),
      emit: (type, fields) => transport.emit(type, fields),
      onPartitionsAssigned: (p) => hooks.onAssignmentChange('assigned', p),
      onPartitionsRevoked: (p) => hooks.onAssignmentChange('revoked', p),
      onPartitionsLost: (p) => hooks.onAssignmentChange('lost', p),
      getSubscription: () => hooks.subscription(),
      partitionsPerTopic: () => {
        const out: Record<string, number> = {};
        for (const topic of hooks.subscription()) {
          const count = hooks.partitionCount(topic);
          if (count !== undefined) out[topic] = count;
        }
        return out;
      },
      onCoordinatorUnknown: () => coordinator.markUnknown(),
      onFatalError: (error) =>
        hooks.onFatalError(new KafkaError(error === 'NONE' ? 'INVALID_REQUEST' : error)),
    },
  );
  coordinator.onDiscovered = () => member.coordinatorChanged();
  return member;
}
