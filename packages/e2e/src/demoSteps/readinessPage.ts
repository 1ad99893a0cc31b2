import { APP_URL, BACKEND_URL } from '../demo';
import { type DemoSession, CI_TOKEN, SCREENSHOTS, guestToken, openEntityPage, untilShown, waitForFirstSync } from './session';

/** Readiness: the scorecard card and tab, the readiness page, the CI gate and a team's portfolio. */
export function readinessPageSteps(demo: DemoSession) {
  it('scores the well-run tier-1 service Gold and the orphaned service no level, with what to fix', async () => {
    const { page } = demo;
    await waitForFirstSync(['github', 'gitlab', 'pagerduty', 'opsgenie', 'aws', 'focus', 'codeowners'], 300_000);
    const card = page.getByTestId('opsfolio-card-scorecards');
    const level = () => card.getByTestId('opsfolio-scorecard-level').innerText();
    const chip = () => card.getByTestId('opsfolio-level-chip').innerText();
    await openEntityPage(page, 'payments-api');
    // The next evaluation after the first syncs (every 2 minutes in the demo) brings the deploy facts.
    await untilShown(page, async () => (await chip()) === 'Gold', 'payments-api at Gold', 300_000);
    expect(await level()).toMatch(/target: Gold \(met\)/);
    await page.screenshot({ path: `${SCREENSHOTS}payments-api-readiness-card.png`, fullPage: true });

    await openEntityPage(page, 'promotions-service');
    await untilShown(page, async () => (await chip()) === 'No level', 'promotions-service at no level');
    const blocking = await card.getByTestId('opsfolio-blocking-check').allInnerTexts();
    expect(blocking[0]).toMatch(/Owned by a team that exists[\s\S]*Set spec.owner/);
    await page.screenshot({ path: `${SCREENSHOTS}promotions-service-readiness-card.png`, fullPage: true });
  }, 660_000);

  it('shows every check with its evidence and the level history on the Readiness tab', async () => {
    const { page } = demo;
    await page.goto(`${APP_URL}/catalog/default/component/payments-api/scorecards`);
    const rows = page.getByTestId('opsfolio-check-row');
    await untilShown(page, async () => (await rows.count()) === 13, 'payments-api readiness tab');
    const escalation = await rows.and(page.locator('[data-check="escalation-levels"]')).innerText();
    expect(escalation).toMatch(/Escalation levels: 3 \(needs >= 2\)/);
    // The demo backfills 30 days once every source has synced, so the history chart has something to draw.
    const drawn = page.getByTestId('opsfolio-level-history-chart').locator('svg path.recharts-curve');
    await untilShown(page, async () => (await drawn.count()) > 0, 'payments-api level history', 300_000);
    await page.screenshot({ path: `${SCREENSHOTS}payments-api-readiness-tab.png`, fullPage: true });
  }, 360_000);

  it('compares the demo teams on the readiness page, with a trend, drill-down and CSV', async () => {
    const { page } = demo;
    await page.goto(`${APP_URL}/opsfolio/scorecards`);
    const teams = page.getByTestId('opsfolio-scorecards-team');
    await untilShown(page, async () => (await teams.count()) >= 8, 'readiness page teams');
    const owners = await teams.evaluateAll(els => els.map(el => el.getAttribute('data-owner')));
    for (const team of ['payments', 'checkout', 'growth', 'identity', 'sre', 'data', 'devex']) {
      expect(owners).toContain(`group:default/team-${team}`);
    }
    await page.getByTestId('opsfolio-scorecards-trend').locator('svg path').first().waitFor({ timeout: 30_000 });
    const gold = page.getByTestId('opsfolio-scorecards-entity').and(page.locator('[data-entity="component:default/payments-api"]'));
    expect(await gold.innerText()).toContain('Gold');
    // The planted exemptions: invoice-renderer's counts until mid-2027, fraud-scoring's ended in October.
    const exemptions = await page.getByTestId('opsfolio-exemption-row').allInnerTexts();
    expect(exemptions.join('\n')).toMatch(/Invoice Renderer[\s\S]*redeployed with them/);
    expect(exemptions.join('\n')).toMatch(/Fraud Scoring[\s\S]*expired/);
    await page.screenshot({ path: `${SCREENSHOTS}readiness-page.png`, fullPage: true });

    // As a signed-in guest: the CI token may not read the catalog, so the overviews refuse it.
    const csv = await fetch(`${BACKEND_URL}/api/opsfolio/overview/scorecards?format=csv&owner=team-payments`, {
      headers: { authorization: `Bearer ${await guestToken()}` },
    });
    expect(csv.status).toBe(200);
    const refused = await fetch(`${BACKEND_URL}/api/opsfolio/overview/scorecards`, { headers: { authorization: `Bearer ${CI_TOKEN}` } });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toContain('plugin: catalog');
    // Every check that applies passes: 13, or 12 when its few incidents (about one a month) leave MTTR nothing to judge.
    expect(await csv.text()).toMatch(/component:default\/payments-api,.*,Gold,(1[23]),\1,/);
  }, 360_000);

  it('lets CI gate a deploy on the readiness level with the service token', async () => {
    const gate = (name: string, level: string) =>
      fetch(`${BACKEND_URL}/api/opsfolio/entities/component/default/${name}/scorecards/production-readiness/gate?level=${level}`, {
        headers: { authorization: `Bearer ${CI_TOKEN}` },
      });
    const pass = await gate('payments-api', 'gold');
    expect(pass.status).toBe(200);
    expect(await pass.json()).toMatchObject({ pass: true, reached: { id: 'gold' } });
    const fail = await gate('promotions-service', 'bronze');
    expect(fail.status).toBe(412);
    const body = await fail.json();
    expect(body.failing.map((f: { checkId: string }) => f.checkId)).toContain('owned-by-team');
  });

  it("shows a team's portfolio with each service's level on the Group page", async () => {
    const { page } = demo;
    await openEntityPage(page, 'team-payments', 'group');
    const row = page.getByTestId('opsfolio-team-portfolio-row').and(page.locator('[data-entity="component:default/payments-api"]'));
    await row.waitFor({ timeout: 60_000 });
    expect(await row.innerText()).toMatch(/Gold/);
    await page.getByTestId('opsfolio-card-team-portfolio').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}team-payments-portfolio.png`, fullPage: true });
  });
}
