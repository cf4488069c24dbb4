/**
 * jopt-simple 5.0.4's `BuiltinHelpFormatter`, which Kafka's `CommandLineUtils.printUsageAndExit`
 * prints with `parser.printHelpOn(System.err)` (default widths: 80 columns, 2 between columns).
 *
 * Sources (jopt-simple): joptsimple/BuiltinHelpFormatter.java, internal/Rows.java,
 * internal/Columns.java, internal/Strings.java, resources/joptsimple/HelpFormatterMessages.properties.
 * - Options sorted by their first name (Java `String.compareTo`), one row each:
 *   `[* ]--name[, --alias] <Type: describedAs>` (`[...]` for an optional argument) and the
 *   description, plus ` (default: x)` or ` (default: [x, y])`.
 * - Header `Option` / `------` and `Description` / `-----------`; `Option (* = required)` /
 *   `---------------------` when some option is `required()`.
 * - Option column width: widest option text, at most (80 − 2) / 2 = 39; description column: the
 *   rest. Text wraps at line-break opportunities (see lineBreaks.ts); continuation pieces are
 *   indented by 2; a description's own newlines start new unindented lines.
 * - Every row is padded with spaces to the full width of both columns (trailing spaces included).
 */
import { lineBreakSegments } from './lineBreaks';
import type { OptionSpec } from './optionSpec';
import { optionNames } from './optionSpec';
import { javaTrim } from './valueConverters';

/** `Strings.LINE_SEPARATOR` on the Linux JVMs Kafka runs on. */
const LINE_SEPARATOR = '\n';
/** `Columns.INDENT_WIDTH`: continuation pieces start with two spaces. */
const INDENT_WIDTH = 2;

/** Widths of the help table (`new BuiltinHelpFormatter(desiredOverallWidth, desiredColumnSeparatorWidth)`). */
export interface HelpLayout {
  /** Overall row width in characters; jopt's default 80. */
  readonly overallWidth?: number;
  /** Spaces between the option and description columns; jopt's default 2. */
  readonly columnSeparatorWidth?: number;
}

interface Row {
  readonly option: string;
  readonly description: string;
}

/** `Rows`: collects rows and tracks the widest text in each column. */
class Rows {
  private rows: Row[] = [];
  private widestOption = 0;
  private widestDescription = 0;

  constructor(
    private readonly overallWidth: number,
    private readonly columnSeparatorWidth: number,
  ) {}

  add(option: string, description: string): void {
    this.rows.push({ option, description });
    this.widestOption = Math.max(this.widestOption, option.length);
    this.widestDescription = Math.max(this.widestDescription, description.length);
  }

  fitToWidth(): void {
    const optionWidth = this.optionWidth();
    const descriptionWidth = this.descriptionWidth();
    const fitted = this.rows.flatMap((row) => fit(row, optionWidth, descriptionWidth));
    this.rows = [];
    this.widestOption = 0;
    this.widestDescription = 0;
    for (const row of fitted) this.add(row.option, row.description);
  }

  render(): string {
    const optionWidth = this.optionWidth();
    const descriptionWidth = this.descriptionWidth();
    const separator = ' '.repeat(this.columnSeparatorWidth);
    return this.rows
      .map(
        (row) =>
          pad(row.option, optionWidth) +
          separator +
          pad(row.description, descriptionWidth) +
          LINE_SEPARATOR,
      )
      .join('');
  }

  private optionWidth(): number {
    return Math.min(
      Math.trunc((this.overallWidth - this.columnSeparatorWidth) / 2),
      this.widestOption,
    );
  }

  private descriptionWidth(): number {
    return Math.min(
      this.overallWidth - this.optionWidth() - this.columnSeparatorWidth,
      this.widestDescription,
    );
  }
}

/** `Rows.pad`: append spaces up to `length` (nothing when the text is already longer). */
function pad(s: string, length: number): string {
  return s + ' '.repeat(Math.max(0, length - s.length));
}

/** `Columns.fit`: wrap both cells and pair the pieces up line by line. */
function fit(row: Row, optionWidth: number, descriptionWidth: number): Row[] {
  const options = piecesOf(row.option, optionWidth);
  const descriptions = piecesOf(row.description, descriptionWidth);
  const rows: Row[] = [];
  for (let i = 0; i < Math.max(options.length, descriptions.length); i++) {
    rows.push({ option: options[i] ?? '', description: descriptions[i] ?? '' });
  }
  return rows;
}

