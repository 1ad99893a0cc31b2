import { screen } from '@testing-library/react';
import { cost, renderCard, summary } from './testing/renderCostCard';

describe('EntityCostCard', () => {
  it('shows this month, last month, the forecast with its change, the top cloud services and what is left out', async () => {
    await renderCard(true, { getEntityCost: async () => cost });
    expect(await screen.findByTestId('opsfolio-cost-month-to-date')).toHaveTextContent('$4,200');
    expect(screen.getByTestId('opsfolio-cost-last-month')).toHaveTextContent('$6,000');
    // 6,300 against 6,000: +5.0%.
    expect(screen.getByTestId('opsfolio-cost-forecast')).toHaveTextContent('$6,300+5.0% on last month');
    expect(screen.getByTestId('opsfolio-cost-top-services')).toHaveTextContent(
      'Last 30 days: Amazon Relational Database Service $2,400 · Amazon Elastic Compute Cloud - Compute $2,100 · Amazon Simple Storage Service $300',
    );
    expect(screen.getByTestId('opsfolio-cost-not-included')).toHaveTextContent('$980 untagged and $45.50 under tag values');
    expect(screen.queryByTestId('opsfolio-cost-own-key')).not.toBeInTheDocument();
  });

  it("says when the entity is read by its own tag key, not the organisation's", async () => {
    const own = { ...cost, tags: [{ key: 'app', value: 'payments', annotated: true, entityRef: cost.entityRef }] };
    await renderCard(true, { getEntityCost: async () => own });
    expect(await screen.findByText('Tag app=payments')).toBeInTheDocument();
    expect(screen.getByTestId('opsfolio-cost-own-key')).toHaveTextContent(
      'Read by its own tag key. The organisation allocates by service, so in team and organisation totals this spend is untagged or under another service value.',
    );
  });

  it('says how far the first sync has got instead of showing zeros', async () => {
    const none = { monthToDate: {}, lastMonth: {}, forecast: {} };
    const progress = { unit: 'months', done: 2, total: 7, at: new Date().toISOString() };
    const aws = { id: 'aws', pillar: 'cost' as const, vendor: 'aws', lastRun: { sourceId: 'aws', status: 'running' as const, startedAt: new Date().toISOString(), progress } };
    await renderCard(true, { getEntitySummary: async () => summary([aws]), getEntityCost: async () => ({ ...cost, figures: none }) });
    expect(await screen.findByTestId('opsfolio-empty-state-title')).toHaveTextContent('First sync of AWS Cost Explorer in progress: 2 of 7 months');
    expect(screen.queryByTestId('opsfolio-cost-month-to-date')).not.toBeInTheDocument();
  });
});
