import { screen, within } from '@testing-library/react';
import { EntityScorecardCard } from './EntityScorecardCard';
import { notApplicable, paymentsReadiness } from './testing/scorecardTestData';
import { renderOnEntityPage } from './testing/renderScorecards';

const renderCard = (scorecards = [paymentsReadiness]) =>
  renderOnEntityPage(<EntityScorecardCard />, {
    getEntityScorecards: async () => ({ entityRef: 'component:default/payments-api', scorecards }),
  });

describe('EntityScorecardCard', () => {
  it('shows the level, the target and the progress toward the next level', async () => {
    await renderCard();
    const level = await screen.findByTestId('opsfolio-scorecard-level');
    expect(level).toHaveTextContent('Bronze');
    expect(level).toHaveTextContent('target: Gold (not met)');
    expect(screen.getByTestId('opsfolio-scorecard-progress')).toHaveTextContent('2 of 5 checks toward Silver');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '40');
  });

  it('lists what keeps it from Silver, failures first, with the evidence and the fix link, and leaves Gold checks out', async () => {
    await renderCard();
    const checks = await screen.findAllByTestId('opsfolio-blocking-check');
    expect(checks.map(c => within(c).getByTestId('opsfolio-check-state').textContent)).toEqual(['fail', 'stale', 'not reported']);
    expect(checks[0]).toHaveTextContent('Escalation levels');
    expect(checks[0]).toHaveTextContent('1 escalation level (needs >= 2)');
    expect(checks[0]).toHaveTextContent('Fix: Add a second level to the escalation policy.');
    expect(within(checks[0]).getByRole('link', { name: /How to fix/ })).toHaveAttribute('href', 'https://docs.acme.example/escalation');
    // Stale data shows how old it is.
    expect(checks[1]).toHaveTextContent('92% of spend tagged (needs >= 0.9) (data from 5 days ago)');
    // A fix without a page has no link.
    expect(within(checks[1]).queryByRole('link')).not.toBeInTheDocument();
    expect(screen.queryByText('Acknowledged quickly')).not.toBeInTheDocument();
  });

  it('shows a check with no data differently from a failing one', async () => {
    await renderCard();
    const [failing] = await screen.findAllByText('fail');
    const notReported = screen.getByText('not reported');
    const chipOf = (label: HTMLElement) => label.closest('[data-testid="opsfolio-check-state"]') as HTMLElement;
    // Filled in the light theme's "bad" tone with white text; "not reported" only outlined in grey.
    expect(chipOf(failing)).toHaveStyle({ backgroundColor: '#b83d00', color: '#ffffff' });
    expect(chipOf(notReported)).toHaveStyle({ color: '#616161' });
    expect(chipOf(notReported)).not.toHaveStyle({ backgroundColor: '#b83d00' });
    expect(screen.getByText('No deployment source reports this entity')).toBeInTheDocument();
  });

  it('warns about an expired exemption', async () => {
    await renderCard();
    expect(await screen.findByTestId('opsfolio-exemption-problem')).toHaveTextContent('The exemption for cost-tagged expired on 2026-01-31.');
  });

  it('links to the tab with every check', async () => {
    await renderCard();
    expect(await screen.findByRole('link', { name: 'See all checks' })).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-api/scorecards',
    );
  });

  it('says which entities the scorecards cover when none applies', async () => {
    await renderCard([notApplicable]);
    const empty = await screen.findByTestId('opsfolio-empty-state');
    expect(empty).toHaveTextContent('No scorecard applies to this entity');
    expect(empty).toHaveTextContent('Production readiness covers components of type service.');
    expect(screen.queryByTestId('opsfolio-scorecard-level')).not.toBeInTheDocument();
  });
});
