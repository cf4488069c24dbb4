/**
 * A classic group's membership and state on its coordinator: core/src/main/scala/kafka/coordinator/
 * group/GroupMetadata.scala (Kafka 3.9). Pure bookkeeping; the coordinator drives it and owns timers.
 */
import { canTransition, IllegalGroupStateTransition, type GroupState } from './groupState';
import type { MemberMetadata } from './memberMetadata';
import type { JoinGroupProtocol, JoinGroupResponseMember, TopicPartitionRef } from './protocol';
import { CONSUMER_PROTOCOL_TYPE } from './protocol';

/** A committed offset in the group's cache (OffsetAndMetadata). */
export interface CommittedOffset extends TopicPartitionRef {
  offset: number;
  metadata: string;
  /** Virtual ms of the commit. */
  commitTimestamp: number;
}

/** Hooks the group calls back into its coordinator. */
export interface GroupMetadataHooks {
  /** Virtual ms. */
  now(): number;
  onTransition(group: GroupMetadata, from: GroupState, to: GroupState): void;
}

/** The join phase's delayed operation (DelayedJoin, or InitialDelayedJoin for an Empty group). */
export interface DelayedJoinOp {
  timer: number;
  initial: boolean;
}

/** Key of a partition in the offsets cache. */
export function tpKey(tp: TopicPartitionRef): string {
  return `${tp.topic}:${tp.partition}`;
}

/** One classic group: members, static-member mapping, pending members, protocol votes, offsets. */
export class GroupMetadata {
  state: GroupState;
  /** Virtual ms of the last state change. */
  stateTimestamp: number;
  protocolType?: string;
  protocolName?: string;
  generationId = 0;
  leaderId?: string;
  /** Members in the order they were added (Kafka's HashMap order is unspecified; ours is stable). */
  readonly members = new Map<string, MemberMetadata>();
  /** `group.instance.id` → member id (KIP-345). */
  private readonly staticMembers = new Map<string, string>();
  /** Member ids handed out by MEMBER_ID_REQUIRED that have not joined yet (KIP-394). */
  readonly pendingMembers = new Set<string>();
  private readonly pendingSyncMembers = new Set<string>();
  private readonly supportedProtocols = new Map<string, number>();
  private numMembersAwaitingJoin = 0;
  /** Set when a member joins an Empty group's first rebalance: InitialDelayedJoin extends the delay. */
  newMemberAdded = false;
  readonly offsets = new Map<string, CommittedOffset>();
  /** Topics the consumer members subscribe to; undefined when unknown. */
  subscribedTopics?: Set<string>;
  joinOp?: DelayedJoinOp;
  syncOp?: { timer: number; generationId: number };
  readonly pendingMemberTimers = new Map<string, number>();

  constructor(
    readonly groupId: string,
    initialState: GroupState,
    private readonly hooks: GroupMetadataHooks,
  ) {
    this.state = initialState;
    this.stateTimestamp = hooks.now();
  }

  is(state: GroupState): boolean {
    return this.state === state;
  }

  has(memberId: string): boolean {
    return this.members.has(memberId);
  }

  get(memberId: string): MemberMetadata {
    const member = this.members.get(memberId);
    if (!member) throw new Error(`Unknown member ${memberId} in group ${this.groupId}`);
    return member;
  }

  get size(): number {
    return this.members.size;
  }

  isLeader(memberId: string): boolean {
    return this.leaderId === memberId;
  }

  /** GroupMetadata.add: the first member fixes the protocol type and becomes leader. */
  add(member: MemberMetadata, callback?: MemberMetadata['awaitingJoin']): void {
    if (member.groupInstanceId !== undefined) {
      if (this.staticMembers.has(member.groupInstanceId))
        throw new Error(`Static member ${member.groupInstanceId} is already a member`);
      this.staticMembers.set(member.groupInstanceId, member.memberId);
    }
    if (this.members.size === 0) this.protocolType = member.protocolType;
    if (this.leaderId === undefined) this.leaderId = member.memberId;
    this.members.set(member.memberId, member);
    this.incSupportedProtocols(member);
    member.awaitingJoin = callback;
    if (member.isAwaitingJoin) this.numMembersAwaitingJoin++;
    this.pendingMembers.delete(member.memberId);
  }

