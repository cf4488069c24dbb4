import { describe, expect, it } from 'vitest';
import { VirtualFs } from '../host/virtualFs';
import { parseScript } from '../shell/parse/index';
import { simpleCommandOf } from '../shell/parse/testEnv';
import { commandExpansion } from './commandExpansion';
import type { ExpandedCommand, ExpansionShell } from './commandExpansion';

function shellWith(vars: Record<string, string>, lastStatus = 0): ExpansionShell {
  return {
    get: (name) => vars[name],
    set: (name, value) => (vars[name] = value),
    lastStatus,
    fs: new VirtualFs({
      '/opt/kafka/config/server.properties': '',
      '/opt/kafka/config/a.properties': '',
    }),
    cwd: '/opt/kafka',
  };
}

/** Expands the first command of `text`, answering substitutions with `outputs` in turn (status = index). */
function expand(text: string, shell: ExpansionShell, outputs: string[] = []) {
  const command = simpleCommandOf(parseScript(text).commands[0]!);
  const expansion = commandExpansion(command, shell);
  const sources: string[] = [];
  for (let step = expansion.next(); ;) {
    if (step.done) return { expanded: step.value, sources };
    sources.push(step.value);
    step = expansion.next({ output: outputs[sources.length - 1] ?? '', status: sources.length });
  }
}

const argvOf = (e: { expanded: ExpandedCommand }) => e.expanded.argv;

describe('commandExpansion (bash manual §3.7.1)', () => {
  it('substitutions run in bash order: words, then assignments, then redirection targets', () => {
    const { sources } = expand('A=$(a) echo $(w1) > $(r) $(w2)', shellWith({}));
    expect(sources).toEqual(['w1', 'w2', 'a', 'r']);
  });

  it('assignments see the ones before them; += appends to the current value', () => {
    const { expanded } = expand('A=1 B=$A C+=x', shellWith({ C: 'c' }));
    expect([...expanded.assignments]).toEqual([
      ['A', '1'],
      ['B', '1'],
      ['C', 'cx'],
    ]);
    expect(expanded.argv).toEqual([]);
  });

  it('substitutionStatus is the last substitution’s status, undefined without one', () => {
    expect(expand('X=$(a) Y=$(b)', shellWith({})).expanded.substitutionStatus).toBe(2);
    expect(expand('X=1', shellWith({})).expanded.substitutionStatus).toBeUndefined();
  });

  it('an assignment after a substitution in the words sees its $?', () => {
    const { expanded } = expand('S=$? env $(a)', shellWith({}, 9));
    expect(expanded.assignments.get('S')).toBe('1');
  });

  it('unquoted glob words are matched against the filesystem', () => {
    expect(argvOf(expand('ls config/*.properties', shellWith({})))).toEqual([
      'ls',
      'config/a.properties',
      'config/server.properties',
    ]);
  });

  it('here-documents and here-strings expand to input text; quoted bodies stay literal', () => {
    const { expanded } = expand(
      'cat <<EOF <<<"$(id)" <<\'Q\'\n$(date)\nEOF\n$(x)\nQ\n',
      shellWith({}),
      ['now\n', 'root\n'],
    );
    expect(expanded.redirections.map((r) => r.text)).toEqual(['now\n', 'root\n', '$(x)\n']);
  });
});
