/**
 * GNU tee (coreutils 9.1): each command's stdout, stderr and exit status as the real tool printed them (Debian 12)
 * on the sample files of `testShell.ts`.
 */
import { describe, expect, it } from 'vitest';
import { sh, TestShell } from './gnu/testShell';
import type { ShellResult } from './gnu/testShell';

const cases: [string, string, ShellResult][] = [
  [
    'copies to standard output and files',
    'seq 3 | tee t1 t2; cat t1 t2',
    { stdout: '1\n2\n3\n1\n2\n3\n1\n2\n3\n', stderr: '', status: 0 },
  ],
  [
    '-a appends',
    'seq 2 | tee t1 >/dev/null; seq 3 | tee -a t1 >/dev/null; cat t1',
    { stdout: '1\n2\n1\n2\n3\n', stderr: '', status: 0 },
  ],
  [
    'a directory cannot be written (exit 1)',
    'seq 2 | tee sub',
    { stdout: '1\n2\n', stderr: 'tee: sub: Is a directory\n', status: 1 },
  ],
  [
    "the command after it exits early; tee's buffered input still reaches the file",
    'seq 10 | tee t1 | head -2; cat t1',
    { stdout: '1\n2\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n', stderr: '', status: 0 },
  ],
  [
    '--version',
    'tee --version',
    {
      stdout:
        'tee (GNU coreutils) 9.1\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Mike Parker, Richard M. Stallman, and David MacKenzie.\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    'an unknown option',
    'tee -z',
    {
      stdout: '',
      stderr: "tee: invalid option -- 'z'\nTry 'tee --help' for more information.\n",
      status: 1,
    },
  ],
];

describe('tee as GNU prints it', () => {
  it.each(cases)('%s (%s)', (_behaviour, command, expected) => {
    expect(sh(command)).toEqual(expected);
  });
});

describe('tee on a stream', () => {
  it('keeps every line in the file while the next command sees them live', () => {
    const t = new TestShell({ log: '' });
    const poll = t.start('tail -f log | tee copy | grep b');
    t.append('log', 'a\nb\n');
    t.wait(1_000);
    expect(poll()).toEqual({ stdout: 'b\n', stderr: '' });
    expect(t.file('copy')).toBe('a\nb\n');
  });
});
