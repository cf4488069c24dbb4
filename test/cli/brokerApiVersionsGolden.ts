/**
 * What `kafka-broker-api-versions.sh` prints for each Kafka 3.9 broker between `… -> (` and `)`:
 * `NodeApiVersions.toString(true)` (clients/src/main/java/org/apache/kafka/clients/NodeApiVersions.java)
 * of a 3.9 client over a 3.9 broker's ApiVersions answer. The ranges are the `validVersions` of
 * clients/src/main/resources/common/message/*Request.json on the 3.9 branch, the set of APIs per
 * mode their `listeners` (`zkBroker` / `broker`, ApiKeys.clientApis() being both), less the
 * unstable share-group APIs and the client-telemetry APIs (ApiVersionsResponse.filterApis).
 * Both lists agree line for line with the tool's published output against a 3.9.2 ZooKeeper-mode
 * broker and a 3.9.0 KRaft broker.
 */

/** Lines common to both modes, by API key. */
const common: Record<number, string> = {
  0: 'Produce(0): 0 to 11 [usable: 11]',
  1: 'Fetch(1): 0 to 17 [usable: 17]',
  2: 'ListOffsets(2): 0 to 9 [usable: 9]',
  3: 'Metadata(3): 0 to 12 [usable: 12]',
  8: 'OffsetCommit(8): 0 to 9 [usable: 9]',
  9: 'OffsetFetch(9): 0 to 9 [usable: 9]',
  10: 'FindCoordinator(10): 0 to 6 [usable: 6]',
  11: 'JoinGroup(11): 0 to 9 [usable: 9]',
  12: 'Heartbeat(12): 0 to 4 [usable: 4]',
  13: 'LeaveGroup(13): 0 to 5 [usable: 5]',
  14: 'SyncGroup(14): 0 to 5 [usable: 5]',
  15: 'DescribeGroups(15): 0 to 5 [usable: 5]',
  16: 'ListGroups(16): 0 to 5 [usable: 5]',
  17: 'SaslHandshake(17): 0 to 1 [usable: 1]',
  18: 'ApiVersions(18): 0 to 4 [usable: 4]',
  19: 'CreateTopics(19): 0 to 7 [usable: 7]',
  20: 'DeleteTopics(20): 0 to 6 [usable: 6]',
  21: 'DeleteRecords(21): 0 to 2 [usable: 2]',
  22: 'InitProducerId(22): 0 to 5 [usable: 5]',
  23: 'OffsetForLeaderEpoch(23): 0 to 4 [usable: 4]',
  24: 'AddPartitionsToTxn(24): 0 to 5 [usable: 5]',
  25: 'AddOffsetsToTxn(25): 0 to 4 [usable: 4]',
  26: 'EndTxn(26): 0 to 4 [usable: 4]',
  27: 'WriteTxnMarkers(27): 0 to 1 [usable: 1]',
  28: 'TxnOffsetCommit(28): 0 to 4 [usable: 4]',
  29: 'DescribeAcls(29): 0 to 3 [usable: 3]',
  30: 'CreateAcls(30): 0 to 3 [usable: 3]',
  31: 'DeleteAcls(31): 0 to 3 [usable: 3]',
  32: 'DescribeConfigs(32): 0 to 4 [usable: 4]',
  33: 'AlterConfigs(33): 0 to 2 [usable: 2]',
  34: 'AlterReplicaLogDirs(34): 0 to 2 [usable: 2]',
  35: 'DescribeLogDirs(35): 0 to 4 [usable: 4]',
  36: 'SaslAuthenticate(36): 0 to 2 [usable: 2]',
  37: 'CreatePartitions(37): 0 to 3 [usable: 3]',
  38: 'CreateDelegationToken(38): 0 to 3 [usable: 3]',
  39: 'RenewDelegationToken(39): 0 to 2 [usable: 2]',
  40: 'ExpireDelegationToken(40): 0 to 2 [usable: 2]',
  41: 'DescribeDelegationToken(41): 0 to 3 [usable: 3]',
  42: 'DeleteGroups(42): 0 to 2 [usable: 2]',
  43: 'ElectLeaders(43): 0 to 2 [usable: 2]',
  44: 'IncrementalAlterConfigs(44): 0 to 1 [usable: 1]',
  45: 'AlterPartitionReassignments(45): 0 [usable: 0]',
  46: 'ListPartitionReassignments(46): 0 [usable: 0]',
  47: 'OffsetDelete(47): 0 [usable: 0]',
  48: 'DescribeClientQuotas(48): 0 to 1 [usable: 1]',
  49: 'AlterClientQuotas(49): 0 to 1 [usable: 1]',
  50: 'DescribeUserScramCredentials(50): 0 [usable: 0]',
  51: 'AlterUserScramCredentials(51): 0 [usable: 0]',
  57: 'UpdateFeatures(57): 0 to 1 [usable: 1]',
  60: 'DescribeCluster(60): 0 to 1 [usable: 1]',
  61: 'DescribeProducers(61): 0 [usable: 0]',
  65: 'DescribeTransactions(65): 0 [usable: 0]',
  66: 'ListTransactions(66): 0 to 1 [usable: 1]',
  68: 'ConsumerGroupHeartbeat(68): 0 [usable: 0]',
  69: 'ConsumerGroupDescribe(69): 0 [usable: 0]',
  71: 'GetTelemetrySubscriptions(71): UNSUPPORTED',
  72: 'PushTelemetry(72): UNSUPPORTED',
  76: 'ShareGroupHeartbeat(76): UNSUPPORTED',
  77: 'ShareGroupDescribe(77): UNSUPPORTED',
  78: 'ShareFetch(78): UNSUPPORTED',
  79: 'ShareAcknowledge(79): UNSUPPORTED',
  83: 'InitializeShareGroupState(83): UNSUPPORTED',
  84: 'ReadShareGroupState(84): UNSUPPORTED',
  85: 'WriteShareGroupState(85): UNSUPPORTED',
  86: 'DeleteShareGroupState(86): UNSUPPORTED',
  87: 'ReadShareGroupStateSummary(87): UNSUPPORTED',
};

