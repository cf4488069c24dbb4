/**
 * The consumer side of the classic group protocol: clients/src/main/java/org/apache/kafka/clients/
 * consumer/internals/AbstractCoordinator.java and ConsumerCoordinator.java (Kafka 3.9). Join →
 * sync (the leader runs the selected assignor) → heartbeats; eager rebalances revoke everything
 * before joining, cooperative ones (KIP-429) revoke only what moves and rejoin at once.
 * Joins start from {@link GroupMember.poll}, as they start from KafkaConsumer.poll.
 */
import type { KafkaErrorName } from '../protocol/errors';
import type {
  JoinGroupResponse,
  OffsetCommitPartition,
  OffsetCommitResponse,
  OffsetFetchResponse,
  SyncGroupResponse,
  TopicPartitionRef,
} from './protocol';
import { CONSUMER_PROTOCOL_TYPE, NO_GENERATION, UNKNOWN_MEMBER_ID } from './protocol';
import { HeartbeatLoop } from './heartbeatLoop';
import { performAssignment } from './leaderAssignment';
import type { GroupMemberConfig, GroupMemberContext, MemberState } from './memberTypes';
import { rebalanceProtocolFor, type RebalanceProtocol } from './rebalanceProtocol';
import { reactionTo } from './memberErrors';
import { OwnedPartitions } from './ownedPartitions';
import { sameTopics } from './topicPartitions';

export type { GroupMemberConfig, GroupMemberContext, MemberState } from './memberTypes';

/** One consumer's membership in a classic group. */
export class GroupMember {
  memberId = UNKNOWN_MEMBER_ID;
  generationId = NO_GENERATION;
  protocolName?: string;
  state: MemberState = 'UNJOINED';
  isLeader = false;
  /** Set by a fatal error; the member does nothing more. */
  fatalError?: KafkaErrorName;
  closed = false;
  /** EAGER or COOPERATIVE, fixed by the configured assignors. */
  readonly rebalanceProtocol: RebalanceProtocol;
  private readonly owned: OwnedPartitions;
  private rejoinNeeded = true;
  private rejoinReason = 'initial join';
  private joining = false;
  private needsJoinPrepare = true;
  private waitingForCoordinator = false;
  private coordinatorKnown = true;
  private joinSeq = 0;
  private retryTimer?: number;
  private joinedTopics?: string[];
  /** Leader only: partition counts the last assignment was computed from (assignmentSnapshot). */
  private assignmentSnapshot?: { topics: string[]; key: string };
  private readonly heartbeat: HeartbeatLoop;

  constructor(
    readonly config: GroupMemberConfig,
    private readonly ctx: GroupMemberContext,
  ) {
    this.rebalanceProtocol = rebalanceProtocolFor(config.assignors);
    this.owned = new OwnedPartitions(ctx, (type, fields) =>
      this.emit(type, { generationId: this.generationId, ...fields }),
    );
    this.heartbeat = new HeartbeatLoop(config, ctx, {
      identity: () => ({
        memberId: this.memberId,
        generationId: this.generationId,
        state: this.state,
        coordinatorKnown: this.coordinatorKnown,
      }),
      requestRejoin: (reason) => this.requestRejoin(reason),
      resetGeneration: (reason, resetMemberId) =>
        this.resetStateAndGeneration(reason, resetMemberId),
      markCoordinatorUnknown: (reason) => this.markCoordinatorUnknown(reason),
      fail: (error) => this.fail(error),
      pollTimeout: () => this.maybeLeaveGroup('consumer poll timeout has expired.'),
    });
  }

  /** Partitions currently owned, sorted. */
  get assignment(): TopicPartitionRef[] {
    return this.owned.list;
  }

  /** True for a static member (`group.instance.id` set). */
  get isStatic(): boolean {
    return this.config.groupInstanceId !== undefined;
  }

  /** True while a rebalance is under way for this member. */
  get rebalanceInProgress(): boolean {
    return this.state === 'PREPARING_REBALANCE' || this.state === 'COMPLETING_REBALANCE';
  }

  /**
   * Called from the consumer's poll loop: resets the max.poll.interval.ms timer and starts a
   * (re)join when one is needed (ConsumerCoordinator.poll).
   */
  poll(): void {
    if (this.closed || this.fatalError) return;
    this.heartbeat.polled();
    if (this.joinedTopics && !sameTopics(this.joinedTopics, this.ctx.getSubscription()))
      this.requestRejoin('subscription changed');
    const snapshot = this.assignmentSnapshot;
    if (this.isLeader && snapshot && snapshot.key !== this.metadataKey(snapshot.topics))
      this.requestRejoin('cached metadata has changed');
    if (this.rejoinNeeded && !this.joining) this.joinGroupIfNeeded();
  }

