/**
 * GNU grep 3.8: each command's stdout, stderr and exit status as the real tool printed them (Debian 12)
 * on the sample files of `testShell.ts`.
 */
import { describe, expect, it } from 'vitest';
import { sh, TestShell } from '../gnu/testShell';
import type { ShellResult } from '../gnu/testShell';

const cases: [string, string, ShellResult][] = [
  [
    'prints the lines that match, from a file',
    'grep Leader orders.txt',
    {
      stdout:
        'Topic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3\nTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,3,1\nTopic: orders\tPartition: 2\tLeader: 3\tReplicas: 3,1,2\tIsr: 3,1,2\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    '-c counts the selected lines',
    'grep -c Leader orders.txt',
    { stdout: '3\n', stderr: '', status: 0 },
  ],
  [
    '-n numbers the lines',
    'grep -n apple words',
    { stdout: '1:apple banana\n2:Cherry apple\n', stderr: '', status: 0 },
  ],
  ['-i ignores case', 'grep -i foo words', { stdout: 'foo_bar foo\nFOO\n', stderr: '', status: 0 }],
  [
    '-v selects the lines that do not match',
    'grep -v a words',
    { stdout: '\nFOO\nnoeol\n', stderr: '', status: 0 },
  ],
  [
    '-w matches whole words only',
    'grep -w foo words',
    { stdout: 'foo_bar foo\n', stderr: '', status: 0 },
  ],
  ['-x matches whole lines only', 'grep -x FOO words', { stdout: 'FOO\n', stderr: '', status: 0 }],
  [
    '-o prints only the matching parts',
    "grep -o 'ap*le' words",
    { stdout: 'apple\napple\n', stderr: '', status: 0 },
  ],
  [
    '-E takes extended regular expressions',
    "grep -E 'apple|banana' words",
    { stdout: 'apple banana\nCherry apple\nbanana split\n', stderr: '', status: 0 },
  ],
  [
    'basic regular expressions alternate with \\|',
    "grep 'apple\\|banana' words",
    { stdout: 'apple banana\nCherry apple\nbanana split\n', stderr: '', status: 0 },
  ],
  ['-F takes fixed strings', "grep -F 'a.b' words", { stdout: '', stderr: '', status: 1 }],
  [
    'several -e patterns: any may match',
    'grep -e apple -e split words',
    { stdout: 'apple banana\nCherry apple\nbanana split\n', stderr: '', status: 0 },
  ],
  [
    '-l lists the files with a match',
    'grep -l apple words f1 n',
    { stdout: 'words\n', stderr: '', status: 0 },
  ],
  [
    '-L lists the files without a match (exit 0: a line was selected)',
    'grep -L apple words f1 n',
    { stdout: 'f1\nn\n', stderr: '', status: 0 },
  ],
  [
    '-H prefixes the file name',
    'grep -H apple words',
    { stdout: 'words:apple banana\nwords:Cherry apple\n', stderr: '', status: 0 },
  ],
  [
    '-h leaves out the file names',
    'grep -h apple words f1',
    { stdout: 'apple banana\nCherry apple\n', stderr: '', status: 0 },
  ],
  [
    '-c per file, an unreadable one is an error (exit 2)',
    'grep -c a words f1 nope',
    { stdout: 'words:4\nf1:1\n', stderr: 'grep: nope: No such file or directory\n', status: 2 },
  ],
  [
    '-q prints nothing, exit 0 on a match',
    'grep -q apple words',
    { stdout: '', stderr: '', status: 0 },
  ],
  ['-q exit 1 without a match', 'grep -q zzz words', { stdout: '', stderr: '', status: 1 }],
  [
    '-s silences the error, which still gives exit 2',
    'grep -s x nope',
    { stdout: '', stderr: '', status: 2 },
  ],
  [
    '-A and -B: context after and before, - for context lines',
    'grep -A1 -n 5 n',
    { stdout: '5:5\n6-6\n--\n15:15\n16-16\n', stderr: '', status: 0 },
  ],
  [
    '-B2: two lines of leading context',
    'grep -B2 5 n',
    { stdout: '3\n4\n5\n--\n13\n14\n15\n', stderr: '', status: 0 },
  ],
  [
    '-C1 with two patterns: groups separated by --',
    'grep -C1 -e 5 -e 9 n',
    { stdout: '4\n5\n6\n--\n8\n9\n10\n--\n14\n15\n16\n--\n18\n19\n20\n', stderr: '', status: 0 },
  ],
  ['-NUM is -C NUM', 'grep -2 15 n', { stdout: '13\n14\n15\n16\n17\n', stderr: '', status: 0 }],
  [
    '-m stops after NUM selected lines',
    'grep -m2 1 n',
    { stdout: '1\n10\n', stderr: '', status: 0 },
  ],
  [
    '-m then -A: trailing context after the last selected line',
    'grep -m2 -A1 1 n',
    { stdout: '1\n2\n--\n10\n11\n', stderr: '', status: 0 },
  ],
  [
    '-b prints byte offsets',
    'grep -b 2 n',
    { stdout: '2:2\n24:12\n48:20\n', stderr: '', status: 0 },
  ],
  [
    '-ob: the offset of each match',
    'grep -ob 1 n',
    {
      stdout: '0:1\n18:1\n21:1\n22:1\n24:1\n27:1\n30:1\n33:1\n36:1\n39:1\n42:1\n45:1\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    '--color=always marks matches, names, numbers and separators',
    'grep --color=always -n apple words',
    {
      stdout:
        '\u001b[32m\u001b[K1\u001b[m\u001b[K\u001b[36m\u001b[K:\u001b[m\u001b[K\u001b[01;31m\u001b[Kapple\u001b[m\u001b[K banana\n\u001b[32m\u001b[K2\u001b[m\u001b[K\u001b[36m\u001b[K:\u001b[m\u001b[KCherry \u001b[01;31m\u001b[Kapple\u001b[m\u001b[K\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    '--color=always with -o',
    "grep --color=always -H -o 'b.n' words",
    {
      stdout:
        '\u001b[35m\u001b[Kwords\u001b[m\u001b[K\u001b[36m\u001b[K:\u001b[m\u001b[K\u001b[01;31m\u001b[Kban\u001b[m\u001b[K\n\u001b[35m\u001b[Kwords\u001b[m\u001b[K\u001b[36m\u001b[K:\u001b[m\u001b[K\u001b[01;31m\u001b[Kban\u001b[m\u001b[K\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    '--color=never',
    'grep --color=never apple words',
    { stdout: 'apple banana\nCherry apple\n', stderr: '', status: 0 },
  ],
  [
    '-r searches the files below a directory',
    'grep -r foo sub/deep',
    { stdout: 'sub/deep/y.txt:foo 3\n', stderr: '', status: 0 },
  ],
  [
    'a directory without -r is an error',
    'grep foo sub',
    { stdout: '', stderr: 'grep: sub: Is a directory\n', status: 2 },
  ],
  [
    '-d skip passes over directories',
    'grep -d skip foo sub f1',
    { stdout: '', stderr: '', status: 1 },
  ],
  ['BRE interval \\{n\\}', "grep 'a\\{2\\}' words", { stdout: '', stderr: '', status: 1 }],
  ['ERE interval {n}', "grep -E 'a{2}' words", { stdout: '', stderr: '', status: 1 }],
  [
    'BRE back-reference',
    "grep '\\(an\\)\\1' words",
    { stdout: 'apple banana\nbanana split\n', stderr: '', status: 0 },
  ],
  [
    'ERE back-reference',
    "grep -E '(an)\\1' words",
    { stdout: 'apple banana\nbanana split\n', stderr: '', status: 0 },
  ],
  [
    'character classes',
    "grep '[[:upper:]]' words",
    { stdout: 'Cherry apple\nFOO\n', stderr: '', status: 0 },
  ],
  ['BRE \\+ repeats', "grep '[[:digit:]]\\+0' n", { stdout: '10\n20\n', stderr: '', status: 0 }],
  ['anchors', "grep '^[0-9]$' n", { stdout: '1\n2\n3\n4\n5\n6\n7\n8\n9\n', stderr: '', status: 0 }],
  [
    'a last line without newline is matched and printed with one',
    "grep 'noeol' words",
    { stdout: 'noeol\n', stderr: '', status: 0 },
  ],
  [
    'the empty pattern matches every line',
    "grep -c '' words",
    { stdout: '7\n', stderr: '', status: 0 },
  ],
  ['nothing in an empty file: exit 1', "grep '' empty", { stdout: '', stderr: '', status: 1 }],
  [
    'an unknown short option: usage, exit 2',
    'grep -Q x',
    {
      stdout: '',
      stderr:
        "grep: invalid option -- 'Q'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
      status: 2,
    },
  ],
  [
    'an unknown long option',
    'grep --foo x',
    {
      stdout: '',
      stderr:
        "grep: unrecognized option '--foo'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
      status: 2,
    },
  ],
  [
    'no pattern: usage only',
    'grep',
    {
      stdout: '',
      stderr:
        "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
      status: 2,
    },
  ],
  [
    '-e needs an argument',
    'grep -e',
    {
      stdout: '',
      stderr:
        "grep: option requires an argument -- 'e'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
      status: 2,
    },
  ],
  [
    "an ambiguous abbreviation lists the candidates in grep's order",
    'grep --co x',
    {
      stdout: '',
      stderr:
        "grep: option '--co' is ambiguous; possibilities: '--context' '--color' '--colour' '--count'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
      status: 2,
    },
  ],
  [
    'an unambiguous abbreviation works (--col is --color)',
    'grep --col=never apple words',
    { stdout: 'apple banana\nCherry apple\n', stderr: '', status: 0 },
  ],
  [
    'a bad context length',
    'grep -A x 1 n',
    { stdout: '', stderr: 'grep: x: invalid context length argument\n', status: 2 },
  ],
  [
    'a bad max count',
    'grep -m x 1 n',
    { stdout: '', stderr: 'grep: invalid max count\n', status: 2 },
  ],
  [
    'an unmatched \\(',
    "grep '\\(' words",
    { stdout: '', stderr: 'grep: Unmatched ( or \\(\n', status: 2 },
  ],
  [
    'an unmatched [',
    "grep 'a[b' words",
    { stdout: '', stderr: 'grep: Unmatched [, [^, [:, [., or [=\n', status: 2 },
  ],
  [
    'a lone [',
    "grep '[' words",
    { stdout: '', stderr: 'grep: Invalid regular expression\n', status: 2 },
  ],
  [
    'an unmatched \\{',
    "grep 'a\\{1' words",
    { stdout: '', stderr: 'grep: Unmatched \\{\n', status: 2 },
  ],
  [
    'a class outside brackets is refused',
    "grep '[:space:]' words",
    {
      stdout: '',
      stderr: 'grep: character class syntax is [[:space:]], not [:space:]\n',
      status: 2,
    },
  ],
  [
    'a reversed range',
    "grep '[b-a]' words",
    { stdout: '', stderr: 'grep: Invalid range end\n', status: 2 },
  ],
  [
    'a trailing backslash',
    "grep 'a\\' words",
    { stdout: '', stderr: 'grep: Trailing backslash\n', status: 2 },
  ],
  [
    'an invalid back reference',
    "grep '\\(a\\)\\2' words",
    { stdout: '', stderr: 'grep: Invalid back reference\n', status: 2 },
  ],
  [
    '--version',
    'grep --version',
    {
      stdout:
        'grep (GNU grep) 3.8\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Mike Haertel and others; see\n<https://git.sv.gnu.org/cgit/grep.git/tree/AUTHORS>.\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    '-V',
    'grep -V',
    {
      stdout:
        'grep (GNU grep) 3.8\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Mike Haertel and others; see\n<https://git.sv.gnu.org/cgit/grep.git/tree/AUTHORS>.\n',
      stderr: '',
      status: 0,
    },
  ],
  [
    '-P takes Perl-style expressions',
    "grep -P '\\d{2}' n",
    { stdout: '10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n', stderr: '', status: 0 },
  ],
  [
    '-wo with alternation',
    "grep -wo 'foo\\|bar' words",
    { stdout: 'foo\n', stderr: '', status: 0 },
  ],
  ['-iw', 'grep -iw FOO words', { stdout: 'foo_bar foo\nFOO\n', stderr: '', status: 0 }],
  [
    '-n -v with an empty pattern prints nothing',
    "grep -n -v '' words",
    { stdout: '', stderr: '', status: 1 },
  ],
  [
    'a leading * in an ERE is ignored, with a warning',
    "grep -E '*apple' words",
    {
      stdout: 'apple banana\nCherry apple\n',
      stderr: 'grep: warning: * at start of expression\n',
      status: 0,
    },
  ],
  [
    '-f reads patterns from a file; a missing one is an error',
    'grep -f nope x',
    { stdout: '', stderr: 'grep: nope: No such file or directory\n', status: 2 },
  ],
  ['-f FILE: each line is a pattern', 'grep -f f1 words', { stdout: '', stderr: '', status: 1 }],
  [
    '--label names standard input',
    'grep --label=foo -H apple - < words',
    { stdout: 'foo:apple banana\nfoo:Cherry apple\n', stderr: '', status: 0 },
  ],
  [
    'standard input is (standard input)',
    'echo apple | grep -H apple',
    { stdout: '(standard input):apple\n', stderr: '', status: 0 },
  ],
  [
    '- among files',
    'echo apple | grep -c apple - words',
    { stdout: '(standard input):1\nwords:2\n', stderr: '', status: 0 },
  ],
  [
    'an ERE { that starts no interval is literal',
    "grep -E 'a{1' words",
    { stdout: '', stderr: '', status: 1 },
  ],
  [
    'multibyte text',
    "grep -o '[[:alpha:]]*' utf",
    { stdout: 'héllo\nwörld\n日本語\nテキスト\n', stderr: '', status: 0 },
  ],
  [
    'byte offsets count UTF-8 bytes',
    'grep -b w utf',
    { stdout: '0:héllo wörld\n', stderr: '', status: 0 },
  ],
  [
    '--context',
    'grep --context=1 split words',
    { stdout: '\nbanana split\nfoo_bar foo\n', stderr: '', status: 0 },
  ],
  ['-vc', 'grep -vc apple words', { stdout: '5\n', stderr: '', status: 0 }],
  ['-lv', 'grep -lv apple words', { stdout: 'words\n', stderr: '', status: 0 }],
  ['-rh', 'grep -rh foo sub/deep', { stdout: 'foo 3\n', stderr: '', status: 0 }],
  [
    '-x with the empty pattern selects empty lines',
    "grep -x -e '' words",
    { stdout: '\n', stderr: '', status: 0 },
  ],
  [
    'an empty ERE alternative matches everywhere',
    "grep -c -E 'a|' words",
    { stdout: '7\n', stderr: '', status: 0 },
  ],
  ['-onw', "grep -onw 'a' f1", { stdout: '1:a\n', stderr: '', status: 0 }],
  [
    '--no-group-separator',
    'grep --no-group-separator -A0 -e 3 -e 7 n',
    { stdout: '3\n7\n13\n17\n', stderr: '', status: 0 },
  ],
  [
    '--group-separator=SEP, even with -A0',
    'grep --group-separator=XX -A0 -e 3 -e 7 n',
    { stdout: '3\nXX\n7\nXX\n13\nXX\n17\n', stderr: '', status: 0 },
  ],
  [
    'an invalid --color WHEN prints the help, exit 0',
    'grep --color=sometimes x n | head -3',
    {
      stdout:
        "Usage: grep [OPTION]... PATTERNS [FILE]...\nSearch for PATTERNS in each FILE.\nExample: grep -i 'hello world' menu.h main.c\n",
      stderr: '',
      status: 0,
    },
  ],
  [
    'an invalid --directories ACTION',
    'grep -d x 1 n',
    {
      stdout: '',
      stderr:
        "grep: invalid argument ‘x’ for ‘--directories’\nValid arguments are:\n  - ‘read’\n  - ‘recurse’\n  - ‘skip’\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
      status: 1,
    },
  ],
  [
    'a bad --binary-files type',
    'grep --binary-files=x 1 n',
    { stdout: '', stderr: 'grep: unknown binary-files type\n', status: 2 },
  ],
];

describe('grep as GNU prints it', () => {
  it.each(cases)('%s (%s)', (_behaviour, command, expected) => {
    expect(sh(command)).toEqual(expected);
  });
});

describe('grep on a stream', () => {
  it('prints each match as its line arrives, before its input ends', () => {
    const t = new TestShell({ log: '' });
    const poll = t.start('tail -f log | grep -n ERROR');
    t.append('log', 'ERROR a\nINFO b\n');
    t.wait(1_000);
    expect(poll()).toEqual({ stdout: '1:ERROR a\n', stderr: '' });
    t.append('log', 'ERROR c\n');
    t.wait(1_000);
    expect(poll().stdout).toBe('1:ERROR a\n3:ERROR c\n');
  });

  it('-q exits at the first match, and the writer before it dies of SIGPIPE', () => {
    const t = new TestShell();
    const start = t.now;
    expect(t.run('seq 1 1000000 | grep -q 5; echo $?')).toEqual({
      stdout: '0\n',
      stderr: '',
      status: 0,
    });
    expect(t.now - start).toBeLessThan(5);
  });

  it('-m stops reading once it has its lines', () => {
    const t = new TestShell();
    const start = t.now;
    expect(t.run('seq 1 1000000 | grep -m 2 7')).toEqual({
      stdout: '7\n17\n',
      stderr: '',
      status: 0,
    });
    expect(t.now - start).toBeLessThan(5);
  });

  it('never throws on patterns it cannot compile (exit 2 with a message)', () => {
    for (const p of ['(', '\\', '[[:', 'a{1,2', '*', '\\{1', 'a**', '(?<', '[z-a]'])
      for (const flag of ['-G', '-E', '-F', '-P', '-w', '-x', '-o', '-i']) {
        const r = sh(`grep ${flag} -e '${p}' words`);
        expect([0, 1, 2]).toContain(r.status);
        if (r.status === 2) expect(r.stderr).toMatch(/^grep: /);
      }
  });
});
