/**
 * `TopicCommand.TopicService` (Kafka 3.9): the five actions, each a sequence of admin calls in
 * virtual time. An action ends by calling `done()` or `done(exception)`; `execute` prints the
 * exception the way `printException` does.
 */
import { kafkaErrors } from '../../../../sim/protocol/errors';
import type { MetadataResponse } from '../../../../sim/protocol/messages';
import { javaStringHash, JavaHashMapOrder } from '../../../options/javaHash';
import type { ParsedOptions } from '../../../options/index';
import { OptionError } from '../../../options/index';
import type { ProcessContext } from '../../../runtime/types';
import { apiException, exceptionFromEngine } from './apiExceptions';
import { commandTopicPartition, rejectedArgument } from './commandTopicPartition';
import type { DescribeFlags, PartitionInfo, Reassignment, TopicInfo } from './describeOutput';
import { describeText } from './describeOutput';
import { includeList, INTERNAL_TOPICS } from './includeList';
import type { JavaThrowable } from './javaThrowable';
import { JavaException } from './javaThrowable';
import type { Result, TopicAdminClient } from './topicAdminClient';
import { describeTopicConfig, localServerPropertiesKeys } from './topicConfigEntries';
import {
  conversionFailure,
  createTopicArgument,
  invalidTopicId,
  invalidTopicRegex,
  topicDoesNotExist,
  topicIdDoesNotExist,
} from './topicCommandTraces';

/** How an action ends: `undefined` on success. */
export type Done = (error?: JavaThrowable) => void;

type ListingAction = 'alter' | 'list' | 'describe' | 'delete';

/** Java `String.compareTo` order. */
const javaOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Runs `body`; a thrown JavaException ends the action with its exception. */
function guarded(done: Done, body: () => void): void {
  try {
    body();
  } catch (e) {
    if (e instanceof JavaException) done(e.throwable);
    else throw e;
  }
}

/** Continues with the value of a successful call, or ends the action with the call's exception. */
function then<T>(done: Done, next: (value: T) => void): (r: Result<T>) => void {
  return (r) => (r.ok ? guarded(done, () => next(r.value)) : done(r.error));
}

/** The actions of one kafka-topics process. */
export class TopicService {
  constructor(
    private readonly ctx: ProcessContext,
    private readonly opts: ParsedOptions,
    private readonly admin: TopicAdminClient,
  ) {}

  private get excludeInternal(): boolean {
    return this.opts.has('exclude-internal');
  }

  private get requestedTopic(): string | undefined {
    return this.opts.has('topic') ? (this.opts.valuesOf('topic')[0] ?? '') : undefined;
  }

  /** `createTopic(opts)`: `Created topic X.`, or nothing with --if-not-exists on an existing topic. */
  createTopic(done: Done): void {
    guarded(done, () => {
      const topic = commandTopicPartition(this.opts, 'create');
      if (topic.name.includes('.') || topic.name.includes('_'))
        this.ctx.stdout(
          "WARNING: Due to limitations in metric names, topics with a period ('.') or underscore ('_') could collide. To avoid issues it is best to use either, but not both.\n",
        );
      const rf = topic.replicationFactor;
      if (rf !== undefined && (rf > 32767 || rf < 1))
        throw new JavaException(
          createTopicArgument('The replication factor must be between 1 and 32767 inclusive', 470),
        );
      if (topic.partitions !== undefined && topic.partitions < 1)
        throw new JavaException(createTopicArgument('The partitions must be greater than 0', 473));
      if (topic.configsToAdd.has('message.format.version'))
        this.ctx.stdout(
          'WARNING: The configuration ${TopicConfig.MESSAGE_FORMAT_VERSION_CONFIG}=${props.getProperty(TopicConfig.MESSAGE_FORMAT_VERSION_CONFIG)} is specified. ' +
            'This configuration will be ignored if the version is newer than the inter.broker.protocol.version specified in the broker or ' +
            'if the inter.broker.protocol.version is 3.0 or newer. This configuration is deprecated and it will be removed in Apache Kafka 4.0.\n',
        );
      // KafkaAdminClient.createTopics: names a request cannot carry fail on the client.
      if (topic.name === '')
        throw new JavaException(
          apiException(
            'InvalidTopicException',
            "The given topic name '' cannot be represented in a request.",
          ),
        );
      const hasAssignment = topic.replicaAssignment.length > 0;
      this.admin.createTopic(
        {
          name: topic.name,
          numPartitions: hasAssignment ? -1 : (topic.partitions ?? -1),
          replicationFactor: hasAssignment ? -1 : (rf ?? -1),
          configs: Object.fromEntries(topic.configsToAdd),
          ...(hasAssignment ? { assignments: topic.replicaAssignment } : {}),
        },
        (r) => {
          if (r.ok) {
            this.ctx.stdout(`Created topic ${topic.name}.\n`);
            return done();
          }
          const exists =
            r.error.className === 'org.apache.kafka.common.errors.TopicExistsException';
          done(exists && this.opts.has('if-not-exists') ? undefined : r.error);
        },
      );
    });
  }

