/**
 * `org.apache.kafka.clients.NodeApiVersions.toString(lineBreaks)` (Kafka 3.9,
 * clients/src/main/java/org/apache/kafka/clients/NodeApiVersions.java): a broker's ApiVersions
 * answer as a 3.9 client reads it, one `Name(id): min to max [usable: n]` entry per API in id
 * order, plus `Name(id): UNSUPPORTED` for each API of `ApiKeys.clientApis()` the broker left out.
 */
import { apiKeyById, clientApiKeys } from '../../../../sim/protocol/apiKeys';
import type { ApiVersion } from '../../../../sim/protocol/apiKeys';

/** `apiVersionToText`: the range, then whether this client can use it and up to which version. */
function apiVersionToText(v: ApiVersion, supported: ReadonlyMap<number, ApiVersion>): string {
  const apiKey = apiKeyById(v.apiKey);
  const name = apiKey ? `${apiKey.name}(${apiKey.id}): ` : `UNKNOWN(${v.apiKey}): `;
  const range =
    v.minVersion === v.maxVersion ? `${v.minVersion}` : `${v.minVersion} to ${v.maxVersion}`;
  if (!apiKey) return name + range;
  const node = supported.get(apiKey.id)!;
  if (apiKey.latestVersion < node.minVersion) return `${name}${range} [unusable: node too new]`;
  if (node.maxVersion < apiKey.oldestVersion) return `${name}${range} [unusable: node too old]`;
  return `${name}${range} [usable: ${Math.min(apiKey.latestVersion, node.maxVersion)}]`;
}

/**
 * `new NodeApiVersions(response.data.apiKeys, …).toString(lineBreaks)`: `(` and the entries
 * separated by `,\n\t` (or `, `), then `\n)` (or `)`).
 */
export function nodeApiVersionsText(
  apiVersions: readonly ApiVersion[],
  lineBreaks: boolean,
): string {
  // supportedVersions is an EnumMap over the APIs this client knows; the rest are unknownApis.
  const supported = new Map<number, ApiVersion>();
  const unknown: ApiVersion[] = [];
  for (const v of apiVersions) {
    if (apiKeyById(v.apiKey)) supported.set(v.apiKey, v);
    else unknown.push(v);
  }
  // A TreeMap<Short, String>: ascending ids, a later entry replacing an earlier one.
  const text = new Map<number, string>();
  for (const v of supported.values()) text.set(v.apiKey, apiVersionToText(v, supported));
  for (const v of unknown) text.set(v.apiKey, apiVersionToText(v, supported));
  for (const k of clientApiKeys)
    if (!text.has(k.id)) text.set(k.id, `${k.name}(${k.id}): UNSUPPORTED`);
  const entries = [...text.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => t);
  const separator = lineBreaks ? ',\n\t' : ', ';
  return `(${lineBreaks ? '\n\t' : ''}${entries.join(separator)}${lineBreaks ? '\n' : ''})`;
}
