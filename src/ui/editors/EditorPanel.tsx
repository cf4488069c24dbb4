import { useEffect, useRef, useState } from 'react';
import { useWorkbench } from '../workbench/WorkbenchProvider';
import { editorFiles } from './editorFiles';
import type { EditorFile } from './editorFiles';
import { loadMonaco } from './loadMonaco';
import { MonacoSession } from './monacoSession';
import { useEditorStrings } from './useEditorStrings';
import { EditorStatus } from './EditorStatus';
import type { Status } from './EditorStatus';
import './editors.css';

type FileId = EditorFile['id'];

/** True when the page is in its dark theme (the app marks it on `<html>` or `<body>`). */
function prefersDarkTheme(): boolean {
  const marked = [document.documentElement, document.body].map(
    (el) => el.dataset.theme ?? (el.classList.contains('dark') ? 'dark' : undefined),
  );
  const theme = marked.find((m) => m !== undefined);
  return theme ? theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
}

/**
 * The configuration editors (DESIGN §1, right-hand tabs): `server.properties` and
 * `docker-compose.yml` from the simulated machine, edited in Monaco — loaded only when this panel
 * first opens — and applied through the backend, which refuses an invalid file (its problems are
 * shown on their lines) and keeps the running cluster.
 */
export function EditorPanel() {
  const { remote } = useWorkbench();
  const t = useEditorStrings();
  const host = useRef<HTMLDivElement>(null);
  const session = useRef<MonacoSession>(undefined);
  const [phase, setPhase] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [active, setActive] = useState<FileId>('server-properties');
  const [status, setStatus] = useState<Partial<Record<FileId, Status>>>({});
  const activeFile = editorFiles.find((f) => f.id === active)!;

  const readFile = async (file: EditorFile) => {
    const text = await remote.readFile(file.path);
    session.current?.load(file, text ?? '');
    session.current?.clearProblems(file.id);
    setStatus((s) => ({ ...s, [file.id]: { kind: text === null ? 'missing' : 'idle' } }));
  };

  useEffect(() => {
    let disposed = false;
    let created: MonacoSession | undefined;
    void (async () => {
      try {
        const [monaco, texts] = await Promise.all([
          loadMonaco(),
          Promise.all(editorFiles.map((f) => remote.readFile(f.path))),
        ]);
        if (disposed || !host.current) return;
        created = new MonacoSession(monaco, host.current, {
          dark: prefersDarkTheme(),
          ariaLabel: t.files,
        });
        editorFiles.forEach((f, i) => created!.load(f, texts[i] ?? ''));
        session.current = created;
        setStatus(
          Object.fromEntries(
            editorFiles.map((f, i) => [f.id, { kind: texts[i] === null ? 'missing' : 'idle' }]),
          ),
        );
        setPhase('ready');
      } catch (e) {
        console.error(e);
        if (!disposed) setPhase('failed');
      }
    })();
    const themeWatch = new MutationObserver(() => created?.setDark(prefersDarkTheme()));
    for (const el of [document.documentElement, document.body])
      themeWatch.observe(el, { attributes: true, attributeFilter: ['data-theme', 'class'] });
    return () => {
      disposed = true;
      themeWatch.disconnect();
      created?.dispose();
      session.current = undefined;
    };
    // The strings only name the editor for screen readers: a language switch need not rebuild it.
  }, [remote]);

  useEffect(() => {
    if (phase === 'ready') session.current?.show(active);
  }, [phase, active]);

  // Once the status below has taken its room, bring the first problem into view.
  const shownStatus = status[active];
  useEffect(() => {
    if (shownStatus?.kind === 'refused') session.current?.revealFirstProblem(active);
  }, [shownStatus, active]);

  const apply = async () => {
    const s = session.current;
    if (!s) return;
    const file = activeFile;
    setStatus((st) => ({ ...st, [file.id]: { kind: 'applying' } }));
    const result = await file.apply(remote, s.text(file.id));
    if (result.ok) {
      if (result.warnings.length > 0) s.showProblems(file.id, [], result.warnings);
      else s.clearProblems(file.id);
      setStatus((st) => ({ ...st, [file.id]: { kind: 'applied', result } }));
    } else {
      s.showProblems(file.id, result.errors, result.warnings);
      setStatus((st) => ({
        ...st,
        [file.id]: { kind: 'refused', errors: result.errors, warnings: result.warnings },
      }));
    }
  };

  const shown = status[active] ?? { kind: 'idle' };
  return (
    <section className="editor-panel" data-testid="editor-panel" aria-label={t.files}>
      <div className="editor-toolbar">
        <div className="editor-tabs" role="tablist">
          {editorFiles.map((f) => (
            <button
              key={f.id}
              type="button"
              role="tab"
              aria-selected={f.id === active}
              className={`editor-tab${f.id === active ? ' editor-tab-active' : ''}`}
              data-testid={`editor-tab-${f.id}`}
              onClick={() => setActive(f.id)}
            >
              {f.name}
            </button>
          ))}
        </div>
        <div className="editor-actions">
          <button
            type="button"
            className="editor-button"
            data-testid="editor-reload"
            title={t.reloadTitle}
            disabled={phase !== 'ready'}
            onClick={() => void readFile(activeFile)}
          >
            {t.reload}
          </button>
          <button
            type="button"
            className="editor-button editor-button-primary"
            data-testid="editor-apply"
            disabled={phase !== 'ready' || shown.kind === 'applying'}
            onClick={() => void apply()}
          >
            {shown.kind === 'applying' ? t.applying : t.apply}
          </button>
        </div>
      </div>
      <div
        className="editor-host"
        ref={host}
        data-testid="editor-monaco"
        data-file={active}
        data-phase={phase}
      >
        {phase !== 'ready' && (
          <div className="editor-placeholder">{phase === 'loading' ? t.loading : t.loadFailed}</div>
        )}
      </div>
      <EditorStatus status={shown} file={activeFile} t={t} />
    </section>
  );
}
