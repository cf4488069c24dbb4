import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './diagnostics';
import { parseScript } from './parseScript';

/** What a non-interactive bash prints on stderr while reading `text` (bash 5.1 wording, `bash < script`). */
function scriptErrors(text: string): string[] {
  const { commands, errors } = parseScript(text);
  return [...commands.flatMap((c) => c.warnings), ...errors].flatMap((d) =>
    formatDiagnostic(d, { interactive: false }),
  );
}

/** What an interactive bash prints for one command line. */
function interactiveErrors(text: string): string[] {
  return parseScript(text).errors.flatMap((d) => formatDiagnostic(d, { interactive: true }));
}

const near = (token: string, line: number, source: string) => [
  `bash: line ${line}: syntax error near unexpected token \`${token}'`,
  `bash: line ${line}: \`${source}'`,
];

// Messages and line numbers were checked against GNU bash (5.2 for the first line of each; the
// trailing `syntax error: unexpected end of file` after an unclosed quote is bash 5.1's).
describe("bash's syntax errors", () => {
  it.each([
    ['echo a | | b', '|'],
    ['| x', '|'],
    ['echo a; ;', ';'],
    [';', ';'],
    ['&', '&'],
    ['a & ;', ';'],
    ['&& a', '&&'],
    ['echo a & & b', '&'],
    ['echo a &&& b', '&'],
    ['echo a ;; b', ';;'],
    ['echo a >', 'newline'],
    ['echo a > | b', '|'],
    ['echo a > ; b', ';'],
    ['echo a > >x', '>'],
    ['echo > 2>x', '2'],
    ['cat <<', 'newline'],
    ['cat << |', '|'],
    ['echo )', ')'],
    ['echo a (', '('],
    ['echo (', 'newline'],
    ['x=1 (', '('],
    ['a | ! b', '!'],
    ['fi', 'fi'],
    ['echo a; then', 'then'],
    ['done', 'done'],
    ['}', '}'],
  ])("%s → near unexpected token `%s'", (text, token) => {
    expect(scriptErrors(text + '\n')).toEqual(near(token, 1, text));
    expect(interactiveErrors(text + '\n')).toEqual([
      `bash: syntax error near unexpected token \`${token}'`,
    ]);
  });

  it('reports the physical line of the offending token and stops there', () => {
    const { commands, errors } = parseScript('echo a\necho b | | c\necho c\n');
    expect(commands.map((c) => c.source)).toEqual(['echo a']);
    expect(errors.flatMap((d) => formatDiagnostic(d, { interactive: false }))).toEqual(
      near('|', 2, 'echo b | | c'),
    );
  });

  it('inside a command spread over lines, blames the line the token is on', () => {
    expect(scriptErrors('echo a \\\n | | b\n')).toEqual(near('|', 2, ' | | b'));
    expect(scriptErrors("echo 'a\nb' | | x\n")).toEqual(near('|', 2, "b' | | x"));
    expect(scriptErrors('echo a |\n| b\n')).toEqual(near('|', 2, '| b'));
  });

  it('a syntax error on a here-document line is reported before its body is read', () => {
    expect(scriptErrors('cat <<EOF | |\nbody\nEOF\n')).toEqual(near('|', 1, 'cat <<EOF | |'));
  });

  it('an unterminated quote in a script: unexpected EOF, then unexpected end of file', () => {
    expect(scriptErrors('echo a\necho "b\necho c\n')).toEqual([
      'bash: line 2: unexpected EOF while looking for matching `"\'',
      'bash: line 4: syntax error: unexpected end of file',
    ]);
    expect(scriptErrors("echo it's\n")).toEqual([
      "bash: line 1: unexpected EOF while looking for matching `''",
      'bash: line 2: syntax error: unexpected end of file',
    ]);
  });

  it('names the missing closer of ${, $( and backquotes', () => {
    expect(scriptErrors('echo ${foo\n')[0]).toBe(
      "bash: line 1: unexpected EOF while looking for matching `}'",
    );
    expect(scriptErrors('echo $(foo\n')[0]).toBe(
      "bash: line 1: unexpected EOF while looking for matching `)'",
    );
    expect(scriptErrors('echo `foo\n')[0]).toBe(
      "bash: line 1: unexpected EOF while looking for matching ``'",
    );
  });

  it('a trailing |, && or || at the end of a script is an unexpected end of file', () => {
    expect(scriptErrors('echo a\necho a |\n')).toEqual([
      'bash: line 3: syntax error: unexpected end of file',
    ]);
    expect(scriptErrors('echo a &&')).toEqual([
      'bash: line 2: syntax error: unexpected end of file',
    ]);
    expect(scriptErrors('echo a ||\n\n\n')).toEqual([
      'bash: line 4: syntax error: unexpected end of file',
    ]);
  });

  it('in an interactive shell the end-of-file errors carry no line numbers', () => {
    expect(interactiveErrors('echo "abc\n')).toEqual([
      'bash: unexpected EOF while looking for matching `"\'',
      'bash: syntax error: unexpected end of file',
    ]);
  });

  it('a script name replaces bash in the prefix', () => {
    const [error] = parseScript('| x\n').errors;
    expect(error && formatDiagnostic(error, { interactive: false, name: 'setup.sh' })).toEqual([
      "setup.sh: line 1: syntax error near unexpected token `|'",
      "setup.sh: line 1: `| x'",
    ]);
  });

  it('firstLine continues the numbering of an earlier part of the input', () => {
    expect(parseScript('| x\n', { firstLine: 7 }).errors[0]?.line).toBe(7);
  });

  it('select is refused as unsupported, not misparsed', () => {
    expect(scriptErrors('select x in a b; do echo; done\n')).toEqual([
      'bash: line 1: select: compound commands are not supported in this shell',
      "bash: line 1: `select x in a b; do echo; done'",
    ]);
    expect(parseScript('(cd /tmp && ls)\n').errors).toEqual([]);
    expect(scriptErrors('( )\n')).toEqual(near(')', 1, '( )'));
  });

  it('compound commands parse; stray or missing reserved words are bash syntax errors', () => {
    expect(parseScript('for t in a b; do echo $t; done\nif true; then :; fi\n').errors).toEqual([]);
    expect(scriptErrors('for i in 1; do echo; done; done\n')).toEqual(
      near('done', 1, 'for i in 1; do echo; done; done'),
    );
    expect(scriptErrors('while true; do :\n')).toEqual([
      'bash: line 2: syntax error: unexpected end of file',
    ]);
    expect(scriptErrors('if true; then fi\n')).toEqual(near('fi', 1, 'if true; then fi'));
    expect(scriptErrors('f() echo hi\n')).toEqual(near('echo', 1, 'f() echo hi'));
  });

  it('reserved words are ordinary words after the command name', () => {
    expect(parseScript('echo if then fi done {\n').errors).toEqual([]);
  });
});

describe('here-document warnings before an error', () => {
  it('a here-document ended by end of file is reported before the end-of-file error', () => {
    expect(scriptErrors('cat <<EOF |')).toEqual([
      "bash: line 1: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')",
      'bash: line 2: syntax error: unexpected end of file',
    ]);
  });

  it('and before a syntax error at the newline that started reading it', () => {
    expect(scriptErrors('cat <<EOF >\n')).toEqual([
      "bash: line 1: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')",
      ...near('newline', 1, 'cat <<EOF >'),
    ]);
  });
});

describe('line numbers after here-document bodies', () => {
  it('an error at the newline that started a body is counted after the body, echoing the command line', () => {
    expect(scriptErrors('cat <<EOF <\nhello\nEOF\n')).toEqual(near('newline', 3, 'cat <<EOF <'));
  });

  it('an error on the line after a body names that line', () => {
    expect(scriptErrors('cat <<EOF\nhello\nEOF\n| x\n')).toEqual(near('|', 4, '| x'));
  });
});
