/**
 * `kafka-configs.sh`: describe and alter dynamic configs of topics and brokers (and, with the
 * deprecated `--zookeeper`, of stopped brokers). Source: core/src/main/scala/kafka/admin/
 * ConfigCommand.scala (Kafka 3.9). Argument problems print only their message to stderr; any other
 * failure prints `Error while executing config command with args '…'` and the stack trace.
 */
import { Future } from '../../../../sim/index';
import { maybePrintHelpOrVersion, OptionError, parseOptions } from '../../../options/index';
import type { ParsedOptions } from '../../../options/index';
import type { ProcessContext, Tool } from '../../../runtime/types';
import { bootstrapIds, loadProps, stringHashOrder } from './adminSupport';
import { brokerConfigEntries, describeLine, topicConfigEntries } from './configEntries';
import type { BrokerConfigLayers, ConfigEntry } from './configEntries';
import {
  checkArgs,
  CONFIGS_HELP,
  configsOptions,
  entityNames,
  entityTypes,
  IllegalArgument,
  parseAddConfig,
} from './configsOptions';
import { adminException, executionException, JavaException, stackTrace } from './javaException';
import { awaitFuture, FutureFailure, runTask, ToolExit } from './toolTask';
import type { Step, ToolTask } from './toolTask';

const CLASS = 'kafka.admin.ConfigCommand$';
const INVALID_CONFIG = 'org.apache.kafka.common.errors.InvalidConfigurationException';
const frames = (method: string, line: number) => [
  `${CLASS}.${method}(ConfigCommand.scala:${line})`,
  `${CLASS}.processCommand(ConfigCommand.scala:343)`,
  `${CLASS}.main(ConfigCommand.scala:96)`,
  'kafka.admin.ConfigCommand.main(ConfigCommand.scala)',
];

/** `Topic.validate` (InvalidTopicException). */
function validateTopicName(name: string): void {
  const fail = (why: string) => {
    throw new JavaException(
      'org.apache.kafka.common.errors.InvalidTopicException',
      `Topic name is invalid: ${why}`,
      [
        'org.apache.kafka.common.internals.Topic.validate(Topic.java:78)',
        ...frames('getResourceConfig', 593),
      ],
    );
  };
  if (name === '.' || name === '..') fail(`'${name}' is not allowed`);
  if (name.length > 249) fail(`the length of '${name}' is longer than the max allowed length 249`);
  if (!/^[a-zA-Z0-9._-]+$/.test(name))
    fail(
      `'${name}' contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'`,
    );
}

class ConfigCommand {
  private readonly admin;
  private readonly bootstrap: number[];

  constructor(
    private readonly ctx: ProcessContext,
    private readonly o: ParsedOptions,
  ) {
    this.admin = ctx.host.cluster.admin;
    const servers = o.valueOf('bootstrap-server') ?? o.valueOf('bootstrap-controller');
    this.bootstrap = servers === undefined ? [] : bootstrapIds(ctx, servers);
  }

  /** server.properties of broker `id` as it was started (explicit settings only). */
  private staticConfig(id: number): Record<string, string> {
    const broker = this.ctx.host.cluster.brokers.get(id);
    if (!broker) return {};
    const base = this.ctx.host.cluster.baseConfig;
    const out: Record<string, string> = { ...base };
    const defaults = this.ctx.host.cluster.brokerConfig(-1).values;
    for (const [k, v] of Object.entries(broker.config.values))
      if (defaults[k] !== v || k in base) out[k] = v;
    out['broker.id'] = String(id);
    out['node.id'] = String(id);
    return out;
  }

  private *layers(brokerId: number, includePerBroker: boolean): Step<BrokerConfigLayers> {
    const clusterDefault =
      (yield* awaitFuture(this.admin.describeConfigs('broker', '', this.bootstrap))) ?? {};
    const perBroker = includePerBroker
      ? ((yield* awaitFuture(
          this.admin.describeConfigs('broker', String(brokerId), this.bootstrap),
        )) ?? {})
      : {};
    return { perBroker, clusterDefault, staticConfig: this.staticConfig(brokerId) };
  }

