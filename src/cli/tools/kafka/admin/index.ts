/** Tools of the 'admin' family, registered in ../../kafkaTools.ts. */
import type { Tool } from '../../../runtime/types';
import { brokerApiVersionsTool } from './brokerApiVersions';
import { getOffsetsTool } from './getOffsets';
import { kafkaConfigsTool } from './kafkaConfigs';
import { leaderElectionTool } from './leaderElection';
import { metadataQuorumTool } from './metadataQuorum';
import { reassignPartitionsTool } from './reassignPartitions';
import { storageTool } from './storageTool';

export const adminTools: Tool[] = [
  kafkaConfigsTool,
  leaderElectionTool,
  reassignPartitionsTool,
  getOffsetsTool,
  metadataQuorumTool,
  storageTool,
  brokerApiVersionsTool,
];
