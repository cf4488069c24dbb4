/**
 * The consumer's heartbeat thread: AbstractCoordinator.HeartbeatThread and Heartbeat.java
 * (Kafka 3.9). While the member has joined (COMPLETING_REBALANCE or STABLE) it heartbeats every
 * `heartbeat.interval.ms`, notices a coordinator silent for `session.timeout.ms`, and leaves the
 * group when `poll()` was not called for `max.poll.interval.ms`.
 */
import type { KafkaErrorName } from '../protocol/errors';
import type { GroupMemberConfig, GroupMemberContext, MemberState } from './memberTypes';

/** What the loop needs from its member. */
export interface HeartbeatHooks {
  identity(): {
    memberId: string;
    generationId: number;
    state: MemberState;
    coordinatorKnown: boolean;
  };
  requestRejoin(reason: string): void;
  resetGeneration(reason: string, resetMemberId: boolean): void;
  markCoordinatorUnknown(reason: string): void;
  fail(error: KafkaErrorName): void;
  /** `max.poll.interval.ms` passed without poll(). */
  pollTimeout(): void;
}

/** Heartbeat and poll timers of one member. */
export class HeartbeatLoop {
  private timer?: number;
  private token = 0;
  private lastReceived = 0;
  private lastPoll: number;
  private pollTimer?: number;

  constructor(
    private readonly config: GroupMemberConfig,
    private readonly ctx: Pick<GroupMemberContext, 'send' | 'now' | 'schedule' | 'cancel' | 'emit'>,
    private readonly hooks: HeartbeatHooks,
  ) {
    this.lastPoll = ctx.now();
  }

  /** Records a poll() (Heartbeat.poll resets the poll timer). */
  polled(): void {
    this.lastPoll = this.ctx.now();
    this.ensurePollTimer();
  }

  /** Enables heartbeats (HeartbeatThread.enable + resetTimeouts); the first one after `firstDelayMs`. */
  start(firstDelayMs: number): void {
    this.stop();
    this.lastReceived = this.ctx.now();
    this.schedule(this.token, firstDelayMs);
    this.ensurePollTimer();
  }

  /** Disables heartbeats; an in-flight response is still handled but schedules nothing. */
  stop(): void {
    this.token++;
    if (this.timer !== undefined) this.ctx.cancel(this.timer);
    this.timer = undefined;
  }

  stopPollTimer(): void {
    if (this.pollTimer !== undefined) this.ctx.cancel(this.pollTimer);
    this.pollTimer = undefined;
  }

  private enabled(): boolean {
    const { state } = this.hooks.identity();
    return state === 'COMPLETING_REBALANCE' || state === 'STABLE';
  }

  private ensurePollTimer(): void {
    if (this.pollTimer !== undefined) return;
    const due = this.lastPoll + this.config.maxPollIntervalMs - this.ctx.now();
    this.pollTimer = this.ctx.schedule(Math.max(0, due), () => {
      this.pollTimer = undefined;
      const elapsed = this.ctx.now() - this.lastPoll;
      if (elapsed < this.config.maxPollIntervalMs) return this.ensurePollTimer();
      // Checked by the heartbeat thread, so only while the member has joined.
      if (!this.enabled()) return;
      this.ctx.emit('consumer.poll.timeout', {
        groupId: this.config.groupId,
        clientId: this.config.clientId,
        memberId: this.hooks.identity().memberId,
        elapsedMs: elapsed,
        maxPollIntervalMs: this.config.maxPollIntervalMs,
      });
      this.hooks.pollTimeout();
    });
  }

  private schedule(token: number, delayMs: number): void {
    if (token !== this.token) return;
    this.timer = this.ctx.schedule(delayMs, () => {
      this.timer = undefined;
      this.tick(token);
    });
  }

  private tick(token: number): void {
    const id = this.hooks.identity();
    if (token !== this.token || !this.enabled() || !id.coordinatorKnown) return;
    if (this.ctx.now() - this.lastReceived > this.config.sessionTimeoutMs)
      return this.hooks.markCoordinatorUnknown(
        'session timed out without receiving a heartbeat response',
      );
    const sentAt = this.ctx.now();
    this.ctx.send(
      {
        api: 'Heartbeat',
        groupId: this.config.groupId,
        generationId: id.generationId,
        memberId: id.memberId,
        ...(this.config.groupInstanceId !== undefined
          ? { groupInstanceId: this.config.groupInstanceId }
          : {}),
      },
      (response) => {
        const next = this.onResponse(response.error, id);
        if (next !== undefined) this.schedule(token, Math.max(0, sentAt + next - this.ctx.now()));
      },
    );
  }

  /** HeartbeatResponseHandler. @returns ms after the send to heartbeat again, or undefined to stop. */
  private onResponse(
    error: KafkaErrorName,
    sent: { memberId: string; generationId: number },
  ): number | undefined {
    const now = this.hooks.identity();
    const interval = this.config.heartbeatIntervalMs;
    switch (error) {
      case 'NONE':
        this.lastReceived = this.ctx.now();
        return interval;
      case 'REBALANCE_IN_PROGRESS':
        // Keep heartbeating through the rebalance so the session does not expire before rejoining.
        this.lastReceived = this.ctx.now();
        if (now.state === 'STABLE') this.hooks.requestRejoin('group is already rebalancing');
        return interval;
      case 'NOT_COORDINATOR':
      case 'COORDINATOR_NOT_AVAILABLE':
      case 'NETWORK_EXCEPTION':
      case 'REQUEST_TIMED_OUT':
        this.hooks.markCoordinatorUnknown(`${error} from Heartbeat`);
        return undefined;
      case 'ILLEGAL_GENERATION':
      case 'UNKNOWN_MEMBER_ID':
      case 'FENCED_INSTANCE_ID':
        if (now.generationId !== sent.generationId || now.memberId !== sent.memberId)
          return interval;
        if (error === 'FENCED_INSTANCE_ID') {
          this.hooks.fail(error);
          return undefined;
        }
        this.hooks.resetGeneration(
          `encountered ${error} from Heartbeat response`,
          error === 'UNKNOWN_MEMBER_ID',
        );
        return undefined;
      default:
        return this.config.retryBackoffMs ?? 100;
    }
  }
}
