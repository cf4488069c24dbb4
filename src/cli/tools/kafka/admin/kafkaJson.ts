/**
 * JSON as Kafka's tools read and write it: `org.apache.kafka.server.util.Json` (Jackson) with the
 * `JsonValue` / `JsonObject` / `DecodeJson` helpers and their error messages, and
 * `Json.encodeAsString` (compact, no spaces).
 */
import { JavaException } from './javaException';

/** A parsed JSON node. */
export type JsonNode = null | boolean | number | string | JsonNode[] | { [key: string]: JsonNode };

const MAPPING = 'com.fasterxml.jackson.databind.JsonMappingException';

/** Jackson's `JsonNode.toString()`: compact JSON. */
export const nodeString = (node: JsonNode): string => JSON.stringify(node);

/**
 * `Json.tryParseFull(text)`: the document, or a `JsonParseException` (empty input: "The input
 * string shouldn't be empty"). With `optional`, `Json.parseFull`: undefined instead of throwing.
 */
export function parseJson(text: string, frames: readonly string[] = []): JsonNode | undefined {
  try {
    return tryParseJson(text, frames);
  } catch (e) {
    if (e instanceof JavaException) return undefined;
    throw e;
  }
}

/** `Json.tryParseFull(text)`. */
export function tryParseJson(text: string, frames: readonly string[] = []): JsonNode {
  if (text === '')
    throw new JavaException(
      'com.fasterxml.jackson.core.JsonParseException',
      "The input string shouldn't be empty",
      frames,
    );
  try {
    return JSON.parse(text) as JsonNode;
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new JavaException(
      'com.fasterxml.jackson.core.JsonParseException',
      `Unexpected character in JSON input: ${detail}`,
      frames,
    );
  }
}

/** `JsonValue.asJsonObject()`. */
function asObject(node: JsonNode): { [key: string]: JsonNode } {
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) return node;
  throw new JavaException(MAPPING, `Expected JSON object, received ${nodeString(node)}`);
}

/**
 * A field of an object: `JsonObject.apply(name)` (required: "No such field exists: `name`") or
 * `JsonObject.get(name)` (optional: undefined).
 */
export function jsonField(node: JsonNode, name: string, required = true): JsonNode {
  const obj = asObject(node);
  if (Object.prototype.hasOwnProperty.call(obj, name)) return obj[name]!;
  if (!required) return undefined as unknown as JsonNode;
  throw new JavaException(MAPPING, `No such field exists: \`${name}\``);
}

/** `JsonValue.asJsonArray()` elements. */
export function asArray(node: JsonNode): JsonNode[] {
  if (Array.isArray(node)) return node;
  throw new JavaException(MAPPING, `Expected JSON array, received ${nodeString(node)}`);
}

/** `DecodeJson.DecodeInteger`. */
export function asInt(node: JsonNode): number {
  if (typeof node === 'number' && Number.isInteger(node) && Math.abs(node) <= 2 ** 31 - 1)
    return node;
  throw new JavaException(MAPPING, `Expected \`Integer\` value, received ${nodeString(node)}`);
}

/** `DecodeJson.DecodeString`. */
export function asString(node: JsonNode): string {
  if (typeof node === 'string') return node;
  throw new JavaException(MAPPING, `Expected \`String\` value, received ${nodeString(node)}`);
}

/** `Json.encodeAsString(value)`: Jackson's compact form, keys in insertion order. */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value);
}
