import { APP_URL, BACKEND_URL } from '../demo';
import { type DemoSession, SCREENSHOTS, guestToken, untilShown } from './session';

/** What these steps read of GET /campaigns/:id (the e2e package depends on no Opsfolio package). */
interface CampaignProgressResponse {
  campaign: { startDate: string; targetDate: string };
  counts: { total: number };
  burnUp: Array<{ day: string; total: number }>;
  teams: Array<{ ownerRef: string }>;
  lagging: Array<{ entities: Array<{ entityRef: string; remaining: Array<{ fix: { text: string } }> }> }>;
}

const api = async <T>(path: string): Promise<T> => {
  const res = await fetch(`${BACKEND_URL}/api/opsfolio${path}`, {
    headers: { authorization: `Bearer ${await guestToken()}` },
  });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

/** The "Jan 17" a due date reads as, in the app's English. */
const shortDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/**
 * Campaigns: the demo's three (examples/campaigns, dated around today by `npm start`), their page with the burn-up
 * drawn from the backfilled history, the campaign section on a lagging service's Readiness tab, and the ended
 * campaign's promotion of its check into the standing scorecard.
 */
export function campaignsPageSteps(demo: DemoSession) {
  it('lists the demo campaigns: rollback drills active, the Silver baseline overdue, dashboards everywhere ended', async () => {
    const { page } = demo;
    await page.goto(`${APP_URL}/opsfolio/campaigns`);
    const rows = page.getByTestId('opsfolio-campaign-row');
    await untilShown(page, async () => (await rows.count()) === 3, 'the campaigns list');
    const states = await rows.evaluateAll(els =>
      els.map(el => `${el.getAttribute('data-campaign-id')}:${el.getAttribute('data-state')}`)
    );
    expect(states.sort()).toEqual(['dashboards-everywhere:ended', 'rollback-drills:active', 'silver-baseline:overdue']);
    expect(await rows.and(page.locator('[data-campaign-id="rollback-drills"]')).innerText()).toMatch(
      /2 checks of Production readiness[\s\S]*of 21 done/
    );
  });

  it('draws the rollback drills burn-up from the backfilled history, with the teams and what each must fix', async () => {
    const { page } = demo;
    // The burn-up needs the 30 days the demo backfills once every source has synced.
    let progress = await api<CampaignProgressResponse>('/campaigns/rollback-drills');
    await untilShown(
      page,
      async () =>
        (progress = await api<CampaignProgressResponse>('/campaigns/rollback-drills')).burnUp.filter(d => d.total > 0)
          .length >= 20,
      'the backfilled burn-up',
      300_000
    );
    expect(progress.burnUp[0].day).toBe(progress.campaign.startDate);
    expect(progress.burnUp.length).toBe(22);
    expect(progress.counts.total).toBe(21);

    await page.goto(`${APP_URL}/opsfolio/campaigns/rollback-drills`);
    const chart = page.getByTestId('opsfolio-campaign-burnup').locator('svg path.recharts-area-area');
    await untilShown(page, async () => (await chart.count()) > 0, 'the burn-up chart');
    const teams = await page
      .getByTestId('opsfolio-campaign-team')
      .evaluateAll(els => els.map(el => el.getAttribute('data-team')));
    expect(teams.sort()).toEqual(progress.teams.map(t => t.ownerRef).sort());
    const lagging = page.getByTestId('opsfolio-campaign-lagging-entity');
    expect(await lagging.count()).toBe(progress.lagging.reduce((n, t) => n + t.entities.length, 0));
    expect(await lagging.first().innerText()).toMatch(/Fix: /);
    expect(await page.getByTestId('opsfolio-campaign-milestone').count()).toBe(3);
    await page.screenshot({ path: `${SCREENSHOTS}campaign-rollback-drills.png`, fullPage: true });
  }, 360_000);

  it("says on a lagging service's Readiness tab which campaign it is part of and what it has left", async () => {
    const { page } = demo;
    const progress = await api<CampaignProgressResponse>('/campaigns/rollback-drills');
    const entity = progress.lagging[0].entities[0];
    const left = entity.remaining.length;
    await page.goto(`${APP_URL}/catalog/default/component/${entity.entityRef.split('/')[1]}/scorecards`);
    const section = page
      .getByTestId('opsfolio-entity-campaign')
      .and(page.locator('[data-campaign-id="rollback-drills"]'));
    await untilShown(page, async () => (await section.count()) === 1, 'the campaign section');
    expect(await section.getByTestId('opsfolio-entity-campaign-sentence').innerText()).toBe(
      `Part of Rollback drills: ${left} ${left === 1 ? 'check' : 'checks'} left, due ${shortDay(
        progress.campaign.targetDate
      )}`
    );
    expect(await section.innerText()).toContain(entity.remaining[0].fix.text);
    await page.screenshot({ path: `${SCREENSHOTS}campaign-entity-section.png`, fullPage: true });
  });

  it("promotes the ended campaign's check into the scorecard as a pull-request-ready diff, at the level picked", async () => {
    const { page } = demo;
    // Only an ended campaign promotes: a running one is a 409 that names its state.
    const running = await fetch(`${BACKEND_URL}/api/opsfolio/campaigns/rollback-drills/promotion`, {
      headers: { authorization: `Bearer ${await guestToken()}` },
    });
    expect(running.status).toBe(409);
    expect(await running.text()).toContain('active');

    await page.goto(`${APP_URL}/opsfolio/campaigns/dashboards-everywhere`);
    const section = page.getByTestId('opsfolio-campaign-promotion');
    const diff = section.getByTestId('opsfolio-promotion-diff');
    await untilShown(page, async () => (await diff.count()) === 1, 'the promotion diff');
    // The lowest level by default: the dashboard check (a Silver one in the shipped scorecard) guards Bronze.
    const picker = section.getByTestId('opsfolio-promotion-level').getByRole('button');
    expect(await picker.innerText()).toContain('Bronze');
    expect(await section.getByTestId('opsfolio-promotion-change').allInnerTexts()).toEqual([
      'Dashboard linked: from Silver to Bronze',
    ]);
    expect(await diff.innerText()).toContain('+++ b/scorecards/production-readiness.yaml');
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}campaign-promotion.png`, fullPage: true });

    // At Silver the check guards that level already: nothing to change, nothing to copy.
    await picker.click();
    await page.getByRole('option', { name: 'Silver' }).click();
    const nothing = section.getByTestId('opsfolio-promotion-nothing');
    await nothing.waitFor({ timeout: 30_000 });
    expect(await nothing.innerText()).toMatch(/nothing to change/i);
    expect(await diff.count()).toBe(0);
    expect(await picker.innerText()).toContain('Silver');
  });
}
