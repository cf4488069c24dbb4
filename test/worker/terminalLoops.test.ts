/**
 * Compound commands typed into a workbench terminal tab: the PS2 prompt until the closing word,
 * bash's interactive syntax errors, and Ctrl-C ending a running loop.
 */
import { describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '../../src/cli/defaultRegistry';
import { ClusterHost } from '../../src/cli/host/clusterHost';
import { composeYamlFor } from '../../src/cli/host/composeFile';
import { TerminalTab } from '../../src/worker/terminalTab';

function tab() {
  const host = new ClusterHost({
    preset: 'compose',
    brokers: 3,
    seed: 1,
    composeYaml: composeYamlFor(3),
  });
  let out = '';
  const terminal = new TerminalTab(1, host, createDefaultRegistry(), {
    write: (_stream, text) => (out += text),
    commandFinished: () => {},
  });
  return {
    terminal,
    host,
    output: () => out,
    run: (ms = 0) => host.cluster.scheduler.runUntil(host.cluster.scheduler.now + ms),
  };
}

describe('a terminal tab and compound commands', () => {
  it('shows PS2 until done closes a multi-line for loop, then runs it', () => {
    const t = tab();
    const prompts: string[] = [];
    for (const line of ['for i in {1..3}', 'do', '  echo "msg-$i"', 'done']) {
      t.terminal.input(line);
      prompts.push(t.terminal.prompt);
    }
    t.run();
    expect(prompts.slice(0, 3)).toEqual(['> ', '> ', '> ']);
    expect(t.output()).toBe('msg-1\nmsg-2\nmsg-3\n');
    expect(t.terminal.prompt).toBe('$ ');
  });

  it('a stray done gets bash interactive message and status 2', () => {
    const t = tab();
    t.terminal.input('for i in 1; do echo $i; done; done');
    t.run();
    expect(t.output()).toBe("bash: syntax error near unexpected token `done'\n");
    expect(t.terminal.session.lastStatus).toBe(2);
  });

  it('read -p prompts on the terminal and takes the next typed line', () => {
    const t = tab();
    t.terminal.input('read -p "topic? " name; echo "creating $name"');
    t.run();
    expect(t.output()).toBe('topic? ');
    expect(t.terminal.state().readingInput).toBe(true);
    t.terminal.input('orders');
    t.run();
    expect(t.output()).toBe('topic? creating orders\n');
  });

  it('Ctrl-C at PS2 drops the unfinished loop', () => {
    const t = tab();
    t.terminal.input('while true');
    expect(t.terminal.prompt).toBe('> ');
    t.terminal.interrupt();
    expect(t.terminal.prompt).toBe('$ ');
  });

  it('Ctrl-C stops a running infinite loop and the prompt comes back', () => {
    const t = tab();
    t.terminal.input('while true; do echo tick; sleep 1; done');
    t.run(2500);
    expect(t.terminal.session.busy).toBe(true);
    t.terminal.interrupt();
    t.run(10);
    expect(t.terminal.session.busy).toBe(false);
    expect(t.output()).toBe('tick\ntick\ntick\n');
    expect(t.terminal.session.lastStatus).toBe(130);
  });
});
