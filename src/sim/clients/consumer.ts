/**
 * The simulated `KafkaConsumer` (classic group protocol). `poll()` never blocks: it drives group
 * membership (GroupMember.poll), auto-commits every `auto.commit.interval.ms`, and returns what the
 * background fetcher has buffered, up to `max.poll.records`. Fetching, position resolution and
 * coordinator discovery run on virtual-time callbacks between polls.
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/consumer/internals/LegacyKafkaConsumer.java
 */
import type { GroupMember } from '../groups/memberClient';
import type { FetchedOffset, OffsetCommitPartition, TopicPartitionRef } from '../groups/protocol';
import type { LogRecord } from '../log/record';
import type { KafkaErrorName } from '../protocol/errors';
import { ClientMetadata } from './clientMetadata';
import { parseConsumerConfig } from './consumerConfig';
import type { ConsumerConfig } from './consumerConfig';
import {
  IllegalStateException,
  InvalidGroupIdException,
  NoOffsetForPartitionException,
} from './consumerErrors';
import { CoordinatorClient } from './coordinatorClient';
import { Fetcher } from './fetcher';
import { createGroupMember } from './groupMembership';
import { NetworkClient } from './networkClient';
import type { CommitCallback } from './offsetCommitter';
import { OffsetCommitter } from './offsetCommitter';
import { OffsetFetcher } from './offsetFetcher';
import { SubscriptionState, tpKey } from './subscriptionState';
import type { TopicPartitionState } from './subscriptionState';
import type { ClientTransport } from './transport';

/** Kafka's `ConsumerRebalanceListener`; every callback is optional. */
export interface ConsumerRebalanceListener {
  onPartitionsRevoked?(partitions: TopicPartitionRef[]): void;
  onPartitionsAssigned?(partitions: TopicPartitionRef[]): void;
  /** Defaults to `onPartitionsRevoked`, as in Kafka. */
  onPartitionsLost?(partitions: TopicPartitionRef[]): void;
}

/** An offset to commit: the next offset to consume of a partition. */
export type CommitOffset = OffsetCommitPartition;

/** A consumer client. Create one per `ClientTransport`. */
export class Consumer {
  /** The effective configuration (Kafka defaults applied). */
  readonly config: ConsumerConfig;
  /** The consumer's metadata cache. */
  readonly metadata: ClientMetadata;
  private readonly net: NetworkClient;
  private readonly subscriptions: SubscriptionState;
  private readonly fetcher: Fetcher;
  private readonly offsets: OffsetFetcher;
  private readonly coordinator: CoordinatorClient | null = null;
  private readonly committer: OffsetCommitter | null = null;
  private member: GroupMember | null = null;
  private listener: ConsumerRebalanceListener = {};
  private pendingError: Error | null = null;
  private nextAutoCommitMs: number;
  private closing = false;
  private closed = false;

