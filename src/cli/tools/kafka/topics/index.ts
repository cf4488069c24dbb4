/** Tools of the 'topics' family, registered in ../../kafkaTools.ts. */
import type { Tool } from '../../../runtime/types';

export const topicsTools: Tool[] = [];
