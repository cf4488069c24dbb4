/**
 * `kafka-reassign-partitions.sh`: --generate, --execute, --verify, --cancel and --list of partition
 * reassignments (KIP-455) through the admin client.
 * Source: tools/src/main/java/org/apache/kafka/tools/reassign/ReassignPartitionsCommand.java
 * (Kafka 3.9). Errors go to stdout (`System.out.println("Error: " + e.getMessage())` and the stack
 * trace); a TerseException prints only its message.
 */
import { assignReplicasToBrokers } from '../../../../sim/controller/replicaPlacement';
import { OptionError, parseOptions } from '../../../options/index';
import type { ParsedOptions } from '../../../options/index';
import type { ProcessContext, Tool } from '../../../runtime/types';
import {
  bootstrapIds,
  compareTopicPartitions,
  readFileAsString,
  stringHashOrder,
  tpString,
} from './adminSupport';
import {
  adminException,
  executionException,
  JavaException,
  optionException,
  stackTrace,
} from './javaException';
import { asArray, asInt, asString, jsonField, parseJson } from './kafkaJson';
import {
  ADMIN_FAILED,
  ADMIN_OPERATION,
  duplicates,
  formatAsReassignmentJson,
  parseExecuteArgs,
  parseReassignmentData,
} from './reassignJson';
import type { Assignment } from './reassignJson';
import { reassignOptions, validateReassignArgs } from './reassignOptions';
import { awaitFuture, FutureFailure, runTask } from './toolTask';
import type { Step, ToolTask } from './toolTask';

const CLASS = 'org.apache.kafka.tools.reassign.ReassignPartitionsCommand';
const TERSE = 'org.apache.kafka.tools.TerseException';
const frames = (method: string, line: number) => [
  `${CLASS}.${method}(ReassignPartitionsCommand.java:${line})`,
  `${CLASS}.handleAction(ReassignPartitionsCommand.java:157)`,
  `${CLASS}.main(ReassignPartitionsCommand.java:130)`,
];

class Reassigner {
  private readonly admin;
  private readonly bootstrap: number[];

  constructor(
    private readonly ctx: ProcessContext,
    private readonly options: ParsedOptions,
  ) {
    this.admin = ctx.host.cluster.admin;
    this.bootstrap = bootstrapIds(ctx, options.valueOf('bootstrap-server') as string);
  }

  private out(text: string): void {
    this.ctx.stdout(text);
  }

  private file(option: string): string {
    return readFileAsString(this.ctx, this.options.valueOf(option) as string, [
      `${CLASS}.handleAction(ReassignPartitionsCommand.java:157)`,
      `${CLASS}.main(ReassignPartitionsCommand.java:130)`,
    ]);
  }

  /** `describeCluster().nodes()` ids. */
  private *brokerIds(): Step<number[]> {
    const meta = yield* awaitFuture(this.admin.metadata([], this.bootstrap));
    return meta.brokers.map((b) => b.nodeId);
  }

  /** `describeTopics`: replicas per partition; a missing topic fails the whole call. */
  private *replicasOf(topics: string[], method: string): Step<Map<string, number[][]>> {
    const meta = yield* awaitFuture(this.admin.metadata(stringHashOrder(topics), this.bootstrap));
    const out = new Map<string, number[][]>();
    for (const t of meta.topics) {
      if (t.error === 'UNKNOWN_TOPIC_OR_PARTITION') {
        const cause = new JavaException(
          'org.apache.kafka.common.errors.UnknownTopicOrPartitionException',
          `Topic ${t.name} not found.`,
        );
        throw new JavaException(
          'java.util.concurrent.ExecutionException',
          cause.toString(),
          [`${CLASS}.describeTopics(ReassignPartitionsCommand.java:522)`, ...frames(method, 540)],
          cause,
        );
      }
      out.set(
        t.name,
        t.partitions.map((p) => p.replicas),
      );
    }
    return out;
  }

