import { describe, expect, it } from 'vitest';
import { LineAccumulator, PS2 } from './lineAccumulator';
import { parseScript } from './parseScript';

/** Pushes lines; returns the PS2/complete decision after each. */
function feed(...lines: string[]): (string | true)[] {
  const acc = new LineAccumulator();
  return lines.map((line) => {
    const r = acc.push(line);
    return r.complete ? true : r.prompt;
  });
}

describe('LineAccumulator: when bash runs the input and when it prompts with PS2', () => {
  it('a plain command, a blank line and a comment are complete at once', () => {
    expect(feed('kafka-topics.sh --list --bootstrap-server localhost:9092', '', '# 주석')).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('an open double or single quote waits for its closing quote', () => {
    expect(feed('echo "hello', 'world"')).toEqual(['PS2', true]);
    expect(feed("echo 'it", 'is', "done'")).toEqual(['PS2', 'PS2', true]);
  });

  it('a trailing backslash continues the line', () => {
    expect(feed('kafka-topics.sh --create \\', '  --topic t \\', '  --partitions 3')).toEqual([
      'PS2',
      'PS2',
      true,
    ]);
  });

  it('a compound command waits for its closing word, nested ones for theirs', () => {
    expect(feed('for i in {1..3}', 'do', '  echo $i', 'done')).toEqual(['PS2', 'PS2', 'PS2', true]);
    expect(feed('while true; do', '  if [ -f x ]; then', '    break', '  fi', 'done')).toEqual([
      'PS2',
      'PS2',
      'PS2',
      'PS2',
      true,
    ]);
    expect(feed('case $x in', '  a) echo a;;', 'esac')).toEqual(['PS2', 'PS2', true]);
    expect(feed('{ echo a', '}')).toEqual(['PS2', true]);
    expect(feed('[[ -n x &&', ' -n y ]]')).toEqual(['PS2', true]);
  });

  it('a stray closing word is an error at once, not a reason to wait', () => {
    expect(feed('done')).toEqual([true]);
    expect(feed('for i in 1; do echo; done; fi')).toEqual([true]);
  });

  it('a backslash in a comment does not continue', () => {
    expect(feed('echo a # c \\')).toEqual([true]);
  });

  it('a trailing |, && or || waits for the next command', () => {
    expect(feed('echo a |', 'cat')).toEqual(['PS2', true]);
    expect(feed('true &&', '', 'echo ok')).toEqual(['PS2', 'PS2', true]);
    expect(feed('false ||', 'echo fallback')).toEqual(['PS2', true]);
  });

  it('a trailing ; or & is complete', () => {
    expect(feed('echo a;', 'sleep 10 &')).toEqual([true, true]);
  });

  it('a here-document waits for its delimiter line', () => {
    expect(feed('kafka-console-producer.sh --topic t <<EOF', 'a', 'b', 'EOF')).toEqual([
      'PS2',
      'PS2',
      'PS2',
      true,
    ]);
    expect(feed('cat <<-END', '\tx', '\tEND')).toEqual(['PS2', 'PS2', true]);
  });

  it('like bash, reads a here-document body before reporting the error at the end of its line', () => {
    expect(feed('cat <<EOF >', 'hello', 'EOF')).toEqual(['PS2', 'PS2', true]);
  });

  it('open ${, $( and backquotes wait', () => {
    expect(feed('echo ${X:-a', 'b}')).toEqual(['PS2', true]);
    expect(feed('echo $(date', ')')).toEqual(['PS2', true]);
    expect(feed('echo `date', '`')).toEqual(['PS2', true]);
  });

  it('a syntax error is complete, so the runtime reports it at once, even before an open quote', () => {
    expect(feed('echo a | | "b')).toEqual([true]);
    expect(feed('fi')).toEqual([true]);
  });

  it('returns the whole input for parseScript, lines joined by newlines', () => {
    const acc = new LineAccumulator();
    acc.push('cat <<EOF');
    acc.push('hello');
    const r = acc.push('EOF');
    expect(r).toEqual({ complete: true, input: 'cat <<EOF\nhello\nEOF' });
    expect(r.complete && parseScript(r.input).errors).toEqual([]);
    expect(acc.pending).toBe(false);
  });

  it("end() hands back pending lines so that bash's end-of-file errors can be printed", () => {
    const acc = new LineAccumulator();
    acc.push('echo "abc');
    expect(acc.pending).toBe(true);
    const rest = acc.end();
    expect(rest).toBe('echo "abc\n');
    expect(parseScript(rest ?? '').errors.map((e) => e.message)).toEqual([
      'unexpected EOF while looking for matching `"\'',
      'syntax error: unexpected end of file',
    ]);
    expect(acc.end()).toBeNull();
  });

  it('reset() (Ctrl-C) drops pending lines', () => {
    const acc = new LineAccumulator();
    acc.push('echo "abc');
    acc.reset();
    expect(acc.push('echo ok')).toEqual({ complete: true, input: 'echo ok' });
  });

  it("bash's PS2 is '> '", () => {
    expect(PS2).toBe('> ');
  });
});
