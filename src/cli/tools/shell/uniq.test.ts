/**
 * GNU uniq (coreutils 9.1): each command's stdout, stderr and exit status as the real tool printed them (Debian 12)
 * on the sample files of `testShell.ts`.
 */
import { describe, expect, it } from 'vitest';
import { sh } from './gnu/testShell';
import type { ShellResult } from './gnu/testShell';

const cases: [string, string, ShellResult][] = [
  ['adjacent duplicates merged', 'uniq dup', { stdout: 'a\nb\nc\na\n', stderr: '', status: 0 }],
  [
    '-c counts',
    'uniq -c dup',
    { stdout: '      2 a\n      3 b\n      1 c\n      1 a\n', stderr: '', status: 0 },
  ],
  ['-d only repeated lines', 'uniq -d dup', { stdout: 'a\nb\n', stderr: '', status: 0 }],
  ['-u only unique lines', 'uniq -u dup', { stdout: 'c\na\n', stderr: '', status: 0 }],
  ['-D every repeated line', 'uniq -D dup', { stdout: 'a\na\nb\nb\nb\n', stderr: '', status: 0 }],
  [
    '--group separates groups',
    'uniq --group dup',
    { stdout: 'a\na\n\nb\nb\nb\n\nc\n\na\n', stderr: '', status: 0 },
  ],
  [
    '--group=both',
    'uniq --group=both dup',
    { stdout: '\na\na\n\nb\nb\nb\n\nc\n\na\n\n', stderr: '', status: 0 },
  ],
  [
    '--group=append',
    'uniq --group=append dup',
    { stdout: 'a\na\n\nb\nb\nb\n\nc\n\na\n\n', stderr: '', status: 0 },
  ],
  [
    '--group=prepend',
    'uniq --group=prepend dup',
    { stdout: '\na\na\n\nb\nb\nb\n\nc\n\na\n', stderr: '', status: 0 },
  ],
  [
    '--all-repeated=separate',
    'uniq --all-repeated=separate dup',
    { stdout: 'a\na\n\nb\nb\nb\n', stderr: '', status: 0 },
  ],
  [
    '--all-repeated=prepend',
    'uniq --all-repeated=prepend dup',
    { stdout: '\na\na\n\nb\nb\nb\n', stderr: '', status: 0 },
  ],
  [
    '-i ignores case',
    'uniq -i words',
    {
      stdout: 'apple banana\nCherry apple\n\nbanana split\nfoo_bar foo\nFOO\nnoeol\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    '-f skips fields',
    'uniq -f1 words',
    {
      stdout: 'apple banana\nCherry apple\n\nbanana split\nfoo_bar foo\nFOO\n',
      stderr: '',
      status: 0,
    },
  ],
  ['-s skips characters', 'uniq -s1 dup', { stdout: 'a\n', stderr: '', status: 0 }],
  [
    '-w compares at most N characters',
    'uniq -w1 dup',
    { stdout: 'a\nb\nc\na\n', stderr: '', status: 0 },
  ],
  [
    'a bad field count',
    'uniq -f x dup',
    { stdout: '', stderr: 'uniq: x: invalid number of fields to skip\n', status: 1 },
  ],
  [
    '-c with -D is refused',
    'uniq -c -D dup',
    {
      stdout: '',
      stderr:
        "uniq: printing all duplicated lines and repeat counts is meaningless\nTry 'uniq --help' for more information.\n",
      status: 1,
    },
  ],
  [
    'an extra operand',
    'uniq dup out x',
    {
      stdout: '',
      stderr: "uniq: extra operand ‘x’\nTry 'uniq --help' for more information.\n",
      status: 1,
    },
  ],
  [
    'a missing input',
    'uniq nope',
    { stdout: '', stderr: 'uniq: nope: No such file or directory\n', status: 1 },
  ],
  [
    'OUTPUT names the output file',
    'uniq dup out; cat out',
    { stdout: 'a\nb\nc\na\n', stderr: '', status: 0 },
  ],
  [
    'an invalid --all-repeated',
    'uniq --all-repeated=foo dup',
    {
      stdout: '',
      stderr:
        "uniq: invalid argument ‘foo’ for ‘--all-repeated’\nValid arguments are:\n  - ‘none’\n  - ‘prepend’\n  - ‘separate’\nTry 'uniq --help' for more information.\n",
      status: 1,
    },
  ],
  [
    'standard input',
    "printf 'x\\nx\\ny\\n' | uniq -c",
    { stdout: '      2 x\n      1 y\n', stderr: '', status: 0 },
  ],
  [
    '--version',
    'uniq --version',
    {
      stdout:
        'uniq (GNU coreutils) 9.1\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Richard M. Stallman and David MacKenzie.\n',
      stderr: '',
      status: 0,
    },
  ],
];

describe('uniq as GNU prints it', () => {
  it.each(cases)('%s (%s)', (_behaviour, command, expected) => {
    expect(sh(command)).toEqual(expected);
  });
});
