/**
 * What the admin tools share: reaching brokers through `--bootstrap-server`, reading the files
 * they are given, Java's `TopicPartition` and the HashMap/HashSet orders their output follows.
 */
import { VirtualFs } from '../../../host/virtualFs';
import { javaStringHash, JavaHashMapOrder } from '../../../options/javaHash';
import type { ProcessContext } from '../../../runtime/types';
import { JavaException } from './javaException';
import { readAllBytesFrames } from '../common/javaFileFrames';

/** `org.apache.kafka.common.TopicPartition`. */
export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** `TopicPartition.toString()`: `orders-0`. */
export const tpString = (tp: TopicPartition): string => `${tp.topic}-${tp.partition}`;

/** `TopicPartition.hashCode()`: `31 * (31 + partition) + topic.hashCode()`. */
export const tpHash = (tp: TopicPartition): number =>
  (Math.imul(31, 31 + tp.partition) + javaStringHash(tp.topic)) | 0;

/** `ReassignPartitionsCommand.compareTopicPartitions`: by topic (String order), then partition. */
export function compareTopicPartitions(a: TopicPartition, b: TopicPartition): number {
  if (a.topic !== b.topic) return a.topic < b.topic ? -1 : 1;
  return a.partition - b.partition;
}

/** Iteration order of a `java.util.HashSet` / `HashMap` filled by adding `items` in order. */
export function hashOrder<K>(hashOf: (k: K) => number, items: Iterable<K>): K[] {
  const map = new JavaHashMapOrder<K>(hashOf);
  for (const item of items) map.put(item);
  return map.keys();
}

/** A `HashSet<TopicPartition>` iteration order. */
export const tpHashOrder = (items: Iterable<TopicPartition>): TopicPartition[] => {
  const byKey = new Map<string, TopicPartition>();
  for (const tp of items) if (!byKey.has(tpString(tp))) byKey.set(tpString(tp), tp);
  return hashOrder(tpHash, byKey.values());
};

/** A `HashSet<String>` iteration order. */
export const stringHashOrder = (items: Iterable<string>): string[] =>
  hashOrder(javaStringHash, new Set(items));

/**
 * Broker ids `--bootstrap-server` reaches. None reachable gives an id no broker has, so requests
 * fail and the admin client times out as it does against a dead address.
 */
export function bootstrapIds(ctx: ProcessContext, servers: string): number[] {
  const ids = ctx.host.resolveBootstrap(servers);
  return ids.length > 0 ? ids : [-1];
}

/** `java.nio.file.NoSuchFileException` frames of `Utils.readFileAsString`. */
const readFileFrames = [
  ...readAllBytesFrames,
  'org.apache.kafka.common.utils.Utils.readFileAsString(Utils.java:810)',
];

/**
 * `Utils.readFileAsString(path)`: the file's text from the shell's filesystem, relative to the
 * working directory. A missing file throws `NoSuchFileException` (message: the path as given).
 */
export function readFileAsString(
  ctx: ProcessContext,
  path: string,
  callerFrames: readonly string[] = [],
): string {
  const absolute = VirtualFs.resolve(ctx.cwd, path, ctx.env.get('HOME') ?? '/root');
  const text = ctx.fs.read(absolute);
  if (text !== undefined) return text;
  if (ctx.fs.isDir(absolute))
    throw new JavaException('java.io.IOException', 'Is a directory', [
      'java.base/sun.nio.ch.FileDispatcherImpl.read0(Native Method)',
      ...readFileFrames.slice(6),
      ...callerFrames,
    ]);
  throw new JavaException('java.nio.file.NoSuchFileException', path, [
    ...readFileFrames,
    ...callerFrames,
  ]);
}

/** `Utils.loadProps(path)`: `key=value` lines of a properties file. */
export function loadProps(ctx: ProcessContext, path: string): Map<string, string> {
  const text = readFileAsString(ctx, path);
  const props = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const m = /^((?:\\.|[^=:\s])*)\s*[=:\s]\s*(.*)$/.exec(line);
    props.set(m ? m[1]! : line, m ? m[2]! : '');
  }
  return props;
}