  /** GroupMetadata.remove: a removed leader is replaced by the first remaining member. */
  remove(memberId: string): void {
    const member = this.members.get(memberId);
    if (member) {
      this.members.delete(memberId);
      this.decSupportedProtocols(member);
      if (member.isAwaitingJoin) this.numMembersAwaitingJoin--;
      if (member.groupInstanceId !== undefined) this.staticMembers.delete(member.groupInstanceId);
    }
    if (this.isLeader(memberId)) this.leaderId = this.members.keys().next().value;
    this.pendingMembers.delete(memberId);
    this.pendingSyncMembers.delete(memberId);
  }

  /** If the leader did not rejoin, promote a member that did. False when nobody rejoined. */
  maybeElectNewJoinedLeader(): boolean {
    if (this.leaderId === undefined) return false;
    if (this.get(this.leaderId).isAwaitingJoin) return true;
    for (const m of this.members.values()) {
      if (m.isAwaitingJoin) {
        this.leaderId = m.memberId;
        return true;
      }
    }
    return false;
  }

  /** KIP-345: re-key a static member under its new member id; the old id's parked calls are fenced. */
  replaceStaticMember(
    groupInstanceId: string,
    oldMemberId: string,
    newMemberId: string,
  ): MemberMetadata {
    const member = this.get(oldMemberId);
    this.members.delete(oldMemberId);
    this.maybeInvokeJoinCallback(member, fencedJoin(oldMemberId));
    this.maybeInvokeSyncCallback(member, {
      api: 'SyncGroup',
      error: 'FENCED_INSTANCE_ID',
      assignment: [],
    });
    member.memberId = newMemberId;
    this.members.set(newMemberId, member);
    if (this.isLeader(oldMemberId)) this.leaderId = newMemberId;
    this.staticMembers.set(groupInstanceId, newMemberId);
    return member;
  }

  isPendingMember(memberId: string): boolean {
    return this.pendingMembers.has(memberId);
  }

  addPendingSyncMember(memberId: string): void {
    this.pendingSyncMembers.add(memberId);
  }

  removePendingSyncMember(memberId: string): void {
    this.pendingSyncMembers.delete(memberId);
  }

  get allPendingSyncMembers(): string[] {
    return [...this.pendingSyncMembers];
  }

  clearPendingSyncMembers(): void {
    this.pendingSyncMembers.clear();
  }

  currentStaticMemberId(groupInstanceId: string): string | undefined {
    return this.staticMembers.get(groupInstanceId);
  }

  get staticMemberCount(): number {
    return this.staticMembers.size;
  }

  /** Members that have not sent a JoinGroup in the current rebalance. */
  notYetRejoinedMembers(): MemberMetadata[] {
    return [...this.members.values()].filter((m) => !m.isAwaitingJoin);
  }

  hasAllMembersJoined(): boolean {
    return this.members.size === this.numMembersAwaitingJoin && this.pendingMembers.size === 0;
  }

  /** The largest rebalance timeout of the members, in ms. */
  rebalanceTimeoutMs(): number {
    let max = 0;
    for (const m of this.members.values()) max = Math.max(max, m.rebalanceTimeoutMs);
    return max;
  }

  /** `canRebalance`: PreparingRebalance may be entered from the current state. */
  canRebalance(): boolean {
    return canTransition(this.state, 'PreparingRebalance');
  }

  transitionTo(to: GroupState): void {
    const from = this.state;
    if (!canTransition(from, to)) throw new IllegalGroupStateTransition(this.groupId, from, to);
    this.state = to;
    this.stateTimestamp = this.hooks.now();
    this.hooks.onTransition(this, from, to);
  }

  /**
   * GroupMetadata.selectProtocol: among the protocols every member supports, each member votes for
   * its most preferred; the most votes wins (ties: the protocol voted first, in member order).
   */
  selectProtocol(): string {
    if (this.members.size === 0) throw new Error('Cannot select protocol for empty group');
    const candidates = this.candidateProtocols();
    const votes = new Map<string, number>();
    for (const m of this.members.values()) {
      const p = m.vote(candidates);
      votes.set(p, (votes.get(p) ?? 0) + 1);
    }
    let best = '';
    let bestVotes = -1;
    for (const [p, n] of votes) {
      if (n > bestVotes) {
        best = p;
        bestVotes = n;
      }
    }
    return best;
  }

  private candidateProtocols(): Set<string> {
    const n = this.members.size;
    return new Set([...this.supportedProtocols].filter(([, c]) => c === n).map(([p]) => p));
  }

