/**
 * `kafka-storage.sh random-uuid | format | info` for KRaft nodes.
 * Source: core/src/main/scala/kafka/tools/StorageTool.scala and
 * metadata/src/main/java/org/apache/kafka/metadata/storage/Formatter.java (Kafka 3.9). `format`
 * records the directories in the host's `formattedLogDirs` (what `kafka-server-start.sh` checks)
 * and writes `meta.properties` and `bootstrap.checkpoint` into the shell's filesystem.
 */
import { VirtualFs } from '../../../host/virtualFs';
import type { ProcessContext, Tool } from '../../../runtime/types';
import { ArgumentParserError, parseArgs, usageLine } from './argparse';
import type { ArgSpec, SubcommandSpec } from './argparse';
import { loadProps } from './adminSupport';
import { JavaException, stackTrace } from './javaException';

const PROG = 'kafka-storage';
const LATEST = '3.9-IV0';
/** `MetadataVersion.fromVersionString`: a release maps to its latest metadata version. */
const releaseVersions: Record<string, string> = {
  '3.3': '3.3-IV3',
  '3.4': '3.4-IV0',
  '3.5': '3.5-IV2',
  '3.6': '3.6-IV2',
  '3.7': '3.7-IV4',
  '3.8': '3.8-IV0',
  '3.9': '3.9-IV0',
};

const configArg: ArgSpec = { names: ['--config', '-c'], kind: 'value', required: true };
const subcommands: SubcommandSpec[] = [
  { name: 'info', args: [configArg] },
  {
    name: 'format',
    args: [
      configArg,
      { names: ['--cluster-id', '-t'], kind: 'value', required: true },
      { names: ['--add-scram', '-S'], kind: 'append' },
      { names: ['--ignore-formatted', '-g'], kind: 'flag' },
      { names: ['--release-version', '-r'], kind: 'value' },
      { names: ['--feature', '-f'], kind: 'append' },
      { names: ['--standalone', '-s'], kind: 'flag', group: 'quorum' },
      { names: ['--initial-controllers', '-I'], kind: 'value', group: 'quorum' },
    ],
  },
  { name: 'random-uuid', args: [] },
];

/** Thrown for `TerseFailure` / `FormatterException`: main prints the message to stderr, exit 1. */
class TerseFailure extends Error {}

/** `Uuid.randomUuid()`: a version-4 Java UUID as URL-safe base64, never starting with `-`. */
function randomUuid(ctx: ProcessContext, n: number): string {
  const rng = ctx.host.cluster.rng.fork(`storage-random-uuid-${ctx.host.cluster.now}-${n}`);
  for (;;) {
    const bytes = rng.bytes(16);
    bytes[6] = (bytes[6]! & 0x0f) | 0x40;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const id = Buffer.from(bytes).toString('base64url');
    if (!id.startsWith('-') && id !== 'AAAAAAAAAAAAAAAAAAAAAA' && id !== 'AAAAAAAAAAAAAAAAAAAAAQ')
      return id;
  }
}

/** How many Kafka Uuids each machine's storage tool has drawn (keeps seeds' runs reproducible). */
const uuidCalls = new WeakMap<object, number>();
const nextUuidCall = (ctx: ProcessContext) => {
  const n = (uuidCalls.get(ctx.host) ?? 0) + 1;
  uuidCalls.set(ctx.host, n);
  return n;
};

/** `Uuid.fromString`: 22 base64url characters decoding to 16 bytes. */
function checkClusterId(id: string): void {
  const decoded = /^[A-Za-z0-9_-]*$/.test(id) ? Buffer.from(id, 'base64url').length : -1;
  if (decoded !== 16)
    throw new TerseFailure(
      decoded < 0
        ? `Cluster ID string ${id} does not appear to be a valid UUID: Illegal base64 character`
        : `Cluster ID string ${id} does not appear to be a valid UUID: Input string \`${id}\` decoded as ${decoded} bytes, which is not equal to the expected 16 bytes of a base64-encoded UUID`,
    );
}

