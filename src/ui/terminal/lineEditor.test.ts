import { describe, expect, it } from 'vitest';
import {
  advanceColumn,
  applyCompletion,
  charWidth,
  drawLine,
  editLine,
  eraseLine,
  formatColumns,
  historyCursor,
  layout,
  mergeHistory,
  moveHistory,
  parseKeys,
  stringWidth,
  toTerminalText,
} from './lineEditor';
import type { Key, LineState } from './lineEditor';

const type = (state: LineState, ...keys: Key[]) => keys.reduce(editLine, state);
const empty: LineState = { text: '', cursor: 0 };

describe('parseKeys', () => {
  it('keeps typed text together and splits a multi-line paste into lines and Enters', () => {
    expect(parseKeys('echo a\recho b\r')).toEqual([
      { kind: 'text', text: 'echo a' },
      { kind: 'enter' },
      { kind: 'text', text: 'echo b' },
      { kind: 'enter' },
    ]);
  });

  it('reads a pasted Windows line ending as one Enter', () => {
    expect(parseKeys('a\r\nb')).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'enter' },
      { kind: 'text', text: 'b' },
    ]);
  });

  it('decodes arrows, Home/End, Delete and the readline control keys', () => {
    expect(
      parseKeys('\x1b[A\x1b[B\x1b[C\x1b[D\x1b[H\x1b[F\x1b[3~\x03\x04\t\x7f\x15\x0b\x17'),
    ).toEqual(
      [
        'up',
        'down',
        'right',
        'left',
        'home',
        'end',
        'delete',
        'interrupt',
        'endOfInput',
        'tab',
        'backspace',
        'killToStart',
        'killToEnd',
        'killWordBack',
      ].map((kind) => ({ kind })),
    );
  });

  it('drops escape sequences it does not know (F5) instead of inserting them', () => {
    expect(parseKeys('a\x1b[15~b')).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'text', text: 'b' },
    ]);
  });
});

describe('editLine', () => {
  it('inserts at the cursor and moves over surrogate pairs as one character', () => {
    let s = type(
      empty,
      { kind: 'text', text: 'ac' },
      { kind: 'left' },
      { kind: 'text', text: 'b' },
    );
    expect(s).toEqual({ text: 'abc', cursor: 2 });
    s = type({ text: 'x😀', cursor: 3 }, { kind: 'left' });
    expect(s.cursor).toBe(1);
    expect(type({ text: 'x😀', cursor: 3 }, { kind: 'backspace' })).toEqual({
      text: 'x',
      cursor: 1,
    });
  });

  it('Ctrl-U, Ctrl-K and Ctrl-W cut as readline does', () => {
    const s: LineState = { text: 'kafka-topics.sh --list', cursor: 16 };
    expect(editLine(s, { kind: 'killToStart' })).toEqual({ text: '--list', cursor: 0 });
    expect(editLine(s, { kind: 'killToEnd' })).toEqual({ text: 'kafka-topics.sh ', cursor: 16 });
    expect(editLine({ text: 'a b  c', cursor: 6 }, { kind: 'killWordBack' })).toEqual({
      text: 'a b  ',
      cursor: 5,
    });
  });

  it('leaves the line alone for keys the terminal handles (Enter, Tab, Ctrl-C)', () => {
    const s: LineState = { text: 'ls', cursor: 2 };
    for (const kind of ['enter', 'tab', 'interrupt', 'up'] as const)
      expect(editLine(s, { kind })).toBe(s);
  });
});

describe('columns', () => {
  it('counts Hangul and CJK as two columns and controls as none', () => {
    expect(charWidth('한'.codePointAt(0)!)).toBe(2);
    expect(charWidth('a'.codePointAt(0)!)).toBe(1);
    expect(charWidth(0x07)).toBe(0);
    expect(stringWidth('토픽 t')).toBe(6);
  });

  it('follows output to the column where the next prompt or typed text starts', () => {
    expect(advanceColumn(0, 'Created topic t.\n', 80)).toBe(0);
    expect(advanceColumn(0, '>', 80)).toBe(1);
    expect(advanceColumn(5, '\x1b[H\x1b[2J\x1b[3J', 80)).toBe(0);
    expect(advanceColumn(0, '\x1b[31mred\x1b[0m', 80)).toBe(3);
    expect(advanceColumn(0, 'x'.repeat(10), 10)).toBe(10);
    expect(advanceColumn(0, 'x'.repeat(11), 10)).toBe(1);
    expect(advanceColumn(9, '한', 10)).toBe(2);
  });

  it('wraps a wide character that does not fit onto the next row', () => {
    const placed = layout(0, 'abc한', 4);
    expect(placed.at(3)).toEqual({ row: 1, col: 0 });
    expect(placed.end).toEqual({ row: 1, col: 2 });
  });
});

