/**
 * `ConsumerGroupCommand.ConsumerGroupService` (Kafka 3.9): the admin-client calls the actions
 * share, with the same exception wrapping (`get()` → ExecutionException, caught and rethrown as
 * RuntimeException where the Java code does so) and the same Java collection orders.
 */
import type { TopicPartitionRef } from '../../../../sim/index';
import type {
  GroupAdmin,
  GroupDescription,
  GroupListing,
  ListedOffset,
} from '../../../../sim/cluster/groupAdmin';
import { EARLIEST_TIMESTAMP, LATEST_TIMESTAMP } from '../../../../sim/cluster/groupAdmin';
import type { ParsedOptions } from '../../../options/index';
import type { ProcessContext } from '../../../runtime/types';
import type { Op } from './coroutine';
import { get } from './coroutine';
import {
  executionException,
  JavaThrowable,
  kafkaException,
  runtimeException,
} from './javaThrowable';
import { hashMapOrder, tpKey } from './topicPartitions';

/** `ConsumerGroupCommand.MISSING_COLUMN_VALUE`. */
export const MISSING_COLUMN_VALUE = '-';

/** `LogOffsetResult`: a known offset, or `Unknown` when ListOffsets had none for the partition. */
export type LogOffsetResult = { kind: 'offset'; value: number } | { kind: 'unknown' };

/** A committed offset by topic partition, iterated in HashMap order like the admin client's map. */
export type CommittedOffsets = Map<string, { tp: TopicPartitionRef; offset: number }>;

/** Connects the admin client: `bootstrap.servers` and the timeout of every call, ms. */
export type AdminFactory = (bootstrapServers: string, timeoutMs: number) => GroupAdmin;

export class ConsumerGroupService {
  private bootstrapServers: string | undefined;
  private adminClient: GroupAdmin | undefined;

  constructor(
    readonly ctx: ProcessContext,
    readonly options: ParsedOptions,
    private readonly connect: AdminFactory,
  ) {}

