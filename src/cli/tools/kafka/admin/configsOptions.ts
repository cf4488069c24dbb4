/**
 * kafka-configs' options and `ConfigCommandOptions.checkArgs`, from
 * core/src/main/scala/kafka/admin/ConfigCommand.scala of Kafka 3.9 (still Scala, still with the
 * deprecated `--zookeeper`; entity types topics, clients, users, brokers, ips, broker-loggers and
 * client-metrics — `groups` came in 4.0, KAFKA-17327).
 */
import { LOG_CONFIG_NAMES } from '../topics/topicCommandOptions';
import { checkInvalidArgs, printUsageAndExit, withDefaultOptions } from '../../../options/index';
import type { OptionSpec, ParsedOptions } from '../../../options/index';
import { ToolExit } from './toolTask';

export const CONFIGS_HELP =
  'This tool helps to manipulate and describe entity config for a topic, client, user, broker, ip or client-metrics';

/** `IllegalArgumentException` (and Scala `require`) failures: main prints only the message. */
export class IllegalArgument extends Error {}

const nl = '\n';
const list = (names: readonly string[]) => names.map((n) => `\t${n}`).join(nl);

/**
 * `DynamicConfig.Broker.names` (sorted). INFERRED: the broker configs that are dynamically
 * updatable in 3.9 plus the replication quota configs; not transcribed from the source.
 */
const DYNAMIC_BROKER_NAMES = [
  'background.threads',
  'compression.type',
  'follower.replication.throttled.rate',
  'leader.replication.throttled.rate',
  'listener.security.protocol.map',
  'listeners',
  'log.cleaner.backoff.ms',
  'log.cleaner.dedupe.buffer.size',
  'log.cleaner.delete.retention.ms',
  'log.cleaner.io.buffer.load.factor',
  'log.cleaner.io.buffer.size',
  'log.cleaner.io.max.bytes.per.second',
  'log.cleaner.max.compaction.lag.ms',
  'log.cleaner.min.cleanable.ratio',
  'log.cleaner.min.compaction.lag.ms',
  'log.cleaner.threads',
  'log.cleanup.policy',
  'log.flush.interval.messages',
  'log.flush.interval.ms',
  'log.index.interval.bytes',
  'log.index.size.max.bytes',
  'log.message.timestamp.type',
  'log.preallocate',
  'log.retention.bytes',
  'log.retention.ms',
  'log.roll.jitter.ms',
  'log.roll.ms',
  'log.segment.bytes',
  'log.segment.delete.delay.ms',
  'max.connection.creation.rate',
  'max.connections',
  'max.connections.per.ip',
  'max.connections.per.ip.overrides',
  'message.max.bytes',
  'metric.reporters',
  'min.insync.replicas',
  'num.io.threads',
  'num.network.threads',
  'num.recovery.threads.per.data.dir',
  'num.replica.fetchers',
  'principal.builder.class',
  'replica.alter.log.dirs.io.max.bytes.per.second',
  'unclean.leader.election.enable',
];

