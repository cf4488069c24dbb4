/**
 * Running compound commands (bash manual §3.2.5) in virtual time: `for`, `for ((…))`, `while`,
 * `until`, `if`, `case`, `{ …; }`, `( … )`, `(( … ))`, `[[ … ]]` and function definitions. Their bodies run as command lines do, one command after
 * another as each ends, so a `sleep 1` in a loop advances the clock and a Kafka tool in a loop is
 * waited for. Every iteration yields to the scheduler; a loop whose iterations take no virtual time
 * at all (`while true; do :; done`) is charged 1 ms per iteration after a thousand in a row, so the
 * clock — and Ctrl-C, which ends a loop as in bash — can always reach it and the worker never
 * spins.
 */
import { ArithmeticError, evaluateArithmetic } from '../shell/arithmetic';
import { evaluateConditional } from '../shell/conditional';
import { ExpansionError, patternMatches, quotedTextWord } from '../shell/parse/index';
import type {
  ArithmeticForCommand,
  CaseCommand,
  CompoundCommand,
  ForCommand,
  IfCommand,
  LoopCommand,
  Redirection,
  SimpleCommand,
  Word,
} from '../shell/parse/index';
import type { ExpandedCommand } from './commandExpansion';
import type { Job } from './jobs';
import { applyRedirections } from './redirections';
import type { ShellSession } from './session';
import type { InputSource, OutputSink } from './types';

/** The standard streams a command runs with. */
export interface CommandIo {
  stdin: InputSource;
  stdout: OutputSink;
  stderr: OutputSink;
}

/**
 * `break [n]` or `continue [n]` on its way out through `levels` enclosing loops, or `return [n]`
 * on its way out of a function (through any loops in it) with `status`.
 */
export interface LoopControl {
  kind: 'break' | 'continue' | 'return';
  levels: number;
  status?: number;
}

/** Iterations in one virtual millisecond before each further one is charged 1 ms. */
const freeIterations = 1000;

/** What a compound command needs around it while it runs. */
interface Run {
  shell: ShellSession;
  io: CommandIo;
  background: boolean;
  job: Job | undefined;
}

/**
 * Runs `command` in `shell` (the current shell, or a subshell when it is part of a pipeline or a
 * background job); `done` gets its exit status. Its redirections apply to everything it runs.
 */
export function runCompound(
  shell: ShellSession,
  command: CompoundCommand,
  io: CommandIo,
  background: boolean,
  job: Job | undefined,
  done: (status: number) => void,
): void {
  withRedirections(shell, command.redirections, command.line, io, background, job, done, (io) => {
    const run: Run = { shell, io, background, job };
    switch (command.kind) {
      case 'for':
        return runFor(run, command, done);
      case 'arithmeticFor':
        return runArithmeticFor(run, command, done);
      case 'while':
      case 'until':
        return runWhile(run, command, done);
      case 'if':
        return runIf(run, command, done);
      case 'group':
      case 'subshell':
        // The session has already put a `( … )` in a subshell of its own.
        return shell.runItems(command.body, io, background, job, done);
      case 'arithmetic':
        return expandText(run, command.expression, command.line, done, (text) =>
          done(arithmeticStatus(run, text)),
        );
      case 'conditional':
        return expandWordsThen(run, command.words, command.line, done, 'conditional', (words) =>
          done(conditionalStatus(run, words, command.words)),
        );
      case 'case':
        return runCase(run, command, done);
      case 'function':
        shell.functions.set(command.name, command);
        return shell.defer(() => done(0));
    }
  });
}

/** Expands and applies a compound command's redirections, then runs `body` with the new streams. */
function withRedirections(
  shell: ShellSession,
  redirections: Redirection[],
  line: number,
  io: CommandIo,
  background: boolean,
  job: Job | undefined,
  done: (status: number) => void,
  body: (io: CommandIo) => void,
): void {
  if (redirections.length === 0) return body(io);
  const command: SimpleCommand = { kind: 'simple', assignments: [], words: [], redirections, line };
  shell.expand(command, io, done, background, job, (expanded) => {
    const streams = applyRedirections(expanded.redirections, io, {
      fs: shell.host.fs,
      cwd: shell.cwd,
      defer: shell.defer,
    });
    if ('error' in streams) {
      io.stderr(`bash: ${streams.error}\n`);
      return shell.defer(() => done(1));
    }
    body(streams);
  });
}

/**
 * Expands `words` as command arguments (brace, parameter, command substitution, splitting,
 * globbing) — or, for `[[`, each to one string — then calls `then`.
 */
