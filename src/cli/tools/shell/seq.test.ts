/**
 * GNU seq (coreutils 9.1): each command's stdout, stderr and exit status as the real tool printed them (Debian 12)
 * on the sample files of `testShell.ts`.
 */
import { describe, expect, it } from 'vitest';
import { sh, TestShell } from './gnu/testShell';
import { SEQ_CHUNK } from './seq';
import type { ShellResult } from './gnu/testShell';

const cases: [string, string, ShellResult][] = [
  ['LAST', 'seq 3', { stdout: '1\n2\n3\n', stderr: '', status: 0 }],
  ['FIRST LAST', 'seq 2 5', { stdout: '2\n3\n4\n5\n', stderr: '', status: 0 }],
  ['FIRST INCREMENT LAST', 'seq 1 2 9', { stdout: '1\n3\n5\n7\n9\n', stderr: '', status: 0 }],
  ['nothing when FIRST is past LAST', 'seq 5 1', { stdout: '', stderr: '', status: 0 }],
  ['a negative increment', 'seq 3 -1 1', { stdout: '3\n2\n1\n', stderr: '', status: 0 }],
  [
    'a fractional increment keeps its precision',
    'seq 1 0.5 3',
    { stdout: '1.0\n1.5\n2.0\n2.5\n3.0\n', stderr: '', status: 0 },
  ],
  [
    'LAST is reached despite rounding',
    'seq 0.1 0.1 0.3',
    { stdout: '0.1\n0.2\n0.3\n', stderr: '', status: 0 },
  ],
  ['-w pads with zeros', 'seq -w 8 10', { stdout: '08\n09\n10\n', stderr: '', status: 0 }],
  ['-s separates', 'seq -s, 3', { stdout: '1,2,3\n', stderr: '', status: 0 }],
  ['-f formats', "seq -f '%03g' 3", { stdout: '001\n002\n003\n', stderr: '', status: 0 }],
  [
    '-f with text around',
    "seq -f 'n=%.1f' 1 3",
    { stdout: 'n=1.0\nn=2.0\nn=3.0\n', stderr: '', status: 0 },
  ],
  [
    'a zero increment',
    'seq 1 0 3',
    {
      stdout: '',
      stderr: "seq: invalid Zero increment value: ‘0’\nTry 'seq --help' for more information.\n",
      status: 1,
    },
  ],
  [
    '-f with an integer directive',
    "seq -f '%d' 3",
    { stdout: '', stderr: 'seq: format ‘%d’ has unknown %d directive\n', status: 1 },
  ],
  [
    '-f and -w together',
    'seq -w -f %g 3',
    {
      stdout: '',
      stderr:
        "seq: format string may not be specified when printing equal width strings\nTry 'seq --help' for more information.\n",
      status: 1,
    },
  ],
  [
    'an extra operand',
    'seq 1 2 3 4',
    {
      stdout: '',
      stderr: "seq: extra operand ‘4’\nTry 'seq --help' for more information.\n",
      status: 1,
    },
  ],
  [
    'a negative FIRST is a number, not an option',
    'seq -1 1',
    { stdout: '-1\n0\n1\n', stderr: '', status: 0 },
  ],
  ['exponents', 'seq 1e2 1e2', { stdout: '100\n', stderr: '', status: 0 }],
  ['.25', 'seq 2 .25 3', { stdout: '2.00\n2.25\n2.50\n2.75\n3.00\n', stderr: '', status: 0 }],
  ['an empty separator', "seq -s '' 3", { stdout: '123\n', stderr: '', status: 0 }],
  ['-w with fractions', 'seq -w 1 0.5 2', { stdout: '1.0\n1.5\n2.0\n', stderr: '', status: 0 }],
  ['LAST below 1', 'seq 0.5', { stdout: '', stderr: '', status: 0 }],
  ['a trailing zero sets the precision', 'seq 1.50 2', { stdout: '1.50\n', stderr: '', status: 0 }],
  [
    '0 to 1 by 0.1 ends at 1.0',
    'seq 0 0.1 1',
    { stdout: '0.0\n0.1\n0.2\n0.3\n0.4\n0.5\n0.6\n0.7\n0.8\n0.9\n1.0\n', stderr: '', status: 0 },
  ],
  [
    '-w across zero',
    'seq -w -5 5',
    { stdout: '-5\n-4\n-3\n-2\n-1\n00\n01\n02\n03\n04\n05\n', stderr: '', status: 0 },
  ],
  [
    'no operand',
    'seq',
    {
      stdout: '',
      stderr: "seq: missing operand\nTry 'seq --help' for more information.\n",
      status: 1,
    },
  ],
  [
    'not a number',
    'seq x',
    {
      stdout: '',
      stderr: "seq: invalid floating point argument: ‘x’\nTry 'seq --help' for more information.\n",
      status: 1,
    },
  ],
  [
    '--version',
    'seq --version',
    {
      stdout:
        'seq (GNU coreutils) 9.1\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Ulrich Drepper.\n',
      stderr: '',
      status: 0,
    },
  ],
];

describe('seq as GNU prints it', () => {
  it.each(cases)('%s (%s)', (_behaviour, command, expected) => {
    expect(sh(command)).toEqual(expected);
  });
});

describe('seq in a pipeline', () => {
  it('writes in chunks of virtual time, so a long sequence can be counted', () => {
    const t = new TestShell();
    const start = t.now;
    expect(t.run('seq 1 100000 | wc -l')).toEqual({ stdout: '100000\n', stderr: '', status: 0 });
    expect(t.now - start).toBe(Math.floor(100000 / SEQ_CHUNK));
  });

  it('feeds a tool as its lines come: seq 1 100 | tail -n 1', () => {
    expect(sh('seq 1 100 | tail -n 1')).toEqual({ stdout: '100\n', stderr: '', status: 0 });
  });
});
