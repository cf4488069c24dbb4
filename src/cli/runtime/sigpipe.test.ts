/**
 * Pipes between a pipeline's commands (bash manual §3.2.3): a reader that exits closes the pipe,
 * and its writer learns of it at its next write — a native program dies of SIGPIPE (status 141),
 * a JVM ignores the signal and sees the error (`PrintStream.checkError`).
 */
import { describe, expect, it } from 'vitest';
import { ClusterHost } from '../host/clusterHost';
import { parseScript } from '../shell/parse/index';
import { ToolRegistry } from './registry';
import { ShellSession } from './session';
import { LineQueue, TextInput } from './streams';
import type { ProcessContext, Tool } from './types';

/** What each writer saw: its exit status, and whether checkError turned true. */
const seen: Record<string, { status?: number; error?: boolean; writes: number }> = {};

/** Writes a line every 10 ms until it is stopped (or its writes fail, for a JVM). */
function writer(name: string): Tool {
  return {
    name,
    summary: 'test writer',
    run(ctx: ProcessContext) {
      const me = (seen[name] = { writes: 0 } as (typeof seen)[string]);
      ctx.atExit((status) => (me.status = status));
      const tick = () => {
        ctx.stdout(`line ${++me.writes}\n`);
        if (ctx.checkError()) {
          me.error = true;
          return ctx.exit(0);
        }
        ctx.clock.schedule(10, tick);
      };
      tick();
    },
  };
}

/** `head -n N` reduced to its part here: prints N lines of stdin, then exits. */
const head: Tool = {
  name: 'head',
  summary: 'test reader',
  run(ctx) {
    let left = Number(ctx.argv[2]);
    const next = () =>
      ctx.stdin.readLine((line) => {
        if (line === null) return ctx.exit(0);
        ctx.stdout(`${line}\n`);
        if (--left <= 0) return ctx.exit(0);
        next();
      });
    next();
  },
};

function shell(): { run(line: string): number; out: () => string; host: ClusterHost } {
  const host = new ClusterHost({ preset: 'empty', brokers: 0, seed: 1 });
  const registry = new ToolRegistry();
  for (const t of [writer('native-writer'), writer('kafka-console-consumer'), head])
    registry.register(t);
  let out = '';
  const session = new ShellSession({
    host,
    registry,
    headless: true,
    interactive: false,
    write: (channel, text) => {
      if (channel === 'stdout') out += text;
    },
  });
  return {
    host,
    out: () => out,
    run(line) {
      let status: number | undefined;
      session.submit(parseScript(line).commands[0]!, (s) => (status = s));
      for (let i = 0; i < 1000 && status === undefined; i++) host.cluster.advance(10);
      return status ?? -1;
    },
  };
}

describe('a pipe whose reader has exited', () => {
  it('kills a native writer with SIGPIPE (141) at its next write; the pipeline has head’s status', () => {
    const s = shell();
    expect(s.run('native-writer | head -n 2')).toBe(0);
    expect(s.out()).toBe('line 1\nline 2\n');
    expect(seen['native-writer']).toMatchObject({ writes: 3, status: 141 });
  });

  it('leaves a JVM tool running; its write fails and checkError() reports it', () => {
    const s = shell();
    expect(s.run('kafka-console-consumer | head -n 1')).toBe(0);
    expect(seen['kafka-console-consumer']).toEqual({ writes: 2, error: true, status: 0 });
  });
});

describe('line streams', () => {
  const defer = (fn: () => void) => queue.push(fn);
  let queue: (() => void)[] = [];
  const drain = () => {
    while (queue.length > 0) queue.shift()!();
  };

  it('tell a last line without newline from one with', () => {
    queue = [];
    const got: [string | null, boolean | undefined][] = [];
    const input = new TextInput('a\nb', defer);
    for (let i = 0; i < 3; i++) input.readLine((l, nl) => got.push([l, nl]));
    drain();
    expect(got).toEqual([
      ['a', true],
      ['b', false],
      [null, true],
    ]);
    const pipe = new LineQueue(defer);
    pipe.write('x\ny');
    pipe.close();
    const fromPipe: [string | null, boolean | undefined][] = [];
    for (let i = 0; i < 3; i++) pipe.readLine((l, nl) => fromPipe.push([l, nl]));
    drain();
    expect(fromPipe).toEqual([
      ['x', true],
      ['y', false],
      [null, true],
    ]);
  });

  it('hand over the lines already written at once (readAvailable), as read() takes a buffer', () => {
    queue = [];
    const pipe = new LineQueue(defer);
    expect(pipe.readAvailable()).toBeUndefined();
    pipe.write('1\n2\n');
    expect(pipe.readAvailable()).toEqual({ line: '1', newline: true });
    expect(pipe.readAvailable()).toEqual({ line: '2', newline: true });
    expect(pipe.readAvailable()).toBeUndefined();
    pipe.close();
    expect(pipe.readAvailable()).toEqual({ line: null, newline: true });
  });

  it('fail writes once the reader has gone, dropping what it never read', () => {
    const pipe = new LineQueue(defer);
    expect(pipe.write('a\n')).toBe(true);
    pipe.closeReader();
    expect(pipe.write('b\n')).toBe(false);
    expect(pipe.readAvailable()).toBeUndefined();
  });
});
