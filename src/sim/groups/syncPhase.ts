/**
 * The sync phase of a rebalance: SyncGroup handling, storing the leader's assignment, delivering
 * each member's share (CompletingRebalance → Stable), and DelayedSync, which removes members that do
 * not sync within the rebalance timeout.
 * core/src/main/scala/kafka/coordinator/group/GroupCoordinator.scala and DelayedSync.scala (Kafka 3.9).
 */
import type { KafkaErrorName } from '../protocol/errors';
import type { CoordinatorCore } from './coordinatorCore';
import { syncError, validateCurrentMember } from './coordinatorCore';
import type { GroupMetadata } from './groupMetadata';
import type { SyncGroupRequest, SyncGroupResponse, TopicPartitionRef } from './protocol';

/** SyncGroup and the rebalance's sync phase of one coordinator. */
export class SyncPhase {
  constructor(private readonly core: CoordinatorCore) {}

  /** SyncGroup; followers' responses are parked until the leader's assignment is stored. */
  handleSyncGroup(req: SyncGroupRequest, respond: (response: SyncGroupResponse) => void): void {
    const statusError = this.core.validateGroupStatus(req.groupId, 'SyncGroup');
    if (statusError) return respond(syncError(statusError));
    const group = this.core.manager.getGroup(req.groupId);
    if (!group) return respond(syncError('UNKNOWN_MEMBER_ID'));
    if (group.is('Dead')) return respond(syncError('COORDINATOR_NOT_AVAILABLE'));
    const error =
      validateCurrentMember(group, req.memberId, req.groupInstanceId) ??
      (req.generationId !== group.generationId
        ? 'ILLEGAL_GENERATION'
        : (req.protocolType !== undefined && req.protocolType !== group.protocolType) ||
            (req.protocolName !== undefined && req.protocolName !== group.protocolName)
          ? 'INCONSISTENT_GROUP_PROTOCOL'
          : undefined);
    if (error) return respond(syncError(error));
    switch (group.state) {
      case 'Empty':
        return respond(syncError('UNKNOWN_MEMBER_ID'));
      case 'PreparingRebalance':
        return respond(syncError('REBALANCE_IN_PROGRESS'));
      case 'CompletingRebalance':
        return this.doCompletingRebalanceSync(group, req, respond);
      case 'Stable': {
        group.removePendingSyncMember(req.memberId);
        this.maybeCompleteSyncExpiration(group);
        const member = group.get(req.memberId);
        respond(this.syncResult(group, member.assignment, 'NONE'));
        this.core.sessions.scheduleHeartbeatExpiration(group, member, member.sessionTimeoutMs);
        return;
      }
      case 'Dead':
        return respond(syncError('COORDINATOR_NOT_AVAILABLE'));
    }
  }

  private doCompletingRebalanceSync(
    group: GroupMetadata,
    req: SyncGroupRequest,
    respond: (response: SyncGroupResponse) => void,
  ): void {
    group.get(req.memberId).awaitingSync = respond;
    group.removePendingSyncMember(req.memberId);
    this.maybeCompleteSyncExpiration(group);
    if (!group.isLeader(req.memberId)) return;
    const generationId = group.generationId;
    // Members the leader left out get an empty assignment.
    const assignment = new Map<string, TopicPartitionRef[]>();
    for (const id of group.members.keys()) assignment.set(id, req.assignments[id] ?? []);
    this.core.manager.storeGroup(group, assignment, (error) => {
      if (!group.is('CompletingRebalance') || group.generationId !== generationId) return;
      if (error !== 'NONE') {
        this.propagateAssignment(group, error, true);
        this.core.join.maybePrepareRebalance(
          group,
          `Error ${error} when storing group assignment during SyncGroup (member: ${req.memberId})`,
        );
        return;
      }
      for (const m of group.members.values()) m.assignment = assignment.get(m.memberId) ?? [];
      this.propagateAssignment(group, 'NONE', false);
      group.transitionTo('Stable');
      this.core.emit('group.rebalanced', {
        groupId: group.groupId,
        generationId: group.generationId,
        protocol: group.protocolName ?? '',
        leaderId: group.leaderId ?? '',
        assignment: Object.fromEntries(assignment),
      });
    });
  }

  private syncResult(
    group: GroupMetadata,
    assignment: TopicPartitionRef[],
    error: KafkaErrorName,
  ): SyncGroupResponse {
    if (error !== 'NONE') return syncError(error);
    return {
      api: 'SyncGroup',
      error,
      ...(group.protocolType !== undefined ? { protocolType: group.protocolType } : {}),
      ...(group.protocolName !== undefined ? { protocolName: group.protocolName } : {}),
      assignment,
    };
  }

  /** Answers parked SyncGroups (resetting assignments first on error) and restarts their session timers. */
  propagateAssignment(group: GroupMetadata, error: KafkaErrorName, reset: boolean): void {
    for (const m of group.members.values()) {
      if (reset) m.assignment = [];
      if (group.maybeInvokeSyncCallback(m, this.syncResult(group, m.assignment, error)))
        this.core.sessions.scheduleHeartbeatExpiration(group, m, m.sessionTimeoutMs);
    }
  }

  /** DelayedSync: members that do not send SyncGroup within the rebalance timeout are removed. */
  schedulePendingSync(group: GroupMetadata): void {
    const generationId = group.generationId;
    const timer = this.core.ctx.schedule(group.rebalanceTimeoutMs(), () => {
      if (group.syncOp?.timer !== timer) return;
      group.syncOp = undefined;
      if (generationId !== group.generationId) return;
      if (!group.is('CompletingRebalance') && !group.is('Stable')) return;
      const pending = group.allPendingSyncMembers;
      if (pending.length === 0) return;
      const rebalanceTimeoutMs = group.rebalanceTimeoutMs();
      for (const id of pending) {
        this.core.emit('group.member.evicted', {
          groupId: group.groupId,
          memberId: id,
          groupInstanceId: group.get(id).groupInstanceId ?? null,
          reason: `did not send SyncGroup within the rebalance timeout (${rebalanceTimeoutMs} ms)`,
        });
        this.core.sessions.cancelHeartbeat(group.get(id));
        group.remove(id);
      }
      this.core.join.prepareRebalance(
        group,
        `Removing ${pending.join(', ')} on pending sync request expiration`,
      );
    });
    group.syncOp = { timer, generationId };
  }

  /** Forget pending syncs (a new rebalance starts) and cancel DelayedSync. */
  removeSyncExpiration(group: GroupMetadata): void {
    group.clearPendingSyncMembers();
    this.maybeCompleteSyncExpiration(group);
  }

  /** Cancel DelayedSync once everyone synced or the generation/state moved on. */
  maybeCompleteSyncExpiration(group: GroupMetadata): void {
    const op = group.syncOp;
    if (!op) return;
    const done =
      op.generationId !== group.generationId ||
      !(group.is('CompletingRebalance') || group.is('Stable')) ||
      group.allPendingSyncMembers.length === 0;
    if (!done) return;
    this.core.ctx.cancel(op.timer);
    group.syncOp = undefined;
  }
}
