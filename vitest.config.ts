import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The browser suite runs separately, after these: npm run test:e2e (test/e2e/vitest.config.ts).
    exclude: [...configDefaults.exclude, 'test/e2e/**'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
