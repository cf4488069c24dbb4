/**
 * Expansion at execution time (bash manual §3.5): tilde, parameter, command substitution, then
 * word splitting of the unquoted results. There is no pathname expansion: an unquoted `*` stays
 * literal, as bash leaves a pattern that matches no file.
 */
import type { ParameterPart, Word, WordPart } from './ast';
import { type Segment, splitFields } from './fields';
import { patternToRegExp, removeMatch } from './pattern';

/** What expansion reads from the running shell. */
export interface ExpansionEnv {
  /**
   * A shell or environment variable, or `undefined` when unset. Special parameters are asked for
   * by their character: `$` (the shell's process id), `!` (the last background job's), `0`, `1`…,
   * `#`, `@`, `*`, `-`. Only `?` comes from `lastStatus`.
   */
  get(name: string): string | undefined;
  /** The exit status of the last command, for `$?`. */
  lastStatus: number;
  /** Assigns for `${VAR:=word}`; without it the default is used but not stored. */
  set?(name: string, value: string): void;
  /** Runs `$(…)`/`` `…` `` and returns its standard output (trailing newlines are removed here). */
  commandSubstitution?(source: string): string;
  /** Evaluates `$((…))`. */
  arithmetic?(expression: string): string;
}

/** Why expanding a word failed; `message` is bash's, without the `bash: ` prefix. */
export type ExpansionErrorCode =
  'BAD_SUBSTITUTION' | 'PARAMETER_NULL_OR_NOT_SET' | 'UNSUPPORTED_EXPANSION';

/**
 * An expansion bash refuses. `BAD_SUBSTITUTION` (`${a b}: bad substitution`) fails the command
 * with status 1 and skips the rest of its line; `PARAMETER_NULL_OR_NOT_SET` (`${X:?}` →
 * `X: parameter null or not set`) also makes a non-interactive shell exit with status 1.
 */
export class ExpansionError extends Error {
  constructor(
    readonly code: ExpansionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExpansionError';
  }
}

/** Expands a word to one string, without splitting: assignments, redirection targets, here-documents. */
export function expandWord(word: Word, env: ExpansionEnv): string {
  return expandParts(word.parts, env, false)
    .map((s) => s.text)
    .join('');
}

/**
 * Expands a command word into its arguments: unquoted expansions are split on `$IFS`, and a word
 * that expands to nothing unquoted (`$UNSET`, `${topic_name}`) yields no argument.
 */
export function expandWordFields(word: Word, env: ExpansionEnv): string[] {
  return splitFields(expandParts(word.parts, env, false), env.get('IFS'));
}

/** Expands every word of a command, in order: the argument vector. */
export function expandWords(words: Word[], env: ExpansionEnv): string[] {
  return words.flatMap((w) => expandWordFields(w, env));
}

/**
 * @param inArgument the parts are the word of an unquoted `${VAR:-word}`: its unquoted text is
 *   split along with the expansion (`${X:-a b}` gives two arguments)
 */
function expandParts(parts: WordPart[], env: ExpansionEnv, inArgument: boolean): Segment[] {
  return parts.flatMap((part): Segment[] => {
    switch (part.kind) {
      case 'literal':
        return [{ text: part.text, split: inArgument && !part.quoted, quoted: part.quoted }];
      case 'tilde':
        return [{ text: expandTilde(part.prefix, env), split: false, quoted: false }];
      case 'parameter':
        return expandParameter(part, env);
      case 'command': {
        if (env.commandSubstitution === undefined) {
          throw new ExpansionError(
            'UNSUPPORTED_EXPANSION',
            'command substitution is not supported in this shell',
          );
        }
        const text = env.commandSubstitution(part.source).replace(/\n+$/, '');
        return [{ text, split: !part.quoted, quoted: part.quoted }];
      }
      case 'arithmetic': {
        if (env.arithmetic === undefined) {
          throw new ExpansionError(
            'UNSUPPORTED_EXPANSION',
            'arithmetic expansion is not supported in this shell',
          );
        }
        return [{ text: env.arithmetic(part.source), split: !part.quoted, quoted: part.quoted }];
      }
      case 'invalid':
        if (part.reason === 'bad')
          throw new ExpansionError('BAD_SUBSTITUTION', `${part.source}: bad substitution`);
        throw new ExpansionError(
          'UNSUPPORTED_EXPANSION',
          `${part.source}: expansion not supported in this shell`,
        );
    }
  });
}

/** `~` → `$HOME`, `~+` → `$PWD`, `~-` → `$OLDPWD`; otherwise (or if unset) the text stays. */
function expandTilde(prefix: string, env: ExpansionEnv): string {
  const variable =
    prefix === '' ? 'HOME' : prefix === '+' ? 'PWD' : prefix === '-' ? 'OLDPWD' : null;
  return (variable === null ? undefined : env.get(variable)) ?? '~' + prefix;
}

function lookup(name: string, env: ExpansionEnv): string | undefined {
  if (name === '?') return String(env.lastStatus);
  const value = env.get(name);
  if (value !== undefined) return value;
  if (name === '#') return '0';
  if (name === '0') return 'bash';
  if (name === '@' || name === '*') return '';
  return undefined;
}

function expandParameter(part: ParameterPart, env: ExpansionEnv): Segment[] {
  const { name, operator, quoted } = part;
  const value = lookup(name, env);
  const valueSegment = (text: string): Segment[] => [{ text, split: !quoted, quoted }];
  if (part.length) return valueSegment(String(Array.from(value ?? '').length));
  // "$@" with no positional parameters is no argument at all, not an empty one.
  if (operator === null && quoted && name === '@' && value === '') return [];
  if (operator === null) return valueSegment(value ?? '');

  const argument = () => {
    const segments = expandParts(part.argument?.parts ?? [], env, !quoted);
    return quoted
      ? [{ text: segments.map((s) => s.text).join(''), split: false, quoted: true }]
      : segments;
  };
  const missing = value === undefined || (operator.startsWith(':') && value === '');
  switch (operator) {
    case '-':
    case ':-':
      return missing ? argument() : valueSegment(value ?? '');
    case '+':
    case ':+':
      return missing ? valueSegment('') : argument();
    case '=':
    case ':=': {
      if (!missing) return valueSegment(value ?? '');
      const assigned = argument()
        .map((s) => s.text)
        .join('');
      env.set?.(name, assigned);
      return valueSegment(assigned);
    }
    case '?':
    case ':?': {
      if (!missing) return valueSegment(value ?? '');
      const text = argument()
        .map((s) => s.text)
        .join('');
      const fallback = operator === '?' ? 'parameter not set' : 'parameter null or not set';
      throw new ExpansionError(
        'PARAMETER_NULL_OR_NOT_SET',
        `${name}: ${text === '' ? fallback : text}`,
      );
    }
    default: {
      const pattern = patternToRegExp(expandParts(part.argument?.parts ?? [], env, true));
      return valueSegment(removeMatch(value ?? '', pattern, operator));
    }
  }
}
