/**
 * Tab completion for a terminal line, as bash with Kafka's scripts on the PATH offers it: command
 * names (Kafka scripts by their `.sh` names), a tool's long options from the registry, topic and
 * group names from the cluster, bootstrap servers, container names for `docker`, and file paths.
 */
import type { ClusterSnapshot } from '../sim/index';
import { kafkaScripts } from '../cli/host/kafkaDistribution';
import { VirtualFs } from '../cli/host/virtualFs';
import { canonicalToolName } from '../cli/runtime/commandName';
import type { ToolRegistry } from '../cli/runtime/registry';
import type { Tool } from '../cli/runtime/types';
import type { Completion } from './protocol';

/** What completion may look at. */
export interface CompletionContext {
  registry: ToolRegistry;
  builtins: Iterable<Tool>;
  fs: VirtualFs;
  cwd: string;
  home: string;
  kafkaHome: string;
  containers: string[];
  snapshot(): ClusterSnapshot;
}

interface Word {
  text: string;
  start: number;
}

const scripts = new Set<string>(kafkaScripts);
const serverOptions = new Set(['bootstrap-server', 'broker-list', 'bootstrap-controller']);
const dockerContainerCommands = new Set(['stop', 'start', 'restart', 'kill', 'exec', 'logs']);

/** Candidates for the word that ends at `cursor` in `line`. */
export function complete(line: string, cursor: number, ctx: CompletionContext): Completion {
  const before = line.slice(0, Math.max(0, Math.min(cursor, line.length)));
  const words = currentCommandWords(before);
  const current = words.pop() ?? { text: '', start: before.length };
  const to = before.length;
  const result = (candidates: string[]): Completion => ({
    from: current.start,
    to,
    candidates: [...new Set(candidates.filter((c) => c.startsWith(current.text)))].sort(),
  });
  const texts = withoutReservedPrefix(words.map((w) => w.text)).filter(
    (t, i, all) => !isAssignmentPrefix(all, i),
  );
  const commandIndex = commandWordIndex(texts);
  if (texts.length === commandIndex)
    return result(
      isPathLike(current.text) ? paths(current.text, ctx) : commandNames(ctx, current.text),
    );
  const command = canonicalToolName(texts[commandIndex] ?? '');
  const previous = texts[texts.length - 1] ?? '';
  const option = /^--?([\w.-]+)$/.exec(previous)?.[1];
  if (option === 'topic') {
    const showInternal = current.text.startsWith('_');
    return result(
      ctx
        .snapshot()
        .topics.filter((t) => showInternal || !t.internal)
        .map((t) => t.name),
    );
  }
  if (option === 'group') return result(groupIds(ctx.snapshot()));
  if (option !== undefined && serverOptions.has(option))
    return result(ctx.snapshot().brokers.map((b) => `localhost:${b.port}`));
  if (current.text.startsWith('-')) {
    const tool = ctx.registry.get(command);
    return result((tool?.optionNames ?? []).map((o) => `--${o}`));
  }
  if (command === 'docker' && dockerContainerCommands.has(texts[commandIndex + 1] ?? ''))
    return result(ctx.containers);
  return result(paths(current.text, ctx));
}

/**
 * The words of the simple command the cursor is in, with the word being typed last (empty when
 * the line ends in a blank). Quotes group words; `|`, `;`, `&` and newlines start a new command.
 */
function currentCommandWords(text: string): Word[] {
  let words: Word[] = [];
  let word: Word | undefined;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else word!.text += c;
      continue;
    }
    if (c === '\\' && i + 1 < text.length) {
      word ??= { text: '', start: i };
      word.text += text[++i];
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      word ??= { text: '', start: i };
      continue;
    }
    if (/\s/.test(c) || c === '|' || c === ';' || c === '&') {
      if (word) words.push(word);
      word = undefined;
      if (c !== ' ' && c !== '\t') words = [];
      continue;
    }
    word ??= { text: '', start: i };
    word.text += c;
  }
  words.push(word ?? { text: '', start: text.length });
  return words;
}

/** Reserved words after which a command starts (`do kafka-to⇥`, `then ec⇥`). */
const commandStartingWords = new Set([
  'do',
  'then',
  'else',
  'elif',
  'if',
  'while',
  'until',
  '!',
  '{',
]);

/** The words from the command's name on: reserved words before it are not the command. */
function withoutReservedPrefix(words: string[]): string[] {
  let i = 0;
  while (i < words.length && commandStartingWords.has(words[i]!)) i++;
  return words.slice(i);
}

function isAssignmentPrefix(words: string[], i: number): boolean {
  return words.slice(0, i + 1).every((w) => /^[A-Za-z_]\w*=/.test(w));
}

/**
 * Index of the word that names the program: 0, or the one after `docker exec [-it] kafka1` /
 * `docker compose exec kafka1`.
 */
function commandWordIndex(words: string[]): number {
  if (words[0] !== 'docker') return 0;
  let i = 1;
  if (words[i] === 'compose' || words[i] === 'docker-compose') i++;
  if (words[i] !== 'exec') return 0;
  i++;
  while (words[i]?.startsWith('-')) i++;
  // The container (or service) name; the program follows it.
  return i < words.length ? i + 1 : 0;
}

function commandNames(ctx: CompletionContext, typed: string): string[] {
  const names = [...ctx.builtins].map((t) => t.name);
  for (const tool of ctx.registry.all())
    names.push(scripts.has(tool.name) ? `${tool.name}.sh` : tool.name);
  // `kafka-topics` (the Confluent images' spelling) completes too once typed that far.
  for (const tool of ctx.registry.all())
    if (scripts.has(tool.name) && typed.length > 0 && tool.name.startsWith(typed))
      names.push(tool.name);
  return names;
}

function isPathLike(word: string): boolean {
  return word.includes('/') || word.includes('\\') || word.startsWith('~') || word.startsWith('$');
}

/** File names under the directory part of `typed`, directories with a trailing `/`. */
function paths(typed: string, ctx: CompletionContext): string[] {
  const slash = Math.max(typed.lastIndexOf('/'), typed.lastIndexOf('\\'));
  const dirTyped = typed.slice(0, slash + 1);
  const expanded = dirTyped
    .replace(/^\$\{?KAFKA_HOME\}?/, ctx.kafkaHome)
    .replace(/^\$\{?HOME\}?/, ctx.home);
  const dir = VirtualFs.resolve(ctx.cwd, expanded === '' ? '.' : expanded, ctx.home);
  if (!ctx.fs.isDir(dir)) return [];
  return ctx.fs.list(dir).map((name) => {
    const full = dir === '/' ? `/${name}` : `${dir}/${name}`;
    return `${dirTyped}${name}${ctx.fs.isDir(full) ? '/' : ''}`;
  });
}

function groupIds(snapshot: ClusterSnapshot): string[] {
  return snapshot.groups
    .map((g) => (g as { groupId?: unknown }).groupId)
    .filter((id): id is string => typeof id === 'string');
}
