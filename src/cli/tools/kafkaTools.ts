/** The Kafka command-line tools and lifecycle scripts, one file each under `tools/kafka/`. */
import type { Tool } from '../runtime/types';
import { adminTools } from './kafka/admin/index';
import { consoleTools } from './kafka/console/index';
import { groupsTools } from './kafka/groups/index';
import { lifecycleTools } from './kafka/lifecycle/index';
import { perfTools } from './kafka/perf/index';
import { topicsTools } from './kafka/topics/index';

export const kafkaTools: Tool[] = [
  ...topicsTools,
  ...consoleTools,
  ...groupsTools,
  ...adminTools,
  ...perfTools,
  ...lifecycleTools,
];
