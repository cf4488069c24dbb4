/**
 * Kafka 3.9's API keys as brokers advertise them in an ApiVersions response (KIP-35, KIP-511):
 * `clients/src/main/java/org/apache/kafka/common/protocol/ApiKeys.java` built from
 * `clients/src/main/resources/common/message/*Request.json` (`apiKey`, `validVersions`,
 * `listeners`, `latestVersionUnstable`), filtered by `ApiVersionsResponse.filterApis`.
 *
 * The table holds `ApiKeys.clientApis()`: the APIs served on a broker listener, `zkBroker`
 * (ZooKeeper mode) or `broker` (KRaft mode). Controller-only APIs (Vote, BeginQuorumEpoch,
 * BrokerRegistration, …) are left out, and so is whether an API is also served to controllers.
 * Version ranges are those of the 3.9 branch; they match what `kafka-broker-api-versions.sh`
 * prints against a 3.9.0 KRaft cluster and a 3.9.2 ZooKeeper-mode cluster.
 */

/** `ApiMessageType.ListenerType` of a broker: ZooKeeper-mode broker or KRaft broker. */
export type BrokerListener = 'zkBroker' | 'broker';

/** One API key: its id and name (`ApiKeys.name`), version range and listeners. */
export interface ApiKeyInfo {
  readonly id: number;
  readonly name: string;
  /** `validVersions` lower bound: `ApiKeys.oldestVersion()`. */
  readonly oldestVersion: number;
  /** `validVersions` upper bound, unstable version included: `ApiKeys.latestVersion()`. */
  readonly latestVersion: number;
  readonly listeners: readonly BrokerListener[];
  /** `latestVersionUnstable`: the last version is only advertised with `unstable.api.versions.enable`. */
  readonly latestVersionUnstable: boolean;
}

/** One entry of an ApiVersions response (`ApiVersionsResponseData.ApiVersion`). */
export interface ApiVersion {
  readonly apiKey: number;
  readonly minVersion: number;
  readonly maxVersion: number;
}

const BOTH: readonly BrokerListener[] = ['zkBroker', 'broker'];
const ZK: readonly BrokerListener[] = ['zkBroker'];
const KRAFT: readonly BrokerListener[] = ['broker'];

