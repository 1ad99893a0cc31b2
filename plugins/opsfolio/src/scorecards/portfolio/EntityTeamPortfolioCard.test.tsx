import type { Entity } from '@backstage/catalog-model';
import { EntityProvider, entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { HOUR_MS, type Campaign, type TeamPortfolioResponse } from '@opsfolio/backstage-plugin-common';
import { vi } from 'vitest';
import { opsfolioApiRef, type OpsfolioApi } from '../../api/OpsfolioApi';
import { legacyCampaignsPageRouteRef } from '../../campaigns/campaignsPageRouteRef';
import { paletteOf } from '../../components/palette';
import { EntityTeamPortfolioCard } from './EntityTeamPortfolioCard';

const group: Entity = { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'commerce' }, spec: { type: 'department', children: ['payments'] } };

const hoursAgo = (h: number) => new Date(Date.now() - h * HOUR_MS).toISOString();

const portfolio: TeamPortfolioResponse = {
  // As the backend sends it: the group's ref keeps the catalog's case, owner refs are lower-case.
  groupRef: 'group:default/Commerce',
  costVisible: true,
  campaigns: [],
  services: [
    {
      entityRef: 'component:default/payments-api',
      title: 'Payments API',
      ownerRef: 'group:default/payments',
      level: { id: 'gold', title: 'Gold' },
      scorecardId: 'production',
      onCallNow: [
        { name: 'Ada Okafor', source: 'pagerduty' },
        { name: 'Ada Okafor', source: 'opsgenie' },
        { name: 'Victor Nguyen', source: 'pagerduty' },
      ],
      lastDeploy: { at: hoursAgo(2), environment: 'production', version: 'v1.4.2', status: 'failure' },
      costThisMonth: { USD: 1234 },
    },
    {
      entityRef: 'component:default/ledger',
      ownerRef: 'group:default/commerce',
      level: null,
      onCallNow: [],
      costThisMonth: { USD: 600, EUR: 40 },
    },
    { entityRef: 'component:default/refunds', ownerRef: 'group:default/commerce', level: { id: 'bronze', title: 'Bronze' }, onCallNow: [], costThisMonth: {} },
  ],
};

const campaign = (id: string, title: string, state: Campaign['state'], targetDate: string): Campaign => ({
  id,
  title,
  state,
  targetDate,
  owner: 'group:default/team-sre',
  scorecardId: 'production',
  targetLevel: 'gold',
  startDate: '2026-10-01',
  source: 'config',
});

// Counted over the team's services alone: 3 done and 1 exempt of 9 (4 complete); 0 of the team's 1; 2 of 2.
const campaigns: TeamPortfolioResponse['campaigns'] = [
  {
    campaign: campaign('rollback-drills', 'Rollback drills', 'active', '2027-01-31'),
    counts: { total: 9, done: 3, exempt: 1, notDone: 5 },
    scorecardTitle: 'Production readiness',
    targetLevelTitle: 'Gold',
  },
  {
    campaign: campaign('runbooks-q4', 'Runbooks everywhere', 'overdue', '2026-12-31'),
    counts: { total: 1, done: 0, exempt: 0, notDone: 1 },
    scorecardTitle: 'Production readiness',
  },
  {
    campaign: campaign('on-call-2027', 'On-call for tier 1', 'scheduled', '2027-04-30'),
    counts: { total: 2, done: 2, exempt: 0, notDone: 0 },
    scorecardTitle: 'Production readiness',
  },
];

async function renderCard(response: TeamPortfolioResponse, options: { campaignsPageMounted?: boolean } = {}) {
  const { campaignsPageMounted = true } = options;
  const api = { getTeamPortfolio: vi.fn(async () => response) } satisfies Partial<OpsfolioApi>;
  await renderInTestApp(
    <TestApiProvider apis={[[opsfolioApiRef, api]]}>
      <EntityProvider entity={group}>
        <EntityTeamPortfolioCard />
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        ...(campaignsPageMounted ? { '/opsfolio/campaigns': legacyCampaignsPageRouteRef } : {}),
      },
    },
  );
  return api;
}

// Backstage UI's tables are grids: a row's first cell is its row header.
const cells = (row: HTMLElement) =>
  Array.from(row.querySelectorAll('[role="gridcell"], [role="rowheader"]')).map(c => c.textContent);