/** ZooKeeper mode (`zkBroker` listener). */
const zookeeper: Record<number, string> = {
  4: 'LeaderAndIsr(4): 0 to 7 [usable: 7]',
  5: 'StopReplica(5): 0 to 4 [usable: 4]',
  6: 'UpdateMetadata(6): 0 to 8 [usable: 8]',
  7: 'ControlledShutdown(7): 0 to 3 [usable: 3]',
  55: 'DescribeQuorum(55): UNSUPPORTED',
  56: 'AlterPartition(56): 0 to 3 [usable: 3]',
  58: 'Envelope(58): 0 [usable: 0]',
  64: 'UnregisterBroker(64): UNSUPPORTED',
  67: 'AllocateProducerIds(67): 0 [usable: 0]',
  74: 'ListClientMetricsResources(74): UNSUPPORTED',
  75: 'DescribeTopicPartitions(75): UNSUPPORTED',
  80: 'AddRaftVoter(80): UNSUPPORTED',
  81: 'RemoveRaftVoter(81): UNSUPPORTED',
};

/** KRaft mode (`broker` listener). */
const kraft: Record<number, string> = {
  4: 'LeaderAndIsr(4): UNSUPPORTED',
  5: 'StopReplica(5): UNSUPPORTED',
  6: 'UpdateMetadata(6): UNSUPPORTED',
  7: 'ControlledShutdown(7): UNSUPPORTED',
  55: 'DescribeQuorum(55): 0 to 2 [usable: 2]',
  56: 'AlterPartition(56): UNSUPPORTED',
  58: 'Envelope(58): UNSUPPORTED',
  64: 'UnregisterBroker(64): 0 [usable: 0]',
  67: 'AllocateProducerIds(67): UNSUPPORTED',
  74: 'ListClientMetricsResources(74): 0 [usable: 0]',
  75: 'DescribeTopicPartitions(75): 0 [usable: 0]',
  80: 'AddRaftVoter(80): 0 [usable: 0]',
  81: 'RemoveRaftVoter(81): 0 [usable: 0]',
};

const body = (lines: Record<number, string>) =>
  Object.entries({ ...common, ...lines })
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, line]) => line);

/** One broker's block: `node -> (`, a tab before each API line, `,` between them, `)`. */
export function brokerBlock(node: string, mode: 'zookeeper' | 'kraft'): string {
  const lines = body(mode === 'kraft' ? kraft : zookeeper);
  return `${node} -> (\n\t${lines.join(',\n\t')}\n)\n`;
}
