import { defineConfig } from 'vitest/config';

// The install test packs the packages, installs them into a stock app, builds and starts it: it runs alone.
export default defineConfig({
  test: {
    name: 'install',
    root: new URL('.', import.meta.url).pathname,
    include: ['src/install/**/*.test.ts'],
    globals: true,
    environment: 'node',
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 1_800_000,
  },
});
