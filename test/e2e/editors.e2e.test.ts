/**
 * The configuration editors (DESIGN §1): Monaco loads only when the Editors tab first opens; the
 * notes' docker-compose file applies and rebuilds the cluster; an invalid one is refused with its
 * error beside the line, and the running cluster stays as it was.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultComposeYaml } from '../../src/cli/host/composeFile';
import { openSideTab, openWorkbench, paste, screenshot, terminal } from './browser';
import type { Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('editors', () => {
  it('applies the notes’ docker-compose file, and refuses an invalid one with the error beside its line', async () => {
    session = await openWorkbench();
    const { page } = session;
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    const monacoChunk = /monacoSetup|editor\.api|editor\.worker/;
    expect(requested.filter((u) => monacoChunk.test(u))).toEqual([]);

    await openSideTab(page, 'editors');
    const editor = page.getByTestId('editor-monaco');
    await page.locator('[data-testid="editor-monaco"][data-phase="ready"]').waitFor();
    expect(requested.some((u) => monacoChunk.test(u))).toBe(true);
    await expect
      .poll(async () => (await editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' '))
      .toContain('broker.id=0');

    const replaceText = async (text: string) => {
      await editor.locator('.view-lines').click();
      await page.keyboard.press('Control+a');
      await paste(page, text);
    };

    await page.getByTestId('editor-tab-docker-compose').click();
    await expect.poll(() => editor.getAttribute('data-file')).toBe('docker-compose');
    await replaceText(defaultComposeYaml);
    await page.getByTestId('editor-apply').click();
    const status = page.getByTestId('editor-status');
    await expect.poll(() => status.getAttribute('data-status')).toBe('ok');
    expect(await status.innerText()).toContain('the cluster was rebuilt from docker-compose.yml');
    for (const id of [1, 2, 3]) await page.getByTestId(`rf__node-broker:${id}`).waitFor();
    await screenshot(page, 'e-compose-applied');

    const shell = terminal(page, 1);
    await shell.run('kafka-topics.sh --bootstrap-server localhost:9092 --create --topic kept');
    await shell.waitForText('Created topic kept.');

    const invalid = defaultComposeYaml.replace('KAFKA_BROKER_ID: 2', 'KAFKA_BROKER_ID: 1');
    // kafka2's id, now the same as kafka1's.
    const line = invalid.split('\n').lastIndexOf('      KAFKA_BROKER_ID: 1') + 1;
    await replaceText(invalid);
    await page.getByTestId('editor-apply').click();
    await expect.poll(() => status.getAttribute('data-status')).toBe('error');
    const message = 'broker id 1 is already used by service kafka1';
    const problem = page.getByTestId('editor-problem');
    expect(await problem.getAttribute('data-line')).toBe(String(line));
    expect(await problem.innerText()).toContain(message);
    // Beside the line: the marker's squiggle and the message written after the line's end.
    const besideLine = editor.locator('.editor-inline-error');
    // Monaco wraps a long message over several spans.
    const shown = async () => (await besideLine.allInnerTexts()).join('').replace(/\u00a0/g, ' ');
    await expect.poll(shown).toContain(message);
    expect(await editor.locator('.squiggly-error').count()).toBeGreaterThan(0);
    await screenshot(page, 'e-compose-invalid');

    // The running cluster was kept: the topic made before the refused file is still there.
    await shell.run('kafka-topics.sh --bootstrap-server localhost:9092 --list');
    await shell.waitForText(/--list\nkept\n\$/);
    expect(session.errors).toEqual([]);
  });
});
