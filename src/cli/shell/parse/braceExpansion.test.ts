import { describe, expect, it } from 'vitest';
import { braceExpandWords } from './braceExpansion';
import { expandWords } from './expand';
import { envOf, simpleCommands } from './testEnv';

/** The arguments `text` runs with: brace expansion, then the other expansions. */
function args(text: string): string[] {
  const [command] = simpleCommands(text);
  const env = envOf({ HOME: '/root', x: 'X' });
  return expandWords(braceExpandWords(command?.words ?? []), env).slice(1);
}

describe('brace expansion (bash §3.5.1)', () => {
  it('expands sequences as bash 5.2 does', () => {
    expect(args('echo {1..3} {5..1} {01..03} {a..e..2} {1..10..3} {-3..3..2} {a..c..-1}')).toEqual(
      '1 2 3 5 4 3 2 1 01 02 03 a c e 1 4 7 10 -3 -1 1 3 a b c'.split(' '),
    );
  });

  it('expands lists with prefixes, suffixes and nesting, left to right', () => {
    expect(args('echo msg-{1..3} {1..3}a{x,y} a{b,c{d,e}}f {a,b}{1..2} {,x}y a{,}b')).toEqual(
      'msg-1 msg-2 msg-3 1ax 1ay 2ax 2ay 3ax 3ay abf acdf acef a1 a2 b1 b2 y xy ab ab'.split(' '),
    );
  });

  it('leaves quoted braces, ${…} and braces without a comma or sequence alone', () => {
    expect(args('echo "{a,b}" \'{1..2}\' ${x} {a} x{1..a}y {1..3}{ {x}{,y} {a{b,c}')).toEqual([
      '{a,b}',
      '{1..2}',
      'X',
      '{a}',
      'x{1..a}y',
      '1{',
      '2{',
      '3{',
      '{x}',
      '{x}y',
      '{ab',
      '{ac',
    ]);
  });

  it('runs before parameter expansion and keeps quoted alternatives whole', () => {
    expect(args('echo "$HOME"{a,b} {$x,"b c"}')).toEqual(['/roota', '/rootb', 'X', 'b c']);
  });
});
