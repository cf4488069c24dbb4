/**
 * Runs shell text through the headless kafka-sim session and captures stdout, stderr and the exit
 * status of each command — the harness every CLI test uses.
 */
import { createHeadlessSession, runCommandLine } from '../../src/cli/headless/runHeadless';
import type { HeadlessOptions } from '../../src/cli/headless/runHeadless';
import type { ShellSession } from '../../src/cli/runtime/session';
import { formatDiagnostic, parseScript } from '../../src/cli/shell/parse/index';

export interface CommandResult {
  stdout: string;
  stderr: string;
  status: number;
}

export class Terminal {
  readonly session: ShellSession;
  private out = '';
  private err = '';

  constructor(options: HeadlessOptions = {}) {
    this.session = createHeadlessSession(options, {
      stdout: (t) => (this.out += t),
      stderr: (t) => (this.err += t),
    });
  }

  get cluster() {
    return this.session.host.cluster;
  }

  /**
   * Runs `text` (one or more command lines); returns what it printed and the last status. `typed`
   * is what the user types into the terminal (a TTY) before pressing Ctrl-D.
   */
  run(text: string, typed?: string): CommandResult {
    this.out = '';
    this.err = '';
    this.session.provideInput(typed ?? '', typed !== undefined);
    const parsed = parseScript(text);
    let status = 0;
    for (const list of parsed.commands)
      if (list.items.length > 0) status = runCommandLine(this.session, list);
    if (parsed.errors.length > 0) {
      // As an interactive bash: the diagnostic on stderr, nothing of the bad line runs, status 2.
      for (const e of parsed.errors)
        this.err += `${formatDiagnostic(e, { interactive: true }).join('\n')}\n`;
      status = 2;
    }
    return { stdout: this.out, stderr: this.err, status };
  }

  /**
   * Starts one command line without running it to its end, for commands that wait (a consumer,
   * `sleep`): advance time with `wait`, press Ctrl-C with `interrupt`. Returns a function giving
   * what it printed so far and its status once it has finished.
   */
  start(line: string): () => { stdout: string; stderr: string; status?: number } {
    this.out = '';
    this.err = '';
    this.session.provideInput('', false);
    let status: number | undefined;
    for (const list of parseScript(line).commands)
      if (list.items.length > 0) this.session.submit(list, (s) => (status = s));
    return () => ({ stdout: this.out, stderr: this.err, status });
  }

  /** Ctrl-C: SIGINT to the foreground command. */
  interrupt(): void {
    this.session.interrupt();
  }

  /** Advances virtual time (background jobs keep running). */
  wait(ms: number): void {
    this.cluster.advance(ms);
  }
}
