/**
 * GNU sort (coreutils 9.1): each command's stdout, stderr and exit status as the real tool printed them (Debian 12)
 * on the sample files of `testShell.ts`.
 */
import { describe, expect, it } from 'vitest';
import { sh } from './gnu/testShell';
import type { ShellResult } from './gnu/testShell';

const cases: [string, string, ShellResult][] = [
  [
    'code point order by default',
    'sort words',
    {
      stdout: '\nCherry apple\nFOO\napple banana\nbanana split\nfoo_bar foo\nnoeol\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    '-r',
    'sort -r words',
    {
      stdout: 'noeol\nfoo_bar foo\nbanana split\napple banana\nFOO\nCherry apple\n\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    '-n: numeric, non-numbers as zero',
    'sort -n nums',
    { stdout: '-3\n\n0x10\nabc\n1e3\n2.5\n 7\n9\n10\n100\n', stderr: '', status: 0 },
  ],
  [
    '-rn',
    'sort -rn nums',
    { stdout: '100\n10\n9\n 7\n2.5\n1e3\nabc\n0x10\n\n-3\n', stderr: '', status: 0 },
  ],
  [
    '-g: floating point, exponents and hex',
    'sort -g nums',
    { stdout: '\nabc\n-3\n2.5\n 7\n9\n10\n0x10\n100\n1e3\n', stderr: '', status: 0 },
  ],
  [
    '-h: human-readable sizes',
    'sort -h nums',
    { stdout: '-3\n\n0x10\nabc\n1e3\n2.5\n 7\n9\n10\n100\n', stderr: '', status: 0 },
  ],
  ['-u', 'sort -u dup', { stdout: 'a\nb\nc\n', stderr: '', status: 0 }],
  [
    '-c reports the first disorder',
    'sort -c dup',
    { stdout: '', stderr: 'sort: dup:7: disorder: a\n', status: 1 },
  ],
  ['-C is silent', 'sort -C dup', { stdout: '', stderr: '', status: 1 }],
  [
    '-t and -k',
    'sort -t, -k2 csv',
    { stdout: 'bob,25,london\nalice,30,paris\ncarol,35\nname,age,city\n', stderr: '', status: 0 },
  ],
  [
    'a key of one field, numeric',
    'sort -t, -k2,2n csv',
    { stdout: 'name,age,city\nbob,25,london\nalice,30,paris\ncarol,35\n', stderr: '', status: 0 },
  ],
  [
    'a missing field sorts first',
    'sort -t, -k3 csv',
    { stdout: 'carol,35\nname,age,city\nbob,25,london\nalice,30,paris\n', stderr: '', status: 0 },
  ],
  [
    '-k without -t: fields include their leading blanks',
    'sort -k2 words',
    {
      stdout: '\nFOO\nnoeol\nCherry apple\napple banana\nfoo_bar foo\nbanana split\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    '-k with a character position',
    'sort -k1.2 words',
    {
      stdout: '\nFOO\nbanana split\nCherry apple\nnoeol\nfoo_bar foo\napple banana\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    'two keys, the second reversed',
    'sort -k2,2 -k1,1r words',
    {
      stdout: 'noeol\nFOO\n\nCherry apple\napple banana\nfoo_bar foo\nbanana split\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    '-f folds case',
    'sort -f words',
    {
      stdout: '\napple banana\nbanana split\nCherry apple\nFOO\nfoo_bar foo\nnoeol\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    '-fu: unique by the folded key',
    'sort -fu words',
    {
      stdout: '\napple banana\nbanana split\nCherry apple\nFOO\nfoo_bar foo\nnoeol\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    '-M month order',
    'sort -M words',
    {
      stdout: '\nCherry apple\nFOO\napple banana\nbanana split\nfoo_bar foo\nnoeol\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    '-V version order',
    'sort -V nums',
    { stdout: '\n0x10\n1e3\n2.5\n9\n10\n100\nabc\n 7\n-3\n', stderr: '', status: 0 },
  ],
  [
    'several files together',
    'sort n f1',
    {
      stdout: '1\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n2\n20\n3\n4\n5\n6\n7\n8\n9\na b\nc\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    'a missing file: nothing sorted, exit 2',
    'sort nope',
    { stdout: '', stderr: 'sort: cannot read: nope: No such file or directory\n', status: 2 },
  ],
  [
    'a directory',
    'sort sub',
    { stdout: '', stderr: 'sort: read failed: sub: Is a directory\n', status: 2 },
  ],
  [
    'a bad field start',
    'sort -k x n',
    {
      stdout: '',
      stderr: 'sort: invalid number at field start: invalid count at start of ‘x’\n',
      status: 2,
    },
  ],
  [
    'field zero',
    'sort -k 0 n',
    {
      stdout: '',
      stderr: 'sort: field number is zero: invalid field specification ‘0’\n',
      status: 2,
    },
  ],
  [
    'character offset zero',
    'sort -k 1.0 n',
    {
      stdout: '',
      stderr: 'sort: character offset is zero: invalid field specification ‘1.0’\n',
      status: 2,
    },
  ],
  [
    'a stray character',
    'sort -k 2x n',
    {
      stdout: '',
      stderr: 'sort: stray character in field spec: invalid field specification ‘2x’\n',
      status: 2,
    },
  ],
  [
    'a multi-character tab',
    'sort -t ab n',
    { stdout: '', stderr: 'sort: multi-character tab ‘ab’\n', status: 2 },
  ],
  ['an empty tab', "sort -t '' n", { stdout: '', stderr: 'sort: empty tab\n', status: 2 }],
  [
    'incompatible orderings',
    'sort -ng n',
    { stdout: '', stderr: "sort: options '-gn' are incompatible\n", status: 2 },
  ],
  [
    '--sort=WORD',
    'sort --sort=numeric nums',
    { stdout: '-3\n\n0x10\nabc\n1e3\n2.5\n 7\n9\n10\n100\n', stderr: '', status: 0 },
  ],
  [
    'an invalid --sort',
    'sort --sort=foo nums',
    {
      stdout: '',
      stderr:
        "sort: invalid argument ‘foo’ for ‘--sort’\nValid arguments are:\n  - ‘general-numeric’\n  - ‘human-numeric’\n  - ‘month’\n  - ‘numeric’\n  - ‘random’\n  - ‘version’\nTry 'sort --help' for more information.\n",
      status: 1,
    },
  ],
  [
    '-c -u: equal lines are disorder too',
    'sort -c -u dup',
    { stdout: '', stderr: 'sort: dup:2: disorder: a\n', status: 1 },
  ],
  [
    '-o writes a file',
    'sort -o out n; cat out',
    {
      stdout: '1\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n2\n20\n3\n4\n5\n6\n7\n8\n9\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    '-s keeps input order among equal keys',
    'sort -s -k1,1 dup',
    { stdout: 'a\na\na\nb\nb\nb\nc\n', stderr: '', status: 0 },
  ],
  [
    '-k1,1n -k2r',
    'sort -k1,1n -k2r words',
    {
      stdout: 'banana split\nfoo_bar foo\napple banana\nCherry apple\n\nFOO\nnoeol\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    'a numeric key of Kafka output',
    'sort -n -k2 orders.txt',
    {
      stdout:
        'Topic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3\nTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,3,1\nTopic: orders\tPartition: 2\tLeader: 3\tReplicas: 3,1,2\tIsr: 3,1,2\nTopic: orders\tTopicId: abc\tPartitionCount: 3\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    '--version',
    'sort --version',
    {
      stdout:
        'sort (GNU coreutils) 9.1\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Mike Haertel and Paul Eggert.\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    'an unknown option (exit 2)',
    'sort -q',
    {
      stdout: '',
      stderr: "sort: invalid option -- 'q'\nTry 'sort --help' for more information.\n",
      status: 2,
    },
  ],
  [
    'multibyte text',
    'sort utf words',
    {
      stdout:
        '\nCherry apple\nFOO\napple banana\nbanana split\nfoo_bar foo\nhéllo wörld\nnoeol\n日本語 テキスト\n',
      stderr: '',
      status: 0,
    },
  ],
];

describe('sort as GNU prints it', () => {
  it.each(cases)('%s (%s)', (_behaviour, command, expected) => {
    expect(sh(command)).toEqual(expected);
  });
});
