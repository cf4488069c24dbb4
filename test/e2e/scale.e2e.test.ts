/**
 * The diagram at classroom-demo scale (issue 4: 9 brokers and 100 partitions, collapse, zoom,
 * mini-map): nine brokers chosen in the toolbar, a 100-partition topic at RF 3 folded into one
 * summary row per broker, the brokers in a legible 3 × 3 grid without overlap, and in the same
 * place after traffic and a failover; then the KRaft cluster with its controller quorum.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ensurePlaying, screenshot, terminal } from './browser';
import { openWorkbench } from './browser';
import type { Session } from './browser';

let session: Session;
let page: Page;
beforeAll(async () => {
  session = await openWorkbench();
  page = session.page;
});
afterAll(() => session?.close());

type Box = { x: number; y: number; width: number; height: number };

async function brokerBoxes(count: number): Promise<Box[]> {
  const boxes: Box[] = [];
  for (let id = 1; id <= count; id++) {
    const box = await page.getByTestId(`rf__node-broker:${id}`).boundingBox();
    expect(box, `broker ${id} is drawn`).not.toBeNull();
    boxes.push(box!);
  }
  return boxes;
}

/** Where the diagram places broker `id`, in flow coordinates (xyflow's node transform). */
async function brokerPositions(count: number): Promise<string[]> {
  const positions: string[] = [];
  for (let id = 1; id <= count; id++)
    positions.push(
      await page
        .getByTestId(`rf__node-broker:${id}`)
        .evaluate((el) => (el as HTMLElement).style.transform),
    );
  return positions;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('the diagram at scale', () => {
  it('nine brokers and a 100-partition topic fold into summaries, with zoom and mini-map', async () => {
    await page.getByTestId('toolbar-brokers').selectOption('9');
    await page.getByTestId('rf__node-broker:9').waitFor();
    await terminal(page, 1).waitForState('idle');
    await ensurePlaying(page);

    const shell = terminal(page, 1);
    await shell.run(
      'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic clicks --partitions 100 --replication-factor 3',
    );
    await shell.waitForText('Created topic clicks.');
    // 300 replicas over 9 brokers: each broker shows one summary row for the topic, not 33 rows.
    for (const id of [1, 5, 9]) await page.getByTestId(`rf__node-summary:${id}:clicks`).waitFor();
    expect(await page.locator('[data-testid^="rf__node-replica:"]').count()).toBe(0);
    expect(await page.getByTestId('rf__minimap').isVisible()).toBe(true);
    expect(await page.getByTestId('rf__controls').isVisible()).toBe(true);

    const boxes = await brokerBoxes(9);
    // A 3 × 3 grid: three distinct rows and columns, at a zoom where a box is still legible.
    expect(new Set(boxes.map((b) => Math.round(b.y))).size).toBe(3);
    expect(new Set(boxes.map((b) => Math.round(b.x))).size).toBe(3);
    expect(Math.min(...boxes.map((b) => b.width))).toBeGreaterThan(100);
    const before = await brokerPositions(9);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        expect(overlaps(boxes[i]!, boxes[j]!), `brokers ${i + 1} and ${j + 1} overlap`).toBe(false);
    await screenshot(page, 'f-nine-brokers');

    // Traffic and a failover change what the boxes show, not where they are.
    await shell.run(
      'echo -e "a\\nb\\nc\\nd\\ne" | kafka-console-producer.sh --bootstrap-server localhost:9092 --topic clicks',
    );
    await shell.waitForState('idle', 60_000);
    await shell.run('docker stop kafka5');
    await shell.waitForText(/docker stop kafka5\nkafka5\n\$$/);
    await expect
      .poll(() => page.getByTestId('rf__node-broker:5').getAttribute('class'))
      .toMatch(/broker--stopped/);
    expect(await brokerPositions(9)).toEqual(before);
    await screenshot(page, 'f-nine-brokers-failover');
    expect(session.errors).toEqual([]);
  });

  it('the KRaft cluster shows its controller quorum', async () => {
    await page.getByTestId('toolbar-preset').selectOption('kraft');
    await page.getByTestId('rf__node-control-plane').waitFor();
    await expect
      .poll(() => page.getByTestId('rf__node-control-plane').innerText())
      .toMatch(/KRaft/);
    await screenshot(page, 'g-kraft');
    expect(session.errors).toEqual([]);
  });
});
