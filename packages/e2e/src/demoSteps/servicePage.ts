import { APP_URL, BACKEND_URL } from '../demo';
import { type DemoSession, CI_TOKEN, PILLARS, SCREENSHOTS, guestToken, openEntityPage, untilShown, waitForFirstSync } from './session';

/** A service's page and a team's page: its cards for ownership, deployments and on-call. */
export function servicePageSteps(demo: DemoSession) {
  it('shows the five Opsfolio cards on the tier-1 service page', async () => {
    const { page } = demo;
    await openEntityPage(page, 'payments-api');
    for (const pillar of PILLARS) {
      await page.getByTestId(`opsfolio-card-${pillar}`).waitFor({ timeout: 30_000 });
    }
    // Deployments from the GitHub module, or before its first sync the repository it waits for.
    await expect.poll(() => page.getByTestId('opsfolio-card-deployments').innerText()).toMatch(/Last shipped|project-slug: acme\/payments-api/);
    await expect.poll(() => page.getByTestId('opsfolio-card-oncall').innerText(), { timeout: 30_000 }).toMatch(/Level 1/);
    expect(await page.getByTestId('opsfolio-card-ownership').innerText()).toMatch(/Owned by\s+Payments/);
    expect(await page.getByTestId('opsfolio-card-scorecards').innerText()).toContain('Production readiness');
    await page.screenshot({ path: `${SCREENSHOTS}payments-api.png`, fullPage: true });
  });

  it('shows the tier-1 service deploying at an elite frequency, from the GitHub module talking to the simulator', async () => {
    const { page } = demo;
    await waitForFirstSync(['github', 'gitlab']);
    await openEntityPage(page, 'payments-api');
    const frequency = page.getByTestId('opsfolio-dora-deploymentFrequency');
    await untilShown(page, () => frequency.isVisible(), 'payments-api DORA figures');
    expect(await frequency.innerText()).toMatch(/a day[\s\S]*elite/i);
    expect(await page.getByTestId('opsfolio-environments').innerText()).toMatch(/production[\s\S]*staging/);
    // The fifth metric, as the API states it to the signed-in user, with no band.
    const dora = await fetch(`${BACKEND_URL}/api/opsfolio/entities/component/default/payments-api/dora`, {
      headers: { authorization: `Bearer ${await guestToken()}` },
    }).then(r => r.json());
    expect(dora).toMatchObject({ thresholdsSource: 'DORA 2024', unbanded: ['reworkRate'] });
    const rework = dora.figures.reworkRate;
    const shown = rework.value === null ? 'Not enough data' : `${Number((rework.value * 100).toFixed(1))}%`;
    const reworkFigure = page.getByTestId('opsfolio-dora-reworkRate');
    expect(await reworkFigure.innerText()).toBe(`Deployment rework rate\n${shown}`);
    expect(await page.getByTestId('opsfolio-dora-bands').innerText()).toBe('Bands: DORA 2024 (deployment rework rate: none published)');
    // react-aria opens a tooltip on hover once the page has seen a pointer (a click), as any user's has.
    await page.getByTestId('opsfolio-dora-bands').click();
    await reworkFigure.hover();
    await page.getByText(rework.definition).waitFor({ timeout: 10_000 });
    await page.getByText(rework.explanation, { exact: false }).first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: `${SCREENSHOTS}payments-api-deployments-card.png`, fullPage: true });
  }, 360_000);

  it('says when the stale service last shipped', async () => {
    const { page } = demo;
    await openEntityPage(page, 'invoice-renderer');
    const last = page.getByTestId('opsfolio-last-deploy');
    await untilShown(page, () => last.isVisible(), 'invoice-renderer last deploy');
    expect(await last.innerText()).toMatch(/^Last shipped (\d+ months|\d+ days) ago to production/);
  });

  it('takes a deployment pushed by CI with the service token, and shows it in the deployments tab', async () => {
    const { page } = demo;
    const version = `e2e-${Date.now()}`;
    const res = await fetch(`${BACKEND_URL}/api/opsfolio/deployments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${CI_TOKEN}` },
      body: JSON.stringify({
        deployments: [
          {
            entityRef: 'component:default/legacy-sso-bridge',
            environment: 'production',
            version,
            status: 'success',
            startedAt: new Date(Date.now() - 60_000).toISOString(),
            finishedAt: new Date().toISOString(),
            externalId: version,
            actor: 'e2e-pipeline',
          },
        ],
      }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 1, source: 'push:ci-deploy-events' });
    const anonymous = await fetch(`${BACKEND_URL}/api/opsfolio/deployments`, { method: 'POST', body: '{}' });
    expect(anonymous.status).toBe(401);

    await page.goto(`${APP_URL}/catalog/default/component/legacy-sso-bridge/deployments`);
    await page.getByText(version).first().waitFor({ timeout: 60_000 });
    expect(await page.getByRole('row').filter({ hasText: version }).first().innerText()).toMatch(/production[\s\S]*success[\s\S]*e2e-pipeline/);
    await page.screenshot({ path: `${SCREENSHOTS}pushed-deployment.png`, fullPage: true });
  });

  it('shows the tier-1 service\'s level-1 and level-2 responders from the PagerDuty module', async () => {
    const { page } = demo;
    await waitForFirstSync(['pagerduty']);
    await openEntityPage(page, 'payments-api');
    const level1 = page.getByTestId('opsfolio-oncall-level-1');
    await level1.first().waitFor({ timeout: 60_000 });
    expect(await level1.first().innerText()).toMatch(/Level 1\s+\S+ \S+/);
    expect(await page.getByTestId('opsfolio-oncall-level-2').first().innerText()).toMatch(/Level 2\s+\S+ \S+/);
    await page.screenshot({ path: `${SCREENSHOTS}payments-api-oncall.png`, fullPage: true });
  });

  it('warns about the gap in next week\'s schedule', async () => {
    const { page } = demo;
    await openEntityPage(page, 'checkout-api');
    const warning = page.getByTestId('opsfolio-oncall-warning').filter({ hasText: 'has nobody on call from' });
    await warning.first().waitFor({ timeout: 60_000 });
  });

  it('shows who is on call for a service paged through Opsgenie', async () => {
    const { page } = demo;
    await waitForFirstSync(['opsgenie']);
    await openEntityPage(page, 'auth-service');
    const answer = page.getByTestId('opsfolio-oncall-opsgenie');
    await answer.waitFor({ timeout: 60_000 });
    expect(await answer.getByTestId('opsfolio-oncall-level-1').first().innerText()).toMatch(/Level 1\s+\S+ \S+/);
    await page.screenshot({ path: `${SCREENSHOTS}auth-service-opsgenie.png`, fullPage: true });
  });

  it("shows a manager the team's services with who is on call for each on the Group page", async () => {
    const { page } = demo;
    await openEntityPage(page, 'team-payments', 'group');
    const card = page.getByTestId('opsfolio-card-team-oncall');
    const row = card.getByTestId('opsfolio-team-oncall-row').filter({ hasText: 'Payments API' });
    await row.waitFor({ timeout: 60_000 });
    expect(await row.getByTestId('opsfolio-team-oncall-level-1').innerText()).toMatch(/^L1: \S+ \S+ \(until /);
    expect(await row.getByTestId('opsfolio-team-oncall-level-2').count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}team-payments.png`, fullPage: true });
  });
}