  /**
   * @param props consumer properties by Kafka name (`group.id`, `auto.offset.reset`, …)
   * @throws ConfigException for invalid values, with Kafka's message
   */
  constructor(
    private readonly transport: ClientTransport,
    props: Readonly<Record<string, string>> = {},
  ) {
    this.config = parseConsumerConfig(props);
    const c = this.config;
    this.net = new NetworkClient(
      transport,
      `[Consumer ${c.groupInstanceId !== null ? `instanceId=${c.groupInstanceId}, ` : ''}clientId=${transport.clientId}, groupId=${c.groupId ?? 'null'}] `,
    );
    this.metadata = new ClientMetadata(this.net, {
      allowAutoTopicCreation: c.allowAutoCreateTopics,
      metadataMaxAgeMs: c.metadataMaxAgeMs,
      retryBackoffMs: c.retryBackoffMs,
      retryBackoffMaxMs: c.retryBackoffMaxMs,
      requestTimeoutMs: c.requestTimeoutMs,
    });
    this.subscriptions = new SubscriptionState(c.autoOffsetReset);
    const raise = (error: Error) => {
      this.pendingError ??= error;
    };
    const groupId = c.groupId;
    if (groupId !== null) {
      const coordinator = new CoordinatorClient(
        this.net,
        this.metadata,
        groupId,
        c.requestTimeoutMs,
        c.retryBackoffMs,
        c.retryBackoffMaxMs,
      );
      this.coordinator = coordinator;
      this.committer = new OffsetCommitter(transport, coordinator, { ...c, groupId }, () =>
        this.subscriptions.type === 'AUTO_TOPICS' ? this.member : null,
      );
    }
    this.fetcher = new Fetcher(
      this.net,
      this.metadata,
      this.subscriptions,
      c,
      () => this.progress(),
      raise,
    );
    this.offsets = new OffsetFetcher(
      this.net,
      this.metadata,
      this.subscriptions,
      c,
      this.coordinator === null
        ? null
        : (partitions, cb) =>
            this.coordinator!.send({ api: 'OffsetFetch', groupId: groupId!, partitions }, cb),
      () => this.fetcher.sendFetches(),
    );
    this.metadata.onUpdate(() => this.progress());
    this.nextAutoCommitMs = transport.now() + c.autoCommitIntervalMs;
  }

  /**
   * Subscribes to `topics` with group management (`KafkaConsumer.subscribe`): the group's
   * assignor decides the partitions, on the next polls.
   * @throws InvalidGroupIdException without `group.id`
   */
  subscribe(topics: readonly string[], listener: ConsumerRebalanceListener = {}): void {
    this.ensureOpen();
    if (this.coordinator === null) throw new InvalidGroupIdException();
    if (topics.length === 0) {
      this.unsubscribe();
      return;
    }
    this.subscriptions.subscribe(topics);
    this.listener = listener;
    this.metadata.setTopics(this.subscriptions.topicsOfInterest());
    this.member ??= createGroupMember(this.config, this.transport, this.coordinator, {
      subscription: () => this.subscriptions.subscription(),
      partitionCount: (topic) => this.metadata.topic(topic)?.partitionCount,
      onAssignmentChange: (kind, partitions) => this.onAssignmentChange(kind, partitions),
      onFatalError: (error) => {
        this.pendingError ??= error;
      },
    });
  }

  /** Assigns partitions manually (`KafkaConsumer.assign`): no group membership. */
  assign(partitions: readonly TopicPartitionRef[]): void {
    this.ensureOpen();
    if (this.config.enableAutoCommit && this.committer !== null) this.autoCommit();
    this.subscriptions.assignFromUser(partitions);
    this.metadata.setTopics(this.subscriptions.topicsOfInterest());
    this.fetcher.dropStale();
    this.progress();
  }

  /** Leaves the group and drops every subscription and assignment (`KafkaConsumer.unsubscribe`). */
  unsubscribe(): void {
    this.ensureOpen();
    if (this.member !== null) {
      this.member.close();
      this.member = null;
    }
    this.subscriptions.unsubscribe();
    this.metadata.setTopics([]);
    this.fetcher.dropStale();
  }

  /**
   * Returns buffered records, at most `max.poll.records`, and advances positions past them.
   * Never blocks: the first polls of a new consumer return nothing while it joins and fetches.
   * @throws the error of a previous background step (NoOffsetForPartitionException,
   *   OffsetOutOfRangeException with `auto.offset.reset=none`, a fatal group error)
   */
  poll(): LogRecord[] {
    this.ensureOpen();
    if (this.subscriptions.type === 'NONE') {
      throw new IllegalStateException(
        'Consumer is not subscribed to any topics or assigned any partitions',
      );
    }
    this.throwPending();
    if (this.member !== null && this.metadata.updateVersion > 0) this.member.poll();
    this.maybeAutoCommit();
    const undefinedPositions = this.offsets.resolve();
    if (undefinedPositions.length > 0) throw new NoOffsetForPartitionException(undefinedPositions);
    const records = this.fetcher.collect(this.config.maxPollRecords);
    this.fetcher.sendFetches();
    if (records.length === 0) this.throwPending();
    return records;
  }