  /** Whether a member with these protocols may join (INCONSISTENT_GROUP_PROTOCOL otherwise). */
  supportsProtocols(protocolType: string, protocols: Set<string>): boolean {
    if (this.is('Empty')) return protocolType !== '' && protocols.size > 0;
    return (
      this.protocolType === protocolType &&
      [...protocols].some((p) => (this.supportedProtocols.get(p) ?? 0) === this.members.size)
    );
  }

  /** GroupMetadata.computeSubscribedTopics for the `consumer` protocol type. */
  computeSubscribedTopics(): Set<string> | undefined {
    if (this.protocolType !== CONSUMER_PROTOCOL_TYPE) return undefined;
    if (this.members.size === 0) return new Set();
    if (this.protocolName === undefined) return undefined;
    const topics = new Set<string>();
    for (const m of this.members.values())
      for (const t of m.metadata(this.protocolName).topics) topics.add(t);
    return topics;
  }

  /** True when some member subscribes to `topic` (true when unknown, to be safe, as Kafka). */
  isSubscribedToTopic(topic: string): boolean {
    return this.subscribedTopics === undefined || this.subscribedTopics.has(topic);
  }

  /** GroupMetadata.updateMember: new protocols/timeouts, and (un)park the JoinGroup callback. */
  updateMember(
    member: MemberMetadata,
    protocols: JoinGroupProtocol[],
    rebalanceTimeoutMs: number,
    sessionTimeoutMs: number,
    callback: MemberMetadata['awaitingJoin'],
  ): void {
    this.decSupportedProtocols(member);
    member.supportedProtocols = protocols;
    this.incSupportedProtocols(member);
    member.rebalanceTimeoutMs = rebalanceTimeoutMs;
    member.sessionTimeoutMs = sessionTimeoutMs;
    if (callback && !member.isAwaitingJoin) this.numMembersAwaitingJoin++;
    else if (!callback && member.isAwaitingJoin) this.numMembersAwaitingJoin--;
    member.awaitingJoin = callback;
  }

  maybeInvokeJoinCallback(
    member: MemberMetadata,
    response: Parameters<NonNullable<MemberMetadata['awaitingJoin']>>[0],
  ): void {
    const cb = member.awaitingJoin;
    if (!cb) return;
    member.awaitingJoin = undefined;
    this.numMembersAwaitingJoin--;
    cb(response);
  }

  /** @returns true when a parked SyncGroup was answered. */
  maybeInvokeSyncCallback(
    member: MemberMetadata,
    response: Parameters<NonNullable<MemberMetadata['awaitingSync']>>[0],
  ): boolean {
    const cb = member.awaitingSync;
    if (!cb) return false;
    member.awaitingSync = undefined;
    cb(response);
    return true;
  }

  /** GroupMetadata.initNextGeneration: bump the generation, pick the protocol, leave PreparingRebalance. */
  initNextGeneration(): void {
    this.generationId++;
    if (this.members.size > 0) {
      this.protocolName = this.selectProtocol();
      this.subscribedTopics = this.computeSubscribedTopics();
      this.transitionTo('CompletingRebalance');
    } else {
      this.protocolName = undefined;
      this.subscribedTopics = this.computeSubscribedTopics();
      this.transitionTo('Empty');
    }
    this.clearPendingSyncMembers();
  }

  /** Every member's metadata for the selected protocol, as sent to the leader in JoinGroup. */
  currentMemberMetadata(): JoinGroupResponseMember[] {
    const protocol = this.protocolName;
    if (protocol === undefined || this.is('Dead') || this.is('PreparingRebalance'))
      throw new Error(`Cannot obtain member metadata for group in state ${this.state}`);
    return [...this.members.values()].map((m) => ({
      memberId: m.memberId,
      ...(m.groupInstanceId !== undefined ? { groupInstanceId: m.groupInstanceId } : {}),
      subscription: m.metadata(protocol),
    }));
  }

  private incSupportedProtocols(member: MemberMetadata): void {
    for (const p of member.protocolNames())
      this.supportedProtocols.set(p, (this.supportedProtocols.get(p) ?? 0) + 1);
  }

  private decSupportedProtocols(member: MemberMetadata): void {
    for (const p of member.protocolNames())
      this.supportedProtocols.set(p, (this.supportedProtocols.get(p) ?? 0) - 1);
  }
}

function fencedJoin(memberId: string) {
  return {
    api: 'JoinGroup' as const,
    error: 'FENCED_INSTANCE_ID' as const,
    generationId: -1,
    leader: '',
    skipAssignment: false,
    memberId,
    members: [],
  };
}
