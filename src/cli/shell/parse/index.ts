/**
 * The shell language front end: bash-subset text → syntax tree (`ast.ts`), and the expansion the
 * runtime applies to words when it runs them. Pure: no I/O, no execution.
 */
export type * from './ast';
export { parseScript, needsMoreInput } from './parseScript';
export type { ParseOptions } from './parseScript';
export { LineAccumulator, PS2 } from './lineAccumulator';
export type { AccumulatedInput } from './lineAccumulator';
export {
  completeExpansion,
  expandWord,
  expandWordFields,
  expandWords,
  ExpansionError,
  fieldsExpansion,
  patternMatches,
  quotedTextWord,
  wordExpansion,
  wordsExpansion,
} from './expand';
export type { Expansion, ExpansionEnv, ExpansionErrorCode, SubstitutionResult } from './expand';
export { splitFields, defaultIfs } from './fields';
export { braceExpand, braceExpandWords } from './braceExpansion';
export { formatDiagnostic } from './diagnostics';
export type { DiagnosticStyle } from './diagnostics';
export { andOrLists, defaultFd } from './lists';
export type { AndOrList } from './lists';
export {
  formatAndOrList,
  formatPipeline,
  formatRedirection,
  formatSimpleCommand,
  historyLine,
} from './format';
