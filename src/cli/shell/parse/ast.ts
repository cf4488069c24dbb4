/**
 * The shell language's syntax tree: what the parser produces and the shell runtime executes.
 *
 * It models the subset of bash the Workbench supports (GNU bash manual, §3.2 Shell Commands,
 * §3.6 Redirections, §3.5 Shell Expansions). Nothing here is expanded yet: words keep their parts
 * (literal text, `~`, `$VAR`, `$(…)`) with their quoting, and `expandWord` / `expandWordFields`
 * (`expand.ts`) turn them into strings at execution time, when variables and `$?` are known.
 *
 * Positions are 1-based physical line numbers of the text given to the parser.
 */

/** A shell word: one argument, file name, assignment value or here-document body before expansion. */
export interface Word {
  /** The parts in order; their concatenated expansions form the word. */
  parts: WordPart[];
  /** The word exactly as typed (quotes and backslashes included), e.g. `"a b"'c'`. */
  raw: string;
  /**
   * Set when the word has the form of an assignment, `NAME=value` or `NAME+=value` with `NAME`
   * unquoted (bash also applies assignment-style tilde expansion to such arguments). Declaration
   * builtins (`export`, `readonly`, `declare`, `local`) expand `value` without field splitting.
   */
  assignment?: Assignment;
}

/** One piece of a word. `quoted` parts (inside `'…'`, `"…"`, `$'…'` or after `\`) are never split into fields. */
export type WordPart =
  LiteralPart | TildePart | ParameterPart | SubstitutionPart | InvalidExpansionPart;

/** Text used as is (quote removal already done). */
export interface LiteralPart {
  kind: 'literal';
  text: string;
  /** True when the text was quoted: `''` then still yields an (empty) argument. */
  quoted: boolean;
}

/**
 * An unquoted tilde-prefix (bash §3.5.2): `~` → `$HOME`, `~+` → `$PWD`, `~-` → `$OLDPWD`.
 * `~user` stays literal, as bash leaves it for an unknown user.
 */
export interface TildePart {
  kind: 'tilde';
  /** The characters after `~` up to the first `/` or `:`, e.g. `''`, `'+'`, `'kafka'`. */
  prefix: string;
}

/** Operators of `${NAME<op>word}` (bash §3.5.3). The `:` forms also treat an empty value as unset. */
export type ParameterOperator =
  '-' | ':-' | '=' | ':=' | '+' | ':+' | '?' | ':?' | '#' | '##' | '%' | '%%';

/** `$NAME`, `${NAME}`, `$?`, `$$`, `${#NAME}`, `${NAME:-word}`, … */
export interface ParameterPart {
  kind: 'parameter';
  /** Variable name, positional digits (`1`, `10`) or special parameter (`?`, `$`, `!`, `#`, `@`, `*`, `-`, `0`). */
  name: string;
  operator: ParameterOperator | null;
  /** The word after the operator (itself expanded only when needed); null without an operator. */
  argument: Word | null;
  /** `${#NAME}`: the value's length in characters. */
  length: boolean;
  /** Inside double quotes (or a here-document): the result is not split into fields. */
  quoted: boolean;
  /** As typed, e.g. `${topic_name}`; used in error messages. */
  source: string;
}

/** `$(command)`, `` `command` `` or `$((expression))`, run by the runtime at expansion time. */
export interface SubstitutionPart {
  kind: 'command' | 'arithmetic';
  /** The text between the delimiters, backquote escapes already removed for `` `…` ``. */
  source: string;
  quoted: boolean;
}

/**
 * A `${…}` that bash rejects when it expands it (`${a b}`, `${}` → `bad substitution`) or a valid
 * form this shell does not implement (`${a/x/y}`, `${a:1:2}`, `${!a}`): expanding it throws.
 */
export interface InvalidExpansionPart {
  kind: 'invalid';
  reason: 'bad' | 'unsupported';
  source: string;
  quoted: boolean;
}

