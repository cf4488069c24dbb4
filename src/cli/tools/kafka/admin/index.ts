/** Tools of the 'admin' family, registered in ../../kafkaTools.ts. */
import type { Tool } from '../../../runtime/types';

export const adminTools: Tool[] = [];
