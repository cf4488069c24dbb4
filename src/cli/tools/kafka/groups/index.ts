/** Tools of the 'groups' family, registered in ../../kafkaTools.ts. */
import type { Tool } from '../../../runtime/types';
import { consumerGroupsTool } from './consumerGroupCommand';

export const groupsTools: Tool[] = [consumerGroupsTool];
