/**
 * The terminal, the diagram and the tables show one cluster (DESIGN §1): a topic created in the
 * terminal appears in the diagram and the Topics table; stopping the leader's broker from the
 * diagram's context menu moves leadership and shrinks the ISR in the Partitions table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSideTab, openWorkbench, rowCells, screenshot, terminal } from './browser';
import type { Session } from './browser';

let session: Session;
let page: Page;
beforeAll(async () => {
  session = await openWorkbench();
  page = session.page;
});
afterAll(() => session?.close());

describe('cluster views', () => {
  it('a topic created in the terminal shows in the diagram and in the Topics table', async () => {
    const shell = terminal(page, 1);
    await shell.run(
      'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic orders --partitions 3 --replication-factor 3',
    );
    await shell.waitForText('Created topic orders.');
    // Nine replicas: three partitions on each of the three brokers, one leader each.
    const replicas = page.locator('[data-testid^="replica-orders-"]');
    await expect.poll(() => replicas.count()).toBe(9);
    expect(await replicas.and(page.locator('[data-role="leader"]')).count()).toBe(3);
    for (const id of [1, 2, 3]) {
      const broker = page.getByTestId(`broker-${id}`);
      expect(await broker.isVisible(), `broker ${id} in the diagram`).toBe(true);
      expect(await broker.getAttribute('data-status')).toBe('up');
    }

    await openSideTab(page, 'topics');
    // Topic, partitions, replication factor, under-replicated, messages.
    await expect
      .poll(() => rowCells(page, 'topic-row-orders'))
      .toEqual(['orders', '3', '3', '0', '0']);
    await screenshot(page, 'a-topic-created');
    expect(session.errors).toEqual([]);
  });

  it("stopping the leader's broker from the diagram elects a new leader and shrinks the ISR", async () => {
    await openSideTab(page, 'partitions');
    const partition0 = () => rowCells(page, 'partition-row-orders-0');
    await expect.poll(async () => (await partition0())?.[3]?.split(',').length).toBe(3);
    const [, leaderText, , isrBefore] = (await partition0())!;
    const leader = Number(leaderText);
    expect(isrBefore!.split(',').map(Number)).toContain(leader);

    // On the broker's header, above the replicas drawn inside it.
    await page.getByTestId(`broker-${leader}-header`).click({ button: 'right' });
    const menu = page.getByTestId('broker-menu');
    await menu.waitFor();
    expect(await menu.getAttribute('data-broker')).toBe(String(leader));
    expect(await menu.getByTestId('broker-menu-start').isDisabled()).toBe(true);
    await screenshot(page, 'c-broker-menu');
    await menu.getByTestId('broker-menu-stop').click();

    await expect
      .poll(
        async () => {
          const cells = await partition0();
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
    await expect
      .poll(() => page.getByTestId(`broker-${leader}`).getAttribute('data-status'))
      .toBe('stopped');
    expect(await page.getByTestId(`broker-${leader}-status`).textContent()).toBe('stopped');
    expect(
      await page.getByTestId(`replica-orders-0-broker-${leader}`).getAttribute('data-role'),
    ).toBe('offline');
    await screenshot(page, 'c-leader-stopped');
    expect(session.errors).toEqual([]);
  });
});
