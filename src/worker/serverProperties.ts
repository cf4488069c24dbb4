/**
 * Checks a `server.properties` file the way a Kafka 3.9 broker checks it at startup (`KafkaConfig`,
 * built on `ConfigDef`): a value of the wrong type or out of range is an error, worded as Kafka's
 * `ConfigException` (`Invalid value abc for configuration num.partitions: Not a number of type
 * INT`). Unknown names only warn when they look like a misspelt known one.
 */
import { brokerDefaults } from '../sim/config/brokerDefaults';
import type { FileError } from './protocol';

/** One `key=value` entry with the 1-based line it starts on. */
export interface PropertyEntry {
  key: string;
  value: string;
  line: number;
}

type ConfigType = 'INT' | 'LONG' | 'DOUBLE' | 'BOOLEAN' | 'STRING' | 'LIST';

interface ConfigDef {
  type: ConfigType;
  atLeast?: number;
  oneOf?: readonly string[];
}

/** Types as `KafkaConfig` / `ServerLogConfigs` / `ReplicationConfigs` define them in Kafka 3.9. */
const defs: Record<string, ConfigDef> = {
  'broker.id': { type: 'INT' },
  'node.id': { type: 'INT' },
  'num.partitions': { type: 'INT', atLeast: 1 },
  'default.replication.factor': { type: 'INT' },
  'min.insync.replicas': { type: 'INT', atLeast: 1 },
  'unclean.leader.election.enable': { type: 'BOOLEAN' },
  'auto.create.topics.enable': { type: 'BOOLEAN' },
  'delete.topic.enable': { type: 'BOOLEAN' },
  'offsets.topic.replication.factor': { type: 'INT', atLeast: 1 },
  'offsets.topic.num.partitions': { type: 'INT', atLeast: 1 },
  'offsets.retention.minutes': { type: 'INT', atLeast: 1 },
  'transaction.state.log.replication.factor': { type: 'INT', atLeast: 1 },
  'transaction.state.log.min.isr': { type: 'INT', atLeast: 1 },
  'replica.lag.time.max.ms': { type: 'LONG' },
  'replica.fetch.wait.max.ms': { type: 'INT' },
  'replica.fetch.max.bytes': { type: 'INT', atLeast: 0 },
  'replica.fetch.response.max.bytes': { type: 'INT', atLeast: 0 },
  'replica.fetch.backoff.ms': { type: 'INT', atLeast: 0 },
  'auto.leader.rebalance.enable': { type: 'BOOLEAN' },
  'leader.imbalance.check.interval.seconds': { type: 'LONG', atLeast: 1 },
  'leader.imbalance.per.broker.percentage': { type: 'INT' },
  'controlled.shutdown.enable': { type: 'BOOLEAN' },
  'log.retention.hours': { type: 'INT' },
  'log.retention.minutes': { type: 'INT' },
  'log.retention.ms': { type: 'LONG' },
  'log.retention.bytes': { type: 'LONG' },
  'log.retention.check.interval.ms': { type: 'LONG', atLeast: 1 },
  'log.segment.bytes': { type: 'INT', atLeast: 14 },
  'log.roll.hours': { type: 'INT', atLeast: 1 },
  'log.roll.ms': { type: 'LONG' },
  'log.cleanup.policy': { type: 'LIST', oneOf: ['compact', 'delete'] },
  'log.cleaner.enable': { type: 'BOOLEAN' },
  'log.cleaner.backoff.ms': { type: 'LONG', atLeast: 0 },
  'log.cleaner.delete.retention.ms': { type: 'LONG', atLeast: 0 },
  'log.cleaner.min.compaction.lag.ms': { type: 'LONG', atLeast: 0 },
  'log.cleaner.min.cleanable.ratio': { type: 'DOUBLE' },
  'log.message.timestamp.type': { type: 'STRING', oneOf: ['CreateTime', 'LogAppendTime'] },
  'message.max.bytes': { type: 'INT', atLeast: 0 },
  'compression.type': {
    type: 'STRING',
    oneOf: ['uncompressed', 'zstd', 'lz4', 'snappy', 'gzip', 'producer'],
  },
  'group.initial.rebalance.delay.ms': { type: 'INT' },
  'group.min.session.timeout.ms': { type: 'INT' },
  'group.max.session.timeout.ms': { type: 'INT' },
  'zookeeper.session.timeout.ms': { type: 'INT' },
  'zookeeper.connection.timeout.ms': { type: 'INT' },
  'broker.session.timeout.ms': { type: 'INT' },
  'broker.heartbeat.interval.ms': { type: 'INT' },
  'request.timeout.ms': { type: 'INT' },
  'num.network.threads': { type: 'INT', atLeast: 1 },
  'num.io.threads': { type: 'INT', atLeast: 1 },
  'num.recovery.threads.per.data.dir': { type: 'INT', atLeast: 1 },
  'socket.send.buffer.bytes': { type: 'INT' },
  'socket.receive.buffer.bytes': { type: 'INT' },
  'socket.request.max.bytes': { type: 'INT', atLeast: 1 },
};

