import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../browser';
import { pageHelpers } from '../pages';
import { dropDatabases } from './databases';
import { node24Dir, stockAppEnv, yarnShim } from './environment';
import { startLocalRegistry } from './localRegistry';
import { makeWorkDir, REPO_ROOT, RESULTS } from './paths';
import { commands, readmeSteps, step } from './readme';
import { renderTemplate } from './renderTemplate';
import { run, start, waitForUrl } from './run';
import { addBackendFeatures, addLegacyFrontend, expectNotificationsWiring, INSTALL_TEST_TOKEN, prepareForNpm, writeInstallConfig } from './stockApp';
import { bundleBytes, Timings } from './summary';
import { buildAndPack, manifestTargets, type Tarball } from './tarballs';

const PORT = 7207;
const APP_URL = `http://localhost:${PORT}`;
const SIMULATOR = 'http://127.0.0.1:7081';
const DB_PREFIX = `opsfolio_install_${process.pid}_`;
const BACKEND_PACKAGES = [
  '@opsfolio/backstage-plugin-backend',
  '@opsfolio/backstage-plugin-backend-module-github',
  '@opsfolio/backstage-plugin-backend-module-gitlab',
  '@opsfolio/backstage-plugin-backend-module-pagerduty',
  '@opsfolio/backstage-plugin-backend-module-opsgenie',
  '@opsfolio/backstage-plugin-backend-module-aws',
  '@opsfolio/backstage-plugin-backend-module-focus',
];

/**
 * Opsfolio as an adopter gets it: the publishable packages packed with npm and served by a registry, a stock
 * Backstage app rendered from create-app's template for the release in backstage.json, the README's install
 * section applied to it, the production build, the built backend deployed with its production dependencies
 * only and started with `node` on PostgreSQL (Node 24 throughout), and a browser on the app it serves. Then the
 * same with the legacy-app template and the README's legacy wiring.
 */
