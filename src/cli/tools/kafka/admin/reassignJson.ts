/**
 * The JSON files of kafka-reassign-partitions: reading a reassignment (`parsePartitionReassignmentData`,
 * `parseExecuteAssignmentArgs`) and writing one (`formatAsReassignmentJson`), with the tool's
 * messages. Source: tools/src/main/java/org/apache/kafka/tools/reassign/ReassignPartitionsCommand.java.
 */
import { compareTopicPartitions, tpString } from './adminSupport';
import type { TopicPartition } from './adminSupport';
import { JavaException } from './javaException';
import { asArray, asInt, asString, encodeJson, jsonField, tryParseJson } from './kafkaJson';
import type { JsonNode } from './kafkaJson';

const CLASS = 'org.apache.kafka.tools.reassign.ReassignPartitionsCommand';
export const ADMIN_FAILED = 'org.apache.kafka.server.common.AdminCommandFailedException';
export const ADMIN_OPERATION = 'org.apache.kafka.server.common.AdminOperationException';
const frames = (method: string, line: number) => [
  `${CLASS}.${method}(ReassignPartitionsCommand.java:${line})`,
  `${CLASS}.handleAction(ReassignPartitionsCommand.java:157)`,
  `${CLASS}.main(ReassignPartitionsCommand.java:130)`,
];

/** A partition and its replicas, in the order the JSON listed them. */
export type Assignment = { tp: TopicPartition; replicas: number[] }[];

/** `formatAsReassignmentJson`: version 1, partitions sorted, `log_dirs` all "any". */
export function formatAsReassignmentJson(assignment: Assignment): string {
  const partitions = [...assignment]
    .sort((a, b) => compareTopicPartitions(a.tp, b.tp))
    .map(({ tp, replicas }) => ({
      topic: tp.topic,
      partition: tp.partition,
      replicas,
      log_dirs: replicas.map(() => 'any'),
    }));
  return encodeJson({ version: 1, partitions });
}

/** `parsePartitionReassignmentData` (version 1): partitions, replicas and log dirs. */
export function parseReassignmentData(text: string): Assignment {
  let json: JsonNode;
  try {
    json = tryParseJson(text);
  } catch (e) {
    if (!(e instanceof JavaException)) throw e;
    throw new JavaException(
      ADMIN_OPERATION,
      e.toString(),
      frames('parsePartitionReassignmentData', 1021),
      e,
    );
  }
  const version = jsonField(json, 'version', false);
  const v = version === undefined ? 1 : asInt(version);
  if (v !== 1) throw new JavaException(ADMIN_OPERATION, `Not supported version field value ${v}`);
  const list = jsonField(json, 'partitions', false);
  if (list === undefined) return [];
  return asArray(list).map((entry) => {
    const topic = asString(jsonField(entry, 'topic'));
    const partition = asInt(jsonField(entry, 'partition'));
    const replicas = asArray(jsonField(entry, 'replicas')).map(asInt);
    const logDirs = jsonField(entry, 'log_dirs', false);
    const dirs = logDirs === undefined ? replicas.map(() => 'any') : asArray(logDirs).map(asString);
    if (dirs.length !== replicas.length)
      throw new JavaException(
        ADMIN_FAILED,
        `Size of replicas list [${replicas.join(', ')}] is different from size of log dirs list [${dirs.join(', ')}] for partition ${topic}-${partition}`,
      );
    return { tp: { topic, partition }, replicas };
  });
}

/** `ToolsUtils.duplicates`. */
export function duplicates<T>(items: T[], key: (t: T) => string = String): string[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([k]) => k);
}

/** `parseExecuteAssignmentArgs`: non-empty, no duplicate partitions or replicas. */
export function parseExecuteArgs(text: string): Assignment {
  const parts = parseReassignmentData(text);
  if (parts.length === 0)
    throw new JavaException(ADMIN_FAILED, 'Partition reassignment list cannot be empty');
  if (parts.some((p) => p.replicas.length === 0))
    throw new JavaException(ADMIN_FAILED, 'Partition replica list cannot be empty');
  const dupParts = duplicates(
    parts.map((p) => p.tp),
    tpString,
  );
  if (dupParts.length > 0)
    throw new JavaException(
      ADMIN_FAILED,
      `Partition reassignment contains duplicate topic partitions: ${dupParts.join(',')}`,
    );
  const dupReplicas = parts
    .map((p) => ({ tp: p.tp, dups: duplicates(p.replicas) }))
    .filter((d) => d.dups.length > 0);
  if (dupReplicas.length > 0)
    throw new JavaException(
      ADMIN_FAILED,
      `Partition replica lists may not contain duplicate entries: ${dupReplicas
        .map((d) => `${tpString(d.tp)} contains multiple entries for ${d.dups.join(',')}`)
        .join('. ')}`,
    );
  return parts;
}
