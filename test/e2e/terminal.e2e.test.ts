/**
 * The terminals (DESIGN §1, §4): a console producer in one tab and a console consumer in another
 * exchange records; the line editor keeps history across reloads, completes with Tab, pastes
 * several lines, and Ctrl-C interrupts; a loop typed over several lines continues at `> `.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkbench, screenshot, terminal } from './browser';
import type { Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('terminals', () => {
  it('a console producer in one tab and a console consumer in another exchange two records', async () => {
    session = await openWorkbench();
    const { page } = session;
    const producer = terminal(page, 1);
    await producer.run('kafka-topics.sh --bootstrap-server localhost:9092 --create --topic t');
    await producer.waitForText('Created topic t.');
    await producer.run('kafka-console-producer.sh --bootstrap-server localhost:9092 --topic t');
    await producer.waitForState('reading');
    await producer.type('first record\n');
    await producer.type('second record\n');
    await producer.press('Control+d');
    await producer.waitForState('idle');

    await page.getByTestId('terminal-add').click();
    const consumer = terminal(page, 2);
    await consumer.waitForState('idle');
    await consumer.run(
      'kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic t --from-beginning --max-messages 2',
    );
    await consumer.waitForText('Processed a total of 2 messages');
    await consumer.waitForState('idle');
    expect(await consumer.text()).toContain(
      'first record\nsecond record\nProcessed a total of 2 messages\n$',
    );
    expect(await producer.text()).toMatch(/>first record\n>second record\n>/);
    await screenshot(page, 'b-produce-consume');
    expect(session.errors).toEqual([]);
  });

  it('keeps history across a reload, completes with Tab, runs pasted lines in order, and Ctrl-C stops a command', async () => {
    session = await openWorkbench();
    const { page } = session;
    let t1 = terminal(page, 1);
    await t1.paste('echo one\necho two\n');
    await t1.waitForText('$ echo one\none\n$ echo two\ntwo\n$');

    await page.reload();
    t1 = terminal(page, 1);
    await t1.waitForState('idle');
    await t1.press('ArrowUp');
    await t1.press('ArrowUp');
    await t1.waitForText(/\$ echo one$/);
    await t1.press('ArrowDown');
    await t1.waitForText(/\$ echo two$/);
    await t1.press('Control+u');

    // Both kafka-topics (Confluent) and kafka-topics.sh are on the PATH: Tab stops where they part.
    await t1.type('kafka-topi');
    await t1.press('Tab');
    await t1.waitForText(/\$ kafka-topics$/);
    await t1.type('.');
    await t1.press('Tab');
    await t1.type('X'); // typed after the space completion adds
    await t1.waitForText(/\$ kafka-topics\.sh X$/);
    await t1.press('Control+u');
    await t1.type('kafka-console-');
    await t1.press('Tab');
    await t1.waitForText('kafka-console-consumer.sh');
    expect(await t1.text()).toMatch(/kafka-console-producer\.sh[^\n]*\n\$ kafka-console-$/);
    await t1.press('Control+u');

    await t1.run('sleep 600');
    await t1.waitForState('busy');
    await t1.press('Control+c');
    await t1.waitForState('idle');
    await t1.waitForText(/\$ sleep 600\n\^C\n\$$/);
    await screenshot(page, 'b-line-editor');
    expect(session.errors).toEqual([]);
  });

  it('puts a sandbox example on the prompt without running it, opens a tab on `t`, and clears on `clear`', async () => {
    session = await openWorkbench();
    const { page } = session;
    const t1 = terminal(page, 1);
    await page.getByTestId('sandbox-command-create').click();
    await t1.waitForText(
      /\$ kafka-topics\.sh --bootstrap-server localhost:9092 --create --topic orders/,
    );
    expect(await t1.text()).not.toContain('Created topic');
    await t1.press('Enter');
    await t1.waitForText('Created topic orders.');

    await page.getByTestId('toolbar-title').click();
    await page.keyboard.press('t');
    await terminal(page, 2).waitForState('idle');

    await t1.run('clear');
    await t1.waitForState('idle');
    await expect.poll(() => t1.text()).toBe('$');
    await screenshot(page, 'b-sandbox-clear');
    expect(session.errors).toEqual([]);
  });

  it('a loop typed over several lines continues at > and feeds a producer; ↑ recalls it whole', async () => {
    session = await openWorkbench();
    const { page } = session;
    const t1 = terminal(page, 1);
    await t1.run(
      'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic numbers --partitions 1',
    );
    await t1.waitForText('Created topic numbers.');
    await t1.run('for i in {1..5}');
    await t1.waitForText(/for i in \{1\.\.5\}\n>$/);
    await t1.run('do echo "n-$i"');
    await t1.run(
      'done | kafka-console-producer.sh --bootstrap-server localhost:9092 --topic numbers',
    );
    await t1.waitForState('idle');
    await t1.run(
      'kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic numbers --from-beginning --max-messages 5 | tail -n 2',
    );
    await t1.waitForText(/n-4\nn-5\n/);
    await t1.waitForText('Processed a total of 5 messages');
    await t1.waitForState('idle');
    // bash's cmdhist: the three lines come back as one command.
    await t1.press('ArrowUp');
    await t1.press('ArrowUp');
    await t1.waitForText(
      /\$ for i in \{1\.\.5\}; ?do echo "n-\$i"; ?done \| kafka-console-producer/,
    );
    await screenshot(page, 'b-loop');
    expect(session.errors).toEqual([]);
  });
});