describe('drawLine', () => {
  it('draws the prompt and line and leaves the cursor where it belongs', () => {
    const { data, drawn } = drawLine(undefined, 0, '$ ', { text: 'abc', cursor: 1 }, 80);
    expect(data).toBe('$ abc\r\x1b[3C');
    expect(drawn.cursorRow).toBe(0);
  });

  it('erases the previous drawing from its anchor before drawing again', () => {
    const first = drawLine(undefined, 1, '', { text: 'hel', cursor: 3 }, 80);
    expect(first.data).toBe('hel');
    const second = drawLine(first.drawn, 0, '', { text: 'hello', cursor: 5 }, 80);
    expect(second.data).toBe('\r\x1b[1C\x1b[Jhello');
  });

  it('steps onto a new row when the line exactly fills the last one (xterm pending wrap)', () => {
    const { data, drawn } = drawLine(undefined, 0, '$ ', { text: 'abcdefgh', cursor: 8 }, 10);
    expect(data).toBe('$ abcdefgh\r\n');
    expect(drawn.cursorRow).toBe(1);
    expect(eraseLine(drawn)).toBe('\x1b[1A\r\x1b[J');
  });

  it('moves up from the end of a wrapped line to a cursor on its first row', () => {
    const { data, drawn } = drawLine(undefined, 0, '$ ', { text: 'abcdefghijkl', cursor: 0 }, 10);
    expect(data).toBe('$ abcdefghijkl\x1b[1A\r\x1b[2C');
    expect(drawn.cursorRow).toBe(0);
  });
});

describe('toTerminalText', () => {
  it('turns bare newlines into CRLF and leaves existing CRLF alone', () => {
    expect(toTerminalText('a\nb\r\nc\n')).toBe('a\r\nb\r\nc\r\n');
  });
});

describe('completion', () => {
  it('completes a single candidate and adds a space', () => {
    const r = applyCompletion(
      { text: 'kafka-top', cursor: 9 },
      { from: 0, to: 9, candidates: ['kafka-topics.sh'] },
    );
    expect(r.state).toEqual({ text: 'kafka-topics.sh ', cursor: 16 });
    expect(r.listing).toBeUndefined();
  });

  it('adds no space after a directory', () => {
    const r = applyCompletion(
      { text: 'cd con', cursor: 6 },
      { from: 3, to: 6, candidates: ['config/'] },
    );
    expect(r.state.text).toBe('cd config/');
  });

  it('extends to the common prefix of several candidates, and lists them when that adds nothing', () => {
    const line = { text: 'kafka-con', cursor: 9 };
    const candidates = [
      'kafka-configs.sh',
      'kafka-console-consumer.sh',
      'kafka-console-producer.sh',
    ];
    expect(applyCompletion(line, { from: 0, to: 9, candidates }).state.text).toBe('kafka-con');
    expect(applyCompletion(line, { from: 0, to: 9, candidates }).listing).toEqual(candidates);
    const more = applyCompletion(
      { text: 'kafka-cons', cursor: 10 },
      { from: 0, to: 10, candidates: candidates.slice(1) },
    );
    expect(more.state.text).toBe('kafka-console-');
    expect(more.listing).toBeUndefined();
  });

  it('lists candidates down the columns, like bash', () => {
    expect(formatColumns(['a', 'bb', 'c', 'd', 'e'], 12)).toEqual(['a   c   e', 'bb  d']);
    expect(formatColumns(['only'], 80)).toEqual(['only']);
  });
});

describe('history', () => {
  it('walks back and forth and gives back the line being typed at the end', () => {
    let h = historyCursor(['one', 'two']);
    const up1 = moveHistory(h, -1, 'draft')!;
    expect(up1.text).toBe('two');
    h = up1.cursor;
    const up2 = moveHistory(h, -1, up1.text)!;
    expect(up2.text).toBe('one');
    expect(moveHistory(up2.cursor, -1, 'one')).toBeUndefined();
    const down = moveHistory(moveHistory(up2.cursor, 1, 'one')!.cursor, 1, 'two')!;
    expect(down.text).toBe('draft');
    expect(moveHistory(down.cursor, 1, 'draft')).toBeUndefined();
  });

  it('puts the shell history after the stored lines, drops blanks and keeps the newest', () => {
    expect(mergeHistory(['a', ' '], ['b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(mergeHistory(['a', 'b'], ['c'], 2)).toEqual(['b', 'c']);
  });
});
