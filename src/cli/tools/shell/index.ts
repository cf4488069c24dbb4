/** The shell utilities every terminal has. */
import type { Tool } from '../../runtime/types';
import { catTool } from './cat';
import { echoTool } from './echo';
import { lsTool } from './ls';
import { miscTools } from './misc';
import { sleepTool } from './sleep';
import { tarTool } from './tar';

export const shellTools: Tool[] = [echoTool, catTool, lsTool, sleepTool, tarTool, ...miscTools];
