/**
 * `kafka-consumer-groups --delete` and `--delete-offsets`: ConsumerGroupService.deleteGroups and
 * deleteOffsets of Kafka 3.9's ConsumerGroupCommand.java, texts and quirks included
 * (`Request succeed for …`, `Error: :…`, the odd quoting of partially successful deletions).
 * The offsets table uses the fixed layout of trunk #17058 (3.9.0 ran its rows together).
 */
import type { KafkaErrorName, TopicPartitionRef } from '../../../../sim/index';
import type { Op } from './coroutine';
import { get } from './coroutine';
import type { ConsumerGroupService } from './consumerGroupService';
import type { JavaThrowable } from './javaThrowable';
import { executionException, kafkaException } from './javaThrowable';
import { parseTopicsWithPartitions } from './resetOffsets';
import { hashSetOrder, stringHashMapOrder, tpKey } from './topicPartitions';

export function* deleteGroups(svc: ConsumerGroupService): Op<void> {
  const groupIds = svc.options.has('all-groups')
    ? yield* svc.listConsumerGroups()
    : svc.options.valuesOf('group');
  const success: string[] = [];
  const failed = new Map<string, JavaThrowable>();
  for (const groupId of stringHashMapOrder(groupIds)) {
    const error = yield* get(svc.admin.deleteGroup(groupId));
    if (error === 'NONE') success.push(groupId);
    else failed.set(groupId, executionException(kafkaException(error)));
  }
  const succeeded = stringHashMapOrder(success);
  if (failed.size === 0) {
    svc.out(`Deletion of requested consumer groups ('${succeeded.join(', ')}') was successful.\n`);
    return;
  }
  svc.printError('Deletion of some consumer groups failed:');
  for (const group of stringHashMapOrder([...failed.keys()]))
    svc.out(`* Group '${group}' could not be deleted due to: ${failed.get(group)!.toString()}\n`);
  if (succeeded.length > 0)
    svc.out(`\nThese consumer groups were deleted successfully: '${succeeded.join("'")}', '\n`);
}

const topLevelMessages: Partial<Record<KafkaErrorName, (group: string) => string>> = {
  INVALID_GROUP_ID: (g) => `'${g}' is not valid.`,
  GROUP_ID_NOT_FOUND: (g) => `'${g}' does not exist.`,
  NON_EMPTY_GROUP: (g) =>
    `Deleting offsets of a consumer group '${g}' is forbidden if the group is not empty.`,
  GROUP_SUBSCRIBED_TO_TOPIC: () =>
    'Encounter some partition level error, see the follow-up details:',
  UNKNOWN_TOPIC_OR_PARTITION: () =>
    'Encounter some partition level error, see the follow-up details:',
};

export function* deleteOffsets(svc: ConsumerGroupService): Op<void> {
  const groupId = svc.options.valueOf('group')!;
  const topics = svc.options.valuesOf('topic');
  const partitionResults = new Map<string, { tp: TopicPartitionRef; error?: JavaThrowable }>();

  const withPartitions = stringHashMapOrder(topics.filter((t) => t.includes(':')));
  const withoutPartitions = stringHashMapOrder(topics.filter((t) => !t.includes(':')));
  const known = withPartitions.flatMap(parseTopicsWithPartitions);
  const unknown: TopicPartitionRef[] = [];
  if (withoutPartitions.length > 0) {
    const described = yield* get(svc.admin.describeTopics(withoutPartitions));
    for (const topic of stringHashMapOrder(described.map((t) => t.name))) {
      const t = described.find((d) => d.name === topic)!;
      if (t.error !== 'NONE') {
        const tp = { topic, partition: -1 };
        partitionResults.set(tpKey(tp), { tp, error: executionException(kafkaException(t.error)) });
      } else for (const partition of t.partitions) unknown.push({ topic, partition });
    }
  }
  const partitions = hashSetOrder([...known, ...unknown]);
  const result = yield* get(svc.admin.deleteOffsets(groupId, partitions));

  const errorOf = (tp: TopicPartitionRef): KafkaErrorName =>
    result.error !== 'NONE'
      ? result.error
      : (result.partitions.find((p) => p.topic === tp.topic && p.partition === tp.partition)
          ?.error ?? 'NONE');
  // DeleteConsumerGroupOffsetsResult.all(): the group's error, else the first partition's.
  const topLevel: KafkaErrorName =
    result.error !== 'NONE'
      ? result.error
      : (partitions.map(errorOf).find((e) => e !== 'NONE') ?? 'NONE');
  for (const tp of partitions) {
    const error = errorOf(tp);
    partitionResults.set(tpKey(tp), {
      tp,
      error: error === 'NONE' ? undefined : executionException(kafkaException(error)),
    });
  }

  if (topLevel === 'NONE')
    svc.out(
      `Request succeed for deleting offsets with topic ${topics.join(', ')} group ${groupId}\n`,
    );
  else
    svc.printError(
      topLevelMessages[topLevel]?.(groupId) ?? `Encounter some unknown error: ${topLevel}`,
    );

  const line = (cells: string[]) =>
    `\n${cells[0]!.padEnd(30)} ${cells[1]!.padEnd(15)} ${cells[2]!.padEnd(15)}`;
  const sortKey = (tp: TopicPartitionRef) => `${tp.topic}${tp.partition}`;
  const rows = [...partitionResults.values()]
    .map((r, i) => ({ ...r, i }))
    .sort((a, b) =>
      sortKey(a.tp) < sortKey(b.tp) ? -1 : sortKey(a.tp) > sortKey(b.tp) ? 1 : a.i - b.i,
    );
  let out = line(['TOPIC', 'PARTITION', 'STATUS']);
  for (const r of rows)
    out += line([
      r.tp.topic,
      r.tp.partition >= 0 ? String(r.tp.partition) : 'Not Provided',
      r.error ? `Error: :${r.error.javaMessage}` : 'Successful',
    ]);
  svc.out(`${out}\n`);
}
