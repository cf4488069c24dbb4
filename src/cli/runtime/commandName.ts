/**
 * How a typed program name maps to a registered tool. All the spellings learners copy from notes
 * are the same tool (DESIGN §4): `kafka-topics.sh`, `./bin/kafka-topics.sh`, `bin/kafka-topics.sh`,
 * `$KAFKA_HOME/bin/kafka-topics.sh` (after expansion), `/opt/kafka/bin/kafka-topics.sh`,
 * `kafka-topics` (Confluent images), and `bin\windows\kafka-topics.bat`.
 */
import { kafkaScripts } from '../host/kafkaDistribution';

const scripts = new Set<string>(kafkaScripts);

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
