/**
 * `DefaultMessageFormatter` (tools/src/main/java/org/apache/kafka/tools/consumer/
 * DefaultMessageFormatter.java, 3.9): one record as `[timestamp] [partition] [offset] [headers]
 * [key] [value]`, each enabled field followed by `key.separator` when another enabled field
 * follows, and the last by `line.separator`. Null key, value or header value print `null.literal`.
 * With print.value=false the line ends without `line.separator` (the source writes it only after
 * the value).
 */
import type { LogRecord } from '../../../../sim/log/record';

/** `TimestampType.toString()` of a record's batch. */
export type TimestampType = 'CreateTime' | 'LogAppendTime';

/** A configured formatter; `format` returns the text `writeTo` prints for one record. */
export interface MessageFormatter {
  format(record: LogRecord, timestampType: TimestampType): string;
}

/** `configure(configs)` of DefaultMessageFormatter. */
export function defaultMessageFormatter(configs: ReadonlyMap<string, string>): MessageFormatter {
  const bool = (name: string, fallback: boolean) =>
    configs.has(name) ? configs.get(name)!.trim().toLowerCase() === 'true' : fallback;
  const str = (name: string, fallback: string) => configs.get(name) ?? fallback;
  const printTimestamp = bool('print.timestamp', false);
  const printKey = bool('print.key', false);
  const printOffset = bool('print.offset', false);
  const printPartition = bool('print.partition', false);
  const printHeaders = bool('print.headers', false);
  const printValue = bool('print.value', true);
  const keySeparator = str('key.separator', '\t');
  const lineSeparator = str('line.separator', '\n');
  const headersSeparator = str('headers.separator', ',');
  const nullLiteral = str('null.literal', 'null');
  const orNull = (s: string | null) => s ?? nullLiteral;

  return {
    format(record, timestampType) {
      const fields: string[] = [];
      if (printTimestamp)
        // Message format v2 batches always carry CreateTime or LogAppendTime, never NO_TIMESTAMP_TYPE.
        fields.push(`${timestampType}:${record.timestamp}`);
      if (printPartition) fields.push(`Partition:${record.partition}`);
      if (printOffset) fields.push(`Offset:${record.offset}`);
      if (printHeaders)
        fields.push(
          record.headers.length === 0
            ? 'NO_HEADERS'
            : record.headers.map((h) => `${h.key}:${orNull(h.value)}`).join(headersSeparator),
        );
      if (printKey) fields.push(orNull(record.key));
      if (printValue)
        return `${fields.join(keySeparator)}${fields.length > 0 ? keySeparator : ''}${orNull(record.value)}${lineSeparator}`;
      // Without the value, the last field is followed by writeSeparator(false) = line.separator.
      return fields.length === 0 ? '' : `${fields.join(keySeparator)}${lineSeparator}`;
    },
  };
}

/** `NoOpMessageFormatter`: prints nothing. */
export const noOpMessageFormatter: MessageFormatter = { format: () => '' };
