/** Tools of the 'console' family, registered in ../../kafkaTools.ts. */
import type { Tool } from '../../../runtime/types';

export const consoleTools: Tool[] = [];
