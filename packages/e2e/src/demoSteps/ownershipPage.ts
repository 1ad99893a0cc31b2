import { APP_URL } from '../demo';
import { type DemoSession, SCREENSHOTS, openEntityPage, untilShown, waitForFirstSync } from './session';

/** The ownership page: exactly the planted problems, each on its own service's card. */
export function ownershipPageSteps(demo: DemoSession) {
  it('lists exactly the ownership problems planted in examples/, and each service card shows its own', async () => {
    const { page } = demo;
    await waitForFirstSync(['codeowners', 'pagerduty', 'opsgenie', 'github']);
    await page.goto(`${APP_URL}/opsfolio/ownership`);
    const rows = page.getByTestId('opsfolio-ownership-row');
    const problems = () => rows.evaluateAll(els => els.map(el => `${el.getAttribute('data-kind')} ${el.getAttribute('data-entity')}`));
    // Deployer and rota drift need the first deploy and on-call syncs; the list is kept for 30 seconds.
    await untilShown(page, async () => (await problems()).length >= 7, 'ownership problems', 300_000);
    const found = await problems();
    expect(found.sort()).toEqual(
      [
        'codeowners-drift component:default/storefront-web',
        'deployer-drift component:default/account-portal',
        'oncall-drift component:default/product-catalog',
        'owned-by-user component:default/legacy-sso-bridge',
        'owner-missing component:default/promotions-service',
        'team-without-members component:default/mobile-sdk',
        'team-without-members group:default/team-mobile',
      ].sort(),
    );
    await page.screenshot({ path: `${SCREENSHOTS}ownership-page.png`, fullPage: true });
    // Each planted service's own card shows its problem.
    for (const line of found.filter(f => f.includes(' component:default/'))) {
      const [kind, ref] = line.split(' ');
      const name = ref.split('/')[1];
      await openEntityPage(page, name);
      const problem = page.getByTestId('opsfolio-ownership-problem').and(page.locator(`[data-kind="${kind}"]`));
      await problem.first().waitFor({ timeout: 60_000 });
      if (name === 'storefront-web') {
        expect(await problem.first().innerText()).toContain('@acme/team-checkout');
        await page.screenshot({ path: `${SCREENSHOTS}storefront-web-ownership.png`, fullPage: true });
      }
    }
  }, 420_000);

  it('names the annotation to add on a service without on-call', async () => {
    const { page } = demo;
    await openEntityPage(page, 'search-service');
    const card = page.getByTestId('opsfolio-card-oncall');
    await card.getByTestId('opsfolio-empty-state').waitFor({ timeout: 30_000 });
    expect(await card.innerText()).toContain('Add pagerduty.com/service-id or opsgenie.com/team');
    await page.screenshot({ path: `${SCREENSHOTS}search-service.png`, fullPage: true });
  });
}
