import type { ApplyResult, FileError } from '../../worker/client';
import type { EditorFile } from './editorFiles';
import { ProblemList } from './ProblemList';
import type { EditorStrings } from './useEditorStrings';

/** What the panel says under the editor about the file shown. */
export type Status =
  | { kind: 'idle' }
  | { kind: 'missing' }
  | { kind: 'applying' }
  | { kind: 'applied'; result: Extract<ApplyResult, { ok: true }> }
  | { kind: 'refused'; errors: FileError[]; warnings: FileError[] };

/** The message under the editor: applied, refused (with each problem's line), or nothing. */
export function EditorStatus({
  status,
  file,
  t,
}: {
  status: Status;
  file: EditorFile;
  t: EditorStrings;
}) {
  if (status.kind === 'idle' || status.kind === 'applying') return null;
  if (status.kind === 'missing')
    return (
      <div
        className="editor-status editor-status-error"
        data-testid="editor-status"
        data-status="missing"
      >
        {t.missing(file.path)}
      </div>
    );
  if (status.kind === 'applied') {
    const { warnings, restartNeeded } = status.result;
    return (
      <div className="editor-status editor-status-ok" data-testid="editor-status" data-status="ok">
        <p>
          {file.id === 'docker-compose' ? t.appliedCompose : t.savedProperties(file.path)}
          {restartNeeded.length > 0 && ` ${t.restartNeeded(restartNeeded)}`}
        </p>
        <ProblemList problems={warnings} kind="warning" t={t} />
      </div>
    );
  }
  return (
    <div
      className="editor-status editor-status-error"
      data-testid="editor-status"
      data-status="error"
    >
      <p>{t.refused(status.errors.length)}</p>
      <ProblemList problems={status.errors} kind="error" t={t} />
      <ProblemList problems={status.warnings} kind="warning" t={t} />
    </div>
  );
}
