/**
 * GNU tr (coreutils 9.1): each command's stdout, stderr and exit status as the real tool printed them (Debian 12)
 * on the sample files of `testShell.ts`.
 */
import { describe, expect, it } from 'vitest';
import { sh } from './gnu/testShell';
import type { ShellResult } from './gnu/testShell';

const cases: [string, string, ShellResult][] = [
  [
    '-s squeezes',
    "echo 'hello   world' | tr -s ' '",
    { stdout: 'hello world\n', stderr: '', status: 0 },
  ],
  ['ranges', 'echo hello | tr a-z A-Z', { stdout: 'HELLO\n', stderr: '', status: 0 }],
  [
    'classes upper and lower',
    "echo hello | tr '[:lower:]' '[:upper:]'",
    { stdout: 'HELLO\n', stderr: '', status: 0 },
  ],
  ['-d deletes', 'echo hello | tr -d l', { stdout: 'heo\n', stderr: '', status: 0 }],
  [
    '-cd keeps only the set',
    "echo 'a1b2' | tr -cd '[:digit:]\\n'",
    { stdout: '12\n', stderr: '', status: 0 },
  ],
  [
    'translation pairs characters',
    'echo hello | tr el ip',
    { stdout: 'hippo\n', stderr: '', status: 0 },
  ],
  [
    '-t truncates SET1',
    'echo hello | tr -t abcde xy',
    { stdout: 'hello\n', stderr: '', status: 0 },
  ],
  [
    'SET2 is extended with its last character',
    "echo hello | tr 'a-z' 'x'",
    { stdout: 'xxxxx\n', stderr: '', status: 0 },
  ],
  [
    '-s with translation squeezes SET2',
    "echo aabbcc | tr -s 'a-c' 'x-z'",
    { stdout: 'xyz\n', stderr: '', status: 0 },
  ],
  [
    '-c with translation',
    "echo hello | tr -c 'a-z\\n' '_'",
    { stdout: 'hello\n', stderr: '', status: 0 },
  ],
  ['[c*] fills SET2', "echo abc | tr 'abc' '[x*]'", { stdout: 'xxx\n', stderr: '', status: 0 }],
  [
    '[c*n] repeats',
    "echo abcdef | tr 'a-f' '[x*2]yz'",
    { stdout: 'xxyzzz\n', stderr: '', status: 0 },
  ],
  [
    'escapes',
    "cat csv | tr , '\\t'",
    {
      stdout: 'name\tage\tcity\nalice\t30\tparis\nbob\t25\tlondon\ncarol\t35\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    'deleting newlines',
    "cat words | tr -d '\\n'",
    { stdout: 'apple bananaCherry applebanana splitfoo_bar fooFOOnoeol', stderr: '', status: 0 },
  ],
  [
    '-ds deletes then squeezes',
    'tr -ds a p < words',
    { stdout: 'ple bnn\nCherry ple\n\nbnn split\nfoo_br foo\nFOO\nnoeol', stderr: '', status: 0 },
  ],
  [
    'a trailing backslash warns',
    "echo x | tr 'a\\' b",
    {
      stdout: 'x\n',
      stderr: 'tr: warning: an unescaped backslash at end of string is not portable\n',
      status: 0,
    },
  ],
  [
    'no operand',
    'tr',
    {
      stdout: '',
      stderr: "tr: missing operand\nTry 'tr --help' for more information.\n",
      status: 1,
    },
  ],
  [
    '-d without a set',
    'tr -d',
    {
      stdout: '',
      stderr: "tr: missing operand\nTry 'tr --help' for more information.\n",
      status: 1,
    },
  ],
  [
    'one set too many for -d',
    'tr -d a b',
    {
      stdout: '',
      stderr:
        "tr: extra operand ‘b’\nOnly one string may be given when deleting without squeezing repeats.\nTry 'tr --help' for more information.\n",
      status: 1,
    },
  ],
  [
    'an extra operand',
    'tr -s a b c',
    {
      stdout: '',
      stderr: "tr: extra operand ‘c’\nTry 'tr --help' for more information.\n",
      status: 1,
    },
  ],
  [
    'a reversed range',
    'tr z-a x',
    {
      stdout: '',
      stderr: "tr: range-endpoints of 'z-a' are in reverse collating sequence order\n",
      status: 1,
    },
  ],
  [
    'an empty SET2',
    "tr a ''",
    { stdout: '', stderr: 'tr: when not truncating set1, string2 must be non-empty\n', status: 1 },
  ],
  [
    'a repeat in SET1',
    "tr '[a*]' x",
    { stdout: '', stderr: 'tr: the [c*] repeat construct may not appear in string1\n', status: 1 },
  ],
  [
    'a class in SET2 other than upper and lower',
    "tr a '[:digit:]'",
    {
      stdout: '',
      stderr:
        "tr: when translating, the only character classes that may appear in\nstring2 are 'upper' and 'lower'\n",
      status: 1,
    },
  ],
  [
    'an unknown class',
    "tr '[:foo:]' x",
    { stdout: '', stderr: 'tr: invalid character class ‘foo’\n', status: 1 },
  ],
  [
    'a missing SET2',
    'tr a',
    {
      stdout: '',
      stderr:
        "tr: missing operand after ‘a’\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n",
      status: 1,
    },
  ],
  [
    '--version',
    'tr --version',
    {
      stdout:
        'tr (GNU coreutils) 9.1\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Jim Meyering.\n',
      stderr: '',
      status: 0,
    },
  ],
];

describe('tr as GNU prints it', () => {
  it.each(cases)('%s (%s)', (_behaviour, command, expected) => {
    expect(sh(command)).toEqual(expected);
  });
});
