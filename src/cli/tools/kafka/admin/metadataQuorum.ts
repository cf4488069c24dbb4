/**
 * `kafka-metadata-quorum.sh describe --status | --replication`: the KRaft metadata quorum as the
 * DescribeQuorum API reports it (KIP-836, KIP-853 in 3.9: voters with endpoints, directory ids).
 * Against a ZooKeeper-mode cluster the brokers do not offer DescribeQuorum.
 * Source: tools/src/main/java/org/apache/kafka/tools/MetadataQuorumCommand.java (Kafka 3.9),
 * ToolsUtils.prettyPrintTable. Quorum data comes from the KRaft driver's `describe()`: follower
 * fetch/caught-up timestamps it does not report print as -1, as the tool prints absent ones.
 */
import type { ControllerSideSnapshot } from '../../../../sim/cluster/modeDriver';
import type { ProcessContext, Tool } from '../../../runtime/types';
import { ArgumentParserError, parseArgs, usageLine } from './argparse';
import type { ArgSpec, SubcommandSpec } from './argparse';
import { bootstrapIds } from './adminSupport';
import { adminException, executionException, JavaException, stackTrace } from './javaException';
import { awaitFuture, FutureFailure, runTask } from './toolTask';
import type { ToolTask } from './toolTask';

const PROG = 'kafka-metadata-quorum';
const TERSE = 'org.apache.kafka.tools.TerseException';
const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA';
const CLASS = 'org.apache.kafka.tools.MetadataQuorumCommand';

const topArgs: ArgSpec[] = [
  { names: ['--bootstrap-server'], kind: 'value', group: 'connection', groupRequired: true },
  { names: ['--bootstrap-controller'], kind: 'value', group: 'connection', groupRequired: true },
  { names: ['--command-config'], kind: 'value' },
];
const subcommands: SubcommandSpec[] = [
  {
    name: 'describe',
    args: [
      { names: ['--status'], kind: 'flag' },
      { names: ['--replication'], kind: 'flag' },
      { names: ['--human-readable'], kind: 'flag' },
    ],
  },
  {
    name: 'add-controller',
    args: [{ names: ['--dry-run'], kind: 'flag' }],
  },
  {
    name: 'remove-controller',
    args: [
      { names: ['--controller-id', '-i'], kind: 'value', required: true },
      { names: ['--controller-directory-id', '-d'], kind: 'value', required: true },
      { names: ['--dry-run'], kind: 'flag' },
    ],
  },
];

/** One replica as `QuorumInfo.ReplicaState`. */
interface ReplicaState {
  id: number;
  directoryId: string;
  logEndOffset: number;
  lastFetchTimestamp: number;
  lastCaughtUpTimestamp: number;
  endpoints: string[];
}

/** `QuorumInfo` built from the KRaft driver's view of the quorum. */
interface QuorumInfo {
  leaderId: number;
  leaderEpoch: number;
  highWatermark: number;
  voters: ReplicaState[];
  observers: ReplicaState[];
}

/** Voter endpoints: `controller.quorum.voters` of a node's config, else the controller's address. */
function voterEndpoint(ctx: ProcessContext, id: number): string[] {
  const cluster = ctx.host.cluster;
  for (const b of cluster.brokers.values()) {
    const voters = b.config.get('controller.quorum.voters');
    if (!voters) continue;
    const m = new RegExp(`(?:^|,)\\s*${id}@([^:,]+):(\\d+)`).exec(voters);
    const listener = (b.config.get('controller.listener.names') ?? 'CONTROLLER').split(',')[0];
    if (m) return [`${listener}://${m[1]}:${m[2]}`];
  }
  const broker = cluster.brokers.get(id);
  return broker
    ? [`CONTROLLER://${broker.host}:${broker.port + 1}`]
    : [`CONTROLLER://controller-${id}:9093`];
}