function expandWordsThen(
  run: Run,
  words: Word[],
  line: number,
  done: (status: number) => void,
  mode: 'fields' | 'conditional',
  then: (words: string[]) => void,
): void {
  const { shell, io, background, job } = run;
  if (mode === 'fields') {
    const command: SimpleCommand = {
      kind: 'simple',
      assignments: [],
      words,
      redirections: [],
      line,
    };
    return shell.expand(command, io, done, background, job, (e: ExpandedCommand) => then(e.argv));
  }
  // `[[` expands without splitting or globbing: each word as an assignment's value.
  const assignments = words.map((value, i) => ({
    name: `_${i}`,
    append: false,
    value,
    raw: value.raw,
  }));
  const command: SimpleCommand = { kind: 'simple', assignments, words: [], redirections: [], line };
  shell.expand(command, io, done, background, job, (e) => then([...e.assignments.values()]));
}

/** Expands `text` as in double quotes (parameters, `$(…)`, `$((…))`), then calls `then`. */
function expandText(
  run: Run,
  text: string,
  line: number,
  done: (status: number) => void,
  then: (text: string) => void,
): void {
  const word = quotedTextWord(text);
  expandWordsThen(run, [word], line, done, 'conditional', ([expanded]) => then(expanded ?? ''));
}

/** `((…))`'s status: 0 when the value is non-zero, 1 when zero or on error (message printed). */
function arithmeticStatus(run: Run, text: string): number {
  try {
    return evaluateArithmetic(text, arithmeticVariables(run.shell)) !== 0n ? 0 : 1;
  } catch (e) {
    if (!(e instanceof ArithmeticError)) throw e;
    run.io.stderr(`bash: ((: ${e.message}\n`);
    return 1;
  }
}

/** What a pattern's expansions read (a `$(…)` in a pattern is not supported). */
function patternEnv(shell: ShellSession) {
  return { get: (name: string) => shell.parameter(name), lastStatus: shell.lastStatus };
}

/** The shell variables arithmetic reads and assigns. */
export function arithmeticVariables(shell: ShellSession) {
  return {
    get: (name: string) => shell.parameter(name),
    set: (name: string, value: string) => shell.vars.set(name, value),
  };
}

function conditionalStatus(run: Run, words: string[], typed: Word[]): number {
  const env = patternEnv(run.shell);
  const matches = (i: number, subject: string) => {
    const pattern = typed[i];
    return pattern !== undefined && patternMatches(subject, pattern, env);
  };
  let result;
  try {
    result = evaluateConditional(
      words,
      { fs: run.shell.host.fs, cwd: run.shell.cwd, arithmetic: arithmeticVariables(run.shell) },
      matches,
    );
  } catch (e) {
    if (!(e instanceof ExpansionError)) throw e;
    result = { error: e.message };
  }
  if ('error' in result) {
    run.io.stderr(`bash: ${result.error}\n`);
    return 2;
  }
  return result.value ? 0 : 1;
}

/**
 * Schedules the next iteration: in the same virtual millisecond while iterations take time or
 * are few, 1 ms later once a thousand in a row have taken none.
 */
function iterationPacer(shell: ShellSession): (next: () => void) => void {
  const scheduler = shell.host.cluster.scheduler;
  /** When the iteration that just ended began. */
  let began = scheduler.now;
  let timeless = 0;
  return (next) => {
    timeless = scheduler.now === began ? timeless + 1 : 0;
    scheduler.schedule(timeless > freeIterations ? 1 : 0, () => {
      began = scheduler.now;
      next();
    });
  };
}

/**
 * Runs a loop: `iteration(next, finish)` runs one pass; the loop ends on `finish`, when the shell
 * halts (Ctrl-C) or on `break`, and skips to the next pass on `continue`.
 */
function loop(
  run: Run,
  done: (status: number) => void,
  iteration: (next: (status: number) => void, finish: (status: number) => void) => void,
): void {
  const { shell } = run;
  const pace = iterationPacer(shell);
  shell.loopDepth++;
  let finished = false;
  const finish = (status: number) => {
    if (finished) return;
    finished = true;
    shell.loopDepth--;
    done(shell.halt ?? status);
  };
  const next = (status: number) => {
    const control = shell.loopControl;
    if (control !== undefined) {
      if (control.kind === 'return' || control.levels > 1) {
        control.levels--;
        return finish(status);
      }
      shell.loopControl = undefined;
      if (control.kind === 'break') return finish(status);
    }
    if (shell.halt !== undefined) return finish(shell.halt);
    pace(() => (shell.halt !== undefined ? finish(shell.halt) : iteration(next, finish)));
  };
  if (shell.halt !== undefined) return finish(shell.halt);
  iteration(next, finish);
}