  /** KafkaConsumer.enforceRebalance: rejoin on the next poll. */
  enforceRebalance(reason = 'rebalance enforced by user'): void {
    this.requestRejoin(reason);
  }

  /** The coordinator was rediscovered after NOT_COORDINATOR or a network error: resume. */
  coordinatorChanged(): void {
    if (this.closed || this.fatalError) return;
    this.coordinatorKnown = true;
    this.emit('consumer.coordinator.discovered', {});
    if (this.waitingForCoordinator) {
      this.waitingForCoordinator = false;
      this.joinGroupIfNeeded();
    }
    if (this.state === 'COMPLETING_REBALANCE' || this.state === 'STABLE') this.heartbeat.start(0);
  }

  /** KafkaConsumer.close: revoke (or lose) partitions, then LeaveGroup unless static. */
  close(): void {
    if (this.closed) return;
    this.owned.beforeLeave(
      this.generationId === NO_GENERATION ||
        this.memberId === UNKNOWN_MEMBER_ID ||
        this.rebalanceInProgress,
    );
    this.maybeLeaveGroup('the consumer is being closed');
    this.closed = true;
    this.stopAll();
  }

  /** Fault injection: the client process dies. Nothing is sent and no callback runs again. */
  crash(): void {
    this.closed = true;
    this.stopAll();
    this.emit('consumer.crashed', {});
  }

  /**
   * Commits offsets with this member's generation. Outside a Stable membership nothing is sent and
   * every partition fails locally: REBALANCE_IN_PROGRESS during a rebalance (Kafka's
   * RebalanceInProgressException), ILLEGAL_GENERATION otherwise (Kafka's CommitFailedException).
   */
  commitOffsets(
    offsets: OffsetCommitPartition[],
    cb: (response: OffsetCommitResponse) => void = () => {},
  ): void {
    if (this.state !== 'STABLE') {
      const error = this.rebalanceInProgress ? 'REBALANCE_IN_PROGRESS' : 'ILLEGAL_GENERATION';
      return cb({
        api: 'OffsetCommit',
        partitions: offsets.map((o) => ({ topic: o.topic, partition: o.partition, error })),
      });
    }
    const sent = { generationId: this.generationId, memberId: this.memberId };
    this.ctx.send(
      { api: 'OffsetCommit', groupId: this.config.groupId, ...sent, ...this.instanceId(), offsets },
      (response) => {
        const error = response.partitions.find((p) => p.error !== 'NONE')?.error;
        if (error && !this.closed) this.onMemberError(error, sent, 'OffsetCommit');
        cb(response);
      },
    );
  }

  /** OffsetFetch for `partitions` (all committed offsets when undefined). */
  fetchCommittedOffsets(
    partitions: TopicPartitionRef[] | undefined,
    cb: (response: OffsetFetchResponse) => void,
  ): void {
    this.ctx.send(
      { api: 'OffsetFetch', groupId: this.config.groupId, ...(partitions ? { partitions } : {}) },
      (response) => {
        if (reactionTo(response.error) === 'coordinator')
          this.markCoordinatorUnknown(`${response.error} from OffsetFetch`);
        cb(response);
      },
    );
  }

  // ---------------------------------------------------------------- join and sync

  private requestRejoin(reason: string): void {
    this.rejoinNeeded = true;
    this.rejoinReason = reason;
  }

  /** AbstractCoordinator.joinGroupIfNeeded, one step per response instead of a blocking loop. */
  private joinGroupIfNeeded(): void {
    if (this.closed || this.fatalError || !this.rejoinNeeded) {
      this.joining = false;
      return;
    }
    this.joining = true;
    if (!this.coordinatorKnown) {
      this.waitingForCoordinator = true;
      return;
    }
    if (this.needsJoinPrepare) {
      this.needsJoinPrepare = false;
      this.onJoinPrepare();
    }
    this.sendJoinGroup();
  }

  private sendJoinGroup(): void {
    this.state = 'PREPARING_REBALANCE';
    this.heartbeat.stop();
    const seq = ++this.joinSeq;
    const topics = [...this.ctx.getSubscription()].sort();
    this.joinedTopics = topics;
    const subscription = {
      topics,
      ownedPartitions: this.assignment,
      generation: this.generationId,
    };
    this.emit('consumer.group.joining', { reason: this.rejoinReason });
    this.ctx.send(
      {
        api: 'JoinGroup',
        groupId: this.config.groupId,
        memberId: this.memberId,
        ...this.instanceId(),
        clientId: this.config.clientId,
        sessionTimeoutMs: this.config.sessionTimeoutMs,
        rebalanceTimeoutMs: this.config.maxPollIntervalMs,
        protocolType: CONSUMER_PROTOCOL_TYPE,
        protocols: this.config.assignors.map((a) => ({ name: a.name, subscription })),
        reason: this.rejoinReason,
      },
      (response) => {
        if (seq === this.joinSeq && !this.closed) this.onJoinResponse(response);
      },
    );
  }

