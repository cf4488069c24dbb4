/**
 * English and Korean UI text, light and dark themes (DESIGN §5): switching to 한국어 changes the
 * page, the terminals and the editors, and the choice survives a reload; the terminal takes the
 * theme's colours at once, and large text enlarges it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openSideTab, openWorkbench, screenshot, setTheme, terminal } from './browser';
import type { Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('language', () => {
  it('switching to Korean translates the page, the terminal tabs and the editors, and is remembered', async () => {
    session = await openWorkbench();
    const { page } = session;
    await page.getByTestId('toolbar-language-ko').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ko');
    expect(await page.locator('#tab-topics').innerText()).toBe('토픽');
    expect(await page.getByTestId('terminal-tab-1').innerText()).toContain('터미널 1');

    await openSideTab(page, 'editors');
    await page.locator('[data-testid="editor-monaco"][data-phase="ready"]').waitFor();
    expect(await page.getByTestId('editor-apply').innerText()).toBe('적용');
    await terminal(page, 1).run('echo 안녕하세요 Kafka');
    await terminal(page, 1).waitForText('안녕하세요 Kafka\n$');
    await screenshot(page, 'd-korean');

    await page.reload();
    await terminal(page, 1).waitForState('idle');
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    expect(session.errors).toEqual([]);
  });

  it('the terminal switches between dark and light colours with the theme', async () => {
    session = await openWorkbench();
    const { page } = session;
    const t1 = terminal(page, 1);
    await t1.run('echo "theme check"');
    await t1.waitForText('theme check\n$');

    await setTheme(page, 'dark');
    await expect.poll(() => t1.textColour()).toBe('rgb(212, 212, 212)');
    await screenshot(page, 'd-dark-theme');
    await setTheme(page, 'light');
    await expect.poll(() => t1.textColour()).toBe('rgb(26, 30, 36)');
    await screenshot(page, 'd-light-theme');
    expect(session.errors).toEqual([]);
  });

  it('large text enlarges the terminal too, and it still fits its box', async () => {
    session = await openWorkbench();
    const { page } = session;
    const t1 = terminal(page, 1);
    const fontSize = () =>
      t1.box.locator('.xterm-rows').evaluate((el) => getComputedStyle(el).fontSize);
    // Refitted: the screen's cells still end inside the pane, not past its edge.
    const fits = () =>
      t1.box.evaluate((el) => {
        const screen = el.querySelector('.xterm-screen')!.getBoundingClientRect();
        const pane = el.getBoundingClientRect();
        return screen.right <= pane.right + 1 && screen.bottom <= pane.bottom + 1;
      });
    expect(await fontSize()).toBe('14px');
    await page.getByTestId('toolbar-large-text').click();
    await expect.poll(fontSize).toBe('20px');
    await expect.poll(fits).toBe(true);
    await t1.run('echo "large text"');
    await t1.waitForText('large text\n$');
    await screenshot(page, 'd-large-text');
    await page.getByTestId('toolbar-large-text').click();
    await expect.poll(fontSize).toBe('14px');
    expect(session.errors).toEqual([]);
  });
});
