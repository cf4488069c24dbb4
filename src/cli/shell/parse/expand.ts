/**
 * Expansion at execution time (bash manual §3.5): tilde, parameter and command substitution, then
 * word splitting of the unquoted results. Pathname expansion is the runtime's (it needs the
 * filesystem).
 *
 * Command substitution runs a command, which in the runtime takes virtual time; expansion is
 * therefore written as an {@link Expansion}: a generator that yields the source of each `$(…)` it
 * reaches, left to right, and resumes with that command's output and status. The runtime drives it
 * as commands finish; `expandWord` and friends drive it synchronously through
 * `env.commandSubstitution`.
 */
import type { ParameterPart, Word, WordPart } from './ast';
import { ArithmeticError, evaluateArithmetic } from '../arithmetic';
import { IncompleteInput } from './diagnostics';
import { type Segment, splitFields } from './fields';
import { patternToRegExp, removeMatch } from './pattern';
import { WordScanner } from './scanner';
import { SourceText } from './source';

/** What expansion reads from the running shell. */
export interface ExpansionEnv {
  /**
   * A shell or environment variable, or `undefined` when unset. Special parameters are asked for
   * by their character: `$` (the shell's process id), `!` (the last background job's), `0`, `1`…,
   * `#`, `@`, `*`, `-`. Only `?` comes from `lastStatus`.
   */
  get(name: string): string | undefined;
  /** The exit status of the last command, for `$?` (until a command substitution replaces it). */
  lastStatus: number;
  /** Assigns for `${VAR:=word}`; without it the default is used but not stored. */
  set?(name: string, value: string): void;
  /**
   * Runs `$(…)`/`` `…` `` for the synchronous `expandWord*` functions and returns its standard
   * output (trailing newlines are removed here). A runtime that runs commands in virtual time
   * drives an {@link Expansion} instead.
   */
  commandSubstitution?(source: string): string;
}

/** What a command substitution produced: its standard output as written, and its exit status. */
export interface SubstitutionResult {
  output: string;
  status: number;
}

/**
 * An expansion in progress. Each value it yields is the source of a command substitution (the text
 * between `$(` and `)`, or between backquotes), in the order bash runs them; resume it with that
 * command's {@link SubstitutionResult}. `$?` after a substitution is its status (bash sets it as
 * soon as the substitution ends). It returns the expanded `T` or throws an {@link ExpansionError}.
 */
export type Expansion<T> = Generator<string, T, SubstitutionResult>;

/** Why expanding a word failed; `message` is bash's, without the `bash: ` prefix. */
export type ExpansionErrorCode =
  'BAD_SUBSTITUTION' | 'PARAMETER_NULL_OR_NOT_SET' | 'UNSUPPORTED_EXPANSION' | 'ARITHMETIC';

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

/** The environment and the `$?` an expansion in progress sees. */
interface State {
  env: ExpansionEnv;
  lastStatus: number;
}

/**
 * Runs `expansion` to its end, answering its command substitutions with
 * `env.commandSubstitution` (status 0); without one, a substitution fails as unsupported.
 */
export function completeExpansion<T>(expansion: Expansion<T>, env: ExpansionEnv): T {
  for (let step = expansion.next(); ;) {
    if (step.done) return step.value;
    if (env.commandSubstitution === undefined) {
      throw new ExpansionError(
        'UNSUPPORTED_EXPANSION',
        'command substitution is not supported in this shell',
      );
    }
    step = expansion.next({ output: env.commandSubstitution(step.value), status: 0 });
  }
}

/** Expands a word to one string, without splitting: assignments, redirection targets, here-documents. */
export function expandWord(word: Word, env: ExpansionEnv): string {
  return completeExpansion(wordExpansion(word, env), env);
}

/**
 * Expands a command word into its arguments: unquoted expansions are split on `$IFS`, and a word
 * that expands to nothing unquoted (`$UNSET`, `${topic_name}`) yields no argument.
 */
export function expandWordFields(word: Word, env: ExpansionEnv): string[] {
  return completeExpansion(fieldsExpansion(word, env), env);
}