  /** Partitions currently assigned (`KafkaConsumer.assignment`). */
  assignment(): TopicPartitionRef[] {
    return this.subscriptions.assignment();
  }

  /** Subscribed topics (`KafkaConsumer.subscription`). */
  subscription(): string[] {
    return this.subscriptions.subscription();
  }

  /** The next offset `poll()` returns for `tp`, null until it is resolved. */
  position(tp: TopicPartitionRef): number | null {
    return this.assigned(tp).position;
  }

  /** `currentLag`: high watermark − position, null before both are known. */
  lag(tp: TopicPartitionRef): number | null {
    const s = this.assigned(tp);
    return s.position === null || s.highWatermark === null ? null : s.highWatermark - s.position;
  }

  /** High watermark from the last fetch of `tp`, null before one. */
  highWatermark(tp: TopicPartitionRef): number | null {
    return this.assigned(tp).highWatermark;
  }

  /** Sets the next offset to fetch (`KafkaConsumer.seek`). */
  seek(tp: TopicPartitionRef, offset: number): void {
    this.ensureOpen();
    if (offset < 0) throw new Error(`seek offset must not be a negative number`);
    this.subscriptions.seek(this.assigned(tp), offset);
    this.fetcher.dropStale();
    this.fetcher.sendFetches();
  }

  /** Resets to the log start offset (`seekToBeginning`), all assigned partitions by default. */
  seekToBeginning(partitions?: readonly TopicPartitionRef[]): void {
    this.seekTo('earliest', partitions);
  }

  /** Resets to the log end offset (`seekToEnd`), all assigned partitions by default. */
  seekToEnd(partitions?: readonly TopicPartitionRef[]): void {
    this.seekTo('latest', partitions);
  }

  /** Stops returning records of `partitions` (their buffered data is kept). */
  pause(partitions: readonly TopicPartitionRef[]): void {
    for (const tp of partitions) this.assigned(tp).paused = true;
  }

  /** Undoes {@link Consumer.pause}. */
  resume(partitions: readonly TopicPartitionRef[]): void {
    for (const tp of partitions) this.assigned(tp).paused = false;
    this.fetcher.sendFetches();
  }

  /** Paused partitions. */
  paused(): TopicPartitionRef[] {
    return [...this.subscriptions.states()]
      .filter((s) => s.paused)
      .map((s) => ({ topic: s.topic, partition: s.partition }));
  }

  /**
   * The group's committed offsets of `partitions` (OffsetFetch; offset -1 when none).
   * @throws InvalidGroupIdException without `group.id`
   */
  committed(
    partitions: readonly TopicPartitionRef[],
    cb: (error: KafkaErrorName | null, offsets: FetchedOffset[]) => void,
  ): void {
    this.ensureOpen();
    if (this.committer === null) throw new InvalidGroupIdException();
    this.committer.fetch([...partitions], cb);
  }

  /**
   * Commits `offsets` (default: the positions of all assigned partitions), retrying retriable
   * errors until `default.api.timeout.ms` (`commitSync`; asynchronous in the simulation).
   */
  commitSync(offsets?: readonly CommitOffset[], cb?: CommitCallback): void {
    this.commit(offsets, true, cb);
  }

  /** Commits once, without retries (`commitAsync`). */
  commitAsync(offsets?: readonly CommitOffset[], cb?: CommitCallback): void {
    this.commit(offsets, false, cb);
  }

  /** The group membership, null without `subscribe` (for snapshots and the UI). */
  get groupMember(): GroupMember | null {
    return this.member;
  }

