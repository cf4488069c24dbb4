import { describe, expect, it } from 'vitest';
import { fileMarkers, lineMessages, markerSeverity } from './fileMarkers';

const source = { lineCount: 3, lineEnd: (line: number) => [0, 10, 1, 21][line]! };

describe('fileMarkers', () => {
  it('marks the whole text of the reported line, errors before warnings', () => {
    const markers = fileMarkers(
      [{ line: 3, message: 'broker id 1 is already used by service kafka1' }],
      [{ line: 1, message: 'unknown name' }],
      source,
    );
    expect(markers).toEqual([
      expect.objectContaining({
        severity: markerSeverity.error,
        startLineNumber: 3,
        endLineNumber: 3,
        startColumn: 1,
        endColumn: 21,
        message: 'broker id 1 is already used by service kafka1',
      }),
      expect.objectContaining({
        severity: markerSeverity.warning,
        startLineNumber: 1,
        endColumn: 10,
      }),
    ]);
  });

  it('keeps a marker visible on an empty line and a line past the end on the last line', () => {
    const [empty, past] = fileMarkers(
      [
        { line: 2, message: 'a' },
        { line: 99, message: 'b' },
      ],
      [],
      source,
    );
    expect(empty).toMatchObject({ startLineNumber: 2, endColumn: 2 });
    expect(past).toMatchObject({ startLineNumber: 3 });
  });
});

describe('lineMessages', () => {
  it('tints each line with problems and writes its messages, joined, after its end', () => {
    const decorations = lineMessages(
      [
        { line: 3, message: 'first' },
        { line: 3, message: 'second' },
      ],
      [{ line: 1, message: 'careful' }],
      source,
    );
    const after = decorations.filter((d) => d.options.after);
    expect(
      after.map((d) => [
        d.range.startLineNumber,
        d.range.startColumn,
        d.options.after!.content.trim(),
      ]),
    ).toEqual([
      [1, 10, 'careful'],
      [3, 21, 'first · second'],
    ]);
    const tints = decorations.filter((d) => d.options.isWholeLine);
    expect(tints.map((d) => [d.range.startLineNumber, d.options.className])).toEqual([
      [1, 'editor-line-warning'],
      [3, 'editor-line-error'],
    ]);
  });
});