function runFor(run: Run, command: ForCommand, done: (status: number) => void): void {
  const { shell, io, background, job } = run;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(command.name)) {
    io.stderr(`bash: \`${command.name}': not a valid identifier\n`);
    return shell.defer(() => done(1));
  }
  const words = command.words ?? [positionalParameters];
  expandWordsThen(run, words, command.line, done, 'fields', (values) => {
    let i = 0;
    let status = 0;
    loop(run, done, (next, finish) => {
      if (i >= values.length) return finish(status);
      shell.vars.set(command.name, values[i++]!);
      shell.runItems(command.body, io, background, job, (s) => next((status = s)));
    });
  });
}

/** `for ((init; test; update))`: each expression expanded and evaluated when it is reached. */
function runArithmeticFor(
  run: Run,
  command: ArithmeticForCommand,
  done: (status: number) => void,
): void {
  const { shell, io, background, job } = run;
  /** Evaluates `text`; undefined after an error (printed). */
  const evaluate = (text: string, then: (value: bigint | undefined) => void) =>
    expandText(run, text, command.line, done, (expanded) => {
      try {
        then(
          expanded.trim() === '' ? 1n : evaluateArithmetic(expanded, arithmeticVariables(shell)),
        );
      } catch (e) {
        if (!(e instanceof ArithmeticError)) throw e;
        io.stderr(`bash: ((: ${e.message}\n`);
        then(undefined);
      }
    });
  evaluate(command.init, (init) => {
    if (init === undefined) return done(1);
    let status = 0;
    let first = true;
    loop(run, done, (next, finish) => {
      const test = () =>
        evaluate(command.test, (value) => {
          if (value === undefined) return finish(1);
          if (value === 0n) return finish(status);
          shell.runItems(command.body, io, background, job, (s) => next((status = s)));
        });
      if (first) {
        first = false;
        return test();
      }
      evaluate(command.update, (value) => (value === undefined ? finish(1) : test()));
    });
  });
}

/** `"$@"`: what `for NAME; do` iterates over. */
const positionalParameters: Word = {
  parts: [
    {
      kind: 'parameter',
      name: '@',
      operator: null,
      argument: null,
      length: false,
      quoted: true,
      source: '$@',
    },
  ],
  raw: '"$@"',
};

function runWhile(run: Run, command: LoopCommand, done: (status: number) => void): void {
  const { shell, io, background, job } = run;
  let status = 0;
  loop(run, done, (next, finish) => {
    shell.runItems(command.condition, io, background, job, (condition) => {
      if (shell.loopControl !== undefined || shell.halt !== undefined) return next(condition);
      if ((condition === 0) !== (command.kind === 'while')) return finish(status);
      shell.runItems(command.body, io, background, job, (s) => next((status = s)));
    });
  });
}

function runIf(run: Run, command: IfCommand, done: (status: number) => void): void {
  const { shell, io, background, job } = run;
  const clause = (i: number) => {
    const c = command.clauses[i];
    if (c === undefined) {
      if (command.elseBody === null) return done(0);
      return shell.runItems(command.elseBody, io, background, job, done);
    }
    shell.runItems(c.condition, io, background, job, (status) => {
      if (shell.halt !== undefined || shell.loopControl !== undefined) return done(status);
      if (status === 0) return shell.runItems(c.body, io, background, job, done);
      clause(i + 1);
    });
  };
  clause(0);
}

function runCase(run: Run, command: CaseCommand, done: (status: number) => void): void {
  const { shell, io, background, job } = run;
  expandWordsThen(run, [command.word], command.line, done, 'conditional', ([subject = '']) => {
    const env = patternEnv(shell);
    /** Runs clause `j`'s body, then falls through (`;&`) or goes on matching (`;;&`). */
    const runBody = (j: number, status: number): void => {
      const clause = command.clauses[j];
      if (clause === undefined) return done(status);
      shell.runItems(clause.body, io, background, job, (s) => {
        if (clause.terminator === ';&') return runBody(j + 1, s);
        if (clause.terminator === ';;&') return match(j + 1, s);
        done(s);
      });
    };
    /** Tries the clauses from `i` on; `status` is the command's if none matches. */
    const match = (i: number, status: number): void => {
      for (let k = i; k < command.clauses.length; k++) {
        try {
          if (command.clauses[k]!.patterns.some((p) => patternMatches(subject, p, env)))
            return runBody(k, status);
        } catch (e) {
          if (!(e instanceof ExpansionError)) throw e;
          io.stderr(`bash: ${e.message}\n`);
          return done(1);
        }
      }
      done(status);
    };
    match(0, 0);
  });
}
