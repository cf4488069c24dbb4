/**
 * The browser side of a terminal line, as a tty in canonical mode plus GNU readline provide it:
 * decoding the keys xterm.js reports, editing the line, drawing it (wrapped over several rows,
 * wide Hangul/CJK characters taking two columns), completion listings and `\n` → `\r\n`.
 * Everything here is pure, so the terminal component stays a thin shell around it.
 */

/** The line being typed: its text and the cursor, a UTF-16 index into it. */
export interface LineState {
  text: string;
  cursor: number;
}

/** Keys that carry no text. */
export type KeyKind =
  | 'enter'
  | 'backspace'
  | 'delete'
  | 'left'
  | 'right'
  | 'wordLeft'
  | 'wordRight'
  | 'home'
  | 'end'
  | 'up'
  | 'down'
  | 'tab'
  | 'interrupt'
  | 'endOfInput'
  | 'killToEnd'
  | 'killToStart'
  | 'killWordBack'
  | 'clearScreen';

/** A key (or pasted text) as the line editor understands it. */
export type Key = { kind: 'text'; text: string } | { kind: KeyKind };

/** Control characters and escape sequences xterm.js sends for keys, mapped to editor keys. */
const sequences: Record<string, KeyKind> = {
  '\r': 'enter',
  '\n': 'enter',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\t': 'tab',
  '\x03': 'interrupt',
  '\x04': 'endOfInput',
  '\x01': 'home',
  '\x05': 'end',
  '\x02': 'left',
  '\x06': 'right',
  '\x0b': 'killToEnd',
  '\x15': 'killToStart',
  '\x17': 'killWordBack',
  '\x0c': 'clearScreen',
  '\x10': 'up',
  '\x0e': 'down',
  '\x1b[A': 'up',
  '\x1b[B': 'down',
  '\x1b[C': 'right',
  '\x1b[D': 'left',
  '\x1bOA': 'up',
  '\x1bOB': 'down',
  '\x1bOC': 'right',
  '\x1bOD': 'left',
  '\x1b[H': 'home',
  '\x1b[F': 'end',
  '\x1bOH': 'home',
  '\x1bOF': 'end',
  '\x1b[1~': 'home',
  '\x1b[4~': 'end',
  '\x1b[3~': 'delete',
  '\x1b[1;5D': 'wordLeft',
  '\x1b[1;5C': 'wordRight',
  '\x1bb': 'wordLeft',
  '\x1bf': 'wordRight',
  '\x1b\x7f': 'killWordBack',
};

/**
 * Splits what xterm.js's `onData` delivers — one key, or a whole paste — into keys. Runs of
 * printable text stay together; `\r\n` from a pasted Windows file is one Enter; escape sequences
 * the editor does not know are dropped, as readline ignores them.
 */
export function parseKeys(data: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') keys.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < data.length;) {
    const ch = data[i]!;
    if (ch === '\r' && data[i + 1] === '\n') {
      flush();
      keys.push({ kind: 'enter' });
      i += 2;
      continue;
    }
    if (ch === '\x1b') {
      flush();
      const seq = escapeSequenceAt(data, i);
      const kind = sequences[seq];
      if (kind) keys.push({ kind });
      i += seq.length;
      continue;
    }
    const kind = sequences[ch];
    if (kind) {
      flush();
      keys.push({ kind });
    } else if (ch >= ' ' || ch > '\x7f') text += ch;
    i++;
  }
  flush();
  return keys;
}

/** The escape sequence starting at `i`: CSI (`ESC [ … final`), SS3 (`ESC O x`) or `ESC x`. */
function escapeSequenceAt(data: string, i: number): string {
  const next = data[i + 1];
  if (next === '[') {
    let j = i + 2;
    while (j < data.length && !/[\x40-\x7e]/.test(data[j]!)) j++;
    return data.slice(i, j + 1);
  }
  if (next === undefined) return '\x1b';
  return data.slice(i, i + 2);
}

const isWordChar = (ch: string) => /[\p{L}\p{N}_]/u.test(ch);

