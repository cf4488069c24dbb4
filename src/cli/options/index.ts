/**
 * Kafka's command-line option handling for the simulated tools: jopt-simple 5.0.4 parsing and
 * help as Kafka 3.9 configures it, plus server-common's CommandLineUtils. DESIGN §4.
 */
export type { OptionArgumentSpec, OptionSpec, OptionValueType } from './optionSpec';
export {
  HELP_OPTION,
  optionNames,
  specToString,
  validateOptionTable,
  VERSION_OPTION,
  withDefaultOptions,
} from './optionSpec';
export type { OptionExceptionClass } from './optionError';
export { OptionError } from './optionError';
export type { ParseResult } from './parseOptions';
export {
  isLongOptionToken,
  isShortOptionToken,
  optionString,
  ParsedOptions,
  parseOptions,
} from './parseOptions';
export type { HelpLayout } from './helpFormatter';
export { descriptionDisplay, formatHelp, optionDisplay } from './helpFormatter';
export type { CommandExit } from './commandLineUtils';
export {
  checkInvalidArgs,
  checkInvalidArgsSet,
  checkRequiredArgs,
  hashSetOrder,
  IllegalArgumentError,
  isPrintHelpNeeded,
  isPrintVersionNeeded,
  KAFKA_VERSION,
  maybePrintHelpOrVersion,
  parseKeyValueArgs,
  printUsageAndExit,
  printVersionAndExit,
} from './commandLineUtils';
