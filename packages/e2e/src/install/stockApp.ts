import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { step } from './readme';

function editJson(file: string, edit: (json: any) => void) {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  edit(json);
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}

function editText(file: string, edit: (text: string) => string) {
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`${file} did not change`);
  writeFileSync(file, after);
}

/** Inserts `lines` before the first `closing` that follows `anchor` in `text`. */
function insertInside(text: string, anchor: string, closing: string, lines: string): string {
  const start = text.indexOf(anchor);
  if (start < 0) throw new Error(`no ${JSON.stringify(anchor)} in the template`);
  const at = text.indexOf(closing, start);
  if (at < 0) throw new Error(`no ${JSON.stringify(closing)} after ${JSON.stringify(anchor)} in the template`);
  return `${text.slice(0, at)}\n${lines.replace(/\n$/, '')}${text.slice(at)}`;
}

/**
 * create-app writes a yarn project; what the README's "with npm" paragraph tells an npm user to change: yarn's
 * `resolutions` as npm `overrides`, plus @yarnpkg/core 4.9.1 (4.9.2's manifest uses a protocol npm cannot read),
 * React 18 for the peers of Material UI 4 and other libraries that still name React 17, and the testing
 * library versions @backstage/frontend-test-utils 1.0 asks for; and the backend's `link:../app` as a workspace
 * range. So npm installs peer dependencies as it should (with legacy-peer-deps it would not, and a production
 * install would lack keyv, the peer of the cache stores Backstage loads).
 */
export function prepareForNpm(appDir: string): void {
  editJson(join(appDir, 'package.json'), pkg => {
    pkg.overrides = {
      ...pkg.resolutions,
      '@yarnpkg/core': '4.9.1',
      react: '^18.0.2',
      'react-dom': '^18.0.2',
      '@testing-library/dom': '^10.0.0',
      '@testing-library/react': '^16.0.0',
    };
  });
  editJson(join(appDir, 'packages/backend/package.json'), pkg => {
    pkg.dependencies.app = '*';
  });
}

/**
 * What the README's install section says a create-app app already has for Opsfolio's notifications: the
 * notifications and signals backends, and the notifications and signals plugins in the app with the page and the
 * sidebar's item. Checked in the rendered template, so a template that dropped them fails here rather than as
 * notifications nobody receives.
 */
export function expectNotificationsWiring(appDir: string): void {
  const read = (file: string) => readFileSync(join(appDir, file), 'utf8');
  const dependencies = (file: string) => Object.keys(JSON.parse(read(file)).dependencies ?? {});
  const missing: string[] = [];
  const backendIndex = read('packages/backend/src/index.ts');
  const backendDependencies = dependencies('packages/backend/package.json');
  for (const name of ['@backstage/plugin-notifications-backend', '@backstage/plugin-signals-backend']) {
    if (!backendDependencies.includes(name)) missing.push(`packages/backend/package.json: ${name}`);
    if (!backendIndex.includes(`backend.add(import('${name}'))`)) missing.push(`packages/backend/src/index.ts: backend.add(import('${name}'))`);
  }
  const appDependencies = dependencies('packages/app/package.json');
  for (const name of ['@backstage/plugin-notifications', '@backstage/plugin-signals']) {
    if (!appDependencies.includes(name)) missing.push(`packages/app/package.json: ${name}`);
  }
  // The new frontend system's sidebar (modules/nav), or the legacy app's Root; the page is discovered or routed.
  const sidebar = ['packages/app/src/modules/nav/Sidebar.tsx', 'packages/app/src/components/Root/Root.tsx']
    .filter(file => existsSync(join(appDir, file)))
    .map(read)
    .join('\n');
  if (!sidebar.includes('<NotificationsSidebarItem')) missing.push('the sidebar: <NotificationsSidebarItem />');
  const legacy = existsSync(join(appDir, 'packages/app/src/components/Root/Root.tsx'));
  if (legacy && !read('packages/app/src/App.tsx').includes('<NotificationsPage')) missing.push('packages/app/src/App.tsx: <NotificationsPage />');
  if (missing.length) throw new Error(`The stock app lacks what Opsfolio's notifications need:\n${missing.join('\n')}`);
}

/** The README's backend step: the plugin and modules added to packages/backend/src/index.ts. */
export function addBackendFeatures(appDir: string, steps: Map<string, string>): void {
  editText(join(appDir, 'packages/backend/src/index.ts'), text =>
    text.replace('backend.start();', `${step(steps, 'backend-index')}\nbackend.start();`),
  );
}

