/** Shared by this folder's tests: a fixed environment and one-line parse-and-expand helpers. */
import type { ParsedList, SimpleCommand } from './ast';
import { type ExpansionEnv, expandWord, expandWords } from './expand';
import { parseScript } from './parseScript';

/** An environment with `vars` set and `$?` = `lastStatus`. */
export function envOf(vars: Record<string, string>, lastStatus = 0): ExpansionEnv {
  return { get: (name) => (Object.hasOwn(vars, name) ? vars[name] : undefined), lastStatus };
}

/** Parses `text`, failing the test on any diagnostic. */
export function parseOk(text: string): ParsedList[] {
  const { commands, errors } = parseScript(text);
  if (errors.length > 0) throw new Error(`unexpected parse error: ${JSON.stringify(errors)}`);
  return commands;
}

/** The simple commands of `text`, in order. */
export function simpleCommands(text: string): SimpleCommand[] {
  return parseOk(text).flatMap((c) =>
    c.items.flatMap((i) => i.pipeline.commands.filter((c) => c.kind === 'simple')),
  );
}

/** The first command of `list`, which must be a simple one. */
export function simpleCommandOf(list: ParsedList): SimpleCommand {
  const command = list.items[0]?.pipeline.commands[0];
  if (command?.kind !== 'simple') throw new Error('a simple command expected');
  return command;
}

/** The argument vector the first command of `text` runs with. */
export function argv(text: string, env: ExpansionEnv = envOf({})): string[] {
  const [command] = simpleCommands(text);
  return command === undefined ? [] : expandWords(command.words, env);
}

/** The expanded redirections of the first command: `[fd, op, target]`. */
export function redirections(
  text: string,
  env: ExpansionEnv = envOf({}),
): [number | null, string, string][] {
  const [command] = simpleCommands(text);
  return (command?.redirections ?? []).map((r) => [r.fd, r.op, expandWord(r.target, env)]);
}