  private onJoinResponse(response: JoinGroupResponse): void {
    const { error } = response;
    if (error === 'NONE') {
      if (this.state !== 'PREPARING_REBALANCE') return this.retryJoin('backoff');
      this.state = 'COMPLETING_REBALANCE';
      this.memberId = response.memberId;
      this.generationId = response.generationId;
      this.protocolName = response.protocolName;
      this.heartbeat.start(this.config.heartbeatIntervalMs);
      const assignments = response.leader === this.memberId ? this.onLeaderElected(response) : {};
      if (assignments) this.sendSyncGroup(assignments);
      return;
    }
    if (error === 'MEMBER_ID_REQUIRED') {
      this.memberId = response.memberId;
      this.generationId = NO_GENERATION;
      this.requestRejoin('need to re-join with the given member-id');
    } else if (error === 'UNKNOWN_MEMBER_ID') {
      this.resetStateAndGeneration(`encountered ${error} from JoinGroup response`, true);
    }
    this.afterError(error, 'JoinGroup');
  }

  /** The leader runs the selected assignor over every member's subscription (performAssignment). */
  private onLeaderElected(
    response: JoinGroupResponse,
  ): Record<string, TopicPartitionRef[]> | undefined {
    this.isLeader = true;
    if (response.skipAssignment) return {};
    const result = performAssignment(
      this.config.assignors,
      this.rebalanceProtocol,
      response,
      this.ctx.partitionsPerTopic(),
    );
    if (!result) {
      this.fail('INCONSISTENT_GROUP_PROTOCOL');
      return undefined;
    }
    this.assignmentSnapshot = { topics: result.topics, key: this.metadataKey(result.topics) };
    this.emit('consumer.assignment.computed', {
      assignor: result.assignor,
      assignment: result.assignment,
    });
    return result.assignment;
  }

  private sendSyncGroup(assignments: Record<string, TopicPartitionRef[]>): void {
    const seq = this.joinSeq;
    const sent = { generationId: this.generationId, memberId: this.memberId };
    this.ctx.send(
      {
        api: 'SyncGroup',
        groupId: this.config.groupId,
        ...sent,
        ...this.instanceId(),
        protocolType: CONSUMER_PROTOCOL_TYPE,
        ...(this.protocolName !== undefined ? { protocolName: this.protocolName } : {}),
        assignments,
      },
      (response) => {
        if (seq === this.joinSeq && !this.closed) this.onSyncResponse(response, sent);
      },
    );
  }

  private onSyncResponse(
    response: SyncGroupResponse,
    sent: { generationId: number; memberId: string },
  ): void {
    const { error } = response;
    if (error === 'NONE') {
      const unchanged = sent.generationId === this.generationId && sent.memberId === this.memberId;
      if (!unchanged || this.state !== 'COMPLETING_REBALANCE') {
        this.requestRejoin('generation data was cleared before the SyncGroup response');
        return this.retryJoin('backoff');
      }
      this.state = 'STABLE';
      this.rejoinNeeded = false;
      this.onJoinComplete(response.assignment);
      this.needsJoinPrepare = true;
      this.joining = false;
      if (this.rejoinNeeded) this.joinGroupIfNeeded();
      return;
    }
    this.requestRejoin(`rebalance failed due to ${error} from SyncGroup`);
    if (error === 'UNKNOWN_MEMBER_ID' || error === 'ILLEGAL_GENERATION')
      this.resetStateAndGeneration(
        `encountered ${error} from SyncGroup response`,
        error === 'UNKNOWN_MEMBER_ID',
      );
    this.afterError(error, 'SyncGroup');
  }

  private afterError(error: KafkaErrorName, api: string): void {
    if (reactionTo(error) === 'fatal') return this.fail(error);
    if (reactionTo(error) === 'coordinator') this.markCoordinatorUnknown(`${error} from ${api}`);
    this.requestRejoin(this.rejoinReason);
    this.retryJoin(reactionTo(error) === 'immediate' ? 'now' : 'backoff');
  }