function quorumInfo(ctx: ProcessContext, side: ControllerSideSnapshot): QuorumInfo {
  const q = side.quorum!;
  const now = ctx.host.cluster.wallClockMs;
  const leader = q.voters.find((v) => v.nodeId === q.leaderId);
  // LeaderState keeps voters in a HashMap<Integer, …>: small ids iterate in ascending order.
  const ordered = [...q.voters].sort((a, b) => a.nodeId - b.nodeId);
  const epochMs = (t: number) =>
    t >= 0 ? ctx.host.cluster.wallClockMs - ctx.host.cluster.now + t : -1;
  const voters = ordered.map((v) => ({
    id: v.nodeId,
    directoryId: ZERO_UUID,
    logEndOffset: v.logEndOffset,
    lastFetchTimestamp: v.nodeId === q.leaderId ? now : epochMs(v.lastFetchTimestamp),
    lastCaughtUpTimestamp: v.nodeId === q.leaderId ? now : epochMs(v.lastCaughtUpTimestamp),
    endpoints: voterEndpoint(ctx, v.nodeId),
  }));
  const voterIds = new Set(q.voters.map((v) => v.nodeId));
  const leaderEnd = leader?.logEndOffset ?? -1;
  const observers = [...ctx.host.cluster.brokers.values()]
    .filter((b) => b.isRunning && !voterIds.has(b.id))
    .sort((a, b) => a.id - b.id)
    .map((b) => ({
      id: b.id,
      directoryId: ctx.host.cluster.rng.fork(`metadata-directory-id-${b.id}`).kafkaUuid(),
      logEndOffset: leaderEnd,
      lastFetchTimestamp: -1,
      lastCaughtUpTimestamp: -1,
      endpoints: [],
    }));
  return {
    leaderId: q.leaderId,
    leaderEpoch: q.leaderEpoch,
    highWatermark: q.highWatermark,
    voters,
    observers,
  };
}

/** `MetadataQuorumCommand.Node.toString`. */
function nodeString(r: ReplicaState): string {
  let s = `{"id": ${r.id}`;
  if (r.directoryId !== ZERO_UUID) s += `, "directoryId": "${r.directoryId}"`;
  if (r.endpoints.length > 0)
    s += `, "endpoints": [${r.endpoints.map((e) => `"${e}"`).join(', ')}]`;
  return `${s}}`;
}

/** `ToolsUtils.prettyPrintTable`: every cell padded to its column and followed by a TAB. */
export function prettyPrintTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (row: string[]) => `${row.map((c, i) => `${c.padEnd(widths[i]!)}\t`).join('')}\n`;
  return line(headers) + rows.map(line).join('');
}

function* describe(ctx: ProcessContext, values: Map<string, unknown>): ToolTask {
  const status = values.get('status') === true;
  const replication = values.get('replication') === true;
  const human = values.get('human_readable') === true;
  if (status && replication)
    throw new JavaException(
      TERSE,
      'Only one of --status or --replication should be specified with describe sub-command',
    );
  if (!status && !replication)
    throw new JavaException(
      TERSE,
      'One of --status or --replication must be specified with describe sub-command',
    );
  if (status && human)
    throw new JavaException(
      TERSE,
      'The option --human-readable is only supported along with --replication',
    );
  const servers = (values.get('bootstrap_server') ?? values.get('bootstrap_controller')) as string;
  const bootstrap = bootstrapIds(ctx, servers);
  const admin = ctx.host.cluster.admin;
  let clusterId = '';
  if (status) clusterId = (yield* awaitFuture(admin.metadata([], bootstrap))).clusterId;
  const method = status ? 'handleDescribeStatus' : 'handleDescribeReplication';
  if (ctx.host.mode !== 'kraft')
    throw executionException(
      new JavaException(
        'org.apache.kafka.common.errors.UnsupportedVersionException',
        'The broker does not support DESCRIBE_QUORUM',
      ),
      [
        `${CLASS}.${method}(MetadataQuorumCommand.java:212)`,
        `${CLASS}.execute(MetadataQuorumCommand.java:125)`,
        `${CLASS}.mainNoExit(MetadataQuorumCommand.java:81)`,
        `${CLASS}.main(MetadataQuorumCommand.java:74)`,
      ],
    );
  const side = yield* awaitFuture(
    admin.call<ControllerSideSnapshot>('describeMetadataQuorum', bootstrap, {
      kind: 'Admin',
      op: (_ctrl: unknown, done: (r: unknown) => void) => done(ctx.host.cluster.driver.describe()),
    }),
  );
  const info = quorumInfo(ctx, side);
  const leader = info.voters.find((v) => v.id === info.leaderId)!;
  if (status) {
    const maxLag = info.voters.reduce(
      (m, v) => (v.logEndOffset < m.logEndOffset ? v : m),
      info.voters[0]!,
    );
    const lagTime =
      maxLag === leader
        ? 0
        : leader.lastCaughtUpTimestamp >= 0 && maxLag.lastCaughtUpTimestamp >= 0
          ? leader.lastCaughtUpTimestamp - maxLag.lastCaughtUpTimestamp
          : -1;
    ctx.stdout(
      `ClusterId:              ${clusterId}\n` +
        `LeaderId:               ${info.leaderId}\n` +
        `LeaderEpoch:            ${info.leaderEpoch}\n` +
        `HighWatermark:          ${info.highWatermark}\n` +
        `MaxFollowerLag:         ${leader.logEndOffset - maxLag.logEndOffset}\n` +
        `MaxFollowerLagTimeMs:   ${lagTime}\n` +
        `CurrentVoters:          [${info.voters.map(nodeString).join(', ')}]\n` +
        `CurrentObservers:       [${info.observers.map(nodeString).join(', ')}]\n`,
    );
    return 0;
  }
  const now = ctx.host.cluster.wallClockMs;
  const time = (t: number) => (t < 0 ? '-1' : human ? `${now - t} ms ago` : String(t));
  const row = (r: ReplicaState, role: string) => [
    String(r.id),
    r.directoryId,
    String(r.logEndOffset),
    String(leader.logEndOffset - r.logEndOffset),
    time(r.lastFetchTimestamp),
    time(r.lastCaughtUpTimestamp),
    role,
  ];
  ctx.stdout(
    prettyPrintTable(
      [
        'NodeId',
        'DirectoryId',
        'LogEndOffset',
        'Lag',
        'LastFetchTimestamp',
        'LastCaughtUpTimestamp',
        'Status',
      ],
      [
        row(leader, 'Leader'),
        ...info.voters.filter((v) => v !== leader).map((v) => row(v, 'Follower')),
        ...info.observers.map((o) => row(o, 'Observer')),
      ],
    ),
  );
  return 0;
}

