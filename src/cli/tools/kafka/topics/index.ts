/** Tools of the 'topics' family, registered in ../../kafkaTools.ts. */
import type { Tool } from '../../../runtime/types';
import { kafkaTopicsTool } from './kafkaTopics';

export const topicsTools: Tool[] = [kafkaTopicsTool];
