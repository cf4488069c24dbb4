/**
 * The headless shell behind `npx kafka-sim` (DESIGN §4): runs a script against a fresh simulated
 * cluster and prints exactly what a terminal shows, stdout and stderr apart, no prompts. Virtual
 * time advances only while a command runs; background jobs keep running as later commands advance it.
 */
import { ClusterHost } from '../host/clusterHost';
import type { HostPreset } from '../host/clusterHost';
import { composeYamlFor } from '../host/composeFile';
import { createDefaultRegistry } from '../defaultRegistry';
import { ShellSession } from '../runtime/session';
import { LineQueue } from '../runtime/streams';
import { formatDiagnostic, parseScript } from '../shell/parse/index';

export interface HeadlessOptions {
  /** Brokers to start with (default 3; 0 = nothing running, for lessons that start the servers). */
  brokers?: number;
  seed?: number;
  mode?: 'zookeeper' | 'kraft';
  /** Print each command after `$ ` before its output, like a terminal transcript. */
  echo?: boolean;
  /** What the commands read as terminal input (kafka-sim's own stdin when a SCRIPT file is given). */
  stdin?: string;
  /** Longest virtual time one command may run before it is interrupted, ms (default 1 hour). */
  commandLimitMs?: number;
}

export interface HeadlessOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A session ready to run commands headless, for `kafka-sim` and tests. */
export function createHeadlessSession(options: HeadlessOptions, out: HeadlessOutput): ShellSession {
  const brokers = options.brokers ?? 3;
  const preset: HostPreset =
    brokers === 0 ? 'empty' : options.mode === 'kraft' ? 'kraft' : 'compose';
  const host = new ClusterHost({
    preset,
    mode: options.mode,
    brokers,
    seed: options.seed ?? 1,
    composeYaml: preset === 'compose' ? composeYamlFor(brokers) : undefined,
  });
  const defer = (fn: () => void) => host.cluster.scheduler.schedule(0, fn);
  const terminalInput = new LineQueue(defer, false);
  if (options.stdin) terminalInput.write(options.stdin);
  terminalInput.close();
  return new ShellSession({
    host,
    registry: createDefaultRegistry(),
    headless: true,
    interactive: false,
    terminalInput,
    write: (channel, text) => (channel === 'stdout' ? out.stdout(text) : out.stderr(text)),
  });
}

/** Runs one command line to completion in virtual time; returns its exit status. */
export function runCommandLine(
  session: ShellSession,
  list: Parameters<ShellSession['submit']>[0],
  limitMs = 3_600_000,
): number {
  const scheduler = session.host.cluster.scheduler;
  let status: number | undefined;
  session.submit(list, (s) => (status = s));
  const deadline = scheduler.now + limitMs;
  let interrupted = false;
  while (status === undefined) {
    const next = scheduler.nextDue();
    if (next === undefined) break;
    if (next > deadline && !interrupted) {
      scheduler.runUntil(deadline);
      interrupted = true;
      session.interrupt();
      continue;
    }
    scheduler.runUntil(next);
  }
  return status ?? session.lastStatus;
}

/** Runs `script`; returns the exit status of the last command (2 after a syntax error, as bash). */
export function runHeadless(script: string, options: HeadlessOptions, out: HeadlessOutput): number {
  const session = createHeadlessSession(options, out);
  const parsed = parseScript(script);
  let status = 0;
  for (const list of parsed.commands) {
    for (const w of list.warnings)
      out.stderr(`${formatDiagnostic(w, { interactive: false }).join('\n')}\n`);
    if (list.items.length === 0) continue;
    if (options.echo) out.stdout(`$ ${list.source}\n`);
    status = runCommandLine(session, list, options.commandLimitMs);
  }
  if (parsed.errors.length > 0) {
    for (const e of parsed.errors)
      out.stderr(`${formatDiagnostic(e, { interactive: false }).join('\n')}\n`);
    return 2;
  }
  return status;
}