/** Names a broker knows without checking their values (listeners, paths, quorum settings). */
const otherKnownNames = [
  'listeners',
  'advertised.listeners',
  'listener.security.protocol.map',
  'inter.broker.listener.name',
  'controller.listener.names',
  'controller.quorum.voters',
  'controller.quorum.bootstrap.servers',
  'process.roles',
  'log.dirs',
  'log.dir',
  'zookeeper.connect',
  'broker.rack',
  'metadata.log.dir',
];

const knownNames = new Set([
  ...Object.keys(brokerDefaults),
  ...Object.keys(defs),
  ...otherKnownNames,
]);

/**
 * The entries of a Java `.properties` text with their line numbers: `key=value`, `key: value` or
 * `key value`; `#`/`!` comments; a trailing `\` continues the value on the next line.
 */
export function readProperties(text: string): PropertyEntry[] {
  const out: PropertyEntry[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    let logical = lines[i]!.replace(/^\s+/, '');
    if (logical === '' || logical.startsWith('#') || logical.startsWith('!')) continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(logical) && i + 1 < lines.length)
      logical = logical.slice(0, -1) + lines[++i]!.replace(/^\s+/, '');
    const m = /^((?:\\.|[^=:\s\\])*)\s*[=:\s]?\s*(.*)$/.exec(logical)!;
    out.push({
      key: m[1]!.replace(/\\(.)/g, '$1'),
      value: m[2]!.replace(/\s+$/, '').replace(/\\(.)/g, '$1'),
      line,
    });
  }
  return out;
}

/** Kafka's `ConfigException` text for a bad value. */
function invalid(name: string, value: string, why: string): string {
  return `Invalid value ${value} for configuration ${name}: ${why}`;
}

/** The problem with `value` for config `name`, worded as Kafka words it, or undefined. */
export function checkBrokerConfig(name: string, value: string): string | undefined {
  const def = defs[name];
  if (!def) return undefined;
  const v = value.trim();
  switch (def.type) {
    case 'INT':
    case 'LONG': {
      const max = def.type === 'INT' ? 2 ** 31 - 1 : Number.MAX_SAFE_INTEGER;
      if (!/^[+-]?\d+$/.test(v) || Math.abs(Number(v)) > max)
        return invalid(name, value, `Not a number of type ${def.type}`);
      if (def.atLeast !== undefined && Number(v) < def.atLeast)
        return invalid(name, value, `Value must be at least ${def.atLeast}`);
      return undefined;
    }
    case 'DOUBLE':
      return v === '' || !Number.isFinite(Number(v))
        ? invalid(name, value, 'Not a number of type DOUBLE')
        : undefined;
    case 'BOOLEAN':
      return /^(true|false)$/i.test(v)
        ? undefined
        : invalid(name, value, 'Expected value to be either true or false');
    case 'STRING':
      return def.oneOf && !def.oneOf.includes(v)
        ? invalid(name, value, `String must be one of: ${def.oneOf.join(', ')}`)
        : undefined;
    case 'LIST': {
      const bad = v
        .split(',')
        .map((s) => s.trim())
        .find((s) => !def.oneOf?.includes(s));
      return bad !== undefined
        ? invalid(name, bad, `String must be one of: ${def.oneOf?.join(', ')}`)
        : undefined;
    }
  }
}

/** A known name one or two edits away from `name`, for "did you mean". */
export function nearestKnownName(name: string): string | undefined {
  if (knownNames.has(name)) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of knownNames) {
    const d = editDistance(name, known, bestDistance);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

/** Errors and warnings of a server.properties text. */
export function validateServerProperties(text: string): {
  errors: FileError[];
  warnings: FileError[];
} {
  const errors: FileError[] = [];
  const warnings: FileError[] = [];
  for (const { key, value, line } of readProperties(text)) {
    const problem = checkBrokerConfig(key, value);
    if (problem) errors.push({ line, message: problem });
    const near = nearestKnownName(key);
    if (near)
      warnings.push({
        line,
        message: `'${key}' is not a broker configuration Kafka knows (did you mean '${near}'?); the broker ignores it`,
      });
  }
  return { errors, warnings };
}

/** Levenshtein distance, giving up (returning `limit`) once it reaches `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin >= limit) return limit;
    prev = row;
  }
  return Math.min(prev[b.length]!, limit);
}
