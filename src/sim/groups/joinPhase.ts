/**
 * The join phase of a rebalance: JoinGroup handling, PreparingRebalance, DelayedJoin and
 * InitialDelayedJoin (`group.initial.rebalance.delay.ms`), KIP-394 pending members, KIP-345 static
 * member replacement, and the move to CompletingRebalance with a new generation.
 * core/src/main/scala/kafka/coordinator/group/GroupCoordinator.scala and DelayedJoin.scala (Kafka 3.9).
 */
import type { CoordinatorCore } from './coordinatorCore';
import { joinError, NEW_MEMBER_JOIN_TIMEOUT_MS, validateCurrentMember } from './coordinatorCore';
import type { GroupMetadata } from './groupMetadata';
import { MemberMetadata } from './memberMetadata';
import type { JoinGroupRequest, JoinGroupResponse } from './protocol';
import { UNKNOWN_MEMBER_ID } from './protocol';

type JoinCallback = (response: JoinGroupResponse) => void;

/** JoinGroup and the rebalance's join phase of one coordinator. */
export class JoinPhase {
  constructor(private readonly core: CoordinatorCore) {}

  /** JoinGroup; the response is parked until the join phase completes. */
  handleJoinGroup(req: JoinGroupRequest, respond: (response: JoinGroupResponse) => void): void {
    const statusError = this.core.validateGroupStatus(req.groupId, 'JoinGroup');
    if (statusError) return respond(joinError(req.memberId, statusError));
    const { groupMinSessionTimeoutMs: min, groupMaxSessionTimeoutMs: max } = this.core.ctx.config;
    if (req.sessionTimeoutMs < min || req.sessionTimeoutMs > max)
      return respond(joinError(req.memberId, 'INVALID_SESSION_TIMEOUT'));
    const isUnknownMember = req.memberId === UNKNOWN_MEMBER_ID;
    const group = this.core.manager.getOrMaybeCreateGroup(req.groupId, isUnknownMember);
    if (!group) return respond(joinError(req.memberId, 'UNKNOWN_MEMBER_ID'));
    if (isUnknownMember) this.doNewMemberJoinGroup(group, req, respond);
    else this.doCurrentMemberJoinGroup(group, req, respond);
    if (group.is('PreparingRebalance')) this.tryCompleteJoin(group);
  }

  private doNewMemberJoinGroup(
    group: GroupMetadata,
    req: JoinGroupRequest,
    respond: JoinCallback,
  ): void {
    if (group.is('Dead')) return respond(joinError(UNKNOWN_MEMBER_ID, 'COORDINATOR_NOT_AVAILABLE'));
    if (!group.supportsProtocols(req.protocolType, new Set(req.protocols.map((p) => p.name))))
      return respond(joinError(UNKNOWN_MEMBER_ID, 'INCONSISTENT_GROUP_PROTOCOL'));
    const newMemberId = `${req.groupInstanceId ?? req.clientId}-${this.core.ctx.rng.uuid()}`;
    const reason = req.reason ?? 'not provided';
    if (req.groupInstanceId !== undefined) {
      const oldMemberId = group.currentStaticMemberId(req.groupInstanceId);
      if (oldMemberId !== undefined)
        return this.updateStaticMemberAndRebalance(
          group,
          oldMemberId,
          newMemberId,
          req,
          respond,
          reason,
        );
      return this.addMemberAndRebalance(group, newMemberId, req, respond, reason);
    }
    // KIP-394: hand out a member id and wait for the member to rejoin with it.
    group.pendingMembers.add(newMemberId);
    this.core.sessions.addPendingMemberExpiration(group, newMemberId, req.sessionTimeoutMs);
    this.core.emit('group.member.pending', {
      groupId: group.groupId,
      memberId: newMemberId,
      clientId: req.clientId,
    });
    respond(joinError(newMemberId, 'MEMBER_ID_REQUIRED'));
  }

  private doCurrentMemberJoinGroup(
    group: GroupMetadata,
    req: JoinGroupRequest,
    respond: JoinCallback,
  ): void {
    const { memberId } = req;
    if (group.is('Dead')) return respond(joinError(memberId, 'COORDINATOR_NOT_AVAILABLE'));
    if (!group.supportsProtocols(req.protocolType, new Set(req.protocols.map((p) => p.name))))
      return respond(joinError(memberId, 'INCONSISTENT_GROUP_PROTOCOL'));
    const reason = req.reason ?? 'not provided';
    if (group.isPendingMember(memberId))
      return this.addMemberAndRebalance(group, memberId, req, respond, reason);
    const memberError = validateCurrentMember(group, memberId, req.groupInstanceId);
    if (memberError) return respond(joinError(memberId, memberError));
    const member = group.get(memberId);
    const update = (why: string) => {
      group.updateMember(
        member,
        req.protocols,
        req.rebalanceTimeoutMs,
        req.sessionTimeoutMs,
        respond,
      );
      this.maybePrepareRebalance(group, `${why}; client reason: ${reason}`);
    };
    switch (group.state) {
      case 'PreparingRebalance':
        return update(`Member ${memberId} joining group during PreparingRebalance`);
      case 'CompletingRebalance':
        // Same metadata: the member lost its JoinGroup response; resend the current generation.
        if (member.matches(req.protocols)) return respond(this.currentJoinResult(group, memberId));
        return update(`Updating metadata for member ${memberId} during CompletingRebalance`);
      case 'Stable':
        // The leader's JoinGroup always rebalances (it may have seen new topic metadata).
        if (group.isLeader(memberId))
          return update(`Leader ${memberId} re-joining group during Stable`);
        if (!member.matches(req.protocols))
          return update(`Updating metadata for member ${memberId} during Stable`);
        return respond({ ...this.currentJoinResult(group, memberId), members: [] });
      case 'Empty':
      case 'Dead':
        return respond(joinError(memberId, 'UNKNOWN_MEMBER_ID'));
    }
  }

