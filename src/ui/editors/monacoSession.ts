/**
 * The Monaco side of the editor panel: one editor, one model per file, and the problems the
 * backend reported shown on their lines. Kept apart from React so the component stays small.
 */
import type { editor as MonacoEditor } from 'monaco-editor/editor/editor.api.js';
import type { FileError } from '../../worker/client';
import type { EditorFile } from './editorFiles';
import { fileMarkers, lineMessages } from './fileMarkers';
import type { Monaco } from './loadMonaco';

/** Owner of our markers in Monaco's marker service. */
const markerOwner = 'kafka-workbench';

export class MonacoSession {
  private readonly editor: MonacoEditor.IStandaloneCodeEditor;
  private readonly models = new Map<EditorFile['id'], MonacoEditor.ITextModel>();
  /** The messages after the lines of the file shown (Monaco keeps markers per model itself). */
  private readonly decorations: MonacoEditor.IEditorDecorationsCollection;
  private readonly problems = new Map<
    EditorFile['id'],
    { errors: FileError[]; warnings: FileError[] }
  >();

  constructor(
    private readonly monaco: Monaco,
    host: HTMLElement,
    options: { dark: boolean; ariaLabel: string },
  ) {
    this.editor = monaco.editor.create(host, {
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      renderWhitespace: 'boundary',
      // The side panel is narrow: wrap long lines (and the messages written after them).
      wordWrap: 'on',
      wrappingIndent: 'same',
      tabSize: 2,
      insertSpaces: true,
      theme: options.dark ? 'vs-dark' : 'vs',
      ariaLabel: options.ariaLabel,
      fixedOverflowWidgets: true,
    });
    this.decorations = this.editor.createDecorationsCollection();
  }

  /** Puts `text` in the file's model (created on first use), replacing what was edited. */
  load(file: EditorFile, text: string): void {
    const existing = this.models.get(file.id);
    if (existing) {
      existing.setValue(text);
      return;
    }
    const model = this.monaco.editor.createModel(
      text,
      file.language,
      this.monaco.Uri.from({ scheme: 'file', path: file.path }),
    );
    this.models.set(file.id, model);
  }

  /** Shows the file in the editor. */
  show(id: EditorFile['id']): void {
    const model = this.models.get(id);
    if (!model || this.editor.getModel() === model) return;
    this.decorations.clear();
    this.editor.setModel(model);
    this.decorateLines(id);
  }

  text(id: EditorFile['id']): string {
    return this.models.get(id)?.getValue() ?? '';
  }

  /** Marks the problems on their lines. */
  showProblems(id: EditorFile['id'], errors: FileError[], warnings: FileError[]): void {
    const model = this.models.get(id);
    if (!model) return;
    this.problems.set(id, { errors, warnings });
    this.monaco.editor.setModelMarkers(
      model,
      markerOwner,
      fileMarkers(errors, warnings, lines(model)),
    );
    this.decorateLines(id);
  }

  /** Scrolls the file's first problem into view (after the panel's layout has settled). */
  revealFirstProblem(id: EditorFile['id']): void {
    const found = this.problems.get(id);
    const first = found?.errors[0] ?? found?.warnings[0];
    if (!first || this.editor.getModel() !== this.models.get(id)) return;
    this.editor.layout();
    this.editor.revealLineInCenterIfOutsideViewport(first.line);
  }

  clearProblems(id: EditorFile['id']): void {
    const model = this.models.get(id);
    if (!model || !this.problems.has(id)) return;
    this.problems.delete(id);
    this.monaco.editor.setModelMarkers(model, markerOwner, []);
    this.decorateLines(id);
  }

  /** Writes the file's messages after their lines, when it is the file shown. */
  private decorateLines(id: EditorFile['id']): void {
    const model = this.models.get(id);
    if (!model || this.editor.getModel() !== model) return;
    const found = this.problems.get(id);
    this.decorations.set(found ? lineMessages(found.errors, found.warnings, lines(model)) : []);
  }

  setDark(dark: boolean): void {
    this.monaco.editor.setTheme(dark ? 'vs-dark' : 'vs');
  }

  focus(): void {
    this.editor.focus();
  }

  dispose(): void {
    this.editor.dispose();
    for (const model of this.models.values()) model.dispose();
  }
}

/** The line facts {@link fileMarkers} needs, from a model. */
function lines(model: MonacoEditor.ITextModel) {
  return {
    lineCount: model.getLineCount(),
    lineEnd: (line: number) => model.getLineMaxColumn(line),
  };
}
