/** Tools of the 'lifecycle' family, registered in ../../kafkaTools.ts. */
import type { Tool } from '../../../runtime/types';
import { dockerComposeTool, dockerTool } from './docker/dockerTool';
import { kafkaServerStartTool } from './kafkaServerStart';
import { kafkaServerStopTool } from './kafkaServerStop';
import { zookeeperServerStartTool } from './zookeeperServerStart';
import { zookeeperServerStopTool } from './zookeeperServerStop';

export const lifecycleTools: Tool[] = [
  zookeeperServerStartTool,
  zookeeperServerStopTool,
  kafkaServerStartTool,
  kafkaServerStopTool,
  dockerTool,
  dockerComposeTool,
];
