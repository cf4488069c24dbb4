import { describe, expect, it } from 'vitest';
import type { HereDoc } from './ast';
import { expandWord } from './expand';
import { formatDiagnostic } from './diagnostics';
import { parseScript } from './parseScript';
import { envOf, parseOk, simpleCommands } from './testEnv';

const env = envOf({ X: '1', TOPIC: 'orders' });

function hereDocOf(text: string): HereDoc {
  const doc = simpleCommands(text)[0]?.redirections.find((r) => r.hereDoc !== undefined)?.hereDoc;
  if (doc === undefined) throw new Error('no here-document');
  return doc;
}

// Expected bodies were checked against GNU bash 5.2.
describe('here-documents (bash manual §3.6.6)', () => {
  it('an unquoted delimiter expands $ and `, honours \\$ \\\\ \\`, and keeps quotes', () => {
    const doc = hereDocOf('cat <<EOF\n$X "$X" \'$X\' \\$X \\\\ \\" ${X:-d}\nEOF\n');
    expect(doc).toMatchObject({
      delimiter: 'EOF',
      quoted: false,
      stripTabs: false,
      terminatedByEof: false,
    });
    expect(expandWord(doc.body, env)).toBe('1 "1" \'1\' $X \\ \\" 1\n');
  });

  it('a quoted delimiter (\'EOF\', "EOF", E\\OF) keeps the body literal', () => {
    for (const delimiter of ["'EOF'", '"EOF"', 'E\\OF']) {
      const doc = hereDocOf(`cat <<${delimiter}\n$X \\$X\nEOF\n`);
      expect(doc.delimiter).toBe('EOF');
      expect(doc.quoted).toBe(true);
      expect(expandWord(doc.body, env)).toBe('$X \\$X\n');
    }
  });

  it('<<- strips leading tabs from the body and the delimiter line, not spaces', () => {
    const doc = hereDocOf('cat <<-EOF\n\t\tindented\n\t  x\n\tEOF\n');
    expect(doc.text).toBe('indented\n  x\n');
    expect(doc.stripTabs).toBe(true);
  });

  it('feeds a producer: the body follows the command line and the next command follows the delimiter', () => {
    const lists = parseOk(
      'kafka-console-producer.sh --topic $TOPIC <<EOF\nhello\n안녕하세요\nEOF\nkafka-console-consumer.sh --topic $TOPIC --from-beginning\n',
    );
    expect(lists.map((l) => [l.line, l.endLine])).toEqual([
      [1, 4],
      [5, 5],
    ]);
    expect(lists[0]?.source).toBe(
      'kafka-console-producer.sh --topic $TOPIC <<EOF\nhello\n안녕하세요\nEOF',
    );
    const doc = lists[0]?.items[0]?.pipeline.commands[0]?.redirections[0]?.hereDoc;
    expect(doc && expandWord(doc.body, env)).toBe('hello\n안녕하세요\n');
  });

  it('the delimiter must be the whole line: trailing blanks do not end the body', () => {
    expect(hereDocOf('cat <<EOF\nEOF \nEOF\n').text).toBe('EOF \n');
  });

  it('an unquoted body joins \\-newline before looking for the delimiter', () => {
    const doc = hereDocOf('cat <<EOF\na\\\nEOF\nEOF\n');
    expect(expandWord(doc.body, env)).toBe('aEOF\n');
  });

  it('two here-documents on one line are read in order', () => {
    const [command] = simpleCommands('cat <<A; cat <<B\nx\nA\ny\nB\n');
    expect(command?.redirections[0]?.hereDoc?.text).toBe('x\n');
    expect(
      simpleCommands('cat <<A; cat <<B\nx\nA\ny\nB\n')[1]?.redirections[0]?.hereDoc?.text,
    ).toBe('y\n');
  });

  it('a here-document in a pipeline continued with a backslash starts after the whole command', () => {
    const [list] = parseOk('cat <<EOF \\\n| grep a\nabc\nEOF\n');
    expect(list?.items[0]?.pipeline.commands).toHaveLength(2);
    expect(list?.items[0]?.pipeline.commands[0]?.redirections[0]?.hereDoc?.text).toBe('abc\n');
  });

  it('ending the input before the delimiter warns like bash and keeps the body', () => {
    const { commands, errors } = parseScript('echo a\ncat <<EOF\nhello\n');
    expect(errors).toEqual([]);
    const [warning] = commands[1]?.warnings ?? [];
    expect(warning && formatDiagnostic(warning, { interactive: false })).toEqual([
      "bash: line 3: warning: here-document at line 2 delimited by end-of-file (wanted `EOF')",
    ]);
    expect(warning && formatDiagnostic(warning, { interactive: true })).toEqual([
      "bash: warning: here-document at line 2 delimited by end-of-file (wanted `EOF')",
    ]);
    const doc = commands[1]?.items[0]?.pipeline.commands[0]?.redirections[0]?.hereDoc;
    expect(doc).toMatchObject({ text: 'hello\n', terminatedByEof: true });
  });

  it('the warning names the line before the body and the last line read', () => {
    const { commands } = parseScript('\n\ncat <<A <<B\nx\nA\ny\n');
    expect(commands[0]?.warnings.map((w) => [w.line, w.message])).toEqual([
      [6, "warning: here-document at line 5 delimited by end-of-file (wanted `B')"],
    ]);
  });
});
