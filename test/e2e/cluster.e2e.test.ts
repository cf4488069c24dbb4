/**
 * The terminal, the diagram and the tables show one cluster (DESIGN §1): a topic created in the
 * terminal appears in the diagram and the Topics table; stopping the leader's broker from the
 * diagram's context menu moves leadership and shrinks the ISR in the Partitions table.
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

/** The cells of a table row whose first cell is `key`, in the open side panel. */
async function rowCells(key: string): Promise<string[] | undefined> {
  const rows = await page.locator('.side-tabs__panel:not([hidden]) tbody tr').all();
  for (const row of rows) {
    const cells = (await row.locator('td').allInnerTexts()).map((c) => c.trim());
    if (cells[0] === key || cells[0]?.startsWith(`${key}\n`)) return cells;
  }
  return undefined;
}

describe('cluster views', () => {
  it('a topic created in the terminal shows in the diagram and in the Topics table', async () => {
    const shell = terminal(page, 1);
    await shell.run(
      'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic orders --partitions 3 --replication-factor 3',
    );
    await shell.waitForText('Created topic orders.');
    // Nine replicas: three partitions on each of the three brokers, one leader each.
    const replicas = page.locator('.topology .replica-node', { hasText: /orders-\d/ });
    await expect.poll(() => replicas.count()).toBe(9);
    for (const id of [1, 2, 3])
      expect(
        await page.getByTestId(`rf__node-broker:${id}`).isVisible(),
        `broker ${id} in the diagram`,
      ).toBe(true);

    await openSideTab(page, 'topics');
    // Topic, partitions, replication factor, under-replicated, messages.
    await expect.poll(() => rowCells('orders')).toEqual(['orders', '3', '3', '0', '0']);
    await screenshot(page, 'a-topic-created');
    expect(session.errors).toEqual([]);
  });

  it("stopping the leader's broker from the diagram elects a new leader and shrinks the ISR", async () => {
    await openSideTab(page, 'partitions');
    await expect.poll(async () => (await rowCells('orders-0'))?.[3]?.split(',').length).toBe(3);
    const [, leaderText, , isrBefore] = (await rowCells('orders-0'))!;
    const leader = Number(leaderText);
    expect(isrBefore!.split(',').map(Number)).toContain(leader);

    // On the broker's header, above the replicas drawn inside it.
    await page
      .getByTestId(`rf__node-broker:${leader}`)
      .click({ button: 'right', position: { x: 12, y: 12 } });
    const menu = page.getByRole('menu');
    await menu.waitFor();
    await screenshot(page, 'c-broker-menu');
    await menu.getByRole('menuitem', { name: 'Stop (clean shutdown)' }).click();

    await expect
      .poll(
        async () => {
          const cells = await rowCells('orders-0');
          return cells && { leader: Number(cells[1]), isr: cells[3]!.split(',').map(Number) };
        },
        { timeout: 30_000 },
      )
      .toSatisfy(
        (p: { leader: number; isr: number[] } | undefined) =>
          !!p &&
          p.leader !== leader &&
          p.leader > 0 &&
          p.isr.length === 2 &&
          !p.isr.includes(leader),
      );
    await screenshot(page, 'c-leader-stopped');
    expect(session.errors).toEqual([]);
  });
});
