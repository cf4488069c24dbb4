/** Tools of the 'perf' family (`kafka-producer-perf-test`, `kafka-consumer-perf-test`), registered in ../../kafkaTools.ts. */
import type { Tool } from '../../../runtime/types';
import { consumerPerfTestTool } from './consumerPerformance';
import { producerPerfTestTool } from './producerPerformance';

export const perfTools: Tool[] = [producerPerfTestTool, consumerPerfTestTool];