/** The README's legacy frontend steps, in the legacy-app template's EntityPage.tsx and App.tsx. */
export function addLegacyFrontend(appDir: string, steps: Map<string, string>): void {
  editText(join(appDir, 'packages/app/src/components/catalog/EntityPage.tsx'), text => {
    let out = `${step(steps, 'legacy-entity-page-imports')}${text}`;
    out = insertInside(out, 'const overviewContent = (', '\n  </Grid>\n);', step(steps, 'legacy-overview-cards'));
    out = insertInside(out, 'const serviceEntityPage = (', '\n  </EntityLayout>\n);', step(steps, 'legacy-service-tabs'));
    out = insertInside(out, 'const groupPage = (', '\n      </Grid>\n    </EntityLayout.Route>', step(steps, 'legacy-group-cards'));
    return out;
  });
  editText(join(appDir, 'packages/app/src/App.tsx'), text =>
    insertInside(`${step(steps, 'legacy-app-imports')}${text}`, '<FlatRoutes>', '\n  </FlatRoutes>', step(steps, 'legacy-app-routes')),
  );
}

/** A service token the install test's helpers use for /health's details. */
export const INSTALL_TEST_TOKEN = 'opsfolio-install-test-token';

/**
 * The install's own configuration, on top of the stock app-config.yaml and app-config.production.yaml: the
 * backend on its own port, PostgreSQL databases with a prefix of their own, guest sign-in in production, the
 * demo organisation's catalog and the vendor modules pointed at the simulator.
 */
export function writeInstallConfig(file: string, options: { port: number; dbPrefix: string; repoRoot: string; simulator: string }) {
  const { port, dbPrefix, repoRoot, simulator } = options;
  const baseUrl = `http://localhost:${port}`;
  writeFileSync(file, stringify({
    app: { baseUrl },
    backend: {
      baseUrl,
      listen: `:${port}`,
      database: { prefix: dbPrefix },
      // The page helpers read /health's details, which need a token.
      auth: { externalAccess: [{ type: 'static', options: { token: INSTALL_TEST_TOKEN, subject: 'install-test' }, accessRestrictions: [{ plugin: 'opsfolio' }] }] },
      // create-app's action sources, and Opsfolio's actions for AI agents (served as MCP tools by mcp-actions-backend).
      actions: { pluginSources: ['auth', 'catalog', 'scaffolder', 'opsfolio'] },
    },
    // Signed in as Ada of team-payments (the demo organisation), whom the demo campaigns' reminders reach.
    auth: { providers: { guest: { dangerouslyAllowOutsideDevelopment: true, userEntityRef: 'user:default/ada.okafor' } } },
    integrations: {
      github: [{ host: 'github.com', apiBaseUrl: `${simulator}/github`, token: 'demo-github-token' }],
      gitlab: [{ host: 'gitlab.com', apiBaseUrl: `${simulator}/gitlab/api/v4`, token: 'demo-gitlab-token' }],
    },
    aws: { mainAccount: { accessKeyId: 'simulator', secretAccessKey: 'simulator' } },
    catalog: {
      rules: [{ allow: ['Component', 'System', 'API', 'Resource', 'Location', 'Domain', 'Group', 'User'] }],
      locations: [{ type: 'file', target: join(repoRoot, 'examples/catalog/index.yaml') }],
    },
    opsfolio: {
      pagerduty: { baseUrl: `${simulator}/pagerduty`, token: 'demo-pagerduty-token' },
      opsgenie: { baseUrl: `${simulator}/opsgenie`, token: 'demo-opsgenie-key' },
      cost: {
        tagKey: 'service',
        aws: { endpoint: `${simulator}/aws` },
        focus: { exports: [{ location: join(repoRoot, '.demo/focus/acme.focus.csv') }] },
      },
      schedule: { frequency: { minutes: 2 }, timeout: { minutes: 5 }, initialDelay: { seconds: 5 } },
      sources: {
        codeowners: { schedule: { frequency: { minutes: 2 }, timeout: { minutes: 5 }, initialDelay: { seconds: 10 } } },
        scorecards: { schedule: { frequency: { minutes: 2 }, timeout: { minutes: 5 }, initialDelay: { seconds: 25 } } },
        notifications: { schedule: { frequency: { minutes: 1 }, timeout: { minutes: 5 }, initialDelay: { seconds: 40 } } },
      },
      scorecards: { backfillDays: 30 },
      campaigns: { files: [join(repoRoot, '.demo/campaigns.yaml')] },
    },
  }));
}