  *generate(): ToolTask {
    const brokerList = this.options.valueOf('broker-list') as string;
    const brokers = brokerList.split(',').map((s) => {
      if (!/^[+-]?\d+$/.test(s))
        throw new JavaException('java.lang.NumberFormatException', `For input string: "${s}"`, [
          'java.base/java.lang.NumberFormatException.forInputString(NumberFormatException.java:67)',
          'java.base/java.lang.Integer.parseInt(Integer.java:662)',
          ...frames('parseGenerateAssignmentArgs', 641),
        ]);
      return Number(s);
    });
    const dupBrokers = duplicates(brokers);
    if (dupBrokers.length > 0)
      throw new JavaException(
        ADMIN_FAILED,
        `Broker list contains duplicate entries: [${dupBrokers.join(', ')}]`,
        frames('parseGenerateAssignmentArgs', 644),
      );
    const json = parseJson(this.file('topics-to-move-json-file'));
    if (json === undefined)
      throw new JavaException(
        ADMIN_OPERATION,
        'The input string is not a valid JSON',
        frames('parseTopicsData', 981),
      );
    const version = jsonField(json, 'version', false);
    const v = version === undefined ? 1 : asInt(version);
    if (v !== 1) throw new JavaException(ADMIN_OPERATION, `Not supported version field value ${v}`);
    const topicList = jsonField(json, 'topics', false);
    const topics =
      topicList === undefined ? [] : asArray(topicList).map((t) => asString(jsonField(t, 'topic')));
    const dupTopics = duplicates(topics);
    if (dupTopics.length > 0)
      throw new JavaException(
        ADMIN_FAILED,
        `List of topics to reassign contains duplicate entries: [${dupTopics.join(', ')}]`,
        frames('parseGenerateAssignmentArgs', 648),
      );
    const current = yield* this.replicasOf(topics, 'getReplicaAssignmentForTopics');
    const live = yield* this.brokerIds();
    const usable = live.filter((id) => brokers.includes(id));
    const cluster = this.ctx.host.cluster;
    const rng = cluster.rng.fork(`reassign-generate-${cluster.now}`);
    const currentAssignment: Assignment = [];
    const proposed: Assignment = [];
    for (const [topic, partitions] of current) {
      partitions.forEach((replicas, partition) =>
        currentAssignment.push({ tp: { topic, partition }, replicas }),
      );
      const rf = partitions[0]?.length ?? 0;
      if (rf > usable.length)
        throw new JavaException(
          'org.apache.kafka.common.errors.InvalidReplicationFactorException',
          `Replication factor: ${rf} larger than available brokers: ${usable.length}.`,
          [
            'org.apache.kafka.admin.AdminUtils.assignReplicasToBrokers(AdminUtils.java:74)',
            `${CLASS}.lambda$calculateAssignment$21(ReassignPartitionsCommand.java:484)`,
            ...frames('generateAssignment', 465),
          ],
        );
      assignReplicasToBrokers(partitions.length, rf, usable, rng).forEach((replicas, partition) =>
        proposed.push({ tp: { topic, partition }, replicas }),
      );
    }
    this.out(
      `Current partition replica assignment\n${formatAsReassignmentJson(currentAssignment)}\n\n`,
    );
    this.out(
      `Proposed partition reassignment configuration\n${formatAsReassignmentJson(proposed)}\n`,
    );
    return 0;
  }

  *execute(): ToolTask {
    const proposed = parseExecuteArgs(this.file('reassignment-json-file'));
    const ongoing = yield* awaitFuture(this.admin.listPartitionReassignments(this.bootstrap));
    if (!this.options.has('additional') && ongoing.length > 0)
      throw new JavaException(
        TERSE,
        'Cannot execute because there is an existing partition assignment.  Use --additional to override this and create a new partition assignment in addition to the existing one. The --additional flag can also be used to change the throttle by resubmitting the current reassignment.',
      );
    const live = yield* this.brokerIds();
    const unknown = proposed.flatMap((p) => p.replicas).find((id) => !live.includes(id));
    if (unknown !== undefined)
      throw new JavaException(ADMIN_FAILED, `Unknown broker id ${unknown}`, [
        `${CLASS}.verifyBrokerIds(ReassignPartitionsCommand.java:751)`,
        ...frames('executeAssignment', 674),
      ]);
    const topics = [...new Set(proposed.map((p) => p.tp.topic))];
    const current = yield* this.replicasOf(topics, 'getReplicaAssignmentForPartitions');
    const missing = proposed.filter((p) => !current.get(p.tp.topic)?.[p.tp.partition]);
    if (missing.length > 0) {
      const cause = new JavaException(
        'org.apache.kafka.common.errors.UnknownTopicOrPartitionException',
        `Unable to find partition: ${missing.map((p) => tpString(p.tp)).join(', ')}`,
      );
      throw new JavaException(
        'java.util.concurrent.ExecutionException',
        cause.toString(),
        [
          `${CLASS}.getReplicaAssignmentForPartitions(ReassignPartitionsCommand.java:568)`,
          ...frames('executeAssignment', 676),
        ],
        cause,
      );
    }
    const currentParts: Assignment = proposed.map((p) => ({
      tp: p.tp,
      replicas: current.get(p.tp.topic)![p.tp.partition]!,
    }));
    this.out(
      `Current partition replica assignment\n\n${formatAsReassignmentJson(currentParts)}\n\nSave this to use as the --reassignment-json-file option during rollback\n`,
    );
    const throttle = Number(this.options.longValueOf('throttle') ?? -1n);
    const logDirThrottle = Number(
      this.options.longValueOf('replica-alter-log-dirs-throttle') ?? -1n,
    );
    if (throttle >= 0 || logDirThrottle >= 0) {
      this.out(
        'Warning: You must run --verify periodically, until the reassignment completes, to ensure the throttle is removed.\n',
      );
      if (throttle >= 0) this.out(`The inter-broker throttle limit was set to ${throttle} B/s\n`);
      if (logDirThrottle >= 0)
        this.out(`The replica-alter-dir throttle limit was set to ${logDirThrottle} B/s\n`);
    }
    const results = yield* awaitFuture(
      this.admin.alterPartitionReassignments(
        proposed.map((p) => ({ ...p.tp, replicas: p.replicas })),
        this.bootstrap,
      ),
    );
    const errors = results.filter((r) => r.error !== 'NONE');
    if (errors.length > 0)
      throw new JavaException(
        TERSE,
        `Error reassigning partition(s):\n${errors
          .sort(compareTopicPartitions)
          .map(
            (r) =>
              `${tpString(r)}: ${adminException(`${r.error}${r.message ? `: ${r.message}` : ''}`).message}`,
          )
          .join('\n')}`,
      );
    const parts = proposed.map((p) => p.tp).sort(compareTopicPartitions);
    this.out(
      `Successfully started partition reassignment${parts.length === 1 ? '' : 's'} for ${parts.map(tpString).join(',')}\n`,
    );
    return 0;
  }

