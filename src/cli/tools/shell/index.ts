/** The shell utilities every terminal has. */
import type { Tool } from '../../runtime/types';
import { catTool } from './cat';
import { cutTool } from './cut';
import { echoTool } from './echo';
import { grepTool } from './grep/grep';
import { headTool } from './head';
import { lsTool } from './ls';
import { miscTools } from './misc';
import { printfTool } from './printf';
import { seqTool } from './seq';
import { sleepTool } from './sleep';
import { sortTool } from './sort';
import { tailTool } from './tail';
import { tarTool } from './tar';
import { teeTool } from './tee';
import { testTools } from './test';
import { trTool } from './tr';
import { uniqTool } from './uniq';
import { wcTool } from './wc';
import { xargsTool } from './xargs';

export const shellTools: Tool[] = [
  echoTool,
  catTool,
  lsTool,
  sleepTool,
  tarTool,
  ...miscTools,
  ...testTools,
  // The text utilities learners pipe Kafka's output through.
  grepTool,
  headTool,
  tailTool,
  wcTool,
  sortTool,
  uniqTool,
  cutTool,
  trTool,
  teeTool,
  seqTool,
  printfTool,
  xargsTool,
];
