import { describe, expect, it } from 'vitest';
import { getopt } from './getopt';
import type { GetoptSpec } from './getopt';

const spec: GetoptSpec = {
  short: 'cn:vA:x::',
  long: [
    { name: 'count', arg: 'none', key: 'c' },
    { name: 'context', arg: 'required', key: 'A' },
    { name: 'color', arg: 'optional', key: 'color' },
    { name: 'colour', arg: 'optional', key: 'color' },
    { name: 'lines', arg: 'required', key: 'n' },
  ],
};

const keys = (args: string[]) => {
  const r = getopt(args, spec);
  return r.error ?? [r.options.map((o) => `${o.key}=${o.value ?? ''}`), r.operands];
};

describe('getopt_long as glibc parses', () => {
  it('clusters short options and takes an argument attached or next', () => {
    expect(keys(['-cvn3', 'file', '-A', '2'])).toEqual([['c=', 'v=', 'n=3', 'A=2'], ['file']]);
  });

  it('permutes: operands may come before options; -- ends the options; - is an operand', () => {
    expect(keys(['a', '-c', '-', '--', '-v'])).toEqual([['c='], ['a', '-', '-v']]);
  });

  it('stops at the first operand when the tool asks (xargs)', () => {
    const r = getopt(['-n1', 'echo', '-c'], { ...spec, stopAtOperand: true });
    expect(r.error ?? r.operands).toEqual(['echo', '-c']);
  });

  it('long options: exact, by unique prefix, with =value or the next argument', () => {
    expect(keys(['--count', '--lin=4', '--context', '5'])).toEqual([['c=', 'n=4', 'A=5'], []]);
  });

  it('a prefix of options doing the same thing is no ambiguity (--col: --color/--colour)', () => {
    expect(keys(['--col=never'])).toEqual([['color=never'], []]);
  });

  it('an optional argument is only taken with = (long) or attached (short)', () => {
    expect(keys(['--color', 'always', '-x', '-xy'])).toEqual([['color=', 'x=', 'x=y'], ['always']]);
  });

  it("reports glibc's messages", () => {
    expect(keys(['-z'])).toBe("invalid option -- 'z'");
    expect(keys(['-n'])).toBe("option requires an argument -- 'n'");
    expect(keys(['--nope=1'])).toBe("unrecognized option '--nope=1'");
    expect(keys(['--count=1'])).toBe("option '--count' doesn't allow an argument");
    expect(keys(['--lines'])).toBe("option '--lines' requires an argument");
    expect(keys(['--co'])).toBe(
      "option '--co' is ambiguous; possibilities: '--count' '--context' '--color' '--colour'",
    );
  });
});