describe('EntityTeamPortfolioCard', () => {
  it("shows each service's level, who is on call now, its last deploy and its cost this month", async () => {
    const api = await renderCard(portfolio);
    const rows = await screen.findAllByTestId('opsfolio-team-portfolio-row');
    expect(api.getTeamPortfolio).toHaveBeenCalledWith({ kind: 'Group', namespace: 'default', name: 'commerce' });
    expect(screen.getAllByRole('columnheader').map(h => h.textContent)).toEqual(['Service', 'Level', 'On call now', 'Last deploy', 'Cost this month']);
    // The sub-team's service names the sub-team; one person on two rotas is named once.
    expect(cells(rows[0])).toEqual(['Payments APIpayments', 'Gold', 'Ada Okafor, Victor Nguyen', '2 hours ago to production (v1.4.2)failure', '$1,234']);
    expect(within(rows[0]).getByRole('link', { name: 'Payments API' })).toHaveAttribute('href', '/catalog/default/component/payments-api');
    expect(cells(rows[1])).toEqual(['ledger', 'No level', 'nobody found', 'none recorded', '€40.00 + $600']);
    // Allowed to see cost, but no spend matched to the service: a dash, not $0.
    expect(cells(rows[2])).toEqual(['refunds', 'Bronze', 'nobody found', 'none recorded', '–']);
    expect(screen.queryByTestId('opsfolio-team-portfolio-cost-hidden')).toBeNull();
    // No campaign covers these services: no campaign line at all.
    expect(screen.queryByTestId('opsfolio-team-portfolio-campaigns')).toBeNull();
    expect(screen.getByRole('link', { name: /Readiness of this team's services/ })).toHaveAttribute(
      'href',
      '/opsfolio/scorecards?owner=group%3Adefault%2Fcommerce',
    );
  });

  it("says how far each running campaign is on the team's services and when it is due, overdue in the bad tone", async () => {
    await renderCard({ ...portfolio, campaigns });
    await screen.findAllByTestId('opsfolio-team-portfolio-row');
    const lines = screen.getAllByTestId('opsfolio-team-portfolio-campaign');
    expect(lines.map(l => l.textContent)).toEqual([
      'Rollback drills: 4 of 9 services done, due Jan 31',
      'Runbooks everywhere: 0 of 1 service done, overdue since Dec 31',
      'On-call for tier 1: 2 of 2 services done, due Apr 30',
    ]);
    expect(lines.map(l => l.dataset.campaignId)).toEqual(['rollback-drills', 'runbooks-q4', 'on-call-2027']);
    expect(within(lines[0]).getByRole('link', { name: 'Rollback drills' })).toHaveAttribute('href', '/opsfolio/campaigns/rollback-drills');
    expect(within(lines[1]).getByRole('link', { name: 'Runbooks everywhere' })).toHaveAttribute('href', '/opsfolio/campaigns/runbooks-q4');
    const bad = paletteOf('light').tone.bad;
    expect(lines[1]).toHaveStyle({ color: bad });
    expect(lines[0]).not.toHaveStyle({ color: bad });
    expect(lines[2]).not.toHaveStyle({ color: bad });
    // Above the services, which are still all listed.
    const table = screen.getAllByTestId('opsfolio-team-portfolio-row')[0];
    expect(lines[2].compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getAllByTestId('opsfolio-team-portfolio-row')).toHaveLength(3);
  });

  it('names a campaign without a link where the app mounts no campaigns page', async () => {
    await renderCard({ ...portfolio, campaigns: campaigns.slice(0, 1) }, { campaignsPageMounted: false });
    const [line] = await screen.findAllByTestId('opsfolio-team-portfolio-campaign');
    expect(line).toHaveTextContent('Rollback drills: 4 of 9 services done, due Jan 31');
    expect(within(line).queryByRole('link')).toBeNull();
  });

  it('says cost needs the permission instead of showing zeros when cost is not visible', async () => {
    await renderCard({ ...portfolio, costVisible: false, services: portfolio.services.map(({ costThisMonth: _cost, ...s }) => s) });
    const rows = await screen.findAllByTestId('opsfolio-team-portfolio-row');
    expect(screen.getByTestId('opsfolio-team-portfolio-cost-hidden')).toHaveTextContent('Cost needs the opsfolio.cost.read permission');
    expect(screen.queryByText('Cost this month')).toBeNull();
    expect(cells(rows[0])).toHaveLength(4);
    expect(screen.queryByText(/\$0/)).toBeNull();
  });

  it('says how services join the card when the team owns none', async () => {
    await renderCard({ groupRef: 'group:default/commerce', costVisible: true, services: [], campaigns: [] });
    expect(await screen.findByText('This team owns no services yet')).toBeInTheDocument();
    expect(screen.queryAllByTestId('opsfolio-team-portfolio-row')).toHaveLength(0);
  });

  it('shows a backend error', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[opsfolioApiRef, { getTeamPortfolio: async () => Promise.reject(new Error('portfolio unavailable')) }]]}>
        <EntityProvider entity={group}>
          <EntityTeamPortfolioCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect((await screen.findAllByText(/portfolio unavailable/)).length).toBeGreaterThan(0);
  });
});
