/**
 * A tool started by another process (`docker exec kafka1 kafka-topics …` runs `kafka-topics`
 * inside the container): `ProcessContext.spawn`.
 */
import { canonicalToolName } from './commandName';
import { Process } from './process';
import type { ToolRegistry } from './registry';
import { Variables } from './shellEnv';
import type { ChildProcess, SpawnOptions } from './types';

/**
 * Starts the registered tool `argv[0]` as a child of `parent`: by default on its machine, in its
 * directory, with its environment and streams. The parent forwards signals and reports the status.
 * Undefined when no tool has that name.
 * @param allocatePid the shell's next process id
 */
export function spawnChild(
  registry: ToolRegistry,
  allocatePid: () => number,
  parent: Process,
  argv: readonly string[],
  options: SpawnOptions,
  onExit: (status: number) => void,
): ChildProcess | undefined {
  const tool = argv[0] === undefined ? undefined : registry.get(canonicalToolName(argv[0]));
  if (!tool) return undefined;
  const w = parent.wiring;
  const child = new Process({
    pid: allocatePid(),
    argv: [...argv],
    env: options.env ? new Variables(w.env.exported()).withOverrides(options.env) : w.env,
    stdin: options.stdin ?? w.stdin,
    stdout: options.stdout ?? w.stdout,
    stderr: options.stderr ?? w.stderr,
    host: options.host ?? w.host,
    cwd: options.cwd ?? w.cwd,
    headless: w.headless,
    onExit,
    onDetach: () => false,
    spawn: (p, childArgv, childOptions, onChildExit) =>
      spawnChild(registry, allocatePid, p, childArgv, childOptions, onChildExit),
  });
  child.start(tool);
  return child;
}
