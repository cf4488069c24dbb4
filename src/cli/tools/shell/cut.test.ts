/**
 * GNU cut (coreutils 9.1): each command's stdout, stderr and exit status as the real tool printed them (Debian 12)
 * on the sample files of `testShell.ts`.
 */
import { describe, expect, it } from 'vitest';
import { sh } from './gnu/testShell';
import type { ShellResult } from './gnu/testShell';

const cases: [string, string, ShellResult][] = [
  [
    '-f with tab-separated fields',
    'cut -f1 orders.txt',
    {
      stdout: 'Topic: orders\nTopic: orders\nTopic: orders\nTopic: orders\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    'several fields',
    'cut -f2,4 orders.txt',
    {
      stdout:
        'TopicId: abc\nPartition: 0\tReplicas: 1,2,3\nPartition: 1\tReplicas: 2,3,1\nPartition: 2\tReplicas: 3,1,2\n',
      stderr: '',
      status: 0,
    },
  ],
  ['-d', 'cut -d, -f2 csv', { stdout: 'age\n30\n25\n35\n', stderr: '', status: 0 }],
  [
    '--output-delimiter',
    "cut -d, -f1,3 --output-delimiter=' | ' csv",
    { stdout: 'name | city\nalice | paris\nbob | london\ncarol\n', stderr: '', status: 0 },
  ],
  ['-c ranges', 'cut -c1-3 csv', { stdout: 'nam\nali\nbob\ncar\n', stderr: '', status: 0 }],
  [
    'open ranges',
    'cut -c-2,5- csv',
    { stdout: 'na,age,city\nale,30,paris\nbo25,london\ncal,35\n', stderr: '', status: 0 },
  ],
  [
    '--complement',
    'cut --complement -c2 csv',
    { stdout: 'nme,age,city\naice,30,paris\nbb,25,london\ncrol,35\n', stderr: '', status: 0 },
  ],
  [
    '-s drops lines without the delimiter',
    'cut -d, -s -f2 words',
    { stdout: '', stderr: '', status: 0 },
  ],
  [
    'a line without the delimiter is printed whole',
    'cut -f1 words',
    {
      stdout: 'apple banana\nCherry apple\n\nbanana split\nfoo_bar foo\nFOO\nnoeol\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    "-d ' '",
    "cut -d' ' -f2 words",
    { stdout: 'banana\napple\n\nsplit\nfoo\nFOO\nnoeol\n', stderr: '', status: 0 },
  ],
  ['-b counts bytes', 'cut -b1-3 utf', { stdout: 'hé\n日\n', stderr: '', status: 0 }],
  [
    "a Kafka field by ': '",
    'cut -d: -f3 orders.txt',
    { stdout: ' abc\tPartitionCount\n 0\tLeader\n 1\tLeader\n 2\tLeader\n', stderr: '', status: 0 },
  ],
  [
    'an invalid field value',
    'cut -f x csv',
    {
      stdout: '',
      stderr: "cut: invalid field value ‘x’\nTry 'cut --help' for more information.\n",
      status: 1,
    },
  ],
  [
    'fields numbered from 1',
    'cut -f 0 csv',
    {
      stdout: '',
      stderr: "cut: fields are numbered from 1\nTry 'cut --help' for more information.\n",
      status: 1,
    },
  ],
  [
    'a decreasing range',
    'cut -f 3-1 csv',
    {
      stdout: '',
      stderr: "cut: invalid decreasing range\nTry 'cut --help' for more information.\n",
      status: 1,
    },
  ],
  [
    'a range with no endpoint',
    'cut -f - csv',
    {
      stdout: '',
      stderr: "cut: invalid range with no endpoint: -\nTry 'cut --help' for more information.\n",
      status: 1,
    },
  ],
  [
    'positions numbered from 1',
    'cut -c 0 csv',
    {
      stdout: '',
      stderr:
        "cut: byte/character positions are numbered from 1\nTry 'cut --help' for more information.\n",
      status: 1,
    },
  ],
  [
    'only one list',
    'cut -b 1 -f 1 csv',
    {
      stdout: '',
      stderr: "cut: only one list may be specified\nTry 'cut --help' for more information.\n",
      status: 1,
    },
  ],
  [
    'a delimiter of one character',
    'cut -d ab -f1 csv',
    {
      stdout: '',
      stderr:
        "cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n",
      status: 1,
    },
  ],
  [
    '-d only with -f',
    'cut -c1 -d, csv',
    {
      stdout: '',
      stderr:
        "cut: an input delimiter may be specified only when operating on fields\nTry 'cut --help' for more information.\n",
      status: 1,
    },
  ],
  [
    '-s only with -f',
    'cut -s -c1 csv',
    {
      stdout: '',
      stderr:
        "cut: suppressing non-delimited lines makes sense\n\tonly when operating on fields\nTry 'cut --help' for more information.\n",
      status: 1,
    },
  ],
  [
    'no list',
    'cut csv',
    {
      stdout: '',
      stderr:
        "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n",
      status: 1,
    },
  ],
  [
    'a missing file (exit 1)',
    'cut -f1 nope csv',
    {
      stdout: 'name,age,city\nalice,30,paris\nbob,25,london\ncarol,35\n',
      stderr: 'cut: nope: No such file or directory\n',
      status: 1,
    },
  ],
  [
    'a field number too large',
    'cut -f 99999999999999999999 csv',
    {
      stdout: '',
      stderr:
        "cut: field number ‘99999999999999999999’ is too large\nTry 'cut --help' for more information.\n",
      status: 1,
    },
  ],
  ['standard input', "echo 'a:b:c' | cut -d: -f2-", { stdout: 'b:c\n', stderr: '', status: 0 }],
  [
    '--version',
    'cut --version',
    {
      stdout:
        'cut (GNU coreutils) 9.1\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by David M. Ihnat, David MacKenzie, and Jim Meyering.\n',
      stderr: '',
      status: 0,
    },
  ],
];

describe('cut as GNU prints it', () => {
  it.each(cases)('%s (%s)', (_behaviour, command, expected) => {
    expect(sh(command)).toEqual(expected);
  });
});