/** `ConfigCommandOptions` (3.9). */
export const configsOptions: OptionSpec[] = withDefaultOptions([
  {
    name: 'zookeeper',
    description:
      'DEPRECATED. The connection string for the zookeeper connection in the form host:port. Multiple URLS can be given to allow fail-over. Required when configuring SCRAM credentials for users or dynamic broker configs when the relevant broker(s) are down. Not allowed otherwise.',
    argument: { kind: 'required', describedAs: 'urls' },
  },
  {
    name: 'bootstrap-server',
    description: 'The Kafka servers to connect to.',
    argument: { kind: 'required', describedAs: 'server to connect to' },
  },
  {
    name: 'bootstrap-controller',
    description: 'The Kafka controllers to connect to.',
    argument: { kind: 'required', describedAs: 'controller to connect to' },
  },
  {
    name: 'command-config',
    description:
      'Property file containing configs to be passed to Admin Client. This is used only with --bootstrap-server option for describing and altering broker configs.',
    argument: { kind: 'required', describedAs: 'command config property file' },
  },
  { name: 'alter', description: 'Alter the configuration for the entity.' },
  { name: 'describe', description: 'List configs for the given entity.' },
  {
    name: 'all',
    description:
      'List all configs for the given topic, broker, or broker-logger entity (includes static configuration when the entity type is brokers)',
  },
  {
    name: 'entity-type',
    description: 'Type of entity (topics/clients/users/brokers/broker-loggers/ips/client-metrics)',
    argument: { kind: 'required' },
  },
  {
    name: 'entity-name',
    description:
      'Name of entity (topic name/client id/user principal name/broker id/ip/client metrics)',
    argument: { kind: 'required' },
  },
  {
    name: 'entity-default',
    description:
      'Default entity name for clients/users/brokers/ips (applies to corresponding entity type in command line)',
  },
  {
    name: 'add-config',
    description:
      "Key Value pairs of configs to add. Square brackets can be used to group values which contain commas: 'k1=v1,k2=[v1,v2,v2],k3=v3'. The following is a list of valid configurations: " +
      `For entity-type 'topics': ${nl}${list(LOG_CONFIG_NAMES)}${nl}` +
      `For entity-type 'brokers': ${nl}${list(DYNAMIC_BROKER_NAMES)}${nl}` +
      `For entity-type 'users': ${nl}${list(['SCRAM-SHA-256', 'SCRAM-SHA-512', 'consumer_byte_rate', 'controller_mutation_rate', 'producer_byte_rate', 'request_percentage'])}${nl}` +
      `For entity-type 'clients': ${nl}${list(['consumer_byte_rate', 'controller_mutation_rate', 'producer_byte_rate', 'request_percentage'])}${nl}` +
      `For entity-type 'ips': ${nl}${list(['connection_creation_rate'])}${nl}` +
      `For entity-type 'client-metrics': ${nl}${list(['interval.ms', 'match', 'metrics'])}${nl}` +
      "Entity types 'users' and 'clients' may be specified together to update config for clients of a specific user.",
    argument: { kind: 'required' },
  },
  {
    name: 'add-config-file',
    description:
      'Path to a properties file with configs to add. See add-config for a list of valid configurations.',
    argument: { kind: 'required' },
  },
  {
    name: 'delete-config',
    description: "config keys to remove 'k1,k2'",
    argument: { kind: 'required', valuesSeparatedBy: ',' },
  },
  { name: 'force', description: 'Suppress console prompts' },
  { name: 'topic', description: "The topic's name.", argument: { kind: 'required' } },
  { name: 'client', description: "The client's ID.", argument: { kind: 'required' } },
  { name: 'client-defaults', description: 'The config defaults for all clients.' },
  { name: 'user', description: "The user's principal name.", argument: { kind: 'required' } },
  { name: 'user-defaults', description: 'The config defaults for all users.' },
  { name: 'broker', description: "The broker's ID.", argument: { kind: 'required' } },
  { name: 'broker-defaults', description: 'The config defaults for all brokers.' },
  {
    name: 'broker-logger',
    description: "The broker's ID for its logger config.",
    argument: { kind: 'required' },
  },
  { name: 'ip-defaults', description: 'The config defaults for all IPs.' },
  { name: 'ip', description: 'The IP address.', argument: { kind: 'required' } },
  {
    name: 'zk-tls-config-file',
    description:
      'Identifies the file where ZooKeeper client TLS connectivity properties are defined.  Any properties other than zookeeper.clientCnxnSocket, zookeeper.ssl.cipher.suites, zookeeper.ssl.client.enable, zookeeper.ssl.crl.enable, zookeeper.ssl.enabled.protocols, zookeeper.ssl.endpoint.identification.algorithm, zookeeper.ssl.keystore.location, zookeeper.ssl.keystore.password, zookeeper.ssl.keystore.type, zookeeper.ssl.ocsp.enable, zookeeper.ssl.protocol, zookeeper.ssl.truststore.location, zookeeper.ssl.truststore.password, zookeeper.ssl.truststore.type are ignored.',
    argument: { kind: 'required', describedAs: 'ZooKeeper TLS configuration' },
  },
]);