  /**
   * Closes the consumer (`KafkaConsumer.close`): commits the positions with auto-commit, revokes
   * the partitions, leaves the group, then calls `cb`.
   */
  close(cb: () => void = () => {}): void {
    if (this.closed || this.closing) {
      this.transport.schedule(0, cb);
      return;
    }
    this.closing = true;
    const finish = () => {
      this.member?.close();
      this.member = null;
      this.closed = true;
      this.fetcher.close();
      this.offsets.close();
      this.coordinator?.close();
      this.metadata.close();
      this.transport.emit('consumer.closed', { clientId: this.transport.clientId });
      cb();
    };
    const offsets = this.subscriptions.allConsumed();
    if (this.config.enableAutoCommit && this.committer !== null && offsets.length > 0) {
      this.committer.commit(offsets, true, () => finish());
    } else {
      this.transport.schedule(0, finish);
    }
  }

  private commit(
    offsets: readonly CommitOffset[] | undefined,
    retry: boolean,
    cb: CommitCallback | undefined,
  ): void {
    this.ensureOpen();
    if (this.committer === null) throw new InvalidGroupIdException();
    this.committer.commit([...(offsets ?? this.subscriptions.allConsumed())], retry, cb);
  }

  /** `maybeAutoCommitOffsetsAsync`: every `auto.commit.interval.ms`, from poll(). */
  private maybeAutoCommit(): void {
    if (!this.config.enableAutoCommit || this.committer === null) return;
    const now = this.transport.now();
    if (now < this.nextAutoCommitMs) return;
    this.nextAutoCommitMs = now + this.config.autoCommitIntervalMs;
    this.autoCommit();
  }

  private autoCommit(): void {
    const offsets = this.subscriptions.allConsumed();
    if (offsets.length > 0) this.committer!.commit(offsets, false);
  }

  /** After metadata, fetch or reset progress: resolve positions and keep fetching. */
  private progress(): void {
    if (this.closed) return;
    this.offsets.resolve();
    this.fetcher.sendFetches();
  }

  /**
   * A rebalance callback from the group: with auto-commit, positions are committed before
   * partitions are revoked (`ConsumerCoordinator.onJoinPrepare`); then the user's listener runs
   * and the assignment follows the member's.
   */
  private onAssignmentChange(
    kind: 'assigned' | 'revoked' | 'lost',
    partitions: TopicPartitionRef[],
  ): void {
    const member = this.member;
    if (kind === 'revoked' && this.config.enableAutoCommit && !this.closing) this.autoCommit();
    const l = this.listener;
    if (kind === 'assigned') l.onPartitionsAssigned?.(partitions);
    else if (kind === 'revoked') l.onPartitionsRevoked?.(partitions);
    else (l.onPartitionsLost ?? l.onPartitionsRevoked)?.call(l, partitions);
    if (member === null) return;
    this.subscriptions.assignFromSubscribed(member.assignment);
    this.metadata.setTopics(this.subscriptions.topicsOfInterest());
    this.fetcher.dropStale();
    this.progress();
  }

  private seekTo(strategy: 'earliest' | 'latest', partitions?: readonly TopicPartitionRef[]): void {
    this.ensureOpen();
    const states =
      partitions === undefined
        ? [...this.subscriptions.states()]
        : partitions.map((tp) => this.assigned(tp));
    for (const s of states) this.subscriptions.requestReset(s, strategy);
    this.fetcher.dropStale();
    this.offsets.resolve();
  }

  private assigned(tp: TopicPartitionRef): TopicPartitionState {
    const s = this.subscriptions.state(tp.topic, tp.partition);
    if (s === undefined) {
      throw new IllegalStateException(
        `No current assignment for partition ${tpKey(tp.topic, tp.partition)}`,
      );
    }
    return s;
  }

  private ensureOpen(): void {
    if (this.closed || this.closing)
      throw new IllegalStateException('This consumer has already been closed.');
  }

  private throwPending(): void {
    const error = this.pendingError;
    if (error === null) return;
    this.pendingError = null;
    throw error;
  }
}
