/** Tools of the 'lifecycle' family, registered in ../../kafkaTools.ts. */
import type { Tool } from '../../../runtime/types';

export const lifecycleTools: Tool[] = [];
