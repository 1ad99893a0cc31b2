import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { mockApis, renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CostOverviewResponse, HealthResponse } from '@opsfolio/backstage-plugin-common';
import { vi } from 'vitest';
import { opsfolioApiRef, type OpsfolioApi } from '../api/OpsfolioApi';
import { ownerOverview, paymentsCost, systemOverview } from './testing/costTestData';
import { OpsfolioCostPage } from './OpsfolioCostPage';
import { choose } from '../components/testing/selects';

function apiOf(overview = async (groupBy?: CostOverviewResponse['groupBy']) => (groupBy === 'system' ? systemOverview : ownerOverview)) {
  return {
    getCostOverview: vi.fn(overview),
    getCostOverviewCsv: vi.fn(async () => new Blob(['key,monthToDate\n'], { type: 'text/csv' })),
    getEntityCost: vi.fn(async () => paymentsCost),
    getHealth: vi.fn(async () => health),
  } satisfies Partial<OpsfolioApi>;
}

async function renderPage(api: Partial<OpsfolioApi>) {
  await renderInTestApp(
    <TestApiProvider apis={[[opsfolioApiRef, api], [permissionApiRef, mockApis.permission()]]}>
      <OpsfolioCostPage />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
const health: HealthResponse = {
  status: 'ok',
  degraded: [],
  sources: [
    { id: 'aws', pillar: 'cost', vendor: 'aws', lastSuccessAt: hoursAgo(2), lastRun: { sourceId: 'aws', status: 'succeeded', startedAt: hoursAgo(2), items: 90 } },
    {
      id: 'focus',
      pillar: 'cost',
      vendor: 'focus',
      lastSuccessAt: hoursAgo(1),
      lastRun: {
        sourceId: 'focus',
        status: 'succeeded',
        startedAt: hoursAgo(1),
        items: 40,
        details: { read: 1000, leftOut: 2, problems: [{ file: 'nov.csv', line: 7, message: 'EffectiveCost is NULL; FOCUS requires a value' }], days: [{ from: '2026-11-01', to: '2026-11-04' }] },
      },
    },
    { id: 'github', pillar: 'deployments', vendor: 'github', lastSuccessAt: hoursAgo(1), lastRun: { sourceId: 'github', status: 'succeeded', startedAt: hoursAgo(1), details: { read: 5 } } },
  ],
};

// Backstage UI's table is a grid: a row's first cell is its row header.
const cells = (row: HTMLElement) =>
  Array.from(row.querySelectorAll('[role="gridcell"], [role="rowheader"]')).map(c => c.textContent);

describe('OpsfolioCostPage', () => {
  it('lists every team in tree order with totals, own spend, unmapped, untagged and the organisation', async () => {
    await renderPage(apiOf());
    const rows = await screen.findAllByTestId('opsfolio-cost-row');
    expect(rows.map(r => [r.dataset.key, r.dataset.depth])).toEqual([
      ['group:default/engineering', '0'],
      ['group:default/search', '1'],
      ['group:default/payments', '1'],
      ['group:default/checkout', '2'],
      ['user:default/jane', '0'],
      ['', '0'],
    ]);
    expect(screen.getByTestId('opsfolio-cost-page')).toBeInTheDocument();
    // Engineering: with sub-teams, own spend as secondary text; change is forecast on last month.
    expect(cells(rows[0])).toEqual([
      expect.stringMatching(/Engineering.*with sub-teams/),
      '1',
      '$1,500own $100',
      '$1,600own $100',
      '$2,250own $150',
      '+41%',
    ]);
    expect(cells(rows[1])).toEqual(['Search', '3', '$800', '$700', '$1,100', '+57%']);
    expect(within(rows[2]).getByText('$600')).toBeInTheDocument();
    expect(within(rows[2]).getByText('own $400')).toBeInTheDocument();
    expect(within(rows[0]).getByRole('link', { name: 'Engineering' })).toHaveAttribute('href', '/catalog/default/group/engineering');
    expect(within(rows[4]).getByRole('link')).toHaveTextContent('user:jane');
    expect(within(rows[5]).queryByRole('link')).toBeNull();
    expect(rows[5]).toHaveTextContent('No owner');

    const unmapped = screen.getByTestId('opsfolio-cost-unmapped');
    expect(within(unmapped).getAllByTestId('opsfolio-cost-unmapped-value')).toHaveLength(10);
    expect(unmapped).toHaveTextContent('legacy-01 $10.00 this month, $5.00 last month');
    expect(unmapped).toHaveTextContent('and 2 more');
    expect(cells(screen.getByTestId('opsfolio-cost-untagged')).slice(2)).toEqual(['$300', '$250', '$400', '+60%']);
    expect(cells(screen.getByTestId('opsfolio-cost-organisation'))).toEqual(['Organisation', '', '$2,000', '$1,970', '$2,945', '+49%']);
    expect(screen.getByTestId('opsfolio-cost-reconciliation')).toHaveTextContent(
      "Teams, unmapped and untagged add up to the organisation's $2,000 this month",
    );
  });

  it("shows each cost source's data-quality line: rows read, left out and where", async () => {
    await renderPage(apiOf());
    const lines = await screen.findAllByTestId('opsfolio-data-quality');
    expect(lines.map(l => l.textContent)).toEqual([
      'focus: 1,000 rows read, 2 left out (first: nov.csv line 7: EffectiveCost is NULL; FOCUS requires a value), days 2026-11-01 to 2026-11-03 replaced.',
    ]);
    expect(screen.getByTestId('opsfolio-freshness')).toHaveTextContent('Synced 1 hour ago');
  });

  it("opens a team's services", async () => {
    const api = apiOf();
    await renderPage(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Show services of Payments' }));
    const services = await screen.findAllByTestId('opsfolio-cost-drilldown-row');
    expect(api.getEntityCost).toHaveBeenCalledWith({ kind: 'group', namespace: 'default', name: 'payments' }, { granularity: 'month' });
    expect(services.map(cells)).toEqual([
      ['payments-api', '$2,500'],
      ['refunds', '$1,200'],
      ['checkout-web', '€40.00 + $670'],
    ]);
    expect(screen.getByTestId('opsfolio-cost-drilldown')).toHaveTextContent('Spend since Jan 2026');
  });

  it('downloads the CSV of the current grouping', async () => {
    const api = apiOf();
    const createObjectURL = vi.fn(() => 'blob:csv');
    const revokeObjectURL = vi.fn();
    // jsdom has neither; put back whatever was there.
    const original = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const saved: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(`${this.download} ${this.href}`);
    });
    await renderPage(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(saved).toEqual(['opsfolio-cost-by-owner.csv blob:csv']));
    expect(api.getCostOverviewCsv).toHaveBeenCalledWith('owner');
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
    await waitFor(() => expect(revokeObjectURL).toHaveBeenCalledWith('blob:csv'));
    click.mockRestore();
    Object.assign(URL, original);
  });

  it('groups by system', async () => {
    const api = apiOf();
    await renderPage(api);
    await screen.findAllByTestId('opsfolio-cost-row');
    await choose('opsfolio-cost-group-by', 'System');
    await waitFor(() => expect(api.getCostOverview).toHaveBeenLastCalledWith('system'));
    await waitFor(() =>
      expect(screen.getAllByTestId('opsfolio-cost-row').map(r => r.dataset.key)).toEqual(['system:default/storefront', '']),
    );
    expect(screen.getAllByTestId('opsfolio-cost-row')[1]).toHaveTextContent('No system');
    expect(screen.getByTestId('opsfolio-cost-reconciliation')).toHaveTextContent('Systems, unmapped and untagged add up');
  });

  it('shows a 403 from the backend as the permission message, not an error', async () => {
    const forbidden = Object.assign(new Error('Forbidden'), { name: 'ResponseError', statusCode: 403 });
    await renderPage(apiOf(async () => Promise.reject(forbidden)));
    expect(await screen.findByTestId('opsfolio-cost-not-allowed')).toHaveTextContent('your permission policy does not allow opsfolio.cost.read');
    expect(screen.queryAllByTestId('opsfolio-cost-row')).toHaveLength(0);
  });

  describe('without spend, says why from /health', () => {
    const empty = { monthToDate: {}, lastMonth: {}, forecast: {} };
    const none = async () => ({ ...ownerOverview, rows: [], untagged: empty, unmapped: { figures: empty, values: [] }, organisation: empty });
    const withHealth = (sources: HealthResponse['sources']) => ({ ...apiOf(none), getHealth: vi.fn(async () => ({ status: 'ok' as const, sources })) });
    const emptyState = async (title: string) => {
      expect(await screen.findByText(title)).toBeInTheDocument();
      return screen.getByTestId('opsfolio-empty-state');
    };

    it('no cost module installed', async () => {
      await renderPage(withHealth([{ id: 'github', pillar: 'deployments', vendor: 'github', lastSuccessAt: hoursAgo(1) }]));
      expect(await emptyState('No cost module is installed')).toHaveTextContent('AWS Cost Explorer or FOCUS');
    });

    it('the first sync still running, with how far it has got', async () => {
      const progress = { unit: 'months', done: 3, total: 7, at: hoursAgo(0.01) };
      await renderPage(withHealth([{ id: 'aws', pillar: 'cost', vendor: 'aws', lastRun: { sourceId: 'aws', status: 'running', startedAt: hoursAgo(0.05), progress } }]));
      expect(await emptyState('First sync of AWS Cost Explorer in progress: 3 of 7 months')).toHaveTextContent(
        'Started 3 minutes ago. This page fills in when it ends.',
      );
    });

    it('the first sync waiting for its turn, two sources at once', async () => {
      const progress = { unit: 'files', done: 1, total: 4, at: hoursAgo(0.01) };
      await renderPage(
        withHealth([
          { id: 'aws', pillar: 'cost', vendor: 'aws' },
          { id: 'focus-azure', pillar: 'cost', vendor: 'focus', lastRun: { sourceId: 'focus-azure', status: 'running', startedAt: hoursAgo(0.1), progress } },
        ]),
      );
      await emptyState('First sync of AWS Cost Explorer, FOCUS (focus-azure) in progress');
      expect(screen.getAllByTestId('opsfolio-sync-progress').map(line => line.textContent)).toEqual([
        'Waiting for the first sync of AWS Cost Explorer',
        'First sync of FOCUS (focus-azure) in progress: 1 of 4 files',
      ]);
    });

    it('two sources whose first sync has not started', async () => {
      await renderPage(withHealth([{ id: 'aws', pillar: 'cost', vendor: 'aws' }, { id: 'focus', pillar: 'cost', vendor: 'focus' }]));
      expect(await emptyState('Waiting for the first sync of AWS Cost Explorer, FOCUS')).toHaveTextContent(
        "It starts on the source's schedule. This page fills in when it ends.",
      );
    });

    it('the first sync failed, with its reason and when', async () => {
      const error = 'Cost Explorer GetCostAndUsage page 1 of 2026-11 failed: AccessDeniedException';
      await renderPage(
        withHealth([{ id: 'aws', pillar: 'cost', vendor: 'aws', lastRun: { sourceId: 'aws', status: 'failed', startedAt: hoursAgo(1.5), finishedAt: hoursAgo(1), error } }]),
      );
      expect(await emptyState('The first sync of AWS Cost Explorer failed 1 hour ago')).toHaveTextContent(`${error} Nothing has been stored yet`);
    });

    it('synced and found nothing this month', async () => {
      await renderPage(withHealth([{ id: 'focus', pillar: 'cost', vendor: 'focus', lastSuccessAt: hoursAgo(1), lastRun: { sourceId: 'focus', status: 'succeeded', startedAt: hoursAgo(1) } }]));
      expect(await emptyState('No spend this month')).toHaveTextContent('FOCUS synced 1 hour ago and found no spend for this month. Check that the team tag');
    });
  });
});
