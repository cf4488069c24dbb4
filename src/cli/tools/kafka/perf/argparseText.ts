/**
 * argparse4j's text layout (net/sourceforge/argparse4j/helper/TextHelper.java, 0.7.0 as Kafka 3.9
 * ships it): help text is wrapped at the format width and every full line is justified by
 * widening its runs of spaces, the extra spaces going to the middle runs first. Line breaks come
 * from `java.text.BreakIterator.getLineInstance()`: after a run of spaces, and after a hyphen that
 * a letter follows (`--payload-file` may break as `--` / `payload-` / `file`).
 *
 * argparse4j asks the terminal for its width (`stty`) and falls back to 75 columns; the simulated
 * terminal reports none, so every layout here is 75 columns wide — what Kafka prints when its
 * output is not a terminal (a pipe, `docker exec` without `-t`).
 */

/** `ArgumentParsers.DEFAULT_FORMAT_WIDTH`, columns. */
export const FORMAT_WIDTH = 75;

/** `TextHelper.printHelp`'s help column: titles up to 21 columns share the line with their help. */
const INDENT_WIDTH = 25;

const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);

/** The text between line-break opportunities, each keeping its trailing spaces or newline. */
export function lineSegments(s: string): string[] {
  const segments: string[] = [];
  let start = 0;
  for (let i = 1; i <= s.length; i++) {
    const prev = s[i - 1]!;
    const next = s[i];
    const boundary =
      i === s.length ||
      prev === '\n' ||
      (prev === ' ' && next !== ' ' && next !== '\n') ||
      (prev === '-' && isLetter(next));
    if (boundary) {
      segments.push(s.slice(start, i));
      start = i;
    }
  }
  return segments;
}

/**
 * `TextHelper.adjustSpace`: trims `line`, then spreads `width - curwidth` extra spaces over its
 * runs of spaces, one more to the middle runs when they do not divide evenly.
 */
export function adjustSpace(line: string, width: number, curwidth: number): string {
  const trimmed = line.replace(/^ +/, '').replace(/ +$/, '');
  const current = curwidth - (line.length - trimmed.length);
  const blocks = trimmed.match(/ +/g)?.length ?? 0;
  if (blocks === 0) return trimmed;
  const needWs = width - current;
  const eachWs = Math.trunc(needWs / blocks);
  const rem = needWs % blocks;
  const remStart = Math.trunc((blocks - rem + 1) / 2);
  const remEnd = remStart + rem;
  let b = 0;
  return trimmed.replace(/ +/g, (run) => {
    const add = eachWs + (remStart <= b && b < remEnd ? 1 : 0);
    b++;
    return ' '.repeat(Math.max(0, add)) + run;
  });
}

/**
 * `TextHelper.wrap(counter, s, width, initialOffset, initialIndent, subsequentIndent)`: wraps at
 * `width` columns; `initialOffset` columns are already used on the first line.
 */
export function wrap(
  s: string,
  width: number,
  initialOffset: number,
  initialIndent: string,
  subsequentIndent: string,
): string {
  let res = initialIndent;
  let sb = '';
  let currentWidth = initialOffset + initialIndent.length;
  for (const sub of lineSegments(s)) {
    const subwidth = sub.length;
    currentWidth += subwidth;
    if (currentWidth > width) {
      res += `${adjustSpace(sb, width, currentWidth - subwidth)}\n${subsequentIndent}`;
      sb = '';
      currentWidth = subsequentIndent.length + subwidth;
    }
    sb += sub;
    if (sub.endsWith('\n')) {
      res += sb + subsequentIndent;
      sb = '';
      currentWidth = subsequentIndent.length;
    }
  }
  return res + sb;
}

/** `TextHelper.printHelp`: `  title`, then the help wrapped in the column at 25, then a newline. */
export function helpEntry(title: string, help: string, width: number = FORMAT_WIDTH): string {
  let out = `  ${title}`;
  if (help === '') return `${out}\n`;
  let indent = INDENT_WIDTH;
  if (title.length <= 21) indent -= title.length + 2;
  else out += '\n';
  out += ' '.repeat(indent);
  return `${out}${wrap(help, width, INDENT_WIDTH, '', ' '.repeat(INDENT_WIDTH))}\n`;
}

/**
 * `ArgumentParserImpl.printArgumentUsage`: the usage tokens after `usage: prog`, wrapped at
 * `width` without justification; continuation lines start under the first token.
 */
export function usageText(prog: string, tokens: readonly string[], width = FORMAT_WIDTH): string {
  const usageProg = `usage: ${prog}`;
  let out = usageProg;
  let offset: number;
  let subsequentIndent: string;
  if (usageProg.length > 30) {
    out += '\n';
    offset = 6;
    subsequentIndent = ' '.repeat(6);
    out += subsequentIndent;
  } else {
    offset = usageProg.length;
    subsequentIndent = ' '.repeat(offset);
  }
  let currentWidth = offset;
  let first = true;
  for (const syntax of tokens) {
    if (!first && currentWidth + syntax.length + 1 > width) {
      out += `\n${subsequentIndent} ${syntax}`;
      currentWidth = subsequentIndent.length + 1 + syntax.length;
    } else {
      out += ` ${syntax}`;
      currentWidth += 1 + syntax.length;
      first = false;
    }
  }
  return `${out}\n`;
}