  /** `listTopics`: the matching names, sorted, one per line (a lone empty line when none). */
  listTopics(done: Done): void {
    this.getTopics('list', done, (topics) => {
      this.ctx.stdout(`${topics.join('\n')}\n`);
      done();
    });
  }

  /** `alterTopic`: grows every matching topic to --partitions. */
  alterTopic(done: Done): void {
    guarded(done, () => {
      const topic = commandTopicPartition(this.opts, 'alter');
      this.getTopics('alter', done, (topics) => {
        this.ensureTopicExists(topics, 'alter');
        const increases = (counts: Map<string, number>) =>
          topics.map((name) => {
            const start = counts.get(name) ?? 0;
            const assignments = topic.replicaAssignment.slice(start);
            return {
              topic: name,
              totalCount: topic.partitions as number,
              ...(topic.replicaAssignment.length > 0 ? { assignments } : {}),
            };
          });
        const grow = (counts: Map<string, number>) =>
          this.admin.createPartitions(
            increases(counts),
            then(done, () => done()),
          );
        if (topics.length === 0 || topic.replicaAssignment.length === 0) return grow(new Map());
        this.admin.metadata(
          'describeTopics',
          topics,
          then(done, (meta) =>
            grow(new Map(meta.topics.map((t) => [t.name, t.partitions.length] as const))),
          ),
        );
      });
    });
  }

  /** `deleteTopic`: deletes every matching topic; prints nothing. */
  deleteTopic(done: Done): void {
    this.getTopics('delete', done, (topics) => {
      this.ensureTopicExists(topics, 'delete');
      this.admin.deleteTopics(
        topics,
        then(done, () => done()),
      );
    });
  }

  /** `describeTopic`: summary and partition lines of every matching topic. */
  describeTopic(done: Done): void {
    guarded(done, () => {
      const topicIdText = this.opts.has('topic-id')
        ? (this.opts.valuesOf('topic-id')[0] ?? '')
        : undefined;
      const topicId = topicIdText === undefined ? undefined : uuidFromString(topicIdText);
      if (topicId !== undefined && topicId !== ZERO_UUID) {
        this.admin.listTopics(
          !this.excludeInternal,
          then(done, (listings) => {
            const found = listings.filter((l) => l.topicId === topicId).map((l) => l.name);
            if (found.length === 0 && !this.opts.has('if-exists'))
              throw new JavaException(topicIdDoesNotExist(topicId));
            this.describeNames(found, done);
          }),
        );
        return;
      }
      this.getTopics('describe', done, (topics) => {
        this.ensureTopicExists(topics, 'describe');
        if (topics.length > 0) this.partitionSizeLimit();
        this.describeNames(topics, done);
      });
    });
  }

  /** `opts.partitionSizeLimitPerResponse()`, read (and converted) before DescribeTopicPartitions. */
  private partitionSizeLimit(): void {
    const name = 'partition-size-limit-per-response';
    if (!this.opts.has(name)) return;
    try {
      this.opts.intValueOf(name);
    } catch (e) {
      if (!(e instanceof OptionError)) throw e;
      throw new JavaException(conversionFailure(e, name, rejectedArgument(e), 'describe'));
    }
  }

  /** describeTopics → describeConfigs → describeCluster ("listNodes") → listPartitionReassignments → print. */
  private describeNames(names: string[], done: Done): void {
    const describe = (next: (meta: MetadataResponse | undefined) => void) =>
      names.length === 0
        ? next(undefined)
        : this.admin.metadata('describeTopics', names, then(done, next));
    describe((meta) => {
      const failed = meta?.topics.find((t) => t.error !== 'NONE');
      if (failed)
        return done(exceptionFromEngine(`${failed.error}: ${kafkaErrors[failed.error].message}`));
      const described = descriptionOrder(names).map(
        (name) => meta?.topics.find((t) => t.name === name) as MetadataResponse['topics'][number],
      );
      const configsCall = (next: () => void) =>
        described.length === 0
          ? next()
          : this.admin.metadata(
              'describeConfigs',
              described.map((t) => t.name),
              then(done, next),
            );
      configsCall(() => {
        const brokerId = this.admin.broker ?? -1;
        const staticKeys = localServerPropertiesKeys(this.ctx.host, this.ctx.fs, brokerId);
        const configs = new Map(
          described.map((t) => [
            t.name,
            describeTopicConfig(this.ctx.host.cluster, brokerId, t.name, staticKeys) ?? [],
          ]),
        );
        this.admin.metadata(
          'listNodes',
          [],
          then(done, (cluster) => {
            const live = new Set(cluster.brokers.map((b) => b.nodeId));
            this.admin.metadata(
              'listPartitionReassignments',
              [],
              then(done, () => {
                const kraft = this.ctx.host.cluster.mode === 'kraft';
                const image = this.ctx.host.cluster.driver.latestImage();
                const topics: TopicInfo[] = described.map((t) => {
                  const reassignments = new Map<number, Reassignment>();
                  image?.topics.get(t.name)?.partitions.forEach((p, partition) => {
                    if (p.addingReplicas.length > 0 || p.removingReplicas.length > 0)
                      reassignments.set(partition, {
                        replicas: p.replicas,
                        addingReplicas: p.addingReplicas,
                        removingReplicas: p.removingReplicas,
                      });
                  });
                  const partitions: PartitionInfo[] = t.partitions.map((p) => ({
                    partition: p.partition,
                    leader:
                      p.leaderId >= 0 && meta?.brokers.some((b) => b.nodeId === p.leaderId)
                        ? p.leaderId
                        : null,
                    replicas: p.replicas,
                    isr: p.isr,
                    elr: kraft ? [] : null,
                    lastKnownElr: kraft ? [] : null,
                  }));
                  return {
                    name: t.name,
                    topicId: t.topicId,
                    partitions,
                    configs: configs.get(t.name) ?? [],
                    reassignments,
                  };
                });
                this.ctx.stdout(describeText(topics, this.describeFlags(), live));
                done();
              }),
            );
          }),
        );
      });
    });
  }

