/**
 * kafka-consumer-groups `--delete` and `--delete-offsets` (Kafka 3.9
 * ConsumerGroupService.deleteGroups / deleteOffsets), texts and quirks included.
 */
import { describe, expect, it } from 'vitest';
import { clusterWithOrders, groups, joinGroup, keepPolling, leave } from './groupsFixture';

const NOT_EMPTY =
  'java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.GroupNotEmptyException: The group is not empty.';
const offsetsRow = (topic: string, partition: string, status: string) =>
  `\n${topic.padEnd(30)} ${partition.padEnd(15)} ${status.padEnd(15)}`;
const OFFSETS_HEADER = offsetsRow('TOPIC', 'PARTITION', 'STATUS');

describe('kafka-consumer-groups --delete', () => {
  it('deletes an Empty group: the success line, and the group is gone', () => {
    const t = clusterWithOrders();
    leave(t, joinGroup(t, 'my-group', ['orders']));
    expect(t.run(groups('--delete --group my-group'))).toEqual({
      stdout: "Deletion of requested consumer groups ('my-group') was successful.\n",
      stderr: '',
      status: 0,
    });
    expect(t.run(groups('--list')).stdout).toBe('');
    expect(t.run(groups('--describe --group my-group')).stdout).toBe(
      "\nError: Consumer group 'my-group' does not exist.\n",
    );
  });

  it('a group with members is not deleted (GroupNotEmptyException)', () => {
    const t = clusterWithOrders();
    const c = joinGroup(t, 'my-group', ['orders']);
    keepPolling(t, [c], 1_000);
    expect(t.run(groups('--delete --group my-group'))).toEqual({
      stdout: `\nError: Deletion of some consumer groups failed:\n* Group 'my-group' could not be deleted due to: ${NOT_EMPTY}\n`,
      stderr: '',
      status: 0,
    });
  });

  it("partial success lists the deleted groups with 3.9's odd quoting", () => {
    const t = clusterWithOrders();
    const c = joinGroup(t, 'my-group', ['orders']);
    t.run(groups('--group other --reset-offsets --to-latest --topic orders --execute'));
    keepPolling(t, [c], 1_000);
    expect(t.run(groups('--delete --group my-group --group other')).stdout).toBe(
      `\nError: Deletion of some consumer groups failed:\n* Group 'my-group' could not be deleted due to: ${NOT_EMPTY}\n` +
        "\nThese consumer groups were deleted successfully: 'other', '\n",
    );
  });

  it('an unknown group: GroupIdNotFoundException; --all-groups with none prints an empty list', () => {
    const t = clusterWithOrders();
    expect(t.run(groups('--delete --group nope')).stdout).toBe(
      "\nError: Deletion of some consumer groups failed:\n* Group 'nope' could not be deleted due to: java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.GroupIdNotFoundException: The group id does not exist.\n",
    );
    expect(t.run(groups('--delete --all-groups')).stdout).toBe(
      "Deletion of requested consumer groups ('') was successful.\n",
    );
  });

  it('--delete needs --group or --all-groups, and refuses --topic', () => {
    const t = clusterWithOrders();
    const r = t.run(groups('--delete'));
    expect(r.stderr.split('\n')[0]).toBe(
      'Option [delete] takes one of these options: [all-groups], [group]',
    );
    expect(r.status).toBe(1);
    expect(t.run(groups('--delete --group g --topic orders')).stderr.split('\n')[0]).toBe(
      'The consumer does not support topic-specific offset deletion from a consumer group.',
    );
  });
});

describe('kafka-consumer-groups --delete-offsets', () => {
  it('removes the committed offsets of an Empty group: one Successful row per partition', () => {
    const t = clusterWithOrders();
    leave(t, joinGroup(t, 'my-group', ['orders']));
    expect(t.run(groups('--delete-offsets --group my-group --topic orders'))).toEqual({
      stdout:
        'Request succeed for deleting offsets with topic orders group my-group\n' +
        OFFSETS_HEADER +
        offsetsRow('orders', '0', 'Successful') +
        offsetsRow('orders', '1', 'Successful') +
        offsetsRow('orders', '2', 'Successful') +
        '\n',
      stderr: '',
      status: 0,
    });
    expect(t.run(groups('--describe --group my-group'))).toEqual({
      stdout: '',
      stderr: "\nConsumer group 'my-group' has no active members.\n",
      status: 0,
    });
  });

  it('a topic an active member subscribes to, a missing topic and a missing partition', () => {
    const t = clusterWithOrders();
    const c = joinGroup(t, 'my-group', ['orders']);
    keepPolling(t, [c], 1_000);
    const subscribed =
      'Error: :org.apache.kafka.common.errors.GroupSubscribedToTopicException: Deleting offsets of a topic is forbidden while the consumer group is actively subscribed to it.';
    const unknown =
      'Error: :org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition.';
    expect(
      t.run(
        groups('--delete-offsets --group my-group --topic orders --topic nope --topic orders:7'),
      ).stdout,
    ).toBe(
      '\nError: Encounter some partition level error, see the follow-up details:\n' +
        OFFSETS_HEADER +
        offsetsRow('nope', 'Not Provided', unknown) +
        offsetsRow('orders', '0', subscribed) +
        offsetsRow('orders', '1', subscribed) +
        offsetsRow('orders', '2', subscribed) +
        offsetsRow('orders', '7', unknown) +
        '\n',
    );
  });

  it("an unknown group: `Error: 'g' does not exist.` and the error on every row", () => {
    const t = clusterWithOrders();
    expect(t.run(groups('--delete-offsets --group ghost --topic orders:1')).stdout).toBe(
      "\nError: 'ghost' does not exist.\n" +
        OFFSETS_HEADER +
        offsetsRow(
          'orders',
          '1',
          'Error: :org.apache.kafka.common.errors.GroupIdNotFoundException: The group id does not exist.',
        ) +
        '\n',
    );
  });

  it('--delete-offsets needs both --group and --topic', () => {
    const t = clusterWithOrders();
    expect(t.run(groups('--delete-offsets --group g')).stderr.split('\n')[0]).toBe(
      'Option [delete-offsets] takes the following options: [topic], [group]',
    );
  });
});
