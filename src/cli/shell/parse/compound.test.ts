import { describe, expect, it } from 'vitest';
import type { Command, CompoundCommand } from './ast';
import { parseScript } from './parseScript';
import { parseOk } from './testEnv';

/** The first command of `text`, which must be compound. */
function compound(text: string): CompoundCommand {
  const command: Command | undefined = parseOk(text)[0]?.items[0]?.pipeline.commands[0];
  if (command === undefined || command.kind === 'simple') throw new Error('compound expected');
  return command;
}

const firstWords = (items: { pipeline: { commands: Command[] } }[]) =>
  items.map((i) => {
    const c = i.pipeline.commands[0];
    return c?.kind === 'simple' ? c.words[0]?.raw : c?.kind;
  });

describe('compound commands (bash §3.2.5)', () => {
  it('for with in-words, newlines instead of semicolons, and without in', () => {
    const f = compound('for i in {1..3} "a b"\ndo\n  echo $i\n  sleep 1\ndone > out');
    expect(f.kind === 'for' && [f.name, f.words?.map((w) => w.raw), firstWords(f.body)]).toEqual([
      'i',
      ['{1..3}', '"a b"'],
      ['echo', 'sleep'],
    ]);
    expect(f.redirections.map((r) => r.op)).toEqual(['>']);
    const all = compound('for x; do echo; done');
    expect(all.kind === 'for' && all.words).toBeNull();
  });

  it('while, until and if with elif and else', () => {
    const w = compound('while read -r line; do echo "$line"; done < f');
    expect(w.kind === 'while' && [firstWords(w.condition), firstWords(w.body)]).toEqual([
      ['read'],
      ['echo'],
    ]);
    const i = compound('if a; then b; elif c; then d; else e; fi');
    expect(
      i.kind === 'if' && [
        i.clauses.map((c) => [firstWords(c.condition), firstWords(c.body)]),
        firstWords(i.elseBody ?? []),
      ],
    ).toEqual([
      [
        [['a'], ['b']],
        [['c'], ['d']],
      ],
      ['e'],
    ]);
  });

  it('a compound command in a pipeline, with the source kept for jobs', () => {
    const [list] = parseOk(
      'for i in 1 2; do echo $i; done | kafka-console-producer.sh --topic t &',
    );
    const commands = list?.items[0]?.pipeline.commands ?? [];
    expect(commands.map((c) => c.kind)).toEqual(['for', 'simple']);
    expect(commands[0]?.kind === 'for' && commands[0].source).toBe(
      'for i in 1 2; do echo $i; done',
    );
  });

  it('(( )), [[ ]] with its operators, case and functions', () => {
    const a = compound('(( i++ < 10 ))');
    expect(a.kind === 'arithmetic' && a.expression).toBe(' i++ < 10 ');
    const c = compound('[[ -n $x && ( $y == a* || $z < b ) ]]');
    expect(c.kind === 'conditional' && c.words.map((w) => w.raw)).toEqual(
      '-n $x && ( $y == a* || $z < b )'.split(' '),
    );
    const k = compound('case $x in\n  a|b) echo ab;;\n  (*) ;;\nesac');
    expect(k.kind === 'case' && k.clauses.map((cl) => cl.patterns.map((p) => p.raw))).toEqual([
      ['a', 'b'],
      ['*'],
    ]);
    const f = compound('greet() { echo hi; }');
    expect(f.kind === 'function' && [f.name, f.body.kind]).toEqual(['greet', 'group']);
  });

  it('reserved words are reserved only where a command starts, and only unquoted', () => {
    expect(parseScript('echo for do done; "if" x\n').errors).toEqual([]);
  });
});
