/**
 * `Exit.exit(status)` called deep inside the tool (`CommandLineUtils.printUsageAndExit`): thrown
 * up to the process, which prints the output and ends with the status.
 */
import type { CommandExit } from '../../../options/index';

export class ExitRequest extends Error {
  constructor(readonly exit: CommandExit) {
    super(`exit ${exit.exitCode}`);
    this.name = 'ExitRequest';
  }
}