  private currentJoinResult(group: GroupMetadata, memberId: string): JoinGroupResponse {
    return {
      api: 'JoinGroup',
      error: 'NONE',
      generationId: group.generationId,
      ...(group.protocolType !== undefined ? { protocolType: group.protocolType } : {}),
      ...(group.protocolName !== undefined ? { protocolName: group.protocolName } : {}),
      leader: group.leaderId ?? '',
      skipAssignment: false,
      memberId,
      members: group.isLeader(memberId) ? group.currentMemberMetadata() : [],
    };
  }

  private addMemberAndRebalance(
    group: GroupMetadata,
    memberId: string,
    req: JoinGroupRequest,
    respond: JoinCallback,
    reason: string,
  ): void {
    const member = new MemberMetadata({
      memberId,
      ...(req.groupInstanceId !== undefined ? { groupInstanceId: req.groupInstanceId } : {}),
      clientId: req.clientId,
      clientHost: req.clientHost ?? `/${req.clientId}`,
      rebalanceTimeoutMs: req.rebalanceTimeoutMs,
      sessionTimeoutMs: req.sessionTimeoutMs,
      protocolType: req.protocolType,
      supportedProtocols: req.protocols,
    });
    member.isNew = true;
    // InitialDelayedJoin keeps waiting while new members keep arriving in the first rebalance.
    if (group.is('PreparingRebalance') && group.generationId === 0) group.newMemberAdded = true;
    this.core.sessions.cancelPendingMemberExpiration(group, memberId);
    group.add(member, respond);
    this.core.emit('group.member.joined', {
      groupId: group.groupId,
      memberId,
      groupInstanceId: req.groupInstanceId ?? null,
      clientId: req.clientId,
    });
    this.core.sessions.scheduleHeartbeatExpiration(group, member, NEW_MEMBER_JOIN_TIMEOUT_MS);
    this.maybePrepareRebalance(
      group,
      `Adding new member ${memberId} with group instance id ${req.groupInstanceId ?? 'None'}; client reason: ${reason}`,
    );
  }

  /** KIP-345: a static member rejoining with a new member id replaces the old one. */
  private updateStaticMemberAndRebalance(
    group: GroupMetadata,
    oldMemberId: string,
    newMemberId: string,
    req: JoinGroupRequest,
    respond: JoinCallback,
    reason: string,
  ): void {
    const instanceId = req.groupInstanceId!;
    const currentLeader = group.leaderId ?? '';
    const member = group.replaceStaticMember(instanceId, oldMemberId, newMemberId);
    const old = {
      protocols: member.supportedProtocols,
      rebalanceTimeoutMs: member.rebalanceTimeoutMs,
      sessionTimeoutMs: member.sessionTimeoutMs,
    };
    this.core.emit('group.member.joined', {
      groupId: group.groupId,
      memberId: newMemberId,
      groupInstanceId: instanceId,
      clientId: req.clientId,
      replacedMemberId: oldMemberId,
    });
    this.core.sessions.scheduleHeartbeatExpiration(group, member, member.sessionTimeoutMs);
    group.updateMember(
      member,
      req.protocols,
      req.rebalanceTimeoutMs,
      req.sessionTimeoutMs,
      respond,
    );
    switch (group.state) {
      case 'Stable': {
        // No rebalance unless the group's selected protocol would change.
        if (group.protocolName !== group.selectProtocol()) {
          return this.maybePrepareRebalance(
            group,
            `Group's selectedProtocol will change because static member ${newMemberId} with instance id ${instanceId} joined with change of protocol; client reason: ${reason}`,
          );
        }
        const assignment = new Map(
          [...group.members.values()].map((m) => [m.memberId, m.assignment]),
        );
        this.core.manager.storeGroup(group, assignment, (error) => {
          if (group.is('Dead')) return;
          if (error !== 'NONE') {
            group.updateMember(
              member,
              old.protocols,
              old.rebalanceTimeoutMs,
              old.sessionTimeoutMs,
              undefined,
            );
            const restored = group.replaceStaticMember(instanceId, newMemberId, oldMemberId);
            this.core.sessions.scheduleHeartbeatExpiration(
              group,
              restored,
              restored.sessionTimeoutMs,
            );
            return respond({ ...joinError(UNKNOWN_MEMBER_ID, error), leader: currentLeader });
          }
          // JoinGroup v9: a static leader is told to skip the assignor; the group stays Stable.
          const isLeader = group.isLeader(newMemberId);
          group.maybeInvokeJoinCallback(member, {
            ...this.currentJoinResult(group, newMemberId),
            skipAssignment: isLeader,
          });
        });
        return;
      }
      case 'CompletingRebalance':
        return this.prepareRebalance(
          group,
          `Updating metadata for static member ${newMemberId} with instance id ${instanceId}; client reason: ${reason}`,
        );
      default:
        return; // PreparingRebalance: the member is parked like any other.
    }
  }

