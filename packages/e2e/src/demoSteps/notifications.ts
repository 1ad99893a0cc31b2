import type { Page } from 'playwright-core';
import { APP_URL, BACKEND_URL } from '../demo';
import { failedDeploys, REGRESSION_CHECK, regressionCheckState, serviceToRegress, type ApiGet } from '../plantRegression';
import { type DemoSession, CI_TOKEN, SCREENSHOTS, guestToken, untilShown } from './session';

interface NotificationsResponse {
  notifications: Array<{ id: string; payload: { title: string; description?: string; link?: string } }>;
}

const get: ApiGet = async <T>(path: string): Promise<T> => {
  const res = await fetch(`${BACKEND_URL}/api${path}`, { headers: { authorization: `Bearer ${await guestToken()}` } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

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
    const service = await serviceToRegress(get);
    const { check } = service;
    const body = await failedDeploys(get, service.name, 'e2e-pipeline');
    const pushed = await fetch(`${BACKEND_URL}/api/opsfolio/deployments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${CI_TOKEN}` },
      body: JSON.stringify(body),
    });
    expect(pushed.status).toBe(200);
    expect(await pushed.json()).toMatchObject({ accepted: body.deployments.length });

    await triggerUntil('opsfolio-sync:scorecards', async () => (await regressionCheckState(get, service.name)) === 'fail', `${service.name} failing ${REGRESSION_CHECK}`);

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
      const failing = target.getByTestId('opsfolio-check-row').and(target.locator(`[data-check="${REGRESSION_CHECK}"]`));
      await failing.waitFor({ timeout: 60_000 });
      expect(await failing.innerText()).toMatch(/\bfail\b/);
      await target.screenshot({ path: `${SCREENSHOTS}notifications-readiness-tab.png`, fullPage: true });
    } finally {
      if (opened) await target.close();
    }
  });
}
