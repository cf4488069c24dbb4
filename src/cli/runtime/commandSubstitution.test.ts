import { describe, expect, it } from 'vitest';
import { parseScript, wordsExpansion } from '../shell/parse/index';
import type { ParsedList } from '../shell/parse/index';
import { simpleCommandOf } from '../shell/parse/testEnv';
import { PendingExpansion, runCommandSubstitution } from './commandSubstitution';
import type { ExpansionOutcome, Subshell } from './commandSubstitution';
import type { Signal } from './types';

/** A subshell that records what it is asked to run and finishes each list when told to. */
class ScriptedSubshell implements Subshell {
  lastStatus = 0;
  stderr = '';
  readonly ran: ParsedList[] = [];
  readonly signals: Signal[] = [];
  private finish: (() => void) | undefined;

  constructor(readonly stdout: (text: string) => void = () => {}) {}

  submit(list: ParsedList, done: (status: number) => void): void {
    this.ran.push(list);
    this.finish = () => done(this.lastStatus);
  }
  /** Ends the list running now with `status`, having printed `output`. */
  end(output: string, status: number): void {
    this.stdout(output);
    this.lastStatus = status;
    const finish = this.finish;
    this.finish = undefined;
    finish?.();
  }
  signalShell(signal: Signal): void {
    this.signals.push(signal);
  }
  writeError(text: string): void {
    this.stderr += text;
  }
}

const commandOf = (text: string) => simpleCommandOf(parseScript(text).commands[0]!);
const env = { get: () => undefined, lastStatus: 0 };

describe('runCommandSubstitution', () => {
  it('runs each command line of the source in order and reports the last status', () => {
    const shell = new ScriptedSubshell();
    let status: number | undefined;
    runCommandSubstitution(shell, 'echo a\necho b', 1, (s) => (status = s));
    expect(shell.ran.map((l) => l.source)).toEqual(['echo a']);
    shell.end('a\n', 0);
    shell.end('b\n', 5);
    expect(shell.ran.map((l) => l.source)).toEqual(['echo a', 'echo b']);
    expect(status).toBe(5);
  });

  it('a syntax error is reported as bash 5.1 reports it in a substitution, with status 2', () => {
    const shell = new ScriptedSubshell();
    let status: number | undefined;
    runCommandSubstitution(shell, 'echo a | | b', 1, (s) => (status = s));
    expect(shell.ran).toEqual([]);
    expect(status).toBe(2);
    expect(shell.stderr).toBe(
      "bash: command substitution: line 1: syntax error near unexpected token `|'\n" +
        "bash: command substitution: line 1: `echo a | | b'\n",
    );
  });

  it('commands before a syntax error on a later line run first; lines count on from the command’s', () => {
    const shell = new ScriptedSubshell();
    let status: number | undefined;
    runCommandSubstitution(shell, 'echo a\n;;', 4, (s) => (status = s));
    expect(shell.stderr).toBe('');
    shell.end('a\n', 0);
    expect(status).toBe(2);
    expect(shell.stderr).toContain(
      "command substitution: line 5: syntax error near unexpected token `;;'",
    );
  });

  it('an empty substitution runs nothing and keeps $?', () => {
    const shell = new ScriptedSubshell();
    shell.lastStatus = 7;
    let status: number | undefined;
    runCommandSubstitution(shell, '  ', 1, (s) => (status = s));
    expect(shell.ran).toEqual([]);
    expect(status).toBe(7);
  });

  it('$(< file) runs as cat < file', () => {
    const shell = new ScriptedSubshell();
    runCommandSubstitution(shell, '< cluster.id', 1, () => {});
    const command = shell.ran[0]!.items[0]!.pipeline.commands[0]!;
    if (command.kind !== 'simple') throw new Error('a simple command expected');
    expect(command.words.map((w) => w.raw)).toEqual(['cat']);
    expect(command.redirections.map((r) => [r.op, r.target.raw])).toEqual([['<', 'cluster.id']]);
  });
});

describe('PendingExpansion', () => {
  /** A pending expansion of `text`'s words whose subshells are kept in `shells`. */
  function pending(text: string) {
    const shells: ScriptedSubshell[] = [];
    const statuses: (number | undefined)[] = [];
    const expansion = new PendingExpansion(
      wordsExpansion(commandOf(text).words, env),
      1,
      (capture, lastStatus) => {
        statuses.push(lastStatus);
        const shell = new ScriptedSubshell(capture);
        shells.push(shell);
        return shell;
      },
    );
    let outcome: ExpansionOutcome<string[]> | undefined;
    expansion.start((o) => (outcome = o));
    return { expansion, shells, statuses, outcome: () => outcome };
  }

  it('without a substitution it finishes before start returns', () => {
    expect(pending('echo a b').outcome()).toEqual({ value: ['echo', 'a', 'b'] });
  });

  it('waits for each substitution in turn; the next subshell sees the previous status as $?', () => {
    const p = pending('echo $(one) $(two)');
    expect(p.shells).toHaveLength(1);
    expect(p.outcome()).toBeUndefined();
    p.shells[0]!.end('1\n', 4);
    expect(p.shells).toHaveLength(2);
    p.shells[1]!.end('2\n', 0);
    expect(p.statuses).toEqual([undefined, 4]);
    expect(p.outcome()).toEqual({ value: ['echo', '1', '2'] });
  });

  it('a signal reaches the running subshell and abandons the command with 128 + signal', () => {
    const p = pending('echo $(consume) $(never)');
    p.expansion.signal('SIGINT');
    expect(p.shells[0]!.signals).toEqual(['SIGINT']);
    expect(p.outcome()).toBeUndefined();
    p.shells[0]!.end('', 130);
    expect(p.shells).toHaveLength(1);
    expect(p.outcome()).toEqual({ aborted: 130 });
  });

  it('an expansion error after a substitution is the outcome', () => {
    const p = pending('echo $(date) ${a b}');
    p.shells[0]!.end('now\n', 0);
    expect(p.outcome()).toMatchObject({ error: { code: 'BAD_SUBSTITUTION' } });
  });
});
