/**
 * Simple command expansion (bash manual §3.7.1), in bash's order: the words (brace expansion
 * first, pathname expansion last), then the assignments before them, then the redirection targets and here-document
 * bodies. It is one {@link Expansion}: the shell runs each command substitution it yields in a
 * subshell and resumes it with the output, so `$(…)` anywhere in the command is waited for in
 * virtual time.
 */
import type { VirtualFs } from '../host/virtualFs';
import { braceExpandWords, fieldsExpansion, wordExpansion } from '../shell/parse/index';
import type { Expansion, ExpansionEnv, Redirection, SimpleCommand } from '../shell/parse/index';
import { expandPathname, hasUnquotedGlob } from './pathnameExpansion';

/** A redirection with its target expanded; `text` is the input of `<<`, `<<-` and `<<<`. */
export interface ExpandedRedirection {
  redirection: Redirection;
  target: string;
  text?: string;
}

/** A simple command ready to run. */
export interface ExpandedCommand {
  /** The argument vector; empty when the command was only assignments (or expanded to nothing). */
  argv: string[];
  /** `NAME=value` before the command, values expanded (`+=` already appended), in order. */
  assignments: Map<string, string>;
  redirections: ExpandedRedirection[];
  /**
   * The exit status of the last command substitution, if there was one: the command's status
   * when no command runs (`X=$(false)` → 1, bash §3.7.1).
   */
  substitutionStatus?: number;
}

/** What expansion reads from the shell running the command. */
export interface ExpansionShell {
  /** A variable or special parameter (`$`, `!`, `0`, `#`, …). */
  get(name: string): string | undefined;
  /** Sets a shell variable (`${X:=word}`). */
  set(name: string, value: string): void;
  lastStatus: number;
  fs: VirtualFs;
  cwd: string;
}

/** Expands `command`; see the module comment for the order. */
export function* commandExpansion(
  command: SimpleCommand,
  shell: ExpansionShell,
): Expansion<ExpandedCommand> {
  const assignments = new Map<string, string>();
  let substitutionStatus: number | undefined;
  const env: ExpansionEnv = {
    // Each assignment sees the ones before it (`A=1 B=$A`).
    get: (name) => assignments.get(name) ?? shell.get(name),
    set: (name, value) => shell.set(name, value),
    lastStatus: shell.lastStatus,
  };
  /** Forwards the substitutions of `expansion`; `$?` for later words is the last one's status. */
  function* tracked<T>(expansion: Expansion<T>): Expansion<T> {
    for (let step = expansion.next(); ;) {
      if (step.done) return step.value;
      const result = yield step.value;
      env.lastStatus = substitutionStatus = result.status;
      step = expansion.next(result);
    }
  }

  const argv: string[] = [];
  for (const word of braceExpandWords(command.words)) {
    const fields = yield* tracked(fieldsExpansion(word, env));
    argv.push(
      ...(hasUnquotedGlob(word.raw)
        ? fields.flatMap((f) => expandPathname(f, shell.fs, shell.cwd))
        : fields),
    );
  }
  for (const a of command.assignments) {
    const value = yield* tracked(wordExpansion(a.value, env));
    const before = a.append ? (assignments.get(a.name) ?? shell.get(a.name) ?? '') : '';
    assignments.set(a.name, before + value);
  }
  const redirections: ExpandedRedirection[] = [];
  for (const r of command.redirections) {
    const hereDoc = r.hereDoc;
    if (hereDoc) {
      const text = hereDoc.quoted ? hereDoc.text : yield* tracked(wordExpansion(hereDoc.body, env));
      redirections.push({ redirection: r, target: '', text });
      continue;
    }
    const target = yield* tracked(wordExpansion(r.target, env));
    redirections.push({ redirection: r, target, text: r.op === '<<<' ? `${target}\n` : undefined });
  }
  return { argv, assignments, redirections, substitutionStatus };
}