  /** `getResourceConfig`: the entries of one resource, dynamic ones only unless `--all`. */
  private *resourceConfig(type: string, name: string, all: boolean): Step<ConfigEntry[]> {
    if (type === 'topics') {
      if (name !== '') validateTopicName(name);
      const overrides = yield* awaitFuture(
        this.admin.describeConfigs('topic', name, this.bootstrap),
      );
      if (overrides === undefined) {
        const cause = new JavaException(
          'org.apache.kafka.common.errors.UnknownTopicOrPartitionException',
          'This server does not host this topic-partition.',
        );
        throw executionException(cause, frames('getResourceConfig', 612));
      }
      const entries = topicConfigEntries(overrides, yield* this.layers(this.bootstrap[0]!, true));
      return all ? entries : entries.filter((e) => e.source === 'DYNAMIC_TOPIC_CONFIG');
    }
    if (type === 'brokers') {
      if (name === '') {
        const layers = yield* this.layers(this.bootstrap[0]!, false);
        const entries = brokerConfigEntries(layers);
        return all ? entries : entries.filter((e) => e.source === 'DYNAMIC_DEFAULT_BROKER_CONFIG');
      }
      const id = Number(name);
      const meta = yield* awaitFuture(this.admin.metadata([], this.bootstrap));
      if (!meta.brokers.some((b) => b.nodeId === id)) {
        // No such node: the request waits for it until `get(30, SECONDS)` gives up.
        const wait = new Future<void>();
        this.ctx.clock.schedule(30_000, () => wait.resolve());
        yield* awaitFuture(wait);
        throw new JavaException('java.util.concurrent.TimeoutException', null, [
          'java.base/java.util.concurrent.CompletableFuture.timedGet(CompletableFuture.java:1960)',
          'java.base/java.util.concurrent.CompletableFuture.get(CompletableFuture.java:2095)',
          'org.apache.kafka.common.internals.KafkaFutureImpl.get(KafkaFutureImpl.java:180)',
          ...frames('getResourceConfig', 612),
        ]);
      }
      const entries = brokerConfigEntries(yield* this.layers(id, true));
      return all ? entries : entries.filter((e) => e.source === 'DYNAMIC_BROKER_CONFIG');
    }
    // broker-loggers and client-metrics have no configs in the simulation.
    return [];
  }

  *describe(): ToolTask {
    const types = entityTypes(this.o);
    const names = entityNames(this.o);
    const type = types[0]!;
    const all = this.o.has('all');
    if (!['topics', 'brokers', 'broker-loggers', 'client-metrics'].includes(type)) return 0;
    let entities: string[];
    if (names.length > 0) entities = [names[0]!];
    else if (type === 'topics') {
      const meta = yield* awaitFuture(this.admin.metadata(null, this.bootstrap));
      entities = stringHashOrder(meta.topics.map((t) => t.name));
    } else if (type === 'brokers' || type === 'broker-loggers') {
      const meta = yield* awaitFuture(this.admin.metadata([], this.bootstrap));
      entities = [...meta.brokers.map((b) => String(b.nodeId)), ''];
    } else entities = [];
    for (const entity of entities) {
      if (entity === '') this.ctx.stdout(`Default configs for ${type} in the cluster are:\n`);
      else
        this.ctx.stdout(
          `${all ? 'All' : 'Dynamic'} configs for ${type.slice(0, -1)} ${entity} are:\n`,
        );
      for (const e of yield* this.resourceConfig(type, entity, all))
        this.ctx.stdout(describeLine(e));
    }
    return 0;
  }

  private configsToBeAdded(): Map<string, string> {
    const props = new Map<string, string>();
    if (this.o.has('add-config-file'))
      for (const [k, v] of loadProps(this.ctx, this.o.valueOf('add-config-file') as string))
        props.set(k, v);
    if (this.o.has('add-config'))
      for (const [k, v] of parseAddConfig(this.o.valueOf('add-config') as string)) props.set(k, v);
    if (props.has('message.format.version'))
      this.ctx.stdout(
        `WARNING: The configuration message.format.version=${props.get('message.format.version')} is specified. This configuration will be ignored if the version is newer than the inter.broker.protocol.version specified in the broker or if the inter.broker.protocol.version is 3.0 or newer. This configuration is deprecated and it will be removed in Apache Kafka 4.0.\n`,
      );
    for (const k of props.keys())
      if (!/^[a-zA-Z0-9._-]*$/.test(k))
        throw new IllegalArgument(`Invalid character found for config key: ${k}`);
    return props;
  }

  *alter(): ToolTask {
    const types = entityTypes(this.o);
    const names = entityNames(this.o);
    if (types.length !== names.length)
      throw new IllegalArgument('An entity name must be specified for every entity type');
    const type = types[0]!;
    const name = names[0]!;
    const add = this.configsToBeAdded();
    const remove = this.o.has('delete-config')
      ? this.o.valuesOf('delete-config').map((k) => k.trim())
      : [];
    if (type === 'topics' || type === 'brokers') {
      const old = yield* this.resourceConfig(type, name, false);
      const invalid = remove.filter((k) => !old.some((e) => e.name === k));
      if (invalid.length > 0)
        throw new JavaException(INVALID_CONFIG, `Invalid config(s): ${invalid.join(',')}`);
      const error = yield* awaitFuture(
        this.admin.alterConfigs(
          type === 'topics' ? 'topic' : 'broker',
          name,
          Object.fromEntries(add),
          remove,
          this.bootstrap,
        ),
      );
      if (error !== undefined)
        throw executionException(adminException(error), frames('alterConfig', 383));
    } else if (type === 'broker-loggers') {
      const unknown = [...remove, ...add.keys()];
      if (unknown.length > 0)
        throw new JavaException(INVALID_CONFIG, `Invalid broker logger(s): ${unknown.join(',')}`);
    }
    // users, clients, ips, client-metrics: quotas and SCRAM credentials are not simulated.
    this.ctx.stdout(
      name !== ''
        ? `Completed updating config for ${type.slice(0, -1)} ${name}.\n`
        : `Completed updating default config for ${type} in the cluster.\n`,
    );
    return 0;
  }

