import { APP_URL, BACKEND_URL } from '../demo';
import { type DemoSession, SCREENSHOTS, guestToken, openEntityPage, waitForFirstSync } from './session';

/** The cost page and the cost cards: every team, totals to the cent, a service read by its own tag key. */
export function costPageSteps(demo: DemoSession) {
  it('lists every demo team on the cost page, and a team total matches its service\'s cost card', async () => {
    const { page } = demo;
    await waitForFirstSync(['aws', 'focus']);
    await page.goto(`${APP_URL}/opsfolio/cost`);
    const rows = page.getByTestId('opsfolio-cost-row');
    await rows.first().waitFor({ timeout: 120_000 });
    const keys = await rows.evaluateAll(els => els.map(el => el.getAttribute('data-key')));
    for (const team of ['acme', 'engineering', 'platform', 'team-payments', 'team-checkout', 'team-growth', 'team-identity', 'team-data', 'team-sre', 'team-devex']) {
      expect(keys).toContain(`group:default/${team}`);
    }
    expect(await page.getByTestId('opsfolio-cost-organisation').innerText()).toMatch(/\$[\d,]+/);
    expect(await page.getByTestId('opsfolio-cost-untagged').innerText()).toMatch(/\$[\d,]+/);
    // notification-service's resources still carry its old name: spend nobody in the catalog owns.
    expect(await page.getByTestId('opsfolio-cost-unmapped').innerText()).toContain('notifications');
    // team-sre owns one service, api-gateway: the team's month to date is that service's.
    const sreRow = page.locator('[data-testid="opsfolio-cost-row"][data-key="group:default/team-sre"]');
    const sreMonthToDate = (await sreRow.locator('td').nth(2).innerText()).trim();
    expect(sreMonthToDate).toMatch(/^\$[\d,]+$/);
    // The FOCUS export's data-quality line: what its last import read and left out.
    expect(await page.getByTestId('opsfolio-data-quality').first().innerText()).toMatch(/^focus: [\d,]+ rows read.*, none left out/);
    await page.screenshot({ path: `${SCREENSHOTS}cost-page.png`, fullPage: true });
    // As served, to the cent: the rows' own spend, untagged and unmapped add up to the organisation, per figure
    // and currency (they are rounded together, not one by one).
    const overview = await (await fetch(`${BACKEND_URL}/api/opsfolio/overview/cost`, { headers: { authorization: `Bearer ${await guestToken()}` } })).json();
    type Figures = Record<'monthToDate' | 'lastMonth' | 'forecast', Record<string, number>>;
    const parts: Figures[] = [...overview.rows.map((r: { direct: Figures }) => r.direct), overview.untagged, overview.unmapped.figures];
    for (const figure of ['monthToDate', 'lastMonth', 'forecast'] as const) {
      for (const [currency, total] of Object.entries((overview.organisation as Figures)[figure])) {
        const cents = parts.reduce((sum, p) => sum + Math.round((p[figure][currency] ?? 0) * 100), 0);
        expect(`${figure} ${currency} ${cents}`).toBe(`${figure} ${currency} ${Math.round(total * 100)}`);
      }
    }
    await openEntityPage(page, 'api-gateway');
    const card = page.getByTestId('opsfolio-cost-month-to-date');
    await card.waitFor({ timeout: 60_000 });
    expect(await card.innerText()).toContain(sreMonthToDate);
    await page.screenshot({ path: `${SCREENSHOTS}api-gateway-cost.png`, fullPage: true });
  });

  it("reads a service tagged with its own key by that key, and keeps it out of its team's figures", async () => {
    const { page } = demo;
    await waitForFirstSync(['aws']);
    const headers = { authorization: `Bearer ${await guestToken()}` };
    const get = async (path: string) => (await fetch(`${BACKEND_URL}/api/opsfolio${path}`, { headers })).json();
    // feature-flags' resources carry app=feature-flags, not service=: its annotation names that key.
    const cost = await get('/entities/component/default/feature-flags/cost');
    expect(cost).toMatchObject({ allocationKey: 'service', tags: [{ key: 'app', value: 'feature-flags', annotated: true }] });
    expect(cost.tagProblem).toBeUndefined();
    // About $800 a month in the scenario: last month's spend was read by that key.
    expect(cost.figures.lastMonth.USD).toBeGreaterThan(500);
    expect(cost.byCloudService.map((s: { cloudService: string }) => s.cloudService).sort()).toEqual(['Amazon DynamoDB', 'Amazon Elastic Compute Cloud - Compute']);
    // Its team's figures allocate by service: feature-flags is not among the tags they count.
    const team = await get('/entities/group/default/team-devex/cost');
    expect(team.tags.map((t: { entityRef: string }) => t.entityRef)).not.toContain('component:default/feature-flags');
    await openEntityPage(page, 'feature-flags');
    const note = page.getByTestId('opsfolio-cost-own-key');
    await note.waitFor({ timeout: 60_000 });
    expect(await note.innerText()).toContain('The organisation allocates by service');
    expect(await page.getByTestId('opsfolio-card-cost').innerText()).toContain('Tag app=feature-flags');
    await page.screenshot({ path: `${SCREENSHOTS}feature-flags-cost.png`, fullPage: true });
  });
}
