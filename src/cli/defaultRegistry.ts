/** Every tool the workbench's shell knows, registered once (DESIGN §4). */
import { ToolRegistry } from './runtime/registry';
import { shellTools } from './tools/shell/index';
import { kafkaTools } from './tools/kafkaTools';

export function createDefaultRegistry(): ToolRegistry {
  const registry = new ToolRegistry();
  for (const tool of [...shellTools, ...kafkaTools]) registry.register(tool);
  return registry;
}
