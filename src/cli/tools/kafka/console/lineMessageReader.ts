/**
 * The console producer's `LineMessageReader` (core/src/main/scala/kafka/tools/ConsoleProducer.scala,
 * Kafka 3.5–3.9): one record per input line, optionally `headers<delimiter>key<separator>value`,
 * configured by `--property` / `--reader-config`.
 */
import type { RecordHeader } from '../../../../sim/log/record';

/** `org.apache.kafka.common.KafkaException` thrown while configuring the reader or parsing a line. */
export class KafkaException extends Error {
  readonly javaClass = 'org.apache.kafka.common.KafkaException';
  /** The stack frames the JVM prints under the message (without `\tat `). */
  readonly frames: readonly string[];

  constructor(message: string, frames: readonly string[]) {
    super(message);
    this.name = this.javaClass;
    this.frames = frames;
  }

  /** `e.printStackTrace()`: `Throwable.toString()` and one `\tat` line per frame. */
  stackTrace(): string {
    return [`${this.javaClass}: ${this.message}`, ...this.frames.map((f) => `\tat ${f}`)]
      .map((l) => `${l}\n`)
      .join('');
  }
}

/**
 * Frames under a reader exception, as a 3.x ConsoleProducer prints them for
 * `No … found on line number N` (INFERRED: the frame list and line numbers come from a post-3.5
 * release's `printStackTrace` seen in the wild; the 3.9 line numbers are not verified).
 */
const PARSE_FRAMES = [
  'kafka.tools.ConsoleProducer$LineMessageReader.kafka$tools$ConsoleProducer$LineMessageReader$$parse(ConsoleProducer.scala:438)',
  'kafka.tools.ConsoleProducer$LineMessageReader$$anon$3.hasNext(ConsoleProducer.scala:405)',
  'kafka.tools.ConsoleProducer$.loopReader(ConsoleProducer.scala:91)',
  'kafka.tools.ConsoleProducer$.main(ConsoleProducer.scala:100)',
  'kafka.tools.ConsoleProducer.main(ConsoleProducer.scala)',
];

/** Frames under a `configure` failure (INFERRED, same source as {@link PARSE_FRAMES}). */
const CONFIGURE_FRAMES = [
  'kafka.tools.ConsoleProducer$LineMessageReader.configure(ConsoleProducer.scala:372)',
  'kafka.tools.ConsoleProducer$.newReader(ConsoleProducer.scala:47)',
  'kafka.tools.ConsoleProducer$.main(ConsoleProducer.scala:100)',
  'kafka.tools.ConsoleProducer.main(ConsoleProducer.scala)',
];

/** A parsed line: what `new ProducerRecord(topic, key, value)` plus its headers holds. */
export interface ReadRecord {
  key: string | null;
  value: string | null;
  headers: RecordHeader[];
}

/** `LineMessageReader` after `configure(props)`. */
export class LineMessageReader {
  private parseKey = false;
  private keySeparator = '\t';
  private parseHeaders = false;
  private headersDelimiter = '\t';
  private headersSeparator = ',';
  private headersKeySeparator = ':';
  private ignoreError = false;
  private nullMarker: string | undefined;
  /** `lineNumber`, incremented before each read (so an error names the line just read). */
  private lineNumber = 0;

  /**
   * `configure(props)`.
   * @throws KafkaException when separators collide (`headers.delimiter and headers.separator may not be equal`, …)
   */
  constructor(props: ReadonlyMap<string, string>) {
    const bool = (name: string) => props.get(name)!.trim().toLowerCase() === 'true';
    if (props.has('parse.key')) this.parseKey = bool('parse.key');
    if (props.has('key.separator')) this.keySeparator = props.get('key.separator')!;
    if (props.has('parse.headers')) this.parseHeaders = bool('parse.headers');
    if (props.has('headers.delimiter')) this.headersDelimiter = props.get('headers.delimiter')!;
    if (props.has('headers.separator')) this.headersSeparator = props.get('headers.separator')!;
    if (props.has('headers.key.separator'))
      this.headersKeySeparator = props.get('headers.key.separator')!;
    if (props.has('ignore.error')) this.ignoreError = bool('ignore.error');
    const fail = (message: string) => new KafkaException(message, CONFIGURE_FRAMES);
    if (this.headersDelimiter === this.headersSeparator)
      throw fail('headers.delimiter and headers.separator may not be equal');
    if (this.headersDelimiter === this.headersKeySeparator)
      throw fail('headers.delimiter and headers.key.separator may not be equal');
    if (this.headersSeparator === this.headersKeySeparator)
      throw fail('headers.separator and headers.key.separator may not be equal');
    if (props.has('null.marker')) this.nullMarker = props.get('null.marker')!;
    const marker = this.nullMarker;
    if (marker === this.keySeparator) throw fail('null.marker and key.separator may not be equal');
    if (marker === this.headersSeparator)
      throw fail('null.marker and headers.separator may not be equal');
    if (marker === this.headersDelimiter)
      throw fail('null.marker and headers.delimiter may not be equal');
    if (marker === this.headersKeySeparator)
      throw fail('null.marker and headers.key.separator may not be equal');
  }