const entityFlags: [string, string][] = [
  ['topic', 'topics'],
  ['client', 'clients'],
  ['user', 'users'],
  ['broker', 'brokers'],
  ['broker-logger', 'broker-loggers'],
  ['ip', 'ips'],
];
const entityDefaultsFlags: [string, string][] = [
  ['client-defaults', 'clients'],
  ['user-defaults', 'users'],
  ['broker-defaults', 'brokers'],
  ['ip-defaults', 'ips'],
];

/** `ConfigType.ALL` + broker-loggers + client-metrics. */
const brokerSupportedTypes = [
  'topics',
  'clients',
  'users',
  'brokers',
  'ips',
  'broker-loggers',
  'client-metrics',
];
const zkSupportedTypes = ['users', 'brokers'];

/** `entityTypes`: `--entity-type` values, then the specific entity flags. */
export function entityTypes(o: ParsedOptions): string[] {
  return [
    ...o.valuesOf('entity-type'),
    ...[...entityFlags, ...entityDefaultsFlags].filter(([f]) => o.has(f)).map(([, t]) => t),
  ];
}

/**
 * `entityNames`: for each `--entity-name` / `--entity-default` in command-line order its name
 * (`''` for a default), then the flags' values, then `''` per defaults flag.
 */
export function entityNames(o: ParsedOptions): string[] {
  const names = o.valuesOf('entity-name');
  let next = 0;
  const ordered: string[] = [];
  for (const arg of o.argv) {
    const m = /^--?(entity-name|entity-default)(?:=|$)/.exec(arg);
    if (!m) continue;
    if (m[1] === 'entity-name') ordered.push(names[next++] ?? '');
    else ordered.push('');
  }
  return [
    ...ordered,
    ...entityFlags.filter(([f]) => o.has(f)).map(([f]) => o.valueOf(f) as string),
    ...entityDefaultsFlags.filter(([f]) => o.has(f)).map(() => ''),
  ];
}

const isJavaInt = (s: string) => /^[+-]?\d+$/.test(s) && Math.abs(Number(s)) <= 2 ** 31 - 1;

