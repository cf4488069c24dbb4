/**
 * `${…}` parameter expansion syntax (bash manual §3.5.3). bash checks the form only when it
 * expands the word, so a malformed `${a b}` parses and fails later with `bad substitution`.
 */
import type { ParameterOperator, WordPart } from './ast';
import type { WordScanner } from './scanner';

const namePattern = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$!#@*-])/;
const operatorPattern = /^(?::[-=+?]|[-=+?]|##?|%%?)/;

/** Reads `${…}` at the scanner's position (on the `$`) and returns the part it denotes. */
export function readBraceParameter(s: WordScanner, quoted: boolean): WordPart {
  const text = s.text;
  const open = s.pos;
  const line = s.source.lineAt(open);
  let i = open + 2;

  const invalid = (reason: 'bad' | 'unsupported'): WordPart => {
    s.pos = i;
    s.readArgument(quoted, line);
    s.pos++;
    return { kind: 'invalid', reason, source: text.slice(open, s.pos), quoted };
  };

  let length = false;
  if (text[i] === '#' && text[i + 1] !== '}' && namePattern.test(text.slice(i + 1, i + 2))) {
    length = true;
    i++;
  }
  if (text[i] === '!' && /[A-Za-z_@*#]/.test(text[i + 1] ?? '')) return invalid('unsupported');
  const name = namePattern.exec(text.slice(i, i + 256))?.[0] ?? '';
  if (name === '') return invalid('bad');
  i += name.length;

  if (text[i] === '}') {
    s.pos = i + 1;
    const source = text.slice(open, s.pos);
    return { kind: 'parameter', name, operator: null, argument: null, length, quoted, source };
  }
  const operator = operatorPattern.exec(text.slice(i, i + 2))?.[0] as ParameterOperator | undefined;
  if (operator === undefined || length) {
    return invalid(!length && /^[:/^,@]/.test(text.slice(i, i + 1)) ? 'unsupported' : 'bad');
  }
  s.pos = i + operator.length;
  const argument = s.readArgument(quoted, line);
  s.pos++;
  const source = text.slice(open, s.pos);
  return { kind: 'parameter', name, operator, argument, length, quoted, source };
}
