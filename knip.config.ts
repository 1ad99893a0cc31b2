import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnipConfig } from 'knip';

// Unused files, exports and dependencies across the repo: `npx knip`.
//
// A TypeScript file rather than knip.json: `backstage-repo-tools knip-reports` writes its own knip.json and deletes it
// afterwards, which would take a knip.json of ours with it.
//
// Entry points knip already takes from each package.json (`main`, `types`, `exports`) are not repeated: src/index.ts of
// every plugin (and src/alpha/index.ts of the frontend plugin), packages/backend/src/index.ts, packages/simulator/src/index.ts.
// Their exports are the packages' public API and are not reported. The vitest plugin adds the vitest configs (the
// root one with its projects, packages/e2e's) and their setup files.

const root = dirname(fileURLToPath(import.meta.url));

/** Every plugin's tests, benchmarks and dev app, where it has them; its files are those under src, bench and dev. */
function plugin(name: string): { entry: string[]; project: string[] } {
  const dir = join(root, 'plugins', name);
  const has = (folder: string) => existsSync(join(dir, folder));
  const hasTests = readdirSync(join(dir, 'src'), { recursive: true }).some(f => /\.test\.tsx?$/.test(String(f)));
  return {
    entry: [
      ...(hasTests ? ['src/**/*.test.{ts,tsx}'] : []),
      ...(has('bench') ? ['bench/*.bench.ts'] : []),
      ...(has('dev') ? ['dev/**/*.{ts,tsx}'] : []),
    ],
    project: ['src/**/*.{ts,tsx}', ...(has('bench') ? ['bench/**/*.ts'] : []), ...(has('dev') ? ['dev/**/*.{ts,tsx}'] : [])],
  };
}

const plugins = Object.fromEntries(
  readdirSync(join(root, 'plugins'), { withFileTypes: true })
    .filter(d => d.isDirectory())
    .map(d => [`plugins/${d.name}`, plugin(d.name)]),
);

const backend = plugins['plugins/opsfolio-backend'];

const config: KnipConfig = {
  workspaces: {
    '.': {
      entry: ['scripts/**/*.{ts,mts,mjs,js,cjs}', 'examples/**/*.ts'],
      project: ['scripts/**/*.{ts,mts,mjs,js,cjs}', 'examples/**/*.ts', '*.{ts,mts,mjs}'],
      ignoreDependencies: [
        // @backstage/cli loads it with a dynamic import of its own (the CLI's default command modules).
        '@backstage/cli-defaults',
        // Run by path from scripts/test-node24.sh (a shell script, which knip does not read) to build better-sqlite3.
        'node-gyp',
      ],
    },
    ...plugins,
    'plugins/opsfolio-backend': {
      // Knex loads the migrations from this folder at runtime (src/platform/migrate.ts); nothing imports them.
      entry: [...backend.entry, 'migrations/*.js'],
      project: [...backend.project, 'migrations/*.js'],
    },
    'packages/app': {
      entry: ['src/index.tsx'],
      project: ['src/**/*.{ts,tsx}'],
      // `app.packages: all` (app-config.yaml) discovers these frontend plugins from this package.json: never imported
      // (Opsfolio's is, by the sample German translation, and notifications' by the sidebar's item).
      ignoreDependencies: ['@backstage/plugin-catalog', '@backstage/plugin-org', '@backstage/plugin-signals'],
    },
    'packages/backend': {
      project: ['src/**/*.ts'],
      // Knex requires the driver named by `backend.database.client` (pg in app-config.production.yaml); never imported.
      ignoreDependencies: ['pg'],
    },
    'packages/simulator': {
      // src/main.ts is the `start` script's entry; knip reads package.json scripts.
      project: ['src/**/*.ts'],
    },
    'packages/e2e': {
      entry: ['bench/*.bench.ts'],
      project: ['src/**/*.ts', 'bench/**/*.ts', '*.mts'],
    },
  },
};

export default config;
