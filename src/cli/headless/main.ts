/**
 * `kafka-sim [--brokers N] [--seed S] [--mode kraft|zookeeper] [--echo] [SCRIPT]` (DESIGN §4).
 * Reads commands from SCRIPT or stdin; on a TTY with no SCRIPT it is an interactive prompt.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { LineAccumulator, parseScript, formatDiagnostic } from '../shell/parse/index';
import { createHeadlessSession, runCommandLine, runHeadless } from './runHeadless';
import type { HeadlessOptions } from './runHeadless';

const usage =
  'Usage: kafka-sim [--brokers N] [--seed S] [--mode kraft|zookeeper] [--echo] [SCRIPT]\n';

function parseArgs(argv: string[]): { options: HeadlessOptions; script?: string } | string {
  const options: HeadlessOptions = {};
  let script: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--brokers') {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 0 || v > 9)
        return 'kafka-sim: --brokers takes a number from 0 to 9\n';
      options.brokers = v;
    } else if (flag === '--seed') {
      const v = Number(value());
      if (!Number.isInteger(v)) return 'kafka-sim: --seed takes an integer\n';
      options.seed = v;
    } else if (flag === '--mode') {
      const v = value();
      if (v !== 'kraft' && v !== 'zookeeper') return 'kafka-sim: --mode is kraft or zookeeper\n';
      options.mode = v;
    } else if (flag === '--echo') options.echo = true;
    else if (flag === '--help' || flag === '-h') return usage;
    else if (arg.startsWith('-') && arg !== '-')
      return `kafka-sim: unknown option ${arg}\n${usage}`;
    else if (script === undefined) script = arg;
    else return `kafka-sim: only one SCRIPT may be given\n${usage}`;
  }
  return { options, script };
}

function readStdin(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch {
    return '';
  }
}

function interactive(options: HeadlessOptions): void {
  const out = {
    stdout: (t: string) => process.stdout.write(t),
    stderr: (t: string) => process.stderr.write(t),
  };
  const session = createHeadlessSession(options, out);
  const accumulator = new LineAccumulator();
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: '$ ' });
  rl.prompt();
  rl.on('line', (line) => {
    const input = accumulator.push(line);
    if (!input.complete) {
      rl.setPrompt('> ');
      rl.prompt();
      return;
    }
    const parsed = parseScript(input.input);
    for (const e of parsed.errors)
      out.stderr(`${formatDiagnostic(e, { interactive: true }).join('\n')}\n`);
    for (const list of parsed.commands) if (list.items.length > 0) runCommandLine(session, list);
    rl.setPrompt('$ ');
    rl.prompt();
  });
  rl.on('close', () => process.exit(session.lastStatus));
}

export function main(argv: string[]): void {
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    process.stderr.write(parsed);
    process.exit(parsed === usage ? 0 : 2);
  }
  const { options, script } = parsed;
  if (script === undefined && process.stdin.isTTY) return interactive(options);
  let text: string;
  if (script !== undefined && script !== '-') {
    try {
      text = readFileSync(script, 'utf8');
    } catch {
      process.stderr.write(`kafka-sim: ${script}: No such file or directory\n`);
      process.exit(127);
    }
    if (!process.stdin.isTTY) options.stdin = readStdin();
  } else text = readStdin();
  const status = runHeadless(text, options, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  });
  process.exitCode = status;
}
