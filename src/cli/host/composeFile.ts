/** One Kafka service of the notes' file, broker `id` of `brokers`. */
function kafkaService(id: number, brokers: number): string {
  const port = 9091 + id;
  return `  kafka${id}:
    container_name: kafka${id}
    image: confluentinc/cp-kafka:7.7.1
    ports:
      - "${port}:${port}"
    environment:
      KAFKA_BROKER_ID: ${id}
      KAFKA_ZOOKEEPER_CONNECT: 'zookeeper:2181'
      KAFKA_ADVERTISED_LISTENERS: INTERNAL://kafka${id}:${29091 + id},EXTERNAL://host.docker.internal:${port}
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: INTERNAL:PLAINTEXT,EXTERNAL:PLAINTEXT
      KAFKA_INTER_BROKER_LISTENER_NAME: INTERNAL
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: ${Math.min(3, brokers)}
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: 0
    depends_on:
      - zookeeper
`;
}

const zookeeperService = `  zookeeper:
    container_name: zookeeper
    image: confluentinc/cp-zookeeper:7.7.1
    environment:
      ZOOKEEPER_SERVER_ID: 1
      ZOOKEEPER_CLIENT_PORT: 2181
      ZOOKEEPER_TICK_TIME: 2000
      ZOOKEEPER_INIT_LIMIT: 5
      ZOOKEEPER_SYNC_LIMIT: 2
    ports:
      - "22181:2181"
`;

/**
 * The notes' compose file with `brokers` Kafka services (`kafka1`… on host ports 9092…); 3 gives
 * exactly the file from the notes.
 */
export function composeYamlFor(brokers: number): string {
  const kafka = Array.from({ length: brokers }, (_, i) => kafkaService(i + 1, brokers));
  return `services:\n${kafka.join('\n')}\n${zookeeperService}`;
}

/**
 * The docker-compose file from the learners' notes (note 004): three `confluentinc/cp-kafka:7.7.1`
 * brokers `kafka1`–`kafka3` on host ports 9092–9094 and one `cp-zookeeper` (host port 22181), in
 * ZooKeeper mode. It is the headless shell's default cluster (DESIGN §4).
 */
export const defaultComposeYaml = composeYamlFor(3);

/** A service of a compose file, as far as the simulation needs it. */
export interface ComposeService {
  name: string;
  containerName: string;
  image: string;
  kind: 'kafka' | 'zookeeper' | 'other';
  /** Host port → container port. */
  ports: { host: number; container: number }[];
  environment: Record<string, string>;
}

/**
 * Reads the subset of compose YAML the notes use (services with container_name, image, ports,
 * environment as a map or a list, depends_on). Throws an Error with a line number on malformed input.
 */
export function parseCompose(yaml: string): ComposeService[] {
  const lines = yaml.split(/\r?\n/);
  const services: ComposeService[] = [];
  let inServices = false;
  let current: ComposeService | undefined;
  let section: 'ports' | 'environment' | 'other' | undefined;
  const indentOf = (l: string) => l.length - l.trimStart().length;
  const unquote = (v: string) => v.trim().replace(/^(['"])(.*)\1$/, '$2');
  lines.forEach((raw, i) => {
    const line = raw.replace(/\s+#.*$/, '');
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    const indent = indentOf(line);
    const text = line.trim();
    if (indent === 0) {
      inServices = text === 'services:';
      current = undefined;
      return;
    }
    if (!inServices) return;
    if (indent === 2) {
      const m = /^([\w.-]+):$/.exec(text);
      if (!m) throw new Error(`line ${i + 1}: expected a service name, got '${text}'`);
      current = {
        name: m[1]!,
        containerName: m[1]!,
        image: '',
        kind: 'other',
        ports: [],
        environment: {},
      };
      services.push(current);
      section = undefined;
      return;
    }
    if (!current) throw new Error(`line ${i + 1}: unexpected indentation`);
    if (indent === 4) {
      const m = /^([\w.-]+):\s*(.*)$/.exec(text);
      if (!m) throw new Error(`line ${i + 1}: expected 'key: value', got '${text}'`);
      const [, key, value] = m as unknown as [string, string, string];
      section = key === 'ports' ? 'ports' : key === 'environment' ? 'environment' : 'other';
      if (key === 'container_name') current.containerName = unquote(value);
      if (key === 'image') {
        current.image = unquote(value);
        current.kind = /kafka/i.test(current.image)
          ? 'kafka'
          : /zookeeper/i.test(current.image)
            ? 'zookeeper'
            : 'other';
      }
      return;
    }
    if (section === 'ports') {
      const m = /^-\s*["']?(\d+):(\d+)["']?$/.exec(text);
      if (!m)
        throw new Error(`line ${i + 1}: expected a port mapping like "9092:9092", got '${text}'`);
      current.ports.push({ host: Number(m[1]), container: Number(m[2]) });
    } else if (section === 'environment') {
      const m = /^(?:-\s*)?([\w.]+)\s*[:=]\s*(.*)$/.exec(text);
      if (!m) throw new Error(`line ${i + 1}: expected 'NAME: value', got '${text}'`);
      current.environment[m[1]!] = unquote(m[2]!);
    }
  });
  return services;
}

/**
 * The broker properties a Confluent image derives from its environment: `KAFKA_FOO_BAR` becomes
 * `foo.bar` (cp-base `configure` script: underscores → dots, `__` → `_`, `___` → `-`).
 */
export function confluentEnvToProperties(
  env: Record<string, string>,
  prefix = 'KAFKA_',
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (!key.startsWith(prefix)) continue;
    const name = key
      .slice(prefix.length)
      .toLowerCase()
      .split('___')
      .map((part) =>
        part
          .split('__')
          .map((p) => p.replace(/_/g, '.'))
          .join('_'),
      )
      .join('-');
    out[name] = value;
  }
  return out;
}