  private describeFlags(): DescribeFlags {
    return {
      underReplicated: this.opts.has('under-replicated-partitions'),
      unavailable: this.opts.has('unavailable-partitions'),
      underMinIsr: this.opts.has('under-min-isr-partitions'),
      atMinIsr: this.opts.has('at-min-isr-partitions'),
      topicsWithOverrides: this.opts.has('topics-with-overrides'),
    };
  }

  /** `getTopics(opts.topic(), opts.excludeInternalTopics())`: listTopics, sorted, then filtered. */
  private getTopics(action: ListingAction, done: Done, next: (topics: string[]) => void): void {
    this.admin.listTopics(
      !this.excludeInternal,
      then(done, (listings) => {
        const all = listings.map((l) => l.name).sort(javaOrder);
        const requested = this.requestedTopic;
        if (requested === undefined) {
          next(all.filter((t) => !(INTERNAL_TOPICS.has(t) && this.excludeInternal)));
          return;
        }
        const filter = includeList(requested);
        if (!filter.ok) throw new JavaException(invalidTopicRegex(filter.regex, action));
        next(all.filter((t) => filter.allows(t, this.excludeInternal)));
      }),
    );
  }

  /** `ensureTopicExists(found, opts.topic(), !opts.ifExists())`. */
  private ensureTopicExists(found: string[], action: 'alter' | 'describe' | 'delete'): void {
    const requested = this.requestedTopic;
    if (
      requested !== undefined &&
      requested !== '' &&
      !this.opts.has('if-exists') &&
      found.length === 0
    )
      throw new JavaException(topicDoesNotExist(requested, action));
  }
}

/** `Uuid.ZERO_UUID.toString()`. */
const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA';
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** `Uuid.fromString(s).toString()`: `s` decoded as base64url to 16 bytes and re-encoded. */
export function uuidFromString(s: string): string {
  if (s.length > 24)
    throw new JavaException(
      invalidTopicId(
        `Input string with prefix \`${s.slice(0, 24)}\` is too long to be decoded as a base64 UUID`,
      ),
    );
  const body = s.replace(/=+$/, '');
  const bytes: number[] = [];
  let bits = 0;
  let buffer = 0;
  for (const ch of body) {
    const v = BASE64URL.indexOf(ch);
    if (v < 0)
      throw new JavaException(
        invalidTopicId(`Illegal base64 character ${ch.charCodeAt(0).toString(16)}`),
      );
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  if (body.length % 4 === 1)
    throw new JavaException(invalidTopicId('Last unit does not have enough valid bits'));
  if (bytes.length !== 16)
    throw new JavaException(
      invalidTopicId(
        `Input string \`${s}\` decoded as ${bytes.length} bytes, which is not equal to the expected 16 bytes of a base64-encoded UUID`,
      ),
    );
  let out = '';
  for (let i = 0; i < 16; i += 3) {
    const chunk = [bytes[i] ?? 0, bytes[i + 1] ?? 0, bytes[i + 2] ?? 0];
    const n = ((chunk[0] as number) << 16) | ((chunk[1] as number) << 8) | (chunk[2] as number);
    const chars = i + 3 <= 16 ? 4 : 2;
    for (let j = 0; j < chars; j++) out += BASE64URL[(n >> (18 - 6 * j)) & 63];
  }
  return out;
}

/**
 * The order `describeTopics(names).allTopicNames().get().values()` yields: the admin client keeps
 * the per-topic futures in a `HashMap<>(n)`, copies it, and collects the results into another
 * `HashMap<>(n)`, so describe lists topics in Java HashMap order, not sorted.
 */
export function descriptionOrder(sortedNames: readonly string[]): string[] {
  const futures = new JavaHashMapOrder<string>(javaStringHash, sortedNames.length);
  for (const name of sortedNames) futures.put(name);
  const copied = JavaHashMapOrder.copyOf(futures);
  const results = new JavaHashMapOrder<string>(javaStringHash, sortedNames.length);
  for (const name of copied.keys()) results.put(name);
  return results.keys();
}
