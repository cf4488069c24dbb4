import { describe, expect, it } from 'vitest';
import { formatAndOrList, formatPipeline, historyLine } from './format';
import { andOrLists, defaultFd } from './lists';
import { parseOk } from './testEnv';

/** The and-or lists of `text` as `jobs` would print them. */
function jobsText(text: string): string[] {
  return parseOk(text).flatMap((l) => andOrLists(l.items).map(formatAndOrList));
}

// Compared with `jobs` output of GNU bash 5.2.
describe('commands printed back as bash shows them in jobs', () => {
  it('normalises blanks and puts a space after redirection operators', () => {
    expect(jobsText('sleep 1   >/dev/null  2>&1 &')).toEqual(['sleep 1 > /dev/null 2>&1']);
  });

  it('keeps words as typed, quotes included, and assignments first', () => {
    expect(jobsText(`X=1  Y="2 3" echo "a  b" 'c d' x\\ y >>out 2>err </dev/null | cat`)).toEqual([
      `X=1 Y="2 3" echo "a  b" 'c d' x\\ y >> out 2> err < /dev/null | cat`,
    ]);
  });

  it('joins and-or lists with their operators', () => {
    expect(jobsText('sleep 1 && echo hi || echo no &')).toEqual(['sleep 1 && echo hi || echo no']);
  });

  it('prints here-documents and here-strings like bash', () => {
    expect(jobsText('cat <<EOF &\nhello\nEOF\ncat <<< "hs" &> /dev/null')).toEqual([
      'cat <<EOF',
      'cat <<< "hs" &> /dev/null',
    ]);
  });

  it('prints a negated pipeline with !', () => {
    const pipeline = parseOk('! grep -q x f')[0]?.items[0]?.pipeline;
    expect(pipeline && formatPipeline(pipeline)).toBe('! grep -q x f');
  });
});

describe('defaultFd', () => {
  it('is 0 for input operators and 1 for output operators', () => {
    expect((['<', '<<', '<<-', '<<<', '<>', '<&'] as const).map(defaultFd)).toEqual([
      0, 0, 0, 0, 0, 0,
    ]);
    expect((['>', '>>', '>|', '>&', '&>', '&>>'] as const).map(defaultFd)).toEqual([
      1, 1, 1, 1, 1, 1,
    ]);
  });
});

describe('historyLine (bash cmdhist)', () => {
  it('joins a multi-line compound command as bash history shows it', () => {
    expect(historyLine('for i in a b\ndo\n  echo $i\ndone')).toBe('for i in a b; do echo $i; done');
    expect(historyLine('while true; do\n  if [ -f x ]; then\n    break\n  fi\ndone')).toBe(
      'while true; do if [ -f x ]; then break; fi; done',
    );
    expect(historyLine('case $x in\n  a) echo a;;\nesac')).toBe('case $x in a) echo a;; esac');
    expect(historyLine('echo a |\n  wc -l')).toBe('echo a | wc -l');
  });

  it('keeps here-documents and one-line commands as typed', () => {
    expect(historyLine('cat <<EOF\nx\nEOF')).toBe('cat <<EOF\nx\nEOF');
    expect(historyLine('echo hi')).toBe('echo hi');
  });
});