/** `ConfigCommandOptions.checkArgs`. Usage problems exit via {@link ToolExit}. */
export function checkArgs(o: ParsedOptions): void {
  const actions = ['alter', 'describe'].filter((a) => o.has(a)).length;
  if (actions !== 1)
    throw new ToolExit(
      printUsageAndExit(o.specs, 'Command must include exactly one action: --describe, --alter'),
    );
  const invalid =
    checkInvalidArgs(o, 'alter', ['describe']) ??
    checkInvalidArgs(o, 'describe', ['alter', 'add-config', 'delete-config']);
  if (invalid) throw new ToolExit(invalid);

  const types = entityTypes(o);
  const dups = types.filter((t, i) => types.indexOf(t) !== i);
  if (dups.length > 0)
    throw new IllegalArgument(
      `Duplicate entity type(s) specified: ${[...new Set(dups)].join(',')}`,
    );
  const viaBroker = o.has('bootstrap-server') || o.has('bootstrap-controller');
  const [allowed, connect] = viaBroker
    ? [brokerSupportedTypes, '--bootstrap-server or --bootstrap-controller']
    : [zkSupportedTypes, '--zookeeper'];
  for (const t of types)
    if (!allowed.includes(t))
      throw new IllegalArgument(
        `Invalid entity type ${t}, the entity type must be one of ${allowed.join(', ')} with a ${connect} argument`,
      );
  if (types.length === 0) throw new IllegalArgument('At least one entity type must be specified');
  if (
    types.length > 1 &&
    !(types.length === 2 && types.includes('users') && types.includes('clients'))
  )
    throw new IllegalArgument("Only 'users' and 'clients' entity types may be specified together");
  const generic = o.has('entity-name') || o.has('entity-type') || o.has('entity-default');
  if (generic && [...entityFlags, ...entityDefaultsFlags].some(([f]) => o.has(f)))
    throw new IllegalArgument(
      '--entity-{type,name,default} should not be used in conjunction with specific entity flags',
    );
  const names = entityNames(o);
  const hasName = names.some((n) => n !== '');
  const hasDefault = names.some((n) => n === '');
  const connects = ['bootstrap-server', 'bootstrap-controller', 'zookeeper'].filter((c) =>
    o.has(c),
  );
  if (connects.length === 0)
    throw new IllegalArgument(
      'One of the required --bootstrap-server, --boostrap-controller, or --zookeeper arguments must be specified',
    );
  if (connects.length > 1)
    throw new IllegalArgument(
      'Only one of --bootstrap-server, --boostrap-controller, and --zookeeper can be specified',
    );
  if (o.has('all') && o.has('zookeeper'))
    throw new IllegalArgument('--bootstrap-server must be specified for --all');
  if (o.has('zk-tls-config-file') && !o.has('zookeeper'))
    throw new IllegalArgument(
      'Only the --zookeeper option can be used with the --zk-tls-config-file option.',
    );
  if (hasName && (types.includes('brokers') || types.includes('broker-loggers')))
    for (const opt of ['entity-name', 'broker', 'broker-logger'])
      if (o.has(opt) && !isJavaInt(o.valueOf(opt) as string))
        throw new IllegalArgument(
          `The entity name for ${types[0]} must be a valid integer broker id, but it is: ${o.valueOf(opt)}`,
        );
  if (o.has('describe') && types.includes('broker-loggers') && !hasName)
    throw new IllegalArgument(
      `an entity name must be specified with --describe of ${types.join(',')}`,
    );
  if (o.has('alter')) {
    if (['users', 'clients', 'brokers', 'ips'].some((t) => types.includes(t))) {
      if (!hasName && !hasDefault)
        throw new IllegalArgument(
          'an entity-name or default entity must be specified with --alter of users, clients, brokers or ips',
        );
    } else if (!hasName)
      throw new IllegalArgument(
        `an entity name must be specified with --alter of ${types.join(',')}`,
      );
    if (o.has('add-config') && o.has('add-config-file'))
      throw new IllegalArgument('Only one of --add-config or --add-config-file must be specified');
    if (!o.has('add-config') && !o.has('add-config-file') && !o.has('delete-config'))
      throw new IllegalArgument(
        'At least one of --add-config, --add-config-file, or --delete-config must be specified with --alter',
      );
  }
}

/**
 * `parseConfigsToBeAdded` for `--add-config`: split at commas outside `[...]`, each at `=`;
 * brackets removed from values. A pair without `=` fails Scala's `require`.
 */
export function parseAddConfig(raw: string): Map<string, string> {
  const lookahead = '(?=[^\\]]*(?:\\[|$))';
  const pairs = javaSplitRegex(raw, new RegExp(`,${lookahead}`, 'g'), false).map((p) =>
    javaSplitRegex(p, new RegExp(`\\s*=\\s*${lookahead}`, 'g'), true),
  );
  if (!pairs.every((p) => p.length === 2))
    throw new IllegalArgument(
      'requirement failed: Invalid entity config: all configs to be added must be in the format "key=val".',
    );
  const props = new Map<string, string>();
  for (const [k, v] of pairs) props.set(k!.trim(), v!.replace(/\[?\]?/g, '').trim());
  return props;
}

/** `String.split(regex)` (trailing empty strings dropped) or `split(regex, -1)` (kept). */
function javaSplitRegex(s: string, re: RegExp, keepTrailing: boolean): string[] {
  const parts: string[] = [];
  let last = 0;
  for (const m of s.matchAll(re)) {
    if (m[0].length === 0 && m.index === 0) continue;
    parts.push(s.slice(last, m.index));
    last = m.index! + m[0].length;
  }
  parts.push(s.slice(last));
  if (!keepTrailing) while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}
