/**
 * Problems the backend found in an edited file, as Monaco shows them: a marker (squiggle, hover,
 * F8) on the whole line and the message written after the line's end, where the eye already is.
 */
import type { FileError } from '../../worker/client';

/** Monaco's `MarkerSeverity` values (kept here so this file needs no Monaco import). */
export const markerSeverity = { warning: 4, error: 8 } as const;

/** Shape of Monaco's `editor.IMarkerData`. */
export interface LineMarker {
  severity: (typeof markerSeverity)[keyof typeof markerSeverity];
  message: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  source: string;
}

/** Shape of Monaco's `editor.IModelDeltaDecoration`: a tinted line, or a message after it. */
export interface LineDecoration {
  range: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number };
  options: {
    isWholeLine?: boolean;
    className?: string;
    /** Needed for an empty range to show at all. */
    showIfCollapsed?: boolean;
    after?: { content: string; inlineClassName: string };
  };
}

/** What Monaco needs to know of the edited text. */
export interface LineSource {
  lineCount: number;
  /** 1-based column after the last character of `line`. */
  lineEnd(line: number): number;
}

/** Clamps a reported line into the file (a file-level problem is reported on line 1). */
function clampLine(line: number, source: LineSource): number {
  return Math.min(Math.max(1, Math.floor(line) || 1), Math.max(1, source.lineCount));
}

/** Markers for `errors` and `warnings`, each spanning its line's text. */
export function fileMarkers(
  errors: FileError[],
  warnings: FileError[],
  source: LineSource,
): LineMarker[] {
  const marker = (e: FileError, severity: LineMarker['severity']): LineMarker => {
    const line = clampLine(e.line, source);
    return {
      severity,
      message: e.message,
      startLineNumber: line,
      startColumn: 1,
      endLineNumber: line,
      endColumn: Math.max(2, source.lineEnd(line)),
      source: 'kafka-workbench',
    };
  };
  return [
    ...errors.map((e) => marker(e, markerSeverity.error)),
    ...warnings.map((w) => marker(w, markerSeverity.warning)),
  ];
}

/**
 * Two decorations per line with problems: the line tinted, and its messages, joined, written
 * after the line's end (Monaco's injected text).
 */
export function lineMessages(
  errors: FileError[],
  warnings: FileError[],
  source: LineSource,
): LineDecoration[] {
  const byLine = new Map<number, { messages: string[]; error: boolean }>();
  const add = (e: FileError, error: boolean) => {
    const line = clampLine(e.line, source);
    const entry = byLine.get(line) ?? { messages: [], error: false };
    entry.messages.push(e.message);
    entry.error ||= error;
    byLine.set(line, entry);
  };
  errors.forEach((e) => add(e, true));
  warnings.forEach((w) => add(w, false));
  return [...byLine.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([line, { messages, error }]): LineDecoration[] => {
      const end = source.lineEnd(line);
      const kind = error ? 'error' : 'warning';
      return [
        {
          range: { startLineNumber: line, startColumn: 1, endLineNumber: line, endColumn: 1 },
          options: { isWholeLine: true, className: `editor-line-${kind}` },
        },
        {
          range: { startLineNumber: line, startColumn: end, endLineNumber: line, endColumn: end },
          options: {
            showIfCollapsed: true,
            after: {
              content: `\u2003${messages.join(' · ')}`,
              inlineClassName: `editor-inline-${kind}`,
            },
          },
        },
      ];
    });
}