  /** `processCommandWithZk`: brokers' configs straight from ZooKeeper, only while they are down. */
  *withZooKeeper(): ToolTask {
    this.ctx.stdout(
      'Warning: --zookeeper is deprecated and will be removed in a future version of Kafka.\nUse --bootstrap-server instead to specify a broker to connect to.\n',
    );
    const zk = this.ctx.host.zk;
    if (!zk || !zk.zookeeper.isRunning) {
      const wait = new Future<void>();
      this.ctx.clock.schedule(30_000, () => wait.resolve());
      yield* awaitFuture(wait);
      throw new JavaException(
        'kafka.zookeeper.ZooKeeperClientTimeoutException',
        'Timed out waiting for connection while in state: CONNECTING',
        [
          'kafka.zookeeper.ZooKeeperClient.waitUntilConnected(ZooKeeperClient.scala:263)',
          'kafka.zookeeper.ZooKeeperClient.<init>(ZooKeeperClient.scala:115)',
          'kafka.zk.KafkaZkClient$.apply(KafkaZkClient.scala:2290)',
          `${CLASS}.processCommandWithZk(ConfigCommand.scala:128)`,
          `${CLASS}.main(ConfigCommand.scala:94)`,
          'kafka.admin.ConfigCommand.main(ConfigCommand.scala)',
        ],
      );
    }
    const type = entityTypes(this.o)[0]!;
    const name = entityNames(this.o)[0] ?? '';
    const alter = this.o.has('alter');
    const add = alter ? this.configsToBeAdded() : new Map<string, string>();
    const remove = this.o.has('delete-config') ? this.o.valuesOf('delete-config') : [];
    const image = this.ctx.host.cluster.driver.latestImage();
    if (type === 'brokers') {
      const running = [...this.ctx.host.cluster.brokers.values()].filter((b) => b.isRunning);
      const error = alter
        ? `--bootstrap-server option must be specified to update brokers configs: {add: {${[...add].map(([k, v]) => `${k}=${v}`).join(', ')}}, delete: ${remove.length > 0 ? `ArrayBuffer(${remove.join(', ')})` : 'List()'}}`
        : '--bootstrap-server option must be specified to describe brokers';
      const info =
        'Broker configuration operations using ZooKeeper are only supported if the affected broker(s) are not running.';
      if (!alter || add.size > 0 || remove.length > 0) {
        if (name !== '' && running.some((b) => String(b.id) === name))
          throw new IllegalArgument(
            `requirement failed: ${error} - broker ${name} is running. ${info}`,
          );
        if (name === '' && running.length > 0)
          throw new IllegalArgument(
            `requirement failed: ${error} - ${running.length} brokers are running. ${info}`,
          );
      }
      const entity = name === '' ? 'default brokers' : `brokers '${name}'`;
      if (alter) {
        this.ctx.stdout(`Completed updating config for entity: ${entity}.\n`);
        return 0;
      }
      const configs = image?.brokerConfigs.get(name) ?? {};
      this.ctx.stdout(
        `Configs for ${entity} are ${Object.entries(configs)
          .map(([k, v]) => `${k}=${v}`)
          .join(',')}\n`,
      );
      return 0;
    }
    if (alter) this.ctx.stdout(`Completed updating config for entity: user-principal '${name}'.\n`);
    return 0;
  }
}

function* main(ctx: ProcessContext): ToolTask {
  const args = ctx.argv.slice(1);
  try {
    const parsed = parseOptions(configsOptions, args);
    if (parsed instanceof OptionError) throw parsed;
    const help = maybePrintHelpOrVersion(parsed, CONFIGS_HELP);
    if (help) throw new ToolExit(help);
    checkArgs(parsed);
    const command = new ConfigCommand(ctx, parsed);
    if (parsed.has('zookeeper')) return yield* command.withZooKeeper();
    return parsed.has('alter') ? yield* command.alter() : yield* command.describe();
  } catch (e) {
    if (e instanceof ToolExit) throw e;
    if (
      e instanceof IllegalArgument ||
      e instanceof OptionError ||
      (e instanceof JavaException && e.javaClass === INVALID_CONFIG)
    ) {
      ctx.stderr(`${e.message}\n`);
      return 1;
    }
    const ex =
      e instanceof FutureFailure
        ? executionException(adminException(e.error), frames('describeConfig', 446))
        : e;
    if (!(ex instanceof JavaException)) throw e;
    ctx.stderr(
      `Error while executing config command with args '${args.join(' ')}'\n${stackTrace(ex)}`,
    );
    return 1;
  }
}

export const kafkaConfigsTool: Tool = {
  name: 'kafka-configs',
  summary: 'Describe and alter dynamic configs of topics, brokers, users and clients.',
  optionNames: configsOptions.map((o) => o.name),
  run: (ctx) => runTask(ctx, main(ctx)),
};
