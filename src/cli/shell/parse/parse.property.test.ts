import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExpansionError, expandWord, expandWordFields } from './expand';
import { needsMoreInput, parseScript } from './parseScript';
import { envOf } from './testEnv';

/** Shell-ish text: operators, quotes, expansions, newlines, Korean. */
const shellText = fc
  .array(
    fc.constantFrom(
      ...[
        'a',
        'b',
        ' ',
        '\t',
        '\n',
        '|',
        '&',
        ';',
        '<',
        '>',
        '(',
        ')',
        '"',
        "'",
        '\\',
        '$',
        '{',
        '}',
      ],
      ...['`', '#', '~', '=', ':', '-', '2', '!', 'EOF', '<<', 'X', '토픽', '${', '$(', 'if', 'fi'],
      ...['for', 'in', 'do', 'done', 'while', 'until', 'then', 'else', 'elif', 'case', 'esac'],
      ...[';;', '((', '))', '$((', '[[', ']]', '{1..3}', ',', 'function', '\n', ' ', ' ', ' '],
    ),
    { maxLength: 40 },
  )
  .map((pieces) => pieces.join(''));

const env = envOf({ HOME: '/home/kafka', X: 'a b' });

describe('parser robustness (property)', () => {
  it('never throws: every input yields commands and/or diagnostics', () => {
    fc.assert(
      fc.property(shellText, (text) => {
        const { commands, errors } = parseScript(text);
        // bash stops at the first fatal error (an unclosed quote reports it in two lines, as bash 5.1
        // does); here-documents cut short by the end of input add a warning each before it.
        expect(errors.filter((e) => e.severity === 'error').length <= 2).toBe(true);
        for (const c of commands) expect(c.line <= c.endLine).toBe(true);
      }),
      { numRuns: 3000, seed: 20261122 },
    );
  });

  it('input an interactive shell would run never ends in an end-of-file error', () => {
    fc.assert(
      fc.property(shellText, (text) => {
        if (needsMoreInput(text + '\n')) return;
        expect(parseScript(text + '\n').errors.filter((e) => e.kind === 'eof')).toEqual([]);
      }),
      { numRuns: 3000, seed: 20261122 },
    );
  });

  it('expanding any parsed word either succeeds or throws ExpansionError', () => {
    fc.assert(
      fc.property(shellText, (text) => {
        for (const c of parseScript(text).commands) {
          for (const command of c.items.flatMap((i) => i.pipeline.commands)) {
            const words = command.kind === 'simple' ? command.words : [];
            for (const word of [...words, ...command.redirections.map((r) => r.target)]) {
              try {
                expandWordFields(word, env);
                expandWord(word, env);
              } catch (e) {
                expect(e).toBeInstanceOf(ExpansionError);
              }
            }
          }
        }
      }),
      { numRuns: 3000, seed: 20261122 },
    );
  });
});
