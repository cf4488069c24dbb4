/**
 * Loads Monaco on first use (a separate chunk of about 1 MB that the first render does without).
 */
import type * as MonacoApi from 'monaco-editor/editor/editor.api.js';

/** The Monaco API (`monaco.editor`, `monaco.languages`, …). */
export type Monaco = typeof MonacoApi;

let loading: Promise<Monaco> | undefined;

/** Monaco, loaded once: the first call starts the download, later calls share it. */
export function loadMonaco(): Promise<Monaco> {
  loading ??= import('./monacoSetup').then((m) => m.monaco);
  return loading;
}
