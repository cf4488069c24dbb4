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
    hookTimeout: 300_000,
  },
});
