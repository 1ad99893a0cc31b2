import { defineConfig } from 'vitest/config';

// One project per package; the browser test has its own config (packages/e2e) and runs last.
const node = (name: string, root: string) => ({
  test: {
    name,
    root,
    globals: true,
    environment: 'node',
    pool: 'forks' as const,
    setupFiles: [new URL('./scripts/vitest.setup.ts', import.meta.url).pathname],
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      node('common', 'plugins/opsfolio-common'),
      node('node', 'plugins/opsfolio-node'),
      node('backend', 'plugins/opsfolio-backend'),
      node('github', 'plugins/opsfolio-backend-module-github'),
      node('gitlab', 'plugins/opsfolio-backend-module-gitlab'),
      node('pagerduty', 'plugins/opsfolio-backend-module-pagerduty'),
      node('opsgenie', 'plugins/opsfolio-backend-module-opsgenie'),
      node('aws', 'plugins/opsfolio-backend-module-aws'),
      node('focus', 'plugins/opsfolio-backend-module-focus'),
      node('simulator', 'packages/simulator'),
      {
        test: {
          name: 'frontend',
          root: 'plugins/opsfolio',
          globals: true,
          environment: 'jsdom',
          setupFiles: [new URL('./scripts/vitest.setup.frontend.ts', import.meta.url).pathname],
          include: ['src/**/*.test.{ts,tsx}'],
          server: { deps: { inline: [/material-ui-popup-state/, /@backstage\//] } },
          testTimeout: 30_000,
        },
      },
    ],
  },
});
