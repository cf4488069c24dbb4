/**
 * The browser end-to-end suite (DESIGN §7), run after the unit tests by `npm run test:e2e`: the
 * app is built once and served by `globalSetup.ts`; each file drives headless Chromium.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/globalSetup.ts'],
    // One browser at a time: the files share the machine's cores with the simulation workers.
    fileParallelism: false,
    testTimeout: 120_000,
    // What the page shows follows the simulation's virtual time, which a loaded machine slows
    // down: a polled expectation waits up to 15 s (vitest's default is 1 s).
    expect: { poll: { timeout: 15_000, interval: 100 } },
    hookTimeout: 300_000,
  },
});
