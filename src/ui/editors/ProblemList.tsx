import type { FileError } from '../../worker/client';
import type { EditorStrings } from './useEditorStrings';

/** The problems of a refused (or warned-about) file, each with its line. */
export function ProblemList({
  problems,
  kind,
  t,
}: {
  problems: FileError[];
  kind: 'error' | 'warning';
  t: EditorStrings;
}) {
  if (problems.length === 0) return null;
  return (
    <ul className={`editor-problems editor-problems-${kind}`}>
      {problems.map((p, i) => (
        <li key={i} data-testid="editor-problem" data-line={p.line}>
          <span className="editor-problem-line">
            {t.line(p.line)}
            {kind === 'warning' ? ` (${t.warning})` : ''}:
          </span>{' '}
          {p.message}
        </li>
      ))}
    </ul>
  );
}
