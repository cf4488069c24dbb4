/**
 * Checks a docker-compose.yml before the workbench rebuilds its cluster from it: the YAML subset
 * the host reads (`parseCompose`), then what `docker compose up` or the Confluent image would
 * refuse — two containers with one name, a host port published twice, a Kafka service without a
 * usable broker id, broker settings Kafka rejects. Every problem carries its line.
 */
import { confluentEnvToProperties, parseCompose } from '../cli/host/composeFile';
import type { ComposeService } from '../cli/host/composeFile';
import type { FileError } from './protocol';
import { checkBrokerConfig, nearestKnownName } from './serverProperties';

/** Where a service's parts are in the file (1-based lines). */
interface ServiceLines {
  header: number;
  keys: Map<string, number>;
  ports: number[];
  environment: Map<string, number>;
}

export interface ComposeCheck {
  errors: FileError[];
  warnings: FileError[];
  services: ComposeService[];
}

/** Validates `yaml`; `errors` is empty when the cluster can be built from it. */
export function validateCompose(yaml: string): ComposeCheck {
  let services: ComposeService[];
  try {
    services = parseCompose(yaml);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const m = /^line (\d+): (.*)$/s.exec(message);
    return {
      errors: [{ line: m ? Number(m[1]) : 1, message: m ? m[2]! : message }],
      warnings: [],
      services: [],
    };
  }
  const errors: FileError[] = [];
  const warnings: FileError[] = [];
  const lines = locate(yaml);
  if (services.length === 0)
    errors.push({ line: 1, message: "no services: the file needs a top-level 'services:' map" });
  const containerNames = new Map<string, number>();
  const hostPorts = new Map<number, string>();
  const brokerIds = new Map<number, string>();
  for (const service of services) {
    const at = lines.get(service.name) ?? {
      header: 1,
      keys: new Map(),
      ports: [],
      environment: new Map(),
    };
    const keyLine = (key: string) => at.keys.get(key) ?? at.header;
    const envLine = (name: string) => at.environment.get(name) ?? keyLine('environment');
    if (containerNames.has(service.containerName))
      errors.push({
        line: keyLine('container_name'),
        message: `container name "${service.containerName}" is already used by service ${containerNames.get(service.containerName)}`,
      });
    else containerNames.set(service.containerName, at.header);
    service.ports.forEach((p, i) => {
      const line = at.ports[i] ?? keyLine('ports');
      if (p.host < 1 || p.host > 65535 || p.container < 1 || p.container > 65535)
        errors.push({ line, message: `invalid port mapping "${p.host}:${p.container}"` });
      else if (hostPorts.has(p.host))
        errors.push({
          line,
          message: `Bind for 0.0.0.0:${p.host} failed: port is already allocated (by ${hostPorts.get(p.host)})`,
        });
      else hostPorts.set(p.host, service.name);
    });
    if (service.kind !== 'kafka') continue;
    const env = service.environment;
    if (env['KAFKA_PROCESS_ROLES'] !== undefined)
      errors.push({
        line: envLine('KAFKA_PROCESS_ROLES'),
        message:
          'KRaft-mode compose files are not supported yet: use the KRaft preset, or a ZooKeeper-mode file (KAFKA_ZOOKEEPER_CONNECT)',
      });
    const idName = env['KAFKA_BROKER_ID'] !== undefined ? 'KAFKA_BROKER_ID' : 'KAFKA_NODE_ID';
    const idText = env[idName];
    if (idText === undefined)
      errors.push({
        line: at.header,
        message: `service ${service.name}: KAFKA_BROKER_ID is not set`,
      });
    else if (!/^\d+$/.test(idText.trim()))
      errors.push({
        line: envLine(idName),
        message: `${idName} must be a non-negative integer, got '${idText}'`,
      });
    else if (brokerIds.has(Number(idText)))
      errors.push({
        line: envLine(idName),
        message: `broker id ${Number(idText)} is already used by service ${brokerIds.get(Number(idText))}`,
      });
    else brokerIds.set(Number(idText), service.name);
    for (const [name, value] of Object.entries(env)) {
      if (!name.startsWith('KAFKA_') || name === idName) continue;
      const property = Object.keys(confluentEnvToProperties({ [name]: value }))[0]!;
      const problem = checkBrokerConfig(property, value);
      if (problem) errors.push({ line: envLine(name), message: `${name}: ${problem}` });
      const near = nearestKnownName(property);
      if (near && !otherImageSettings.has(name))
        warnings.push({
          line: envLine(name),
          message: `${name} sets '${property}', which Kafka does not know (did you mean '${near}'?)`,
        });
    }
  }
  return { errors, warnings, services };
}

/** Settings the Confluent image reads itself rather than passing to the broker. */
const otherImageSettings = new Set([
  'KAFKA_HEAP_OPTS',
  'KAFKA_JMX_PORT',
  'KAFKA_JMX_HOSTNAME',
  'KAFKA_OPTS',
]);

/** Finds each service's lines, following the same indentation rules as `parseCompose`. */
function locate(yaml: string): Map<string, ServiceLines> {
  const out = new Map<string, ServiceLines>();
  let inServices = false;
  let current: ServiceLines | undefined;
  let section: string | undefined;
  yaml.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/\s+#.*$/, '');
    const text = line.trim();
    if (text === '' || text.startsWith('#')) return;
    const indent = line.length - line.trimStart().length;
    if (indent === 0) {
      inServices = text === 'services:';
      current = undefined;
      return;
    }
    if (!inServices) return;
    if (indent === 2) {
      current = { header: i + 1, keys: new Map(), ports: [], environment: new Map() };
      out.set(text.replace(/:$/, ''), current);
      section = undefined;
      return;
    }
    if (!current) return;
    if (indent === 4) {
      section = /^([\w.-]+):/.exec(text)?.[1];
      if (section) current.keys.set(section, i + 1);
      return;
    }
    if (section === 'ports') current.ports.push(i + 1);
    if (section === 'environment') {
      const name = /^(?:-\s*)?([\w.]+)\s*[:=]/.exec(text)?.[1];
      if (name) current.environment.set(name, i + 1);
    }
  });
  return out;
}
