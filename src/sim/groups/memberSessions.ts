/**
 * Member liveness on the coordinator: Heartbeat and LeaveGroup handling, DelayedHeartbeat (session
 * timeout, NewMemberJoinTimeoutMs), KIP-394 pending-member expiry, and removing members.
 * core/src/main/scala/kafka/coordinator/group/GroupCoordinator.scala and DelayedHeartbeat.scala
 * (Kafka 3.9).
 */
import type { KafkaErrorName } from '../protocol/errors';
import type { CoordinatorCore } from './coordinatorCore';
import { joinError, syncError, validateCurrentMember } from './coordinatorCore';
import type { GroupMetadata } from './groupMetadata';
import type { MemberMetadata } from './memberMetadata';
import type {
  HeartbeatRequest,
  HeartbeatResponse,
  LeaveGroupRequest,
  LeaveGroupResponse,
} from './protocol';
import { UNKNOWN_MEMBER_ID } from './protocol';

/** Heartbeats, leaves and session expiry of one coordinator's members. */
export class MemberSessions {
  constructor(private readonly core: CoordinatorCore) {}

  /** Heartbeat: keeps the session alive; REBALANCE_IN_PROGRESS tells a member to rejoin. */
  handleHeartbeat(req: HeartbeatRequest, respond: (response: HeartbeatResponse) => void): void {
    const reply = (error: KafkaErrorName) => respond({ api: 'Heartbeat', error });
    const statusError = this.core.validateGroupStatus(req.groupId, 'Heartbeat');
    if (statusError) return reply(statusError);
    const group = this.core.manager.getGroup(req.groupId);
    if (!group) return reply('UNKNOWN_MEMBER_ID');
    if (group.is('Dead')) return reply('COORDINATOR_NOT_AVAILABLE');
    const error =
      validateCurrentMember(group, req.memberId, req.groupInstanceId) ??
      (req.generationId !== group.generationId ? 'ILLEGAL_GENERATION' : undefined);
    if (error) return reply(error);
    if (group.is('Empty')) return reply('UNKNOWN_MEMBER_ID');
    const member = group.get(req.memberId);
    this.scheduleHeartbeatExpiration(group, member, member.sessionTimeoutMs);
    reply(group.is('PreparingRebalance') ? 'REBALANCE_IN_PROGRESS' : 'NONE');
  }

  /** LeaveGroup: dynamic members leave at once (and trigger a rebalance); admins may remove static ones. */
  handleLeaveGroup(req: LeaveGroupRequest, respond: (response: LeaveGroupResponse) => void): void {
    const statusError = this.core.validateGroupStatus(req.groupId, 'LeaveGroup');
    if (statusError) return respond({ api: 'LeaveGroup', error: statusError, members: [] });
    const group = this.core.manager.getGroup(req.groupId);
    if (!group)
      return respond({
        api: 'LeaveGroup',
        error: 'NONE',
        members: req.members.map((m) => ({ ...m, error: 'UNKNOWN_MEMBER_ID' as const })),
      });
    if (group.is('Dead'))
      return respond({ api: 'LeaveGroup', error: 'COORDINATOR_NOT_AVAILABLE', members: [] });
    const members = req.members.map((leaving) => {
      const reason = leaving.reason ?? 'not provided';
      let error: KafkaErrorName = 'NONE';
      if (leaving.memberId === UNKNOWN_MEMBER_ID) {
        const current =
          leaving.groupInstanceId !== undefined
            ? group.currentStaticMemberId(leaving.groupInstanceId)
            : undefined;
        if (current === undefined) error = 'UNKNOWN_MEMBER_ID';
        else this.removeCurrentMemberFromGroup(group, current, reason);
      } else if (group.isPendingMember(leaving.memberId)) {
        this.cancelPendingMemberExpiration(group, leaving.memberId);
        this.removePendingMemberAndUpdateGroup(group, leaving.memberId);
        this.core.emit('group.member.left', {
          groupId: group.groupId,
          memberId: leaving.memberId,
          groupInstanceId: null,
          reason,
        });
      } else {
        error = validateCurrentMember(group, leaving.memberId, leaving.groupInstanceId) ?? 'NONE';
        if (error === 'NONE') this.removeCurrentMemberFromGroup(group, leaving.memberId, reason);
      }
      return { ...leaving, error };
    });
    respond({ api: 'LeaveGroup', error: 'NONE', members });
  }

