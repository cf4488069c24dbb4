/**
 * Reading client configs given as Kafka property names and string values (`linger.ms=5`), with
 * Kafka's `ConfigDef` parsing rules and `ConfigException` messages.
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/common/config/ConfigDef.java
 */

/** Kafka's `org.apache.kafka.common.config.ConfigException`: a config value is invalid. */
export class ConfigException extends Error {
  override readonly name = 'ConfigException';
}

/** Java's `Integer.MAX_VALUE`, the default of `retries`. */
export const INT_MAX = 2147483647;

/** Typed access to a `Record<string, string>` of client properties. */
export class ConfigReader {
  constructor(private readonly props: Readonly<Record<string, string>>) {}

  /** True when the user set `name` (Kafka's `originals().containsKey`). */
  has(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.props, name);
  }

  string(name: string, fallback: string): string {
    return this.has(name) ? this.props[name]!.trim() : fallback;
  }

  /** A `Type.INT` / `Type.LONG` config; `min` as `Range.atLeast`. */
  int(name: string, fallback: number, min = -Infinity, type: 'INT' | 'LONG' = 'INT'): number {
    if (!this.has(name)) return fallback;
    const raw = this.props[name]!.trim();
    const value = /^[+-]?\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(value) || (type === 'INT' && Math.abs(value) > INT_MAX + 1)) {
      throw new ConfigException(
        `Invalid value ${raw} for configuration ${name}: Not a number of type ${type}`,
      );
    }
    if (value < min) {
      throw new ConfigException(
        `Invalid value ${raw} for configuration ${name}: Value must be at least ${min}`,
      );
    }
    return value;
  }

  bool(name: string, fallback: boolean): boolean {
    if (!this.has(name)) return fallback;
    const raw = this.props[name]!.trim().toLowerCase();
    if (raw === 'true') return true;
    if (raw === 'false') return false;
    throw new ConfigException(
      `Invalid value ${this.props[name]} for configuration ${name}: Expected value to be either true or false`,
    );
  }

  /** A `Type.STRING` config restricted to `allowed` (`ValidString.in`), compared case-sensitively. */
  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
    if (!this.has(name)) return fallback;
    const raw = this.props[name]!.trim();
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    throw new ConfigException(
      `Invalid value ${raw} for configuration ${name}: String must be one of: ${allowed.join(', ')}`,
    );
  }

  /** A `Type.LIST` config: comma-separated, trimmed, empty entries dropped. */
  list(name: string, fallback: readonly string[]): string[] {
    if (!this.has(name)) return [...fallback];
    return this.props[name]!.split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }
}