  *verify(): ToolTask {
    const targets = parseReassignmentData(this.file('reassignment-json-file'));
    const ongoing = yield* awaitFuture(this.admin.listPartitionReassignments(this.bootstrap));
    const byTp = new Map(ongoing.map((o) => [tpString(o), o]));
    const lookUp = [
      ...new Set(targets.filter((t) => !byTp.has(tpString(t.tp))).map((t) => t.tp.topic)),
    ];
    const meta =
      lookUp.length > 0
        ? yield* awaitFuture(this.admin.metadata(stringHashOrder(lookUp), this.bootstrap))
        : undefined;
    const lines = ['Status of partition reassignment:'];
    for (const t of [...targets].sort((a, b) => compareTopicPartitions(a.tp, b.tp))) {
      const running = byTp.get(tpString(t.tp));
      if (running) {
        lines.push(`Reassignment of partition ${tpString(t.tp)} is still in progress.`);
        continue;
      }
      const topic = meta?.topics.find((x) => x.name === t.tp.topic);
      const current =
        topic && topic.error === 'NONE'
          ? (topic.partitions.find((p) => p.partition === t.tp.partition)?.replicas ?? [])
          : [];
      if (current.join(',') === t.replicas.join(','))
        lines.push(`Reassignment of partition ${tpString(t.tp)} is completed.`);
      else
        lines.push(
          `There is no active reassignment of partition ${tpString(t.tp)}, but replica set is ${current.join(',')} rather than ${t.replicas.join(',')}.`,
        );
    }
    this.out(`${lines.join('\n')}\n`);
    // verifyReplicaMoves: no log directory moves, so an empty summary line.
    this.out('\n');
    if (ongoing.length === 0 && !this.options.has('preserve-throttles'))
      yield* this.clearAllThrottles(targets);
    return 0;
  }

  /** `clearAllThrottles`: removes the reassignment throttles from every broker and topic involved. */
  private *clearAllThrottles(targets: Assignment): Step<void> {
    const brokers = new Set(yield* this.brokerIds());
    for (const t of targets) for (const r of t.replicas) brokers.add(r);
    const brokerOrder = [...brokers].sort((a, b) => a - b);
    this.out(
      `Clearing broker-level throttles on broker${brokerOrder.length === 1 ? '' : 's'} ${brokerOrder.join(',')}\n`,
    );
    for (const id of brokerOrder)
      yield* awaitFuture(
        this.admin.alterConfigs(
          'broker',
          String(id),
          {},
          [
            'leader.replication.throttled.rate',
            'follower.replication.throttled.rate',
            'replica.alter.log.dirs.io.max.bytes.per.second',
          ],
          this.bootstrap,
        ),
      );
    const topics = stringHashOrder(targets.map((t) => t.tp.topic));
    this.out(
      `Clearing topic-level throttles on topic${topics.length === 1 ? '' : 's'} ${topics.join(',')}\n`,
    );
    for (const topic of topics)
      yield* awaitFuture(
        this.admin.alterConfigs(
          'topic',
          topic,
          {},
          ['leader.replication.throttled.replicas', 'follower.replication.throttled.replicas'],
          this.bootstrap,
        ),
      );
  }