/** `NAME=value` (or `NAME+=value`) before a command, or alone to set a shell variable. */
export interface Assignment {
  name: string;
  /** `+=`: append to the current value. */
  append: boolean;
  value: Word;
  raw: string;
}

/** Redirection operators (bash §3.6). */
export type RedirectionOperator =
  '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

/**
 * One redirection, applied left to right. `fd` is the explicit descriptor (`2` in `2>&1`), null for
 * the operator's default (`defaultFd`). `<&`/`>&` duplicate when `target` expands to digits, close
 * with `-`; `>&file` without a descriptor means `&>file`. `|&` is stored as a trailing `2>&1` on the
 * left command, as bash defines it.
 */
export interface Redirection {
  op: RedirectionOperator;
  fd: number | null;
  /** File, descriptor, here-string word, or for `<<` the delimiter word as typed. */
  target: Word;
  /** Present for `<<` and `<<-`. */
  hereDoc?: HereDoc;
  line: number;
}

/** A here-document body read from the lines after the command (bash §3.6.6). */
export interface HereDoc {
  /** The delimiter after quote removal, e.g. `EOF` for `<<'EOF'`. */
  delimiter: string;
  /** Any quoting in the delimiter word: the body is used literally, with no expansion. */
  quoted: boolean;
  /** `<<-`: leading tabs were stripped from the body lines and the delimiter line. */
  stripTabs: boolean;
  /** The body text (each line newline-terminated), tabs already stripped for `<<-`. */
  text: string;
  /** The body to expand with `expandWord` (a single literal part when `quoted`). */
  body: Word;
  /** True when input ended before the delimiter line: bash warns and uses what was read. */
  terminatedByEof: boolean;
}

/** A command name with arguments, assignments and redirections (bash §3.2.2). */
export interface SimpleCommand {
  kind: 'simple';
  /** Assignments before the first word; with no words they set shell variables. */
  assignments: Assignment[];
  /** The command name and its arguments, unexpanded. */
  words: Word[];
  redirections: Redirection[];
  line: number;
}

/** One command of a pipeline: a simple command or a compound one. */
export type Command = SimpleCommand | CompoundCommand;

/**
 * Compound commands (bash §3.2.5): loops, conditionals and groups. Their bodies are lists of
 * and-or lists, as a command line's are; the redirections after the closing word apply to the
 * whole command (`done < file`, `done > out`).
 */
export type CompoundCommand =
  | ForCommand
  | ArithmeticForCommand
  | LoopCommand
  | IfCommand
  | GroupCommand
  | SubshellCommand
  | ArithmeticCommand
  | ConditionalCommand
  | CaseCommand
  | FunctionDefinition;

/** What every compound command has. */
export interface CompoundBase {
  redirections: Redirection[];
  line: number;
  /** The command as typed, from its first reserved word to the closing one. */
  source: string;
}

/** `for NAME [in WORDS]; do LIST; done`; `words` is null without `in` (then `"$@"`). */
export interface ForCommand extends CompoundBase {
  kind: 'for';
  name: string;
  words: Word[] | null;
  body: ListItem[];
}

/** `for (( init; test; update )); do LIST; done`: the three arithmetic expressions as typed. */
export interface ArithmeticForCommand extends CompoundBase {
  kind: 'arithmeticFor';
  init: string;
  /** Empty means true, as in C. */
  test: string;
  update: string;
  body: ListItem[];
}

/** `while LIST; do LIST; done` and `until LIST; do LIST; done`. */
export interface LoopCommand extends CompoundBase {
  kind: 'while' | 'until';
  condition: ListItem[];
  body: ListItem[];
}

/** `if LIST; then LIST; [elif LIST; then LIST;]… [else LIST;] fi`. */
export interface IfCommand extends CompoundBase {
  kind: 'if';
  clauses: { condition: ListItem[]; body: ListItem[] }[];
  elseBody: ListItem[] | null;
}

