/**
 * GNU tail (coreutils 9.1): each command's stdout, stderr and exit status as the real tool printed them (Debian 12)
 * on the sample files of `testShell.ts`.
 */
import { describe, expect, it } from 'vitest';
import { sh, TestShell } from './gnu/testShell';
import { FOLLOW_POLL_MS } from './tail';
import type { ShellResult } from './gnu/testShell';

const cases: [string, string, ShellResult][] = [
  [
    'the last 10 lines by default',
    'tail n',
    { stdout: '11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n', stderr: '', status: 0 },
  ],
  ['-n NUM', 'tail -n 3 n', { stdout: '18\n19\n20\n', stderr: '', status: 0 }],
  ['-NUM', 'tail -3 n', { stdout: '18\n19\n20\n', stderr: '', status: 0 }],
  ['+NUM: from line NUM on', 'tail +18 n', { stdout: '18\n19\n20\n', stderr: '', status: 0 }],
  ['-n +NUM', 'tail -n +19 n', { stdout: '19\n20\n', stderr: '', status: 0 }],
  ['-c NUM bytes', 'tail -c 5 n', { stdout: '9\n20\n', stderr: '', status: 0 }],
  ['-c +NUM: from byte NUM on', 'tail -c +3 f1', { stdout: 'b\nc\n', stderr: '', status: 0 }],
  [
    'headers for several files',
    'tail -n 1 f1 n',
    { stdout: '==> f1 <==\nc\n\n==> n <==\n20\n', stderr: '', status: 0 },
  ],
  [
    'a missing file (exit 1)',
    'tail -n 1 f1 nope n',
    {
      stdout: '==> f1 <==\nc\n\n==> n <==\n20\n',
      stderr: "tail: cannot open 'nope' for reading: No such file or directory\n",
      status: 1,
    },
  ],
  [
    'a directory',
    'tail -n 1 sub',
    { stdout: '', stderr: "tail: error reading 'sub': Is a directory\n", status: 1 },
  ],
  ['-q', 'tail -q -n 1 f1 n', { stdout: 'c\n20\n', stderr: '', status: 0 }],
  [
    'standard input is read to its end',
    'seq 30 | tail -n 2',
    { stdout: '29\n30\n', stderr: '', status: 0 },
  ],
  ['-n +NUM on standard input', 'seq 5 | tail -n +4', { stdout: '4\n5\n', stderr: '', status: 0 }],
  ['the last line without newline', 'tail -n 1 words', { stdout: 'noeol', stderr: '', status: 0 }],
  [
    '-n -NUM is the same as -n NUM',
    'seq 5 | tail -n -2',
    { stdout: '4\n5\n', stderr: '', status: 0 },
  ],
  [
    'an invalid number',
    'tail -n x f1',
    { stdout: '', stderr: 'tail: invalid number of lines: ‘x’\n', status: 1 },
  ],
  [
    'an invalid --follow argument',
    'tail --follow=x f1',
    {
      stdout: '',
      stderr:
        "tail: invalid argument ‘x’ for ‘--follow’\nValid arguments are:\n  - ‘descriptor’\n  - ‘name’\nTry 'tail --help' for more information.\n",
      status: 1,
    },
  ],
  [
    'an invalid sleep interval',
    'tail -s x f1',
    { stdout: '', stderr: 'tail: invalid number of seconds: ‘x’\n', status: 1 },
  ],
  [
    '-f on a missing file: nothing to follow',
    'tail -f nope',
    {
      stdout: '',
      stderr:
        "tail: cannot open 'nope' for reading: No such file or directory\ntail: no files remaining\n",
      status: 1,
    },
  ],
  ['-f on a pipe just ends', 'echo a | tail -f', { stdout: 'a\n', stderr: '', status: 0 }],
  [
    '--version',
    'tail --version',
    {
      stdout:
        'tail (GNU coreutils) 9.1\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Paul Rubin, David MacKenzie, Ian Lance Taylor,\nand Jim Meyering.\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    'an unknown option',
    'tail -j',
    {
      stdout: '',
      stderr: "tail: invalid option -- 'j'\nTry 'tail --help' for more information.\n",
      status: 1,
    },
  ],
];

describe('tail as GNU prints it', () => {
  it.each(cases)('%s (%s)', (_behaviour, command, expected) => {
    expect(sh(command)).toEqual(expected);
  });
});

describe('tail -f follows a file in virtual time', () => {
  it('prints what is appended as it comes, and ends with Ctrl-C (130)', () => {
    const t = new TestShell({ log: 'a\nb\n' });
    const poll = t.start('tail -n 1 -f log');
    t.wait(500);
    expect(poll()).toEqual({ stdout: 'b\n', stderr: '' });
    t.append('log', 'c\n');
    t.wait(FOLLOW_POLL_MS);
    t.append('log', 'par');
    t.wait(FOLLOW_POLL_MS);
    expect(poll().stdout).toBe('b\nc\npar');
    t.interrupt();
    expect(poll().status).toBe(130);
  });

  it('waits while nothing is appended', () => {
    const t = new TestShell({ log: 'a\n' });
    const poll = t.start('tail -f log');
    t.wait(60_000);
    expect(poll()).toEqual({ stdout: 'a\n', stderr: '' });
  });

  it('says when the file was truncated, and prints it from its start', () => {
    const t = new TestShell({ log: 'one\ntwo\n' });
    const poll = t.start('tail -f log');
    t.write('log', 'x\n');
    t.wait(FOLLOW_POLL_MS);
    expect(poll()).toEqual({ stdout: 'one\ntwo\nx\n', stderr: 'tail: log: file truncated\n' });
  });

  it('heads the output with the file it comes from when several are followed', () => {
    const t = new TestShell({ a: '1\n', b: '2\n' });
    const poll = t.start('tail -f a b');
    t.append('b', '3\n');
    t.wait(FOLLOW_POLL_MS);
    t.append('a', '4\n');
    t.wait(FOLLOW_POLL_MS);
    expect(poll().stdout).toBe('==> a <==\n1\n\n==> b <==\n2\n3\n\n==> a <==\n4\n');
  });

  it('-F waits for a missing file and follows it once it appears', () => {
    const t = new TestShell({});
    const poll = t.start('tail -F later');
    t.wait(FOLLOW_POLL_MS);
    t.write('later', 'hi\n');
    t.wait(FOLLOW_POLL_MS);
    expect(poll()).toEqual({
      stdout: 'hi\n',
      stderr:
        "tail: cannot open 'later' for reading: No such file or directory\n" +
        "tail: 'later' has appeared;  following new file\n",
    });
  });

  it('feeds a pipeline: tail -f log | grep shows each match as it is appended', () => {
    const t = new TestShell({ log: '' });
    const poll = t.start('tail -f log | grep ERROR');
    t.append('log', 'INFO ok\nERROR one\n');
    t.wait(FOLLOW_POLL_MS);
    expect(poll()).toEqual({ stdout: 'ERROR one\n', stderr: '' });
    t.append('log', 'ERROR two\n');
    t.wait(FOLLOW_POLL_MS);
    expect(poll()).toEqual({ stdout: 'ERROR one\nERROR two\n', stderr: '' });
  });
});
