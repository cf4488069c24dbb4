/**
 * The shell commands in the learners' notes (`../shared/seeds/`), extracted in the order the notes
 * give them: lines of shell-fenced code blocks, and commands written as list items (`- $KAFKA_HOME/…`,
 * `$ tar …`). YAML and JSON blocks, Gradle lines and prose are not commands.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const seedsDir = resolve(__dirname, '../../../shared/seeds');

const commandStart =
  /^(\.\/bin\/|bin\/|\$KAFKA_HOME\/|(kafka|zookeeper)-[a-z-]+(\.sh)? |docker (pull|run|compose|exec|ps|stop|start|restart|kill) |tar )/;

/** Commands of one note, verbatim, in order. */
export function commandsOf(text: string): string[] {
  const out: string[] = [];
  let fence: string | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const fenceMatch = /^```(\w*)/.exec(line);
    if (fenceMatch) {
      fence = fence === undefined ? (fenceMatch[1] ?? '') : undefined;
      continue;
    }
    const candidate = (fence !== undefined ? line : line.replace(/^- /, '')).replace(/^\$ /, '');
    if (fence !== undefined && !['', 'shell', 'bash', 'sh'].includes(fence)) continue;
    if (commandStart.test(candidate)) out.push(candidate);
  }
  return out;
}

/** Every note file with its commands; empty when the seeds folder is not there. */
export function seedNotes(): { file: string; commands: string[] }[] {
  if (!existsSync(seedsDir)) return [];
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, commands: commandsOf(readFileSync(resolve(seedsDir, file), 'utf8')) }));
}