/** `[id, name, oldest, latest, listeners, latestVersionUnstable?]` rows, by id. */
const rows: readonly [number, string, number, number, readonly BrokerListener[], boolean?][] = [
  [0, 'Produce', 0, 11, BOTH],
  [1, 'Fetch', 0, 17, BOTH],
  [2, 'ListOffsets', 0, 9, BOTH],
  [3, 'Metadata', 0, 12, BOTH],
  [4, 'LeaderAndIsr', 0, 7, ZK],
  [5, 'StopReplica', 0, 4, ZK],
  [6, 'UpdateMetadata', 0, 8, ZK],
  [7, 'ControlledShutdown', 0, 3, ZK],
  [8, 'OffsetCommit', 0, 9, BOTH],
  [9, 'OffsetFetch', 0, 9, BOTH],
  [10, 'FindCoordinator', 0, 6, BOTH],
  [11, 'JoinGroup', 0, 9, BOTH],
  [12, 'Heartbeat', 0, 4, BOTH],
  [13, 'LeaveGroup', 0, 5, BOTH],
  [14, 'SyncGroup', 0, 5, BOTH],
  [15, 'DescribeGroups', 0, 5, BOTH],
  [16, 'ListGroups', 0, 5, BOTH],
  [17, 'SaslHandshake', 0, 1, BOTH],
  [18, 'ApiVersions', 0, 4, BOTH],
  [19, 'CreateTopics', 0, 7, BOTH],
  [20, 'DeleteTopics', 0, 6, BOTH],
  [21, 'DeleteRecords', 0, 2, BOTH],
  [22, 'InitProducerId', 0, 5, BOTH],
  [23, 'OffsetForLeaderEpoch', 0, 4, BOTH],
  [24, 'AddPartitionsToTxn', 0, 5, BOTH],
  [25, 'AddOffsetsToTxn', 0, 4, BOTH],
  [26, 'EndTxn', 0, 4, BOTH],
  [27, 'WriteTxnMarkers', 0, 1, BOTH],
  [28, 'TxnOffsetCommit', 0, 4, BOTH],
  [29, 'DescribeAcls', 0, 3, BOTH],
  [30, 'CreateAcls', 0, 3, BOTH],
  [31, 'DeleteAcls', 0, 3, BOTH],
  [32, 'DescribeConfigs', 0, 4, BOTH],
  [33, 'AlterConfigs', 0, 2, BOTH],
  [34, 'AlterReplicaLogDirs', 0, 2, BOTH],
  [35, 'DescribeLogDirs', 0, 4, BOTH],
  [36, 'SaslAuthenticate', 0, 2, BOTH],
  [37, 'CreatePartitions', 0, 3, BOTH],
  [38, 'CreateDelegationToken', 0, 3, BOTH],
  [39, 'RenewDelegationToken', 0, 2, BOTH],
  [40, 'ExpireDelegationToken', 0, 2, BOTH],
  [41, 'DescribeDelegationToken', 0, 3, BOTH],
  [42, 'DeleteGroups', 0, 2, BOTH],
  [43, 'ElectLeaders', 0, 2, BOTH],
  [44, 'IncrementalAlterConfigs', 0, 1, BOTH],
  [45, 'AlterPartitionReassignments', 0, 0, BOTH],
  [46, 'ListPartitionReassignments', 0, 0, BOTH],
  [47, 'OffsetDelete', 0, 0, BOTH],
  [48, 'DescribeClientQuotas', 0, 1, BOTH],
  [49, 'AlterClientQuotas', 0, 1, BOTH],
  [50, 'DescribeUserScramCredentials', 0, 0, BOTH],
  [51, 'AlterUserScramCredentials', 0, 0, BOTH],
  [55, 'DescribeQuorum', 0, 2, KRAFT],
  [56, 'AlterPartition', 0, 3, ZK],
  [57, 'UpdateFeatures', 0, 1, BOTH],
  [58, 'Envelope', 0, 0, ZK],
  [60, 'DescribeCluster', 0, 1, BOTH],
  [61, 'DescribeProducers', 0, 0, BOTH],
  [64, 'UnregisterBroker', 0, 0, KRAFT],
  [65, 'DescribeTransactions', 0, 0, BOTH],
  [66, 'ListTransactions', 0, 1, BOTH],
  [67, 'AllocateProducerIds', 0, 0, ZK],
  [68, 'ConsumerGroupHeartbeat', 0, 0, BOTH],
  [69, 'ConsumerGroupDescribe', 0, 0, BOTH],
  [71, 'GetTelemetrySubscriptions', 0, 0, KRAFT],
  [72, 'PushTelemetry', 0, 0, KRAFT],
  [74, 'ListClientMetricsResources', 0, 0, KRAFT],
  [75, 'DescribeTopicPartitions', 0, 0, KRAFT],
  // KIP-932 share groups: early work in 3.9, every version unstable.
  [76, 'ShareGroupHeartbeat', 0, 0, KRAFT, true],
  [77, 'ShareGroupDescribe', 0, 0, KRAFT, true],
  [78, 'ShareFetch', 0, 0, KRAFT, true],
  [79, 'ShareAcknowledge', 0, 0, KRAFT, true],
  [80, 'AddRaftVoter', 0, 0, KRAFT],
  [81, 'RemoveRaftVoter', 0, 0, KRAFT],
  [83, 'InitializeShareGroupState', 0, 0, KRAFT, true],
  [84, 'ReadShareGroupState', 0, 0, KRAFT, true],
  [85, 'WriteShareGroupState', 0, 0, KRAFT, true],
  [86, 'DeleteShareGroupState', 0, 0, KRAFT, true],
  [87, 'ReadShareGroupStateSummary', 0, 0, KRAFT, true],
];

/** `ApiKeys.clientApis()` of Kafka 3.9, by id. */
export const clientApiKeys: readonly ApiKeyInfo[] = rows.map(
  ([id, name, oldestVersion, latestVersion, listeners, unstable]) => ({
    id,
    name,
    oldestVersion,
    latestVersion,
    listeners,
    latestVersionUnstable: unstable === true,
  }),
);

const byId = new Map(clientApiKeys.map((k) => [k.id, k]));

/** The API key with this id, if a 3.9 client knows it (`ApiKeys.hasId` / `forId`). */
export function apiKeyById(id: number): ApiKeyInfo | undefined {
  return byId.get(id);
}

/** KIP-714 client telemetry: advertised only when a `ClientTelemetry` metrics reporter is set. */
const telemetryApis = new Set([71, 72]);

/**
 * What a broker of this listener type advertises (`ApiVersionsResponse.filterApis` with
 * `unstable.api.versions.enable=false` and no client telemetry reporter): each API of the
 * listener up to its latest stable version; an API with no stable version is left out.
 */
export function brokerApiVersions(listener: BrokerListener): ApiVersion[] {
  const out: ApiVersion[] = [];
  for (const k of clientApiKeys) {
    if (!k.listeners.includes(listener) || telemetryApis.has(k.id)) continue;
    const maxVersion = k.latestVersionUnstable ? k.latestVersion - 1 : k.latestVersion;
    if (maxVersion >= k.oldestVersion)
      out.push({ apiKey: k.id, minVersion: k.oldestVersion, maxVersion });
  }
  return out;
}
