/**
 * Every shell line in the study notes' fenced code blocks must parse exactly as written
 * (DESIGN §4: learners type the commands from their notes verbatim).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LineAccumulator } from './lineAccumulator';
import { parseScript } from './parseScript';
import { argv, envOf } from './testEnv';

/** The notes live beside the repository: /work/shared/seeds for /work/main. */
const seedsDir = resolve(
  fileURLToPath(new URL('.', import.meta.url)),
  '../../../../../shared/seeds',
);
const haveSeeds = existsSync(seedsDir);

/** Fence info strings of blocks meant for a shell; ```json and the like are skipped. */
const shellLanguages = new Set(['', 'shell', 'sh', 'bash', 'console', 'zsh']);

interface CodeBlock {
  file: string;
  line: number;
  language: string;
  lines: string[];
}

/** Fenced blocks of a Markdown note; an indented fence's indentation is removed from its lines. */
function codeBlocks(file: string, text: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let open: (CodeBlock & { indent: number }) | null = null;
  text.split('\n').forEach((line, i) => {
    const fence = /^(\s*)```\s*([\w-]*)/.exec(line);
    if (open === null) {
      if (fence)
        open = {
          file,
          line: i + 1,
          language: fence[2] ?? '',
          lines: [],
          indent: fence[1]?.length ?? 0,
        };
    } else if (fence) {
      blocks.push(open);
      open = null;
    } else {
      open.lines.push(line.slice(Math.min(open.indent, /^\s*/.exec(line)?.[0].length ?? 0)));
    }
  });
  return blocks;
}

const notes = haveSeeds
  ? readdirSync(seedsDir)
      .filter((f) => f.endsWith('.txt') || f.endsWith('.md'))
      .sort()
      .map((f) => ({ file: f, text: readFileSync(resolve(seedsDir, f), 'utf8') }))
  : [];
const allBlocks = notes.flatMap((n) => codeBlocks(n.file, n.text));
const blocks = allBlocks.filter((b) => shellLanguages.has(b.language));

/**
 * Commands some notes write as list items instead of code blocks (`- $KAFKA_HOME/bin/…`), without
 * the bullet.
 */
const listedCommands = notes.flatMap((n) =>
  n.text
    .split('\n')
    .map((line, i) => ({
      where: `${n.file}:${i + 1}`,
      m: /^\s*[-*]\s+((?:\$KAFKA_HOME\/|\.\/bin\/|bin\/)\S.*)$/.exec(line),
    }))
    .flatMap(({ where, m }) => (m?.[1] === undefined ? [] : [{ where, command: m[1] }])),
);

describe.skipIf(!haveSeeds)(`seed notes in ${seedsDir}`, () => {
  it('finds shell code blocks in every note that has code blocks', () => {
    expect(notes).toHaveLength(5);
    expect(new Set(blocks.map((b) => b.file))).toEqual(new Set(allBlocks.map((b) => b.file)));
  });

  it('parses the commands written as list items', () => {
    expect(listedCommands.length).toBeGreaterThan(0);
    for (const { where, command } of listedCommands) {
      expect(parseScript(command).errors, where).toEqual([]);
    }
  });

  it.each(blocks.map((b) => [`${b.file}:${b.line}`, b] as const))(
    '%s parses as a script',
    (_, block) => {
      expect(parseScript(block.lines.join('\n') + '\n').errors).toEqual([]);
    },
  );

  it('every line typed alone at the prompt is complete and parses without error', () => {
    const failures: string[] = [];
    for (const block of blocks) {
      block.lines.forEach((line, i) => {
        const where = `${block.file}:${block.line + 1 + i}: ${line}`;
        const typed = new LineAccumulator().push(line);
        if (!typed.complete) failures.push(`${where} (asks for more input)`);
        else if (parseScript(typed.input).errors.length > 0)
          failures.push(`${where} (syntax error)`);
      });
    }
    expect(failures).toEqual([]);
  });

  it("expands the notes' $KAFKA_HOME commands the way bash would", () => {
    const env = envOf({ KAFKA_HOME: '/opt/kafka' });
    expect(
      argv(
        '$KAFKA_HOME/bin/kafka-topics.sh --describe --topic ${topic_name} --bootstrap-server localhost:9092',
        env,
      ),
    ).toEqual([
      '/opt/kafka/bin/kafka-topics.sh',
      '--describe',
      '--topic',
      '--bootstrap-server',
      'localhost:9092',
    ]);
    expect(
      argv(
        './bin/kafka-topics.sh --create --topic quickstart-events --bootstrap-server localhost:9092 -partitions 1 ',
      ),
    ).toEqual([
      './bin/kafka-topics.sh',
      '--create',
      '--topic',
      'quickstart-events',
      '--bootstrap-server',
      'localhost:9092',
      '-partitions',
      '1',
    ]);
  });
});

describe.skipIf(haveSeeds)('seed notes', () => {
  it(`are not at ${seedsDir}: the notes test is skipped`, () => {
    expect(haveSeeds).toBe(false);
  });
});
