/**
 * GNU head (coreutils 9.1): each command's stdout, stderr and exit status as the real tool printed them (Debian 12)
 * on the sample files of `testShell.ts`.
 */
import { describe, expect, it } from 'vitest';
import { sh, TestShell } from './gnu/testShell';
import type { ShellResult } from './gnu/testShell';

const cases: [string, string, ShellResult][] = [
  [
    'the first 10 lines by default',
    'head n',
    { stdout: '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n', stderr: '', status: 0 },
  ],
  ['-n NUM', 'head -n 3 n', { stdout: '1\n2\n3\n', stderr: '', status: 0 }],
  ['-NUM, the obsolete form', 'head -3 n', { stdout: '1\n2\n3\n', stderr: '', status: 0 }],
  [
    '-n -NUM: all but the last NUM lines',
    'head -n -17 n',
    { stdout: '1\n2\n3\n', stderr: '', status: 0 },
  ],
  ['-c NUM bytes', 'head -c 5 n', { stdout: '1\n2\n3', stderr: '', status: 0 }],
  [
    '-c -NUM: all but the last NUM bytes',
    'head -c -40 n',
    { stdout: '1\n2\n3\n4\n5\n6', stderr: '', status: 0 },
  ],
  ['a multiplier suffix', 'head -c 1k n | wc -c', { stdout: '51\n', stderr: '', status: 0 }],
  [
    'headers for several files, a blank line between',
    'head -n 1 f1 n',
    { stdout: '==> f1 <==\na b\n\n==> n <==\n1\n', stderr: '', status: 0 },
  ],
  [
    'a missing file is reported and the others printed (exit 1)',
    'head -n 1 f1 nope n',
    {
      stdout: '==> f1 <==\na b\n\n==> n <==\n1\n',
      stderr: "head: cannot open 'nope' for reading: No such file or directory\n",
      status: 1,
    },
  ],
  [
    'a directory: its header, then the error',
    'head -n 1 f1 sub',
    {
      stdout: '==> f1 <==\na b\n\n==> sub <==\n',
      stderr: "head: error reading 'sub': Is a directory\n",
      status: 1,
    },
  ],
  ['-q leaves out the headers', 'head -q -n 1 f1 n', { stdout: 'a b\n1\n', stderr: '', status: 0 }],
  [
    '-v prints a header for one file',
    'head -v -n 1 f1',
    { stdout: '==> f1 <==\na b\n', stderr: '', status: 0 },
  ],
  [
    'standard input is "standard input"',
    'echo hi | head -v',
    { stdout: '==> standard input <==\nhi\n', stderr: '', status: 0 },
  ],
  [
    '- among files',
    'echo hi | head -n 1 - f1',
    { stdout: '==> standard input <==\nhi\n\n==> f1 <==\na b\n', stderr: '', status: 0 },
  ],
  [
    'an invalid number of lines',
    'head -n x f1',
    { stdout: '', stderr: 'head: invalid number of lines: ‘x’\n', status: 1 },
  ],
  [
    'an invalid number of bytes',
    'head -c 1y f1',
    { stdout: '', stderr: 'head: invalid number of bytes: ‘1y’\n', status: 1 },
  ],
  [
    'a number too large',
    'head -n 99999999999999999999 f1',
    {
      stdout: '',
      stderr:
        'head: invalid number of lines: ‘99999999999999999999’: Value too large for defined data type\n',
      status: 1,
    },
  ],
  ['-n 0 prints nothing', 'head -n 0 n', { stdout: '', stderr: '', status: 0 }],
  [
    'a last line without newline stays without',
    'head -n 10 words | tail -c 5',
    { stdout: 'noeol', stderr: '', status: 0 },
  ],
  [
    'an unknown option',
    'head -j',
    {
      stdout: '',
      stderr: "head: invalid option -- 'j'\nTry 'head --help' for more information.\n",
      status: 1,
    },
  ],
  ['--lines=', 'head --lines=2 n', { stdout: '1\n2\n', stderr: '', status: 0 }],
  [
    '--version',
    'head --version',
    {
      stdout:
        'head (GNU coreutils) 9.1\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by David MacKenzie and Jim Meyering.\n',
      stderr: '',
      status: 0,
    },
  ],
];

describe('head as GNU prints it', () => {
  it.each(cases)('%s (%s)', (_behaviour, command, expected) => {
    expect(sh(command)).toEqual(expected);
  });
});

describe('head on a stream', () => {
  it('exits after its lines; seq before it dies of SIGPIPE instead of writing a million', () => {
    const t = new TestShell();
    const start = t.now;
    expect(t.run('seq 1 1000000 | head -n 3')).toEqual({
      stdout: '1\n2\n3\n',
      stderr: '',
      status: 0,
    });
    expect(t.now - start).toBeLessThan(5);
  });

  it('prints lines as they arrive', () => {
    const t = new TestShell({ log: '' });
    const poll = t.start('tail -f log | head -n 2');
    t.append('log', 'one\n');
    t.wait(1_000);
    expect(poll()).toEqual({ stdout: 'one\n', stderr: '' });
    t.append('log', 'two\nthree\n');
    t.wait(1_000);
    // head has ended; tail -f learns at its next write, as in bash.
    expect(poll().stdout).toBe('one\ntwo\n');
    t.append('log', 'four\n');
    t.wait(1_000);
    expect(poll().status).toBe(0);
  });
});
