import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { APP_URL, startDemo } from './demo';
import { campaignsPageSteps } from './demoSteps/campaignsPage';
import { notificationsSteps } from './demoSteps/notifications';
import { costPageSteps } from './demoSteps/costPage';
import { ownershipPageSteps } from './demoSteps/ownershipPage';
import { readinessPageSteps } from './demoSteps/readinessPage';
import { securitySteps } from './demoSteps/security';
import { servicePageSteps } from './demoSteps/servicePage';
import { type DemoSession, README_SCREENSHOTS, SCREENSHOTS } from './demoSteps/session';
import { syncSteps } from './demoSteps/sync';
import { usabilitySteps } from './demoSteps/usability';

// One demo for every step: starting it takes minutes. The steps run in this order, each page's in its own module.
describe('the demo, in a real browser', () => {
  let demo: Awaited<ReturnType<typeof startDemo>>;
  let browser: Browser;
  const session = {} as DemoSession;

  beforeAll(async () => {
    // GitLab on a manual schedule: its first sync starts in a test, once the app is up, so the test sees it run.
    demo = await startDemo({
      env: { APP_CONFIG_opsfolio_sources_gitlab_schedule: JSON.stringify({ frequency: { trigger: 'manual' }, timeout: { minutes: 5 } }) },
    });
    browser = await launchBrowser();
    session.page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    mkdirSync(SCREENSHOTS, { recursive: true });
    mkdirSync(README_SCREENSHOTS, { recursive: true });
    // Sign in once as a guest; the session survives reloads.
    await session.page.goto(APP_URL);
    // The dev server's first build of the app on a cold cache can take minutes on two cores.
    await session.page.getByRole('button', { name: /enter/i }).click({ timeout: 240_000 });
    await session.page.getByText('Payments API').first().waitFor({ timeout: 240_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  syncSteps(session);
  servicePageSteps(session);
  costPageSteps(session);
  ownershipPageSteps(session);
  readinessPageSteps(session);
  campaignsPageSteps(session);
  usabilitySteps(session);
  securitySteps();
  // Last: it plants failed deploys on a team-payments service, which later steps' figures would see.
  notificationsSteps(session);
});
