/**
 * One member of a classic group as the coordinator tracks it: core/src/main/scala/kafka/coordinator/
 * group/MemberMetadata.scala (Kafka 3.9).
 */
import type {
  JoinGroupProtocol,
  JoinGroupResponse,
  Subscription,
  SyncGroupResponse,
  TopicPartitionRef,
} from './protocol';

/** Static fields a member is created with. */
export interface MemberInit {
  memberId: string;
  groupInstanceId?: string;
  clientId: string;
  clientHost: string;
  /** ms */
  rebalanceTimeoutMs: number;
  /** ms */
  sessionTimeoutMs: number;
  protocolType: string;
  supportedProtocols: JoinGroupProtocol[];
}

/** A group member with its parked JoinGroup/SyncGroup callbacks and heartbeat expectation. */
export class MemberMetadata {
  memberId: string;
  readonly groupInstanceId?: string;
  readonly clientId: string;
  readonly clientHost: string;
  /** ms */
  rebalanceTimeoutMs: number;
  /** ms */
  sessionTimeoutMs: number;
  readonly protocolType: string;
  /** Protocols in the member's preference order. */
  supportedProtocols: JoinGroupProtocol[];
  /** Assignment delivered in the last SyncGroup. */
  assignment: TopicPartitionRef[] = [];
  /** Parked JoinGroup response callback while the group prepares a rebalance. */
  awaitingJoin?: (response: JoinGroupResponse) => void;
  /** Parked SyncGroup response callback while the group awaits the leader's assignment. */
  awaitingSync?: (response: SyncGroupResponse) => void;
  /** A member added in the current rebalance (expires after NewMemberJoinTimeoutMs, not the session). */
  isNew = false;
  /** Set when the current heartbeat expectation was met (DelayedHeartbeat). */
  heartbeatSatisfied = false;
  /** Timer of the pending heartbeat expiration. */
  heartbeatTimer?: number;

  constructor(init: MemberInit) {
    this.memberId = init.memberId;
    this.groupInstanceId = init.groupInstanceId;
    this.clientId = init.clientId;
    this.clientHost = init.clientHost;
    this.rebalanceTimeoutMs = init.rebalanceTimeoutMs;
    this.sessionTimeoutMs = init.sessionTimeoutMs;
    this.protocolType = init.protocolType;
    this.supportedProtocols = init.supportedProtocols;
  }

  /** True for a KIP-345 static member. */
  get isStaticMember(): boolean {
    return this.groupInstanceId !== undefined;
  }

  get isAwaitingJoin(): boolean {
    return this.awaitingJoin !== undefined;
  }

  get isAwaitingSync(): boolean {
    return this.awaitingSync !== undefined;
  }

  /**
   * MemberMetadata.hasSatisfiedHeartbeat: members parked in a rebalance satisfy heartbeats
   * automatically, except new members, which must complete their first join in time.
   */
  get hasSatisfiedHeartbeat(): boolean {
    if (this.isNew) return this.heartbeatSatisfied;
    if (this.isAwaitingJoin || this.isAwaitingSync) return true;
    return this.heartbeatSatisfied;
  }

  /** Protocol names, as a set. */
  protocolNames(): Set<string> {
    return new Set(this.supportedProtocols.map((p) => p.name));
  }

  /** The member's metadata for `protocol`. */
  metadata(protocol: string): Subscription {
    const found = this.supportedProtocols.find((p) => p.name === protocol);
    if (!found) throw new Error('Member does not support protocol');
    return found.subscription;
  }

  /** MemberMetadata.matches: same protocols, in the same order, with the same metadata. */
  matches(protocols: JoinGroupProtocol[]): boolean {
    return JSON.stringify(protocols) === JSON.stringify(this.supportedProtocols);
  }

  /** MemberMetadata.vote: the member's most preferred protocol among `candidates`. */
  vote(candidates: Set<string>): string {
    const found = this.supportedProtocols.find((p) => candidates.has(p.name));
    if (!found) throw new Error('Member does not support any of the candidate protocols');
    return found.name;
  }
}