/** Expands every word of a command, in order: the argument vector. */
export function expandWords(words: Word[], env: ExpansionEnv): string[] {
  return completeExpansion(wordsExpansion(words, env), env);
}

/**
 * {@link expandWord} as an {@link Expansion}. `env.lastStatus` is `$?` until the first command
 * substitution; `env.commandSubstitution` is not used.
 */
export function* wordExpansion(word: Word, env: ExpansionEnv): Expansion<string> {
  const segments = yield* expandParts(word.parts, stateOf(env), false);
  return segments.map((s) => s.text).join('');
}

/** {@link expandWordFields} as an {@link Expansion}. */
export function* fieldsExpansion(word: Word, env: ExpansionEnv): Expansion<string[]> {
  return splitFields(yield* expandParts(word.parts, stateOf(env), false), env.get('IFS'));
}

/** {@link expandWords} as one {@link Expansion}: `$?` set by a substitution holds for later words. */
export function* wordsExpansion(words: Word[], env: ExpansionEnv): Expansion<string[]> {
  const state = stateOf(env);
  const fields: string[] = [];
  for (const word of words)
    fields.push(...splitFields(yield* expandParts(word.parts, state, false), env.get('IFS')));
  return fields;
}

/** A state whose `$?` follows `env.lastStatus` until a substitution in this expansion sets it. */
function stateOf(env: ExpansionEnv): State {
  let own: number | undefined;
  return {
    env,
    get lastStatus() {
      return own ?? env.lastStatus;
    },
    set lastStatus(status: number) {
      own = status;
    },
  };
}

/**
 * @param inArgument the parts are the word of an unquoted `${VAR:-word}`: its unquoted text is
 *   split along with the expansion (`${X:-a b}` gives two arguments)
 */
function* expandParts(parts: WordPart[], state: State, inArgument: boolean): Expansion<Segment[]> {
  const segments: Segment[] = [];
  for (const part of parts) segments.push(...(yield* expandPart(part, state, inArgument)));
  return segments;
}

function* expandPart(part: WordPart, state: State, inArgument: boolean): Expansion<Segment[]> {
  const { env } = state;
  switch (part.kind) {
    case 'literal':
      return [{ text: part.text, split: inArgument && !part.quoted, quoted: part.quoted }];
    case 'tilde':
      return [{ text: expandTilde(part.prefix, env), split: false, quoted: false }];
    case 'parameter':
      return yield* expandParameter(part, state);
    case 'command': {
      const result = yield part.source;
      state.lastStatus = result.status;
      const text = result.output.replace(/\n+$/, '');
      return [{ text, split: !part.quoted, quoted: part.quoted }];
    }
    case 'arithmetic': {
      // The expression is expanded as in double quotes first (bash §3.5.5), then evaluated.
      const segments = yield* expandParts(quotedTextWord(part.source).parts, state, false);
      const text = String(arithmetic(joined(segments), env));
      return [{ text, split: !part.quoted, quoted: part.quoted }];
    }
    case 'invalid':
      if (part.reason === 'bad')
        throw new ExpansionError('BAD_SUBSTITUTION', `${part.source}: bad substitution`);
      throw new ExpansionError(
        'UNSUPPORTED_EXPANSION',
        `${part.source}: expansion not supported in this shell`,
      );
  }
}

/** Evaluates an expanded arithmetic expression; bash's errors become `ARITHMETIC` expansion errors. */
function arithmetic(expression: string, env: ExpansionEnv): bigint {
  try {
    return evaluateArithmetic(expression, {
      get: (name) => env.get(name),
      set: (name, value) => env.set?.(name, value),
    });
  } catch (e) {
    if (e instanceof ArithmeticError) throw new ExpansionError('ARITHMETIC', e.message);
    throw e;
  }
}

/**
 * `text` read as the body of an unquoted here-document: `$…`, `` `…` `` and `\` are special, the
 * rest is quoted text. The expression of `$((…))` and `((…))` is expanded this way.
 */
