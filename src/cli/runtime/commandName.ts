/**
 * How a typed program name maps to a registered tool. All the spellings learners copy from notes
 * are the same tool (DESIGN §4): `kafka-topics.sh`, `./bin/kafka-topics.sh`, `bin/kafka-topics.sh`,
 * `$KAFKA_HOME/bin/kafka-topics.sh` (after expansion), `/opt/kafka/bin/kafka-topics.sh`,
 * `kafka-topics` (Confluent images), and `bin\windows\kafka-topics.bat`.
 */
import { kafkaScripts } from '../host/kafkaDistribution';
import type { ToolRegistry } from './registry';
import type { SigpipeAction, Tool } from './types';

const scripts = new Set<string>(kafkaScripts);

/** Kafka's scripts that are plain shell scripts (`ps … | grep … | kill`), not a JVM. */
const shellScripts = new Set(['kafka-server-stop', 'zookeeper-server-stop']);

/**
 * What tool `name` does on a broken pipe. Kafka's scripts run a JVM, which ignores SIGPIPE: its
 * `System.out` swallows the error (the console consumer checks it and closes); every other program
 * here is native and dies of the signal, as `seq 1 1000000 | head -n 1` shows in bash.
 */
export function sigpipeAction(name: string): SigpipeAction {
  return scripts.has(name) && !shellScripts.has(name) ? 'ignore' : 'terminate';
}

/**
 * The canonical tool name for `program`, or undefined when it does not name a Kafka script by any
 * accepted spelling. Non-Kafka programs (`echo`, `docker`) come back unchanged.
 */
export function canonicalToolName(program: string): string {
  const normalised = program.replace(/\\/g, '/');
  const base = normalised.slice(normalised.lastIndexOf('/') + 1);
  const stem = base.replace(/\.(sh|bat|cmd)$/i, '');
  if (scripts.has(stem)) return stem;
  return program;
}

/** True when `program` was typed as a path (`./bin/x.sh`, `/opt/kafka/bin/x.sh`) rather than a name. */
export function isPath(program: string): boolean {
  return program.includes('/') || program.includes('\\');
}

/**
 * The tool a command runs: a shell builtin, or a registered tool by any accepted spelling; else
 * bash's message and status 127 (`bash: kafka-topic.sh: command not found`, or `No such file or
 * directory` for a path that does not exist).
 * @param typed the command word as typed: `bin\windows\kafka-topics.bat` is found from it, as bash
 *   would have removed its backslashes
 */
export function findTool(
  program: string,
  typed: string | undefined,
  lookup: {
    builtins: ReadonlyMap<string, Tool>;
    registry: ToolRegistry;
    exists(path: string): boolean;
  },
): { tool: Tool; program: string } | { error: string } {
  const name = typed?.includes('\\') && /\.(bat|cmd)$/i.test(typed) ? typed : program;
  const tool = lookup.builtins.get(name) ?? lookup.registry.get(canonicalToolName(name));
  if (tool) return { tool, program: name };
  if (isPath(name) && !lookup.exists(name)) return { error: `${name}: No such file or directory` };
  return { error: `${name}: command not found` };
}
