import { seriousViolations, switchTheme } from '../accessibility';
import { APP_URL } from '../demo';
import { type DemoSession, openEntityPage, README_SCREENSHOTS, SCREENSHOTS, untilShown } from './session';

/** Every page from the keyboard, in the light and dark themes, and in the app's second language. */
export function usabilitySteps(demo: DemoSession) {
  it('can be used from the keyboard: filters, drill-downs and expanders', async () => {
    const { page } = demo;
    // A filter is Backstage UI's select: its button has the focus, inside the element with the filter's test id.
    const focused = () => page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? '');
    // Readiness page: Tab goes from one filter to the next, typing picks a choice, Enter on a count drills down.
    await page.goto(`${APP_URL}/opsfolio/scorecards`);
    const owner = page.getByTestId('opsfolio-scorecards-filter-owner');
    // The owner choices are the teams the overview lists.
    await untilShown(page, async () => (await page.getByTestId('opsfolio-scorecards-team').count()) >= 8, 'readiness page teams');
    await owner.getByRole('button').focus();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('opsfolio-scorecards-filter-system');
    await page.keyboard.press('Shift+Tab');
    // Typing picks an option by its first letters, as in any select.
    await page.keyboard.type('Pay');
    await expect.poll(() => new URL(page.url()).searchParams.get('owner'), { timeout: 10_000 }).toBe('group:default/team-payments');
    await page.goto(`${APP_URL}/opsfolio/scorecards`);
    const drill = page.getByRole('button', { name: /^1: show the entity of Payments at Gold$/ });
    await drill.waitFor({ timeout: 60_000 });
    await drill.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('owner'), { timeout: 10_000 }).toBe('group:default/team-payments');
    expect(new URL(page.url()).searchParams.get('level')).toBe('gold');
    await expect.poll(() => page.getByTestId('opsfolio-scorecards-entity').count()).toBe(1);
    // Cost page: Enter on a team's expander shows its services, and says so to screen readers.
    await page.goto(`${APP_URL}/opsfolio/cost`);
    const expand = page.getByRole('button', { name: 'Show services of Site Reliability' });
    await expand.waitFor({ timeout: 60_000 });
    await expand.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Hide services of Site Reliability' }).waitFor({ timeout: 10_000 });
    expect(await page.getByRole('button', { name: 'Hide services of Site Reliability' }).getAttribute('aria-expanded')).toBe('true');
    // Ownership page: Space on a problem count filters the list to that problem.
    await page.goto(`${APP_URL}/opsfolio/ownership`);
    const toggle = page.getByTestId('opsfolio-ownership-count-owner-missing');
    await toggle.waitFor({ timeout: 60_000 });
    await toggle.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => new URL(page.url()).searchParams.get('problem'), { timeout: 10_000 }).toBe('owner-missing');
    // The list re-renders after the URL changes: wait for the filtered rows rather than reading them once.
    const kinds = () =>
      page.getByTestId('opsfolio-ownership-row').evaluateAll(rows => [...new Set(rows.map(r => r.getAttribute('data-kind')))]);
    await expect.poll(kinds, { timeout: 10_000 }).toEqual(['owner-missing']);
  });

  it('reads well in the light and dark themes: screenshots, and no serious WCAG 2.1 AA violation in its cards and pages', async () => {
    const { page } = demo;
    const views = [
      { name: 'service-page', url: '/catalog/default/component/payments-api', ready: 'opsfolio-dora-deploymentFrequency', include: ['[data-testid^="opsfolio-card-"]'] },
      { name: 'readiness-page', url: '/opsfolio/scorecards', ready: 'opsfolio-scorecards-team', include: ['[data-testid="opsfolio-scorecards-page"]'] },
      { name: 'cost-page', url: '/opsfolio/cost', ready: 'opsfolio-cost-row', include: ['[data-testid="opsfolio-cost-page"]'] },
      { name: 'ownership-page', url: '/opsfolio/ownership', ready: 'opsfolio-ownership-row', include: ['[data-testid="opsfolio-ownership-page"]'] },
      { name: 'campaign-page', url: '/opsfolio/campaigns/rollback-drills', ready: 'opsfolio-campaign-team', include: ['[data-testid="opsfolio-campaigns-page"]'] },
    ];
    const found: string[] = [];
    try {
      for (const theme of ['light', 'dark'] as const) {
        await switchTheme(page, theme);
        for (const view of views) {
          await page.goto(`${APP_URL}${view.url}`);
          await page.getByTestId(view.ready).first().waitFor({ timeout: 60_000 });
          // Charts are drawn after their data arrives.
          await page.locator('.recharts-surface').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
          await page.screenshot({ path: `${SCREENSHOTS}${view.name}-${theme}.png`, fullPage: true });
          // The README's screenshots: the first screenful, so that they stay small.
          if (view.name !== 'ownership-page') await page.screenshot({ path: `${README_SCREENSHOTS}${view.name}-${theme}.png` });
          for (const v of await seriousViolations(page, view.include)) {
            found.push(`${theme} ${view.name}: ${v.id} (${v.impact}) ${v.help}: ${v.targets.join(' | ')}`);
          }
        }
      }
    } finally {
      await switchTheme(page, 'light');
    }
    expect(found).toEqual([]);
  }, 360_000);

  it("speaks the app's second language on its cards: the app's German resource, German numbers and ages", async () => {
    const { page } = demo;
    // The app keeps the chosen language in localStorage, as its language selector does.
    await page.evaluate(() => localStorage.setItem('language', 'de'));
    try {
      await openEntityPage(page, 'api-gateway');
      // From the demo's sample German resource, with the age from Intl in German: "Synchronisiert vor 3 Minuten".
      const freshness = page.getByTestId('opsfolio-card-cost').getByTestId('opsfolio-freshness');
      await freshness.waitFor({ timeout: 60_000 });
      expect(await freshness.innerText()).toMatch(/^Synchronisiert (vor \d+ (Minuten?|Stunden?)|gerade eben)$/);
      // Money as a German reader writes it: dot for thousands, the sign after the amount.
      expect(await page.getByTestId('opsfolio-cost-month-to-date').innerText()).toMatch(/\d{1,3}(\.\d{3})*(,\d{2})?\s\$/);
      // The tab's title comes from the same resource.
      await page.getByText('Kosten', { exact: true }).first().waitFor({ timeout: 10_000 });
      await page.screenshot({ path: `${SCREENSHOTS}api-gateway-german.png`, fullPage: true });
    } finally {
      await page.evaluate(() => localStorage.setItem('language', 'en'));
    }
    await page.reload();
    await page.getByTestId('opsfolio-card-cost').getByTestId('opsfolio-freshness').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('opsfolio-card-cost').getByTestId('opsfolio-freshness').innerText()).toMatch(/^Synced /);
  });
}
