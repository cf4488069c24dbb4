/**
 * Monaco, the parts the workbench's editors need: the core editor, the editor worker only (no
 * TypeScript/JSON/CSS/HTML language services), YAML and INI highlighting from the basic
 * languages, and the contributions for hovers on markers, find, folding and comments. Imported
 * only through {@link loadMonaco}, so none of it is in the initial bundle.
 */
import * as monaco from 'monaco-editor/editor/editor.api.js';
import 'monaco-editor/editor/browser/coreCommands.js';
import 'monaco-editor/features/codicon/register.js';
import 'monaco-editor/features/codeEditor/register.js';
import 'monaco-editor/features/hover/register.js';
import 'monaco-editor/features/gotoError/register.js';
import 'monaco-editor/features/find/register.js';
import 'monaco-editor/features/folding/register.js';
import 'monaco-editor/features/comment/register.js';
import 'monaco-editor/features/bracketMatching/register.js';
import 'monaco-editor/features/clipboard/register.js';
import 'monaco-editor/features/contextmenu/register.js';
import 'monaco-editor/features/cursorUndo/register.js';
import 'monaco-editor/features/indentation/register.js';
import 'monaco-editor/features/linesOperations/register.js';
import 'monaco-editor/features/multicursor/register.js';
import 'monaco-editor/features/wordOperations/register.js';
import 'monaco-editor/languages/definitions/yaml/register.js';
import 'monaco-editor/languages/definitions/ini/register.js';

// One worker, the plain editor worker (diffs, word ranges). monaco-editor 0.57's package exports
// map `monaco-editor/*.js` to `esm/vs/*.js`, so this is esm/vs/editor/editor.worker.js.
self.MonacoEnvironment = {
  getWorker: () =>
    new Worker(new URL('monaco-editor/editor/editor.worker.js', import.meta.url), {
      type: 'module',
    }),
};

export { monaco };
