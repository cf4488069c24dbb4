/**
 * A consumer group and the message browser (DESIGN §1, operator views): two console consumers in
 * one group share a topic's partitions, the Consumer groups tab tells the two members apart, and
 * the Messages tab opens on the learner's first topic and lists its records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSideTab, openWorkbench, screenshot, terminal } from './browser';
import type { Session } from './browser';

let session: Session;
let page: Page;
beforeAll(async () => {
  session = await openWorkbench();
  page = session.page;
});
afterAll(() => session?.close());

describe('consumer groups and messages', () => {
  it('two consumers of one group each own a partition, shown by member id', async () => {
    const t1 = terminal(page, 1);
    await t1.run(
      'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic orders --partitions 2 --replication-factor 3',
    );
    await t1.waitForText('Created topic orders.');
    for (const job of [1, 2]) {
      await t1.run(
        'kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic orders --group billing &',
      );
      await t1.waitForText(`[${job}] `);
    }
    await openSideTab(page, 'groups');
    const card = page.getByTestId('group-card-billing');
    await expect.poll(() => card.innerText(), { timeout: 30_000 }).toMatch(/Stable/);
    const consumers = async () => {
      const rows = card.locator('[data-testid^="group-lag-row-billing-orders-"]');
      return (await rows.locator('td:last-child').allInnerTexts()).map((c) => c.trim());
    };
    // The second member joins after the group's initial rebalance delay, in virtual time.
    await expect.poll(async () => new Set(await consumers()).size, { timeout: 30_000 }).toBe(2);
    for (const c of await consumers()) expect(c).toMatch(/^console-consumer-[0-9a-f]{8}…$/);
    expect(await page.getByTestId('rf__node-group:billing').innerText()).toMatch(/2/);
    await screenshot(page, 'h-consumer-group');
    expect(session.errors).toEqual([]);
  });

  it("the message browser opens on the learner's first topic and lists its records", async () => {
    const t1 = terminal(page, 1);
    await t1.run(
      'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic audit --partitions 1 --replication-factor 3',
    );
    await t1.waitForText('Created topic audit.');
    await t1.run(
      'printf "login\\nlogout\\nlogin\\n" | kafka-console-producer.sh --bootstrap-server localhost:9092 --topic audit',
    );
    await t1.waitForState('idle');
    await openSideTab(page, 'messages');
    await expect
      .poll(() => page.locator('[data-testid^="message-row-"]').count(), { timeout: 30_000 })
      .toBe(3);
    expect(await page.getByTestId('message-row-1').innerText()).toContain('logout');
    await screenshot(page, 'h-messages');
    expect(session.errors).toEqual([]);
  });
});