  /** Counts the line about to be read (the `lineNumber += 1` before `readLine()`). */
  nextLine(): void {
    this.lineNumber += 1;
  }

  /**
   * The record of one line (the body of `hasNext` after `readLine()`).
   * @throws KafkaException `No key separator found on line number N: '…'` and the like
   */
  parse(line: string): ReadRecord {
    const headers = this.field(
      this.parseHeaders,
      line,
      0,
      this.headersDelimiter,
      'headers delimiter',
    );
    const headerOffset = headers === null ? 0 : headers.length + this.headersDelimiter.length;
    const key = this.field(this.parseKey, line, headerOffset, this.keySeparator, 'key separator');
    const keyOffset = key === null ? 0 : key.length + this.keySeparator.length;
    const value = line.substring(headerOffset + keyOffset);
    const marker = this.nullMarker;
    return {
      key: key !== null && key !== marker ? key : null,
      value: value !== marker ? value : null,
      headers: headers !== null && headers !== marker ? this.splitHeaders(headers) : [],
    };
  }

  /** `parse(enabled, line, startIndex, demarcation, demarcationName)`. */
  private field(
    enabled: boolean,
    line: string,
    startIndex: number,
    demarcation: string,
    name: string,
  ): string | null {
    if (!enabled) return null;
    const index = line.indexOf(demarcation, startIndex);
    if (index === -1) {
      if (this.ignoreError) return null;
      throw new KafkaException(
        `No ${name} found on line number ${this.lineNumber}: '${line}'`,
        PARSE_FRAMES,
      );
    }
    return line.substring(startIndex, index);
  }

  /** `splitHeaders`: `Pattern.compile(headers.separator).split(headers)`, then `key:value` pairs. */
  private splitHeaders(headers: string): RecordHeader[] {
    return javaRegexSplit(headers, this.headersSeparator).map((pair) => {
      const i = pair.indexOf(this.headersKeySeparator);
      if (i === -1) {
        if (!this.ignoreError)
          throw new KafkaException(
            `No header key separator found in pair '${pair}' on line number ${this.lineNumber}`,
            PARSE_FRAMES,
          );
        return { key: pair, value: null };
      }
      const key = pair.substring(0, i);
      if (key === this.nullMarker)
        throw new KafkaException(
          `Header keys should not be equal to the null marker '${this.nullMarker}' as they can't be null`,
          PARSE_FRAMES,
        );
      const value = pair.substring(i + this.headersKeySeparator.length);
      return { key, value: value === this.nullMarker ? null : value };
    });
  }
}

/**
 * `Pattern.split(input)`: split at regex matches, trailing empty strings dropped; an input with no
 * match is returned whole (even when empty). A leading empty string from a zero-width match at 0
 * is dropped as Java 8+ does.
 */
function javaRegexSplit(input: string, pattern: string): string[] {
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'g');
  } catch {
    re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g');
  }
  if (input === '') return [''];
  const parts: string[] = [];
  let last = 0;
  for (const m of input.matchAll(re)) {
    if (m[0] === '' && m.index === 0) continue;
    if (m[0] === '' && m.index === input.length) continue;
    parts.push(input.slice(last, m.index));
    last = m.index + m[0].length;
  }
  if (parts.length === 0) return [input];
  parts.push(input.slice(last));
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}
