/**
 * The KRaft controller quorum's consensus layer (KIP-500 / KIP-595): leader election among the
 * voters of `controller.quorum.voters`, pull-based replication of the `__cluster_metadata` log to
 * voters and observers, the high watermark, and DescribeQuorum.
 *
 * Events a {@link RaftNode} emits through {@link RaftContext.emit} (every one has `nodeId`):
 * - `kraft.started` {epoch, voter, logEndOffset} / `kraft.stopped` {role, epoch}
 * - `kraft.state.changed` {role, epoch, leaderId: number|null, votedFor: number|null} on every transition
 * - `kraft.election.started` {epoch, reason, retries, lastOffset, lastOffsetEpoch}
 * - `kraft.election.backoff` {epoch, backoffMs, reason: 'election-timeout'|'rejected'}
 * - `kraft.vote.granted` {candidateId, epoch} / `kraft.vote.rejected` {candidateId, epoch, reason}
 * - `kraft.leader.elected` {epoch, grantingVoters, epochStartOffset}
 * - `kraft.resigned` {epoch, reason: 'check-quorum'|'higher-epoch'}
 * - `kraft.appended` {epoch, baseOffset, lastOffset, count} (leader)
 * - `kraft.log.truncated` {epoch, leaderId, fromOffset, toOffset} (follower, divergence)
 * - `kraft.committed` {epoch, offset, highWatermark}: `offset` is the last committed offset
 *
 * https://cwiki.apache.org/confluence/display/KAFKA/KIP-595%3A+A+Raft+Protocol+for+the+Metadata+Quorum
 */
export { RaftNode } from './raftNode';
export type { ElectionReason } from './raftNode';
export type { ResignReason } from './raftReplica';
export type {
  CommittedEntry,
  QuorumDescription,
  QuorumReplicaDescription,
  RaftContext,
  RaftRole,
} from './raftTypes';
export {
  DEFAULT_RAFT_CONFIG,
  RAFT_CONFIG_KEYS,
  raftConfigFromProperties,
  resolveRaftConfig,
} from './raftConfig';
export type { RaftConfig } from './raftConfig';
export { compareOffsetAndEpoch } from './raftLog';
export type {
  LeaderChangeMessage,
  OffsetAndEpoch,
  RaftControlEntry,
  RaftDataEntry,
  RaftEntry,
} from './raftLog';
export { NO_LEADER } from './raftMessages';
export type {
  BeginQuorumEpochRequest,
  BeginQuorumEpochResponse,
  FetchRequest,
  FetchResponse,
  RaftErrorName,
  RaftMessage,
  VoteRequest,
  VoteResponse,
} from './raftMessages';
