import type { Page } from 'playwright-core';
import { APP_URL, BACKEND_URL } from '../demo';
import { type DemoSession, CI_TOKEN, SCREENSHOTS, guestToken, untilShown } from './session';

/** The demo user's team: app-config.yaml signs the guest in as Ada Okafor, one of its members. */
const TEAM = 'group:default/team-payments';
const SCORECARD = 'production-readiness';
/** Gold, passing in the elite and high bands: failed production deploys pushed by CI make it fail. */
const CHECK = 'change-failure-rate';
/** The failure rate the pushed deploys take the service to: well past the high band's 10 %. */
const TARGET_RATE = 0.3;

/** What these steps read of Opsfolio's, the catalog's and the notifications plugin's answers. */
interface ScorecardsResponse {
  scorecards: Array<{
    scorecard: { id: string; title: string; checks: Array<{ id: string; title: string; fix: { text: string } }> };
    applicable: boolean;
    level: { id: string } | null;
    results: Array<{ checkId: string; state: string }>;
  }>;
}
interface DoraResponse {
  environments: string[];
  figures: { changeFailureRate: { value: number | null; sampleSize: number } };
}
interface NotificationsResponse {
  notifications: Array<{ id: string; payload: { title: string; description?: string; link?: string } }>;
}

const get = async <T>(path: string): Promise<T> => {
  const res = await fetch(`${BACKEND_URL}/api${path}`, { headers: { authorization: `Bearer ${await guestToken()}` } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

const readiness = async (name: string) =>
  (await get<ScorecardsResponse>(`/opsfolio/entities/component/default/${name}/scorecards`)).scorecards.find(
    s => s.scorecard.id === SCORECARD
  );

const checkState = async (name: string) => (await readiness(name))?.results.find(r => r.checkId === CHECK)?.state;

/** Runs a scheduled task now, as demoSteps/sync.ts does; a run under way (409) is waited out. */
async function trigger(taskId: string) {
  const url = `${BACKEND_URL}/api/opsfolio/.backstage/scheduler/v1/tasks/${encodeURIComponent(taskId)}/trigger`;
  for (const deadline = Date.now() + 120_000; ; ) {
    const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${CI_TOKEN}` } });
    if (res.status === 200) return;
    if (res.status !== 409 || Date.now() > deadline) throw new Error(`trigger ${taskId}: ${res.status} ${await res.text()}`);
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}

/** Triggers `taskId` until `done` holds: a run that started just before what it should see is followed by another. */
async function triggerUntil(taskId: string, done: () => Promise<boolean>, what: string, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await trigger(taskId);
    for (const settle = Date.now() + 30_000; Date.now() < settle; ) {
      if (await done().catch(() => false)) return;
      await new Promise(resolve => setTimeout(resolve, 2000));
    }
    if (Date.now() > deadline) throw new Error(`${what} did not happen in time`);
  }
}

/** Failed deploys that take a failure rate of `failing` in `counted` to at least TARGET_RATE. */
const deploysToFail = (counted: number, failing: number) =>
  Math.max(1, Math.ceil((TARGET_RATE * counted - failing) / (1 - TARGET_RATE)));

/** The notification's row on the Notifications page: its title links to where to act. */
const notificationRow = (page: Page, title: string) =>
  page.locator('[id^="notification-"]').filter({ has: page.getByRole('link', { name: title, exact: true }) });

/**
 * Notifications: a check that passed on a service of the demo user's team fails after CI pushes failed production
 * deploys; the next evaluation and notification run tell the team, and the user finds it on the Notifications
 * page with what to fix and a link to the Readiness tab. Runs last: the service keeps its failed deploys.
 */
export function notificationsSteps(demo: DemoSession) {
  /** The service that regressed and what the notification about it says. */
  let regressed: { title: string; fix: string; link: string } | undefined;

  it("tells the owning team when a passing readiness check fails: CI's failed deploys, the evaluation, the notification run", async () => {
    // The demo user's team's services whose check passes now, payments-api (the Gold showcase) left alone; one below
    // Gold first, so that only the check changes and no level drops with it.
    const owned = await get<Array<{ metadata: { name: string; title?: string } }>>(
      `/catalog/entities?filter=kind=component,relations.ownedBy=${TEAM}&fields=metadata.name,metadata.title`
    );
    const candidates: Array<{ name: string; title: string; gold: boolean }> = [];
    for (const { metadata } of owned.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))) {
      if (metadata.name === 'payments-api') continue;
      const result = await readiness(metadata.name);
      if (!result?.applicable || result.results.find(r => r.checkId === CHECK)?.state !== 'pass') continue;
      candidates.push({ name: metadata.name, title: metadata.title ?? metadata.name, gold: result.level?.id === 'gold' });
    }
    const service = candidates.sort((a, b) => Number(a.gold) - Number(b.gold))[0];
    if (!service) throw new Error(`no service of ${TEAM} but payments-api passes ${CHECK} in the demo`);
    const card = (await readiness(service.name))!.scorecard;
    const check = card.checks.find(c => c.id === CHECK)!;

    // What a pipeline sends: failed production deploys over the last minutes, enough to leave the high band.
    const dora = await get<DoraResponse>(`/opsfolio/entities/component/default/${service.name}/dora`);
    const { value, sampleSize } = dora.figures.changeFailureRate;
    const count = deploysToFail(sampleSize, Math.round((value ?? 0) * sampleSize));
    const run = `e2e-regression-${Date.now()}`;
    const now = Date.now();
    const deployments = Array.from({ length: count }, (_, i) => ({
      entityRef: `component:default/${service.name}`,
      environment: dora.environments[0] ?? 'production',
      version: `${run}-${i}`,
      status: 'failure',
      startedAt: new Date(now - (count - i) * 120_000 - 60_000).toISOString(),
      finishedAt: new Date(now - (count - i) * 120_000).toISOString(),
      externalId: `${run}-${i}`,
      actor: 'e2e-pipeline',
    }));
    const pushed = await fetch(`${BACKEND_URL}/api/opsfolio/deployments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${CI_TOKEN}` },
      body: JSON.stringify({ deployments }),
    });
    expect(pushed.status).toBe(200);
    expect(await pushed.json()).toMatchObject({ accepted: count });

    await triggerUntil('opsfolio-sync:scorecards', async () => (await checkState(service.name)) === 'fail', `${service.name} failing ${CHECK}`);

    const title = `${service.title}: ${check.title} now fails`;
    const sent = async () =>
      (await get<NotificationsResponse>('/notifications/notifications?limit=50')).notifications.find(n => n.payload.title === title);
    await triggerUntil('opsfolio-sync:notifications', async () => Boolean(await sent()), `the notification "${title}"`);
    const notification = (await sent())!;
    expect(notification.payload.description).toContain(check.fix.text);
    const link = `/catalog/default/component/${service.name}/scorecards`;
    expect(new URL(notification.payload.link!, APP_URL).pathname).toBe(link);
    regressed = { title, fix: check.fix.text, link };
  }, 720_000);

  it('shows the notification on the Notifications page, with the unread count in the sidebar, and leads to the Readiness tab', async () => {
    const { page } = demo;
    if (!regressed) throw new Error('the previous step found no regression to look for');
    const { title, fix, link } = regressed;
    await page.goto(`${APP_URL}/notifications`);
    const row = notificationRow(page, title);
    await untilShown(page, async () => (await row.count()) === 1, 'the notification on the Notifications page');
    // The sidebar's item counts what is unread, this notification among it.
    const unread = page.getByRole('navigation', { name: 'sidebar nav' }).getByLabel('Unread notifications');
    await expect.poll(async () => Number((await unread.innerText()).replace('+', '')), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    // A long description is cut after 100 characters until "Show more".
    const more = row.getByRole('button', { name: 'Show more' });
    if (await more.count()) await more.click();
    expect(await row.innerText()).toContain(fix);
    await page.screenshot({ path: `${SCREENSHOTS}notifications-page.png`, fullPage: true });

    const anchor = row.getByRole('link', { name: title, exact: true });
    expect(new URL((await anchor.getAttribute('href'))!, APP_URL).pathname).toBe(link);
    // An absolute link opens in a new tab, a path in this one: either way it is the service's Readiness tab.
    const opened = (await anchor.getAttribute('target')) === '_blank';
    const [target] = opened
      ? await Promise.all([page.context().waitForEvent('page'), anchor.click()])
      : await Promise.all([Promise.resolve(page), anchor.click()]);
    try {
      await target.waitForURL(url => url.pathname === link, { timeout: 30_000 });
      const failing = target.getByTestId('opsfolio-check-row').and(target.locator(`[data-check="${CHECK}"]`));
      await failing.waitFor({ timeout: 60_000 });
      expect(await failing.innerText()).toMatch(/\bfail\b/);
      await target.screenshot({ path: `${SCREENSHOTS}notifications-readiness-tab.png`, fullPage: true });
    } finally {
      if (opened) await target.close();
    }
  });
}
