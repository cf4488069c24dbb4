/**
 * Command substitution, `$(command)` and `` `command` `` (bash manual §3.5.4): the command runs in
 * a subshell with its standard output captured, and the expansion waiting for it resumes when it
 * ends — in virtual time, so `$(kafka-storage.sh random-uuid)` takes the time the tool takes, and
 * a substitution that never ends blocks until Ctrl-C, as in bash.
 *
 * As bash 5.1 does, the command is parsed when the substitution runs: a syntax error inside it is
 * reported as `bash: command substitution: line 1: syntax error near unexpected token `|'` (the
 * line counted on from the command's, as bash's `parse_and_execute` does) and the substitution's
 * status is 2, while the command around it still runs.
 */
import { formatDiagnostic, parseScript } from '../shell/parse/index';
import type {
  Expansion,
  ParsedList,
  ShellDiagnostic,
  SubstitutionResult,
  Word,
} from '../shell/parse/index';
import { signalNumbers } from './process';
import type { Signal } from './types';

/** The name bash gives the input of a substitution in its messages. */
const diagnosticName = 'bash: command substitution';

/** The status of a shell that stops reading after a syntax error (bash `EX_BADUSAGE`). */
const syntaxErrorStatus = 2;

/** What runs a substitution's command: a subshell of the shell expanding the word. */
export interface Subshell {
  /** Runs a parsed command line; `done` gets its status. */
  submit(list: ParsedList, done: (status: number) => void): void;
  /** Delivers a signal to the subshell and what it runs (Ctrl-C reaches the whole job). */
  signalShell(signal: Signal): void;
  /** The subshell's `$?`. */
  readonly lastStatus: number;
  /** Where the subshell's diagnostics go (the terminal's standard error). */
  writeError(text: string): void;
}

/**
 * Runs `source` in `subshell`: its command lines in order, then any syntax error bash would report
 * when it reached it. `done` gets the status (2 after a syntax error).
 * @param line the line number of the command the substitution is in (its diagnostics count on)
 */
export function runCommandSubstitution(
  subshell: Subshell,
  source: string,
  line: number,
  done: (status: number) => void,
): void {
  const parsed = parseScript(source, { firstLine: line });
  const lists = parsed.commands.map(readFileForm);
  const next = (i: number): void => {
    if (i < lists.length) {
      const list = lists[i]!;
      for (const w of list.warnings) subshell.writeError(diagnostic(w));
      if (list.items.length === 0) return next(i + 1);
      subshell.submit(list, () => next(i + 1));
      return;
    }
    if (parsed.errors.length === 0) return done(subshell.lastStatus);
    for (const e of parsed.errors) subshell.writeError(diagnostic(e));
    done(syntaxErrorStatus);
  };
  next(0);
}

/**
 * `$(< file)`: bash reads the file itself, as `$(cat file)` would. Rewritten as `cat < file`, which
 * also fails as bash does (`bash: file: No such file or directory`, status 1).
 */
function readFileForm(list: ParsedList): ParsedList {
  const [item] = list.items;
  const command = item?.pipeline.commands[0];
  if (
    list.items.length !== 1 ||
    item === undefined ||
    item.connector !== null ||
    item.pipeline.negated ||
    item.pipeline.commands.length !== 1 ||
    command === undefined ||
    command.kind !== 'simple' ||
    command.words.length > 0 ||
    command.assignments.length > 0 ||
    command.redirections.length !== 1 ||
    command.redirections[0]?.op !== '<'
  )
    return list;
  const cat: Word = { parts: [{ kind: 'literal', text: 'cat', quoted: false }], raw: 'cat' };
  const pipeline = { ...item.pipeline, commands: [{ ...command, words: [cat] }] };
  return { ...list, items: [{ ...item, pipeline }] };
}

function diagnostic(d: ShellDiagnostic): string {
  return `${formatDiagnostic(d, { interactive: false, name: diagnosticName }).join('\n')}\n`;
}

/** How expanding a command ended: its value, what it threw (an `ExpansionError`), or a signal. */
export type ExpansionOutcome<T> = { value: T } | { error: unknown } | { aborted: number };

/**
 * A command being expanded: drives its {@link Expansion}, running each command substitution it
 * yields in a new subshell and resuming it with the output and status. Until its process starts it
 * stands in the shell's foreground (or its job): a signal reaches the running substitution's
 * subshell and abandons the command.
 */
export class PendingExpansion<T> {
  /** 128 + the signal that abandoned the command, once one did. */
  private aborted: number | undefined;
  /** The subshell of the substitution running now. */
  private running: Subshell | undefined;

  /**
   * @param line the command's line number, for diagnostics
   * @param newSubshell a subshell of the expanding shell whose standard output goes to `capture`;
   *   `lastStatus` is the status of the command's previous substitution, if any (its `$?`)
   */
  constructor(
    private readonly expansion: Expansion<T>,
    private readonly line: number,
    private readonly newSubshell: (
      capture: (text: string) => void,
      lastStatus: number | undefined,
    ) => Subshell,
  ) {}

  /** Runs the expansion to its end; synchronous (`done` called before it returns) without `$(…)`. */
  start(done: (outcome: ExpansionOutcome<T>) => void): void {
    const step = (input: SubstitutionResult | undefined) => {
      if (this.aborted !== undefined) return done({ aborted: this.aborted });
      let next: IteratorResult<string, T>;
      try {
        next = input === undefined ? this.expansion.next() : this.expansion.next(input);
      } catch (error) {
        return done({ error });
      }
      if (next.done) return done({ value: next.value });
      let output = '';
      const subshell = this.newSubshell((text) => (output += text), input?.status);
      this.running = subshell;
      runCommandSubstitution(subshell, next.value, this.line, (status) => {
        this.running = undefined;
        step({ output, status });
      });
    };
    step(undefined);
  }

  signal(signal: Signal): void {
    this.aborted ??= 128 + signalNumbers[signal];
    this.running?.signalShell(signal);
  }
}