/** Index of the start of the word before `cursor` (readline's `backward-word`). */
function wordStartBefore(text: string, cursor: number): number {
  let i = cursor;
  while (i > 0 && !isWordChar(text[i - 1]!)) i--;
  while (i > 0 && isWordChar(text[i - 1]!)) i--;
  return i;
}

/** Index after the word at or after `cursor` (readline's `forward-word`). */
function wordEndAfter(text: string, cursor: number): number {
  let i = cursor;
  while (i < text.length && !isWordChar(text[i]!)) i++;
  while (i < text.length && isWordChar(text[i]!)) i++;
  return i;
}

/** Length in UTF-16 units of the code point that ends at `i` (2 for a surrogate pair). */
function unitsBefore(text: string, i: number): number {
  const low = text.charCodeAt(i - 1);
  const high = text.charCodeAt(i - 2);
  return i >= 2 && low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? 2 : 1;
}

/** Length in UTF-16 units of the code point that starts at `i`. */
function unitsAt(text: string, i: number): number {
  const cp = text.codePointAt(i) ?? 0;
  return cp > 0xffff ? 2 : 1;
}

/**
 * Applies an editing key to the line. Keys that are not edits (Enter, Tab, ↑/↓, Ctrl-C, Ctrl-D,
 * Ctrl-L) leave it unchanged: the terminal acts on them.
 */
export function editLine(state: LineState, key: Key): LineState {
  const { text, cursor } = state;
  switch (key.kind) {
    case 'text':
      return {
        text: text.slice(0, cursor) + key.text + text.slice(cursor),
        cursor: cursor + key.text.length,
      };
    case 'backspace': {
      if (cursor === 0) return state;
      const n = unitsBefore(text, cursor);
      return { text: text.slice(0, cursor - n) + text.slice(cursor), cursor: cursor - n };
    }
    case 'delete':
      if (cursor >= text.length) return state;
      return { text: text.slice(0, cursor) + text.slice(cursor + unitsAt(text, cursor)), cursor };
    case 'left':
      return cursor === 0 ? state : { text, cursor: cursor - unitsBefore(text, cursor) };
    case 'right':
      return cursor >= text.length ? state : { text, cursor: cursor + unitsAt(text, cursor) };
    case 'wordLeft':
      return { text, cursor: wordStartBefore(text, cursor) };
    case 'wordRight':
      return { text, cursor: wordEndAfter(text, cursor) };
    case 'home':
      return { text, cursor: 0 };
    case 'end':
      return { text, cursor: text.length };
    case 'killToEnd':
      return { text: text.slice(0, cursor), cursor };
    case 'killToStart':
      return { text: text.slice(cursor), cursor: 0 };
    case 'killWordBack': {
      // unix-word-rubout: back to the previous whitespace.
      let i = cursor;
      while (i > 0 && text[i - 1] === ' ') i--;
      while (i > 0 && text[i - 1] !== ' ') i--;
      return { text: text.slice(0, i) + text.slice(cursor), cursor: i };
    }
    default:
      return state;
  }
}

// ---- Columns ------------------------------------------------------------------------------------

/** Wide (two-column) ranges: Hangul, CJK, fullwidth forms, emoji — as wcwidth counts them. */
const wideRanges: [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

/** Columns a code point takes in a terminal: 0 (combining, control), 1 or 2. */
export function charWidth(codePoint: number): 0 | 1 | 2 {
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return 0;
  if (
    (codePoint >= 0x300 && codePoint <= 0x36f) ||
    (codePoint >= 0x1160 && codePoint <= 0x11ff) ||
    codePoint === 0x200b
  )
    return 0;
  for (const [lo, hi] of wideRanges) if (codePoint >= lo && codePoint <= hi) return 2;
  return 1;
}

/** Columns `text` takes on one row (no control sequences in it). */
export function stringWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0)!);
  return width;
}

/**
 * The column the cursor is in after a terminal of `cols` columns has printed `text` starting at
 * column `col`, following the control characters and the escape sequences our tools print.
 * `cols` itself means "the row is full, the next character wraps" (xterm's pending wrap).
 */
