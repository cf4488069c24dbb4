/**
 * Committing offsets and reading them back: OffsetCommit with the member's generation for a
 * group-managed consumer, or a "simple" commit (generation -1, no member id) for a manually
 * assigned one; commitSync retries retriable errors until `default.api.timeout.ms`, commitAsync
 * tries once. OffsetFetch for `committed()`.
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/consumer/internals/ConsumerCoordinator.java
 */
import type { GroupMember } from '../groups/memberClient';
import type {
  FetchedOffset,
  OffsetCommitPartition,
  OffsetCommitResponse,
  OffsetFetchRequest,
  TopicPartitionRef,
} from '../groups/protocol';
import type { KafkaErrorName } from '../protocol/errors';
import { kafkaErrors } from '../protocol/errors';
import type { ConsumerConfig } from './consumerConfig';
import type { CoordinatorClient } from './coordinatorClient';
import type { ClientTransport } from './transport';

/** `OffsetCommitCallback`: `error` is null when every partition was committed. */
export type CommitCallback = (
  error: KafkaErrorName | null,
  offsets: OffsetCommitPartition[],
) => void;

/** Commits and fetches one consumer's offsets through its group coordinator. */
export class OffsetCommitter {
  constructor(
    private readonly transport: ClientTransport,
    private readonly coordinator: CoordinatorClient,
    private readonly config: ConsumerConfig & { groupId: string },
    /** The group member when the consumer uses `subscribe`, null with `assign`. */
    private readonly member: () => GroupMember | null,
  ) {}

  /**
   * Commits `offsets` (the next offsets to consume).
   * @param retry true for commitSync: retriable errors are retried until `default.api.timeout.ms`
   */
  commit(offsets: OffsetCommitPartition[], retry: boolean, cb: CommitCallback = () => {}): void {
    const deadline = this.transport.now() + this.config.defaultApiTimeoutMs;
    let attempt = 0;
    const send = (): void => {
      const handle = (response: OffsetCommitResponse): void => {
        const error = response.partitions.find((p) => p.error !== 'NONE')?.error ?? null;
        const backoff = this.config.retryBackoffMs * 2 ** Math.min(attempt++, 3);
        const wait = Math.min(backoff, this.config.retryBackoffMaxMs);
        if (
          error !== null &&
          retry &&
          kafkaErrors[error].retriable &&
          this.transport.now() + wait < deadline
        ) {
          this.transport.schedule(wait, send);
          return;
        }
        this.transport.emit('consumer.committed', {
          clientId: this.transport.clientId,
          groupId: this.config.groupId,
          offsets,
          error,
        });
        cb(error, offsets);
      };
      const member = this.member();
      if (member !== null) {
        member.commitOffsets(offsets, handle);
      } else {
        this.coordinator.send(
          {
            api: 'OffsetCommit',
            groupId: this.config.groupId,
            generationId: -1,
            memberId: '',
            offsets,
          },
          handle,
        );
      }
    };
    if (offsets.length === 0) {
      this.transport.schedule(0, () => cb(null, offsets));
      return;
    }
    send();
  }

  /** OffsetFetch: the committed offsets of `partitions` (offset -1 when none). */
  fetch(
    partitions: TopicPartitionRef[],
    cb: (error: KafkaErrorName | null, offsets: FetchedOffset[]) => void,
  ): void {
    const request: OffsetFetchRequest = {
      api: 'OffsetFetch',
      groupId: this.config.groupId,
      partitions,
    };
    this.coordinator.send(request, (response) =>
      cb(response.error === 'NONE' ? null : response.error, response.partitions),
    );
  }
}