describe('Opsfolio installed into a stock Backstage app', () => {
  const timings = new Timings();
  const steps = readmeSteps();
  const { openEntityPage, waitForFirstSync, untilShown, signInAsGuest } = pageHelpers({
    appUrl: APP_URL,
    backendUrl: APP_URL,
    screenshots: RESULTS,
    token: INSTALL_TEST_TOKEN,
  });
  let work: string;
  let tarballs: Tarball[];
  let registry: Awaited<ReturnType<typeof startLocalRegistry>>;
  let env: NodeJS.ProcessEnv;
  let simulator: ReturnType<typeof start>;
  let backend: ReturnType<typeof start> | undefined;
  let browser: Browser;
  let page: Page;

  /** The README's shell block `name`, run in the app. */
  async function readmeCommands(appDir: string, name: string, log: string) {
    for (const [command, ...args] of commands(step(steps, name))) await run(command, args, { cwd: appDir, env, log });
  }

  /** Renders a template and installs it with npm as the README's "with npm" paragraph says. */
  async function stockApp(template: 'default-app' | 'legacy-app', appDir: string, reuseModulesOf?: string) {
    renderTemplate(template, appDir);
    expectNotificationsWiring(appDir);
    prepareForNpm(appDir);
    // The legacy app starts from the first app's install: the same release, so npm only adds what differs.
    if (reuseModulesOf) {
      await run('cp', ['-al', join(reuseModulesOf, 'node_modules'), join(appDir, 'node_modules')], { cwd: appDir, log: `${template}-install.log` });
    }
    await run('npm', ['install'], { cwd: appDir, env, log: `${template}-install.log` });
  }

  /** The production build: the app bundle, then the backend bundle that carries it. */
  async function productionBuild(appDir: string, log: string) {
    await run('npm', ['run', 'build', '--workspace', 'packages/app'], { cwd: appDir, env, log });
    await run('npm', ['run', 'build', '--workspace', 'packages/backend', '--', '--skip-build-dependencies'], { cwd: appDir, env, log });
  }

  /**
   * Deploys the backend bundle as a container image would: unpacked into its own folder with the app's
   * lockfile, production dependencies only (so a runtime dependency left out of a package.json fails here),
   * then started with `node` on PostgreSQL, serving the built frontend.
   */
  async function deployAndStart(appDir: string, deployDir: string, log: string) {
    mkdirSync(deployDir, { recursive: true });
    rmSync(join(deployDir, 'packages'), { recursive: true, force: true });
    await run('tar', ['xzf', join(appDir, 'packages/backend/dist/bundle.tar.gz'), '-C', deployDir], { cwd: appDir, env, log: `${log}-deploy.log` });
    cpSync(join(appDir, 'package-lock.json'), join(deployDir, 'package-lock.json'));
    if (!existsSync(join(deployDir, 'node_modules'))) {
      await run('npm', ['ci', '--omit=dev'], { cwd: deployDir, env, log: `${log}-deploy.log` });
    }
    if (await fetch(APP_URL).then(() => true, () => false)) throw new Error(`${APP_URL} already answers: stop what runs on port ${PORT}`);
    const config = join(work, 'app-config.install.yaml');
    writeInstallConfig(config, { port: PORT, dbPrefix: DB_PREFIX, repoRoot: REPO_ROOT, simulator: SIMULATOR });
    backend = start(
      'node',
      ['packages/backend', '--config', join(appDir, 'app-config.yaml'), '--config', join(appDir, 'app-config.production.yaml'), '--config', config],
      {
        cwd: deployDir,
        log: `${log}-backend.log`,
        env: { ...env, NODE_ENV: 'production', POSTGRES_HOST: '127.0.0.1', POSTGRES_PORT: '5432', POSTGRES_USER: 'postgres', POSTGRES_PASSWORD: '' },
      },
    );
    await waitForUrl(`${APP_URL}/api/opsfolio/health`, 180_000, backend.child);
    await waitForUrl(APP_URL, 60_000, backend.child);
  }

  beforeAll(async () => {
    rmSync(RESULTS, { recursive: true, force: true });
    work = makeWorkDir();
    await dropDatabases(DB_PREFIX);
    tarballs = await timings.measure('build and pack', () => buildAndPack(join(work, 'tarballs')));
    registry = await startLocalRegistry(tarballs);
    const appDir = join(work, 'app');
    env = stockAppEnv({ nodeDir: node24Dir(), registry: registry.url, yarnShimDir: join(work, 'bin') });
    await timings.measure('stock app install', () => stockApp('default-app', appDir));
    yarnShim(work, appDir);
    if (process.env.OPSFOLIO_INSTALL_BASELINE) {
      await timings.measure('app build without Opsfolio', () => run('npm', ['run', 'build', '--workspace', 'packages/app'], { cwd: appDir, env, log: 'baseline-build.log' }));
      timings.figure('app bundle without Opsfolio (bytes)', bundleBytes(join(appDir, 'packages/app/dist')));
    }
    await timings.measure('README install steps', async () => {
      await readmeCommands(appDir, 'backend-packages', 'readme.log');
      addBackendFeatures(appDir, steps);
      await readmeCommands(appDir, 'app-packages', 'readme.log');
    });
    await timings.measure('production build', () => productionBuild(appDir, 'build-app.log'));
    timings.figure('app bundle with Opsfolio (bytes)', bundleBytes(join(appDir, 'packages/app/dist')));
    await run('npm', ['run', 'demo:focus'], { cwd: REPO_ROOT, log: 'simulator.log' });
    await run('npm', ['run', 'demo:campaigns'], { cwd: REPO_ROOT, log: 'simulator.log' });
    simulator = start('npm', ['run', 'simulator'], { cwd: REPO_ROOT, log: 'simulator.log' });
    await waitForUrl(`${SIMULATOR}/_control/health`, 60_000, simulator.child);
    await timings.measure('deploy and start', () => deployAndStart(appDir, join(work, 'deploy'), 'default-app'));
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    await signInAsGuest(page);
  }, 1_800_000);

  afterAll(async () => {
    writeFileSync(join(RESULTS, 'summary.json'), `${JSON.stringify(timings.report(tarballs ?? []), null, 2)}\n`);
    process.stdout.write(`${timings.print(tarballs ?? [])}\n`);
    await browser?.close();
    await backend?.stop();
    await simulator?.stop();
    await registry?.stop();
    await dropDatabases(DB_PREFIX);
    if (work && !process.env.OPSFOLIO_INSTALL_KEEP) rmSync(work, { recursive: true, force: true });
  }, 120_000);

  it('packs every publishable package with its entry points, config schema and licence inside the tarball', () => {
    expect(tarballs.map(t => t.name).sort()).toEqual(expect.arrayContaining([...BACKEND_PACKAGES, '@opsfolio/backstage-plugin']));
    for (const tarball of tarballs) {
      const targets = manifestTargets(tarball.manifest);
      expect(targets.length, tarball.name).toBeGreaterThan(0);
      for (const target of targets) expect(tarball.entries, `${tarball.name}: ${target}`).toContain(target);
      expect(tarball.entries, tarball.name).toContain('LICENSE');
      expect(tarball.entries.filter(entry => entry.startsWith('src/')), tarball.name).toEqual([]);
      expect(tarball.manifest.main, tarball.name).toMatch(/^dist\//);
    }
  });

  it('loads the backend plugin and every module with require() from the deployed backend', async () => {
    const deploy = join(work, 'deploy', 'packages/backend');
    for (const name of BACKEND_PACKAGES) {
      const out = await run('node', ['-p', `require(${JSON.stringify(name)}).default.$$type`], { cwd: deploy, env, log: 'require.log' });
      expect(out.trim(), name).toBe('@backstage/BackendFeature');
    }
  });

  it("registers Opsfolio's read-only actions for AI agents with the stock app's actions registry", async () => {
    const res = await fetch(`${APP_URL}/api/opsfolio/.backstage/actions/v1/actions`, { headers: { Authorization: `Bearer ${INSTALL_TEST_TOKEN}` } });
    expect(res.status).toBe(200);
    const { actions } = (await res.json()) as { actions: Array<{ id: string; attributes: { readOnly: boolean } }> };
    expect(actions.map(a => a.id).sort()).toEqual(
      ['get-campaign-lagging-teams', 'get-entity-cost', 'get-entity-deployments', 'get-entity-on-call', 'get-entity-ownership', 'get-entity-readiness'].map(name => `opsfolio:${name}`),
    );
    expect(actions.every(a => a.attributes.readOnly)).toBe(true);
  });

  it('shows the Opsfolio cards on a service page of the production build (new frontend system)', async () => {
    await openEntityPage(page, 'payments-api');
    for (const pillar of ['ownership', 'deployments', 'oncall', 'cost', 'scorecards']) {
      await page.getByTestId(`opsfolio-card-${pillar}`).waitFor({ timeout: 30_000 });
    }
    await waitForFirstSync(['github', 'pagerduty', 'aws']);
    await untilShown(page, async () => (await page.getByTestId('opsfolio-card-oncall').innerText()).includes('Level 1'), 'on-call levels');
    // The GitHub module's deployments: the first sync may have run before the catalog had the service.
    await untilShown(page, async () => (await page.getByTestId('opsfolio-card-deployments').innerText()).includes('Last shipped'), 'deployments');
    // All five DORA figures from the packed packages, the bands labelled with their source.
    await page.getByTestId('opsfolio-dora-reworkRate').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('opsfolio-dora-reworkRate').innerText()).toMatch(/^Deployment rework rate\n(\d+(\.\d)?%|Not enough data)$/);
    expect(await page.getByTestId('opsfolio-dora-bands').innerText()).toBe('Bands: DORA 2024 (deployment rework rate: none published)');
    expect(await page.getByTestId('opsfolio-card-ownership').innerText()).toMatch(/Owned by\s+Payments/);
    // The page may have been read before the cost sync ended: reload until its figures show.
    await untilShown(page, async () => /\$[\d,]+/.test(await page.getByTestId('opsfolio-card-cost').innerText()), 'cost figures');
    await page.screenshot({ path: join(RESULTS, 'payments-api.png'), fullPage: true });
  });

  it('shows the readiness page and the cost page', async () => {
    await page.goto(`${APP_URL}/opsfolio/scorecards`);
    const teams = page.getByTestId('opsfolio-scorecards-team');
    await untilShown(page, async () => (await teams.count()) >= 7, 'readiness page teams');
    const gold = page.getByTestId('opsfolio-scorecards-entity').and(page.locator('[data-entity="component:default/payments-api"]'));
    // Evaluated every 2 minutes here, after syncs that run every 2 minutes: as long as the demo's test allows.
    await untilShown(page, async () => (await gold.innerText()).includes('Gold'), 'payments-api at Gold', 300_000);
    await page.screenshot({ path: join(RESULTS, 'readiness-page.png'), fullPage: true });

    await waitForFirstSync(['aws', 'focus']);
    await page.goto(`${APP_URL}/opsfolio/cost`);
    const rows = page.getByTestId('opsfolio-cost-row');
    await rows.first().waitFor({ timeout: 120_000 });
    const keys = await rows.evaluateAll(els => els.map(el => el.getAttribute('data-key')));
    expect(keys).toEqual(expect.arrayContaining(['group:default/team-payments', 'group:default/team-sre']));
    expect(await page.getByTestId('opsfolio-cost-organisation').innerText()).toMatch(/\$[\d,]+/);
    await page.screenshot({ path: join(RESULTS, 'cost-page.png'), fullPage: true });

    await expectCampaigns();
  });

  it("delivers Opsfolio's campaign reminder to the stock app's notifications page", async () => {
    // The demo's Rollback drills campaign reminds lagging teams weekly; team-payments lags, and Ada is in it.
    await page.goto(`${APP_URL}/notifications`);
    const reminder = page.getByRole('link', { name: /^Reminder: Rollback drills, \d+ entit(y|ies) of your team not done$/ });
    await untilShown(page, async () => (await reminder.count()) === 1, 'the Rollback drills reminder', 300_000);
    expect(new URL((await reminder.getAttribute('href'))!, APP_URL).pathname).toBe('/opsfolio/campaigns/rollback-drills');
    await page.screenshot({ path: join(RESULTS, 'notifications-page.png'), fullPage: true });
  });

  /** The campaigns page lists the configured campaigns, and one opens with its burn-up and teams. */
  async function expectCampaigns(prefix = '') {
    await page.goto(`${APP_URL}/opsfolio/campaigns`);
    const rows = page.getByTestId('opsfolio-campaign-row');
    // Rollback drills (active), Silver for every production service (overdue), Dashboards everywhere (ended).
    await untilShown(page, async () => (await rows.count()) === 3, `${prefix}campaigns page`);
    await page.getByRole('link', { name: 'Rollback drills' }).click();
    await page.getByTestId('opsfolio-campaign-burnup').waitFor({ timeout: 30_000 });
    await untilShown(page, async () => (await page.getByTestId('opsfolio-campaign-team').count()) >= 5, `${prefix}campaign teams`);
    await page.screenshot({ path: join(RESULTS, `${prefix}campaign-page.png`), fullPage: true });
  }

  it('boots the legacy-app template with the README legacy wiring and shows the cards and pages', async () => {
    await backend?.stop();
    const legacyDir = join(work, 'legacy-app');
    await timings.measure('legacy app install', () => stockApp('legacy-app', legacyDir, join(work, 'app')));
    await timings.measure('legacy README steps and build', async () => {
      await readmeCommands(legacyDir, 'backend-packages', 'legacy-readme.log');
      addBackendFeatures(legacyDir, steps);
      await readmeCommands(legacyDir, 'app-packages', 'legacy-readme.log');
      addLegacyFrontend(legacyDir, steps);
      await productionBuild(legacyDir, 'build-legacy.log');
    });
    await timings.measure('legacy deploy and start', () => deployAndStart(legacyDir, join(work, 'deploy'), 'legacy-app'));
    // A new browser profile: the other app's guest session would sign this one in before its sign-in page shows.
    await page.context().close();
    page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    await signInAsGuest(page);
    await openEntityPage(page, 'payments-api');
    for (const pillar of ['ownership', 'deployments', 'oncall', 'cost', 'scorecards']) {
      await page.getByTestId(`opsfolio-card-${pillar}`).waitFor({ timeout: 30_000 });
    }
    expect(await page.getByTestId('opsfolio-card-ownership').innerText()).toMatch(/Owned by\s+Payments/);
    await page.screenshot({ path: join(RESULTS, 'legacy-payments-api.png'), fullPage: true });
    await openEntityPage(page, 'team-payments', 'group');
    await page.getByTestId('opsfolio-card-team-portfolio').waitFor({ timeout: 30_000 });
    await page.goto(`${APP_URL}/opsfolio/scorecards`);
    await untilShown(page, async () => (await page.getByTestId('opsfolio-scorecards-team').count()) >= 7, 'legacy readiness page');
    await page.screenshot({ path: join(RESULTS, 'legacy-readiness-page.png'), fullPage: true });
    await expectCampaigns('legacy-');
  }, 1_200_000);
});
