/**
 * bash 5's printf builtin: each command's stdout, stderr and exit status as the real tool printed them (Debian 12)
 * on the sample files of `testShell.ts`.
 */
import { describe, expect, it } from 'vitest';
import { sh } from './gnu/testShell';
import type { ShellResult } from './gnu/testShell';

const cases: [string, string, ShellResult][] = [
  [
    'an invalid number prints 0 and a diagnostic, exit 1',
    "printf '%d\\n' x 3",
    { stdout: '0\n3\n', stderr: 'bash: printf: x: invalid number\n', status: 1 },
  ],
  [
    'the format is reused for the remaining arguments',
    "printf '%d %s\\n' 1 a 2",
    { stdout: '1 a\n2 \n', stderr: '', status: 0 },
  ],
  [
    'widths, precisions and conversions',
    "printf '%5.2f|%-5s|%05d|%x|%o|%c|%e|%g|%X\\n' 3.14159 ab 42 255 8 hello 1234.5 0.0001 255",
    { stdout: ' 3.14|ab   |00042|ff|10|h|1.234500e+03|0.0001|FF\n', stderr: '', status: 0 },
  ],
  [
    '%b expands escapes; \\c stops the output',
    "printf '%b\\n' 'a\\tb\\c'",
    { stdout: 'a\tb', stderr: '', status: 0 },
  ],
  [
    'character codes, hex and octal',
    'printf "%d\\n" "\'A" 0x10 010 -5 +3',
    { stdout: '65\n16\n8\n-5\n3\n', stderr: '', status: 0 },
  ],
  [
    'a format without conversions is printed once',
    "printf 'no args\\n' extra",
    { stdout: 'no args\n', stderr: '', status: 0 },
  ],
  ['missing arguments are empty', "printf '%s-%s\\n' a", { stdout: 'a-\n', stderr: '', status: 0 }],
  [
    '* takes width and precision from the arguments',
    "printf '%*d|%.*f\\n' 5 42 2 3.14159",
    { stdout: '   42|3.14\n', stderr: '', status: 0 },
  ],
  [
    '%q quotes for the shell',
    "printf '%q\\n' \"a b'c\"",
    { stdout: "a\\ b\\'c\n", stderr: '', status: 0 },
  ],
  [
    '--version is an invalid option',
    'printf --version',
    {
      stdout: '',
      stderr:
        'bash: printf: --: invalid option\nprintf: usage: printf [-v var] format [arguments]\n',
      status: 2,
    },
  ],
  ['-- ends the options', "printf -- '%s\\n' x", { stdout: 'x\n', stderr: '', status: 0 }],
  [
    'trailing garbage in a number',
    "printf '%i\\n' 12abc",
    { stdout: '12\n', stderr: 'bash: printf: 12abc: invalid number\n', status: 1 },
  ],
  [
    'an integer out of range is clamped, with a warning',
    "printf '%d\\n' 99999999999999999999",
    {
      stdout: '9223372036854775807\n',
      stderr: 'bash: printf: warning: 99999999999999999999: Numerical result out of range\n',
      status: 0,
    },
  ],
  [
    '\\x, octal and \\u escapes in the format',
    "printf '\\x41\\101\\u00e9\\n'",
    { stdout: 'AAé\n', stderr: '', status: 0 },
  ],
  [
    'flags - and width',
    "printf '%5s|%-5d|\\n' ab 3",
    { stdout: '   ab|3    |\n', stderr: '', status: 0 },
  ],
  ['+ and space flags', "printf '%+d % d\\n' 5 5", { stdout: '+5  5\n', stderr: '', status: 0 }],
  ['# flag', "printf '%#x %#o\\n' 255 8", { stdout: '0xff 010\n', stderr: '', status: 0 }],
  ['string precision', "printf '%.3s\\n' abcdef", { stdout: 'abc\n', stderr: '', status: 0 }],
  ['no arguments: an empty string', "printf '%s\\n'", { stdout: '\n', stderr: '', status: 0 }],
  ['no arguments: zero', "printf '%d\\n'", { stdout: '0\n', stderr: '', status: 0 }],
  ['%f of an exponent', "printf '%f\\n' 1e3", { stdout: '1000.000000\n', stderr: '', status: 0 }],
  [
    '%.0f rounds half to even',
    "printf '%.0f %.0f %.0f\\n' 0.5 1.5 2.5",
    { stdout: '0 2 2\n', stderr: '', status: 0 },
  ],
  [
    '%g picks %f or %e',
    "printf '%g %g %g %g\\n' 100000 1000000 0.00001 123.456",
    { stdout: '100000 1e+06 1e-05 123.456\n', stderr: '', status: 0 },
  ],
  ['%e of zero', "printf '%e\\n' 0", { stdout: '0.000000e+00\n', stderr: '', status: 0 }],
  [
    '%G and %E',
    "printf '%G %E\\n' 1e-10 12345",
    { stdout: '1E-10 1.234500E+04\n', stderr: '', status: 0 },
  ],
  [
    '%a',
    "printf '%a\\n' 1 0.5 3.75",
    { stdout: '0x8p-3\n0x8p-4\n0xfp-2\n', stderr: '', status: 0 },
  ],
  [
    'no format',
    'printf',
    { stdout: '', stderr: 'printf: usage: printf [-v var] format [arguments]\n', status: 2 },
  ],
  [
    'an invalid conversion',
    'printf %y',
    { stdout: '', stderr: "bash: printf: `y': invalid format character\n", status: 1 },
  ],
  [
    'a lone %',
    'printf %',
    { stdout: '', stderr: "bash: printf: `%': missing format character\n", status: 1 },
  ],
  [
    'an invalid option',
    'printf -x',
    {
      stdout: '',
      stderr:
        'bash: printf: -x: invalid option\nprintf: usage: printf [-v var] format [arguments]\n',
      status: 2,
    },
  ],
  ['%%', "printf 'x%%y\\n'", { stdout: 'x%y\n', stderr: '', status: 0 }],
  [
    'widths count bytes',
    "printf '%-8s|\\n' héllo",
    { stdout: 'héllo  |\n', stderr: '', status: 0 },
  ],
  [
    'zero padding after the sign',
    "printf '%08.3f\\n' -3.14159",
    { stdout: '-003.142\n', stderr: '', status: 0 },
  ],
  [
    'unsigned conversions of negative numbers',
    "printf '%u %x\\n' -1 -1",
    { stdout: '18446744073709551615 ffffffffffffffff\n', stderr: '', status: 0 },
  ],
  [
    '%c of a missing argument is NUL',
    "printf '%c%c\\n' A",
    { stdout: 'A\u0000\n', stderr: '', status: 0 },
  ],
  [
    '%s does not expand escapes',
    "printf '%s\\n' 'a\\nb'",
    { stdout: 'a\\nb\n', stderr: '', status: 0 },
  ],
  [
    'escapes in the format',
    "printf 'a\\nb\\tc\\\\\\n'",
    { stdout: 'a\nb\tc\\\n', stderr: '', status: 0 },
  ],
];

describe('printf as bash prints it', () => {
  it.each(cases)('%s (%s)', (_behaviour, command, expected) => {
    expect(sh(command)).toEqual(expected);
  });
});