/** `String.split(regex)`: like JS split, but trailing empty strings are dropped. */
function javaSplit(s: string, separator: string): string[] {
  const parts = s.split(separator);
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** `Columns.piecesOf`: trim, split at embedded line separators, wrap each line. */
function piecesOf(raw: string, width: number): string[] {
  return javaSplit(javaTrim(raw), LINE_SEPARATOR).flatMap((line) =>
    piecesOfEmbeddedLine(line, width),
  );
}

/**
 * `Columns.piecesOfEmbeddedLine`: add words while they fit; a word that does not fit closes the
 * piece (trailing whitespace removed) and starts a new one indented by two spaces. A first word
 * wider than the column leaves an empty first piece, as jopt does.
 */
function piecesOfEmbeddedLine(line: string, width: number): string[] {
  const pieces: string[] = [];
  let nextPiece = '';
  for (const word of lineBreakSegments(line)) {
    if (nextPiece.length + word.length > width) {
      pieces.push(nextPiece.replace(/[ \t\n\v\f\r]+$/, '')); // Java's \\s+$
      nextPiece = ' '.repeat(INDENT_WIDTH) + word;
    } else {
      nextPiece += word;
    }
  }
  if (nextPiece.length > 0) pieces.push(nextPiece);
  return pieces;
}

/** `extractTypeIndicator`: the simple name of the `ofType` class, `String` by default. */
function typeIndicator(spec: OptionSpec): string {
  return spec.argument?.type ?? 'String';
}

/** `createOptionDisplay`: `* ` if required, names with `-`/`--`, then `<Type: describedAs>`. */
export function optionDisplay(spec: OptionSpec): string {
  let display = spec.required ? '* ' : '';
  display += optionNames(spec)
    .map((name) => (name.length > 1 ? '--' : '-') + name)
    .join(', ');
  const argument = spec.argument;
  if (argument) {
    const [open, close] = argument.kind === 'required' ? ['<', '>'] : ['[', ']'];
    const description = argument.describedAs ? `: ${argument.describedAs}` : '';
    display += ` ${open}${typeIndicator(spec)}${description}${close}`;
  }
  return display;
}

/** `createDescriptionDisplay`: the description plus ` (default: x)` / ` (default: [x, y])`. */
export function descriptionDisplay(spec: OptionSpec): string {
  const defaults = spec.argument?.defaultValues ?? [];
  if (defaults.length === 0) return spec.description;
  const shown = defaults.length === 1 ? defaults[0] : `[${defaults.join(', ')}]`;
  return javaTrim(`${spec.description} (default: ${shown})`);
}

/** `String.compareTo`: UTF-16 code unit order. */
function compareJavaStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The text `parser.printHelpOn(...)` writes for this option table: the option rows only (Kafka
 * prints its own message line before it). Ends with a newline. jopt's separate
 * "Non-option arguments:" section (only for `parser.nonOptions("description")`) is not modelled.
 */
export function formatHelp(specs: readonly OptionSpec[], layout: HelpLayout = {}): string {
  const overallWidth = layout.overallWidth ?? 80;
  const columnSeparatorWidth = layout.columnSeparatorWidth ?? 2;
  const optionRows = new Rows(overallWidth, columnSeparatorWidth);

  // TreeSet with a comparator on the first name: sorted, and a later spec whose first name equals
  // an earlier one's is dropped.
  const sorted: OptionSpec[] = [];
  for (const spec of [...specs].sort((a, b) =>
    compareJavaStrings(optionNames(a)[0] as string, optionNames(b)[0] as string),
  )) {
    const previous = sorted[sorted.length - 1];
    if (!previous || optionNames(previous)[0] !== optionNames(spec)[0]) sorted.push(spec);
  }

  if (sorted.length === 0) {
    optionRows.add('No options specified', '');
  } else {
    if (sorted.some((spec) => spec.required)) {
      optionRows.add('Option (* = required)', 'Description');
      optionRows.add('---------------------', '-----------');
    } else {
      optionRows.add('Option', 'Description');
      optionRows.add('------', '-----------');
    }
    for (const spec of sorted) optionRows.add(optionDisplay(spec), descriptionDisplay(spec));
  }
  optionRows.fitToWidth();
  return optionRows.render();
}
