/**
 * The terminals' half of the backend: the Kafka tools, the shell behind each tab and tab
 * completion. It is its own chunk, loaded when the first terminal opens, so the worker can send
 * the first snapshot (and the diagram can render) before the CLI has arrived (DESIGN §5, the
 * `bench:ui` initial-JS target).
 */
import { createDefaultRegistry } from '../cli/defaultRegistry';
import type { ClusterHost } from '../cli/host/clusterHost';
import type { ToolRegistry } from '../cli/runtime/registry';
import { complete } from './completion';
import { TerminalTab } from './terminalTab';
import type { TerminalWiring } from './terminalTab';

/** What {@link WorkbenchBackend} needs to run terminals. */
export interface ShellKit {
  readonly registry: ToolRegistry;
  /** A tab with its own shell on `host`. */
  openTab(id: number, host: ClusterHost, wiring: TerminalWiring): TerminalTab;
  readonly complete: typeof complete;
}

/** The Kafka 3.9 tools and the shell, ready for terminals. */
export function createShellKit(): ShellKit {
  const registry = createDefaultRegistry();
  return {
    registry,
    openTab: (id, host, wiring) => new TerminalTab(id, host, registry, wiring),
    complete,
  };
}