  private removeCurrentMemberFromGroup(
    group: GroupMetadata,
    memberId: string,
    reason: string,
  ): void {
    const member = group.get(memberId);
    this.core.emit('group.member.left', {
      groupId: group.groupId,
      memberId,
      groupInstanceId: member.groupInstanceId ?? null,
      reason,
    });
    this.removeMemberAndUpdateGroup(
      group,
      member,
      `Removing member ${memberId} on LeaveGroup; client reason: ${reason}`,
    );
  }

  /** Removes a member (its parked calls get UNKNOWN_MEMBER_ID) and rebalances or completes the join. */
  removeMemberAndUpdateGroup(group: GroupMetadata, member: MemberMetadata, reason: string): void {
    // A parked JoinGroup learns it is gone; so does a parked SyncGroup (Kafka lets it time out).
    group.maybeInvokeJoinCallback(member, joinError(UNKNOWN_MEMBER_ID, 'UNKNOWN_MEMBER_ID'));
    group.maybeInvokeSyncCallback(member, syncError('UNKNOWN_MEMBER_ID'));
    this.cancelHeartbeat(member);
    group.remove(member.memberId);
    if (group.is('Stable') || group.is('CompletingRebalance'))
      this.core.join.maybePrepareRebalance(group, reason);
    else if (group.is('PreparingRebalance')) this.core.join.tryCompleteJoin(group);
  }

  /** Drops a KIP-394 pending member; the join phase may now be complete. */
  removePendingMemberAndUpdateGroup(group: GroupMetadata, memberId: string): void {
    group.remove(memberId);
    if (group.is('PreparingRebalance')) this.core.join.tryCompleteJoin(group);
  }

  // ---------------------------------------------------------------- session timers

  /** DelayedHeartbeat: expire `member` after `timeoutMs` unless it heartbeats (or is parked in a rebalance). */
  scheduleHeartbeatExpiration(
    group: GroupMetadata,
    member: MemberMetadata,
    timeoutMs: number,
  ): void {
    this.cancelHeartbeat(member);
    member.heartbeatSatisfied = false;
    const timer = this.core.ctx.schedule(timeoutMs, () => {
      if (member.heartbeatTimer !== timer) return;
      member.heartbeatTimer = undefined;
      if (group.is('Dead') || group.members.get(member.memberId) !== member) return;
      if (member.hasSatisfiedHeartbeat) return;
      this.core.emit('group.member.evicted', {
        groupId: group.groupId,
        memberId: member.memberId,
        groupInstanceId: member.groupInstanceId ?? null,
        reason: member.isNew
          ? `new member did not complete its join within ${timeoutMs} ms`
          : `session timeout expired (no heartbeat for ${timeoutMs} ms)`,
      });
      this.removeMemberAndUpdateGroup(
        group,
        member,
        `removing member ${member.memberId} on heartbeat expiration`,
      );
    });
    member.heartbeatTimer = timer;
  }

  /** Cancels the member's heartbeat expiration timer. */
  cancelHeartbeat(member: MemberMetadata): void {
    if (member.heartbeatTimer === undefined) return;
    this.core.ctx.cancel(member.heartbeatTimer);
    member.heartbeatTimer = undefined;
  }

  /** A KIP-394 pending member that does not rejoin within its session timeout is dropped. */
  addPendingMemberExpiration(group: GroupMetadata, memberId: string, timeoutMs: number): void {
    const timer = this.core.ctx.schedule(timeoutMs, () => {
      group.pendingMemberTimers.delete(memberId);
      if (group.is('Dead') || !group.isPendingMember(memberId)) return;
      this.core.emit('group.member.evicted', {
        groupId: group.groupId,
        memberId,
        groupInstanceId: null,
        reason: `pending member did not rejoin within the session timeout (${timeoutMs} ms)`,
      });
      this.removePendingMemberAndUpdateGroup(group, memberId);
    });
    group.pendingMemberTimers.set(memberId, timer);
  }

  /** Cancels a pending member's expiration timer (it joined or left). */
  cancelPendingMemberExpiration(group: GroupMetadata, memberId: string): void {
    const timer = group.pendingMemberTimers.get(memberId);
    if (timer === undefined) return;
    this.core.ctx.cancel(timer);
    group.pendingMemberTimers.delete(memberId);
  }
}
