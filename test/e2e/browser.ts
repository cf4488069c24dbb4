/**
 * Drives the built workbench in headless Chromium (DESIGN §7): Debian's /usr/bin/chromium through
 * playwright-core, a fresh profile per session, screenshots under test/e2e/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const chromiumPath = '/usr/bin/chromium';

/** Flags for a quiet, offline, sandbox-less headless Chromium in a container. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const screenshotDir = fileURLToPath(new URL('./screenshots/', import.meta.url));

export interface Session {
  page: Page;
  context: BrowserContext;
  /** Uncaught errors and console errors of the page; a test ends by expecting none. */
  errors: string[];
  close(): Promise<void>;
}

/** Launches Chromium with a fresh profile and opens the workbench, ready at its first prompt. */
export async function openWorkbench(
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), 'kafka-workbench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: options.viewport ?? { width: 1600, height: 1000 },
    locale: options.locale ?? 'en-US',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  if (process.env.E2E_CONSOLE) page.on('console', (m) => console.log(`[page] ${m.text()}`));
  await page.goto(inject('baseUrl'));
  await terminal(page, 1).waitForState('idle');
  await ensurePlaying(page);
  return {
    page,
    context,
    errors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Starts the virtual clock from the toolbar if it is paused (commands need time to pass). */
export async function ensurePlaying(page: Page): Promise<void> {
  const toggle = page.getByTestId('toolbar-play');
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await page.locator('[data-testid="toolbar-play"][aria-pressed="true"]').waitFor();
}

/** Switches the page to the `light` or `dark` theme with the toolbar's button. */
export async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  const toggle = page.getByTestId('toolbar-theme');
  if ((await toggle.getAttribute('data-theme')) !== theme) await toggle.click();
  await page.locator(`html[data-theme="${theme}"]`).waitFor();
}

/** The cells' texts of the table row with test id `testId`, trimmed; undefined while absent. */
export async function rowCells(page: Page, testId: string): Promise<string[] | undefined> {
  const row = page.getByTestId(testId);
  if ((await row.count()) === 0) return undefined;
  return (await row.locator('td').allInnerTexts()).map((c) => c.trim());
}

/** Opens a right-hand tab (`topics`, `partitions`, `editors`, …) by its stable id. */
export async function openSideTab(page: Page, tab: string): Promise<void> {
  await page.locator(`#tab-${tab}`).click();
  await page.locator(`#panel-${tab}`).waitFor();
}

/** Pastes `text` into the focused element, as the browser does on Ctrl-V. */
export async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    const event = new ClipboardEvent('paste', {
      clipboardData: data,
      bubbles: true,
      cancelable: true,
    });
    document.activeElement?.dispatchEvent(event);
  }, text);
}

/** Saves a full-page screenshot as test/e2e/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * The terminal tab numbered `n` (1 = the first), as a learner uses it. Its screen's rows are read
 * from xterm.js's own rendering (`.xterm-rows`): what the learner sees, not a copy of it.
 */
export function terminal(page: Page, n: number) {
  const box = page.getByTestId(`terminal-${n}`);
  const rows = box.locator('.xterm-rows');
  const api = {
    box,
    /** Focuses the terminal by clicking its screen. */
    async focus() {
      await box.click();
    },
    /** Types `text` as keystrokes; `\n` presses Enter. */
    async type(text: string) {
      await api.focus();
      await page.keyboard.type(text);
    },
    /** Types a command line and presses Enter. */
    async run(line: string) {
      await api.type(`${line}\n`);
    },
    async press(key: string) {
      await api.focus();
      await page.keyboard.press(key);
    },
    /** Pastes `text` into the terminal (as Ctrl-V does: newlines become Enter). */
    async paste(text: string) {
      await api.focus();
      await paste(page, text);
    },
    /** What the terminal's screen shows, rows joined with `\n`, trailing blanks trimmed. */
    async text(): Promise<string> {
      const lines = await rows.locator(':scope > div').allInnerTexts();
      return lines
        .map((r) => r.replace(/\u00a0/g, ' ').trimEnd())
        .join('\n')
        .trimEnd();
    },
    /** The CSS colour of the screen's text, e.g. `rgb(26, 30, 36)`. */
    async textColour(): Promise<string> {
      return rows.evaluate((el) => getComputedStyle(el).color);
    },
    /** Waits until the screen contains `expected`. */
    async waitForText(expected: string | RegExp, timeout = 30_000) {
      await expect
        .poll(api.text, { timeout, interval: 100 })
        .toMatch(typeof expected === 'string' ? new RegExp(escapeRegExp(expected)) : expected);
    },
    /** Waits for `idle` (at the prompt), `busy`, or `reading` (a process reads typed lines). */
    async waitForState(state: 'idle' | 'busy' | 'reading', timeout = 30_000) {
      await page
        .locator(`[data-testid="terminal-${n}"][data-state="${state}"]`)
        .waitFor({ timeout });
    },
  };
  return api;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
