import { BACKEND_URL, SIMULATOR_URL } from '../demo';
import { type DemoSession, CI_TOKEN, GITLAB_PROJECTS, SCREENSHOTS, guestToken, openEntityPage, untilShown, waitForFirstSync } from './session';

/** The backend's health, and a first sync's progress shown while it runs. */
export function syncSteps(demo: DemoSession) {
  it('serves /api/opsfolio/health as a liveness answer without a token, and its sources with one', async () => {
    const res = await fetch(`${BACKEND_URL}/api/opsfolio/health`);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ status: 'ok' });
    const signedIn = await fetch(`${BACKEND_URL}/api/opsfolio/health`, { headers: { authorization: `Bearer ${CI_TOKEN}` } });
    expect(await signedIn.json()).toMatchObject({ status: expect.stringMatching(/^(ok|degraded)$/), sources: expect.any(Array) });
  });

  it("shows how far GitLab's first sync has got on a GitLab service's card while it runs", async () => {
    const { page } = demo;
    const headers = { authorization: `Bearer ${await guestToken()}` };
    const gitlabEntities = async () =>
      (await (await fetch(`${BACKEND_URL}/api/catalog/entities/by-query?filter=metadata.annotations.gitlab.com/project-slug&limit=1`, { headers })).json()).totalItems;
    await expect.poll(gitlabEntities, { timeout: 120_000, interval: 2000 }).toBe(GITLAB_PROJECTS);
    await openEntityPage(page, 'feature-flags');
    await page.getByTestId('opsfolio-card-deployments').waitFor({ timeout: 60_000 });
    // feature-flags' deployments answer a minute late (the client times out after 10 s and retries) until the card
    // has been seen: whichever place its project has in the run, the card has no deployments while the run lasts.
    const control = `${SIMULATOR_URL}/_control/faults`;
    const slow = { vendor: 'gitlab', path: '/projects/**feature-flags/deployments', delayMs: 60_000 };
    expect((await fetch(control, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(slow) })).status).toBe(201);
    try {
      const task = encodeURIComponent('opsfolio-sync:gitlab');
      const trigger = await fetch(`${BACKEND_URL}/api/opsfolio/.backstage/scheduler/v1/tasks/${task}/trigger`, {
        method: 'POST',
        headers: { authorization: `Bearer ${CI_TOKEN}` },
      });
      expect(trigger.status).toBe(200);
      const gitlab = async () => {
        const health = await (await fetch(`${BACKEND_URL}/api/opsfolio/health`, { headers: { authorization: `Bearer ${CI_TOKEN}` } })).json();
        return health.sources.find((source: { id: string }) => source.id === 'gitlab');
      };
      await expect.poll(async () => (await gitlab())?.lastRun?.progress?.total ?? 0, { timeout: 60_000, interval: 500 }).toBe(GITLAB_PROJECTS);
      const running = await gitlab();
      expect(running).toMatchObject({ lastRun: { status: 'running', progress: { unit: 'projects', total: GITLAB_PROJECTS } } });
      expect(running.lastSuccessAt).toBeUndefined();
      await page.reload();
      const title = page.getByTestId('opsfolio-card-deployments').getByTestId('opsfolio-empty-state-title');
      await title.waitFor({ timeout: 20_000 });
      expect(await title.innerText()).toMatch(new RegExp(`^First sync of GitLab in progress: [0-${GITLAB_PROJECTS - 1}] of ${GITLAB_PROJECTS} projects$`));
      await page.screenshot({ path: `${SCREENSHOTS}feature-flags-first-sync.png`, fullPage: true });
    } finally {
      await fetch(control, { method: 'DELETE' });
    }
    await waitForFirstSync(['gitlab']);
    await untilShown(page, () => page.getByTestId('opsfolio-last-deploy').isVisible(), 'feature-flags deployments after the first sync');
  }, 360_000);
}
