/**
 * GNU xargs (findutils 4.9.0): each command's stdout, stderr and exit status as the real tool printed them (Debian 12)
 * on the sample files of `testShell.ts`.
 */
import { describe, expect, it } from 'vitest';
import { sh, TestShell } from './gnu/testShell';
import type { ShellResult } from './gnu/testShell';

const cases: [string, string, ShellResult][] = [
  [
    '-I{} replaces in each command',
    'seq 5 | xargs -I{} echo record-{}',
    { stdout: 'record-1\nrecord-2\nrecord-3\nrecord-4\nrecord-5\n', stderr: '', status: 0 },
  ],
  [
    'echo by default, all items at once',
    'seq 5 | xargs',
    { stdout: '1 2 3 4 5\n', stderr: '', status: 0 },
  ],
  ['-n groups items', 'seq 5 | xargs -n 2', { stdout: '1 2\n3 4\n5\n', stderr: '', status: 0 }],
  [
    '-n with a command',
    'seq 5 | xargs -n 2 echo x',
    { stdout: 'x 1 2\nx 3 4\nx 5\n', stderr: '', status: 0 },
  ],
  [
    '-t prints each command',
    "printf 'a b\\nc\\n' | xargs -t echo x",
    { stdout: 'x a b c\n', stderr: 'echo x a b c\n', status: 0 },
  ],
  [
    '-I takes whole lines, leading blanks stripped',
    "printf '  a  b \\n c\\n' | xargs -I{} echo [{}]",
    { stdout: '[a  b ]\n[c]\n', stderr: '', status: 0 },
  ],
  ['an empty input runs the command once', 'echo | xargs', { stdout: '\n', stderr: '', status: 0 }],
  ['-r: not at all', 'echo | xargs -r echo hi', { stdout: '', stderr: '', status: 0 }],
  [
    '-L groups lines',
    "printf 'a\\n\\nb\\n' | xargs -L1 echo",
    { stdout: 'a\nb\n', stderr: '', status: 0 },
  ],
  [
    'a backslash escapes a blank',
    "echo 'a\\ b' | xargs -n1",
    { stdout: 'a b\n', stderr: '', status: 0 },
  ],
  [
    'an unmatched single quote',
    'echo "a \'b" | xargs',
    {
      stdout: 'a\n',
      stderr:
        'xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n',
      status: 1,
    },
  ],
  [
    'an unmatched double quote',
    "echo 'a \"b' | xargs",
    {
      stdout: 'a\n',
      stderr:
        'xargs: unmatched double quote; by default quotes are special to xargs unless you use the -0 option\n',
      status: 1,
    },
  ],
  [
    'an unknown command (exit 127)',
    'echo a | xargs nosuch',
    { stdout: '', stderr: 'xargs: nosuch: No such file or directory\n', status: 127 },
  ],
  ['-d', "printf 'a,b,c' | xargs -d, -n1 echo", { stdout: 'a\nb\nc\n', stderr: '', status: 0 }],
  [
    '-I with another string',
    'seq 1 3 | xargs -I X echo X X',
    { stdout: '1 1\n2 2\n3 3\n', stderr: '', status: 0 },
  ],
  ['-i', 'seq 3 | xargs -i echo {}', { stdout: '1\n2\n3\n', stderr: '', status: 0 }],
  [
    'an invalid -n',
    'xargs -n x < /dev/null',
    {
      stdout: '',
      stderr:
        'xargs: invalid number "x" for -n option\nTry \'xargs --help\' for more information.\n',
      status: 1,
    },
  ],
  [
    '-n 0',
    'xargs -n 0 < /dev/null',
    {
      stdout: '',
      stderr:
        "xargs: value 0 for -n option should be >= 1\nTry 'xargs --help' for more information.\n",
      status: 1,
    },
  ],
  [
    'an invalid -L',
    "printf 'a\\nb\\n' | xargs -L x",
    {
      stdout: '',
      stderr:
        'xargs: invalid number "x" for -L option\nTry \'xargs --help\' for more information.\n',
      status: 1,
    },
  ],
  [
    '-I needs an argument',
    'xargs -I',
    {
      stdout: '',
      stderr:
        "xargs: option requires an argument -- 'I'\nTry 'xargs --help' for more information.\n",
      status: 1,
    },
  ],
  [
    '-a with a missing file',
    'echo a | xargs -a nope echo',
    {
      stdout: '',
      stderr: 'xargs: Cannot open input file ‘nope’: No such file or directory\n',
      status: 1,
    },
  ],
  [
    '-E ends the input',
    "printf 'a\\nEOF\\nb\\n' | xargs -E EOF echo",
    { stdout: 'a\n', stderr: '', status: 0 },
  ],
  ['-P is accepted', "printf 'a\\n' | xargs -P 2 echo", { stdout: 'a\n', stderr: '', status: 0 }],
  ["-d '\\n'", "printf 'a\\n' | xargs -d '\\n' echo", { stdout: 'a\n', stderr: '', status: 0 }],
  [
    'quotes group items',
    'echo "\'a b\' c" | xargs -n1',
    { stdout: 'a b\nc\n', stderr: '', status: 0 },
  ],
  [
    'quotes in -I lines',
    'echo "\'a b\' c" | xargs -I{} echo [{}]',
    { stdout: '[a b c]\n', stderr: '', status: 0 },
  ],
  [
    '--version',
    'xargs --version',
    {
      stdout:
        'xargs (GNU findutils) 4.9.0\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Eric B. Decker, James Youngman, and Kevin Dalley.\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    'printf as the command',
    "seq 3 | xargs printf '%s-'",
    { stdout: '1-2-3-', stderr: '', status: 0 },
  ],
  ['a failing command gives 123', 'echo a | xargs false', { stdout: '', stderr: '', status: 123 }],
  [
    "the command's output",
    'echo f1 n | xargs wc -l',
    { stdout: ' 2 f1\n20 n\n22 total\n', stderr: '', status: 0 },
  ],
  [
    'a command killed by SIGPIPE gives 125',
    'seq 10 | xargs -n3 | head -2',
    { stdout: '1 2 3\n4 5 6\n', stderr: 'xargs: echo: terminated by signal 13\n', status: 0 },
  ],
];

describe('xargs as GNU prints it', () => {
  it.each(cases)('%s (%s)', (_behaviour, command, expected) => {
    expect(sh(command)).toEqual(expected);
  });
});

describe('xargs on a stream', () => {
  it('runs a command per line as lines arrive (-I), and Ctrl-C ends it (130)', () => {
    const t = new TestShell({ log: '' });
    const poll = t.start('tail -f log | xargs -I{} echo got {}');
    t.append('log', 'a\n');
    t.wait(1_000);
    expect(poll()).toEqual({ stdout: 'got a\n', stderr: '' });
    t.append('log', 'b\n');
    t.wait(1_000);
    expect(poll().stdout).toBe('got a\ngot b\n');
    t.interrupt();
    expect(poll().status).toBe(130);
  });

  it('runs a registered tool with the items: xargs grep', () => {
    expect(sh('echo words f1 | xargs grep -c a')).toEqual({
      stdout: 'words:4\nf1:1\n',
      stderr: '',
      status: 0,
    });
  });
});
