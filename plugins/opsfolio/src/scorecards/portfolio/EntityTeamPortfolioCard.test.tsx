import type { Entity } from '@backstage/catalog-model';
import { EntityProvider, entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { HOUR_MS, type TeamPortfolioResponse } from '@opsfolio/backstage-plugin-common';
import { vi } from 'vitest';
import { opsfolioApiRef, type OpsfolioApi } from '../../api/OpsfolioApi';
import { EntityTeamPortfolioCard } from './EntityTeamPortfolioCard';

const group: Entity = { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'commerce' }, spec: { type: 'department', children: ['payments'] } };

const hoursAgo = (h: number) => new Date(Date.now() - h * HOUR_MS).toISOString();

const portfolio: TeamPortfolioResponse = {
  // As the backend sends it: the group's ref keeps the catalog's case, owner refs are lower-case.
  groupRef: 'group:default/Commerce',
  costVisible: true,
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

async function renderCard(response: TeamPortfolioResponse) {
  const api = { getTeamPortfolio: vi.fn(async () => response) } satisfies Partial<OpsfolioApi>;
  await renderInTestApp(
    <TestApiProvider apis={[[opsfolioApiRef, api]]}>
      <EntityProvider entity={group}>
        <EntityTeamPortfolioCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
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
    expect(screen.getByRole('link', { name: /Readiness of this team's services/ })).toHaveAttribute(
      'href',
      '/opsfolio/scorecards?owner=group%3Adefault%2Fcommerce',
    );
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
    await renderCard({ groupRef: 'group:default/commerce', costVisible: true, services: [] });
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