  *cancel(): ToolTask {
    const targets = parseReassignmentData(this.file('reassignment-json-file'));
    const wanted = new Set(targets.map((t) => tpString(t.tp)));
    const ongoing = yield* awaitFuture(this.admin.listPartitionReassignments(this.bootstrap));
    const cancelling = ongoing
      .filter((o) => wanted.has(tpString(o)))
      .filter((o) => o.addingReplicas.length === 0 || o.removingReplicas.length > 0)
      .map((o) => ({ topic: o.topic, partition: o.partition }))
      .sort(compareTopicPartitions);
    if (cancelling.length > 0) {
      const results = yield* awaitFuture(
        this.admin.alterPartitionReassignments(
          cancelling.map((tp) => ({ ...tp, replicas: null })),
          this.bootstrap,
        ),
      );
      const errors = results.filter((r) => r.error !== 'NONE').sort(compareTopicPartitions);
      if (errors.length > 0)
        throw new JavaException(
          TERSE,
          `Error cancelling partition reassignment${errors.length === 1 ? '' : 's'} for:\n${errors
            .map(
              (r) =>
                `${tpString(r)}: ${adminException(`${r.error}${r.message ? `: ${r.message}` : ''}`).message}`,
            )
            .join('\n')}`,
        );
      this.out(
        `Successfully cancelled partition reassignment${cancelling.length === 1 ? '' : 's'} for: ${cancelling.map(tpString).join(',')}\n`,
      );
    } else this.out('None of the specified partition reassignments are active.\n');
    // No log directory moves: Kafka prints this with print(), without a newline.
    this.out('None of the specified partition moves are active.');
    if (!this.options.has('preserve-throttles')) yield* this.clearAllThrottles(targets);
    return 0;
  }

  *list(): ToolTask {
    const ongoing = yield* awaitFuture(this.admin.listPartitionReassignments(this.bootstrap));
    if (ongoing.length === 0) {
      this.out('No partition reassignments found.\n');
      return 0;
    }
    const lines = [...ongoing].sort(compareTopicPartitions).map((o) => {
      const adding = o.addingReplicas.length > 0 ? ` adding: ${o.addingReplicas.join(',')}.` : '';
      const removing =
        o.removingReplicas.length > 0 ? ` removing: ${o.removingReplicas.join(',')}.` : '';
      return `${tpString(o)}: replicas: ${o.replicas.join(',')}.${adding}${removing}`;
    });
    this.out(`Current partition reassignments:\n${lines.join('\n')}\n`);
    return 0;
  }
}

function* main(ctx: ProcessContext): ToolTask {
  const parsed = parseOptions(reassignOptions, ctx.argv.slice(1));
  if (parsed instanceof OptionError) {
    // Parsed outside main's try block: the JVM reports the uncaught exception.
    const e = optionException(parsed, [
      'org.apache.kafka.tools.reassign.ReassignPartitionsCommandOptions.<init>(ReassignPartitionsCommandOptions.java:125)',
      `${CLASS}.validateAndParseArgs(ReassignPartitionsCommand.java:1081)`,
      `${CLASS}.main(ReassignPartitionsCommand.java:120)`,
    ]);
    ctx.stderr(`Exception in thread "main" ${stackTrace(e)}`);
    return 1;
  }
  const validated = validateReassignArgs(parsed);
  if ('exitCode' in validated) {
    ctx.stdout(validated.stdout);
    ctx.stderr(validated.stderr);
    return validated.exitCode;
  }
  const reassigner = new Reassigner(ctx, parsed);
  try {
    switch (validated.action) {
      case 'generate':
        return yield* reassigner.generate();
      case 'execute':
        return yield* reassigner.execute();
      case 'verify':
        return yield* reassigner.verify();
      case 'cancel':
        return yield* reassigner.cancel();
      case 'list':
        return yield* reassigner.list();
    }
  } catch (e) {
    if (e instanceof JavaException && e.javaClass === TERSE) {
      ctx.stdout(`${e.message}\n`);
      return 1;
    }
    const ex =
      e instanceof FutureFailure
        ? executionException(adminException(e.error), frames('handleAction', 157).slice(1))
        : e instanceof OptionError
          ? optionException(e)
          : e;
    if (!(ex instanceof JavaException)) throw e;
    ctx.stdout(`Error: ${ex.javaMessage}\n${stackTrace(ex)}\n`);
    return 1;
  }
}

export const reassignPartitionsTool: Tool = {
  name: 'kafka-reassign-partitions',
  summary: 'Move topic partitions between brokers (generate, execute, verify, cancel, list).',
  optionNames: reassignOptions.map((o) => o.name),
  run: (ctx) => runTask(ctx, main(ctx)),
};