  private retryJoin(mode: 'now' | 'backoff'): void {
    if (mode === 'now') return this.joinGroupIfNeeded();
    this.retryTimer = this.ctx.schedule(this.config.retryBackoffMs ?? 100, () => {
      this.retryTimer = undefined;
      this.joinGroupIfNeeded();
    });
  }

  /** ConsumerCoordinator.onJoinPrepare: lost if the generation was reset, else revoke per protocol. */
  private onJoinPrepare(): void {
    this.isLeader = false;
    this.assignmentSnapshot = undefined;
    this.owned.beforeJoin(
      this.generationId === NO_GENERATION || this.memberId === UNKNOWN_MEMBER_ID,
      this.rebalanceProtocol,
      this.ctx.getSubscription(),
    );
  }

  /** ConsumerCoordinator.onJoinComplete: cooperative revokes what moved and asks for a follow-up rebalance. */
  private onJoinComplete(assigned: TopicPartitionRef[]): void {
    const revoked = this.owned.afterSync(assigned, this.rebalanceProtocol);
    if (revoked) this.requestRejoin('need to revoke partitions and re-join');
    this.emit('consumer.group.joined', {
      generationId: this.generationId,
      protocol: this.protocolName ?? '',
      leader: this.isLeader,
      assignment: this.assignment,
    });
  }

  // ---------------------------------------------------------------- membership state

  private onMemberError(
    error: KafkaErrorName,
    sent: { generationId: number; memberId: string },
    api: string,
  ): void {
    if (error === 'FENCED_INSTANCE_ID') return this.fail(error);
    if (reactionTo(error) === 'coordinator')
      return this.markCoordinatorUnknown(`${error} from ${api}`);
    if (error !== 'UNKNOWN_MEMBER_ID' && error !== 'ILLEGAL_GENERATION') return;
    if (sent.generationId !== this.generationId || sent.memberId !== this.memberId) return;
    this.resetStateAndGeneration(
      `encountered ${error} from ${api} response`,
      error === 'UNKNOWN_MEMBER_ID',
    );
  }

  /** AbstractCoordinator.resetStateAndGeneration; the next join reports owned partitions as lost. */
  private resetStateAndGeneration(reason: string, resetMemberId: boolean): void {
    this.state = 'UNJOINED';
    this.heartbeat.stop();
    this.generationId = NO_GENERATION;
    this.protocolName = undefined;
    if (resetMemberId) this.memberId = UNKNOWN_MEMBER_ID;
    this.requestRejoin(reason);
  }

  /** AbstractCoordinator.maybeLeaveGroup: dynamic members send LeaveGroup; static ones only reset. */
  private maybeLeaveGroup(reason: string): void {
    const send =
      !this.isStatic &&
      this.coordinatorKnown &&
      this.state !== 'UNJOINED' &&
      this.memberId !== UNKNOWN_MEMBER_ID;
    if (send)
      this.ctx.send(
        {
          api: 'LeaveGroup',
          groupId: this.config.groupId,
          members: [{ memberId: this.memberId, reason }],
        },
        () => {},
      );
    this.emit('consumer.group.left', { reason, sentLeaveGroup: send });
    this.joinSeq++;
    this.joining = false;
    this.waitingForCoordinator = false;
    this.cancelRetry();
    this.resetStateAndGeneration(reason, true);
  }

  private markCoordinatorUnknown(reason: string): void {
    if (!this.coordinatorKnown) return;
    this.coordinatorKnown = false;
    this.emit('consumer.coordinator.unknown', { reason });
    this.ctx.onCoordinatorUnknown?.(reason);
  }

  private fail(error: KafkaErrorName): void {
    this.fatalError = error;
    this.stopAll();
    this.emit('consumer.fatal', { error });
    this.ctx.onFatalError?.(error);
  }

  private stopAll(): void {
    this.joinSeq++;
    this.joining = false;
    this.cancelRetry();
    this.heartbeat.stop();
    this.heartbeat.stopPollTimer();
  }

  private cancelRetry(): void {
    if (this.retryTimer !== undefined) this.ctx.cancel(this.retryTimer);
    this.retryTimer = undefined;
  }

  private metadataKey(topics: string[]): string {
    const metadata = this.ctx.partitionsPerTopic();
    return JSON.stringify(topics.map((t) => [t, metadata[t] ?? null]));
  }

  private instanceId(): { groupInstanceId?: string } {
    return this.config.groupInstanceId !== undefined
      ? { groupInstanceId: this.config.groupInstanceId }
      : {};
  }

  private emit(type: string, fields: Record<string, unknown>): void {
    this.ctx.emit(type, {
      groupId: this.config.groupId,
      clientId: this.config.clientId,
      memberId: this.memberId,
      ...fields,
    });
  }
}
