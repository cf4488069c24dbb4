/**
 * Commands printed back the way bash shows them in `jobs` (print_cmd.c `make_command_string`):
 * words as typed, single spaces, redirections after the words (`> out`, `2>&1`, `<<EOF`).
 */
import type { Command, Pipeline, Redirection, SimpleCommand } from './ast';
import type { AndOrList } from './lists';

/** One redirection: `> out`, `2>&1`, `<<EOF`, `<<< "text"`. */
export function formatRedirection(r: Redirection): string {
  const fd = r.fd === null ? '' : String(r.fd);
  const target = typed(r.target.raw);
  const attached =
    r.hereDoc !== undefined || ((r.op === '>&' || r.op === '<&') && /^([0-9]+|-)$/.test(target));
  return `${fd}${r.op}${attached ? '' : ' '}${target}`;
}

/** Assignments, words, then redirections, single-spaced. */
export function formatSimpleCommand(c: SimpleCommand): string {
  return [
    ...c.assignments.map((a) => typed(a.raw)),
    ...c.words.map((w) => typed(w.raw)),
    ...c.redirections.map(formatRedirection),
  ].join(' ');
}

/** A simple command as above; a compound one as typed. */
export function formatCommand(c: Command): string {
  return c.kind === 'simple' ? formatSimpleCommand(c) : typed(c.source);
}

/** Commands joined with ` | `, after `! ` when negated. */
export function formatPipeline(p: Pipeline): string {
  return (p.negated ? '! ' : '') + p.commands.map(formatCommand).join(' | ');
}

/** An and-or list, e.g. `sleep 1 && echo hi || echo no` (the caller adds ` &` for a running job). */
export function formatAndOrList(list: AndOrList): string {
  return list.pipelines
    .map((p, i) => (i === 0 ? '' : ` ${list.operators[i - 1]} `) + formatPipeline(p))
    .join('');
}

/** Words after which bash's history joins the next line with a space rather than `; `. */
const openEndings = /(?:^|[\s;&|])(?:do|then|else|elif|in|\{|\(|\|\||&&|\|)$|[;|&({]$/;

/**
 * A command typed over several lines as bash's history keeps it (`cmdhist`, bashhist.c
 * `history_delimiting_chars`): one line, joined with `; ` where a command ended and with a space
 * after words that need more (`do`, `then`, `|`, …). `for i in a b⏎do⏎echo $i⏎done` becomes
 * `for i in a b; do echo $i; done`. Text with here-documents or `\`-continuations stays as typed.
 */
export function historyLine(source: string): string {
  if (!source.includes('\n') || source.includes('<<') || /\\\n/.test(source)) return source;
  const lines = source
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  return lines.reduce((joined, line) =>
    joined === '' ? line : `${joined}${openEndings.test(joined) ? ' ' : '; '}${line}`,
  );
}

/** The text as typed, without `\`-newline continuations. */
function typed(raw: string): string {
  return raw.replace(/\\\n/g, '');
}