  /** GroupCoordinator.maybePrepareRebalance: start a rebalance if the state allows one. */
  maybePrepareRebalance(group: GroupMetadata, reason: string): void {
    if (group.canRebalance()) this.prepareRebalance(group, reason);
  }

  /**
   * Enter PreparingRebalance: cancel a pending sync, then wait for members with DelayedJoin
   * (rebalance timeout) or, from Empty, InitialDelayedJoin (`group.initial.rebalance.delay.ms`).
   */
  prepareRebalance(group: GroupMetadata, reason: string): void {
    if (group.is('CompletingRebalance'))
      this.core.sync.propagateAssignment(group, 'REBALANCE_IN_PROGRESS', true);
    this.core.sync.removeSyncExpiration(group);
    const wasEmpty = group.is('Empty');
    group.transitionTo('PreparingRebalance');
    this.core.emit('group.rebalance.started', {
      groupId: group.groupId,
      reason,
      generationId: group.generationId,
    });
    if (wasEmpty) {
      const delay = this.core.ctx.config.groupInitialRebalanceDelayMs;
      this.scheduleInitialDelayedJoin(
        group,
        delay,
        Math.max(group.rebalanceTimeoutMs() - delay, 0),
      );
    } else {
      this.scheduleDelayedJoin(group, group.rebalanceTimeoutMs());
      this.tryCompleteJoin(group);
    }
  }

  /** InitialDelayedJoin: wait `delayMs`; if members kept arriving, wait again, up to the rebalance timeout. */
  private scheduleInitialDelayedJoin(
    group: GroupMetadata,
    delayMs: number,
    remainingMs: number,
  ): void {
    const timer = this.core.ctx.schedule(delayMs, () => {
      if (group.joinOp?.timer !== timer) return;
      group.joinOp = undefined;
      if (group.newMemberAdded && remainingMs !== 0) {
        group.newMemberAdded = false;
        const delay = Math.min(this.core.ctx.config.groupInitialRebalanceDelayMs, remainingMs);
        this.scheduleInitialDelayedJoin(group, delay, Math.max(remainingMs - delayMs, 0));
      } else this.onCompleteJoin(group);
    });
    group.joinOp = { timer, initial: true };
  }

  /** DelayedJoin: completes when every known member rejoined, or at the rebalance timeout. */
  private scheduleDelayedJoin(group: GroupMetadata, timeoutMs: number): void {
    const timer = this.core.ctx.schedule(timeoutMs, () => {
      if (group.joinOp?.timer !== timer) return;
      group.joinOp = undefined;
      this.onCompleteJoin(group);
    });
    group.joinOp = { timer, initial: false };
  }

  /** DelayedJoin.tryComplete: finish the join phase once every known member has rejoined. */
  tryCompleteJoin(group: GroupMetadata): void {
    const op = group.joinOp;
    if (!op || op.initial || !group.hasAllMembersJoined()) return;
    this.core.ctx.cancel(op.timer);
    group.joinOp = undefined;
    this.onCompleteJoin(group);
  }

  /** DelayedJoin.onComplete (GroupCoordinator.onCompleteJoin): drop absentees, start the next generation. */
  private onCompleteJoin(group: GroupMetadata): void {
    const rebalanceTimeoutMs = group.rebalanceTimeoutMs();
    for (const m of group.notYetRejoinedMembers()) {
      if (m.isStaticMember) continue;
      this.core.emit('group.member.evicted', {
        groupId: group.groupId,
        memberId: m.memberId,
        groupInstanceId: null,
        reason: `did not rejoin within the rebalance timeout (${rebalanceTimeoutMs} ms)`,
      });
      this.core.sessions.cancelHeartbeat(m);
      group.remove(m.memberId);
    }
    if (group.is('Dead')) return;
    if (!group.maybeElectNewJoinedLeader() && group.size > 0) {
      // Nobody rejoined: wait another rebalance timeout for session timeouts to clear the group.
      this.scheduleDelayedJoin(group, group.rebalanceTimeoutMs());
      return;
    }
    group.initNextGeneration();
    if (group.is('Empty')) {
      this.core.manager.storeGroup(group, new Map(), () => {});
      return;
    }
    for (const m of group.members.values()) {
      group.maybeInvokeJoinCallback(m, this.currentJoinResult(group, m.memberId));
      this.core.sessions.scheduleHeartbeatExpiration(group, m, m.sessionTimeoutMs);
      m.isNew = false;
      group.addPendingSyncMember(m.memberId);
    }
    this.core.sync.schedulePendingSync(group);
  }
}
