/** The Kafka command-line tools and lifecycle scripts, one file each under `tools/`. */
import type { Tool } from '../runtime/types';

export const kafkaTools: Tool[] = [];