export function advanceColumn(col: number, text: string, cols: number): number {
  // Only what follows the last line break matters (output of a busy consumer is long).
  const cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  if (cut >= 0) {
    col = 0;
    text = text.slice(cut + 1);
  }
  for (let i = 0; i < text.length;) {
    const ch = text[i]!;
    if (ch === '\x1b') {
      const seq = escapeSequenceAt(text, i);
      i += seq.length;
      if (seq[1] === ']') {
        // OSC: up to BEL or ST.
        const bel = text.indexOf('\x07', i);
        const st = text.indexOf('\x1b\\', i);
        const ends = [bel < 0 ? Infinity : bel + 1, st < 0 ? Infinity : st + 2];
        i = Math.min(text.length, ...ends);
        continue;
      }
      const csi = seq[1] === '[' ? /^([\d;]*)([A-Za-z])$/.exec(seq.slice(2)) : null;
      if (!csi) continue;
      const params = csi[1]!.split(';').map((p) => Number(p) || 0);
      const n = Math.max(1, params[0] ?? 1);
      switch (csi[2]) {
        case 'H':
        case 'f':
          col = Math.max(1, params[1] ?? 1) - 1;
          break;
        case 'G':
          col = n - 1;
          break;
        case 'C':
          col = Math.min(cols - 1, col + n);
          break;
        case 'D':
          col = Math.max(0, Math.min(col, cols - 1) - n);
          break;
      }
      continue;
    }
    const cp = text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    if (ch === '\r' || ch === '\n') col = 0;
    else if (ch === '\b') col = Math.max(0, Math.min(col, cols - 1) - 1);
    else if (ch === '\t') col = Math.min(cols - 1, (Math.floor(col / 8) + 1) * 8);
    else {
      const w = charWidth(cp);
      if (w === 0) continue;
      col = col + w > cols ? w : col + w;
    }
  }
  return col;
}

/** A row and column relative to the row where a drawn line starts. */
export interface CellPosition {
  row: number;
  col: number;
}

/**
 * Where each UTF-16 index of `text` lands when printed from column `startCol` of a terminal
 * `cols` wide (xterm wraps a wide character that does not fit whole onto the next row), plus
 * where the cursor stands after the last character.
 */
export function layout(
  startCol: number,
  text: string,
  cols: number,
): { at: (index: number) => CellPosition; end: CellPosition } {
  const positions: CellPosition[] = [];
  let row = 0;
  let col = startCol;
  const place = (w: number): CellPosition => {
    if (col + w > cols) {
      row++;
      col = 0;
    }
    return { row, col };
  };
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    const w = charWidth(cp);
    const p = w === 0 ? { row, col } : place(w);
    for (let u = 0; u < units; u++) positions.push(p);
    col = p.col + w;
    i += units;
  }
  const end = place(1);
  return { at: (index) => positions[index] ?? end, end };
}

/** What a terminal shows of the line being edited, enough to redraw or erase it later. */
export interface DrawnLine {
  /** Column the line starts in (after output that did not end with a newline). */
  anchorCol: number;
  prompt: string;
  text: string;
  /** Row of the cursor, counted from the line's first row. */
  cursorRow: number;
}

/**
 * Escape sequences that take the cursor back to where the drawn line starts and erase it and
 * everything below.
 */
export function eraseLine(drawn: DrawnLine): string {
  return (
    (drawn.cursorRow > 0 ? `\x1b[${drawn.cursorRow}A` : '') +
    '\r' +
    (drawn.anchorCol > 0 ? `\x1b[${drawn.anchorCol}C` : '') +
    '\x1b[J'
  );
}

/**
 * Draws `prompt` + `line` from column `anchorCol` (erasing `previous` first, when there is one)
 * and puts the cursor where `line.cursor` is. Returns the data for xterm and what is drawn now.
 */