export function quotedTextWord(text: string): Word {
  try {
    return new WordScanner(new SourceText(text)).readHereDocBody();
  } catch (e) {
    // An unclosed `${` inside: bash fails to evaluate the text as it stands.
    if (e instanceof IncompleteInput)
      return { parts: [{ kind: 'literal', text, quoted: true }], raw: text };
    throw e;
  }
}

/**
 * Whether `subject` matches `pattern` as a `case` pattern or the right side of `[[ == ]]` (bash
 * §3.5.8.1): `*`, `?` and `[…]` in its unquoted text and expansions; quoted text matches itself.
 * Command substitutions in the pattern are answered by `env.commandSubstitution` if given.
 */
export function patternMatches(subject: string, pattern: Word, env: ExpansionEnv): boolean {
  const segments = completeExpansion(expandParts(pattern.parts, stateOf(env), true), env);
  return patternToRegExp(segments).test(subject);
}

/** `~` → `$HOME`, `~+` → `$PWD`, `~-` → `$OLDPWD`; otherwise (or if unset) the text stays. */
function expandTilde(prefix: string, env: ExpansionEnv): string {
  const variable =
    prefix === '' ? 'HOME' : prefix === '+' ? 'PWD' : prefix === '-' ? 'OLDPWD' : null;
  return (variable === null ? undefined : env.get(variable)) ?? '~' + prefix;
}

function lookup(name: string, state: State): string | undefined {
  if (name === '?') return String(state.lastStatus);
  const value = state.env.get(name);
  if (value !== undefined) return value;
  if (name === '#') return '0';
  if (name === '0') return 'bash';
  if (name === '@' || name === '*') return '';
  return undefined;
}

const joined = (segments: Segment[]) => segments.map((s) => s.text).join('');

/** `"$@"`: `$1`, `$2`, … as separate fields (`$#` of them). */
function positionalFields(state: State): Segment[] {
  const count = Number(lookup('#', state) ?? '0');
  const segments: Segment[] = [];
  for (let i = 1; i <= count; i++) {
    const text = lookup(String(i), state) ?? '';
    segments.push({ text, split: false, quoted: true, fieldBreak: i > 1 });
  }
  return segments;
}

function* expandParameter(part: ParameterPart, state: State): Expansion<Segment[]> {
  const { name, operator, quoted } = part;
  const value = lookup(name, state);
  const valueSegment = (text: string): Segment[] => [{ text, split: !quoted, quoted }];
  if (part.length) return valueSegment(String(Array.from(value ?? '').length));
  // "$@" is one argument per positional parameter, and none at all without any.
  if (operator === null && quoted && name === '@') return positionalFields(state);
  if (operator === null) return valueSegment(value ?? '');

  function* argument(): Expansion<Segment[]> {
    const segments = yield* expandParts(part.argument?.parts ?? [], state, !quoted);
    return quoted ? [{ text: joined(segments), split: false, quoted: true }] : segments;
  }
  const missing = value === undefined || (operator.startsWith(':') && value === '');
  switch (operator) {
    case '-':
    case ':-':
      return missing ? yield* argument() : valueSegment(value ?? '');
    case '+':
    case ':+':
      return missing ? valueSegment('') : yield* argument();
    case '=':
    case ':=': {
      if (!missing) return valueSegment(value ?? '');
      const assigned = joined(yield* argument());
      state.env.set?.(name, assigned);
      return valueSegment(assigned);
    }
    case '?':
    case ':?': {
      if (!missing) return valueSegment(value ?? '');
      const text = joined(yield* argument());
      const fallback = operator === '?' ? 'parameter not set' : 'parameter null or not set';
      throw new ExpansionError(
        'PARAMETER_NULL_OR_NOT_SET',
        `${name}: ${text === '' ? fallback : text}`,
      );
    }
    default: {
      const pattern = patternToRegExp(yield* expandParts(part.argument?.parts ?? [], state, true));
      return valueSegment(removeMatch(value ?? '', pattern, operator));
    }
  }
}
