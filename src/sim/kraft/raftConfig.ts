/**
 * KRaft quorum timing, with Kafka 3.9's defaults from raft/src/main/java/org/apache/kafka/raft/
 * QuorumConfig.java and the constants of KafkaRaftClient.java / LeaderState.java. All values are
 * virtual milliseconds. https://kafka.apache.org/39/documentation/#brokerconfigs_controller.quorum.election.timeout.ms
 */

/** Resolved quorum timing, in ms. */
export interface RaftConfig {
  /**
   * `controller.quorum.election.timeout.ms` (1000): an unattached voter or a candidate waits a
   * random time in `[electionTimeoutMs, 2 * electionTimeoutMs)` before (re)starting an election.
   */
  readonly electionTimeoutMs: number;
  /**
   * `controller.quorum.fetch.timeout.ms` (2000): a follower with no successful Fetch response from
   * the leader for this long becomes a candidate; the leader resigns when a majority has not
   * fetched for 1.5× this long; BeginQuorumEpoch is re-sent every half of it.
   */
  readonly fetchTimeoutMs: number;
  /** `controller.quorum.election.backoff.max.ms` (1000): cap of the binary exponential backoff. */
  readonly electionBackoffMaxMs: number;
  /**
   * How long the leader holds a Fetch that finds nothing new (KafkaRaftClient's `fetchMaxWaitMs`,
   * 500): an idle follower fetches about this often. New records or a high-watermark move answer
   * held fetches at once.
   */
  readonly fetchIntervalMs: number;
  /** `controller.quorum.request.timeout.ms` (2000): a Fetch with no answer for this long is re-sent. */
  readonly requestTimeoutMs: number;
  /** `controller.quorum.retry.backoff.ms` (20): wait after an error answer before fetching again. */
  readonly retryBackoffMs: number;
}

/** Kafka 3.9's defaults. */
export const DEFAULT_RAFT_CONFIG: RaftConfig = {
  electionTimeoutMs: 1000,
  fetchTimeoutMs: 2000,
  electionBackoffMaxMs: 1000,
  fetchIntervalMs: 500,
  requestTimeoutMs: 2000,
  retryBackoffMs: 20,
};

/** The server.properties key of each setting (QuorumConfig.java). */
export const RAFT_CONFIG_KEYS: Readonly<Record<keyof RaftConfig, string | undefined>> = {
  electionTimeoutMs: 'controller.quorum.election.timeout.ms',
  fetchTimeoutMs: 'controller.quorum.fetch.timeout.ms',
  electionBackoffMaxMs: 'controller.quorum.election.backoff.max.ms',
  fetchIntervalMs: undefined,
  requestTimeoutMs: 'controller.quorum.request.timeout.ms',
  retryBackoffMs: 'controller.quorum.retry.backoff.ms',
};

/** Base of the binary exponential election backoff, ms (`KafkaRaftClient.RETRY_BACKOFF_BASE_MS`). */
export const RETRY_BACKOFF_BASE_MS = 100;

/** The leader resigns after `fetchTimeoutMs × 1.5` without fetches from a majority (`LeaderState`). */
export const CHECK_QUORUM_TIMEOUT_FACTOR = 1.5;

/** An observer that has not fetched for this long leaves DescribeQuorum's list, ms (`LeaderState`). */
export const OBSERVER_SESSION_TIMEOUT_MS = 300_000;

/** Most entries one Fetch response carries (Kafka bounds it by bytes, 8 MiB). */
export const MAX_FETCH_ENTRIES = 1000;

/** Fills unset fields with {@link DEFAULT_RAFT_CONFIG}. */
export function resolveRaftConfig(overrides: Partial<RaftConfig> = {}): RaftConfig {
  const out = { ...DEFAULT_RAFT_CONFIG };
  for (const key of Object.keys(out) as (keyof RaftConfig)[]) {
    const value = overrides[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Reads the `controller.quorum.*` keys of a server.properties map; unknown keys are ignored. */
export function raftConfigFromProperties(props: Readonly<Record<string, string>>): RaftConfig {
  const overrides: Partial<Record<keyof RaftConfig, number>> = {};
  for (const [field, key] of Object.entries(RAFT_CONFIG_KEYS) as [
    keyof RaftConfig,
    string | undefined,
  ][]) {
    const raw = key === undefined ? undefined : props[key];
    if (raw !== undefined && /^\d+$/.test(raw.trim())) overrides[field] = Number(raw.trim());
  }
  return resolveRaftConfig(overrides);
}