export function drawLine(
  previous: DrawnLine | undefined,
  anchorCol: number,
  prompt: string,
  line: LineState,
  cols: number,
): { data: string; drawn: DrawnLine } {
  let data = previous ? eraseLine(previous) : '';
  const anchor = previous ? previous.anchorCol : anchorCol;
  const whole = prompt + line.text;
  const placed = layout(anchor, whole, cols);
  data += whole;
  let endRow = placed.end.row;
  const full = placed.end.col === 0 && endRow > 0 && whole !== '';
  // A full last row leaves xterm's cursor in "pending wrap" on it: step onto the next row.
  if (full) data += '\r\n';
  const target = placed.at(prompt.length + line.cursor);
  if (target.row !== endRow || target.col !== placed.end.col) {
    if (endRow > target.row) data += `\x1b[${endRow - target.row}A`;
    data += '\r' + (target.col > 0 ? `\x1b[${target.col}C` : '');
    endRow = target.row;
  }
  return { data, drawn: { anchorCol: anchor, prompt, text: line.text, cursorRow: endRow } };
}

/** Terminal text for xterm.js: every `\n` not already preceded by `\r` becomes `\r\n`. */
export function toTerminalText(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

// ---- Completion ---------------------------------------------------------------------------------

/** A completion as the backend returns it: replace `line.slice(from, to)` with a candidate. */
export interface CompletionResult {
  from: number;
  to: number;
  candidates: string[];
}

/** The longest prefix every string shares. */
export function commonPrefix(items: string[]): string {
  if (items.length === 0) return '';
  let prefix = items[0]!;
  for (const s of items) while (!s.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/**
 * What Tab does, as bash does it: a single candidate replaces the word (with a space after it,
 * none after a directory's `/`); several extend the word by their common prefix, or — when that
 * adds nothing — are listed.
 */
export function applyCompletion(
  state: LineState,
  completion: CompletionResult,
): { state: LineState; listing?: string[] } {
  const { from, to, candidates } = completion;
  if (candidates.length === 0) return { state };
  const replace = (word: string): LineState => ({
    text: state.text.slice(0, from) + word + state.text.slice(to),
    cursor: from + word.length,
  });
  if (candidates.length === 1) {
    const only = candidates[0]!;
    const next = replace(only);
    if (only.endsWith('/') || state.text[to] === ' ') return { state: next };
    return { state: editLine(next, { kind: 'text', text: ' ' }) };
  }
  const prefix = commonPrefix(candidates);
  if (prefix.length > to - from) return { state: replace(prefix) };
  return { state, listing: candidates };
}

/**
 * Lays candidates out in columns as bash lists completions: sorted down the columns, each column
 * as wide as the longest name plus two spaces, as many columns as fit in `cols`.
 */
export function formatColumns(items: string[], cols: number): string[] {
  if (items.length === 0) return [];
  const width = Math.max(...items.map(stringWidth)) + 2;
  const perRow = Math.max(1, Math.floor(cols / width));
  const rows = Math.ceil(items.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const item = items[c * rows + r];
      if (item === undefined) break;
      const isLast = items[(c + 1) * rows + r] === undefined;
      line += isLast ? item : item + ' '.repeat(width - stringWidth(item));
    }
    lines.push(line);
  }
  return lines;
}

// ---- History ------------------------------------------------------------------------------------

/** ↑/↓ through earlier lines: `index === entries.length` is the line being typed (`draft`). */
export interface HistoryCursor {
  entries: string[];
  index: number;
  draft: string;
}

/** A cursor positioned after the newest entry. */
export function historyCursor(entries: string[]): HistoryCursor {
  return { entries, index: entries.length, draft: '' };
}

/** ↑ (`-1`) or ↓ (`+1`): the new cursor and the line to show, or undefined at either end. */
export function moveHistory(
  h: HistoryCursor,
  direction: -1 | 1,
  current: string,
): { cursor: HistoryCursor; text: string } | undefined {
  const index = h.index + direction;
  if (index < 0 || index > h.entries.length) return undefined;
  const draft = h.index === h.entries.length ? current : h.draft;
  const text = index === h.entries.length ? draft : h.entries[index]!;
  return { cursor: { entries: h.entries, index, draft }, text };
}

/**
 * The lines ↑ offers: those stored from earlier visits, then the shell's own history of this
 * visit (`remote`), at most `max` of them, newest last.
 */
export function mergeHistory(stored: string[], remote: string[], max = 500): string[] {
  return [...stored, ...remote].filter((line) => line.trim() !== '').slice(-max);
}
