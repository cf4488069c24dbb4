/** Tools of the 'groups' family, registered in ../../kafkaTools.ts. */
import type { Tool } from '../../../runtime/types';

export const groupsTools: Tool[] = [];