  /**
   * `createAdminClient()` in the service's constructor: reads `--bootstrap-server` and validates
   * it as `Admin.create` does (`KafkaException: Failed to create new KafkaAdminClient`).
   */
  createAdminClient(): void {
    const servers = this.options.valueOf('bootstrap-server') ?? '';
    const invalid = servers
      .split(',')
      .map((s) => s.trim())
      .find((s) => s !== '' && !/^(?:[a-zA-Z]+:\/\/)?(?:\[[^\]]*\]|[^:\s]+):\d+$/.test(s));
    if (invalid !== undefined)
      throw new JavaThrowable(
        'org.apache.kafka.common.KafkaException',
        'Failed to create new KafkaAdminClient',
        new JavaThrowable(
          'org.apache.kafka.common.config.ConfigException',
          `Invalid url in bootstrap.servers: ${invalid}`,
        ),
        ['org.apache.kafka.clients.admin.KafkaAdminClient.createInternal(KafkaAdminClient.java)'],
      );
    this.bootstrapServers = servers;
  }

  /** `withTimeoutMs`: the admin client, its calls bounded by `--timeout` (read when first needed). */
  get admin(): GroupAdmin {
    if (!this.adminClient) {
      const timeout = this.options.longValueOf('timeout') ?? 5000n;
      this.adminClient = this.connect(
        this.bootstrapServers ?? '',
        Number(BigInt.asIntN(32, timeout)),
      );
    }
    return this.adminClient;
  }

  out(text: string): void {
    this.ctx.stdout(text);
  }

  /** `printError(msg, e)`: `\nError: msg` on stdout, the stack trace (if any) on stderr. */
  printError(message: string, error?: unknown): void {
    this.ctx.stdout(`\nError: ${message}\n`);
    if (error !== undefined) this.ctx.stderr(stackTraceOf(error));
  }

  /** `listConsumerGroups()`: group ids of consumer groups (protocol type `consumer` or none). */
  *listConsumerGroups(): Op<string[]> {
    return (yield* this.listConsumerGroupListings('listConsumerGroups')).map((g) => g.groupId);
  }

  /**
   * ListGroups' consumer groups. A failed broker lookup fails the call with
   * `KafkaException: Failed to find brokers to send ListGroups` (KafkaAdminClient); `method`, when
   * given, wraps the ExecutionException in a RuntimeException as listConsumerGroups() does.
   */
  *listConsumerGroupListings(method?: string): Op<GroupListing[]> {
    const admin = this.admin;
    try {
      const all = yield* get(admin.listGroups());
      return all.filter((g) => g.protocolType === 'consumer' || g.protocolType === '');
    } catch (e) {
      if (!(e instanceof JavaThrowable) || !e.javaCause) throw e;
      const failed = executionException(
        new JavaThrowable(
          'org.apache.kafka.common.KafkaException',
          'Failed to find brokers to send ListGroups',
          e.javaCause,
        ),
      );
      throw method ? runtimeException(failed, method) : failed;
    }
  }

  /** `describeConsumerGroups(groupIds)`: each group's description, by group id. */
  *describeConsumerGroups(groupIds: readonly string[]): Op<Map<string, GroupDescription>> {
    const described = new Map<string, GroupDescription>();
    for (const groupId of groupIds) {
      if (described.has(groupId)) continue;
      described.set(groupId, yield* get(this.admin.describeGroup(groupId)));
    }
    return described;
  }

  /** `getCommittedOffsets(groupId)`; failures become `RuntimeException(e)`. */
  *getCommittedOffsets(groupId: string): Op<CommittedOffsets> {
    try {
      const fetched = yield* get(this.admin.listGroupOffsets(groupId));
      const committed: CommittedOffsets = new Map();
      for (const tp of hashMapOrder(fetched))
        committed.set(tpKey(tp), {
          tp: { topic: tp.topic, partition: tp.partition },
          offset: tp.offset,
        });
      return committed;
    } catch (e) {
      throw wrapRuntime(e, 'getCommittedOffsets');
    }
  }

  /** `getLogOffsets(partitions, spec)` for earliest / latest; failures become RuntimeException. */
  *getLogOffsets(
    partitions: readonly TopicPartitionRef[],
    spec: 'earliest' | 'latest',
  ): Op<Map<string, LogOffsetResult>> {
    const timestamp = spec === 'earliest' ? EARLIEST_TIMESTAMP : LATEST_TIMESTAMP;
    const listed = yield* this.listOffsets(partitions, timestamp, 'getLogOffsets');
    const result = new Map<string, LogOffsetResult>();
    for (const tp of hashMapOrder(partitions)) {
      const found = listed.get(tpKey(tp));
      result.set(tpKey(tp), found ? { kind: 'offset', value: found.offset } : { kind: 'unknown' });
    }
    return result;
  }

  /** `adminClient.listOffsets(...).all().get()`: every partition's answer, or the first error. */
  *listOffsets(
    partitions: readonly TopicPartitionRef[],
    timestamp: number,
    method: string,
  ): Op<Map<string, ListedOffset>> {
    try {
      const listed = yield* get(this.admin.listOffsets([...partitions], timestamp));
      const failed = listed.find((l) => l.error !== 'NONE');
      if (failed && failed.error !== 'NONE') throw executionException(kafkaException(failed.error));
      return new Map(listed.map((l) => [tpKey(l), l]));
    } catch (e) {
      throw wrapRuntime(e, method);
    }
  }
}

/** `catch (InterruptedException | ExecutionException e) { throw new RuntimeException(e); }`. */
export function wrapRuntime(e: unknown, method: string): unknown {
  if (e instanceof JavaThrowable && e.javaClass === 'java.util.concurrent.ExecutionException')
    return runtimeException(e, method);
  return e;
}

/** `Throwable.getMessage()` of anything the actions may throw. */
export function messageOf(e: unknown): string {
  if (e instanceof JavaThrowable) return e.javaMessage ?? 'null';
  if (e instanceof Error) return e.message;
  return String(e);
}

/** `printStackTrace()` text of anything the actions may throw. */
export function stackTraceOf(e: unknown): string {
  if (e instanceof JavaThrowable) return e.stackTrace();
  if (e instanceof Error) return `${e.toString()}\n`;
  return `${String(e)}\n`;
}
