import { defineConfig } from 'vitest/config';

// The browser test starts the whole demo, so it runs alone, after the unit tests.
export default defineConfig({
  test: {
    name: 'e2e',
    root: new URL('.', import.meta.url).pathname,
    include: ['src/**/*.e2e.test.ts'],
    globals: true,
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