/** `configToLogDirectories`: log.dirs (or log.dir) plus metadata.log.dir, sorted. */
function logDirectories(props: Map<string, string>): string[] {
  const dirs = (props.get('log.dirs') ?? props.get('log.dir') ?? '/tmp/kafka-logs')
    .split(',')
    .map((d) => d.trim())
    .filter((d) => d !== '');
  const metadata = props.get('metadata.log.dir');
  return [...new Set([...dirs, ...(metadata ? [metadata] : [])])].sort();
}

function format(ctx: ProcessContext, values: Map<string, unknown>): number {
  const props = loadProps(ctx, values.get('config') as string);
  const roles = (props.get('process.roles') ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  if (roles.length === 0)
    throw new TerseFailure(
      'The kafka configuration file appears to be for a legacy cluster. Formatting is only supported for clusters in KRaft mode.',
    );
  const standalone = values.get('standalone') === true;
  if (standalone && !roles.includes('controller'))
    throw new TerseFailure('You cannot use --standalone on a broker node.');
  const clusterId = values.get('cluster_id') as string;
  checkClusterId(clusterId);
  const release = values.get('release_version') as string | undefined;
  let version = LATEST;
  if (release !== undefined) {
    const v = releaseVersions[release] ?? (/^\d\.\d-IV\d$/.test(release) ? release : undefined);
    if (!v)
      throw new TerseFailure(
        `Unknown metadata.version ${release}. Supported metadata.version are 3.3-IV3, 3.4-IV0, 3.5-IV0, 3.5-IV1, 3.5-IV2, 3.6-IV0, 3.6-IV1, 3.6-IV2, 3.7-IV0, 3.7-IV1, 3.7-IV2, 3.7-IV3, 3.7-IV4, 3.8-IV0, 3.9-IV0`,
      );
    version = v;
  }
  const dirs = logDirectories(props);
  const metadataDir = props.get('metadata.log.dir') ?? dirs[0]!;
  const home = ctx.env.get('HOME') ?? '/root';
  const resolved = dirs.map((d) => ({ dir: d, path: VirtualFs.resolve(ctx.cwd, d, home) }));
  const formatted = resolved.filter((d) => ctx.host.formattedLogDirs.has(d.path));
  if (formatted.length > 0 && values.get('ignore_formatted') !== true)
    throw new TerseFailure(
      `Log directory ${formatted[0]!.dir} is already formatted. Use --ignore-formatted to ignore this directory and format the others.`,
    );
  const todo = resolved.filter((d) => !ctx.host.formattedLogDirs.has(d.path));
  if (todo.length === 0) {
    ctx.stdout('All of the log directories are already formatted.\n');
    return 0;
  }
  const nodeId = props.get('node.id') ?? '-1';
  for (const { dir, path } of todo) {
    const kind =
      dir !== metadataDir
        ? 'data directory'
        : standalone
          ? 'dynamic metadata voter directory'
          : 'metadata directory';
    ctx.stdout(`Formatting ${kind} ${dir} with metadata.version ${version}.\n`);
    ctx.host.formattedLogDirs.set(path, clusterId);
    ctx.fs.write(
      `${path}/meta.properties`,
      `#\n#${new Date(ctx.clock.wallClockMs()).toUTCString()}\nnode.id=${nodeId}\ndirectory.id=${randomUuid(ctx, nextUuidCall(ctx))}\nversion=1\ncluster.id=${clusterId}\n`,
    );
    if (dir === metadataDir) ctx.fs.write(`${path}/bootstrap.checkpoint`, '');
  }
  return 0;
}

/** `infoCommand`. */
function info(ctx: ProcessContext, values: Map<string, unknown>): number {
  const props = loadProps(ctx, values.get('config') as string);
  const kraft = (props.get('process.roles') ?? '').trim() !== '';
  const dirs = logDirectories(props);
  const problems: string[] = [];
  const found: string[] = [];
  let meta: Map<string, string> | undefined;
  const home = ctx.env.get('HOME') ?? '/root';
  for (const dir of dirs) {
    const path = VirtualFs.resolve(ctx.cwd, dir, home);
    if (!ctx.fs.isDir(path)) {
      problems.push(ctx.fs.exists(path) ? `${dir} is not a directory` : `${dir} does not exist`);
      continue;
    }
    found.push(dir);
    const text = ctx.fs.read(`${path}/meta.properties`);
    if (text === undefined) {
      problems.push(`${dir} is not formatted.`);
      continue;
    }
    const current = new Map<string, string>();
    for (const line of text.split('\n')) {
      const m = /^([^#=][^=]*)=(.*)$/.exec(line);
      if (m) current.set(m[1]!, m[2]!);
    }
    if (!meta) meta = current;
    else if (meta.get('cluster.id') !== current.get('cluster.id'))
      problems.push('Mismatched cluster IDs between storage directories.');
    else if (meta.get('node.id') !== current.get('node.id'))
      problems.push('Mismatched node IDs between storage directories.');
  }
  if (meta && !kraft)
    problems.push(
      'The kafka configuration file appears to be for a legacy cluster, but the directories are formatted for a cluster in KRaft mode.',
    );
  let out = '';
  if (found.length > 0)
    out += `${found.length === 1 ? 'Found log directory:' : 'Found log directories:'}\n${found.map((d) => `  ${d}\n`).join('')}\n`;
  if (meta) {
    const sorted = [...meta].sort(([a], [b]) => (a < b ? -1 : 1));
    out += `Found metadata: {${sorted.map(([k, v]) => `${k}=${v}`).join(', ')}}\n\n`;
  }
  if (problems.length > 0)
    out += `${problems.length === 1 ? 'Found problem:' : 'Found problems:'}\n${problems.map((p) => `  ${p}\n`).join('')}\n`;
  ctx.stdout(out);
  return problems.length > 0 ? 1 : 0;
}

function run(ctx: ProcessContext): number {
  const usage = usageLine(
    PROG,
    [],
    subcommands.map((s) => s.name),
  );
  try {
    const parsed = parseArgs(ctx.argv.slice(1), [], subcommands);
    if (parsed.help) {
      ctx.stdout(`${usage}\nThe Kafka storage tool.\n`);
      return 0;
    }
    switch (parsed.command) {
      case 'random-uuid':
        ctx.stdout(`${randomUuid(ctx, nextUuidCall(ctx))}\n`);
        return 0;
      case 'format':
        return format(ctx, parsed.values);
      default:
        return info(ctx, parsed.values);
    }
  } catch (e) {
    if (e instanceof ArgumentParserError) {
      // StorageTool.execute prints the parser exception's stack trace to stdout.
      const ex = new JavaException(
        'net.sourceforge.argparse4j.inf.ArgumentParserException',
        e.message,
        [
          'net.sourceforge.argparse4j.internal.ArgumentParserImpl.parseArgs(ArgumentParserImpl.java:1108)',
          'net.sourceforge.argparse4j.internal.ArgumentParserImpl.parseArgs(ArgumentParserImpl.java:866)',
          'kafka.tools.StorageTool$.parseArguments(StorageTool.scala:186)',
          'kafka.tools.StorageTool$.execute(StorageTool.scala:68)',
          'kafka.tools.StorageTool$.main(StorageTool.scala:48)',
          'kafka.tools.StorageTool.main(StorageTool.scala)',
        ],
      );
      ctx.stdout(stackTrace(ex));
      return 1;
    }
    if (e instanceof TerseFailure) {
      ctx.stderr(`${e.message}\n`);
      return 1;
    }
    if (e instanceof JavaException) {
      ctx.stderr(`Exception in thread "main" ${stackTrace(e)}`);
      return 1;
    }
    throw e;
  }
}

export const storageTool: Tool = {
  name: 'kafka-storage',
  summary: 'Format and inspect KRaft log directories; print a random cluster id.',
  optionNames: [
    'config',
    'cluster-id',
    'ignore-formatted',
    'release-version',
    'standalone',
    'initial-controllers',
    'feature',
    'add-scram',
  ],
  run: (ctx) => ctx.exit(run(ctx)),
};
