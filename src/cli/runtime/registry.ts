/**
 * The command registry (excalidraw-style: one registration per tool file). The shell, `help`,
 * tab completion and the lesson checker all read it.
 */
import type { Tool } from './types';

export class ToolRegistry {
  private readonly tools = new Map<string, Tool>();

  register(tool: Tool): void {
    if (this.tools.has(tool.name)) throw new Error(`tool ${tool.name} registered twice`);
    this.tools.set(tool.name, tool);
  }

  get(name: string): Tool | undefined {
    return this.tools.get(name);
  }

  /** Every registered tool, sorted by name. */
  all(): Tool[] {
    return [...this.tools.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  }
}