/** `{ LIST; }`: a list run in the current shell, e.g. to redirect it as one. */
export interface GroupCommand extends CompoundBase {
  kind: 'group';
  body: ListItem[];
}

/** `( LIST )`: a list run in a subshell (bash §3.2.5.3): its variables and `cd` stay inside. */
export interface SubshellCommand extends CompoundBase {
  kind: 'subshell';
  body: ListItem[];
}

/** `(( expression ))`: status 0 when the expression is non-zero (bash §3.2.5.2). */
export interface ArithmeticCommand extends CompoundBase {
  kind: 'arithmetic';
  /** The text between `((` and `))`, expanded as in double quotes before it is evaluated. */
  expression: string;
}

/**
 * `[[ expression ]]` (bash §3.2.5.2): its words between the brackets, operators (`&&`, `||`, `!`,
 * `(`, `)`, `<`, `>`) as literal words. Words are expanded without splitting or globbing.
 */
export interface ConditionalCommand extends CompoundBase {
  kind: 'conditional';
  words: Word[];
}

/** `case WORD in [(]PATTERN[|PATTERN]…) LIST ;; … esac`. */
export interface CaseCommand extends CompoundBase {
  kind: 'case';
  word: Word;
  clauses: { patterns: Word[]; body: ListItem[]; terminator: ';;' | ';&' | ';;&' }[];
}

/** `NAME () COMPOUND` or `function NAME [()] COMPOUND`: defines a shell function. */
export interface FunctionDefinition extends CompoundBase {
  kind: 'function';
  name: string;
  body: CompoundCommand;
}

/**
 * `cmd1 | cmd2 | …`, optionally preceded by `!` (bash §3.2.3). A lone `!` gives one empty command
 * (status 0, negated to 1).
 */
export interface Pipeline {
  commands: Command[];
  /** `! cmd`: the exit status is logically negated. */
  negated: boolean;
}

/** What follows a pipeline in a list (bash §3.2.4); null at the end of the command line. */
export type Connector = ';' | '&&' | '||' | '&';

/**
 * One pipeline of a list and the operator after it. `&&`/`||` bind tighter than `;`/`&`, and `&`
 * sends the whole and-or list before it to the background: `a && b &` is one job. `andOrLists`
 * (`lists.ts`) regroups items that way.
 */
export interface ListItem {
  pipeline: Pipeline;
  connector: Connector | null;
  line: number;
  /** The pipeline's text as typed (without the connector). */
  source: string;
}

/** A complete command as bash reads it before running it: a list ended by a newline (or end of input). */
export interface ParsedList {
  items: ListItem[];
  /** First and last physical line, here-document bodies included. */
  line: number;
  endLine: number;
  /** Those physical lines, joined with `\n`, e.g. for `--echo` transcripts. */
  source: string;
  /** Diagnostics bash prints while reading this command (here-document ended by end of file). */
  warnings: ShellDiagnostic[];
}

/**
 * A message bash prints while reading input. `message` has no prefix; `formatDiagnostic` adds
 * `bash: ` (and `line N: ` outside an interactive shell) and, for syntax errors, the offending line.
 */
export interface ShellDiagnostic {
  severity: 'error' | 'warning';
  /** `syntax`: malformed input; `eof`: input ended inside a construct; `unsupported`: valid bash this shell does not run. */
  kind: 'syntax' | 'eof' | 'unsupported' | 'warning';
  message: string;
  line: number;
  /** Echoed by a non-interactive bash after a syntax error: `bash: line 3: `echo a | | b'`. */
  sourceLine?: string;
}

/** The result of parsing a whole script (or one interactive command). */
export interface ParseResult {
  /** Complete commands before the first error, in order. */
  commands: ParsedList[];
  /**
   * What bash prints when it stops reading (a non-interactive shell then exits with status 2):
   * the error, preceded by any here-document warning raised on the way (`severity: 'warning'`).
   */
  errors: ShellDiagnostic[];
}
