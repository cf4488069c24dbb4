/**
 * Terminal tabs through the worker boundary: commands typed over comlink run in the simulated
 * shell, their output comes back in pushed batches, several tabs share one machine, and Ctrl-C,
 * Ctrl-D, PS2 and type-ahead behave as in an interactive bash.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '../../src/cli/defaultRegistry';
import { rig } from './harness';
import type { Rig } from './harness';

const hasTool = (name: string) => createDefaultRegistry().get(name) !== undefined;

let r: Rig;
afterEach(() => r.close());

describe('terminal tabs over comlink', () => {
  it('a typed command prints through a pushed batch and the prompt comes back', async () => {
    r = await rig();
    const t = await r.remote.openTerminal();
    expect(await r.remote.prompt(t)).toBe('$ ');
    await r.type(t, 'echo hello workbench');
    expect(r.output(t, 'stdout')).toBe('hello workbench\n');
    expect(r.batches.at(-1)!.terminals).toEqual([
      { terminalId: t, prompt: '$ ', busy: false, readingInput: false, keystrokes: 1 },
    ]);
  });

  it('counts every line, Ctrl-C and Ctrl-D a tab takes, so the page can tell a batch made before them', async () => {
    r = await rig();
    const t = await r.remote.openTerminal();
    expect((await r.remote.input(t, 'sleep 5'))!.keystrokes).toBe(1);
    expect((await r.remote.endOfInput(t))!.keystrokes).toBe(2);
    expect((await r.remote.interrupt(t))!.keystrokes).toBe(3);
    await r.step(0);
    expect(r.batches.at(-1)!.terminals[0]).toMatchObject({ prompt: '$ ', keystrokes: 3 });
  });

  it('sleep 2 holds the prompt for 2 s of virtual time, and the batch after it shows the prompt', async () => {
    r = await rig();
    const t = await r.remote.openTerminal();
    const start = (await r.remote.state()).now;
    await r.type(t, 'sleep 2; echo woke');
    expect(await r.remote.prompt(t)).toBe('');
    await r.step(1_999);
    expect(r.output(t)).toBe('');
    await r.step(1);
    await r.type(t, '');
    expect(r.output(t)).toBe('woke\n');
    expect(await r.remote.prompt(t)).toBe('$ ');
    const last = r.batches.at(-1)!;
    expect(last.clock.now).toBe(start + 2_000);
    expect(last.terminals[0]!.prompt).toBe('$ ');
  });

  it('a topic created in the engine appears in the next pushed snapshot', async () => {
    r = await rig();
    const cluster = r.backend.machine.cluster;
    cluster.admin.createTopic({ name: 't', numPartitions: 2, replicationFactor: 3, configs: {} });
    await r.step(1_000);
    const topic = r.lastSnapshot().topics.find((x) => x.name === 't');
    expect(topic?.partitions.map((p) => p.replicas.length)).toEqual([3, 3]);
    expect(r.events().some((e) => e.type === 'topic.created' && e.topic === 't')).toBe(true);
  });

  it.runIf(hasTool('kafka-topics'))(
    'kafka-topics.sh --create prints "Created topic t." and the topic is in the snapshot',
    async () => {
      r = await rig();
      const t = await r.remote.openTerminal();
      await r.type(t, 'kafka-topics.sh --create --topic t --bootstrap-server localhost:9092');
      await r.remote.play();
      for (let i = 0; i < 20 && (await r.remote.prompt(t)) === ''; i++) await r.wallAdvance(500);
      expect(r.output(t, 'stdout')).toBe('Created topic t.\n');
      expect(r.lastSnapshot().topics.map((x) => x.name)).toContain('t');
    },
  );

  it.runIf(hasTool('kafka-console-producer') && hasTool('kafka-console-consumer'))(
    'lines typed into a console producer become records a consumer in another tab reads',
    async () => {
      r = await rig();
      const producer = await r.remote.openTerminal();
      const consumer = await r.remote.openTerminal();
      await r.remote.play();
      await r.type(
        producer,
        'kafka-console-producer.sh --topic chat --bootstrap-server localhost:9092',
      );
      await r.wallAdvance(2_000);
      await r.type(producer, 'hello');
      await r.type(producer, 'world');
      await r.wallAdvance(2_000);
      await r.remote.endOfInput(producer);
      await r.wallAdvance(2_000);
      expect(await r.remote.prompt(producer)).toBe('$ ');
      await r.type(
        consumer,
        'kafka-console-consumer.sh --topic chat --from-beginning --max-messages 2 --bootstrap-server localhost:9092',
      );
      for (let i = 0; i < 30 && (await r.remote.prompt(consumer)) === ''; i++)
        await r.wallAdvance(500);
      expect(r.output(consumer, 'stdout')).toBe('hello\nworld\n');
    },
  );

  it('a long command in one tab does not hold up another', async () => {
    r = await rig();
    const a = await r.remote.openTerminal();
    const b = await r.remote.openTerminal();
    await r.type(a, 'sleep 30; echo a-done');
    await r.type(b, 'echo b-works');
    expect(r.output(b)).toBe('b-works\n');
    expect(await r.remote.prompt(a)).toBe('');
    expect(await r.remote.prompt(b)).toBe('$ ');
    await r.step(30_000);
    await r.type(a, '');
    expect(r.output(a)).toBe('a-done\n');
  });

  it('Ctrl-C ends a foreground sleep 100 at once, with status 130', async () => {
    r = await rig();
    const t = await r.remote.openTerminal();
    const before = (await r.remote.state()).now;
    await r.type(t, 'sleep 100');
    expect(await r.remote.prompt(t)).toBe('');
    await r.remote.interrupt(t);
    expect(await r.remote.prompt(t)).toBe('$ ');
    expect((await r.remote.state()).now).toBe(before);
    await r.type(t, 'echo $?');
    expect(r.output(t)).toBe('130\n');
  });

  it('a foreground process reading the terminal gets typed lines; Ctrl-D ends its input', async () => {
    r = await rig();
    const t = await r.remote.openTerminal();
    await r.type(t, 'cat');
    expect(r.batches.at(-1)!.terminals[0]).toMatchObject({ busy: true, readingInput: true });
    await r.type(t, 'first line');
    await r.type(t, 'second line');
    expect(r.output(t)).toBe('first line\nsecond line\n');
    await r.remote.endOfInput(t);
    expect(await r.remote.prompt(t)).toBe('$ ');
    // The next command gets a fresh terminal, not the closed one.
    await r.type(t, 'cat');
    expect(await r.remote.prompt(t)).toBe('');
    await r.remote.interrupt(t);
  });

  it('an unfinished quote shows PS2 and runs once closed; Ctrl-D at PS2 reports the EOF as bash does', async () => {
    r = await rig();
    const t = await r.remote.openTerminal();
    await r.type(t, 'echo "one');
    expect(await r.remote.prompt(t)).toBe('> ');
    await r.type(t, 'two"');
    expect(r.output(t)).toBe('one\ntwo\n');
    await r.type(t, 'echo "open');
    await r.remote.endOfInput(t);
    await r.type(t, '');
    expect(r.output(t, 'stderr')).toBe(
      'bash: unexpected EOF while looking for matching `"\'\nbash: syntax error: unexpected end of file\n',
    );
    expect(await r.remote.prompt(t)).toBe('$ ');
  });

  it('a syntax error is printed as an interactive bash prints it, runs nothing and sets $? to 2', async () => {
    r = await rig();
    const t = await r.remote.openTerminal();
    await r.type(t, 'echo ran; echo a | | b');
    expect(r.output(t, 'stderr')).toBe("bash: syntax error near unexpected token `|'\n");
    expect(r.output(t, 'stdout')).toBe('');
    await r.type(t, 'echo $?');
    expect(r.output(t, 'stdout')).toBe('2\n');
  });

  it('Ctrl-C at a PS2 prompt drops the pending lines', async () => {
    r = await rig();
    const t = await r.remote.openTerminal();
    await r.type(t, 'echo "half');
    await r.remote.interrupt(t);
    expect(await r.remote.prompt(t)).toBe('$ ');
    await r.type(t, 'echo fresh');
    expect(r.output(t)).toBe('fresh\n');
  });

  it('lines typed while a command runs wait for it, then run in order', async () => {
    r = await rig();
    const t = await r.remote.openTerminal();
    await r.type(t, 'sleep 5');
    await r.type(t, 'echo typed-ahead');
    expect(r.output(t)).toBe('');
    await r.step(5_000);
    await r.type(t, '');
    expect(r.output(t)).toBe('typed-ahead\n');
  });

  it('a background job prints [1] PID, and its Done notice before the next prompt', async () => {
    r = await rig();
    const t = await r.remote.openTerminal();
    await r.type(t, 'sleep 3 &');
    expect(r.output(t, 'stderr')).toMatch(/^\[1\] \d+\n$/);
    expect(await r.remote.prompt(t)).toBe('$ ');
    await r.step(3_000);
    await r.type(t, '');
    expect(r.output(t, 'stderr')).toMatch(/\n\[1\]\+ {2}Done {20}sleep 3 &\n$/);
  });

  it('history lists the entered command lines; closing a tab stops its jobs', async () => {
    r = await rig();
    const t = await r.remote.openTerminal();
    await r.type(t, 'echo one');
    await r.type(t, 'sleep 100 &');
    expect(await r.remote.history(t)).toEqual(['echo one', 'sleep 100 &']);
    // The job's only timer is its 100 s sleep; SIGTERM on closing the tab cancels it.
    const scheduler = r.backend.machine.cluster.scheduler;
    const timersBefore = scheduler.pending;
    expect(await r.remote.closeTerminal(t)).toBe(true);
    expect(scheduler.pending).toBe(timersBefore - 1);
    expect(await r.remote.prompt(t)).toBeUndefined();
    expect(await r.remote.input(t, 'echo gone')).toBeUndefined();
  });

  it('reset keeps the tabs open with fresh shells on the new cluster', async () => {
    r = await rig();
    const t = await r.remote.openTerminal();
    await r.type(t, 'sleep 100');
    const state = await r.remote.reset({ seed: 7 });
    expect(state).toMatchObject({ seed: 7, generation: 2 });
    expect(await r.remote.prompt(t)).toBe('$ ');
    await r.type(t, 'echo after-reset');
    expect(r.output(t)).toBe('after-reset\n');
    expect(r.lastSnapshot().seed).toBe(7);
  });
});
