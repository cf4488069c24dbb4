/**
 * GNU wc (coreutils 9.1): each command's stdout, stderr and exit status as the real tool printed them (Debian 12)
 * on the sample files of `testShell.ts`.
 */
import { describe, expect, it } from 'vitest';
import { sh } from './gnu/testShell';
import type { ShellResult } from './gnu/testShell';

const cases: [string, string, ShellResult][] = [
  [
    'lines, words and bytes of a file, as wide as its size needs',
    'wc f1',
    { stdout: '2 3 6 f1\n', stderr: '', status: 0 },
  ],
  ['-l', 'wc -l f1', { stdout: '2 f1\n', stderr: '', status: 0 }],
  [
    'several files: columns as wide as the total size, then total',
    'wc f1 n',
    { stdout: ' 2  3  6 f1\n20 20 51 n\n22 23 57 total\n', stderr: '', status: 0 },
  ],
  ['-lw', 'wc -lw f1 n', { stdout: ' 2  3 f1\n20 20 n\n22 23 total\n', stderr: '', status: 0 }],
  [
    'a missing file is reported, the rest counted (exit 1)',
    'wc -c f1 nope',
    { stdout: '6 f1\n6 total\n', stderr: 'wc: nope: No such file or directory\n', status: 1 },
  ],
  [
    'a missing first file makes the columns narrow',
    'wc nope f1',
    {
      stdout: '2 3 6 f1\n2 3 6 total\n',
      stderr: 'wc: nope: No such file or directory\n',
      status: 1,
    },
  ],
  ['-m counts characters', 'wc -m utf', { stdout: '21 utf\n', stderr: '', status: 0 }],
  ['-c counts bytes', 'wc -c utf', { stdout: '37 utf\n', stderr: '', status: 0 }],
  [
    '-L: the longest line, East Asian characters two columns wide',
    'wc -L utf',
    { stdout: '15 utf\n', stderr: '', status: 0 },
  ],
  ['-w', 'wc -w words', { stdout: '10 words\n', stderr: '', status: 0 }],
  ['an empty file', 'wc empty', { stdout: '0 0 0 empty\n', stderr: '', status: 0 }],
  [
    'standard input with one count: no padding',
    'cat n | wc -l',
    { stdout: '20\n', stderr: '', status: 0 },
  ],
  [
    'standard input: columns at least 7 wide',
    'cat n | wc',
    { stdout: '     20      20      51\n', stderr: '', status: 0 },
  ],
  [
    '- among files',
    'cat f1 | wc -c - f1',
    { stdout: '      6 -\n      6 f1\n     12 total\n', stderr: '', status: 0 },
  ],
  [
    'a directory',
    'wc sub',
    { stdout: '      0       0       0 sub\n', stderr: 'wc: sub: Is a directory\n', status: 1 },
  ],
  [
    'a last line without newline counts no newline',
    'wc words',
    { stdout: ' 6 10 61 words\n', stderr: '', status: 0 },
  ],
  [
    '--version',
    'wc --version',
    {
      stdout:
        'wc (GNU coreutils) 9.1\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Paul Rubin and David MacKenzie.\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    'an unknown option',
    'wc -x',
    {
      stdout: '',
      stderr: "wc: invalid option -- 'x'\nTry 'wc --help' for more information.\n",
      status: 1,
    },
  ],
  ['all five counts', 'wc -clmwL n', { stdout: '20 20 51 51  2 n\n', stderr: '', status: 0 }],
];

describe('wc as GNU prints it', () => {
  it.each(cases)('%s (%s)', (_behaviour, command, expected) => {
    expect(sh(command)).toEqual(expected);
  });
});