function* main(ctx: ProcessContext): ToolTask {
  const usage = usageLine(
    PROG,
    topArgs,
    subcommands.map((s) => s.name),
  );
  try {
    const parsed = parseArgs(ctx.argv.slice(1), topArgs, subcommands);
    if (parsed.help) {
      ctx.stdout(`${usage}\nThis tool describes kraft metadata quorum status.\n`);
      return 0;
    }
    if (parsed.command === 'describe') return yield* describe(ctx, parsed.values);
    if (parsed.command === 'add-controller' && !parsed.values.has('command_config'))
      throw new JavaException(
        TERSE,
        'You must supply the configuration file of the controller you are adding when using add-controller.',
      );
    // A static quorum (controller.quorum.voters, kraft.version 0) cannot change its voters.
    throw executionException(
      new JavaException(
        'org.apache.kafka.common.errors.UnsupportedVersionException',
        `Cluster doesn't support ${parsed.command === 'add-controller' ? 'adding' : 'removing'} voter because the kraft.version feature is 0`,
      ),
      [
        `${CLASS}.execute(MetadataQuorumCommand.java:140)`,
        `${CLASS}.mainNoExit(MetadataQuorumCommand.java:81)`,
        `${CLASS}.main(MetadataQuorumCommand.java:74)`,
      ],
    );
  } catch (e) {
    if (e instanceof ArgumentParserError) {
      ctx.stderr(`${usage}${PROG}: error: ${e.message}\n`);
      return 1;
    }
    if (e instanceof JavaException && e.javaClass === TERSE) {
      ctx.stderr(`${e.message}\n`);
      return 1;
    }
    const ex = e instanceof FutureFailure ? executionException(adminException(e.error), []) : e;
    if (!(ex instanceof JavaException)) throw e;
    ctx.stderr(`${ex.javaMessage}\n${stackTrace(ex)}\n`);
    return 1;
  }
}

export const metadataQuorumTool: Tool = {
  name: 'kafka-metadata-quorum',
  summary: 'Describe the KRaft metadata quorum (describe --status / --replication).',
  optionNames: [
    'bootstrap-server',
    'bootstrap-controller',
    'command-config',
    'status',
    'replication',
    'human-readable',
  ],
  run: (ctx) => runTask(ctx, main(ctx)),
};
